// Command listlint lints and fixes curated Markdown link lists.
package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/listlint/listlint/cli"
)

// A lint run keeps about 12 bytes of parse tree per byte of the file being checked (a 20 MB
// list: 250 MB), allocates more around it, and exits. The heap may grow to memoryLimit, or
// to heapPerInput times the size of the input when that is more: below that, the garbage
// collector runs at GC percent 400; a fixed limit under the live heap would make it run
// without pause.
const (
	memoryLimit  = 480 << 20
	heapPerInput = 24
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(max(memoryLimit, heapPerInput*inputSize(os.Args[1:])))
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// inputSize estimates the bytes the command will read: the sizes of the files named on the
// command line and of the Markdown files under the directories named there.
func inputSize(args []string) int64 {
	var n int64
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		st, err := os.Stat(a)
		switch {
		case err != nil:
		case st.Mode().IsRegular():
			n += st.Size()
		case st.IsDir():
			_ = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
					if info, err := d.Info(); err == nil {
						n += info.Size()
					}
				}
				return nil
			})
		}
	}
	return n
}
