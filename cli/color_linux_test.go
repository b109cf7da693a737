//go:build linux

package cli_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair: what the program writes to tty can be read from
// ptm.
func openPTY(t *testing.T) (ptm, tty *os.File) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptm.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		ptm.Close()
		t.Skipf("no pseudo-terminal here: unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptm.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		ptm.Close()
		t.Skipf("no pseudo-terminal here: ptsname: %v", e)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		ptm.Close()
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	return ptm, tty
}

// runOnTerminal runs the built binary with one of its outputs on a terminal and the other
// on a pipe, and returns what each received.
func runOnTerminal(t *testing.T, dir string, env []string, stdin string, ttyStream string, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	ptm, tty := openPTY(t)
	defer ptm.Close()
	cmd := exec.Command(listlintBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	var pipe bytes.Buffer
	if ttyStream == "stdout" {
		cmd.Stdout, cmd.Stderr = tty, &pipe
	} else {
		cmd.Stdout, cmd.Stderr = &pipe, tty
	}
	if err := cmd.Start(); err != nil {
		tty.Close()
		t.Fatal(err)
	}
	tty.Close() // the child has its own copy; reading ptm ends when the child exits
	var term bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&term, ptm) // ends with EIO once no one has the terminal open
		close(done)
	}()
	err := cmd.Wait()
	<-done
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	if ee != nil {
		status = ee.ExitCode()
	}
	if ttyStream == "stdout" {
		return status, term.String(), pipe.String()
	}
	return status, pipe.String(), term.String()
}

// environ is the test's environment without the variables that steer colour, plus extra.
func environ(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "NO_COLOR" && k != "TERM" && k != "FORCE_COLOR" {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// TestColorOnTerminal checks --color auto where it matters, on a real terminal: colour on
// a terminal unless NO_COLOR is set or TERM is dumb; never colour where the report does not
// go to a terminal.
func TestColorOnTerminal(t *testing.T) {
	dir := t.TempDir()
	const list = "- [Alpha, 2019](https://alpha.example) - The first letter.\n"
	if err := os.WriteFile(filepath.Join(dir, "list.md"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	// A problem that --fix leaves, so that the report after --fix has something to colour.
	const partly = list + "- [Again](https://alpha.example) - The same link.\n"
	const partlyFixed = "- [Alpha (2019)](https://alpha.example) - The first letter.\n- [Again](https://alpha.example) - The same link.\n"
	const esc = "\x1b["
	tests := []struct {
		name     string
		env      []string
		args     []string
		stdin    string
		tty      string // "stdout" or "stderr": which stream is the terminal
		colorTTY bool   // escape codes expected on the terminal
		wantPipe string // text expected on the other stream
		wantTTY  string // text expected on the terminal
	}{
		{name: "auto", env: environ("TERM=xterm"), args: []string{"--color", "auto", "list.md"}, tty: "stdout", colorTTY: true, wantTTY: "list.md:1:9"},
		{name: "default is auto", env: environ("TERM=xterm"), args: []string{"list.md"}, tty: "stdout", colorTTY: true, wantTTY: "list.md:1:9"},
		{name: "NO_COLOR", env: environ("TERM=xterm", "NO_COLOR=1"), args: []string{"--color", "auto", "list.md"}, tty: "stdout", wantTTY: "list.md:1:9: error:"},
		{name: "TERM=dumb", env: environ("TERM=dumb"), args: []string{"list.md"}, tty: "stdout", wantTTY: "list.md:1:9: error:"},
		{name: "never", env: environ("TERM=xterm"), args: []string{"--color", "never", "list.md"}, tty: "stdout", wantTTY: "list.md:1:9: error:"},
		{name: "always with NO_COLOR", env: environ("TERM=xterm", "NO_COLOR=1"), args: []string{"--color", "always", "list.md"}, tty: "stdout", colorTTY: true, wantTTY: "list.md:1:9"},
		// As a formatter the fixed text goes to stdout and the report to stderr: whether to
		// colour the report depends on stderr, not stdout.
		{name: "fix stdin, report to a pipe", env: environ("TERM=xterm"), args: []string{"--fix", "-"}, stdin: partly, tty: "stdout", wantTTY: "Alpha (2019)", wantPipe: "<stdin>:2:3: error: duplicate URL"},
		{name: "fix stdin, report to a terminal", env: environ("TERM=xterm"), args: []string{"--fix", "-"}, stdin: partly, tty: "stderr", colorTTY: true, wantTTY: "duplicate URL", wantPipe: partlyFixed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, stdout, stderr := runOnTerminal(t, dir, tc.env, tc.stdin, tc.tty, tc.args...)
			term, pipe := stdout, stderr
			if tc.tty == "stderr" {
				term, pipe = stderr, stdout
			}
			if got := strings.Contains(term, esc); got != tc.colorTTY {
				t.Errorf("escape codes on the terminal (%s): %v, want %v\n%q", tc.tty, got, tc.colorTTY, term)
			}
			if strings.Contains(pipe, esc) {
				t.Errorf("escape codes on the pipe:\n%q", pipe)
			}
			if !strings.Contains(term, tc.wantTTY) {
				t.Errorf("terminal output lacks %q:\n%q", tc.wantTTY, term)
			}
			if !strings.Contains(pipe, tc.wantPipe) {
				t.Errorf("piped output lacks %q:\n%q", tc.wantPipe, pipe)
			}
		})
	}
}
