package rules_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/fixer"
	"github.com/listlint/listlint/mdsrc"
	"github.com/listlint/listlint/rules"
)

// layoutRules are the rules that move lines and markers around rather than words.
var layoutRules = []string{"toc", "heading-style", "whitespace", "list-marker"}

var fuzzURL = regexp.MustCompile(`[a-z]+://[^\s()<>\[\]]+`)

// FuzzLayoutFix checks the layout rules alone on arbitrary input: no panic, fixes settle,
// every URL stays, the text (less white space and markers) stays, and fixing the fixed text
// changes nothing.
func FuzzLayoutFix(f *testing.F) {
	for _, s := range []string{
		"# T\n## Contents\n- [B](#b)\n* [A](#a)\n## A\n## B\n",
		"Title\n=====\n\n - [A](https://a.example)  \n\t- [B](https://b.example)\n\n\n\n> * [C](https://c.example)\n>     - [D](https://d.example)",
		"\ufeff---\nt: x\n---\n# H:\r\n- a\r\n    - b\n1. c\n    - d\n```\n\t- e   \n```\n",
		"- a\n  ## h\n- b\n\n  ```\n  x\n\n\n  ```\n<!--\n\n\n-->\n",
		"* ## 0\n-0",
		"000\n##\r0\n* 00",
		"*\n\t* 0 ",
		"  * \t0",
		"\r\n*",
		"\r\n*\n*",
		"   * 0\n\n    0",
		"000\n* --",
		"* * -",
		"# Co!ntents\n# 00000",
		" *\n   * 0",
		"*\n     * 0",
		"0\n# 0\r\r\r\r\r\r\r\r ",
	} {
		f.Add(s)
	}
	cfg := engine.DefaultConfig()
	for id, rc := range cfg.Rules {
		rc.Severity = rules.Off
		if slices.Contains(layoutRules, id) {
			rc.Severity = rules.Error
		}
		cfg.Rules[id] = rc
	}
	f.Fuzz(func(t *testing.T, s string) {
		if parserPanics(s) {
			t.Skip("the parser panics on this input (mdsrc's own fuzz target covers that)")
		}
		in := []engine.File{{Path: "f.md", Src: []byte(s)}}
		if engine.Lint(in, cfg)[0].Err != nil {
			return
		}
		once := fixer.FixAll(in, cfg, false)
		if len(once.Problems) > 0 {
			t.Fatalf("did not settle: %v\n%q", once.Problems, s)
		}
		got := string(once.Files[0].Src)
		if a, b := sortedURLs(s), sortedURLs(got); !slices.Equal(a, b) {
			t.Fatalf("URLs changed:\n%q\n%q", s, got)
		}
		if !strings.Contains(strings.ToLower(s), "contents") {
			// Outside a table of contents, fixes only move white space, markers and "#"s
			// and drop heading punctuation: the text and the document's structure stay.
			if squeeze(s) != squeeze(got) {
				t.Fatalf("text changed:\n%q\n%q", s, got)
			}
			// Tabs are left out: goldmark reads a tab that straddles an item's content column
			// differently from the spaces that replace it (CommonMark reads both alike).
			// So are lone carriage returns, which goldmark reads now as a line break, now not.
			// And so are empty items before CRLF ("-\r\n"), which goldmark reads as text
			// (though "-\n" as an item): adding the final line break then changes the list.
			// Mixed line breaks are left out too: the fixer writes CRLF into any file with a
			// CRLF near its top, so an LF file with one CRLF line can get "-\r\n" for a while.
			crlf := strings.Count(s, "\r\n")
			lone := strings.Count(s, "\r") != crlf
			mixed := crlf > 0 && crlf != strings.Count(s, "\n")
			quirk := lone || mixed || strings.Contains(s, "\t") || emptyItemCRLF.MatchString(s) || emptyItemCRLF.MatchString(got)
			if a, b := structure(s), structure(got); a != b && !quirk {
				t.Fatalf("structure changed:\n%q\n%q\n%s\n%s", s, got, a, b)
			}
		}
		twice := fixer.FixAll(once.Files, cfg, false)
		if string(twice.Files[0].Src) != got {
			t.Fatalf("not idempotent:\n%q\n%q\n%q", s, got, twice.Files[0].Src)
		}
	})
}

func parserPanics(s string) (panicked bool) {
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	_, _ = mdsrc.Parse("f.md", []byte(s))
	return false
}

var emptyItemCRLF = regexp.MustCompile(`(?m)^[ >]*(([-*+]|[0-9]+[.)]) +)*([-*+]|[0-9]+[.)]) *\r$`)

// structure sums up a document's blocks: its lists (depth, kind, items), headings (level)
// and code blocks.
func structure(s string) string {
	d, err := mdsrc.Parse("f.md", []byte(s))
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	for _, l := range d.Lists {
		fmt.Fprintf(&b, "L%d:%t:%d ", l.Depth, l.Ordered, len(l.Items))
	}
	for _, h := range d.Headings {
		fmt.Fprintf(&b, "H%d ", h.Level)
	}
	fmt.Fprintf(&b, "C%d E%d", len(d.CodeSpans()), len(d.Entries))
	return b.String()
}

func sortedURLs(s string) []string {
	u := fuzzURL.FindAllString(s, -1)
	slices.Sort(u)
	return u
}

// squeeze keeps the letters and digits of s: what a layout fix must not change.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && r != '\ufeff' {
			return r
		}
		return -1
	}, s)
}

// TestLayoutDocExamples checks that each layout rule's documented Before example is
// reported and its After example is clean.
func TestLayoutDocExamples(t *testing.T) {
	for _, id := range layoutRules {
		r := rules.Lookup(id)
		cfg := engine.DefaultConfig()
		for k, rc := range cfg.Rules {
			if k != id {
				rc.Severity = rules.Off
				cfg.Rules[k] = rc
			}
		}
		res := engine.Lint([]engine.File{{Path: "before.md", Src: []byte(r.Doc.Before)}, {Path: "after.md", Src: []byte(r.Doc.After)}}, cfg)
		if len(res[0].Diags) == 0 {
			t.Errorf("%s: the Before example is not reported:\n%s", id, r.Doc.Before)
		}
		for _, d := range res[1].Diags {
			line, col := res[1].Lines.Position(res[1].Src, d.Start)
			t.Errorf("%s: the After example is reported at %d:%d: %s", id, line, col, d.Message)
		}
	}
}

// TestLayoutDocFixes checks that fixing each layout rule's Before example gives its After
// example, where the rule's fix covers everything the example shows.
func TestLayoutDocFixes(t *testing.T) {
	for _, id := range []string{"toc", "list-marker", "whitespace"} {
		r := rules.Lookup(id)
		cfg := engine.DefaultConfig()
		for k, rc := range cfg.Rules {
			if k != id {
				rc.Severity = rules.Off
				cfg.Rules[k] = rc
			}
		}
		out := fixer.FixAll([]engine.File{{Path: "before.md", Src: []byte(r.Doc.Before)}}, cfg, false)
		if got := string(out.Files[0].Src); got != r.Doc.After {
			t.Errorf("%s: fixing the Before example gives\n%s\nnot the After example\n%s", id, got, r.Doc.After)
		}
	}
}
