// Package action_test tests the GitHub Action (action.yml and its scripts in this folder):
// through a harness that runs action.yml's steps as the runner does (harness_test.go), with
// actionlint, and end to end with nektos/act (act_test.go).
package action_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedTemp != "" {
		os.RemoveAll(sharedTemp)
	}
	os.Exit(code)
}

// The problems of testdata/lists/base.md (as README.md).
var (
	baseError = want{"error", "README.md", 8, 41, "description-style", `capital letter: "simple"`}
	baseWarn  = want{"warning", "README.md", 9, 40, "no-title-repeat", `title "jq"`}
	// head.md adds this one on line 10.
	headError = want{"error", "README.md", 10, 54, "description-style", `capital letter: "the"`}
	// other.md, as docs/other.md.
	otherError = want{"error", "docs/other.md", 7, 76, "description-style", "end with a period"}
)

// The action.yml contract: documented inputs with defaults, outputs taken from the lint
// step, run steps that call the scripts with bash and get every input through env:.
func TestActionMetadata(t *testing.T) {
	meta := loadAction(t)
	if meta.Name == "" || meta.Description == "" {
		t.Error("action.yml needs a name and a description")
	}
	wantInputs := map[string]string{
		"paths": ".", "config": "", "args": "", "only-changed": "auto",
		"fail-on": "error", "fix": "false", "sarif-file": "", "version": "",
	}
	for name, def := range wantInputs {
		in, ok := meta.Inputs[name]
		if !ok {
			t.Errorf("input %q is missing", name)
			continue
		}
		if in.Default != def {
			t.Errorf("input %q: default %q, want %q", name, in.Default, def)
		}
		if strings.TrimSpace(in.Description) == "" {
			t.Errorf("input %q has no description", name)
		}
		if in.Required {
			t.Errorf("input %q is required; every input has a default", name)
		}
	}
	for name := range meta.Inputs {
		if _, ok := wantInputs[name]; !ok {
			t.Errorf("input %q is not covered by this test", name)
		}
	}
	for _, name := range []string{"problems", "errors", "warnings", "fixable"} {
		out, ok := meta.Outputs[name]
		if !ok {
			t.Errorf("output %q is missing", name)
			continue
		}
		if out.Value != "${{ steps.lint.outputs."+name+" }}" {
			t.Errorf("output %q: value %q, want the lint step's output", name, out.Value)
		}
		if out.Description == "" {
			t.Errorf("output %q has no description", name)
		}
	}

	used := map[string]bool{}
	inputRE := regexp.MustCompile(`\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}`)
	var sawSetupGo bool
	for _, st := range meta.Runs.Steps {
		for _, v := range st.With {
			for _, m := range inputRE.FindAllStringSubmatch(v, -1) {
				used[m[1]] = true
			}
		}
		if st.Uses != "" {
			if strings.HasPrefix(st.Uses, "actions/setup-go@") {
				sawSetupGo = true
				if st.With["cache"] != "false" {
					t.Errorf("setup-go: cache %q; a list repository has no go.sum to key a cache on, want false", st.With["cache"])
				}
				if st.With["go-version-file"] != "${{ github.action_path }}/go.mod" {
					t.Errorf("setup-go: go-version-file %q, want the action's go.mod", st.With["go-version-file"])
				}
			}
			continue
		}
		if st.Shell != "bash" {
			t.Errorf("step %q: shell %q, want bash", st.Name, st.Shell)
		}
		// The script is a fixed command: all variable data comes through env:.
		if !regexp.MustCompile(`^bash "\$GITHUB_ACTION_PATH/action/[a-z]+\.sh"\n?$`).MatchString(st.Run) {
			t.Errorf("step %q: run %q, want only bash \"$GITHUB_ACTION_PATH/action/NAME.sh\"", st.Name, st.Run)
		}
		for k, v := range st.Env {
			if !strings.HasPrefix(k, "LISTLINT_") {
				t.Errorf("step %q: env %s does not start with LISTLINT_", st.Name, k)
			}
			for _, m := range inputRE.FindAllStringSubmatch(v, -1) {
				used[m[1]] = true
			}
		}
	}
	if !sawSetupGo {
		t.Error("no actions/setup-go step")
	}
	for name := range meta.Inputs {
		if !used[name] {
			t.Errorf("input %q is declared but no step uses it", name)
		}
	}
	root := repoRoot(t)
	for _, f := range []string{"action/build.sh", "action/run.sh"} {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Error(err)
		}
	}
}

