// Command listlint lints and fixes curated Markdown link lists.
package main

import (
	"os"
	"runtime/debug"

	"github.com/listlint/listlint/cli"
)

// memoryLimit is the heap size past which the garbage collector works harder rather than
// let the process grow: a 20 MB list keeps about 250 MB of parse tree alive while its rules
// run, and GC percent 400 alone would let the heap reach several times that.
const memoryLimit = 480 << 20

func main() {
	// A lint run allocates a parse tree per file and exits: trade memory for less time in
	// the garbage collector, up to memoryLimit (GOGC and GOMEMLIMIT, when set, win).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
