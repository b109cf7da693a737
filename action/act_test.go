package action_test

// End to end with nektos/act: a sample list repository whose workflow uses
// listlint/listlint@v1 runs under act in host mode (no Docker), offline:
//
//	act pull_request -j lint -P ubuntu-latest=-self-hosted -e event.json --json \
//	  --action-offline-mode --action-cache-path CACHE --no-cache-server --remote-name github \
//	  --local-repository listlint/listlint@v1=COPY-OF-THIS-REPO \
//	  --local-repository actions/setup-go@v5=testdata/act/setup-go
//
// act copies the list repository as the workspace (its checkout step copies instead of
// cloning), runs the composite action from the copy of this repository, which builds
// listlint with the host's Go and module cache, and prints JSON log lines, including the
// workflow commands it parsed: the annotations, the step outputs and the job summary. The
// test asserts on those as exact sets.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/listlint/listlint/internal/tooltest"
)

// actSetup is what every act run shares: the program, a copy of the action, the
// setup-go stand-in and the environment.
type actSetup struct {
	act       string
	actionSrc string
	setupGo   string
	env       []string
}

func newActSetup(t *testing.T) *actSetup {
	t.Helper()
	act := tooltest.Require(t, "act", "go install github.com/nektos/act@v0.2.89")
	tooltest.Require(t, "git", "apt-get install git")
	tooltest.Require(t, "go", "https://go.dev/dl/")
	tmp := t.TempDir()
	s := &actSetup{act: act, actionSrc: filepath.Join(tmp, "listlint-action")}
	copyActionSource(t, repoRoot(t), s.actionSrc)
	var err error
	if s.setupGo, err = filepath.Abs(filepath.Join("testdata", "act", "setup-go")); err != nil {
		t.Fatal(err)
	}

	// A private HOME and caches: no ~/.actrc, nothing written to the user's act cache.
	// Go keeps the host's module and build caches (as their effective values, since the
	// go env file lives under the old HOME), so the action's build is fast and offline.
	home := filepath.Join(tmp, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		t.Fatal(err)
	}
	s.env = append(baseEnv(),
		"HOME="+home,
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"ACT_DISABLE_VERSION_CHECK=1", // no request for act's notices
	)
	s.env = append(s.env, goEnv(t)...)
	return s
}

// goEnv returns the host's effective Go settings as NAME=value pairs.
func goEnv(t *testing.T) []string {
	t.Helper()
	names := []string{"GOPATH", "GOMODCACHE", "GOCACHE", "GOFLAGS", "GOPROXY", "GONOPROXY",
		"GOPRIVATE", "GONOSUMDB", "GOSUMDB", "GOINSECURE", "GOTOOLCHAIN", "GOENV"}
	out, err := exec.Command("go", append([]string{"env", "-json"}, names...)...).Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	var vals map[string]string
	if err := json.Unmarshal(out, &vals); err != nil {
		t.Fatalf("go env -json: %v", err)
	}
	var env []string
	for _, n := range names {
		if vals[n] != "" {
			env = append(env, n+"="+vals[n])
		}
	}
	return env
}

// copyActionSource copies what building the action needs from the repository (tracked
// and new files, as git lists them, without tests and test data) into dst: the action as
// GitHub would download it at a ref, with the working tree's changes.
func copyActionSource(t *testing.T, root, dst string) {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	cmd.Env = baseEnv()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	n := 0
	for _, name := range strings.Split(string(out), "\x00") {
		if name == "" || strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "testdata/") ||
			strings.Contains(name, "/testdata/") || strings.HasPrefix(name, ".") {
			continue
		}
		src := filepath.Join(root, filepath.FromSlash(name))
		st, err := os.Lstat(src)
		if err != nil || !st.Mode().IsRegular() {
			continue // deleted in the working tree, or a link
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, st.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
		n++
	}
	for _, need := range []string{"action.yml", "action/run.sh", "action/build.sh", "go.mod", "cmd/listlint/main.go"} {
		if _, err := os.Stat(filepath.Join(dst, need)); err != nil {
			t.Fatalf("the copy of the action lacks %s (%d files copied)", need, n)
		}
	}
}

// actLine is one line of act --json output.
type actLine struct {
	Level      string            `json:"level"`
	Msg        string            `json:"msg"`
	RawOutput  bool              `json:"raw_output"`
	Command    string            `json:"command"`
	KVPairs    map[string]string `json:"kvPairs"`
	Arg        string            `json:"arg"`
	Name       string            `json:"name"`
	Content    string            `json:"content"`
	Step       string            `json:"step"`
	StepID     []string          `json:"stepID"`
	StepResult string            `json:"stepResult"`
	JobResult  string            `json:"jobResult"`
}

