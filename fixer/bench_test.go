package fixer

import (
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/internal/benchcorpus"
)

// BenchmarkFix20MB runs --fix (safe fixes) on one 20 MB list made of the corpus files one
// after the other.
func BenchmarkFix20MB(b *testing.B) {
	src := benchcorpus.Concat(20 << 20)
	if src == nil {
		b.Skip("corpus not found at " + benchcorpus.Dir)
	}
	cfg := engine.DefaultConfig()
	files := []engine.File{{Path: "list.md", Src: src}}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		FixAll(files, cfg, false)
	}
}
