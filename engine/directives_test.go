package engine

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/listlint/listlint/rules"
)

// lintOnly lints src with the named rules on (and unused-disable), everything else off.
func lintOnly(t *testing.T, src string, ids ...string) *Result {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	on := map[string]bool{"unused-disable": true}
	for _, id := range ids {
		on[id] = true
	}
	for id, rc := range cfg.Rules {
		if on[id] {
			rc.Severity = rules.Error
		} else {
			rc.Severity = rules.Off
		}
		cfg.Rules[id] = rc
	}
	res := Lint([]File{{Path: "d.md", Src: []byte(src)}}, cfg)[0]
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	return res
}

// got renders diagnostics as "LINE rule" for comparison.
func got(r *Result) string {
	var out []string
	for _, d := range r.Diags {
		out = append(out, fmt.Sprintf("%d %s", r.Lines.Line(d.Start), d.Rule))
	}
	return strings.Join(out, "; ")
}

func TestDirectives(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"next line", "<!-- listlint-disable-next-line year-suffix -->\n- [A, 2020](https://a.com) - x.\n- [B, 2020](https://b.com) - x.\n", "3 year-suffix"},
		{"next line skips blank lines", "<!-- listlint-disable-next-line -->\n\n- [A, 2020](https://a.com) - x.\n", ""},
		{"same line", "- [A, 2020](https://a.com) - x. <!-- listlint-disable-line year-suffix -->\n- [B, 2020](https://b.com) - x.\n", "2 year-suffix"},
		{"region", "- [A, 2020](https://a.com) - x.\n<!-- listlint-disable year-suffix -->\n- [B, 2020](https://b.com) - x.\n<!-- listlint-enable year-suffix -->\n- [C, 2020](https://c.com) - x.\n", "1 year-suffix; 5 year-suffix"},
		{"region for all rules keeps others", "<!-- listlint-disable -->\n- [A, 2020](https://a.com) - lower\n<!-- listlint-enable -->\n- [B](https://b.com) - lower\n", "4 description-style; 4 description-style"},
		{"file", "- [A, 2020](https://a.com) - x.\n<!-- listlint-disable-file year-suffix -->\n", ""},
		{"by alias", "<!-- listlint-disable-next-line awesome-list-item -->\n- [A](https://a.com) - lower\n", ""},
		{"awesome-lint ignore", "<!--lint ignore awesome-list-item-->\n- [A](https://a.com) - lower\n- [B](https://b.com) - lower\n", "3 description-style; 3 description-style"},
		{"awesome-lint disable and enable", "<!--lint disable double-link-->\n- [A](https://a.com) - x.\n- [A2](https://a.com) - x.\n<!--lint enable double-link-->\n- [A3](https://a.com) - x.\n", "5 duplicate-url"},
		{"awesome-lint unknown remark rule is ignored", "<!--lint disable match-punctuation-->\n- [A](https://a.com) - x.\n", ""},
		{"unused", "<!-- listlint-disable-next-line year-suffix -->\n- [A (2020)](https://a.com) - x.\n", "1 unused-disable"},
		{"unknown rule", "<!-- listlint-disable-next-line year-sufix -->\n- [A (2020)](https://a.com) - x.\n", "1 unused-disable"},
		{"comment in code is not a directive", "```\n<!-- listlint-disable-file -->\n```\n\n- [A, 2020](https://a.com) - x.\n", "5 year-suffix"},
		{"reason after --", "<!-- listlint-disable-next-line year-suffix -- the title is quoted as published -->\n- [A, 2020](https://a.com) - x.\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if g := got(lintOnly(t, c.src, "year-suffix", "description-style", "duplicate-url")); g != c.want {
				t.Errorf("got %q, want %q", g, c.want)
			}
		})
	}
}

// A fix must not edit lines where its rule is disabled, even when the problem it fixes is
// reported elsewhere: sort-order's fix moves every entry of the list.
func TestDirectivesKeepFixesOutOfDisabledLines(t *testing.T) {
	src := "- [B](https://b.com) - B.\n- [A](https://a.com) - A.\n- [C](https://c.com) - C. <!-- listlint-disable-line sort-order -->\n- [0](https://0.com) - 0.\n"
	res := lintOnly(t, src, "sort-order")
	if len(res.Diags) != 1 || res.Diags[0].Rule != "sort-order" {
		t.Fatalf("got %q", got(res))
	}
	if res.Diags[0].Fix != nil {
		t.Error("the sort fix edits a line where sort-order is disabled, but kept its fix")
	}
}
