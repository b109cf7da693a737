// Package mdsrc parses a Markdown file once into a Document: the goldmark AST plus exact byte
// spans for every list, item and link-list entry, the headings, and a line index. Rules read
// Documents; they never parse text themselves.
package mdsrc

import (
	"bytes"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MaxNesting bounds the list and blockquote nesting a file may have. goldmark's cost grows
// about quadratically with list depth, so a hostile file is refused before it is parsed.
const MaxNesting = 100

// Span is a half-open byte range [Start, End) into a Document's source. The zero Span is
// empty; a missing span has Start < 0.
type Span struct{ Start, End int }

// None is the span of something that is not there.
var None = Span{-1, -1}

// Valid reports whether the span exists.
func (s Span) Valid() bool { return s.Start >= 0 }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Document is a parsed Markdown file.
type Document struct {
	Path string
	Src  []byte // the file as read, BOM and line endings included
	// Source is Src as a string (one copy made at parse time): substrings of it cost no
	// allocation.
	Source string
	Lines  LineIndex
	AST    ast.Node
	// BOM is the length of a leading UTF-8 byte order mark (0 or 3).
	BOM int
	// CRLF is true when most line breaks are "\r\n".
	CRLF     bool
	Headings []*Heading
	Lists    []*List  // every list, outer lists before the lists nested in them
	Entries  []*Entry // every entry in source order
	// URLs are the non-empty destinations, as written, of the inline links ("[text](url)")
	// that goldmark found anywhere in the file, in source order. Reference links and
	// autolinks have none.
	URLs []Span
	// html holds the spans of the HTML blocks and inline HTML, in source order: where
	// Directives looks for control comments.
	html []Span
}

// Heading is an ATX or setext heading.
type Heading struct {
	Level  int
	Text   Span // the heading text without markers
	Start  int  // start of the heading's first line
	Setext bool
}

// List is one Markdown list.
type List struct {
	Items   []*Item
	Parent  *Item // the item holding this list, nil at top level
	Depth   int   // 0 for a top-level list
	Marker  byte  // '-', '*', '+', '.' or ')'
	Ordered bool
	Tight   bool
	Section *Heading // the nearest heading above the list, nil if none
}

// Item is one list item.
type Item struct {
	List *List
	// Start is the start of the marker's line (before any indentation or blockquote prefix).
	Start int
	// Marker is the bullet or number with its delimiter.
	Marker Span
	// Content is the item's first paragraph, from its first to its last non-space byte.
	Content Span
	// BodyEnd is the end of the item's last non-blank line, before its line break. The item's
	// text with nested lines is [Start, BodyEnd).
	BodyEnd  int
	Entry    *Entry // nil when the item does not start with a link
	Children []*List
}

// Link is a Markdown link located in the source.
type Link struct {
	Span  Span // the whole link, "[" to the closing ")" or "]"
	Label Span // between the brackets
	URL   Span // the destination as written (without "<>"); None for reference links
	Dest  string
}

// Annotation is a trailing parenthesised group of links: "([HN](u))" or "([A](a), [B](b))".
type Annotation struct {
	Span  Span // from "(" to ")"
	Links []Link
}

// Entry is a list item whose first inline content is a link: the unit of a curated list.
type Entry struct {
	Item *Item
	Link Link
	// Title is the link label without a well-formed year suffix; Year is that suffix,
	// " (2020)" with its leading space, or None.
	Title Span
	Year  Span
	// YearAfter is a " (2020)" written after the link instead of inside it, or None.
	YearAfter Span
	// Sep is the separator between the link and the description, or None.
	Sep Span
	// Desc is the description, trimmed; empty (Start == End) when there is none.
	Desc        Span
	Annotations []Annotation
	// Tags are trailing code spans after the description and annotations (`MIT` `Go`).
	Tags Span
	// End is the end of the entry's first paragraph.
	End int
}

// ParseError is a file that cannot be linted, with the 1-based line where the problem is.
type ParseError struct {
	Path string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

// Task lists are left out on purpose: goldmark reads "[X](https://x.com)" at the start of an
// item as a checked box, and an entry titled "X" is a real thing.
var md = goldmark.New(
	goldmark.WithParser(parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefDefs{}, 100)),
	)),
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
)

// linkRefDefs is goldmark's LinkReferenceParagraphTransformer for paragraphs that can hold a
// link reference definition ("[label]: url"): a label is closed by "]" directly followed by
// ":". goldmark tries every paragraph that starts with "[", which is every entry of a link
// list, and that was a tenth of its parsing time on the knowledge wiki.
type linkRefDefs struct{}

