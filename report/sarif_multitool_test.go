package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/internal/tooltest"
)

// multitoolLists are lists with the problems a real run has: safe and unsafe fixes, spans
// over several lines (a wrapped entry, blank lines), non-ASCII text before and inside the
// problems, a cross-file duplicate, and a file in a folder whose name needs escaping.
var multitoolLists = map[string]string{
	"README.md": "# Awesome Bücher\n\n> Eine Liste 📚 guter Bücher.\n\n## Bücher\n\n" +
		"- [日本語の本, 2017](https://example.org/jp) - Ein Buch.\n" +
		"- [Ärger 😀](https://example.org/smile): fröhlich\n" +
		"- [Wrapped](https://example.org/wrapped) - An entry\n  wrapped over two lines.\n\n\n\n" +
		"- [Same](https://example.org/jp) - Another link to the same page.\n" +
		"- [Same](https://example.org/jp) - Another link to the same page.\n" +
		"- [Plain](http://example.org/plain/) - Trailing   spaces.   \n",
	"sub dir/ß list.md": "# Zweite Liste\n\n" +
		"- [Café, 2020](https://example.org/cafe) - café au lait\n" +
		"- [Jp](https://example.org/jp) - The same page again.\n",
}

// TestSARIFMultitool validates the SARIF of a realistic run with Microsoft's SARIF
// Multitool, against the specification's rules and against GitHub's ingestion rules
// (--rule-kind Gh). Any error or warning fails the test.
func TestSARIFMultitool(t *testing.T) {
	tool := tooltest.Require(t, "sarif-multitool", "npm install -g @microsoft/sarif-multitool@5.7.0")
	root := t.TempDir()
	mustMkdir(t, filepath.Join(root, ".git"))
	var files []engine.File
	for _, name := range []string{"README.md", "sub dir/ß list.md"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		mustMkdir(t, filepath.Dir(p))
		files = append(files, engine.File{Path: p, Src: []byte(multitoolLists[name])})
	}
	run := &Run{Results: engine.Lint(files, engine.DefaultConfig()),
		Errors: []FileError{{Path: filepath.Join(root, "bin.md"), Line: 2, Err: "binary file (NUL byte), not Markdown"},
			{Path: filepath.Join(root, "gone.md"), Err: "no such file or folder"}}}
	var buf bytes.Buffer
	if err := (&SARIF{Options: Options{Root: root, Version: "dev (0123456789ab-dirty)"}}).Report(&buf, run); err != nil {
		t.Fatal(err)
	}
	// The run must hold what the test claims to validate.
	out := buf.String()
	for what, needle := range map[string]string{
		"a fix":                         `"fixes"`,
		"an insertion":                  `"insertedContent"`,
		"non-ASCII text":                "日本語の本",
		"a file error":                  `"toolExecutionNotifications"`,
		"an escaped path":               "sub%20dir/%C3%9F%20list.md",
		"a warning":                     `"level": "warning"`,
		"an error":                      `"level": "error"`,
		"an unsafe fix":                 "--unsafe-fixes",
		"a cross-file duplicate result": `"ruleId": "duplicate-url"`,
	} {
		if !strings.Contains(out, needle) {
			t.Errorf("the SARIF has no %s (%s)", what, needle)
		}
	}
	var doc sarifDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	multiLine := false
	for _, r := range doc.Runs[0].Results {
		if reg := r.Locations[0].PhysicalLocation.Region; reg.EndLine > reg.StartLine {
			multiLine = true
		}
	}
	if !multiLine {
		t.Error("the SARIF has no result spanning lines")
	}

	sarif := filepath.Join(t.TempDir(), "listlint.sarif")
	if err := os.WriteFile(sarif, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, kind := range [][]string{nil, {"--rule-kind", "Gh"}} {
		for _, p := range multitoolProblems(t, tool, sarif, kind...) {
			t.Errorf("sarif-multitool validate %s: %s", strings.Join(kind, " "), p)
		}
	}
	if t.Failed() {
		t.Logf("SARIF:\n%s", out)
	}

	// The log is read right: a rule without descriptions breaks GitHub's rules.
	bad := filepath.Join(t.TempDir(), "bad.sarif")
	if err := os.WriteFile(bad, []byte(`{"$schema": "`+sarifSchema+`", "version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "r1"}]}}, "results": []}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := multitoolProblems(t, tool, bad, "--rule-kind", "Gh"); len(p) == 0 || !strings.Contains(strings.Join(p, "\n"), "GH2012") {
		t.Errorf("a rule without descriptions passed GitHub's rules: %q", p)
	}
}

// multitoolProblems runs "sarif-multitool validate" with its own SARIF log as output and
// returns its errors and warnings. The exit status says nothing about them (it is 0 with
// errors), so the log is read: a result without a level is a warning, SARIF's default.
func multitoolProblems(t *testing.T, tool, sarif string, args ...string) []string {
	t.Helper()
	logFile := filepath.Join(t.TempDir(), "validate.sarif-log")
	cmd := exec.Command(tool, append([]string{"validate", sarif, "--output", logFile, "--log", "ForceOverwrite"}, args...)...)
	// The .NET tool would otherwise try to write its first-run notes and telemetry files.
	cmd.Env = append(os.Environ(), "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_NOLOGO=1")
	console, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sarif-multitool: %v\n%s", err, console)
	}
	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatalf("sarif-multitool wrote no log: %v\n%s", err, console)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("cannot read the validation log (%v):\n%s", err, data)
	}
	var problems []string
	for _, inv := range log.Runs[0].Invocations {
		if !inv.ExecutionSuccessful {
			problems = append(problems, "validation did not run successfully")
		}
		for _, n := range inv.ToolExecutionNotifications {
			problems = append(problems, "tool notification: "+n.Message.Text)
		}
	}
	for _, r := range log.Runs[0].Results {
		level := r.Level
		if level == "" {
			level = "warning"
		}
		if level == "error" || level == "warning" {
			problems = append(problems, level+" "+r.RuleID+" "+r.Message.ID+" "+strings.Join(r.Message.Arguments, "; "))
		}
	}
	if len(problems) > 0 {
		t.Logf("sarif-multitool output:\n%s", console)
	}
	return problems
}
