package engine

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/listlint/listlint/rules"
)

func TestLintKeepsInputOrderAndIsDeterministic(t *testing.T) {
	var files []File
	for i := range 40 {
		files = append(files, File{Path: fmt.Sprintf("f%02d.md", i), Src: fmt.Appendf(nil, "- [T%d, 2020](https://example.com/%d) - x\n- [Same](https://example.com/shared) - Same.\n", i, i)})
	}
	cfg := DefaultConfig()
	cfg.Now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	first := Lint(files, cfg)
	for run := range 5 {
		cfg.Workers = run + 1
		got := Lint(files, cfg)
		for i, r := range got {
			if r.Path != files[i].Path {
				t.Fatalf("result %d is %s, want %s", i, r.Path, files[i].Path)
			}
			if describe(r.Diags) != describe(first[i].Diags) {
				t.Fatalf("%s: diagnostics differ between runs", r.Path)
			}
		}
	}
	// Every file after the first repeats the shared URL; the first file does not.
	count := func(r *Result, rule string) int {
		n := 0
		for _, d := range r.Diags {
			if d.Rule == rule {
				n++
			}
		}
		return n
	}
	if count(first[0], "duplicate-url") != 0 || count(first[1], "duplicate-url") != 1 || count(first[39], "duplicate-url") != 1 {
		t.Errorf("cross-file duplicates: got %d, %d, %d", count(first[0], "duplicate-url"), count(first[1], "duplicate-url"), count(first[39], "duplicate-url"))
	}
	for i := 1; i < len(first[0].Diags); i++ {
		if first[0].Diags[i].Start < first[0].Diags[i-1].Start {
			t.Errorf("diagnostics not sorted by position")
		}
	}
}

func TestLintParseErrorAndOffRules(t *testing.T) {
	files := []File{
		{Path: "bin.md", Src: []byte("a\x00b")},
		{Path: "ok.md", Src: []byte("- [T, 2020](https://example.com) - lower.\n")},
	}
	cfg := DefaultConfig()
	rc := cfg.Rules["year-suffix"]
	rc.Severity = rules.Off
	cfg.Rules["year-suffix"] = rc
	res := Lint(files, cfg)
	if res[0].Err == nil || len(res[0].Diags) != 0 {
		t.Errorf("binary file: err %v, %d diagnostics", res[0].Err, len(res[0].Diags))
	}
	for _, d := range res[1].Diags {
		if d.Rule == "year-suffix" {
			t.Errorf("year-suffix is off but reported: %s", d.Message)
		}
	}
}

func describe(ds []rules.Diagnostic) string {
	s := ""
	for _, d := range ds {
		s += fmt.Sprintf("%s %d-%d %s %v;", d.Rule, d.Start, d.End, d.Message, d.Fix != nil)
	}
	return s
}

var crasher = rules.Register(&rules.Rule{ID: "test-crasher", Default: rules.Off, Check: func(p *rules.Pass) {
	var s []int
	_ = s[len(p.Doc.Src)]
}})

func TestLintSurvivesARulePanic(t *testing.T) {
	cfg := DefaultConfig()
	rc := cfg.Rules[crasher.ID]
	rc.Severity = rules.Error
	cfg.Rules[crasher.ID] = rc
	res := Lint([]File{{Path: "a.md", Src: []byte("- [T, 2020](https://example.com) - x\n")}}, cfg)
	var crashed, others bool
	for _, d := range res[0].Diags {
		if d.Rule == crasher.ID && strings.Contains(d.Message, "internal error") {
			crashed = true
		} else {
			others = true
		}
	}
	if !crashed || !others {
		t.Errorf("want the crash reported and the other rules' findings kept: %v", describe(res[0].Diags))
	}
}

// A file's own Config chooses its per-file rules and options; the cross-file pass keeps
// the run's Config, except that a file whose Config turns the rule off gets no reports.
func TestLintPerFileConfig(t *testing.T) {
	src := []byte("- [T, 2020](https://example.com/shared) - no period\n")
	quiet := DefaultConfig()
	for id, rc := range quiet.Rules {
		rc.Severity = rules.Off
		quiet.Rules[id] = rc
	}
	lenient := DefaultConfig()
	ds := lenient.Rules["description-style"]
	ds.Options = &rules.DescriptionStyleOptions{RequireCapital: true} // no period check
	lenient.Rules["description-style"] = ds

	files := []File{
		{Path: "a.md", Src: src},                  // run config: everything
		{Path: "b.md", Src: src, Config: quiet},   // every rule off, duplicate-url included
		{Path: "c.md", Src: src, Config: lenient}, // no period check
		{Path: "d.md", Src: src},
	}
	cfg := DefaultConfig()
	cfg.Now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	res := Lint(files, cfg)
	rulesOf := func(r *Result) string {
		var ids []string
		for _, d := range r.Diags {
			ids = append(ids, d.Rule)
		}
		return strings.Join(ids, " ")
	}
	want := []string{
		"year-suffix description-style description-style",
		"",
		"duplicate-url year-suffix description-style", // the capital, not the period
		"duplicate-url year-suffix description-style description-style",
	}
	for i, r := range res {
		if got := rulesOf(r); got != want[i] {
			t.Errorf("%s: rules %q, want %q", r.Path, got, want[i])
		}
	}
}
