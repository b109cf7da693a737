// Package tooltest finds the outside programs some tests need (git, patch, pre-commit, act,
// actionlint, the SARIF Multitool). A missing program skips the test with a message saying
// how to get it, unless LISTLINT_REQUIRE_TOOLS=1 (set by .ci/run), which makes it a failure.
package tooltest

import (
	"os"
	"os/exec"
	"testing"
)

// Required reports whether missing tools fail tests instead of skipping them.
func Required() bool { return os.Getenv("LISTLINT_REQUIRE_TOOLS") == "1" }

// Require returns the path of program name on PATH, or skips (or fails) the test. hint says
// how to install it.
func Require(t testing.TB, name, hint string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	Missing(t, name+" not on PATH ("+hint+")")
	return ""
}

// Missing skips the test because of what is missing, or fails it when tools are required.
func Missing(t testing.TB, what string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s; LISTLINT_REQUIRE_TOOLS=1 requires it", what)
	}
	t.Skipf("skipped: %s; set LISTLINT_REQUIRE_TOOLS=1 to fail instead", what)
}