// actResult is what one act run showed.
type actResult struct {
	exit        int
	annotations []annotation
	outputs     map[string]string // the action's outputs, as the workflow's next step sees them
	outcome     string            // steps.listlint.outcome
	summary     string            // the job summary listlint wrote
	stepResults map[string]string // by step id path, such as "listlint/lint"
	jobResult   string
	log         string // the steps' output
}

// run runs act on the pull_request event in repo and parses its JSON log.
func (s *actSetup) run(t *testing.T, repo string, event map[string]any) *actResult {
	t.Helper()
	tmp := t.TempDir()
	eventFile := filepath.Join(tmp, "event.json")
	data, err := json.Marshal(event)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(eventFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"pull_request", "-j", "lint",
		"-P", "ubuntu-latest=-self-hosted",
		"-e", eventFile,
		"--json",
		"--action-offline-mode",
		"--action-cache-path", filepath.Join(tmp, "act-cache"),
		"--no-cache-server",
		"--remote-name", "github",
		"--local-repository", "listlint/listlint@v1=" + s.actionSrc,
		"--local-repository", "actions/setup-go@v5=" + s.setupGo,
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.act, args...)
	cmd.Dir = repo
	cmd.Env = s.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	res := &actResult{outputs: map[string]string{}, stepResults: map[string]string{}}
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("act: %v\n%s", err, stderr.String())
		}
		res.exit = ee.ExitCode()
	}
	t.Logf("act %s (%v, exit %d)", strings.Join(args, " "), time.Since(start).Round(time.Millisecond), res.exit)

	var log strings.Builder
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 4<<20)
	for sc.Scan() {
		var l actLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			continue // not a log line, such as a blank line before notices
		}
		step := strings.Join(l.StepID, "/")
		if l.RawOutput {
			log.WriteString(l.Msg)
		}
		if l.StepResult != "" {
			res.stepResults[step] = l.StepResult
		}
		if l.JobResult != "" {
			res.jobResult = l.JobResult
		}
		switch l.Command {
		case "error", "warning", "notice":
			a := annotation{Level: l.Command, Message: l.Arg, File: l.KVPairs["file"], Title: l.KVPairs["title"]}
			a.Line, _ = strconv.Atoi(l.KVPairs["line"])
			a.Col, _ = strconv.Atoi(l.KVPairs["col"])
			res.annotations = append(res.annotations, a)
		case "summary":
			// act repeats the composite step's summary for the action step itself.
			if step == "listlint/lint" {
				res.summary += l.Content
			}
		}
	}
	res.log = log.String()
	// The workflow's Outputs step prints toJSON(steps.listlint.outputs): the outputs as a
	// later step sees them.
	for _, line := range strings.Split(res.log, "\n") {
		if js, ok := strings.CutPrefix(line, "outputs="); ok {
			if err := json.Unmarshal([]byte(js), &res.outputs); err != nil {
				t.Errorf("outputs line %q: %v", line, err)
			}
		}
		if o, ok := strings.CutPrefix(line, "outcome="); ok {
			res.outcome = o
		}
	}
	t.Logf("steps' output:\n%s", res.log)
	if t.Failed() || res.jobResult == "" {
		t.Logf("act stderr:\n%s", stderr.String())
	}
	if res.jobResult == "" {
		t.Fatalf("act reported no job result; stdout:\n%s", stdout.String())
	}
	return res
}

const actRepoURL = "https://github.com/octo/awesome-test.git"

// actListRepo makes a list repository with the workflow of testdata/act/lint.yml and the
// base list, then commits the pull request's version of the list; it returns a shallow
// clone of the pull request's head and the pull_request event.
func actListRepo(t *testing.T, headList string) (string, map[string]any) {
	t.Helper()
	wf, err := os.ReadFile(filepath.Join("testdata", "act", "lint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	origin := newRepo(t, map[string]string{
		"README.md":                  listFile(t, "base.md"),
		".github/workflows/lint.yml": string(wf),
	})
	base := git(t, origin, "rev-parse", "HEAD")
	head := commitFiles(t, origin, "Add entries", map[string]string{"README.md": listFile(t, headList)})
	// act copies this folder as the workspace: a shallow clone, as actions/checkout makes
	// by default, so the action has to fetch the base commit from origin.
	repo := filepath.Join(t.TempDir(), "checkout")
	git(t, filepath.Dir(repo), "clone", "-q", "--depth=1", "file://"+origin, repo)
	// act names the repository (GITHUB_REPOSITORY, used in the summary's links) after the
	// URL of the remote that --remote-name names: a GitHub URL, beside origin.
	git(t, repo, "remote", "add", "github", actRepoURL)
	return repo, prEvent(base, head)
}