func (linkRefDefs) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src, lines := reader.Source(), node.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		if bytes.Contains(src[seg.Start:seg.Stop], labelEnd) {
			parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
			return
		}
	}
}

var labelEnd = []byte("]:")

// Parse reads src as Markdown. It refuses binary data, invalid UTF-8 and nesting deeper
// than MaxNesting with a *ParseError naming the line.
func Parse(path string, src []byte) (*Document, error) { return ParseWorkers(path, src, 1) }

// parallelSize is the size from which ParseWorkers spreads its work.
var parallelSize = 1 << 20

// ParseWorkers is Parse using up to workers goroutines on a file of a megabyte or more: the
// line index is built while goldmark parses, and the top-level blocks are read in parts
// side by side. The Document is the same as Parse's.
func ParseWorkers(path string, src []byte, workers int) (*Document, error) {
	if err := Check(path, src); err != nil {
		return nil, err
	}
	d := &Document{Path: path, Src: src, BOM: bomLen(src)}
	prep := func() {
		d.Source, d.Lines = string(src), NewLineIndex(src)
		crlf := 0
		if bytes.IndexByte(src, '\r') >= 0 {
			crlf = bytes.Count(src, []byte("\r\n"))
		}
		d.CRLF = crlf > 0 && crlf*2 >= d.Lines.Count()-1 // the line breaks
	}
	parallel := workers > 1 && len(src) >= parallelSize
	var wg sync.WaitGroup
	if parallel {
		wg.Go(prep)
	} else {
		prep()
	}
	d.AST = parseMarkdown(src[d.BOM:])
	wg.Wait()
	if !parallel {
		w := walker{d: d, base: d.BOM, lastAt: -1}
		w.walk(d.AST, nil, 0, len(src))
		return d, nil
	}
	d.walkParts(workers)
	return d, nil
}

// walkParts walks the top-level blocks in up to n parts of about equal size at once, each
// into a Document of its own, and joins what they found in order. A part's lists above its
// first heading belong to the last heading of the parts before it.
func (d *Document) walkParts(n int) {
	var firsts []ast.Node // the first block of each part
	next := 0
	for c := d.AST.FirstChild(); c != nil; c = c.NextSibling() {
		if p := c.Pos(); p >= 0 && p+d.BOM >= next*len(d.Src)/n && len(firsts) < n {
			firsts = append(firsts, c)
			next = len(firsts)
		}
	}
	if len(firsts) == 0 || firsts[0] != d.AST.FirstChild() {
		firsts = append([]ast.Node{d.AST.FirstChild()}, firsts...)
	}
	parts := make([]*Document, len(firsts))
	heads := make([]*Heading, len(firsts)) // each part's last heading
	var wg sync.WaitGroup
	for k, from := range firsts {
		var to ast.Node
		if k+1 < len(firsts) {
			to = firsts[k+1]
		}
		part := &Document{Path: d.Path, Src: d.Src, Source: d.Source, Lines: d.Lines, BOM: d.BOM, CRLF: d.CRLF, AST: d.AST}
		parts[k] = part
		wg.Go(func() {
			w := walker{d: part, base: d.BOM, lastAt: -1}
			w.walkRange(from, to, nil, 0, len(d.Src))
			heads[k] = w.heading
		})
	}
	wg.Wait()
	var last *Heading
	for k, part := range parts {
		for _, l := range part.Lists {
			if l.Section == nil {
				l.Section = last
			}
		}
		if heads[k] != nil {
			last = heads[k]
		}
		d.Headings = append(d.Headings, part.Headings...)
		d.Lists = append(d.Lists, part.Lists...)
		d.Entries = append(d.Entries, part.Entries...)
		d.URLs = append(d.URLs, part.URLs...)
		d.html = append(d.html, part.html...)
	}
}

// ParseAST parses src as Parse does, refusing what Parse refuses, but returns only the
// goldmark tree (of src without its byte order mark): for callers that compare block
// structure and need no spans.
func ParseAST(path string, src []byte) (ast.Node, error) {
	if err := Check(path, src); err != nil {
		return nil, err
	}
	return parseMarkdown(src[bomLen(src):]), nil
}

// bomLen is the length of src's leading UTF-8 byte order mark: 3, or 0 without one.
func bomLen(src []byte) int {
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		return 3
	}
	return 0
}

// parseMarkdown runs goldmark, with listlint's extensions, on a file's text after its byte
// order mark.
func parseMarkdown(body []byte) ast.Node {
	return md.Parser().Parse(text.NewReader(body), parser.WithContext(parser.NewContext()))
}