// A push with problems: annotations for errors and warnings, the step fails, the outputs
// and the summary count them. Paths on several lines are all linted.
func TestPushWithErrors(t *testing.T) {
	ws := newRepo(t, map[string]string{
		"README.md":     listFile(t, "base.md"),
		"docs/other.md": listFile(t, "other.md"),
		"notes.md":      listFile(t, "other.md"), // not among the paths
	})
	res := runAction(t, run{
		workspace: ws, eventName: "push",
		event:  map[string]any{"before": "0000000000000000000000000000000000000000"},
		inputs: map[string]string{"paths": "README.md\n  docs/other.md\n"},
	})
	if res.exit != 1 || res.failedStep != "Run listlint" {
		t.Errorf("exit %d in step %q, want 1 in Run listlint", res.exit, res.failedStep)
	}
	checkAnnotations(t, res.annotations, baseError, baseWarn, otherError)
	checkOutputs(t, res.outputs, map[string]string{"problems": "3", "errors": "2", "warnings": "1", "fixable": "2", "files": "2"})
	// The plain line per problem, for the log.
	for _, line := range []string{"README.md:8:41:", "README.md:9:40:", "docs/other.md:7:76:"} {
		if !strings.Contains(res.stdout, line) {
			t.Errorf("the log lacks the plain line %q", line)
		}
	}
	for _, s := range []string{"listlint", "description-style", "no-title-repeat"} {
		if !strings.Contains(res.summary, s) {
			t.Errorf("the job summary lacks %q:\n%s", s, res.summary)
		}
	}
	if len(res.path) != 1 || filepath.Base(res.path[0]) != "listlint" {
		t.Fatalf("GITHUB_PATH got %q, want the listlint folder", res.path)
	}
	if _, err := os.Stat(filepath.Join(res.path[0], "listlint")); err != nil {
		t.Errorf("no listlint binary on the added PATH folder: %v", err)
	}
}

// A clean list passes with zero counts and no annotations.
func TestCleanList(t *testing.T) {
	ws := newRepo(t, map[string]string{"README.md": listFile(t, "clean.md")})
	res := runAction(t, run{workspace: ws, eventName: "push"})
	if res.exit != 0 {
		t.Errorf("exit %d in step %q, want 0", res.exit, res.failedStep)
	}
	checkAnnotations(t, res.annotations)
	checkOutputs(t, res.outputs, map[string]string{"problems": "0", "errors": "0", "warnings": "0", "fixable": "0"})
	if !strings.Contains(res.summary, "listlint") {
		t.Errorf("no job summary: %q", res.summary)
	}
}

// fail-on decides the exit status; a warning alone fails only with fail-on: warning.
func TestFailOn(t *testing.T) {
	warnOnly := want{"warning", "README.md", 8, 40, "no-title-repeat", `title "jq"`}
	cases := []struct {
		list, failOn string
		exit         int
		wants        []want
	}{
		{"warning.md", "error", 0, []want{warnOnly}},
		{"warning.md", "warning", 1, []want{warnOnly}},
		{"warning.md", "WARNING", 1, []want{warnOnly}},
		{"warning.md", "never", 0, []want{warnOnly}},
		{"clean.md", "warning", 0, nil},
		{"base.md", "never", 0, []want{baseError, baseWarn}},
		{"base.md", "warning", 1, []want{baseError, baseWarn}},
	}
	for _, c := range cases {
		t.Run(c.list+"/"+c.failOn, func(t *testing.T) {
			ws := newRepo(t, map[string]string{"README.md": listFile(t, c.list)})
			res := runAction(t, run{workspace: ws, eventName: "push", inputs: map[string]string{"fail-on": c.failOn}})
			if res.exit != c.exit {
				t.Errorf("exit %d, want %d", res.exit, c.exit)
			}
			checkAnnotations(t, res.annotations, c.wants...)
		})
	}
}

