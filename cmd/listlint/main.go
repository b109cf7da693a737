// Command listlint lints and fixes curated Markdown link lists.
package main

import (
	"os"

	"github.com/listlint/listlint/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
