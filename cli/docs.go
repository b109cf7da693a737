package cli

import (
	"fmt"
	"io"

	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/ruledoc"
	"github.com/listlint/listlint/rules"
)

// runRules is "listlint rules": the table of rules.
func runRules(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return usageError(stderr, "rules takes no arguments; for one rule, run 'listlint explain RULE'")
	}
	if err := ruledoc.Table(stdout); err != nil {
		fmt.Fprintln(stderr, "listlint:", err)
		return ExitError
	}
	return ExitClean
}

// runExplain is "listlint explain RULE": one rule's documentation.
func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return usageError(stderr, "explain: name one rule, e.g. 'listlint explain year-suffix'")
	}
	r := rules.Lookup(args[0])
	if r == nil {
		var ids []string
		for _, v := range ruledoc.Visible() {
			ids = append(ids, v.ID)
		}
		if s := config.Suggest(args[0], ids); s != "" {
			return usageError(stderr, "explain: unknown rule %q; did you mean %q?", args[0], s)
		}
		return usageError(stderr, "explain: unknown rule %q; 'listlint rules' lists them", args[0])
	}
	if err := ruledoc.Explain(stdout, r); err != nil {
		fmt.Fprintln(stderr, "listlint:", err)
		return ExitError
	}
	return ExitClean
}
