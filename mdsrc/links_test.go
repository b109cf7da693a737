package mdsrc

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

// walkLinks finds what Parse records in its walk (link destinations, HTML spans) with a
// plain walk of the whole tree, as rules did before.
func walkLinks(d *Document) (urls, html []Span) {
	src := d.Src
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if n.Pos() < 0 {
				break
			}
			start := n.Pos() + d.BOM
			if start >= len(src) || src[start] != '[' {
				break
			}
			end := len(src)
			if nl := d.Lines.Line(start); nl < d.Lines.Count() {
				end = min(len(src), d.Lines.Start(min(nl+8, d.Lines.Count())))
			}
			if sl, ok := ScanLinkSpans(src, start, end); ok && sl.URL.Valid() && sl.URL.Len() > 0 {
				urls = append(urls, sl.URL)
			}
		case *ast.HTMLBlock:
			lines := n.Lines()
			if lines.Len() > 0 {
				to := lines.At(lines.Len()-1).Stop + d.BOM
				if n.HasClosure() {
					to = n.ClosureLine.Stop + d.BOM
				}
				html = append(html, Span{lines.At(0).Start + d.BOM, min(to, len(src))})
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				html = append(html, Span{n.Segments.At(0).Start + d.BOM, min(n.Segments.At(n.Segments.Len()-1).Stop+d.BOM, len(src))})
			}
		}
		return ast.WalkContinue, nil
	})
	return urls, html
}

func checkWalkLinks(t *testing.T, name string, src []byte) {
	t.Helper()
	d, err := Parse(name, src)
	if err != nil {
		return
	}
	urls, html := walkLinks(d)
	if !reflect.DeepEqual(urls, d.URLs) && (len(urls) > 0 || len(d.URLs) > 0) {
		t.Errorf("%s: URLs %v, a walk of the tree finds %v", name, d.URLs, urls)
	}
	if !reflect.DeepEqual(html, d.html) && (len(html) > 0 || len(d.html) > 0) {
		t.Errorf("%s: HTML %v, a walk of the tree finds %v", name, d.html, html)
	}
}

// TestLinksOfCorpus compares Parse's links and HTML with a walk of the tree on every corpus
// file.
func TestLinksOfCorpus(t *testing.T) {
	var paths []string
	_ = filepath.WalkDir("../../shared/corpus", func(p string, de os.DirEntry, err error) error {
		if err == nil && !de.IsDir() && filepath.Ext(p) == ".md" {
			paths = append(paths, p)
		}
		return nil
	})
	if len(paths) == 0 {
		t.Skip("no corpus")
	}
	for _, p := range paths {
		src, _ := os.ReadFile(p)
		checkWalkLinks(t, p, src)
	}
}

func FuzzLinks(f *testing.F) {
	for _, s := range []string{
		"- [Title (2021)](https://a.com/x) - Desc. ([HN](https://news.ycombinator.com/item?id=1))\n",
		"# [H](h) <b>x</b>\n\n| [a](b) | <i>c</i> |\n|---|---|\n| [d](e) | f |\n",
		"- [a]\n  (b)\n- [c](d\n- [e][f] <!-- listlint-disable -->\n\n[f]: g\n<div>\n<!-- x -->\n</div>\n",
		"\ufeff> - [Q](q) - [R](r)\n>   - [S](s \"t\")\n",
		"1. [A](<a b>)\n\n   - [B](c)\n\n   ```\n   [x](y)\n   ```\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkWalkLinks(t, "f.md", src)
	})
}

// TestParseWorkers checks that walking the top-level blocks in parts gives the Document
// that one walk gives, on every corpus file and on all of them one after the other.
func TestParseWorkers(t *testing.T) {
	var srcs [][]byte
	var all []byte
	_ = filepath.WalkDir("../../shared/corpus", func(p string, de os.DirEntry, err error) error {
		if err == nil && !de.IsDir() && filepath.Ext(p) == ".md" {
			src, _ := os.ReadFile(p)
			srcs = append(srcs, src)
			all = append(append(all, src...), '\n', '\n')
		}
		return nil
	})
	if len(srcs) == 0 {
		t.Skip("no corpus")
	}
	defer func(n int) { parallelSize = n }(parallelSize)
	parallelSize = 0
	for i, src := range append(srcs, all) {
		want, err := Parse("f.md", src)
		if err != nil {
			continue
		}
		for _, n := range []int{2, 3, 7} {
			if i%50 != 0 && n != 2 && i != len(srcs) {
				continue
			}
			got, _ := ParseWorkers("f.md", src, n)
			got.AST, want.AST = nil, nil
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("file %d: ParseWorkers(%d) differs from Parse", i, n)
			}
		}
	}
}

func TestLineStart(t *testing.T) {
	for _, src := range []string{"", "a", "\n", "a\nb", strings.Repeat("x", 200) + "\n" + strings.Repeat("y", 70) + "\n\n" + strings.Repeat("z", 65)} {
		d := &Document{Src: []byte(src), Lines: NewLineIndex([]byte(src))}
		w := walker{d: d}
		for off := -1; off <= len(src)+1; off++ {
			if got, want := w.lineStart(off), d.Lines.LineStartOf(off); got != want {
				t.Errorf("lineStart(%d) = %d, want %d (len %d)", off, got, want, len(src))
			}
		}
	}
}