// prRepo makes an origin with the base list and a pull request commit adding an entry
// with a problem, and a shallow clone of the head as the workspace (as actions/checkout
// makes by default), which lacks the base commit.
func prRepo(t *testing.T) (ws, base, head string) {
	origin := newRepo(t, map[string]string{"README.md": listFile(t, "base.md")})
	base = git(t, origin, "rev-parse", "HEAD")
	head = commitFiles(t, origin, "Add ripgrep", map[string]string{"README.md": listFile(t, "head.md")})
	ws = filepath.Join(t.TempDir(), "workspace")
	git(t, filepath.Dir(ws), "clone", "-q", "--depth=1", "file://"+origin, ws)
	return ws, base, head
}

func prEvent(base, head string) map[string]any {
	return map[string]any{
		"number": 7,
		"pull_request": map[string]any{
			"number": 7,
			"base":   map[string]any{"sha": base, "ref": "main"},
			"head":   map[string]any{"sha": head, "ref": "add-ripgrep"},
		},
	}
}

// On a pull request only the lines it changes are reported: the old problems are not,
// the new one is. The base commit is fetched into the shallow clone. The SARIF file holds
// every problem.
func TestPullRequestOnlyChanged(t *testing.T) {
	ws, base, head := prRepo(t)
	res := runAction(t, run{
		workspace: ws, eventName: "pull_request", event: prEvent(base, head),
		inputs: map[string]string{"sarif-file": "results/listlint.sarif"},
	})
	if res.exit != 1 {
		t.Errorf("exit %d, want 1", res.exit)
	}
	checkAnnotations(t, res.annotations, headError)
	checkOutputs(t, res.outputs, map[string]string{"problems": "1", "errors": "1", "warnings": "0"})
	if !strings.Contains(res.stdout, "Fetching the base commit "+base) {
		t.Error("the base commit was not fetched")
	}
	if got := git(t, ws, "cat-file", "-t", base); got != "commit" {
		t.Errorf("base commit in the workspace: %q", got)
	}
	checkSARIF(t, filepath.Join(ws, "results", "listlint.sarif"), 3)
	// The summary links to the line at the pull request's head (not GITHUB_SHA, the merge).
	if !strings.Contains(res.summary, "https://github.com/octo/awesome-test/blob/"+head+"/README.md?plain=1#L10") {
		t.Errorf("the job summary does not link to README.md at the head %s:\n%s", head, res.summary)
	}
}

