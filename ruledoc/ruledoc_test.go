package ruledoc

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

var update = flag.Bool("update", false, "rewrite docs/rules from the rules' documentation")

const docsDir = "../docs/rules"

// TestDocsCurrent fails when docs/rules differs from what the rules' documentation
// generates, or holds a page for a rule that no longer exists.
func TestDocsCurrent(t *testing.T) {
	want := map[string]string{"README.md": Index()}
	for _, r := range Visible() {
		want[r.ID+".md"] = Page(r)
	}
	if *update {
		if err := os.MkdirAll(docsDir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(docsDir, "*.md"))
		for _, p := range old {
			if _, ok := want[filepath.Base(p)]; !ok {
				os.Remove(p)
			}
		}
		for name, text := range want {
			if err := os.WriteFile(filepath.Join(docsDir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for name, text := range want {
		got, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil || string(got) != text {
			t.Errorf("docs/rules/%s is stale or missing: run go test ./ruledoc -update", name)
		}
	}
	have, _ := filepath.Glob(filepath.Join(docsDir, "*.md"))
	for _, p := range have {
		if _, ok := want[filepath.Base(p)]; !ok {
			t.Errorf("docs/rules/%s documents no rule: run go test ./ruledoc -update", filepath.Base(p))
		}
	}
}

// Every rule is documented: a title, why, an example that the rule reports, and options
// that match the ones the rule decodes.
func TestEveryRuleIsDocumented(t *testing.T) {
	for _, r := range Visible() {
		d := r.Doc
		if d.Title == "" || d.Why == "" || d.Fix == "" {
			t.Errorf("%s: title, why and fix class are required", r.ID)
		}
		if r.Check != nil && d.Before == "" {
			t.Errorf("%s: no before example", r.ID)
		}
		if r.NewOptions != nil {
			opts := r.NewOptions()
			for _, o := range d.Options {
				if !hasYAMLField(opts, o.Name) {
					t.Errorf("%s: documented option %q is not an option of the rule", r.ID, o.Name)
				}
			}
		}
	}
}

func hasYAMLField(opts any, name string) bool {
	return strings.Contains(strings.ReplaceAll(fieldTags(opts), " ", ""), ","+name+",")
}

func TestExplainAndTable(t *testing.T) {
	var b bytes.Buffer
	if err := Explain(&b, rules.Lookup("year-suffix")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"year-suffix: A year that closes a title", "Reported:", "Attention Is All You Need, 2017", "Written well:", "Fix: safe", "Presets: default, awesome, knowledge"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("explain year-suffix lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := Table(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "duplicate-url") || !strings.Contains(b.String(), "double-link") || strings.Contains(b.String(), "test-") {
		t.Errorf("rules table:\n%s", b.String())
	}
}

// The examples in the documentation are true: the rule reports its "before" example and
// not its "after" example.
func TestExamplesAreTrue(t *testing.T) {
	for _, r := range Visible() {
		if r.Check == nil && r.CheckProject == nil || r.Doc.Before == "" {
			continue
		}
		cfg := engine.DefaultConfig()
		for id, rc := range cfg.Rules {
			rc.Severity = rules.Off
			if id == r.ID {
				rc.Severity = rules.Error
			}
			cfg.Rules[id] = rc
		}
		// Rules of a readme look at files beside it: answer that there are none.
		cfg.Stat = func(string) (int64, bool) { return 0, false }
		count := func(src string) int {
			res := engine.Lint([]engine.File{{Path: "README.md", Src: []byte(src)}}, cfg)[0]
			if res.Err != nil {
				t.Fatalf("%s: %v", r.ID, res.Err)
			}
			return len(res.Diags)
		}
		if n := count(r.Doc.Before); n == 0 {
			t.Errorf("%s: the documented \"before\" example is not reported", r.ID)
		}
		if r.Doc.After != "" {
			if n := count(r.Doc.After); n != 0 {
				t.Errorf("%s: the documented \"after\" example is reported %d times", r.ID, n)
			}
		}
	}
}
