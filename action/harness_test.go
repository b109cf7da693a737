package action_test

// A small stand-in for the GitHub Actions runner: it reads action.yml, evaluates each step's
// env: from the action's inputs and a github context made from an event payload, and runs
// the steps' run: scripts with bash as the runner does ("bash --noprofile --norc -eo pipefail
// FILE"), with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH, GITHUB_EVENT_PATH, RUNNER_TEMP
// and the rest pointed at temporary files. Step outputs feed later steps and the action's
// outputs, as on GitHub. The uses: step (actions/setup-go) is skipped: Go is already here.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/internal/tooltest"
)

// actionMeta is the part of action.yml the harness and the checks read.
type actionMeta struct {
	Name        string                 `yaml:"name"`
	Description string                 `yaml:"description"`
	Inputs      map[string]actionInput `yaml:"inputs"`
	Outputs     map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionInput struct {
	Description string `yaml:"description"`
	Required    bool   `yaml:"required"`
	Default     string `yaml:"default"`
}

type actionStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Shell            string            `yaml:"shell"`
	Env              map[string]string `yaml:"env"`
	Run              string            `yaml:"run"`
	WorkingDirectory string            `yaml:"working-directory"`
}

// repoRoot is the action's own checkout: the repository root, one up from this package.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// loadAction parses action.yml at the repository root.
func loadAction(t testing.TB) *actionMeta {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var m actionMeta
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &m
}

var exprRE = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// evalContext holds what ${{ }} expressions in action.yml may name.
type evalContext struct {
	inputs     map[string]string
	github     map[string]any // github context: event, event_name, action_path, …
	steps      map[string]map[string]string
	knownInput map[string]bool
}

// eval replaces every ${{ expr }} in s. Only plain property paths are supported; anything
// else fails the test, so action.yml cannot grow expressions this harness ignores.
func (c *evalContext) eval(t testing.TB, s string) string {
	t.Helper()
	return exprRE.ReplaceAllStringFunc(s, func(m string) string {
		expr := exprRE.FindStringSubmatch(m)[1]
		parts := strings.Split(expr, ".")
		switch {
		case len(parts) == 2 && parts[0] == "inputs":
			if !c.knownInput[parts[1]] {
				t.Fatalf("action.yml uses ${{ %s }}, but declares no input %q", expr, parts[1])
			}
			return c.inputs[parts[1]]
		case len(parts) >= 2 && parts[0] == "github":
			var v any = c.github
			for _, p := range parts[1:] {
				obj, ok := v.(map[string]any)
				if !ok {
					return ""
				}
				v = obj[p]
			}
			return jsonScalar(v)
		case len(parts) == 4 && parts[0] == "steps" && parts[2] == "outputs":
			return c.steps[parts[1]][parts[3]]
		}
		t.Fatalf("the harness cannot evaluate ${{ %s }}", expr)
		return ""
	})
}

// jsonScalar formats a JSON value as an expression result in a string: null is empty.
func jsonScalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		b, _ := json.Marshal(v)
		return string(b)
	}
}

// run describes one run of the action.
type run struct {
	workspace string            // GITHUB_WORKSPACE and the working folder
	eventName string            // GITHUB_EVENT_NAME
	event     map[string]any    // the payload written to GITHUB_EVENT_PATH
	inputs    map[string]string // with: of the calling workflow
	env       []string          // more environment (such as PATH for a stand-in go)
	noReuse   bool              // run the build step even if an earlier run built listlint
}

// result is what a run of the action left.
type result struct {
	exit        int    // exit status of the step that failed, or 0
	failedStep  string // its name
	stdout      string // all steps' standard output
	stderr      string
	outputs     map[string]string // the action's outputs
	summary     string            // the job summary
	path        []string          // folders added to GITHUB_PATH
	annotations []annotation
}

// The build step runs once per test binary and is then reused, like a cached build.
var (
	buildOnce    sync.Once
	buildOutputs map[string]string
	buildEnv     map[string]string
	buildLog     string
	buildPath    []byte // what the build step appended to GITHUB_PATH
	buildErr     error
	sharedTemp   string // RUNNER_TEMP of the shared build
)