// Check reports why src cannot be linted, or nil.
func Check(path string, src []byte) error {
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return &ParseError{Path: path, Line: 1 + bytes.Count(src[:i], []byte("\n")), Msg: "binary file (NUL byte), not Markdown"}
	}
	if !utf8.Valid(src) {
		i := 0
		for i < len(src) {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		line := 1 + bytes.Count(src[:i], []byte("\n"))
		return &ParseError{Path: path, Line: line, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x at offset %d); save the file as UTF-8", src[i], i)}
	}
	if line, depth := nestingDepth(src); depth > MaxNesting {
		return &ParseError{Path: path, Line: line, Msg: fmt.Sprintf("lists or blockquotes nested %d levels deep (limit %d); not linted", depth, MaxNesting)}
	}
	return nil
}

// nestingDepth measures, in one pass and without parsing, the deepest container nesting
// of any line: the ">" markers that open it plus the open list items, tracked as a stack
// of their content columns (a list marker closes the items whose content starts right of
// it; so does any other line indented less than them). It returns the first line that goes
// over MaxNesting, or the deepest line.
func nestingDepth(src []byte) (line, depth int) {
	var stack []int // content column of each open list item
	ln := 0
	for start := 0; start < len(src); {
		ln++
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		// The line's container prefix: ">" markers, list markers and the spaces among them,
		// in any order ("> - > - x" nests four deep).
		quotes, col, i, markers := 0, 0, start, 0
		for i < end {
			c := src[i]
			if c == ' ' {
				col++
				i++
				continue
			}
			if c == '\t' {
				col += 4 - col%4
				i++
				continue
			}
			if c == '>' {
				quotes++
				col = 0
				i++
				continue
			}
			w := markerWidth(src, i, end)
			if w == 0 {
				break
			}
			if markers == 0 {
				// A marker closes the items whose content starts right of it.
				for len(stack) > 0 && stack[len(stack)-1] > col {
					stack = stack[:len(stack)-1]
				}
			}
			markers++
			i += w
			col += w
			for i < end && (src[i] == ' ' || src[i] == '\t') {
				i++
				col++
			}
			stack = append(stack, col)
		}
		if markers == 0 && i < end && src[i] != '\r' {
			// Any other text closes the items it is not indented into.
			for len(stack) > 0 && stack[len(stack)-1] > col {
				stack = stack[:len(stack)-1]
			}
		}
		if d := quotes + len(stack); d > depth {
			depth, line = d, ln
			if depth > MaxNesting {
				return line, depth
			}
		}
		start = end + 1
	}
	return line, depth
}

// markerWidth returns the length of a list marker ("-", "*", "+", "1." or "1)") at i that is
// followed by a space, a tab or the end of the line; 0 when there is none.
func markerWidth(src []byte, i, end int) int {
	j := i
	switch src[i] {
	case '-', '*', '+':
		j++
	default:
		for j < end && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		if j == i || j >= end || (src[j] != '.' && src[j] != ')') {
			return 0
		}
		j++
	}
	if j < end && src[j] != ' ' && src[j] != '\t' && src[j] != '\r' {
		return 0
	}
	return j - i
}

type walker struct {
	d       *Document
	base    int // offset of goldmark's input within Src (the BOM length)
	heading *Heading
	// last is the last link that entry scanned, at lastAt: link finds the same one there
	// without scanning it again.
	last   Link
	lastAt int
	// entries is where entry allocates; listLen is the number of items of the list being
	// walked.
	entries []Entry
	listLen int
}

// lineStart is Lines.LineStartOf(off): it looks a few bytes back for the line break
// before searching the index.
func (w *walker) lineStart(off int) int {
	src := w.d.Src
	if off < 0 || off > len(src) {
		return w.d.Lines.LineStartOf(off)
	}
	for i, lo := off, max(off-64, 0); i > lo; i-- {
		if src[i-1] == '\n' {
			return i
		}
	}
	if off <= 64 {
		return 0
	}
	return w.d.Lines.LineStartOf(off)
}

// pos converts a goldmark offset into a Src offset.
func (w *walker) pos(p int) int { return p + w.base }

// nodeStart returns the Src offset of the start of n's line, or -1 when goldmark gave no
// position.
func (w *walker) nodeStart(n ast.Node) int {
	p := n.Pos()
	if p < 0 {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			p = l.At(0).Start
		} else {
			return -1
		}
	}
	return w.lineStart(w.pos(p))
}

// walk visits the children of n. bound is where n's content ends: the start of the line of
// whatever follows it.
func (w *walker) walk(n ast.Node, parent *Item, depth, bound int) {
	w.walkRange(n.FirstChild(), nil, parent, depth, bound)
}

