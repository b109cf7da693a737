// Package benchcorpus builds benchmark inputs from the real lists in ../shared/corpus,
// which sits beside the repository in CI and on developers' machines.
package benchcorpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Dir is the corpus as seen from a package directory of this module.
const Dir = "../../shared/corpus"

// Files reads the Markdown files under dir, sorted by path.
func Files(dir string) (paths []string, srcs [][]byte) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	for _, p := range paths {
		src, _ := os.ReadFile(p)
		srcs = append(srcs, src)
	}
	return paths, srcs
}

// Concat returns one list of at least size bytes made of every corpus file, in path order,
// one after the other (repeated when the corpus is smaller), or nil when there is no corpus.
func Concat(size int) []byte {
	_, srcs := Files(Dir)
	if len(srcs) == 0 {
		return nil
	}
	out := make([]byte, 0, size+1<<20)
	for len(out) < size {
		for _, s := range srcs {
			out = append(out, s...)
			if len(out) > 0 && out[len(out)-1] != '\n' {
				out = append(out, '\n')
			}
			out = append(out, '\n')
			if len(out) >= size {
				break
			}
		}
	}
	return out
}