// runAction runs action.yml's steps the way the runner does for a composite action.
func runAction(t *testing.T, r run) *result {
	t.Helper()
	tooltest.Require(t, "git", "apt-get install git")
	tooltest.Require(t, "go", "https://go.dev/dl/")
	meta := loadAction(t)
	if meta.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", meta.Runs.Using)
	}
	ctx := &evalContext{inputs: map[string]string{}, steps: map[string]map[string]string{}, knownInput: map[string]bool{}}
	for name, in := range meta.Inputs {
		ctx.knownInput[name] = true
		ctx.inputs[name] = in.Default
	}
	for name, v := range r.inputs {
		if !ctx.knownInput[name] {
			t.Fatalf("the test passes input %q, which action.yml does not declare", name)
		}
		ctx.inputs[name] = v
	}
	tmp := t.TempDir()
	eventPath := filepath.Join(tmp, "event.json")
	event := r.event
	if event == nil {
		event = map[string]any{}
	}
	data, err := json.Marshal(event)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(eventPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	root := repoRoot(t)
	ctx.github = map[string]any{
		"event":       event,
		"event_name":  r.eventName,
		"event_path":  eventPath,
		"action_path": root,
		"workspace":   r.workspace,
	}
	runnerTemp := filepath.Join(tmp, "runner-temp")
	summary := filepath.Join(tmp, "step-summary.md")
	pathFile := filepath.Join(tmp, "path.txt")
	for _, f := range []string{summary, pathFile} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(runnerTemp, 0o755); err != nil {
		t.Fatal(err)
	}

	res := &result{outputs: map[string]string{}}
	var stdout, stderr strings.Builder
	for i, st := range meta.Runs.Steps {
		name := st.Name
		if name == "" {
			name = fmt.Sprintf("step %d", i+1)
		}
		if st.If != "" {
			t.Fatalf("step %q has if: %q, which the harness does not evaluate", name, st.If)
		}
		if st.Uses != "" {
			if !strings.HasPrefix(st.Uses, "actions/setup-go@") {
				t.Fatalf("step %q uses %s; the harness only knows to skip actions/setup-go", name, st.Uses)
			}
			continue
		}
		env := map[string]string{}
		for k, v := range st.Env {
			env[k] = ctx.eval(t, v)
		}
		if st.ID == "build" && !r.noReuse && len(r.env) == 0 {
			outs, log := sharedBuild(t, st, env)
			stdout.WriteString(log)
			if err := os.WriteFile(pathFile, buildPath, 0o644); err != nil {
				t.Fatal(err)
			}
			ctx.steps[st.ID] = outs
			continue
		}
		temp := runnerTemp
		outs, exit, so, se := runStep(t, st, env, stepEnv{
			workspace: r.workspace, actionPath: root, eventName: r.eventName, eventPath: eventPath,
			runnerTemp: temp, summary: summary, pathFile: pathFile, extra: r.env,
		})
		stdout.WriteString(so)
		stderr.WriteString(se)
		if st.ID != "" {
			ctx.steps[st.ID] = outs
		}
		if exit != 0 {
			res.exit, res.failedStep = exit, name
			break
		}
	}
	for name, out := range meta.Outputs {
		res.outputs[name] = ctx.eval(t, out.Value)
	}
	res.stdout, res.stderr = stdout.String(), stderr.String()
	b, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	res.summary = string(b)
	if b, err := os.ReadFile(pathFile); err == nil {
		res.path = strings.Fields(string(b))
	}
	res.annotations = parseAnnotations(t, res.stdout)
	t.Logf("action log (exit %d):\n%s%s", res.exit, res.stdout, res.stderr)
	return res
}

// sharedBuild runs the build step once for all tests, in a RUNNER_TEMP that TestMain removes.
func sharedBuild(t *testing.T, st actionStep, env map[string]string) (map[string]string, string) {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "listlint-action-build-")
		if err != nil {
			buildErr = err
			return
		}
		sharedTemp = dir
		buildEnv = env
		summary := filepath.Join(dir, "summary.md")
		pathFile := filepath.Join(dir, "path.txt")
		outs, exit, so, se := runStep(t, st, env, stepEnv{
			workspace: dir, actionPath: repoRoot(t), eventName: "push", eventPath: "",
			runnerTemp: dir, summary: summary, pathFile: pathFile,
		})
		buildOutputs, buildLog = outs, so+se
		buildPath, _ = os.ReadFile(pathFile)
		if exit != 0 {
			buildErr = fmt.Errorf("the build step exited with %d:\n%s%s", exit, so, se)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	if fmt.Sprint(env) != fmt.Sprint(buildEnv) {
		t.Fatalf("the build step's env %v differs from the shared build's %v; set noReuse", env, buildEnv)
	}
	return buildOutputs, buildLog
}

