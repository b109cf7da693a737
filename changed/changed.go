// Package changed finds the lines a change adds or modifies, so that listlint can report
// only the problems a pull request brings in: from a git revision (the working tree against
// it, untracked files included) or from a unified diff file. It knows diffs and git, not
// rules or reports.
package changed

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/listlint/listlint/internal/oserror"
	"github.com/listlint/listlint/internal/worktree"
)

// File is what changed in one file.
type File struct {
	// Whole is set for a file that is new (or binary, or untracked): every line counts.
	Whole  bool
	ranges []lineRange // sorted, merged runs of added lines
}

type lineRange struct{ from, to int } // 1-based, inclusive

func (f *File) add(from, to int) {
	if n := len(f.ranges); n > 0 && f.ranges[n-1].to+1 >= from && f.ranges[n-1].from <= from {
		f.ranges[n-1].to = max(f.ranges[n-1].to, to)
		return
	}
	f.ranges = append(f.ranges, lineRange{from, to})
}

func (f *File) normalize() {
	sort.Slice(f.ranges, func(i, j int) bool { return f.ranges[i].from < f.ranges[j].from })
	out := f.ranges[:0]
	for _, r := range f.ranges {
		if n := len(out); n > 0 && out[n-1].to+1 >= r.from {
			out[n-1].to = max(out[n-1].to, r.to)
			continue
		}
		out = append(out, r)
	}
	f.ranges = out
}

// Touches reports whether any of the 1-based lines from..to (inclusive) was added or
// changed. A nil File (a file the change leaves alone) touches nothing.
func (f *File) Touches(from, to int) bool {
	if f == nil {
		return false
	}
	if f.Whole {
		return true
	}
	// The first run that ends at or after from.
	i := sort.Search(len(f.ranges), func(i int) bool { return f.ranges[i].to >= from })
	return i < len(f.ranges) && f.ranges[i].from <= to
}

// Lines is the set of added and changed lines of a change, by file.
type Lines struct {
	// Root is the folder the change's paths are relative to: the top of the git working
	// tree, or the working folder outside one.
	Root  string
	files map[string]*File // by resolved absolute path
}

// newLines keys files (slash paths relative to root) by their resolved absolute paths.
func newLines(root string, files map[string]*File) *Lines {
	l := &Lines{Root: root, files: make(map[string]*File, len(files))}
	for rel, f := range files {
		l.files[resolve(filepath.Join(root, filepath.FromSlash(rel)))] = f
	}
	return l
}

// File returns what changed in the file at path (absolute, or relative to the working
// folder), or nil when the change leaves it alone. Paths are compared with symbolic links
// resolved, so a temporary folder reached through a link, or a link to a list, still
// matches.
func (l *Lines) File(path string) *File {
	if l == nil {
		return nil
	}
	return l.files[resolve(path)]
}

// Len is the number of files with added or changed lines.
func (l *Lines) Len() int { return len(l.files) }

// resolve makes path absolute and resolves symbolic links in as much of it as exists.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	dir, base := filepath.Split(abs)
	dir = filepath.Clean(dir)
	if dir == abs || base == "" {
		return abs
	}
	return filepath.Join(resolve(dir), base)
}

// FromPatch reads the unified diff in the file patch. Its paths are relative to the top of
// the git working tree that holds the working folder, or to the working folder outside
// one (as git diff and diff -u run from the top write them).
func FromPatch(patch string) (*Lines, error) {
	if patch == "-" {
		return nil, errors.New("-: a patch is read from a file, not from standard input (which may hold a list): save it to a file first")
	}
	b, err := os.ReadFile(patch)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read the patch: %s", patch, oserror.Describe(err))
	}
	files, err := ParseDiff(b)
	if err != nil {
		var pe *ParseError
		if errors.As(err, &pe) && pe.Line > 0 {
			return nil, fmt.Errorf("%s:%d: %s", patch, pe.Line, pe.Msg)
		}
		return nil, fmt.Errorf("%s: %w", patch, err)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return newLines(worktree.Top(wd), files), nil
}
