package cli_test

// End-to-end tests of --new-from-rev and --new-from-patch on real git histories made by
// the tests, with the built binary.

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/listlint/listlint/internal/tooltest"
)

// baseList has two old problems: a description without a final period (line 4) and a
// duplicate pair (lines 5 and 6, reported on 6).
const baseList = `# Awesome Things

- [Alpha](https://alpha.example) - Alpha tool.
- [Bravo](https://bravo.example) - Bravo tool
- [Charlie](https://charlie.example) - Charlie tool.
- [Charlie again](https://charlie.example) - Charlie tool, again.
- [Delta](https://delta.example) - Delta tool.
`

// newEntries adds a new problem (line 8, no final period) and a new entry that repeats the
// old Alpha's URL (line 9).
const newEntries = `- [Echo](https://echo.example) - Echo tool
- [Foxtrot](https://alpha.example) - Same site as Alpha.
`

// gitEnv is the environment of git and listlint in these tests: no system, global or
// user configuration, no GIT_* variable from whoever runs the tests (a hook's GIT_DIR
// would point git elsewhere), fixed identities.
func gitEnv(home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "HOME=") && !strings.HasPrefix(kv, "XDG_CONFIG_HOME=") && !strings.HasPrefix(kv, "PWD=") {
			env = append(env, kv)
		}
	}
	return append(env,
		"HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+filepath.Join(home, "no-gitconfig"),
		"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com",
		"GIT_CEILING_DIRECTORIES="+filepath.Dir(home),
	)
}

// gitSandbox is a temporary home with helpers to run git and listlint in it.
type gitSandbox struct {
	t    *testing.T
	home string
	bin  string
}

func newGitSandbox(t *testing.T) *gitSandbox {
	t.Helper()
	tooltest.Require(t, "git", "apt-get install git")
	bin := listlintBinary(t)
	home := t.TempDir()
	return &gitSandbox{t: t, home: home, bin: bin}
}

