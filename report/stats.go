package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/listlint/listlint/rules"
)

// Statistics writes the number of problems per rule, most frequent first.
func Statistics(w io.Writer, run *Run, quiet bool) error {
	c := Count(run, quiet)
	ids := c.RuleIDs()
	sortByCount(ids, c.PerRule)
	for _, id := range ids {
		if _, err := fmt.Fprintf(w, "%6d  %s\n", c.PerRule[id], id); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "%6d  %s\n", c.Problems, "problems in all")
	return err
}

// WriteCounts appends name=value lines with the counts of a run, the form of $GITHUB_OUTPUT.
func WriteCounts(w io.Writer, run *Run, quiet bool) error {
	c := Count(run, quiet)
	_, err := fmt.Fprintf(w, "problems=%d\nerrors=%d\nwarnings=%d\nfixable=%d\nfiles=%d\n",
		c.Problems, c.Errors, c.Warnings, c.Fixable, c.Files)
	return err
}

// Summary writes a Markdown summary of a run: counts per rule.
func Summary(w io.Writer, run *Run, quiet bool) error {
	c := Count(run, quiet)
	if _, err := fmt.Fprintf(w, "### listlint: %d problems in %d files\n\n", c.Problems, c.Files); err != nil {
		return err
	}
	if c.Problems == 0 {
		return nil
	}
	ids := c.RuleIDs()
	sortByCount(ids, c.PerRule)
	fmt.Fprintln(w, "| Rule | Problems |\n| --- | ---: |")
	for _, id := range ids {
		fmt.Fprintf(w, "| [%s](%s) | %d |\n", id, rules.DocURL(id), c.PerRule[id])
	}
	_, err := fmt.Fprintln(w)
	return err
}

// sortByCount orders rule ids by descending count, then by id.
func sortByCount(ids []string, n map[string]int) {
	sort.SliceStable(ids, func(i, j int) bool {
		if n[ids[i]] != n[ids[j]] {
			return n[ids[i]] > n[ids[j]]
		}
		return ids[i] < ids[j]
	})
}
