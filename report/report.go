// Package report renders lint results for people and tools. Each output format is a small
// Reporter chosen by name; reporters only format, they never parse or re-lint.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

// Run is everything a reporter may show about one run.
type Run struct {
	Results []*engine.Result // files that were linted, in order
	// Errors are inputs that could not be read or parsed.
	Errors []FileError
	// Unsafe is true when unsafe fixes were requested, so that they count as fixable.
	Unsafe bool
	// Fixed counts the problems that --fix repaired in this run.
	Fixed int
}

// FileError is an input that could not be linted.
type FileError struct {
	Path string
	Line int
	Err  string
}

// Reporter writes one format.
type Reporter interface {
	Report(w io.Writer, run *Run) error
}

// Options are the presentation settings shared by reporters.
type Options struct {
	Color bool
	Quiet bool // errors only, no summary
	// Root is the repository root: the sarif and github formats give paths relative to it,
	// as GitHub resolves them. Empty means the root above the working folder.
	Root string
	// Version is listlint's version, for SARIF's tool.driver. Empty means "dev".
	Version string
}

// New returns the reporter for a format name.
func New(format string, opts Options) (Reporter, error) {
	switch format {
	case "text", "":
		return &Text{Options: opts}, nil
	case "json":
		return &JSON{Quiet: opts.Quiet}, nil
	case "sarif":
		return &SARIF{Options: withDefaults(opts)}, nil
	case "github":
		return &GitHub{Options: withDefaults(opts)}, nil
	case "checkstyle":
		return &Checkstyle{Quiet: opts.Quiet}, nil
	case "junit":
		return &JUnit{Quiet: opts.Quiet}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of: %s)", format, strings.Join(Formats(), ", "))
}

// Formats lists the format names New accepts.
func Formats() []string {
	return []string{"text", "json", "sarif", "github", "checkstyle", "junit"}
}

// Position is a 1-based line and a column in Unicode code points.
type Position struct{ Line, Column int }

// Positions converts a diagnostic's byte offsets.
func Positions(r *engine.Result, d rules.Diagnostic) (start, end Position) {
	sl, sc := r.Lines.Position(r.Src, d.Start)
	el, ec := r.Lines.Position(r.Src, d.End)
	return Position{sl, sc}, Position{el, ec}
}

// Shown returns the diagnostics a run reports, honouring quiet mode.
func Shown(r *engine.Result, quiet bool) []rules.Diagnostic {
	if !quiet {
		return r.Diags
	}
	var out []rules.Diagnostic
	for _, d := range r.Diags {
		if d.Severity == rules.Error {
			out = append(out, d)
		}
	}
	return out
}

// Counts summarises a run.
type Counts struct {
	Problems, Errors, Warnings, Fixable, UnsafeFixable, Files int
	PerRule                                                   map[string]int
	// FixablePerRule and UnsafePerRule count the problems with a safe and with an unsafe
	// fix, per rule.
	FixablePerRule, UnsafePerRule map[string]int
}

// Count totals the diagnostics of a run.
func Count(run *Run, quiet bool) Counts {
	c := Counts{PerRule: map[string]int{}, FixablePerRule: map[string]int{}, UnsafePerRule: map[string]int{}}
	for _, r := range run.Results {
		ds := Shown(r, quiet)
		if len(ds) > 0 {
			c.Files++
		}
		for _, d := range ds {
			c.Problems++
			c.PerRule[d.Rule]++
			if d.Severity == rules.Error {
				c.Errors++
			} else {
				c.Warnings++
			}
			if d.Fix != nil {
				if d.Fix.Safe {
					c.Fixable++
					c.FixablePerRule[d.Rule]++
				} else {
					c.UnsafeFixable++
					c.UnsafePerRule[d.Rule]++
				}
			}
		}
	}
	return c
}

// RuleIDs returns the rule ids of a count, sorted.
func (c Counts) RuleIDs() []string {
	ids := make([]string, 0, len(c.PerRule))
	for id := range c.PerRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// fixable splits counts of problems with a safe and with an unsafe fix by what this run's
// --fix applies: with --unsafe-fixes both are fixable; without, the unsafe ones are more
// that --unsafe-fixes would fix.
func (run *Run) fixable(safe, unsafe int) (fixable, more int) {
	if run.Unsafe {
		return safe + unsafe, 0
	}
	return safe, unsafe
}
