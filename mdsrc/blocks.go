package mdsrc

import (
	"bytes"
	"html"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// BlockKind names a block whose lines are taken literally rather than as Markdown text.
type BlockKind int

// The verbatim block kinds.
const (
	FrontMatterBlock BlockKind = iota + 1
	FencedCodeBlock
	IndentedCodeBlock
	HTMLBlock
)

// Block is a verbatim block. Its Span is line-aligned: it starts at the start of the
// block's first line (before any container prefix such as "> " or list indentation) and
// ends after the line break of its last line (or at the end of the file).
type Block struct {
	Kind BlockKind
	Span Span
}

// FrontMatter returns the span of a YAML ("---") or TOML ("+++") front matter block at the
// top of the file, from its opening line to the end of its closing line, or None. goldmark
// reads front matter as a thematic break followed by a setext heading or a list, so rules
// that look at headings or lists skip whatever lies inside this span.
func (d *Document) FrontMatter() Span {
	src := d.Src
	p := d.BOM
	fence := ""
	for _, f := range []string{"---", "+++"} {
		if bytes.HasPrefix(src[p:], []byte(f)) {
			fence = f
		}
	}
	if fence == "" || !onlySpace(src, p+3, lineEnd(src, p)) {
		return None
	}
	for q := nextLine(src, p); q < len(src); q = nextLine(src, q) {
		e := lineEnd(src, q)
		if (bytes.HasPrefix(src[q:e], []byte(fence)) || fence == "---" && bytes.HasPrefix(src[q:e], []byte("..."))) && onlySpace(src, q+3, e) {
			return Span{d.BOM, nextLine(src, q)}
		}
	}
	return None
}

// Verbatim returns the blocks whose text is taken literally, in source order: the front
// matter, fenced and indented code blocks, and HTML blocks, at any nesting depth. Rules
// about Markdown layout (trailing spaces, tabs, blank lines) leave their lines alone.
// It walks the AST on each call; callers keep the result.
func (d *Document) Verbatim() []Block {
	var out []Block
	fm := d.FrontMatter()
	if fm.Valid() {
		out = append(out, Block{FrontMatterBlock, fm})
	}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() != ast.TypeBlock {
				continue
			}
			var b Block
			switch c := c.(type) {
			case *ast.FencedCodeBlock:
				b = Block{FencedCodeBlock, d.fencedSpan(c)}
			case *ast.CodeBlock:
				b = Block{IndentedCodeBlock, d.linesBlockSpan(c, -1)}
			case *ast.HTMLBlock:
				closure := -1
				if c.HasClosure() {
					closure = c.ClosureLine.Start
				}
				b = Block{HTMLBlock, d.linesBlockSpan(c, closure)}
			case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.Table:
				continue
			default:
				visit(c)
				continue
			}
			if !b.Span.Valid() || fm.Valid() && b.Span.Start < fm.End {
				continue
			}
			out = append(out, b)
		}
	}
	visit(d.AST)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span.Start < out[j].Span.Start })
	return out
}

// VerbatimLines marks the lines of Verbatim's blocks: lines[n] for line n (1-based), with
// room for one line past the last.
func (d *Document) VerbatimLines() []bool {
	lines := make([]bool, d.Lines.Count()+2)
	for _, b := range d.Verbatim() {
		for n := d.Lines.Line(b.Span.Start); n <= d.Lines.Line(max(b.Span.End-1, b.Span.Start)); n++ {
			lines[n] = true
		}
	}
	return lines
}

// CodeSpans returns the line-aligned spans of the fenced and indented code blocks.
func (d *Document) CodeSpans() []Span {
	var out []Span
	for _, b := range d.Verbatim() {
		if b.Kind == FencedCodeBlock || b.Kind == IndentedCodeBlock {
			out = append(out, b.Span)
		}
	}
	return out
}

// fencedSpan runs from the opening fence's line to the closing fence's line (or to the last
// content line when the block is closed by the end of its container).
func (d *Document) fencedSpan(c *ast.FencedCodeBlock) Span {
	src := d.Src
	p := c.Pos()
	if p < 0 {
		return None
	}
	p += d.BOM
	start := d.Lines.LineStartOf(p)
	fc := src[p]
	n := 0
	for p+n < len(src) && src[p+n] == fc {
		n++
	}
	last := nextLine(src, p) // the line after the opening fence
	if l := c.Lines(); l != nil && l.Len() > 0 {
		last = nextLine(src, l.At(l.Len()-1).Stop+d.BOM-1)
	}
	end := last
	if last < len(src) {
		// The closing fence: container prefix, then at least n fence characters.
		q := last
		e := lineEnd(src, q)
		for q < e && (src[q] == ' ' || src[q] == '\t' || src[q] == '>') {
			q++
		}
		k := 0
		for q+k < e && src[q+k] == fc {
			k++
		}
		if k >= n && onlySpace(src, q+k, e) {
			end = nextLine(src, q)
		}
	}
	return Span{start, end}
}

