// Command listlint lints and fixes curated Markdown link lists.
package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/listlint/listlint/cli"
	"github.com/listlint/listlint/internal/gctune"
)

func main() {
	// The garbage collector settings of internal/gctune, unless the environment sets others.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gctune.GCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gctune.Limit(inputSize(os.Args[1:])))
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
