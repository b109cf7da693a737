package rules_test

import (
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/fixer"
	"github.com/listlint/listlint/rules"
)

// TestPunctuationAndDescriptionStyle lints with both rules on: a doubled "!" at the end of a
// description is description-style's alone, one inside it is punctuation's alone, "!!!" is
// treated like "!!" by both, and fixing with both on settles on one "!" everywhere.
func TestPunctuationAndDescriptionStyle(t *testing.T) {
	cfg := engine.DefaultConfig()
	for id, rc := range cfg.Rules {
		if id != "punctuation" && id != "description-style" {
			rc.Severity = rules.Off
			cfg.Rules[id] = rc
		}
	}
	for _, id := range []string{"punctuation", "description-style"} {
		if cfg.Rules[id].Severity == rules.Off {
			t.Fatalf("%s is off by default", id)
		}
	}
	src := "# List\n\n" +
		"- [End](https://example.com/1) - Best tool ever!!!\n" +
		"- [End two](https://example.com/2) - Is it fast??\n" +
		"- [Emoji](https://example.com/3) - Launch day!!! 🚀\n" +
		"- [Inside](https://example.com/4) - Wow!!! It works.\n" +
		"- [Both](https://example.com/5) - Really?? Yes!!!\n"
	res := engine.Lint([]engine.File{{Path: "list.md", Src: []byte(src)}}, cfg)[0]
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	type key struct {
		line int
		rule string
	}
	got := map[key]int{}
	for _, d := range res.Diags {
		line, _ := res.Lines.Position(res.Src, d.Start)
		got[key{line, d.Rule}]++
		run := string(res.Src[d.Start:d.End])
		if strings.Trim(run, "!?") != "" {
			t.Errorf("line %d: %s reported %q, not a run of \"!\" or \"?\": %s", line, d.Rule, run, d.Message)
		}
	}
	want := map[key]int{
		{3, "description-style"}: 1, // "!!!" at the end
		{4, "description-style"}: 1, // "??" at the end
		{5, "description-style"}: 1, // "!!!" before trailing emoji
		{6, "punctuation"}:       1, // "!!!" inside
		{7, "punctuation"}:       1, // "??" inside
		{7, "description-style"}: 1, // "!!!" at the end
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("line %d: %s reported %d times, want %d", k.line, k.rule, got[k], n)
		}
	}
	for k, n := range got {
		if want[k] == 0 {
			t.Errorf("line %d: unexpected %d %s diagnostics", k.line, n, k.rule)
		}
	}

	out := fixer.FixAll([]engine.File{{Path: "list.md", Src: []byte(src)}}, cfg, false)
	if len(out.Problems) > 0 {
		t.Fatalf("fix did not converge: %v", out.Problems)
	}
	fixed := string(out.Files[0].Src)
	wantFixed := "# List\n\n" +
		"- [End](https://example.com/1) - Best tool ever!\n" +
		"- [End two](https://example.com/2) - Is it fast?\n" +
		"- [Emoji](https://example.com/3) - Launch day! 🚀\n" +
		"- [Inside](https://example.com/4) - Wow! It works.\n" +
		"- [Both](https://example.com/5) - Really? Yes!\n"
	if fixed != wantFixed {
		t.Errorf("fixed:\n%s\nwant:\n%s", fixed, wantFixed)
	}
	for _, d := range engine.Lint(out.Files, cfg)[0].Diags {
		t.Errorf("after the fix: %s: %s", d.Rule, d.Message)
	}
}

// TestPunctuationValidate checks the options' own validation.
func TestPunctuationValidate(t *testing.T) {
	for _, tc := range []struct {
		opts rules.PunctuationOptions
		ok   bool
	}{
		{rules.PunctuationOptions{Pairs: []string{"()", "“”"}, Repeats: "!?,"}, true},
		{rules.PunctuationOptions{Pairs: []string{"("}}, false},
		{rules.PunctuationOptions{Pairs: []string{"(])"}}, false},
		{rules.PunctuationOptions{Repeats: "！"}, false},
		{rules.PunctuationOptions{Repeats: "a"}, false},
	} {
		if err := tc.opts.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: Validate() = %v", tc.opts, err)
		}
	}
}