// linesBlockSpan is the line-aligned span of a block's lines, extended to the closure line
// (an offset into goldmark's input, or -1).
func (d *Document) linesBlockSpan(n ast.Node, closure int) Span {
	l := n.Lines()
	first, last := -1, -1
	if l != nil && l.Len() > 0 {
		first, last = l.At(0).Start, l.At(l.Len()-1).Start
	}
	if p := n.Pos(); p >= 0 && (first < 0 || p < first) {
		first = p
	}
	if closure >= 0 && closure > last {
		last = closure
	}
	if first < 0 {
		return None
	}
	if last < first {
		last = first
	}
	return Span{d.Lines.LineStartOf(first + d.BOM), nextLine(d.Src, last+d.BOM)}
}

// InlineText returns the text that n's inline children render to, the way GitHub reads a
// heading to make its anchor: the text of emphasis, links and code spans, with character
// references decoded; images and raw HTML tags add nothing.
func (d *Document) InlineText(n ast.Node) string {
	var b strings.Builder
	body := d.Src[d.BOM:]
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.WriteString(html.UnescapeString(string(c.Segment.Value(body))))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if s, ok := t.(*ast.Text); ok {
						b.Write(s.Segment.Value(body))
					} else if s, ok := t.(*ast.String); ok {
						b.Write(s.Value)
					}
				}
			case *ast.AutoLink:
				b.Write(c.Label(body))
			case *ast.Image, *ast.RawHTML:
			default:
				visit(c)
			}
		}
	}
	visit(n)
	return b.String()
}

// lineEnd returns the end of the line holding p, before its "\n" or "\r\n".
func lineEnd(src []byte, p int) int {
	e := p
	for e < len(src) && src[e] != '\n' {
		e++
	}
	if e > p && src[e-1] == '\r' {
		e--
	}
	return e
}

// nextLine returns the start of the line after the one holding p, or len(src).
func nextLine(src []byte, p int) int {
	if i := bytes.IndexByte(src[min(p, len(src)):], '\n'); i >= 0 {
		return p + i + 1
	}
	return len(src)
}

func onlySpace(src []byte, from, to int) bool {
	for i := from; i < to; i++ {
		if src[i] != ' ' && src[i] != '\t' && src[i] != '\r' {
			return false
		}
	}
	return true
}

// HeadingTexts returns the rendered text of each of d.Headings (see InlineText), in the same
// order; a heading inside the front matter gets "".
func (d *Document) HeadingTexts() []string {
	out := make([]string, len(d.Headings))
	if len(d.Headings) == 0 {
		return out
	}
	byStart := make(map[int]int, len(d.Headings))
	for i, h := range d.Headings {
		byStart[h.Start] = i
	}
	fm := d.FrontMatter()
	// Headings are blocks: only block containers need a visit, never inline content.
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				p := c.Pos()
				if p < 0 {
					l := c.Lines()
					if l == nil || l.Len() == 0 {
						continue
					}
					p = l.At(0).Start
				}
				start := d.Lines.LineStartOf(p + d.BOM)
				if i, ok := byStart[start]; ok && (!fm.Valid() || start >= fm.End) {
					out[i] = d.InlineText(c)
				}
			case *ast.Document, *ast.Blockquote, *ast.List, *ast.ListItem:
				visit(c)
			}
		}
	}
	visit(d.AST)
	return out
}

// Anchors returns the anchor GitHub gives each of d.Headings, in the same order, without
// the "#": the heading's text in lower case, with punctuation, symbols and emoji removed
// (but not "-" and "_") and each space turned into "-". A repeated anchor gets "-1", "-2"
// and so on, counted over all headings in document order. A heading inside the front
// matter gets "" and counts for nothing.
func (d *Document) Anchors() []string {
	texts := d.HeadingTexts()
	out := make([]string, len(texts))
	fm := d.FrontMatter()
	seen := map[string]int{}
	for i, t := range texts {
		if fm.Valid() && d.Headings[i].Start < fm.End {
			continue
		}
		out[i] = UniqueSlug(seen, Slug(t))
	}
	return out
}

// Slug turns a heading's text into its GitHub anchor, before duplicates are numbered.
// Letters of every script, marks, decimal digits, "-" and "_" stay; spaces become "-";
// everything else goes (punctuation, symbols, emoji with their variation selectors and
// joiners). "Über Café" becomes "über-café"; "📖 Contents" becomes "-contents".
func Slug(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_':
			b.WriteRune(r)
		case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
			// Variation selectors are marks, but they belong to the emoji before them.
		case unicode.IsLetter(r), unicode.Is(unicode.Nd, r), unicode.IsMark(r), unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// UniqueSlug numbers a repeated slug the way GitHub does ("a", "a-1", "a-2"), recording
// what it returns in seen.
func UniqueSlug(seen map[string]int, slug string) string {
	s := slug
	for {
		if _, dup := seen[s]; !dup {
			break
		}
		seen[slug]++
		s = slug + "-" + strconv.Itoa(seen[slug])
	}
	seen[s] = 0
	return s
}
