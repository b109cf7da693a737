package precommit_test

// These tests run listlint's hooks with the real pre-commit, the way a user does: a
// .pre-commit-config.yaml names a git repository and a rev, `pre-commit install` puts the git
// hook in place and `git commit` runs it. pre-commit clones the repository at the rev and runs
// `go install ./...` in it (language: golang), with the go on PATH (language_version "system",
// its default whenever go is on PATH) and the module and build caches of this environment, so
// nothing is downloaded when those caches are warm.
//
// The repository under test is a snapshot of this working tree (tracked files as they are on
// disk, plus untracked files that are not ignored), committed into a temporary repository, so
// uncommitted changes are tested too. One pre-commit home is shared by all tests: the hook
// environment is built once per test binary.
//
// HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME and PRE_COMMIT_HOME point into a temporary folder and
// GIT_CONFIG_NOSYSTEM=1, so no global git or pre-commit state is read or written.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/internal/tooltest"
)

// tmpRoot holds the snapshot, the shared home folders and the pre-commit store; TestMain
// removes it.
var tmpRoot string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "listlint-precommit-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	tmpRoot = dir
	code := m.Run()
	if err := os.RemoveAll(dir); err != nil {
		fmt.Fprintln(os.Stderr, "removing", dir+":", err)
	}
	os.Exit(code)
}

// hookRepo is the repository pre-commit installs the hooks from: a snapshot of the working tree.
type hookRepo struct {
	path string   // the snapshot repository
	rev  string   // its commit
	env  []string // the environment for git and pre-commit
}

var (
	setupOnce sync.Once
	shared    *hookRepo
	setupErr  error
	setupTime time.Duration
)

// requireTools skips (or fails, under LISTLINT_REQUIRE_TOOLS=1) without git, pre-commit or go.
func requireTools(t *testing.T) {
	t.Helper()
	tooltest.Require(t, "git", "apt-get install git")
	tooltest.Require(t, "pre-commit", "apt-get install pre-commit")
	// pre-commit uses the go on PATH for language: golang; without one it would download Go.
	tooltest.Require(t, "go", "put the Go toolchain's bin folder on PATH")
}

// setup returns the shared hook repository with its hook environment installed, building both
// on the first call.
func setup(t *testing.T) *hookRepo {
	t.Helper()
	requireTools(t)
	setupOnce.Do(func() {
		start := time.Now()
		shared, setupErr = buildHookRepo()
		setupTime = time.Since(start)
	})
	if setupErr != nil {
		t.Fatalf("setting up the hook repository: %v", setupErr)
	}
	return shared
}

// TestHookEnvironment reports how long the one-time setup (snapshot plus `pre-commit
// install-hooks`, which runs `go install ./...`) took, and checks what that install put in the
// environment's bin folder: listlint and nothing else.
func TestHookEnvironment(t *testing.T) {
	setup(t)
	t.Logf("snapshot + pre-commit install-hooks took %v", setupTime.Round(time.Millisecond))
	bins, err := filepath.Glob(filepath.Join(tmpRoot, "pre-commit", "repo*", "golangenv-*", "bin"))
	if err != nil {
		t.Fatal(err)
	}
	if len(bins) == 0 {
		t.Fatal("no golangenv-*/bin folder in the pre-commit store")
	}
	for _, bin := range bins {
		entries, err := os.ReadDir(bin)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if !slices.Equal(names, []string{"listlint"}) {
			t.Errorf("go install ./... installed %q in %s, want only listlint", names, bin)
		}
	}
}

// TestOnlyOneMainPackage: pre-commit runs `go install ./...`, which installs every main package
// of the module; only cmd/listlint should be one.
func TestOnlyOneMainPackage(t *testing.T) {
	cmd := exec.Command("go", "list", "-f", `{{if eq .Name "main"}}{{.ImportPath}}{{end}}`, "./...")
	cmd.Dir = moduleRoot(t)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	got := strings.Fields(string(out))
	want := []string{"github.com/listlint/listlint/cmd/listlint"}
	if !slices.Equal(got, want) {
		t.Errorf("main packages = %q, want %q (go install ./... would install them all)", got, want)
	}
}