// walkRange visits the siblings from from up to to (nil: the last one), as walk does.
func (w *walker) walkRange(from, to ast.Node, parent *Item, depth, bound int) {
	for c := from; c != nil && c != to; c = c.NextSibling() {
		if c.Type() == ast.TypeInline {
			w.inline(c)
			continue
		}
		cb := bound
		for s := c.NextSibling(); s != nil; s = s.NextSibling() {
			if st := w.nodeStart(s); st >= 0 {
				cb = st
				break
			}
		}
		switch c := c.(type) {
		case *ast.Heading:
			h := &Heading{Level: c.Level, Text: w.linesSpan(c), Start: w.nodeStart(c), Setext: w.isSetext(c)}
			if h.Start < 0 && h.Text.Valid() {
				h.Start = w.lineStart(h.Text.Start)
			}
			if h.Start >= 0 {
				w.d.Headings = append(w.d.Headings, h)
				w.heading = h
			}
			w.inlines(c)
		case *ast.List:
			w.list(c, parent, depth, cb)
		case *ast.HTMLBlock:
			w.htmlBlock(c)
		default:
			if c.Type() == ast.TypeBlock && c.HasChildren() {
				w.walk(c, parent, depth, cb)
			}
		}
	}
}

// inlines visits the inline children of n.
func (w *walker) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

// inline records n and its descendants: the destinations of links and the inline HTML.
func (w *walker) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Link:
		w.link(n)
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			w.d.html = append(w.d.html, Span{w.pos(n.Segments.At(0).Start), min(w.pos(n.Segments.At(n.Segments.Len()-1).Stop), len(w.d.Src))})
		}
	case *ast.Text:
		return // no children
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

// link records the destination of an inline link that starts with "[" where goldmark says.
func (w *walker) link(l *ast.Link) {
	d := w.d
	src := d.Src
	if l.Pos() < 0 {
		return
	}
	start := w.pos(l.Pos())
	if start >= len(src) || src[start] != '[' {
		return
	}
	// A link ends on its own line or shortly after: the scan is bounded by the start of the
	// eighth line after the link's (or of the last line). Scanning an inline link reads no
	// byte past its closing ")", so one found within a nearer bound (the end of its own
	// line, or where entry scanned it) is the one found within that bound.
	ownLine := len(src)
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		ownLine = start + i + 1
	}
	sl, ok := w.last, start == w.lastAt
	if !ok || !sl.URL.Valid() || sl.Span.End > ownLine {
		sl, ok = ScanLinkSpans(src, start, ownLine)
		if !ok || !sl.URL.Valid() {
			end := len(src)
			if nl := d.Lines.Line(start); nl < d.Lines.Count() {
				end = min(len(src), d.Lines.Start(min(nl+8, d.Lines.Count())))
			}
			sl, ok = ScanLinkSpans(src, start, end)
		}
	}
	if ok && sl.URL.Valid() && sl.URL.Len() > 0 {
		d.URLs = append(d.URLs, sl.URL)
	}
}

// htmlBlock records the span of an HTML block, its closing line included.
func (w *walker) htmlBlock(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	to := w.pos(lines.At(lines.Len() - 1).Stop)
	if n.HasClosure() {
		to = w.pos(n.ClosureLine.Stop)
	}
	w.d.html = append(w.d.html, Span{w.pos(lines.At(0).Start), min(to, len(w.d.Src))})
}

// subtree records the links and HTML of a subtree that walk does not visit.
func (w *walker) subtree(n ast.Node) {
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.HTMLBlock:
			w.htmlBlock(c)
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			w.link(c)
		case *ast.RawHTML:
			w.inline(c)
		}
		return ast.WalkContinue, nil
	})
}

func (w *walker) isSetext(h *ast.Heading) bool {
	l := h.Lines()
	if l == nil || l.Len() == 0 {
		return false
	}
	// An ATX heading has its "#" run before the text on the text's own line (after any
	// list marker, blockquote prefix or byte order mark); a setext heading has none.
	start := w.pos(l.At(0).Start)
	ls := w.lineStart(start)
	return !bytes.Contains(w.d.Src[ls:start], []byte("#"))
}

// linesSpan is the span from the first to the last byte of n's lines, trimmed.
func (w *walker) linesSpan(n ast.Node) Span {
	l := n.Lines()
	if l == nil || l.Len() == 0 {
		return None
	}
	s, e := w.pos(l.At(0).Start), w.pos(l.At(l.Len()-1).Stop)
	src := w.d.Src
	for s < e && isSpace(src[s]) {
		s++
	}
	for e > s && isSpace(src[e-1]) {
		e--
	}
	return Span{s, e}
}

