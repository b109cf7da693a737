package mdsrc

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// LineIndex maps byte offsets to 1-based lines and columns. It is built once per parse so
// that reporters never rescan the source.
type LineIndex struct {
	starts []int // byte offset of the start of each line
	size   int
}

// NewLineIndex indexes the line starts of src. A line ends after '\n'; a lone '\r' is not a
// line break (goldmark does not treat it as one either).
func NewLineIndex(src []byte) LineIndex {
	starts := make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return LineIndex{starts: starts, size: len(src)}
}

// Count is the number of lines; a final line without a newline counts, an empty one after
// the last newline does too (it is where an insertion at EOF lands).
func (x LineIndex) Count() int { return len(x.starts) }

// Line returns the 1-based line holding offset off.
func (x LineIndex) Line(off int) int {
	off = min(max(off, 0), x.size)
	return sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off })
}

// Start returns the byte offset at which 1-based line n starts.
func (x LineIndex) Start(n int) int {
	n = min(max(n, 1), len(x.starts))
	return x.starts[n-1]
}

// End returns the byte offset of the end of 1-based line n, before its "\n" or "\r\n".
func (x LineIndex) End(src []byte, n int) int {
	var e int
	if n < len(x.starts) {
		e = x.starts[n] - 1
		if e > 0 && src[e-1] == '\r' && e-1 >= x.Start(n) {
			e--
		}
	} else {
		e = x.size
	}
	return e
}

// Position converts a byte offset into a 1-based line and a 1-based column counted in
// Unicode code points.
func (x LineIndex) Position(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	line = x.Line(off)
	ls := min(x.TextStart(src, line), off)
	return line, utf8.RuneCount(src[ls:off]) + 1
}

// TextStart returns where the text of 1-based line n starts: its start, or after the byte
// order mark on the first line, which editors do not show and columns do not count.
func (x LineIndex) TextStart(src []byte, n int) int {
	ls := x.Start(n)
	if ls == 0 {
		return bomLen(src)
	}
	return ls
}

// LineStartOf returns the start of the line holding off.
func (x LineIndex) LineStartOf(off int) int { return x.Start(x.Line(off)) }
