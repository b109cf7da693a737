package fixer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/internal/benchcorpus"
	"github.com/listlint/listlint/rules"
)

// corpusDir holds real lists from public repositories, beside the repository in CI and on
// developers' machines; the tests that use it skip where it is absent.
const corpusDir = benchcorpus.Dir

func corpusFolders(t testing.TB) []string {
	ents, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Skipf("corpus not found at %s: %v", corpusDir, err)
	}
	var dirs []string
	for _, e := range ents {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(corpusDir, e.Name()))
		}
	}
	return dirs
}

func readMarkdown(t testing.TB, dir string) []engine.File {
	paths, srcs := benchcorpus.Files(dir)
	files := make([]engine.File, len(paths))
	for i := range paths {
		files[i] = engine.File{Path: paths[i], Src: srcs[i]}
	}
	return files
}

// TestCorpusFix runs --fix with every rule on (sort-order included) over each corpus
// folder: fixes must settle, keep every URL of every file, and be idempotent.
func TestCorpusFix(t *testing.T) {
	cfg := engine.DefaultConfig()
	for id, rc := range cfg.Rules {
		if rc.Severity == rules.Off && !strings.HasPrefix(id, "test-") {
			rc.Severity = rules.Error
			cfg.Rules[id] = rc
		}
	}
	for _, dir := range corpusFolders(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files := readMarkdown(t, dir)
			once := FixAll(files, cfg, false)
			for _, p := range once.Problems {
				t.Error(p)
			}
			changed := 0
			for i, f := range once.Files {
				if once.Changed(i, files) {
					changed++
				}
				if lost, added := urlDiff(files[i].Src, f.Src); len(lost) > 0 || len(added) > 0 {
					t.Errorf("%s: --fix lost URLs %q or added %q", f.Path, lost, added)
				}
			}
			twice := FixAll(once.Files, cfg, false)
			for i := range twice.Files {
				if twice.Changed(i, once.Files) {
					t.Errorf("%s: a second --fix changed the file", files[i].Path)
				}
			}
			t.Logf("%d files, %d changed by --fix", len(files), changed)
		})
	}
}
