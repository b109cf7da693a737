package mdsrc

import (
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// annotationWindow bounds how far back from the end of an entry annotations are looked for,
// so that a pathological paragraph cannot make entry parsing quadratic.
const annotationWindow = 8 << 10

// entry decomposes item's first paragraph when it starts with a link.
func (w *walker) entry(it *Item, para ast.Node) *Entry {
	first := para.FirstChild()
	link, ok := first.(*ast.Link)
	if !ok || it.Content.Len() <= 0 {
		return nil
	}
	src := w.d.Src
	start := w.pos(link.Pos())
	if start != it.Content.Start || start >= len(src) || src[start] != '[' {
		return nil
	}
	end := ownedEnd(src, start, it.Content.End)
	l, ok := ScanLinkSpans(src, start, end)
	if !ok {
		return nil
	}
	w.last, w.lastAt = l, start
	if l.URL.Valid() {
		l.Dest = w.d.Source[l.URL.Start:l.URL.End]
	}
	// Cross-check the scanned end against goldmark: the next inline node must start there.
	if next, ok := link.NextSibling().(*ast.Text); ok && w.pos(next.Segment.Start) != l.Span.End {
		return nil
	}
	if l.Dest == "" || !l.URL.Valid() {
		l.Dest = string(link.Destination)
	}
	if len(w.entries) == cap(w.entries) {
		// Entries are allocated together, a list's worth at a time.
		w.entries = make([]Entry, 0, max(w.listLen, 1))
	}
	w.entries = append(w.entries, Entry{Item: it, Link: l, Title: l.Label, Year: None, YearAfter: None, Sep: None, Tags: None, End: end})
	e := &w.entries[len(w.entries)-1]
	if y := yearSuffix(src, l.Label); y.Valid() {
		e.Year = y
		e.Title = Span{l.Label.Start, y.Start}
	}
	cur := l.Span.End
	if y := yearAt(src, cur, end); y.Valid() {
		e.YearAfter = y
		cur = y.End
	}
	// A trailing HTML comment (an inline directive), trailing tags, then annotations bound
	// the description from the right.
	right := end
	if bytes.HasSuffix(src[cur:right], []byte("-->")) {
		if i := bytes.LastIndex(src[cur:right], []byte("<!--")); i >= 0 {
			right = trimRight(src, cur, cur+i)
			end, e.End = right, right
		}
	}
	if t := trailingTags(src, cur, right); t.Valid() {
		e.Tags = t
		right = trimRight(src, cur, t.Start)
	}
	if anns, at := annotations(src, w.d.Source, cur, right); anns != nil {
		e.Annotations = anns
		right = trimRight(src, cur, at)
	}
	if e.Tags.Valid() && len(e.Annotations) == 0 && !endsSentence(src, cur, right) {
		// Code spans that do not follow a finished sentence belong to the description.
		e.Tags = None
		right = end
	}
	if sep := separator(src, cur, right); sep.Valid() {
		e.Sep = sep
		cur = sep.End
	}
	s := cur
	for s < right && isSpace(src[s]) {
		s++
	}
	e.Desc = Span{s, max(s, right)}
	return e
}

// ownedEnd cuts a paragraph at its first lazy continuation line: a line that is not
// indented to the item's content, such as "**[back to top](#contents)**" written right
// under the last entry of a list. Markdown glues it to the entry, but it is not part of it.
func ownedEnd(src []byte, start, end int) int {
	ls := start
	for ls > 0 && src[ls-1] != '\n' {
		ls--
	}
	indent := start - ls
	for nl := bytes.IndexByte(src[start:end], '\n'); nl >= 0; {
		lineEnd := start + nl
		next := lineEnd + 1
		n := 0
		for next+n < end && (src[next+n] == ' ' || src[next+n] == '\t' || src[next+n] == '>') {
			n++
		}
		if n < indent || sentenceThenMarkup(src, ls, lineEnd, next+n, end) {
			return trimRight(src, ls, lineEnd)
		}
		start = next
		rel := bytes.IndexByte(src[start:end], '\n')
		if rel < 0 {
			break
		}
		nl = rel
	}
	return end
}

// sentenceThenMarkup is a finished line followed by a line that starts with a link or
// emphasis, such as "  **[back to top](#contents)**" indented under the last entry.
func sentenceThenMarkup(src []byte, lo, lineEnd, next, end int) bool {
	if !endsSentence(src, lo, trimRight(src, lo, lineEnd)) || next >= end {
		return false
	}
	rest := src[next:end]
	return bytes.HasPrefix(rest, []byte("**[")) || bytes.HasPrefix(rest, []byte("__[")) || bytes.HasPrefix(rest, []byte("<")) || bytes.HasPrefix(rest, []byte("!["))
}

func trimRight(src []byte, lo, hi int) int {
	for hi > lo && isSpace(src[hi-1]) {
		hi--
	}
	return hi
}

func endsSentence(src []byte, lo, hi int) bool {
	if hi <= lo {
		return true
	}
	r, _ := utf8.DecodeLastRune(src[lo:hi])
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', ')':
		return true
	}
	return false
}

