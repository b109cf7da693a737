package rules_test

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/fixer"
	"github.com/listlint/listlint/rules"
)

var update = flag.Bool("update", false, "rewrite the .golden files from the fixer's output")

// fixtureNow is the date the fixtures are linted at, so that the future-year check does not
// depend on when the tests run.
var fixtureNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// TestFixtures runs every case under testdata/<rule-id>/. A case is one Markdown file, or
// every Markdown file of a folder (for cross-file rules). Beside each file:
//   - NAME.want lists the expected diagnostics, one a line: LINE[:COL] RULE ["message part"];
//   - NAME.golden is the file after --fix (required when a safe fix applies);
//   - NAME.unsafe.golden is the file after --fix --unsafe-fixes (optional);
//   - options.yml beside a case file (or in a case folder) sets the rule's options.
//
// Only the rule named by the folder runs. The harness checks that every diagnostic is
// expected and every expectation met, that the fixed output matches the golden file, that
// re-linting the golden file leaves no fixable diagnostic, and that fixing it again
// changes nothing.
func TestFixtures(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		id := filepath.Base(dir)
		if id == "fuzz" {
			continue // the fuzzers' corpus, not fixtures
		}
		if rules.Lookup(id) == nil {
			t.Errorf("%s: no rule %q", dir, id)
			continue
		}
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			name := e.Name()
			switch {
			case e.IsDir():
				runCase(t, id, filepath.Join(dir, name), mdFiles(t, filepath.Join(dir, name)))
			case strings.HasSuffix(name, ".md"):
				runCase(t, id, filepath.Join(dir, name), []string{filepath.Join(dir, name)})
			}
		}
	}
}

func mdFiles(t *testing.T, dir string) []string {
	m, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(m) == 0 {
		t.Fatalf("%s: no .md files", dir)
	}
	sort.Strings(m)
	return m
}

func caseConfig(t *testing.T, id, casePath string) *engine.Config {
	cfg := engine.DefaultConfig()
	cfg.Now = fixtureNow
	r := rules.Lookup(id)
	for k, rc := range cfg.Rules {
		if k == r.ID {
			rc.Severity = r.Default
			if rc.Severity == rules.Off {
				rc.Severity = rules.Error
			}
		} else {
			rc.Severity = rules.Off
		}
		cfg.Rules[k] = rc
	}
	optsFile := strings.TrimSuffix(casePath, ".md") + ".options.yml"
	if st, err := os.Stat(casePath); err == nil && st.IsDir() {
		optsFile = filepath.Join(casePath, "options.yml")
	}
	if b, err := os.ReadFile(optsFile); err == nil {
		rc := cfg.Rules[r.ID]
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(rc.Options); err != nil {
			t.Fatalf("%s: %v", optsFile, err)
		}
		cfg.Rules[r.ID] = rc
	}
	return cfg
}

type want struct {
	line, col int
	rule, msg string
	matched   bool
}

var wantLine = regexp.MustCompile(`^(\d+)(?::(\d+))?\s+(\S+)(?:\s+(".*"))?$`)

func readWants(t *testing.T, path string) []*want {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ws []*want
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := wantLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("%s:%d: want LINE[:COL] RULE [\"message part\"], got %q", path, n, line)
		}
		w := &want{rule: m[3]}
		if m[4] != "" {
			if w.msg, err = strconv.Unquote(m[4]); err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
		}
		w.line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			w.col, _ = strconv.Atoi(m[2])
		}
		ws = append(ws, w)
	}
	return ws
}

func runCase(t *testing.T, id, casePath string, paths []string) {
	t.Run(strings.TrimPrefix(casePath, "testdata/"), func(t *testing.T) {
		cfg := caseConfig(t, id, casePath)
		var files []engine.File
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, engine.File{Path: p, Src: src})
		}
		results := engine.Lint(files, cfg)
		for i, res := range results {
			if res.Err != nil {
				t.Fatalf("%s: %v", paths[i], res.Err)
			}
			wants := readWants(t, strings.TrimSuffix(paths[i], ".md")+".want")
			for _, d := range res.Diags {
				line, col := res.Lines.Position(res.Src, d.Start)
				ok := false
				for _, w := range wants {
					if !w.matched && w.line == line && (w.col == 0 || w.col == col) && w.rule == d.Rule && strings.Contains(d.Message, w.msg) {
						w.matched, ok = true, true
						break
					}
				}
				if !ok {
					t.Errorf("%s:%d:%d: unexpected %s: %s", paths[i], line, col, d.Rule, d.Message)
				}
			}
			for _, w := range wants {
				if !w.matched {
					t.Errorf("%s:%d: expected %s %q, not reported", paths[i], w.line, w.rule, w.msg)
				}
			}
		}
		safe := checkFix(t, cfg, files, false, ".golden", nil)
		checkFix(t, cfg, files, true, ".unsafe.golden", safe)
	})
}

// checkFix fixes files and compares the result with the golden files. The unsafe run
// (safe != nil) needs a golden file of its own only where it differs from the safe run.
func checkFix(t *testing.T, cfg *engine.Config, files []engine.File, unsafe bool, suffix string, safe []engine.File) []engine.File {
	out := fixer.FixAll(files, cfg, unsafe)
	if len(out.Problems) > 0 {
		t.Errorf("fix did not converge: %v", out.Problems)
	}
	for i, f := range out.Files {
		golden := strings.TrimSuffix(files[i].Path, ".md") + suffix
		changed := out.Changed(i, files)
		if safe != nil {
			changed = string(f.Src) != string(safe[i].Src)
		}
		want, err := os.ReadFile(golden)
		switch {
		case *update && !changed && safe != nil:
			os.Remove(golden)
			continue
		case *update && changed:
			if err := os.WriteFile(golden, f.Src, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		case os.IsNotExist(err):
			if changed {
				t.Errorf("%s: the fix changed the file but there is no %s:\n%s", files[i].Path, golden, f.Src)
			}
			continue
		case err != nil:
			t.Fatal(err)
		}
		if string(f.Src) != string(want) {
			t.Errorf("%s: fixed output differs from %s\n--- got\n%s\n--- want\n%s", files[i].Path, golden, f.Src, want)
		}
	}
	// The fixed files must hold no fixable problem, and fixing them again must change nothing.
	for _, res := range engine.Lint(out.Files, cfg) {
		for _, d := range res.Diags {
			if d.Fix != nil && (d.Fix.Safe || unsafe) {
				line, col := res.Lines.Position(res.Src, d.Start)
				t.Errorf("%s (after fix): %d:%d: still fixable %s: %s", res.Path, line, col, d.Rule, d.Message)
			}
		}
	}
	again := fixer.FixAll(out.Files, cfg, unsafe)
	for i := range again.Files {
		if again.Changed(i, out.Files) {
			t.Errorf("%s: fixing twice differs from fixing once", files[i].Path)
		}
	}
	return out.Files
}
