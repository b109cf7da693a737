package changed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/internal/worktree"
)

// TestFromPatchPaths checks how a patch's paths meet the paths listlint was given: relative
// to the top of the working tree (found by its .git, without git), from a subfolder,
// through a symbolic link, and for files that do not exist (standard input's name).
func TestFromPatchPaths(t *testing.T) {
	real := t.TempDir()
	top := filepath.Join(real, "repo")
	for _, d := range []string{filepath.Join(top, ".git"), filepath.Join(top, "docs", "deep")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	patch := filepath.Join(real, "change.diff")
	diff := "--- a/docs/list.md\n+++ b/docs/list.md\n@@ -2,0 +3,2 @@\n+x\n+y\n" +
		"--- /dev/null\n+++ b/docs/new.md\n@@ -0,0 +1 @@\n+z\n"
	if err := os.WriteFile(patch, []byte(diff), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(top, link); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}

	t.Chdir(filepath.Join(link, "docs", "deep"))
	lines, err := FromPatch(patch)
	if err != nil {
		t.Fatal(err)
	}
	if lines.Len() != 2 {
		t.Errorf("Len() = %d, want 2", lines.Len())
	}
	tests := []struct {
		path     string
		from, to int
		want     bool
	}{
		{"../list.md", 3, 3, true},
		{"../list.md", 1, 2, false},
		{"../list.md", 4, 9, true},
		{"../list.md", 5, 9, false},
		{filepath.Join(top, "docs", "list.md"), 4, 4, true},
		{filepath.Join(link, "docs", "list.md"), 4, 4, true},
		{"../new.md", 50, 50, true}, // new: every line, even past the patch's
		{"../../docs/./deep/../new.md", 1, 1, true},
		{"list.md", 3, 3, false}, // docs/deep/list.md is another file
		{"../other.md", 1, 99, false},
	}
	for _, tt := range tests {
		if got := lines.File(tt.path).Touches(tt.from, tt.to); got != tt.want {
			t.Errorf("File(%q).Touches(%d, %d) = %v, want %v", tt.path, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestFromPatchOutsideWorkingTree(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("p.diff", []byte("--- list.md\n+++ list.md\n@@ -1 +1 @@\n-a\n+b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if top := worktree.Top(dir); top != dir {
		t.Skipf("the temporary folder %s is inside a working tree (%s)", dir, top)
	}
	lines, err := FromPatch("p.diff")
	if err != nil {
		t.Fatal(err)
	}
	if !lines.File("list.md").Touches(1, 1) || !lines.File(filepath.Join(dir, "list.md")).Touches(1, 1) {
		t.Error("outside a working tree, the patch's paths are not relative to the working folder")
	}
}

func TestFromPatchErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("bad.diff", []byte("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ patch, want string }{
		{"missing.diff", "missing.diff: cannot read the patch: no such file or folder"},
		{"bad.diff", `bad.diff:6: the hunk at line 3 has more lines than its header "@@ -1 +1 @@" counts`},
		{"-", "-: a patch is read from a file, not from standard input"},
	}
	for _, tt := range tests {
		_, err := FromPatch(tt.patch)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("FromPatch(%q) = %v, want an error starting %q", tt.patch, err, tt.want)
		}
	}
}