// ScanLink reads an inline or reference link starting at src[start] == '[' and ending at
// or before end. It understands nested brackets, backslash escapes and code spans in the
// label, "<...>" destinations, balanced parentheses in destinations, and titles.
func ScanLink(src []byte, start, end int) (Link, bool) {
	l, ok := ScanLinkSpans(src, start, end)
	if ok && l.URL.Valid() {
		l.Dest = string(src[l.URL.Start:l.URL.End])
	}
	return l, ok
}

// ScanLinkSpans is ScanLink without the Dest string: the spans only.
func ScanLinkSpans(src []byte, start, end int) (Link, bool) {
	if start >= end || src[start] != '[' {
		return Link{}, false
	}
	close := matchBracket(src, start, end)
	if close < 0 {
		return Link{}, false
	}
	l := Link{Label: Span{start + 1, close}, URL: None}
	p := close + 1
	if p < end && src[p] == '(' {
		q := p + 1
		for q < end && isSpace(src[q]) {
			q++
		}
		if q < end && src[q] == '<' {
			r := q + 1
			for r < end && src[r] != '>' && src[r] != '\n' {
				if src[r] == '\\' {
					r++
				}
				r++
			}
			if r >= end || src[r] != '>' {
				return Link{}, false
			}
			l.URL = Span{q + 1, r}
			q = r + 1
		} else {
			r, depth := q, 0
			for r < end {
				c := src[r]
				if !destStop[c] {
					r++
					continue
				}
				if c == '\\' && r+1 < end {
					r += 2
					continue
				}
				if c == '(' {
					depth++
				} else if c == ')' {
					if depth == 0 {
						break
					}
					depth--
				} else if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c < 0x20 {
					break
				}
				r++
			}
			l.URL = Span{q, r}
			q = r
		}
		for q < end && isSpace(src[q]) {
			q++
		}
		if q < end && (src[q] == '"' || src[q] == '\'' || src[q] == '(') {
			closer := src[q]
			if closer == '(' {
				closer = ')'
			}
			r := q + 1
			for r < end && src[r] != closer {
				if src[r] == '\\' {
					r++
				}
				r++
			}
			if r >= end {
				return Link{}, false
			}
			q = r + 1
			for q < end && isSpace(src[q]) {
				q++
			}
		}
		if q >= end || src[q] != ')' {
			return Link{}, false
		}
		l.Span = Span{start, q + 1}
		return l, true
	}
	if p < end && src[p] == '[' {
		if c := matchBracket(src, p, end); c >= 0 {
			l.Span = Span{start, c + 1}
			return l, true
		}
	}
	l.Span = Span{start, close + 1}
	return l, true
}

// bracketByte marks the bytes matchBracket looks at.
var bracketByte = [256]bool{'\\': true, '`': true, '[': true, ']': true}

// destStop marks the bytes that end or escape an inline link destination, or nest in it.
var destStop = func() (t [256]bool) {
	for c := range 0x21 {
		t[c] = true // controls, the space
	}
	t['\\'], t['('], t[')'] = true, true, true
	return t
}()