// only-changed: false reports everything on a pull request too; on a push, true compares
// with the commit before the push.
func TestOnlyChangedInputs(t *testing.T) {
	t.Run("false", func(t *testing.T) {
		ws, base, head := prRepo(t)
		res := runAction(t, run{
			workspace: ws, eventName: "pull_request", event: prEvent(base, head),
			inputs: map[string]string{"only-changed": "false"},
		})
		if res.exit != 1 {
			t.Errorf("exit %d, want 1", res.exit)
		}
		checkAnnotations(t, res.annotations, baseError, baseWarn, headError)
	})
	t.Run("true on push", func(t *testing.T) {
		ws := newRepo(t, map[string]string{"README.md": listFile(t, "base.md")})
		before := git(t, ws, "rev-parse", "HEAD")
		commitFiles(t, ws, "Add ripgrep", map[string]string{"README.md": listFile(t, "head.md")})
		res := runAction(t, run{
			workspace: ws, eventName: "push", event: map[string]any{"before": before},
			inputs: map[string]string{"only-changed": "true"},
		})
		if res.exit != 1 {
			t.Errorf("exit %d, want 1", res.exit)
		}
		checkAnnotations(t, res.annotations, headError)
	})
	t.Run("true on a new branch", func(t *testing.T) {
		ws := newRepo(t, map[string]string{"README.md": listFile(t, "base.md")})
		res := runAction(t, run{
			workspace: ws, eventName: "push", event: map[string]any{"before": "0000000000000000000000000000000000000000"},
			inputs: map[string]string{"only-changed": "true"},
		})
		if res.exit != 2 || !strings.Contains(res.stdout, "::error title=listlint action::only-changed") {
			t.Errorf("exit %d, want 2 with an error about only-changed", res.exit)
		}
	})
	t.Run("auto on a pull request without a git checkout", func(t *testing.T) {
		ws := t.TempDir()
		writeFiles(t, ws, map[string]string{"README.md": listFile(t, "head.md")})
		res := runAction(t, run{workspace: ws, eventName: "pull_request", event: prEvent("0123abc", "4567def")})
		if res.exit != 2 || len(res.annotations) != 1 || !strings.Contains(res.annotations[0].Message, "needs a git checkout") {
			t.Errorf("exit %d, annotations %+v; want 2 and one saying only-changed needs a git checkout", res.exit, res.annotations)
		}
	})
	t.Run("auto on push", func(t *testing.T) {
		ws := newRepo(t, map[string]string{"README.md": listFile(t, "base.md")})
		res := runAction(t, run{workspace: ws, eventName: "push", event: map[string]any{"before": git(t, ws, "rev-parse", "HEAD")}})
		checkAnnotations(t, res.annotations, baseError, baseWarn)
	})
}

