package mdsrc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// FuzzParse checks that every span the parser reports lies inside the source and starts
// where it claims: links on "[", annotations on "(", items at a line start, bodies after
// their markers.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"- [Title (2021)](https://a.com/x) - Desc. ([HN](https://news.ycombinator.com/item?id=1))\n",
		"* [**B**](u) – d\n* [](u)\n\t- [C](<a b> \"t\") (2020): e `x`\n",
		"> - [Q](q) - Quoted.\n>   - [R][r]\n\n[r]: https://r\n",
		"\ufeff1. [A](a) - One.\r\n2) [B](b)\r\n",
		"- [a]https://u\n- [x](y)([z](w), [v](k)) `t`\n**[top](#t)**\n",
		"# H\n\nSetext\n---\n\n- [A [b] c](d(e)f) - g..\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse("f.md", src)
		if err != nil {
			return
		}
		in := func(what string, s Span) {
			t.Helper()
			if !s.Valid() {
				return
			}
			if s.Start > s.End || s.End > len(src) {
				t.Fatalf("%s span %v out of bounds (len %d)", what, s, len(src))
			}
		}
		for _, l := range d.Lists {
			for _, it := range l.Items {
				if it.Start < 0 || it.Start > it.BodyEnd || it.BodyEnd > len(src) {
					t.Fatalf("item [%d,%d) out of bounds", it.Start, it.BodyEnd)
				}
				if it.Start > 0 && src[it.Start-1] != '\n' {
					t.Fatalf("item starts at %d, not at a line start", it.Start)
				}
				in("marker", it.Marker)
				in("content", it.Content)
			}
		}
		for _, e := range d.Entries {
			l := e.Link
			in("link", l.Span)
			in("label", l.Label)
			in("url", l.URL)
			if src[l.Span.Start] != '[' || l.Label.Start != l.Span.Start+1 || src[l.Label.End] != ']' {
				t.Fatalf("link %q does not start with its label", src[l.Span.Start:l.Span.End])
			}
			if c := src[l.Span.End-1]; c != ')' && c != ']' {
				t.Fatalf("link %q ends with %q", src[l.Span.Start:l.Span.End], c)
			}
			if l.URL.Valid() && (l.URL.Start < l.Label.End || l.URL.End > l.Span.End) {
				t.Fatalf("url outside its link")
			}
			for name, s := range map[string]Span{"title": e.Title, "year": e.Year, "year after": e.YearAfter, "sep": e.Sep, "desc": e.Desc, "tags": e.Tags} {
				in(name, s)
			}
			if e.Title.Start != l.Label.Start || e.Title.End > l.Label.End {
				t.Fatalf("title outside the label")
			}
			if e.Desc.Start < l.Span.End || e.Desc.End > e.End || e.End > len(src) {
				t.Fatalf("description [%d,%d) outside the entry [%d,%d)", e.Desc.Start, e.Desc.End, l.Span.End, e.End)
			}
			for _, a := range e.Annotations {
				in("annotation", a.Span)
				if src[a.Span.Start] != '(' || src[a.Span.End-1] != ')' || a.Span.Start < e.Desc.End {
					t.Fatalf("annotation %q misplaced", src[a.Span.Start:a.Span.End])
				}
			}
			if !utf8.Valid(src[e.Desc.Start:e.Desc.End]) {
				t.Fatalf("description splits a character")
			}
		}
		for _, h := range d.Headings {
			in("heading", h.Text)
		}
	})
}

// FuzzLinkRefDefs checks that the parser's shortcut for link reference definitions builds
// the same tree as goldmark's own transformer: same kinds, same lines, same destinations.
func FuzzLinkRefDefs(f *testing.F) {
	for _, s := range []string{
		"[a]: https://a\n- [A][a] - Desc.\n",
		"- [Title](https://x) - D.\n\n[b]:\n  /url 'title'\n[c]: <d> \"t\"\n",
		"[not]\n: a def\n\n[x\\]: y]: /z\n\n[ ]: /empty\n",
		"> [q]: /q\n> [Q][q]\n\n1. [l]: /l\n   [L][l]\n",
		"[foo\nbar]: /url\n[foo bar]\n",
		"| a |\n|---|\n| [t]: /t |\n",
	} {
		f.Add([]byte(s))
	}
	stock := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 4096 || bytes.Count(src, []byte("\n")) > 200 {
			return
		}
		want := dumpTree(stock.Parser().Parse(text.NewReader(src)), src)
		got := dumpTree(md.Parser().Parse(text.NewReader(src)), src)
		if got != want {
			t.Fatalf("trees differ for %q:\nstock:\n%s\nlistlint:\n%s", src, want, got)
		}
	})
}

// dumpTree writes a node per line: its kind, its lines and, for links, its destination.
func dumpTree(doc ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "%s@%d", n.Kind(), n.Pos())
		if n.Type() == ast.TypeBlock {
			fmt.Fprintf(&b, " blank=%v", n.HasBlankPreviousLines())
			for i := range n.Lines().Len() {
				s := n.Lines().At(i)
				fmt.Fprintf(&b, " %d-%d", s.Start, s.Stop)
			}
		}
		switch n := n.(type) {
		case *ast.Link:
			fmt.Fprintf(&b, " %q %q", n.Destination, n.Title)
		case *ast.Text:
			fmt.Fprintf(&b, " %q soft=%v hard=%v", n.Segment.Value(src), n.SoftLineBreak(), n.HardLineBreak())
		case *ast.List:
			fmt.Fprintf(&b, " tight=%v marker=%c start=%d", n.IsTight, n.Marker, n.Start)
		case *ast.Heading:
			fmt.Fprintf(&b, " level=%d", n.Level)
		case *ast.HTMLBlock:
			fmt.Fprintf(&b, " type=%d closure=%v", n.HTMLBlockType, n.ClosureLine)
		case *ast.FencedCodeBlock:
			if n.Info != nil {
				fmt.Fprintf(&b, " info=%q", n.Info.Segment.Value(src))
			}
		case *ast.AutoLink:
			fmt.Fprintf(&b, " %q", n.URL(src))
		case *ast.Image:
			fmt.Fprintf(&b, " %q", n.Destination)
		}
		b.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return b.String()
}