// matchBracket returns the index of the "]" closing the "[" at open, or -1.
func matchBracket(src []byte, open, end int) int {
	depth := 0
	for i := open; i < end; i++ {
		if !bracketByte[src[i]] {
			continue
		}
		switch src[i] {
		case '\\':
			i++
		case '`':
			n := 1
			for i+n < end && src[i+n] == '`' {
				n++
			}
			if c := closingTicks(src, i+n, end, n); c >= 0 {
				i = c + n - 1
			} else {
				i += n - 1
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// closingTicks finds a run of exactly n backticks at or after from.
func closingTicks(src []byte, from, end, n int) int {
	for i := from; i < end; i++ {
		if src[i] != '`' {
			continue
		}
		j := i
		for j < end && src[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j - 1
	}
	return -1
}

// yearSuffix returns the " (YYYY)" that ends a label, with its leading space, or None.
func yearSuffix(src []byte, label Span) Span {
	s := label.End - 7
	if s <= label.Start || !isYearParen(src[s+1:label.End]) || src[s] != ' ' {
		return None
	}
	if s-1 < label.Start || isSpace(src[s-1]) {
		return None
	}
	return Span{s, label.End}
}

// yearAt matches " (YYYY)" (the space optional) at p, followed by the end, a space or a
// separator.
func yearAt(src []byte, p, end int) Span {
	s := p
	if s < end && src[s] == ' ' {
		s++
	}
	if s+6 > end || !isYearParen(src[s:s+6]) {
		return None
	}
	if s+6 < end && !isSpace(src[s+6]) && src[s+6] != ':' && src[s+6] != '-' {
		return None
	}
	return Span{p, s + 6}
}

func isYearParen(b []byte) bool {
	return len(b) == 6 && b[0] == '(' && b[5] == ')' && isDigits(b[1:5])
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// trailingTags returns the span of the code spans that end [lo, hi), each preceded by
// whitespace, or None.
func trailingTags(src []byte, lo, hi int) Span {
	end := trimRight(src, lo, hi)
	cur, first := end, -1
	for cur > lo && src[cur-1] == '`' {
		n := 0
		for cur-n > lo && src[cur-1-n] == '`' {
			n++
		}
		open := -1
		for i := cur - n - 1; i >= lo; i-- {
			if src[i] != '`' {
				continue
			}
			j := i
			for j > lo && src[j-1] == '`' {
				j--
			}
			if i-j+1 == n {
				open = j
			}
			break
		}
		if open <= lo || !isSpace(src[open-1]) {
			break
		}
		first = open
		cur = trimRight(src, lo, open)
	}
	if first < 0 {
		return None
	}
	return Span{first, end}
}

// annotations finds the trailing annotation groups in [lo, hi): "([A](a))" groups separated
// by spaces, each holding one or more links separated by commas, running to hi. It returns
// them with the offset where the first one starts.
func annotations(src []byte, text string, lo, hi int) ([]Annotation, int) {
	from := max(lo, hi-annotationWindow)
	for p := from; p+1 < hi; p++ {
		i := bytes.Index(src[p:hi], []byte("(["))
		if i < 0 {
			break
		}
		p += i
		if anns := groupsFrom(src, text, p, hi); anns != nil {
			return anns, p
		}
	}
	return nil, hi
}

func groupsFrom(src []byte, text string, p, hi int) []Annotation {
	var anns []Annotation
	for p < hi {
		if src[p] != '(' {
			return nil
		}
		a := Annotation{}
		q := p + 1
		for {
			for q < hi && (src[q] == ' ' || src[q] == '\t') {
				q++
			}
			l, ok := ScanLinkSpans(src, q, hi)
			if !ok || !l.URL.Valid() {
				return nil
			}
			l.Dest = text[l.URL.Start:l.URL.End]
			a.Links = append(a.Links, l)
			q = l.Span.End
			for q < hi && (src[q] == ' ' || src[q] == '\t') {
				q++
			}
			if q < hi && src[q] == ',' {
				q++
				continue
			}
			break
		}
		if q >= hi || src[q] != ')' {
			return nil
		}
		a.Span = Span{p, q + 1}
		anns = append(anns, a)
		p = q + 1
		for p < hi && isSpace(src[p]) {
			p++
		}
	}
	return anns
}

// separator matches the text between the link and the description: optional spaces, one
// of "-", "--", "–", "—" or ":", optional spaces. NBSP counts as a space here so that the
// description-style rule can flag it.
func separator(src []byte, p, end int) Span {
	q := skipSepSpace(src, p, end)
	if q >= end {
		return None
	}
	switch {
	case src[q] == '-':
		q++
		if q < end && src[q] == '-' {
			q++
		}
	case src[q] == ':':
		q++
	case bytes.HasPrefix(src[q:end], []byte("–")), bytes.HasPrefix(src[q:end], []byte("—")):
		q += 3
	default:
		return None
	}
	r := skipSepSpace(src, q, end)
	return Span{p, r}
}

func skipSepSpace(src []byte, p, end int) int {
	for p < end {
		if src[p] == ' ' || src[p] == '\t' {
			p++
		} else if p+1 < end && src[p] == 0xc2 && src[p+1] == 0xa0 {
			p += 2
		} else {
			break
		}
	}
	return p
}
