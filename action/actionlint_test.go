package action_test

// actionlint checks workflows that use the action as "uses: ./", which makes it read
// action.yml: unknown inputs, missing required ones and unknown outputs are errors. The
// workflows are the examples in docs/github-action.md, the act test's workflow, and one
// that sets every input and reads every output.

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/listlint/listlint/internal/tooltest"
)

// actionlint runs actionlint on a repository holding action.yml and the workflows, with the
// action used as "./". It returns actionlint's output and whether it passed.
func actionlint(t *testing.T, workflows map[string]string) (string, bool) {
	t.Helper()
	bin := tooltest.Require(t, "actionlint", "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12")
	tooltest.Require(t, "git", "apt-get install git")
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	meta, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"action.yml": string(meta)}
	// "listlint/listlint@v0.1.0" becomes "./": the local action.
	ref := regexp.MustCompile(`listlint/listlint@\S+`)
	for name, wf := range workflows {
		files[".github/workflows/"+name] = ref.ReplaceAllString(wf, "./")
	}
	writeFiles(t, dir, files)
	// Shellcheck and pyflakes are off: whether they are installed must not change the result.
	cmd := exec.Command(bin, "-no-color", "-shellcheck=", "-pyflakes=")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && ee.ExitCode() == 1 {
			return string(out), false
		}
		t.Fatalf("actionlint: %v\n%s", err, out)
	}
	return string(out), true
}

// docWorkflows returns the YAML examples of docs/github-action.md that use the action, as
// workflows: whole workflows as they are, lists of steps inside a job.
func docWorkflows(t *testing.T) map[string]string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "github-action.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	wfs := map[string]string{}
	for i, b := range blocks {
		y := b[1]
		if !strings.Contains(y, "listlint/listlint@") {
			continue
		}
		if !strings.Contains(y, "\njobs:") {
			// Steps: put them in a job after a checkout.
			y = "on: push\njobs:\n  snippet:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" + reindent(y, "      ")
		}
		wfs["doc-example-"+string(rune('a'+i))+".yml"] = y
	}
	if len(wfs) < 4 {
		t.Fatalf("found %d examples using the action in docs/github-action.md, want at least 4", len(wfs))
	}
	return wfs
}

// reindent moves a block of lines to the given indentation, keeping their relative indents.
func reindent(s, indent string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	least := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " "))
		if least < 0 || n < least {
			least = n
		}
	}
	var b strings.Builder
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			b.WriteString(indent + l[least:])
		}
		b.WriteString("\n")
	}
	return b.String()
}

const everyInputWorkflow = `name: every input
on: [push, pull_request]
jobs:
  lint:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: ./
        id: listlint
        with:
          paths: |
            README.md
            docs
          config: .listlint.yml
          args: --disable sort-order
          only-changed: auto
          fail-on: warning
          fix: false
          sarif-file: listlint.sarif
          version: ""
      - if: always()
        env:
          PROBLEMS: ${{ steps.listlint.outputs.problems }}
          ERRORS: ${{ steps.listlint.outputs.errors }}
          WARNINGS: ${{ steps.listlint.outputs.warnings }}
          FIXABLE: ${{ steps.listlint.outputs.fixable }}
          FILES: ${{ steps.listlint.outputs.files }}
        run: echo "$PROBLEMS $ERRORS $WARNINGS $FIXABLE $FILES"
`

func TestActionlint(t *testing.T) {
	wfs := docWorkflows(t)
	wfs["every-input.yml"] = everyInputWorkflow
	act, err := os.ReadFile(filepath.Join("testdata", "act", "lint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	wfs["act.yml"] = string(act)
	out, ok := actionlint(t, wfs)
	if !ok {
		t.Fatalf("actionlint found problems:\n%s", out)
	}
}

// The check is real: actionlint reads action.yml and refuses an input or an output that
// it does not declare.
func TestActionlintReadsActionMetadata(t *testing.T) {
	wf := strings.Replace(everyInputWorkflow, "          fail-on: warning\n", "          fail-on: warning\n          fail-on-warnings: true\n", 1)
	wf = strings.Replace(wf, "steps.listlint.outputs.files", "steps.listlint.outputs.fixed", 1)
	out, ok := actionlint(t, map[string]string{"bad.yml": wf})
	if ok {
		t.Fatalf("actionlint passed a workflow with an unknown input and output:\n%s", out)
	}
	for _, s := range []string{`input "fail-on-warnings" is not defined`, `property "fixed" is not defined`} {
		if !strings.Contains(out, s) {
			t.Errorf("actionlint output lacks %q:\n%s", s, out)
		}
	}
}