// TestManifest checks .pre-commit-hooks.yaml with pre-commit's own validator and checks the
// hooks' settings.
func TestManifest(t *testing.T) {
	tooltest.Require(t, "pre-commit", "apt-get install pre-commit")
	manifest := filepath.Join(moduleRoot(t), ".pre-commit-hooks.yaml")
	if out, err := exec.Command("pre-commit", "validate-manifest", manifest).CombinedOutput(); err != nil {
		t.Fatalf("pre-commit validate-manifest: %v\n%s", err, out)
	}
	data, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	type hook struct {
		ID            string   `yaml:"id"`
		Entry         string   `yaml:"entry"`
		Language      string   `yaml:"language"`
		Types         []string `yaml:"types"`
		Stages        []string `yaml:"stages"`
		RequireSerial bool     `yaml:"require_serial"`
	}
	var hooks []hook
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	want := []hook{
		{ID: "listlint", Entry: "listlint", Language: "golang", Types: []string{"markdown"}, RequireSerial: true},
		{ID: "listlint-fix", Entry: "listlint --fix", Language: "golang", Types: []string{"markdown"},
			RequireSerial: true},
		{ID: "listlint-links", Entry: "listlint links", Language: "golang", Types: []string{"markdown"},
			Stages: []string{"manual"}, RequireSerial: true},
	}
	if fmt.Sprintf("%+v", hooks) != fmt.Sprintf("%+v", want) {
		t.Errorf("hooks:\n got %+v\nwant %+v", hooks, want)
	}
}

// TestDocsConfig checks that the setup snippet of docs/pre-commit.md is a valid
// .pre-commit-config.yaml naming the hooks of the manifest.
func TestDocsConfig(t *testing.T) {
	tooltest.Require(t, "pre-commit", "apt-get install pre-commit")
	doc, err := os.ReadFile(filepath.Join(moduleRoot(t), "docs", "pre-commit.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n(repos:.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/pre-commit.md has no ```yaml block starting with repos:")
	}
	cfg := filepath.Join(t.TempDir(), ".pre-commit-config.yaml")
	if err := os.WriteFile(cfg, m[1], 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pre-commit", "validate-config", cfg).CombinedOutput(); err != nil {
		t.Fatalf("pre-commit validate-config on the docs' snippet: %v\n%s\n%s", err, out, m[1])
	}
	for _, id := range []string{"listlint", "listlint-links"} {
		if !regexp.MustCompile(`(?m)^\s+- id: ` + id + `\b`).Match(m[1]) {
			t.Errorf("the docs' snippet does not use hook %s:\n%s", id, m[1])
		}
	}
}

// TestBadListBlocksCommit: the check hook refuses a commit of a list with errors and shows
// listlint's problems, exactly those of the list.
func TestBadListBlocksCommit(t *testing.T) {
	h := setup(t)
	c := h.consumer(t, hookConfig{ID: "listlint"})
	c.copyTestdata(t, "bad.md", "README.md")
	c.git(t, "add", "README.md")
	out, err := c.gitErr(t, "commit", "-m", "add the list")
	if err == nil {
		t.Fatalf("git commit succeeded with a bad list; output:\n%s", out)
	}
	c.wantCommits(t, 1)
	if !strings.Contains(out, "listlint") || !strings.Contains(out, "Failed") {
		t.Errorf("output does not show the listlint hook failing:\n%s", out)
	}
	wantProblems(t, out, "README.md", []string{
		"7:41 error description-style",
		"8:40 error description-style",
		"8:63 error description-style",
		"10:3 error duplicate-url",
		"11:29 error year-suffix",
		"12:1 warning list-marker",
	})
}

// TestGoodListCommits: a list without errors commits, also with `git commit -a`.
func TestGoodListCommits(t *testing.T) {
	h := setup(t)
	c := h.consumer(t, hookConfig{ID: "listlint"})
	c.copyTestdata(t, "good.md", "README.md")
	c.git(t, "add", "README.md")
	out := c.git(t, "commit", "-m", "add the list")
	if !regexp.MustCompile(`(?m)^listlint\.+Passed$`).MatchString(out) {
		t.Errorf("output does not show the listlint hook passing:\n%s", out)
	}
	c.wantCommits(t, 2)

	// Change the tracked list and commit it with -a: the hook runs on it again.
	c.appendFile(t, "README.md", "- [jq](https://jqlang.github.io/jq/) - A command-line JSON processor.\n")
	out = c.git(t, "commit", "-a", "-m", "add jq")
	if !regexp.MustCompile(`(?m)^listlint\.+Passed$`).MatchString(out) {
		t.Errorf("git commit -a: output does not show the listlint hook passing:\n%s", out)
	}
	c.wantCommits(t, 3)

	// And a bad line committed with -a is refused.
	c.appendFile(t, "README.md", "- [yq](https://github.com/mikefarah/yq) - a YAML processor\n")
	out, err := c.gitErr(t, "commit", "-a", "-m", "add yq")
	if err == nil {
		t.Fatalf("git commit -a succeeded with a bad entry; output:\n%s", out)
	}
	wantProblems(t, out, "README.md", []string{
		"11:43 error description-style",
		"11:58 error description-style",
	})
	c.wantCommits(t, 3)
}

