package fixer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// contextLines is the number of unchanged lines shown around each change, as
// git does by default.
const contextLines = 3

// maxLineIDs is how many distinct lines can be told apart when each line is
// encoded as one valid rune (code points minus the surrogate range) for
// go-diff.
const maxLineIDs = utf8.MaxRune + 1 - (0xE000 - 0xD800)

// UnifiedDiff returns a unified diff from old to new in the format git diff
// writes, which git apply and patch -p1 accept. oldName and newName are plain
// relative paths; the header prefixes them with a/ and b/. It returns "" when
// old and new are equal.
func UnifiedDiff(oldName, newName string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	a, b := splitLines(string(old)), splitLines(string(new))
	blocks := diffLines(a, b, maxLineIDs)

	var sb strings.Builder
	sb.WriteString("--- " + headerName("a/"+oldName) + "\n")
	sb.WriteString("+++ " + headerName("b/"+newName) + "\n")
	for len(blocks) > 0 {
		n := 1
		for n < len(blocks) && blocks[n].oldStart-blocks[n-1].oldEnd <= 2*contextLines {
			n++
		}
		writeHunk(&sb, a, b, blocks[:n])
		blocks = blocks[n:]
	}
	return sb.String()
}

// splitLines splits s after each newline; the last line lacks one if s does
// not end with a newline. A \r before the newline stays part of the line.
func splitLines(s string) []string {
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	for s != "" {
		i := strings.IndexByte(s, '\n') + 1
		if i == 0 {
			i = len(s)
		}
		lines = append(lines, s[:i])
		s = s[i:]
	}
	return lines
}

// block is a maximal run of changed lines: a[oldStart:oldEnd] was replaced
// by b[newStart:newEnd].
type block struct {
	oldStart, oldEnd, newStart, newEnd int
}

// diffLines returns the changed blocks between the lines a and b in order.
// When the changed middle has more than maxIDs distinct lines, it cannot be
// encoded for go-diff and is reported as one replaced block.
func diffLines(a, b []string, maxIDs int) []block {
	// Trimming the common ends first keeps the usual case, a few changes
	// in a large file, from interning every line.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	a, b = a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	ra, rb, ok := lineRunes(a, b, maxIDs)
	if !ok {
		return []block{{pre, pre + len(a), pre, pre + len(b)}}
	}

	var blocks []block
	i, j := pre, pre
	for _, d := range diffmatchpatch.New().DiffMainRunes(ra, rb, false) {
		n := utf8.RuneCountInString(d.Text)
		if d.Type == diffmatchpatch.DiffEqual {
			i, j = i+n, j+n
			continue
		}
		if len(blocks) == 0 || blocks[len(blocks)-1].oldEnd != i || blocks[len(blocks)-1].newEnd != j {
			blocks = append(blocks, block{i, i, j, j})
		}
		last := &blocks[len(blocks)-1]
		if d.Type == diffmatchpatch.DiffDelete {
			i += n
			last.oldEnd = i
		} else {
			j += n
			last.newEnd = j
		}
	}
	return blocks
}

// lineRunes encodes each distinct line as its own rune. Only valid runes are
// used because go-diff turns runes into strings, which would replace
// surrogates with U+FFFD and make different lines look equal.
func lineRunes(a, b []string, maxIDs int) (ra, rb []rune, ok bool) {
	ids := make(map[string]rune, len(a))
	ok = true
	encode := func(lines []string) []rune {
		rs := make([]rune, len(lines))
		for k, line := range lines {
			r, seen := ids[line]
			if !seen {
				if len(ids) >= maxIDs {
					ok = false
					return nil
				}
				r = rune(len(ids))
				if r >= 0xD800 {
					r += 0xE000 - 0xD800
				}
				ids[line] = r
			}
			rs[k] = r
		}
		return rs
	}
	ra, rb = encode(a), encode(b)
	return ra, rb, ok
}

// writeHunk writes one hunk covering blocks, whose gaps are short enough for
// their context to merge.
func writeHunk(sb *strings.Builder, a, b []string, blocks []block) {
	first, last := blocks[0], blocks[len(blocks)-1]
	oldStart := max(0, first.oldStart-contextLines)
	oldEnd := min(len(a), last.oldEnd+contextLines)
	newStart := first.newStart - (first.oldStart - oldStart)
	newEnd := last.newEnd + (oldEnd - last.oldEnd)

	fmt.Fprintf(sb, "@@ -%s +%s @@\n", hunkRange(oldStart, oldEnd-oldStart), hunkRange(newStart, newEnd-newStart))
	pos := oldStart
	for _, bl := range blocks {
		writeLines(sb, ' ', a[pos:bl.oldStart])
		writeLines(sb, '-', a[bl.oldStart:bl.oldEnd])
		writeLines(sb, '+', b[bl.newStart:bl.newEnd])
		pos = bl.oldEnd
	}
	writeLines(sb, ' ', a[pos:oldEnd])
}

// hunkRange formats a hunk side as git does: the count is omitted when it is
// 1, and an empty side names the line before it.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

func writeLines(sb *strings.Builder, prefix byte, lines []string) {
	for _, line := range lines {
		sb.WriteByte(prefix)
		sb.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// headerName quotes a file name the way git does when it must, so that
// names with quotes, backslashes or control characters survive, and adds the
// tab git adds after names containing a space so that patch does not cut the
// name there.
func headerName(name string) string {
	needsQuote := strings.ContainsFunc(name, func(r rune) bool {
		return r < 0x20 || r == 0x7f || r == '"' || r == '\\'
	})
	if needsQuote {
		var q strings.Builder
		q.WriteByte('"')
		for i := 0; i < len(name); i++ {
			switch c := name[i]; c {
			case '"', '\\':
				q.WriteByte('\\')
				q.WriteByte(c)
			case '\a', '\b', '\t', '\n', '\v', '\f', '\r':
				q.WriteByte('\\')
				q.WriteByte("abtnvfr"[strings.IndexByte("\a\b\t\n\v\f\r", c)])
			default:
				if c < 0x20 || c == 0x7f {
					fmt.Fprintf(&q, "\\%03o", c)
				} else {
					q.WriteByte(c)
				}
			}
		}
		q.WriteByte('"')
		name = q.String()
	}
	if strings.Contains(name, " ") {
		name += "\t"
	}
	return name
}
