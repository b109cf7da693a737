// Package worktree finds the top of the git working tree that holds a folder by looking
// for .git, without running git: listlint needs the repository root where git may not be
// installed (repository-relative paths in SARIF and GitHub annotations, patch paths, where
// the search for a configuration file stops).
package worktree

import (
	"os"
	"path/filepath"
)

// IsTop reports whether dir holds .git (a folder, or a file in a linked worktree or a
// submodule).
func IsTop(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}

// Top returns the nearest folder at or above dir (made absolute) that holds .git, or dir
// itself (absolute) when there is none.
func Top(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if IsTop(d) {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs
		}
		d = parent
	}
}