// TestFixHookRepairsList: the fix hook rewrites the list, which fails the hook (pre-commit
// fails a hook that changes files); after `git add` the commit goes through.
func TestFixHookRepairsList(t *testing.T) {
	h := setup(t)
	c := h.consumer(t, hookConfig{ID: "listlint-fix"})
	c.copyTestdata(t, "fixable.md", "README.md")
	c.git(t, "add", "README.md")
	out, err := c.gitErr(t, "commit", "-m", "add the list")
	if err == nil {
		t.Fatalf("git commit succeeded although the fix hook changed the list; output:\n%s", out)
	}
	c.wantCommits(t, 1)
	if !strings.Contains(out, "files were modified by this hook") {
		t.Errorf("output does not say the hook modified files:\n%s", out)
	}
	if !strings.Contains(out, "fixed 4 problems") {
		t.Errorf("output does not show listlint's fix count:\n%s", out)
	}
	// What remains after the fixes: a warning whose fix is unsafe, which does not fail a hook.
	wantProblems(t, out, "README.md", []string{"10:1 warning list-marker"})
	want := readTestdata(t, "fixable.fixed.md")
	if got := c.read(t, "README.md"); got != want {
		t.Errorf("fixed list:\n%s\nwant:\n%s", got, want)
	}

	c.git(t, "add", "README.md")
	out = c.git(t, "commit", "-m", "add the list, fixed")
	if !regexp.MustCompile(`(?m)^listlint \(fix\)\.+Passed$`).MatchString(out) {
		t.Errorf("output does not show the fix hook passing:\n%s", out)
	}
	c.wantCommits(t, 2)
	if got := c.read(t, "README.md"); got != want {
		t.Errorf("the second run changed the list:\n%s", got)
	}
}

// TestFixHookLeavesUnfixableErrors: errors without a safe fix still fail the fix hook, with the
// safe fixes applied around them.
func TestFixHookLeavesUnfixableErrors(t *testing.T) {
	h := setup(t)
	c := h.consumer(t, hookConfig{ID: "listlint-fix"})
	c.copyTestdata(t, "bad.md", "list.md")
	c.git(t, "add", "list.md")
	out, err := c.gitErr(t, "commit", "-m", "add the list")
	if err == nil {
		t.Fatalf("git commit succeeded with a duplicate URL; output:\n%s", out)
	}
	wantProblems(t, out, "list.md", []string{
		"10:3 error duplicate-url",
		"12:1 warning list-marker",
	})
	c.git(t, "add", "list.md")
	out, err = c.gitErr(t, "commit", "-m", "add the list")
	if err == nil {
		t.Fatalf("git commit succeeded with a duplicate URL; output:\n%s", out)
	}
	if strings.Contains(out, "files were modified by this hook") {
		t.Errorf("the second run changed the file again:\n%s", out)
	}
	wantProblems(t, out, "list.md", []string{
		"10:3 error duplicate-url",
		"12:1 warning list-marker",
	})
	c.wantCommits(t, 1)
}

// TestConfigArgs: args passes --config to listlint.
func TestConfigArgs(t *testing.T) {
	h := setup(t)
	c := h.consumer(t, hookConfig{ID: "listlint", Args: []string{"--config", "lists/listlint.yml"}})
	c.write(t, "lists/listlint.yml", "rules:\n  description-style: off\n  list-marker: off\n")
	c.copyTestdata(t, "bad.md", "lists/tools.md")
	c.git(t, "add", "lists")
	out, err := c.gitErr(t, "commit", "-m", "add the list")
	if err == nil {
		t.Fatalf("git commit succeeded with a bad list; output:\n%s", out)
	}
	wantProblems(t, out, "lists/tools.md", []string{
		"10:3 error duplicate-url",
		"11:29 error year-suffix",
	})
}

