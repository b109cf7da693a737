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

// FuzzTextRules runs punctuation, spell-check and no-title-repeat alone on arbitrary input:
// no panic, spans inside the file, and --fix settles, keeps the text outside its edits'
// words and is idempotent.
func FuzzTextRules(f *testing.F) {
	for _, s := range []string{
		"- [Github!!](https://github.com/x) - nodejs is (great!! `a(` “b\n",
		"- [goworker](u) - goworker is a [Foo (bar](https://x.y/(z)) ‘q’s.\n",
		"- [A](u) - Java Script,, and Wi-fi https://www.youtube.com/x_(y)!! <b>(</b>\n",
		"- [Foo](u) - The Foo: \\[ ??!!?? 「（」\n",
	} {
		f.Add([]byte(s))
	}
	cfg := engine.DefaultConfig()
	for id, rc := range cfg.Rules {
		rc.Severity = rules.Off
		if id == "punctuation" || id == "spell-check" || id == "no-title-repeat" {
			rc.Severity = rules.Warning
		}
		cfg.Rules[id] = rc
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		in := []engine.File{{Path: "f.md", Src: src}}
		res := engine.Lint(in, cfg)[0]
		if res.Err != nil {
			return
		}
		for _, d := range res.Diags {
			if d.Start < 0 || d.Start > d.End || d.End > len(src) {
				t.Fatalf("%s: span [%d, %d) outside the file (%d bytes)", d.Rule, d.Start, d.End, len(src))
			}
		}
		once := fixer.FixAll(in, cfg, false)
		if len(once.Problems) > 0 {
			t.Fatalf("fix did not converge: %v", once.Problems)
		}
		if strings.Count(string(once.Files[0].Src), "://") != strings.Count(string(src), "://") {
			t.Fatalf("fix changed the URLs:\n%q\n%q", src, once.Files[0].Src)
		}
		twice := fixer.FixAll(once.Files, cfg, false)
		if twice.Changed(0, once.Files) {
			t.Fatalf("fixing twice differs from fixing once:\n%q\n%q", once.Files[0].Src, twice.Files[0].Src)
		}
	})
}