// git runs git in dir and returns its output, failing the test on an error.
func (s *gitSandbox) git(dir string, args ...string) string {
	s.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv(s.home)
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// listlint runs the binary in dir and returns its exit status, stdout and stderr.
func (s *gitSandbox) listlint(dir string, args ...string) (int, string, string) {
	s.t.Helper()
	return s.listlintEnv(dir, gitEnv(s.home), args...)
}

func (s *gitSandbox) listlintEnv(dir string, env []string, args ...string) (int, string, string) {
	s.t.Helper()
	cmd := exec.Command(s.bin, append([]string{"--color", "never"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(slices.Clip(env), "PWD="+dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			s.t.Fatalf("listlint did not run: %v", err)
		}
		code = ee.ExitCode()
	}
	if strings.Contains(stderr.String(), "panic:") || strings.Contains(stderr.String(), "goroutine ") {
		s.t.Fatalf("listlint crashed:\n%s", stderr.String())
	}
	return code, stdout.String(), stderr.String()
}

func (s *gitSandbox) write(path, content string) {
	s.t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// newRepo makes a repository whose first commit holds list.md = baseList and returns its
// folder and that commit.
func (s *gitSandbox) newRepo(name string) (dir, base string) {
	s.t.Helper()
	dir = filepath.Join(s.home, name)
	s.write(filepath.Join(dir, "list.md"), baseList)
	s.git(s.home, "init", "-q", "-b", "main", dir)
	s.git(dir, "add", "list.md")
	s.git(dir, "commit", "-q", "-m", "base")
	return dir, s.git(dir, "rev-parse", "HEAD")
}

var problemLine = regexp.MustCompile(`(?m)^(\S.*?):(\d+):\d+: (?:error|warning): .* \[([a-z-]+)\]$`)

// problems lists the problems of a text report as "path:line rule", in report order.
func problems(out string) []string {
	var ps []string
	for _, m := range problemLine.FindAllStringSubmatch(out, -1) {
		ps = append(ps, m[1]+":"+m[2]+" "+m[3])
	}
	return ps
}

// expect runs listlint and checks its status and the problems it reports.
func (s *gitSandbox) expect(dir string, status int, want []string, args ...string) string {
	s.t.Helper()
	code, stdout, stderr := s.listlint(dir, args...)
	if got := problems(stdout); code != status || !slices.Equal(got, want) {
		s.t.Errorf("listlint %s (in %s): status %d, problems %q; want status %d, problems %q\nstdout:\n%s\nstderr:\n%s",
			strings.Join(args, " "), dir, code, got, status, want, stdout, stderr)
	}
	return stdout
}

func TestNewFromRev(t *testing.T) {
	s := newGitSandbox(t)
	dir, base := s.newRepo("repo")

	// The whole file has the two old problems; against HEAD nothing changed.
	s.expect(dir, 1, []string{"list.md:4 description-style", "list.md:6 duplicate-url"}, "list.md")
	s.expect(dir, 0, nil, "--new-from-rev", "HEAD", "list.md")

	// A second commit adds a new problem and a new entry repeating an old URL: only those
	// are reported, whether the paths are named, walked, or reached from a subfolder.
	s.write(filepath.Join(dir, "list.md"), baseList+newEntries)
	s.git(dir, "commit", "-q", "-a", "-m", "two new entries")
	want := []string{"list.md:8 description-style", "list.md:9 duplicate-url"}
	out := s.expect(dir, 1, want, "--new-from-rev", base, "list.md")
	if !strings.Contains(out, `duplicate URL "https://alpha.example": already listed at line 3 ("Alpha")`) {
		t.Errorf("the new duplicate does not name the old entry:\n%s", out)
	}
	s.expect(dir, 1, want, "--new-from-rev", base)
	s.expect(dir, 1, want, "--new-from-rev", "HEAD~1")
	sub := filepath.Join(dir, "sub", "deeper")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	s.expect(sub, 1, []string{"../../list.md:8 description-style", "../../list.md:9 duplicate-url"}, "--new-from-rev", base, "../../list.md")
	abs := filepath.Join(dir, "list.md")
	s.expect(sub, 1, []string{abs + ":8 description-style", abs + ":9 duplicate-url"}, "--new-from-rev", base, abs)
	// Standard input maps by the name it is given.
	stdinRun := func(name string) []string {
		cmd := exec.Command(s.bin, "--color", "never", "--new-from-rev", base, "--stdin-filename", name, "-")
		cmd.Dir, cmd.Env = dir, append(gitEnv(s.home), "PWD="+dir)
		cmd.Stdin = strings.NewReader(baseList + newEntries)
		out, _ := cmd.Output()
		return problems(string(out))
	}
	if got := stdinRun("list.md"); !slices.Equal(got, want) {
		t.Errorf("standard input named list.md: problems %q, want %q", got, want)
	}
	if got := stdinRun("other.md"); len(got) != 0 {
		t.Errorf("standard input named other.md (not in the change): problems %q, want none", got)
	}

	// Nothing new since the last commit: exit 0, even though the file has problems.
	s.expect(dir, 0, nil, "--new-from-rev", "HEAD")

	// Uncommitted edits count; so does an untracked file, whole, but not an ignored one.
	// A new entry above an old one with the same URL makes the rule report the old line;
	// that report stays, since the change brought the pair in. Across files too: a new
	// file sorting first makes the old list's entry the later one.
	edited := strings.Replace(baseList+newEntries, "- [Alpha]", "- [Aardvark](https://delta.example) - An animal.\n- [Alpha]", 1)
	s.write(filepath.Join(dir, "list.md"), edited)
	s.write(filepath.Join(dir, ".gitignore"), "ignored.md\n")
	s.write(filepath.Join(dir, "ignored.md"), "# Ignored\n\n- [Golf](https://golf.example) - No period\n")
	s.write(filepath.Join(dir, "a-new.md"), "# New\n\n- [Hotel](https://hotel.example) - No period\n- [India](https://echo.example) - Same as Echo.\n")
	s.expect(dir, 1, []string{
		"a-new.md:3 description-style",
		"list.md:8 duplicate-url", // Delta, repeated by the new Aardvark on line 3
		"list.md:9 duplicate-url", // Echo, repeated by the new a-new.md:4
	}, "--new-from-rev", "HEAD")
	s.git(dir, "add", ".")
	s.git(dir, "commit", "-q", "-m", "more")

	// A renamed file counts only for its changed lines; a path with a space and a
	// non-ASCII letter (which git would quote) maps back to the file.
	s.git(dir, "mv", "list.md", "docs list é.md")
	s.expect(dir, 0, nil, "--new-from-rev", "HEAD")
	renamed := filepath.Join(dir, "docs list é.md")
	b, err := os.ReadFile(renamed)
	if err != nil {
		t.Fatal(err)
	}
	// A changed line is the change's, with its old problems: Delta's line was already a
	// duplicate of the Aardvark line, and is reported now that it is edited.
	s.write(renamed, strings.Replace(string(b), "Delta tool.", "Delta tool", 1))
	want = []string{"docs list é.md:8 duplicate-url", "docs list é.md:8 description-style"}
	s.expect(dir, 1, want, "--new-from-rev", "HEAD", "docs list é.md")
	s.expect(dir, 1, want, "--new-from-rev", "HEAD")
	// The same change as a patch in which git quotes the name ("docs list \303\251.md").
	quoted := s.git(dir, "-c", "core.quotepath=true", "diff", "-M", "HEAD")
	if !strings.Contains(quoted, `+++ "b/docs list \303\251.md"`) {
		t.Fatalf("git did not quote the name:\n%s", quoted)
	}
	patch := filepath.Join(s.home, "quoted.diff")
	s.write(patch, quoted+"\n")
	s.expect(dir, 1, want, "--new-from-patch", patch)
}

// On a branch, only what the branch changed counts, not what main changed after the branch
// left it: the diff starts at the merge base.
func TestNewFromRevBranchBehindMain(t *testing.T) {
	s := newGitSandbox(t)
	dir, _ := s.newRepo("repo")
	s.git(dir, "checkout", "-q", "-b", "feature")
	s.write(filepath.Join(dir, "list.md"), baseList+newEntries)
	s.git(dir, "commit", "-q", "-a", "-m", "two new entries")
	// Meanwhile main fixes line 4 and adds a bad entry of its own.
	s.git(dir, "checkout", "-q", "main")
	s.write(filepath.Join(dir, "list.md"), strings.Replace(baseList, "Bravo tool\n", "Bravo tool.\n", 1)+"- [Zulu](https://zulu.example) - Zulu tool\n")
	s.git(dir, "commit", "-q", "-a", "-m", "main moves on")
	s.git(dir, "checkout", "-q", "feature")
	s.expect(dir, 1, []string{"list.md:8 description-style", "list.md:9 duplicate-url"}, "--new-from-rev", "main")
}

// TestNewFromPatch checks that the diff of the history above, as a file, gives the same
// report as --new-from-rev: from git diff (with a/ b/ prefixes, and with --no-prefix as
// a -p0 patch), from diff -u of two trees, from the top and from a subfolder.
func TestNewFromPatch(t *testing.T) {
	s := newGitSandbox(t)
	dir, base := s.newRepo("repo")
	s.write(filepath.Join(dir, "list.md"), baseList+newEntries)
	want := []string{"list.md:8 description-style", "list.md:9 duplicate-url"}
	s.expect(dir, 1, want, "--new-from-rev", base)

	patches := map[string]string{
		"git.diff":      s.git(dir, "diff", base) + "\n",
		"unified3.diff": s.git(dir, "diff", "-U3", base) + "\n",
		"noprefix.diff": s.git(dir, "diff", "--no-prefix", base) + "\n",
		"crlf.diff":     strings.ReplaceAll(s.git(dir, "diff", base)+"\n", "\n", "\r\n"),
	}
	for name, p := range patches {
		path := filepath.Join(s.home, name)
		s.write(path, p)
		t.Run(name, func(t *testing.T) {
			s := *s
			s.t = t
			s.expect(dir, 1, want, "--new-from-patch", path)
			s.expect(dir, 1, want, "--new-from-patch", path, "list.md")
			sub := filepath.Join(dir, "sub")
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			// Paths in the patch stay relative to the top of the working tree.
			s.expect(sub, 1, []string{"../list.md:8 description-style", "../list.md:9 duplicate-url"}, "--new-from-patch", path, "..")
		})
	}

	// An empty patch changes nothing.
	empty := filepath.Join(s.home, "empty.diff")
	s.write(empty, "")
	s.expect(dir, 0, nil, "--new-from-patch", empty)
}

// TestNewFromRevShallowClone checks the pull-request checkout: a depth-1 clone does not
// have the base until it is fetched, and says how to fetch it.
func TestNewFromRevShallowClone(t *testing.T) {
	s := newGitSandbox(t)
	origin, base := s.newRepo("origin")
	s.write(filepath.Join(origin, "list.md"), baseList+newEntries)
	s.git(origin, "commit", "-q", "-a", "-m", "two new entries")
	// Fetching a commit by id needs the server's leave, as GitHub gives it.
	s.git(origin, "config", "uploadpack.allowAnySHA1InWant", "true")

	clone := filepath.Join(s.home, "clone")
	s.git(s.home, "clone", "-q", "--depth=1", "file://"+filepath.ToSlash(origin), clone)
	if got := s.git(clone, "rev-parse", "--is-shallow-repository"); got != "true" {
		t.Fatalf("the clone is not shallow (%s)", got)
	}

	code, stdout, stderr := s.listlint(clone, "--new-from-rev", base)
	wantErr := "listlint: --new-from-rev " + base + ": git does not know this revision; this is a shallow clone: fetch it first (git fetch --depth=1 origin " + base + ")\n"
	if code != 2 || stderr != wantErr || stdout != "" {
		t.Errorf("missing base: status %d, stderr %q, stdout %q; want 2, %q and nothing", code, stderr, stdout, wantErr)
	}
	code, _, stderr = s.listlint(clone, "--new-from-rev", "origin/release")
	wantErr = "listlint: --new-from-rev origin/release: git does not know this revision; this is a shallow clone: fetch it first (git fetch --depth=1 origin release:refs/remotes/origin/release)\n"
	if code != 2 || stderr != wantErr {
		t.Errorf("missing remote branch: status %d, stderr %q; want 2, %q", code, stderr, wantErr)
	}

	s.git(clone, "fetch", "-q", "--depth=1", "origin", base)
	s.expect(clone, 1, []string{"list.md:8 description-style", "list.md:9 duplicate-url"}, "--new-from-rev", base)
	s.expect(clone, 0, nil, "--new-from-rev", "HEAD")
}

// TestNewFromRevErrors checks the errors that are not about the revision itself.
func TestNewFromRevErrors(t *testing.T) {
	s := newGitSandbox(t)
	dir, _ := s.newRepo("repo")

	code, stdout, stderr := s.listlint(dir, "--new-from-rev", "no-such-branch")
	want := "listlint: --new-from-rev no-such-branch: git does not know this revision; check the name, or fetch it first (git fetch origin no-such-branch)\n"
	if code != 2 || stderr != want || stdout != "" {
		t.Errorf("unknown revision: status %d, stderr %q; want 2, %q", code, stderr, want)
	}

	code, _, stderr = s.listlint(dir, "--new-from-rev=--output=x", "list.md")
	if code != 2 || !strings.Contains(stderr, `"--output=x" is not a revision`) {
		t.Errorf("a revision like an option: status %d, stderr %q", code, stderr)
	}

	outside := filepath.Join(s.home, "plain")
	s.write(filepath.Join(outside, "list.md"), baseList)
	code, _, stderr = s.listlint(outside, "--new-from-rev", "HEAD")
	if code != 2 || !strings.Contains(stderr, "listlint: --new-from-rev HEAD: "+outside+" is not in a git working tree (") ||
		!strings.Contains(stderr, "use --new-from-patch") {
		t.Errorf("outside a repository: status %d, stderr %q", code, stderr)
	}

	// Without git on PATH.
	var env []string
	for _, kv := range gitEnv(s.home) {
		if !strings.HasPrefix(kv, "PATH=") {
			env = append(env, kv)
		}
	}
	env = append(env, "PATH="+t.TempDir())
	code, _, stderr = s.listlintEnv(dir, env, "--new-from-rev", "HEAD")
	want = "listlint: --new-from-rev HEAD: git is not installed (or not on PATH): install git, or pass the changes as a unified diff with --new-from-patch\n"
	if code != 2 || stderr != want {
		t.Errorf("without git: status %d, stderr %q; want 2, %q", code, stderr, want)
	}
}

// TestNewFromRevSymlinkedFolder runs listlint through a symbolic link to the working tree,
// as with a temporary folder under a linked /tmp: git names the real folder, listlint the
// linked one.
func TestNewFromRevSymlinkedFolder(t *testing.T) {
	s := newGitSandbox(t)
	dir, base := s.newRepo("repo")
	s.write(filepath.Join(dir, "list.md"), baseList+newEntries)
	link := filepath.Join(s.home, "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
	want := []string{"list.md:8 description-style", "list.md:9 duplicate-url"}
	s.expect(link, 1, want, "--new-from-rev", base)
	s.expect(link, 1, []string{link + "/list.md:8 description-style", link + "/list.md:9 duplicate-url"}, "--new-from-rev", base, filepath.Join(link, "list.md"))
}

// A problem reported on an unchanged line stays when a place it concerns changed: the
// table of contents that misses a new heading, the list that a new entry put out of order.
func TestNewFromRevRelated(t *testing.T) {
	s := newGitSandbox(t)
	dir := filepath.Join(s.home, "toc")
	const base = "# Awesome Things\n\n## Contents\n\n- [Books](#books)\n\n## Books\n\n- [Alpha](https://alpha.example) - Alpha book.\n- [Bravo](https://bravo.example) - Bravo book.\n"
	s.write(filepath.Join(dir, "list.md"), base)
	s.git(s.home, "init", "-q", "-b", "main", dir)
	s.git(dir, "add", "list.md")
	s.git(dir, "commit", "-q", "-m", "base")
	s.write(filepath.Join(dir, "list.md"), base+"\n## Videos\n\n- [Charlie](https://charlie.example) - Charlie talk.\n")
	out := s.expect(dir, 1, []string{"list.md:5 toc"}, "--new-from-rev", "HEAD", "--enable", "toc")
	if !strings.Contains(out, `table of contents is missing "Videos"`) {
		t.Errorf("the missing contents line is not reported:\n%s", out)
	}
	// Without the new section, nothing is new.
	s.git(dir, "checkout", "-q", "--", "list.md")
	s.expect(dir, 0, nil, "--new-from-rev", "HEAD", "--enable", "toc")
}
