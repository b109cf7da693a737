package fixer

import (
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

// Two rules that undo each other: one wants "colour", the other "color".
var (
	british = rules.Register(&rules.Rule{ID: "test-british", Default: rules.Off, Check: func(p *rules.Pass) {
		if i := strings.Index(string(p.Doc.Src), "color"); i >= 0 {
			p.Report(i, i+5, &rules.Fix{Safe: true, Edits: []rules.Edit{{Start: i, End: i + 5, New: "colour"}}}, "British spelling")
		}
	}})
	american = rules.Register(&rules.Rule{ID: "test-american", Default: rules.Off, Check: func(p *rules.Pass) {
		if i := strings.Index(string(p.Doc.Src), "colour"); i >= 0 {
			p.Report(i, i+6, &rules.Fix{Safe: true, Edits: []rules.Edit{{Start: i, End: i + 6, New: "color"}}}, "American spelling")
		}
	}})
	// A rule whose fix always changes the file to something new never settles.
	grower = rules.Register(&rules.Rule{ID: "test-grower", Default: rules.Off, Check: func(p *rules.Pass) {
		n := len(p.Doc.Src)
		p.Report(n, n, &rules.Fix{Safe: true, Edits: []rules.Edit{{Start: n, End: n, New: "x"}}}, "grow")
	}})
)

func only(ids ...string) *engine.Config {
	cfg := engine.DefaultConfig()
	for id, rc := range cfg.Rules {
		rc.Severity = rules.Off
		cfg.Rules[id] = rc
	}
	for _, id := range ids {
		rc := cfg.Rules[id]
		rc.Severity = rules.Error
		cfg.Rules[id] = rc
	}
	return cfg
}

func TestFixAllReportsOscillation(t *testing.T) {
	in := []engine.File{{Path: "a.md", Src: []byte("The color of things.\n")}}
	out := FixAll(in, only(british.ID, american.ID), false)
	if len(out.Problems) != 1 || !strings.Contains(out.Problems[0], "oscillate") || !strings.Contains(out.Problems[0], "test-american") {
		t.Fatalf("problems: %q", out.Problems)
	}
}

func TestFixAllCapsPasses(t *testing.T) {
	in := []engine.File{{Path: "a.md", Src: []byte("x\n")}}
	out := FixAll(in, only(grower.ID), false)
	if len(out.Problems) != 1 || !strings.Contains(out.Problems[0], "did not settle") {
		t.Fatalf("problems: %q", out.Problems)
	}
	if got := len(out.Files[0].Src); got != 2+MaxPasses {
		t.Errorf("file grew to %d bytes, want %d (one fix per pass)", got, 2+MaxPasses)
	}
}

func TestFixAllSafeAndUnsafe(t *testing.T) {
	src := "- [A](https://a.com) - Same.\n- [A](https://a.com) - Same.\n- [B, 2020](https://b.com) - B.\n"
	in := []engine.File{{Path: "a.md", Src: []byte(src)}}
	cfg := only("duplicate-url", "year-suffix")
	safe := FixAll(in, cfg, false)
	if got := string(safe.Files[0].Src); got != "- [A](https://a.com) - Same.\n- [A](https://a.com) - Same.\n- [B (2020)](https://b.com) - B.\n" {
		t.Errorf("safe fix: %q", got)
	}
	if safe.Fixed[0] != 1 {
		t.Errorf("safe fixes counted: %d", safe.Fixed[0])
	}
	unsafe := FixAll(in, cfg, true)
	if got := string(unsafe.Files[0].Src); got != "- [A](https://a.com) - Same.\n- [B (2020)](https://b.com) - B.\n" {
		t.Errorf("unsafe fix: %q", got)
	}
	if len(unsafe.Results[0].Diags) != 0 {
		t.Errorf("problems left after the unsafe fix: %v", unsafe.Results[0].Diags)
	}
}

func TestFixAllKeepsCRLF(t *testing.T) {
	src := "- [B](https://b.com) - B.\r\n- [A](https://a.com) - A.\r\n"
	out := FixAll([]engine.File{{Path: "a.md", Src: []byte(src)}}, only("sort-order"), false)
	if got := string(out.Files[0].Src); got != "- [A](https://a.com) - A.\r\n- [B](https://b.com) - B.\r\n" {
		t.Errorf("got %q", got)
	}
}

// TestFixesOfNeighbouringRulesApplyTogether checks that fixes of different rules on the same
// text land in one pass, leaving nothing to fix: annotation-style regroups the annotations
// around the links that url-style rewrites; heading-style rewrites an underlined heading
// around the punctuation it removes, and whitespace inserts a blank line before it;
// list-marker re-indents a tab-indented sub-list, replacing the tabs whitespace reports.
func TestFixesOfNeighbouringRulesApplyTogether(t *testing.T) {
	for _, tt := range []struct {
		name      string
		rules     []string
		src, want string
	}{
		{
			name:  "annotations",
			rules: []string{"annotation-style", "url-style"},
			src: "- [A](https://a.com) - A. ([Demo](https://d.com)) ([Code](https://c.com))\n" +
				"- [B](https://b.com) - B. ([Demo](https://e.com)) ([Code](https://f.com))\n" +
				"- [C](https://c.org) - C. ([Demo](https://g.com), [Source Code](https://github.com/x/y/))\n",
			want: "- [A](https://a.com) - A. ([Demo](https://d.com)) ([Code](https://c.com))\n" +
				"- [B](https://b.com) - B. ([Demo](https://e.com)) ([Code](https://f.com))\n" +
				"- [C](https://c.org) - C. ([Demo](https://g.com)) ([Source Code](https://github.com/x/y))\n",
		},
		{
			name:  "underlined heading",
			rules: []string{"heading-style", "whitespace"},
			src:   "# Doc\n\nText.\n\n---\nThe title.\n---\n\nMore text.\n",
			want:  "# Doc\n\nText.\n\n---\n\n## The title\n\nMore text.\n",
		},
		{
			name:  "tab-indented sub-list",
			rules: []string{"list-marker", "whitespace"},
			src:   "# PR\n\n- [ ] Read it.\n\tGo on with a tab.\n- [ ] A title.\n\t- Yes: `Add Swift`\n\t- No: `add Swift`\n- [ ] Next.\n",
			want:  "# PR\n\n- [ ] Read it.\n    Go on with a tab.\n- [ ] A title.\n  - Yes: `Add Swift`\n  - No: `add Swift`\n- [ ] Next.\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := only(tt.rules...)
			fixesOf := func(src string) []*rules.Fix {
				var fixes []*rules.Fix
				for _, d := range engine.Lint([]engine.File{{Path: "a.md", Src: []byte(src)}}, cfg)[0].Diags {
					if d.Fix != nil {
						fixes = append(fixes, d.Fix)
					}
				}
				return fixes
			}
			fixes := fixesOf(tt.src)
			if len(fixes) < 2 {
				t.Fatalf("%d fixes; want one of each rule", len(fixes))
			}
			out, _ := Apply([]byte(tt.src), fixes)
			if string(out) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out, tt.want)
			}
			if left := fixesOf(string(out)); len(left) > 0 {
				t.Errorf("%d fixes left for another pass: %v", len(left), left[0].Edits)
			}
		})
	}
}