// TestTryRepo runs the check hook with `pre-commit try-repo`, which installs from a repository
// path without a config file (a second hook environment: try-repo names the repository by a
// relative path, so it is another repository to pre-commit's store).
func TestTryRepo(t *testing.T) {
	h := setup(t)
	c := h.consumer(t, hookConfig{ID: "listlint"})
	c.copyTestdata(t, "bad.md", "bad.md")
	c.copyTestdata(t, "good.md", "good.md")
	c.git(t, "add", "bad.md", "good.md")
	out, err := c.runErr(t, "pre-commit", "try-repo", h.path, "listlint", "--files", "bad.md")
	if err == nil {
		t.Fatalf("try-repo passed a bad list; output:\n%s", out)
	}
	wantProblems(t, out, "bad.md", []string{
		"7:41 error description-style",
		"8:40 error description-style",
		"8:63 error description-style",
		"10:3 error duplicate-url",
		"11:29 error year-suffix",
		"12:1 warning list-marker",
	})

	out = c.run(t, "pre-commit", "try-repo", h.path, "listlint", "--files", "good.md")
	if !regexp.MustCompile(`(?m)^listlint\.+Passed$`).MatchString(out) {
		t.Errorf("try-repo on a good list does not show the hook passing:\n%s", out)
	}
}

// TestDuplicateAcrossFiles: duplicate-url compares the lists of one run with each other. With
// more than four files pre-commit would split them into parallel batches; require_serial keeps
// them in one listlint run, so a duplicate between the first and the last list is found.
func TestDuplicateAcrossFiles(t *testing.T) {
	h := setup(t)
	c := h.consumer(t, hookConfig{ID: "listlint"})
	var names []string
	for i := 1; i <= 8; i++ {
		url := fmt.Sprintf("https://example.org/tool-%d", i)
		if i == 8 {
			url = "https://example.org/tool-1"
		}
		name := fmt.Sprintf("list%d.md", i)
		c.write(t, name, fmt.Sprintf("# Awesome List %d\n\nA list.\n\n## Tools\n\n- [Tool %d](%s) - A tool.\n", i, i, url))
		names = append(names, name)
	}
	c.git(t, append([]string{"add"}, names...)...)
	out, err := c.gitErr(t, "commit", "-m", "add the lists")
	if err == nil {
		t.Fatalf("git commit succeeded with a duplicate URL across lists; output:\n%s", out)
	}
	for _, name := range names[:7] {
		wantProblems(t, out, name, nil)
	}
	wantProblems(t, out, "list8.md", []string{"7:3 error duplicate-url"})
	c.wantCommits(t, 1)
}

// TestLinksHookIsManual: the links hook does not run on commit, only when asked for with
// --hook-stage manual. The list has only local links, so nothing goes to the network.
func TestLinksHookIsManual(t *testing.T) {
	h := setup(t)
	c := h.consumer(t, hookConfig{ID: "listlint-links"})
	c.copyTestdata(t, "links.md", "links.md")
	c.copyTestdata(t, "notes.md", "notes.md")
	c.git(t, "add", "links.md", "notes.md")
	out := c.git(t, "commit", "-m", "add the list")
	if strings.Contains(out, "listlint links") {
		t.Errorf("the links hook ran on commit:\n%s", out)
	}
	c.wantCommits(t, 2)

	out, err := c.runErr(t, "pre-commit", "run", "--hook-stage", "manual", "listlint-links", "--all-files")
	if err == nil {
		t.Fatalf("the links hook passed broken links; output:\n%s", out)
	}
	wantProblems(t, out, "links.md", []string{
		"8:15 error broken-anchor",
		"10:13 error broken-link",
	})
	if !strings.Contains(out, "listlint links") {
		t.Errorf("output does not name the links hook:\n%s", out)
	}
}

// --- the hook repository ---

// moduleRoot is the repository under test: the folder above this package.
func moduleRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod above the test: %v", err)
	}
	return root
}