func (w *walker) list(l *ast.List, parent *Item, depth, bound int) {
	lst := &List{Parent: parent, Depth: depth, Marker: l.Marker, Ordered: l.IsOrdered(), Tight: l.IsTight, Section: w.heading}
	w.d.Lists = append(w.d.Lists, lst)
	if parent != nil {
		parent.Children = append(parent.Children, lst)
	}
	n := 0
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.ListItem); ok {
			n++
		}
	}
	// The items are allocated together, and each item's start is found once.
	slab := make([]Item, n)
	lst.Items = make([]*Item, 0, n)
	c := nextItem(l.FirstChild())
	start := -1
	if c != nil {
		start = w.itemStart(c)
	}
	for i := 0; c != nil; i, c = i+1, nextItem(c.NextSibling()) {
		w.listLen = n - i
		ib := bound
		next := nextItem(c.NextSibling())
		nextStart := -1
		if next != nil {
			if nextStart = w.itemStart(next); nextStart >= 0 {
				ib = nextStart
			}
		}
		cur := start // this item's
		start = nextStart
		if cur < 0 {
			w.subtree(c)
			continue
		}
		it := &slab[i]
		*it = Item{List: lst, Start: cur, Marker: w.marker(c), Content: None}
		it.BodyEnd = w.lastContentEnd(it.Start, ib)
		lst.Items = append(lst.Items, it)
		if first := c.FirstChild(); first != nil {
			if k := first.Kind(); k == ast.KindParagraph || k == ast.KindTextBlock {
				it.Content = w.linesSpan(first)
				if e := w.entry(it, first); e != nil {
					it.Entry = e
					w.d.Entries = append(w.d.Entries, e)
				}
			}
		}
		w.walk(c, it, depth+1, ib)
	}
}

// nextItem returns the first list item from c on, or nil.
func nextItem(c ast.Node) ast.Node {
	for ; c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.ListItem); ok {
			return c
		}
	}
	return nil
}

func (w *walker) itemStart(n ast.Node) int {
	p := n.Pos()
	if p < 0 {
		return -1
	}
	return w.lineStart(w.pos(p))
}

// marker finds the list marker of item n. goldmark's position is the marker, except for
// items indented with a tab, where it is the item's content (and for an empty item at the
// end of the file, it may be past the end): then the marker is found by scanning back.
func (w *walker) marker(n ast.Node) Span {
	src := w.d.Src
	p := min(w.pos(n.Pos()), len(src))
	ls := w.lineStart(p)
	first := n.FirstChild()
	atContent := first != nil && first.Pos() >= 0 && w.pos(first.Pos()) == p
	if !atContent && p < len(src) && markerWidth(src, p, len(src)) > 0 {
		return markerAt(src, p)
	}
	q := p
	for q > ls && (src[q-1] == ' ' || src[q-1] == '\t') {
		q--
	}
	if q > ls {
		c := src[q-1]
		if c == '-' || c == '*' || c == '+' {
			return Span{q - 1, q}
		}
		if c == '.' || c == ')' {
			s := q - 1
			for s > ls && src[s-1] >= '0' && src[s-1] <= '9' {
				s--
			}
			return Span{s, q}
		}
	}
	return Span{p, p}
}

func markerAt(src []byte, p int) Span {
	if c := src[p]; c == '-' || c == '*' || c == '+' {
		return Span{p, p + 1}
	}
	e := p
	for e < len(src) && src[e] >= '0' && src[e] <= '9' {
		e++
	}
	if e < len(src) && (src[e] == '.' || src[e] == ')') {
		e++
	}
	return Span{p, e}
}

// lastContentEnd returns the end (before the line break) of the last non-blank line in
// [start, bound). A line holding only blockquote markers and spaces counts as blank.
func (w *walker) lastContentEnd(start, bound int) int {
	src := w.d.Src
	bound = min(bound, len(src))
	e := bound
	for e > start {
		ls := w.lineStart(e - 1)
		if ls < start {
			ls = start
		}
		blank := true
		for _, b := range src[ls:e] {
			if b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '>' {
				blank = false
				break
			}
		}
		if !blank {
			end := e
			for end > ls && (src[end-1] == '\n' || src[end-1] == '\r') {
				end--
			}
			return end
		}
		e = ls
	}
	// Nothing but blank lines: the item ends at the end of its own line.
	end := start
	for end < len(src) && src[end] != '\n' {
		end++
	}
	if end > start && src[end-1] == '\r' {
		end--
	}
	return end
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