// fix: true repairs the files in the workspace and reports what is left.
func TestFix(t *testing.T) {
	ws := newRepo(t, map[string]string{"README.md": listFile(t, "base.md")})
	res := runAction(t, run{workspace: ws, eventName: "push", inputs: map[string]string{"fix": "true"}})
	if res.exit != 0 {
		t.Errorf("exit %d, want 0: only a warning is left", res.exit)
	}
	checkAnnotations(t, res.annotations, baseWarn)
	checkOutputs(t, res.outputs, map[string]string{"problems": "1", "errors": "0", "warnings": "1", "fixable": "0"})
	b, err := os.ReadFile(filepath.Join(ws, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(listFile(t, "base.md"), "- simple, fast", "- Simple, fast", 1)
	if string(b) != fixed {
		t.Errorf("README.md after fix:\n%s\nwant:\n%s", b, fixed)
	}
	if st := git(t, ws, "status", "--porcelain"); st != "M README.md" {
		t.Errorf("git status after fix: %q, want README.md modified", st)
	}
}

// sarif-file writes a SARIF report beside the annotations.
func TestSARIFFile(t *testing.T) {
	ws := newRepo(t, map[string]string{"README.md": listFile(t, "base.md")})
	res := runAction(t, run{workspace: ws, eventName: "push", inputs: map[string]string{"sarif-file": "listlint.sarif", "fail-on": "never"}})
	if res.exit != 0 {
		t.Errorf("exit %d, want 0", res.exit)
	}
	checkAnnotations(t, res.annotations, baseError, baseWarn)
	checkSARIF(t, filepath.Join(ws, "listlint.sarif"), 2)
}

// checkSARIF checks a SARIF file's shape and its number of results, with file URIs
// relative to the repository root.
func checkSARIF(t *testing.T, path string, results int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no SARIF file: %v", err)
	}
	var s struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name string `json:"name"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("SARIF file: %v", err)
	}
	if s.Version != "2.1.0" || len(s.Runs) != 1 || s.Runs[0].Tool.Driver.Name != "listlint" {
		t.Fatalf("SARIF: version %q, %d runs; want 2.1.0 with one listlint run", s.Version, len(s.Runs))
	}
	if n := len(s.Runs[0].Results); n != results {
		t.Errorf("SARIF has %d results, want %d", n, results)
	}
	for _, r := range s.Runs[0].Results {
		if len(r.Locations) == 0 || r.Locations[0].PhysicalLocation.ArtifactLocation.URI != "README.md" {
			t.Errorf("SARIF result %s: locations %+v, want README.md", r.RuleID, r.Locations)
		}
	}
}

// Inputs are data, never shell: command substitutions, quotes and globs in paths and args
// reach listlint as they are (and listlint refuses them), and nothing runs.
func TestInputsAreNotShell(t *testing.T) {
	ws := newRepo(t, map[string]string{"README.md": listFile(t, "clean.md")})
	evil := map[string]string{
		"paths":  "README.md $(touch pwned1) `touch pwned2` ;touch${IFS}pwned3 *",
		"config": "x.yml\"; touch pwned4; \"",
		"args":   "--quiet $(touch pwned5)",
	}
	for name, v := range evil {
		t.Run(name, func(t *testing.T) {
			res := runAction(t, run{workspace: ws, eventName: "push", inputs: map[string]string{name: v}})
			if res.exit != 2 {
				t.Errorf("exit %d, want 2 (listlint refuses the odd path, config or flag)", res.exit)
			}
			matches, _ := filepath.Glob(filepath.Join(ws, "pwned*"))
			if len(matches) > 0 {
				t.Fatalf("an input ran as shell: %v", matches)
			}
		})
	}
	// A bad enum value is refused with an annotation, its newlines escaped so that it
	// cannot start a workflow command of its own.
	res := runAction(t, run{workspace: ws, eventName: "push", inputs: map[string]string{"fail-on": "sometimes\n::error::injected"}})
	if res.exit != 2 {
		t.Errorf("fail-on sometimes: exit %d, want 2", res.exit)
	}
	if strings.Contains(res.stdout, "\n::error::injected") {
		t.Error("an input started a workflow command")
	}
	if len(res.annotations) != 1 || !strings.Contains(res.annotations[0].Message, "fail-on must be") {
		t.Errorf("annotations %+v, want one about fail-on", res.annotations)
	}
}

// A config input is passed with --config.
func TestConfigInput(t *testing.T) {
	ws := newRepo(t, map[string]string{
		"README.md":       listFile(t, "base.md"),
		"ci/listlint.yml": "rules:\n  no-title-repeat: off\n",
	})
	res := runAction(t, run{workspace: ws, eventName: "push", inputs: map[string]string{"config": "ci/listlint.yml", "paths": "README.md"}})
	if res.exit != 1 {
		t.Errorf("exit %d, want 1", res.exit)
	}
	checkAnnotations(t, res.annotations, baseError)
}

// version: the build step installs that module version with go install instead of building
// the checkout. A stand-in go records what it is asked.
func TestVersionInput(t *testing.T) {
	bin := t.TempDir()
	logFile := filepath.Join(bin, "go.log")
	fakeGo := `#!/bin/sh
echo "$PWD|GOBIN=$GOBIN|$*" >>"` + logFile + `"
case "$1" in
env) echo "" ;;
install) printf '#!/bin/sh\necho "listlint v1.2.3"\n' >"$GOBIN/listlint"; chmod +x "$GOBIN/listlint" ;;
*) exit 3 ;;
esac
`
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(fakeGo), 0o755); err != nil {
		t.Fatal(err)
	}
	ws := newRepo(t, map[string]string{"README.md": listFile(t, "clean.md")})
	res := runAction(t, run{
		workspace: ws, eventName: "push", noReuse: true,
		inputs: map[string]string{"version": "v1.2.3"},
		env:    []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")},
	})
	log, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "install github.com/listlint/listlint/cmd/listlint@v1.2.3") {
		t.Errorf("go was asked:\n%s", log)
	}
	if strings.Contains(string(log), "build") {
		t.Errorf("go build ran as well:\n%s", log)
	}
	if !strings.Contains(res.stdout, "listlint v1.2.3") {
		t.Error("the installed binary's version is not in the log")
	}

	// A version that is not one is refused before go runs.
	res = runAction(t, run{
		workspace: ws, eventName: "push", noReuse: true,
		inputs: map[string]string{"version": "--help"},
		env:    []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")},
	})
	if res.exit != 2 || res.failedStep != "Build listlint" {
		t.Errorf("version --help: exit %d in %q, want 2 in Build listlint", res.exit, res.failedStep)
	}
}

// args reach listlint as flags, split at blanks; the action's own flags win, so that
// "--format text" in args does not take the annotations away.
func TestArgsInput(t *testing.T) {
	ws := newRepo(t, map[string]string{"README.md": listFile(t, "base.md")})
	res := runAction(t, run{workspace: ws, eventName: "push", inputs: map[string]string{"args": "--disable no-title-repeat\n--format text"}})
	if res.exit != 1 {
		t.Errorf("exit %d, want 1", res.exit)
	}
	checkAnnotations(t, res.annotations, baseError)
	checkOutputs(t, res.outputs, map[string]string{"problems": "1", "errors": "1", "warnings": "0"})

	// Flags that would send the annotations elsewhere, or end the flags, are refused.
	for _, args := range []string{"--output x.txt", "--output=x.txt", "--", "--summary s.md", "--new-from-rev HEAD", "--fix", "--diff"} {
		res := runAction(t, run{workspace: ws, eventName: "push", inputs: map[string]string{"args": args}})
		if res.exit != 2 || len(res.annotations) != 1 || !strings.Contains(res.annotations[0].Message, "is not allowed here") {
			t.Errorf("args %q: exit %d, annotations %v; want exit 2 and one error saying it is not allowed", args, res.exit, res.annotations)
		}
	}
}

// More problems than GitHub shows as annotations: every one is still printed (the runner
// drops the rest), a notice and the job summary say so.
func TestMoreProblemsThanAnnotations(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Awesome Test\n\nA test list for the listlint action.\n\n## Tools\n\n")
	var wants []want
	for i := 1; i <= 12; i++ {
		name := fmt.Sprintf("tool%02d", i)
		entry := fmt.Sprintf("- [%s](https://example.org/%s) - ", name, name)
		b.WriteString(entry + "the tool number " + name[4:] + ".\n")
		wants = append(wants, want{"error", "README.md", 6 + i, len(entry) + 1, "description-style", `capital letter: "the"`})
	}
	// listlint's own note, not tied to a line.
	wants = append(wants, want{"notice", "", 0, 0, "", "first 10 of the 12 errors"})
	ws := newRepo(t, map[string]string{"README.md": b.String()})
	res := runAction(t, run{workspace: ws, eventName: "push"})
	if res.exit != 1 {
		t.Errorf("exit %d, want 1", res.exit)
	}
	checkAnnotations(t, res.annotations, wants...)
	checkOutputs(t, res.outputs, map[string]string{"problems": "12", "errors": "12"})
	if !strings.Contains(res.summary, "at most 10") {
		t.Errorf("the job summary does not say that annotations are dropped:\n%s", res.summary)
	}
}

// The action is downloaded without .git, so the build stamps the action's ref as the
// version; a ref that does not look like one is left out of the command line.
func TestBuildStampsActionRef(t *testing.T) {
	ws := newRepo(t, map[string]string{"README.md": listFile(t, "clean.md")})
	res := runAction(t, run{workspace: ws, eventName: "push", noReuse: true,
		env: []string{"GITHUB_ACTION_REF=v9.8.7"}})
	if res.exit != 0 || !strings.Contains(res.stdout, "listlint v9.8.7\n") {
		t.Errorf("ref v9.8.7: exit %d, want 0 and \"listlint v9.8.7\" in the log", res.exit)
	}
	res = runAction(t, run{workspace: ws, eventName: "push", noReuse: true,
		env: []string{"GITHUB_ACTION_REF=v1 -X main.x=1"}})
	// Unstamped, the version is the build's own: "dev", or a pseudo-version in a git clone.
	if res.exit != 0 || strings.Contains(res.stdout, "listlint v1 ") || strings.Contains(res.stdout, "listlint v1\n") ||
		!regexp.MustCompile(`(?m)^listlint (dev|v0\.0\.0-)`).MatchString(res.stdout) {
		t.Errorf("odd ref: exit %d, want 0 and an unstamped version in the log", res.exit)
	}
}
