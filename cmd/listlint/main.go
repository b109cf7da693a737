// Command listlint lints and fixes curated Markdown link lists.
package main

import (
	"os"
	"runtime/debug"

	"github.com/listlint/listlint/cli"
)

func main() {
	// A lint run allocates a parse tree per file and exits: trade memory for less time in
	// the garbage collector.
	debug.SetGCPercent(400)
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