// stepEnv is the runner's environment for one step.
type stepEnv struct {
	workspace, actionPath, eventName, eventPath string
	runnerTemp, summary, pathFile               string
	extra                                       []string
}

// runStep runs one run: step and returns its outputs, exit status, stdout and stderr.
func runStep(t *testing.T, st actionStep, env map[string]string, se stepEnv) (map[string]string, int, string, string) {
	t.Helper()
	if st.Shell != "bash" {
		t.Fatalf("step %q: shell %q, want bash (composite run steps need a shell)", st.Name, st.Shell)
	}
	if strings.Contains(st.Run, "${{") {
		t.Fatalf("step %q has ${{ }} in its run: script; inputs must go through env:", st.Name)
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "step.sh")
	if err := os.WriteFile(script, []byte(st.Run), 0o644); err != nil {
		t.Fatal(err)
	}
	output := filepath.Join(dir, "output.txt")
	if err := os.WriteFile(output, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = se.workspace
	if st.WorkingDirectory != "" {
		t.Fatalf("step %q: working-directory is not supported by the harness", st.Name)
	}
	cmd.Env = append(baseEnv(),
		"CI=true",
		"GITHUB_ACTIONS=true",
		"GITHUB_ACTION_PATH="+se.actionPath,
		"GITHUB_WORKSPACE="+se.workspace,
		"GITHUB_EVENT_NAME="+se.eventName,
		"GITHUB_EVENT_PATH="+se.eventPath,
		"GITHUB_OUTPUT="+output,
		"GITHUB_STEP_SUMMARY="+se.summary,
		"GITHUB_PATH="+se.pathFile,
		"GITHUB_SERVER_URL=https://github.com",
		"GITHUB_REPOSITORY=octo/awesome-test",
		"GITHUB_SHA=0123456789abcdef0123456789abcdef01234567",
		"RUNNER_TEMP="+se.runnerTemp,
		"RUNNER_OS=Linux",
	)
	cmd.Env = append(cmd.Env, se.extra...)
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cmd.Env = append(cmd.Env, k+"="+env[k])
	}
	var so, serr strings.Builder
	cmd.Stdout, cmd.Stderr = &so, &serr
	exit := 0
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("step %q: %v", st.Name, err)
		}
		exit = ee.ExitCode()
	}
	b, err := os.ReadFile(output)
	if err != nil {
		t.Fatal(err)
	}
	return parseOutputFile(t, string(b)), exit, so.String(), serr.String()
}

// parseOutputFile reads GITHUB_OUTPUT: name=value lines and name<<DELIMITER blocks.
func parseOutputFile(t testing.TB, s string) map[string]string {
	t.Helper()
	outs := map[string]string{}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if line == "" {
			continue
		}
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var val []string
			for i++; i < len(lines) && lines[i] != delim; i++ {
				val = append(val, lines[i])
			}
			outs[name] = strings.Join(val, "\n")
			continue
		}
		name, val, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("GITHUB_OUTPUT line %q is neither name=value nor name<<DELIMITER", line)
		}
		outs[name] = val
	}
	return outs
}

// baseEnv is the test's environment without anything a real runner (or a developer's
// shell) set for GitHub Actions or this action, and with git isolated from the user's
// configuration.
func baseEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GITHUB_") || strings.HasPrefix(k, "RUNNER_") ||
			strings.HasPrefix(k, "INPUT_") || strings.HasPrefix(k, "LISTLINT_") ||
			strings.HasPrefix(k, "GIT_") || k == "ACT" || k == "CI" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, gitEnv...)
}

var gitEnv = []string{
	"GIT_CONFIG_GLOBAL=/dev/null",
	"GIT_CONFIG_NOSYSTEM=1",
	"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
	"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com",
	"GIT_AUTHOR_DATE=2026-01-02T03:04:05Z", "GIT_COMMITTER_DATE=2026-01-02T03:04:05Z",
}

// annotation is one workflow command that makes an annotation.
type annotation struct {
	Level     string // error, warning, notice
	File      string
	Line, Col int
	Title     string
	Message   string
}

