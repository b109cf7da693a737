package engine

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/listlint/listlint/internal/benchcorpus"
	"github.com/listlint/listlint/internal/gctune"
)

// genList writes a knowledge-wiki style list of n entries across sections, with the mix of
// forms the rules look at: years, annotations, nested entries, a few problems.
func genList(n int) []byte {
	var b strings.Builder
	b.WriteString("# Generated\n\n")
	for i := range n {
		if i%50 == 0 {
			fmt.Fprintf(&b, "\n## Section %d\n\n", i/50)
		}
		switch i % 7 {
		case 0:
			fmt.Fprintf(&b, "- [Entry number %d (20%02d)](https://example.com/%d) - Description of entry %d. ([HN](https://news.ycombinator.com/item?id=%d))\n", i, i%25, i, i, i)
		case 1:
			fmt.Fprintf(&b, "- [Entry number %d, 2019](https://example.com/%d) - lower case description\n", i, i)
		case 2:
			fmt.Fprintf(&b, "  - [Nested %d](https://github.com/owner/repo%d) - Nested entry.\n", i, i)
		case 3:
			fmt.Fprintf(&b, "- [Entry %d](https://example.org/a/%d) – Dash separator.\n", i, i)
		default:
			fmt.Fprintf(&b, "- [Entry %d](https://example.net/%d/) - A plain entry with `code` and *emphasis*.\n", i, i)
		}
	}
	return []byte(b.String())
}

func BenchmarkLint(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			if n > 100_000 && testing.Short() {
				b.Skip("skipped under -short")
			}
			src := genList(n)
			cfg := DefaultConfig()
			files := []File{{Path: "list.md", Src: src}}
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Lint(files, cfg)
			}
		})
	}
}

// BenchmarkGoldmarkBaseline parses and walks the same lists with goldmark alone, in the
// configuration mdsrc uses: the floor that linting is measured against.
func BenchmarkGoldmarkBaseline(b *testing.B) {
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
	for _, n := range []int{1_000, 10_000, 100_000} {
		src := genList(n)
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				doc := md.Parser().Parse(text.NewReader(src))
				nodes := 0
				_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
					if entering {
						nodes++
					}
					return ast.WalkContinue, nil
				})
			}
		})
	}
}

// BenchmarkGoldmarkCorpus parses and walks each corpus folder's files with goldmark alone,
// in mdsrc's configuration and in parallel over files as Lint does: the floor that
// BenchmarkCorpus is measured against.
func BenchmarkGoldmarkCorpus(b *testing.B) {
	dirs, _ := filepath.Glob(benchcorpus.Dir + "/*")
	if len(dirs) == 0 {
		b.Skip("corpus not found at " + benchcorpus.Dir)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
	for _, dir := range dirs {
		_, srcs := benchcorpus.Files(dir)
		if len(srcs) == 0 {
			continue
		}
		size := 0
		for _, s := range srcs {
			size += len(s)
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			b.SetBytes(int64(size))
			defer reportCPU(b, cpuTime())
			for b.Loop() {
				goldmarkFiles(md, srcs)
			}
		})
	}
}

// goldmarkFiles parses and walks srcs with md in parallel over files, as Lint does.
func goldmarkFiles(md goldmark.Markdown, srcs [][]byte) {
	workers := min(runtime.GOMAXPROCS(0), len(srcs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				doc := md.Parser().Parse(text.NewReader(srcs[i]))
				nodes := 0
				_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
					if entering {
						nodes++
					}
					return ast.WalkContinue, nil
				})
			}
		})
	}
	for i := range srcs {
		next <- i
	}
	close(next)
	wg.Wait()
}

// BenchmarkCorpusVsGoldmark alternates BenchmarkGoldmarkCorpus's and BenchmarkCorpus's work
// on the knowledge folder, once each per iteration, and reports the ratio of their total
// times: on a shared machine a burst of load then slows both sides alike, where two
// benchmarks run one after the other can disagree by half. It also reports each side's
// milliseconds per iteration. Both sides run under Go's default garbage collector setting
// (gc=default) and under the listlint command's (gc=command, internal/gctune).
func BenchmarkCorpusVsGoldmark(b *testing.B) {
	paths, srcs := benchcorpus.Files(benchcorpus.Dir + "/knowledge")
	if len(srcs) == 0 {
		b.Skip("corpus not found at " + benchcorpus.Dir)
	}
	files := make([]File, len(srcs))
	size := 0
	for i := range srcs {
		files[i] = File{Path: paths[i], Src: srcs[i]}
		size += len(srcs[i])
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))
	cfg := DefaultConfig()
	for _, gc := range []string{"default", "command"} {
		b.Run("gc="+gc, func(b *testing.B) {
			if gc == "command" {
				defer gctune.Set(int64(size))()
			}
			runtime.GC()
			var gold, lint time.Duration
			for b.Loop() {
				t0 := time.Now()
				goldmarkFiles(md, srcs)
				t1 := time.Now()
				Lint(files, cfg)
				gold, lint = gold+t1.Sub(t0), lint+time.Since(t1)
			}
			b.ReportMetric(float64(lint)/float64(gold), "ratio")
			b.ReportMetric(float64(gold.Milliseconds())/float64(b.N), "goldmark-ms/op")
			b.ReportMetric(float64(lint.Milliseconds())/float64(b.N), "listlint-ms/op")
		})
	}
}

// BenchmarkLint20MB lints one 20 MB list made of the corpus files one after the other.
func BenchmarkLint20MB(b *testing.B) {
	src := benchcorpus.Concat(20 << 20)
	if src == nil {
		b.Skip("corpus not found at " + benchcorpus.Dir)
	}
	cfg := DefaultConfig()
	files := []File{{Path: "list.md", Src: src}}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Lint(files, cfg)
	}
}

// TestWrite20MB writes the 20 MB list of BenchmarkLint20MB to $LISTLINT_20MB, to time the
// command on it.
func TestWrite20MB(t *testing.T) {
	path := os.Getenv("LISTLINT_20MB")
	if path == "" {
		t.Skip("set LISTLINT_20MB to a file name to write the 20 MB list")
	}
	src := benchcorpus.Concat(20 << 20)
	if src == nil {
		t.Skip("corpus not found at " + benchcorpus.Dir)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkCorpus lints each real list folder of ../shared/corpus in one call, as the
// command does (all default rules, files in parallel).
func BenchmarkCorpus(b *testing.B) {
	dirs, _ := filepath.Glob("../../shared/corpus/*")
	if len(dirs) == 0 {
		b.Skip("corpus not found at ../../shared/corpus")
	}
	for _, dir := range dirs {
		var files []File
		size := 0
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				src, _ := os.ReadFile(p)
				files = append(files, File{Path: p, Src: src})
				size += len(src)
			}
			return nil
		})
		if len(files) == 0 {
			continue
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			cfg := DefaultConfig()
			b.SetBytes(int64(size))
			defer reportCPU(b, cpuTime())
			for b.Loop() {
				Lint(files, cfg)
			}
		})
	}
}

// cpuTime is the CPU time the process has used, in user and system mode, on all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time per operation since start (garbage collection included):
// on a shared machine it varies less than the wall time.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
}
