//go:build unix

package cli_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// nobody is the user the permission test runs listlint as when the tests run as root, who
// could read a mode 0000 file.
const nobody = 65534

// TestUnreadable runs the built binary on a file and a folder it may not read: a clear
// message naming the path, exit 2, the readable inputs still reported, and nothing
// written even with --fix.
func TestUnreadable(t *testing.T) {
	bin := listlintBinary(t)
	dir, err := os.MkdirTemp("", "listlint-perm-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// A non-root owner needs the locked folder back to delete what is inside.
		os.Chmod(filepath.Join(dir, "docs", "locked"), 0o755)
		os.Chmod(filepath.Join(dir, "ro"), 0o755)
		os.RemoveAll(dir)
	})
	const secret = "- [Secret, 2019](https://secret.example) - A fixable entry.\n"
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("secret.md", secret)
	write("ok.md", "- [Open, 2019](https://open.example) - A readable entry.\n")
	write("docs/ok.md", "- [Docs, 2019](https://docs.example) - A readable entry.\n")
	write("docs/locked/hidden.md", secret)
	const stuck = "- [Stuck, 2019](https://stuck.example) - A fixable entry in a read-only folder.\n"
	write("ro/list.md", stuck)
	for p, mode := range map[string]os.FileMode{
		dir:                                  0o755,
		filepath.Join(dir, "docs"):           0o755,
		filepath.Join(dir, "secret.md"):      0o000,
		filepath.Join(dir, "docs", "locked"): 0o000,
		filepath.Join(dir, "ro"):             0o555,
	} {
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}

	run := func(t *testing.T, args ...string) (status int, stdout, stderr string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		if os.Geteuid() == 0 {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
		}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		switch {
		case err == nil:
		case errors.As(err, &ee):
			status = ee.ExitCode()
		default:
			t.Fatalf("cannot run %s as uid %d (the binary and %s must be reachable by that user): %v", bin, nobody, dir, err)
		}
		if s := errb.String(); crashRE.MatchString(s) {
			t.Fatalf("listlint crashed:\n%s", s)
		}
		return status, out.String(), errb.String()
	}
	check := func(t *testing.T, args []string, wantStatus int, wantStderr []string, wantStdout []string) {
		t.Helper()
		status, stdout, stderr := run(t, args...)
		if status != wantStatus {
			t.Errorf("listlint %s: exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), status, wantStatus, stdout, stderr)
		}
		for _, w := range wantStderr {
			if !strings.Contains(stderr, w) {
				t.Errorf("listlint %s: stderr lacks %q:\n%s", strings.Join(args, " "), w, stderr)
			}
		}
		for _, w := range wantStdout {
			if !strings.Contains(stdout, w) {
				t.Errorf("listlint %s: stdout lacks %q:\n%s", strings.Join(args, " "), w, stdout)
			}
		}
		if len(wantStdout) == 0 && stdout != "" {
			t.Errorf("listlint %s: unexpected stdout:\n%s", strings.Join(args, " "), stdout)
		}
	}

	t.Run("file", func(t *testing.T) {
		check(t, []string{"secret.md"}, 2, []string{"listlint: secret.md: permission denied\n"}, nil)
	})
	t.Run("file with --fix", func(t *testing.T) {
		check(t, []string{"--fix", "secret.md"}, 2, []string{"listlint: secret.md: permission denied\n"}, nil)
		fi, err := os.Stat(filepath.Join(dir, "secret.md"))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0 {
			t.Errorf("secret.md: mode %#o after --fix, want 0", fi.Mode().Perm())
		}
		if got, err := os.ReadFile(filepath.Join(dir, "secret.md")); err != nil || string(got) != secret {
			// As a non-root user the read fails: chmod back to look.
			os.Chmod(filepath.Join(dir, "secret.md"), 0o600)
			got, _ = os.ReadFile(filepath.Join(dir, "secret.md"))
			os.Chmod(filepath.Join(dir, "secret.md"), 0)
			if string(got) != secret {
				t.Errorf("secret.md changed by --fix: %q", got)
			}
		}
	})
	t.Run("file next to a readable one", func(t *testing.T) {
		check(t, []string{"secret.md", "ok.md"}, 2,
			[]string{"listlint: secret.md: permission denied\n"},
			[]string{"ok.md:1:8: error: year should be written as \" (2019)\""})
	})
	t.Run("folder", func(t *testing.T) {
		check(t, []string{"docs"}, 2,
			[]string{"listlint: docs/locked: permission denied\n"},
			[]string{"docs/ok.md:1:8: error: year should be written as \" (2019)\""})
	})
	// --fix on a readable file in a folder it cannot write to: the fixes cannot be saved, so
	// the run fails (exit 2) with a message naming the file, and the report does not claim
	// they were made.
	t.Run("fix in a read-only folder", func(t *testing.T) {
		status, stdout, stderr := run(t, "--fix", "ro/list.md")
		if status != 2 {
			t.Errorf("exit status %d, want 2", status)
		}
		if want := "listlint: ro/list.md: cannot write the fixes: permission denied\n"; !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
		if strings.Contains(stdout, "fixed") || strings.Contains(stdout, "no problems") {
			t.Errorf("the report claims the fixes were made:\n%s", stdout)
		}
		if got, err := os.ReadFile(filepath.Join(dir, "ro", "list.md")); err != nil || string(got) != stuck {
			t.Errorf("ro/list.md changed: %q, %v", got, err)
		}
		status, stdout, _ = run(t, "--fix", "--format", "json", "ro/list.md")
		if status != 2 || !strings.Contains(stdout, `"path": "ro/list.md"`) || !strings.Contains(stdout, "cannot write the fixes") {
			t.Errorf("--format json: exit status %d, want 2 and the file under \"errors\":\n%s", status, stdout)
		}
	})
}