// buildHookRepo commits a snapshot of the working tree into a temporary repository and installs
// the hook environment from it into the shared pre-commit home.
func buildHookRepo() (*hookRepo, error) {
	root, err := filepath.Abs("..")
	if err != nil {
		return nil, err
	}
	env, err := sandboxEnv()
	if err != nil {
		return nil, err
	}
	h := &hookRepo{path: filepath.Join(tmpRoot, "listlint"), env: env}

	// The files git would commit with `git add -A`: tracked ones and untracked ones that are not
	// ignored. This git runs with the real environment (the user's excludes, safe.directory).
	ls := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	ls.Dir = root
	list, err := ls.Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-files in %s: %w", root, err)
	}
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		if name == "" {
			continue
		}
		if err := copyFile(filepath.Join(root, name), filepath.Join(h.path, name)); err != nil {
			return nil, err
		}
	}
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"add", "-A"},
		{"-c", "user.name=listlint test", "-c", "user.email=test@listlint.invalid",
			"commit", "-q", "--no-verify", "-m", "snapshot of the working tree"},
	} {
		if _, err := runIn(h.path, env, "git", args...); err != nil {
			return nil, err
		}
	}
	rev, err := runIn(h.path, env, "git", "rev-parse", "HEAD")
	if err != nil {
		return nil, err
	}
	h.rev = strings.TrimSpace(rev)

	// Install the hook environment once, as docs/pre-commit.md tells users to do.
	warm := filepath.Join(tmpRoot, "warmup")
	if err := os.MkdirAll(warm, 0o755); err != nil {
		return nil, err
	}
	if _, err := runIn(warm, env, "git", "init", "-q", "-b", "main"); err != nil {
		return nil, err
	}
	cfg := h.config(hookConfig{ID: "listlint"}, hookConfig{ID: "listlint-fix"}, hookConfig{ID: "listlint-links"})
	if err := os.WriteFile(filepath.Join(warm, ".pre-commit-config.yaml"), []byte(cfg), 0o644); err != nil {
		return nil, err
	}
	if _, err := runIn(warm, env, "pre-commit", "install-hooks"); err != nil {
		return nil, err
	}
	return h, nil
}

// copyFile copies a regular file (keeping its mode) or a symbolic link; a path that no longer
// exists (deleted but not yet staged) is skipped.
func copyFile(src, dst string) error {
	info, err := os.Lstat(src)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	case info.Mode().IsRegular():
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, info.Mode().Perm())
	}
	return nil // a submodule or other non-file: not part of the snapshot
}

