package report

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/internal/benchcorpus"
)

// BenchmarkReports writes each format for the knowledge wiki's problems (about 1,800 in
// 985 files): what a CI run over a large list costs beyond linting.
func BenchmarkReports(b *testing.B) {
	paths, srcs := benchcorpus.Files(filepath.Join(benchcorpus.Dir, "knowledge"))
	if len(paths) == 0 {
		b.Skip("corpus not found at " + benchcorpus.Dir)
	}
	files := make([]engine.File, len(paths))
	for i := range paths {
		files[i] = engine.File{Path: paths[i], Src: srcs[i]}
	}
	run := &Run{Results: engine.Lint(files, engine.DefaultConfig())}
	root, _ := filepath.Abs(benchcorpus.Dir)
	for _, format := range Formats() {
		rep, err := New(format, Options{Root: root, Version: "v1.0.0"})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if err := rep.Report(io.Discard, run); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("summary", func(b *testing.B) {
		for b.Loop() {
			if err := Summary(io.Discard, run, SummaryOptions{Root: root, ServerURL: "https://github.com", Repository: "o/r", Commit: "0123456789abcdef0123456789abcdef01234567"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