// checkActRun asserts on everything an act run shows, with the annotations and the
// outputs as exact sets. It reports through t, so that a recorder can show that an
// unexpected problem fails it.
func checkActRun(t errorReporter, res *actResult, fail bool, outputs map[string]string, wants ...want) {
	t.Helper()
	checkAnnotations(t, res.annotations, wants...)
	var got []string
	for k, v := range res.outputs {
		got = append(got, k+"="+v)
	}
	var exp []string
	for k, v := range outputs {
		exp = append(exp, k+"="+v)
	}
	slices.Sort(got)
	slices.Sort(exp)
	if !slices.Equal(got, exp) {
		t.Errorf("action outputs %v, want %v", got, exp)
	}
	outcome, exit, job := "success", 0, "success"
	if fail {
		outcome, exit, job = "failure", 1, "failure"
	}
	if res.exit != exit || res.jobResult != job || res.stepResults["listlint/lint"] != outcome || res.outcome != outcome {
		t.Errorf("act exit %d, job %s, lint step %s, steps.listlint.outcome %q; want %d, %s, %s, %s",
			res.exit, res.jobResult, res.stepResults["listlint/lint"], res.outcome, exit, job, outcome, outcome)
	}
	if !strings.Contains(res.log, "sarif written") {
		t.Errorf("no SARIF file in the workspace")
	}
	if !strings.Contains(res.log, "Fetching the base commit") {
		t.Errorf("the action did not fetch the base commit into the shallow clone")
	}
	if !strings.Contains(res.summary, "### listlint") {
		t.Errorf("no listlint job summary: %q", res.summary)
	}
	for _, w := range wants {
		place := fmt.Sprintf("%s:%d:%d", w.File, w.Line, w.Col)
		if !strings.Contains(res.summary, place) || !strings.Contains(res.summary, w.Rule) {
			t.Errorf("the job summary lacks %s %s:\n%s", place, w.Rule, res.summary)
		}
	}
}

// recorder collects what a check reports instead of failing the test.
type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestAct(t *testing.T) {
	if testing.Short() {
		t.Skip("act runs take seconds; skipped with -short")
	}
	s := newActSetup(t)

	// The pull request adds an entry with a problem: only it is reported, on its line; the
	// list's older problems are not. The step and the job fail.
	t.Run("pull request with a new problem", func(t *testing.T) {
		repo, event := actListRepo(t, "head.md")
		res := s.run(t, repo, event)
		checkActRun(t, res, true,
			map[string]string{"problems": "1", "errors": "1", "warnings": "0", "fixable": "1", "files": "1"},
			headError)
		// The summary links to the line at the pull request's head, read from the event.
		head := event["pull_request"].(map[string]any)["head"].(map[string]any)["sha"].(string)
		if !strings.Contains(res.summary, "https://github.com/octo/awesome-test/blob/"+head+"/README.md?plain=1#L10") {
			t.Errorf("the job summary does not link to README.md at the head %s:\n%s", head, res.summary)
		}
	})

	// The pull request adds a clean entry: nothing is reported and the job passes, although
	// the list has older problems.
	t.Run("clean pull request", func(t *testing.T) {
		repo, event := actListRepo(t, "head-clean.md")
		res := s.run(t, repo, event)
		checkActRun(t, res, false,
			map[string]string{"problems": "0", "errors": "0", "warnings": "0", "fixable": "0", "files": "0"})
	})

	// The assertions are exact: a pull request that adds a second problem, checked
	// against the first case's expectations, fails the check, naming the extra annotation.
	t.Run("unexpected problem fails the check", func(t *testing.T) {
		repo, event := actListRepo(t, "head-extra.md")
		res := s.run(t, repo, event)
		extra := want{"error", "README.md", 11, 84, "description-style", "end with a period"}
		// With the extra problem expected, the run passes the check...
		checkActRun(t, res, true,
			map[string]string{"problems": "2", "errors": "2", "warnings": "0", "fixable": "2", "files": "1"},
			headError, extra)
		// ...and with the first case's expectations it does not.
		var rec recorder
		checkActRun(&rec, res, true,
			map[string]string{"problems": "1", "errors": "1", "warnings": "0", "fixable": "1", "files": "1"},
			headError)
		joined := strings.Join(rec.errs, "\n")
		if !strings.Contains(joined, "unexpected annotation: error README.md:11:84 listlint (description-style)") {
			t.Errorf("the check did not report the unexpected annotation; it reported:\n%s", joined)
		}
		if !strings.Contains(joined, "action outputs") {
			t.Errorf("the check did not report the different outputs; it reported:\n%s", joined)
		}
	})
}