func (a annotation) key() string {
	return fmt.Sprintf("%s %s:%d:%d %s", a.Level, a.File, a.Line, a.Col, a.Title)
}

// The runner reads a command after leading white space too.
var commandRE = regexp.MustCompile(`^\s*::(error|warning|notice)( [^:]*)?::(.*)$`)

// parseAnnotations reads the annotation commands in a step log, as the runner does.
func parseAnnotations(t testing.TB, log string) []annotation {
	t.Helper()
	var out []annotation
	sc := bufio.NewScanner(strings.NewReader(log))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		m := commandRE.FindStringSubmatch(strings.TrimRight(sc.Text(), "\r"))
		if m == nil {
			continue
		}
		a := annotation{Level: m[1], Message: unescapeData(m[3])}
		for _, kv := range strings.Split(strings.TrimSpace(m[2]), ",") {
			if kv == "" {
				continue
			}
			k, v, _ := strings.Cut(kv, "=")
			v = unescapeProperty(v)
			switch k {
			case "file":
				a.File = v
			case "line":
				a.Line = atoi(t, v)
			case "col":
				a.Col = atoi(t, v)
			case "title":
				a.Title = v
			}
		}
		out = append(out, a)
	}
	return out
}

func unescapeData(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%").Replace(s)
}

func unescapeProperty(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(s)
}

func atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("annotation number %q: %v", s, err)
	}
	return n
}

// want is an expected annotation: the level, place and rule exactly, and a piece of the
// message (rule wording may be polished without breaking these tests).
type want struct {
	Level     string
	File      string
	Line, Col int
	Rule      string
	Msg       string
}

// key matches annotation.key: the title is "listlint (RULE)", or "listlint" for a note
// about the run (Rule empty).
func (w want) key() string {
	title := "listlint"
	if w.Rule != "" {
		title += " (" + w.Rule + ")"
	}
	return fmt.Sprintf("%s %s:%d:%d %s", w.Level, w.File, w.Line, w.Col, title)
}

// annotationMismatches compares annotations with an exact set of expected ones and
// returns what differs: a missing or an unexpected annotation, or a message without the
// expected words. Nil means they match.
func annotationMismatches(got []annotation, wants []want) []string {
	var bad []string
	seen := map[string]int{}
	for _, a := range got {
		seen[a.key()]++
	}
	for _, w := range wants {
		var match *annotation
		for i := range got {
			if got[i].key() == w.key() {
				match = &got[i]
				break
			}
		}
		if match == nil {
			bad = append(bad, "missing annotation: "+w.key()+" "+w.Msg)
			continue
		}
		if !strings.Contains(match.Message, w.Msg) {
			bad = append(bad, fmt.Sprintf("annotation %s: message %q lacks %q", w.key(), match.Message, w.Msg))
		}
		seen[w.key()]--
	}
	for _, a := range got {
		if seen[a.key()] > 0 {
			seen[a.key()]--
			bad = append(bad, "unexpected annotation: "+a.key()+": "+a.Message)
		}
	}
	return bad
}

// errorReporter is the part of testing.T the checks use; act_test.go also hands them a
// recorder, to show that they fail on an unexpected problem.
type errorReporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// checkAnnotations fails the test unless the annotations are exactly the wanted ones.
func checkAnnotations(t errorReporter, got []annotation, wants ...want) {
	t.Helper()
	for _, m := range annotationMismatches(got, wants) {
		t.Errorf("%s", m)
	}
}

// checkOutputs fails the test unless the outputs named in want have those values.
func checkOutputs(t errorReporter, got map[string]string, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("output %s = %q, want %q (all outputs: %v)", k, got[k], v, got)
		}
	}
}

// git runs git in dir with the test's isolated configuration and returns its output.
func git(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = baseEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// listFile reads a sample list from testdata/lists.
func listFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "lists", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// writeFiles writes files (slash paths relative to dir) and makes their folders.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// newRepo makes a git repository with one commit of files and returns its folder.
func newRepo(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "awesome-test")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "init", "-q", "-b", "main")
	commitFiles(t, dir, "Add the list", files)
	return dir
}

// commitFiles writes files and commits them; it returns the new commit's hash.
func commitFiles(t testing.TB, dir, msg string, files map[string]string) string {
	t.Helper()
	writeFiles(t, dir, files)
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", msg)
	return git(t, dir, "rev-parse", "HEAD")
}
