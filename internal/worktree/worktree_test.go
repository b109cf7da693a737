package worktree

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTop(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "a", "b")
	sub := filepath.Join(repo, "sub")
	for _, d := range []string{filepath.Join(repo, ".git"), deep, sub} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A submodule or linked worktree has a .git file.
	if err := os.WriteFile(filepath.Join(sub, ".git"), []byte("gitdir: ../.git/modules/sub\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{deep: repo, repo: repo, sub: sub, root: root} {
		if got := Top(dir); got != want {
			t.Errorf("Top(%s) = %s, want %s", dir, got, want)
		}
	}
	if IsTop(deep) || !IsTop(repo) || !IsTop(sub) {
		t.Error("IsTop: only folders holding .git are tops")
	}
}
