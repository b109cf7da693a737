package cli_test

// End-to-end tests of the listlint command. Two binaries are used:
//
//   - testscript.Main registers the real entry point (cli.Run, exactly what
//     cmd/listlint/main.go calls) as the command "listlint": scripts in
//     testdata/script run it as a separate process, like a user would.
//   - TestMain also builds cmd/listlint with `go build` into a world-readable
//     temporary folder, for the Go tests that need a binary of their own (the
//     permission test runs it as another user, the colour tests on a terminal).

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/listlint/listlint/cli"
)

// builtBinary is the path of the listlint binary built by TestMain; buildErr says why
// there is none.
var (
	builtBinary string
	buildErr    error
)

func TestMain(m *testing.M) {
	testscript.Main(withBuiltBinary{m}, map[string]func(){
		"listlint": func() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// withBuiltBinary builds the binary before the tests run. testscript.Main calls Run only
// for the top-level test process, not when the test binary runs as "listlint".
type withBuiltBinary struct{ m *testing.M }

func (w withBuiltBinary) Run() int {
	dir, err := os.MkdirTemp("", "listlint-e2e-bin-")
	if err != nil {
		buildErr = err
		return w.m.Run()
	}
	defer os.RemoveAll(dir)
	builtBinary, buildErr = buildListlint(dir)
	return w.m.Run()
}

// buildListlint runs go build into dir, which it makes readable and searchable by every
// user so that the binary can run under another uid.
func buildListlint(dir string) (string, error) {
	if err := os.Chmod(dir, 0o755); err != nil {
		return "", err
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("go build: %w", err)
	}
	bin := filepath.Join(dir, "listlint")
	cmd := exec.Command(gobin, "build", "-buildvcs=false", "-o", bin, "github.com/listlint/listlint/cmd/listlint")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/listlint: %w\n%s", err, out)
	}
	if err := os.Chmod(bin, 0o755); err != nil {
		return "", err
	}
	return bin, nil
}

// listlintBinary returns the binary built by TestMain or fails the test.
func listlintBinary(t *testing.T) string {
	t.Helper()
	if buildErr != nil {
		t.Fatalf("no listlint binary: %v", buildErr)
	}
	return builtBinary
}

// requireTools reports whether a missing external tool must fail the tests instead of
// skipping them, as CI asks with LISTLINT_REQUIRE_TOOLS=1.
func requireTools() bool { return os.Getenv("LISTLINT_REQUIRE_TOOLS") == "1" }

func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			// The repository root, for the script that lints the real demo folder.
			env.Setenv("REPO", repo)
			return nil
		},
		Condition: scriptCondition,
		Cmds:      scriptCommands,
	})
}
