package changed

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// FromRev returns the lines added or changed since the git revision rev in the working
// tree that holds the working folder: git diff from the merge base of rev and HEAD to the
// working tree (uncommitted edits count; a renamed file counts only for its changed lines),
// plus untracked files that .gitignore does not exclude, which count whole.
func FromRev(rev string) (*Lines, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("%q is not a revision: a revision does not start with \"-\"", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, errors.New("git is not installed (or not on PATH): install git, or pass the changes as a unified diff with --new-from-patch")
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	out, err := git(wd, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%s is not in a git working tree (%w): run listlint in the repository's checkout, or use --new-from-patch", wd, err)
	}
	top := strings.TrimSuffix(string(out), "\n")
	if top == "" {
		return nil, fmt.Errorf("%s is not in a git working tree (a bare repository?): use --new-from-patch", wd)
	}
	sha, err := resolveRev(top, rev)
	if err != nil {
		return nil, err
	}
	// On a branch, rev's tip may have moved on since the branch left it: what the branch
	// changed is measured from where it left, the merge base (as git diff rev...HEAD does).
	// Where git cannot tell (a shallow clone without the fork point, no commit yet), rev.
	if mb, err := git(top, "merge-base", sha, "HEAD"); err == nil {
		if m := strings.TrimSpace(string(mb)); m != "" {
			sha = m
		}
	}
	diff, err := git(top, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
		"-M", "--src-prefix=a/", "--dst-prefix=b/", sha, "--")
	if err != nil {
		return nil, fmt.Errorf("git diff %s: %w", sha, err)
	}
	files, err := ParseDiff(diff)
	if err != nil {
		// git wrote it: a failure here is listlint's to fix.
		return nil, fmt.Errorf("cannot read the output of git diff %s: %w", sha, err)
	}
	others, err := git(top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("git ls-files: %w", err)
	}
	for _, p := range strings.Split(string(others), "\x00") {
		if p != "" {
			files[p] = &File{Whole: true}
		}
	}
	return newLines(top, files), nil
}

// resolveRev turns rev into a commit id, or explains why git does not know it.
func resolveRev(top, rev string) (string, error) {
	out, err := git(top, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err == nil {
		return strings.TrimSpace(string(out)), nil
	}
	var ge *gitError
	if !errors.As(err, &ge) || ge.code != 1 {
		return "", fmt.Errorf("git rev-parse %s: %w", rev, err)
	}
	msg := "git does not know this revision"
	fetch := "git fetch origin " + rev
	if remote, branch, ok := strings.Cut(rev, "/"); ok && isRemote(top, remote) {
		fetch = fmt.Sprintf("git fetch %s %s:refs/remotes/%s/%s", remote, branch, remote, branch)
	}
	if shallow, _ := git(top, "rev-parse", "--is-shallow-repository"); strings.TrimSpace(string(shallow)) == "true" {
		return "", fmt.Errorf("%s; this is a shallow clone: fetch it first (%s)", msg, strings.Replace(fetch, "git fetch ", "git fetch --depth=1 ", 1))
	}
	return "", fmt.Errorf("%s; check the name, or fetch it first (%s)", msg, fetch)
}

func isRemote(top, name string) bool {
	out, err := git(top, "remote")
	if err != nil {
		return false
	}
	for _, r := range strings.Split(string(out), "\n") {
		if r == name {
			return true
		}
	}
	return false
}

// gitError is a git command that failed, with what it said.
type gitError struct {
	code   int
	stderr string
}

func (e *gitError) Error() string {
	if e.stderr != "" {
		return e.stderr
	}
	return fmt.Sprintf("git exited with status %d", e.code)
}

// git runs git in dir and returns its standard output. Paths come out unquoted and no
// user setting changes the format that ParseDiff reads (settings, not flags such as
// --no-relative, so that git older than 2.28 works too); git takes no optional locks, so
// that a read-only checkout works.
func git(dir string, args ...string) ([]byte, error) {
	settings := []string{"-c", "core.quotepath=off", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false", "-c", "diff.relative=false"}
	cmd := exec.Command("git", append(settings, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return nil, &gitError{code: ee.ExitCode(), stderr: oneLine(stderr.String())}
		}
		return nil, err
	}
	return stdout.Bytes(), nil
}

// oneLine joins git's message into one line for an error.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(strings.TrimSpace(s), "\n", "; ")), " ")
}