// sandboxEnv is the environment for git and pre-commit: this one without git's and
// pre-commit's variables, with HOME and the XDG folders in tmpRoot, and with the Go settings
// resolved before HOME moves (so the module cache, build cache, proxy and GOFLAGS stay those of
// this machine, and a go env file under the real HOME still counts).
func sandboxEnv() ([]string, error) {
	goKeys := []string{"GOCACHE", "GOMODCACHE", "GOFLAGS", "GOPROXY", "GONOPROXY", "GOSUMDB",
		"GONOSUMDB", "GOPRIVATE", "GOINSECURE"}
	out, err := exec.Command("go", append([]string{"env", "-json"}, goKeys...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	var goEnv map[string]string
	if err := json.Unmarshal(out, &goEnv); err != nil {
		return nil, fmt.Errorf("go env: %w", err)
	}
	drop := func(kv string) bool {
		k, _, _ := strings.Cut(kv, "=")
		return strings.HasPrefix(k, "GIT_") || strings.HasPrefix(k, "PRE_COMMIT") ||
			strings.HasPrefix(k, "XDG_") || k == "HOME" || k == "SKIP" || k == "GOPATH" ||
			k == "GOBIN" || k == "GOTOOLCHAIN" || k == "GOENV" || slices.Contains(goKeys, k)
	}
	var env []string
	for _, kv := range os.Environ() {
		if !drop(kv) {
			env = append(env, kv)
		}
	}
	home := filepath.Join(tmpRoot, "home")
	for _, d := range []string{home, filepath.Join(tmpRoot, "cache"), filepath.Join(tmpRoot, "config")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	env = append(env,
		"HOME="+home,
		"XDG_CACHE_HOME="+filepath.Join(tmpRoot, "cache"),
		"XDG_CONFIG_HOME="+filepath.Join(tmpRoot, "config"),
		"PRE_COMMIT_HOME="+filepath.Join(tmpRoot, "pre-commit"),
		"GIT_CONFIG_NOSYSTEM=1",
		"GOTOOLCHAIN=local", // the go on PATH builds the hook; never a downloaded toolchain
		"NO_COLOR=1",
	)
	for _, k := range goKeys {
		if v := goEnv[k]; v != "" {
			env = append(env, k+"="+v)
		}
	}
	return env, nil
}

// hookConfig is one hook of a .pre-commit-config.yaml.
type hookConfig struct {
	ID   string
	Args []string
}

// config is a .pre-commit-config.yaml that takes the hooks from the snapshot at its rev.
func (h *hookRepo) config(hooks ...hookConfig) string {
	var b strings.Builder
	fmt.Fprintf(&b, "repos:\n  - repo: %s\n    rev: %s\n    hooks:\n", h.path, h.rev)
	for _, hk := range hooks {
		fmt.Fprintf(&b, "      - id: %s\n", hk.ID)
		if len(hk.Args) > 0 {
			q, _ := json.Marshal(hk.Args)
			fmt.Fprintf(&b, "        args: %s\n", q)
		}
	}
	return b.String()
}

// consumer is a repository that uses the hooks.
type consumer struct {
	dir string
	env []string
}

// consumer makes a git repository with a .pre-commit-config.yaml for hooks (committed as its
// first commit) and the pre-commit git hook installed.
func (h *hookRepo) consumer(t *testing.T, hooks ...hookConfig) *consumer {
	t.Helper()
	c := &consumer{dir: t.TempDir(), env: h.env}
	c.git(t, "init", "-q", "-b", "main")
	c.git(t, "config", "user.name", "listlint test")
	c.git(t, "config", "user.email", "test@listlint.invalid")
	c.write(t, ".pre-commit-config.yaml", h.config(hooks...))
	c.git(t, "add", ".pre-commit-config.yaml")
	c.git(t, "commit", "-q", "-m", "pre-commit config")
	c.run(t, "pre-commit", "install")
	return c
}

func (c *consumer) run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := c.runErr(t, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func (c *consumer) runErr(t *testing.T, name string, args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = c.dir
	cmd.Env = c.env
	out, err := cmd.CombinedOutput()
	return stripANSI(string(out)), err
}

func (c *consumer) git(t *testing.T, args ...string) string {
	t.Helper()
	return c.run(t, "git", args...)
}

func (c *consumer) gitErr(t *testing.T, args ...string) (string, error) {
	t.Helper()
	return c.runErr(t, "git", args...)
}

// wantCommits checks the number of commits on the branch.
func (c *consumer) wantCommits(t *testing.T, n int) {
	t.Helper()
	got := strings.TrimSpace(c.git(t, "rev-list", "--count", "HEAD"))
	if got != fmt.Sprint(n) {
		t.Errorf("%s commits, want %d", got, n)
	}
}

func (c *consumer) write(t *testing.T, name, content string) {
	t.Helper()
	p := filepath.Join(c.dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (c *consumer) read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(c.dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func (c *consumer) appendFile(t *testing.T, name, content string) {
	t.Helper()
	c.write(t, name, c.read(t, name)+content)
}

func (c *consumer) copyTestdata(t *testing.T, src, dst string) {
	t.Helper()
	c.write(t, dst, readTestdata(t, src))
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// runIn runs a command in dir with env and returns its standard output.
func runIn(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s in %s: %w\n%s%s", name, strings.Join(args, " "), dir, err, out, stderr.String())
	}
	return string(out), nil
}

// --- listlint's output ---

var (
	ansi    = regexp.MustCompile("\x1b\\[[0-9;]*m")
	problem = regexp.MustCompile(`(?m)^(\S+?):(\d+):(\d+): (error|warning): .* \[([a-z0-9-]+)\]$`)
)

func stripANSI(s string) string { return ansi.ReplaceAllString(s, "") }

// wantProblems checks that output reports exactly the problems want for file, each as
// "LINE:COL SEVERITY RULE", in any order.
func wantProblems(t *testing.T, output, file string, want []string) {
	t.Helper()
	var got []string
	for _, m := range problem.FindAllStringSubmatch(output, -1) {
		if m[1] == file {
			got = append(got, m[2]+":"+m[3]+" "+m[4]+" "+m[5])
		}
	}
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("problems in %s:\n got %q\nwant %q\noutput:\n%s", file, got, want, output)
	}
}
