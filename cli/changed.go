package cli

import (
	"fmt"

	"github.com/listlint/listlint/changed"
	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/report"
	"github.com/listlint/listlint/rules"
)

// keepChanged drops the diagnostics that are not on lines added or changed since rev (or by
// the unified diff in the file patch). A diagnostic stays when any line of its span
// changed, or of a place it concerns (rules.Diagnostic.Related): every rule has seen every
// file, so a new entry that repeats an old entry's URL is reported, and so is the old
// entry's line when the new one was added above it; a new heading that the table of
// contents misses is reported on the contents list, which did not change.
func keepChanged(run *report.Run, rev, patch string) error {
	var lines *changed.Lines
	var err error
	if rev != "" {
		if lines, err = changed.FromRev(rev); err != nil {
			return fmt.Errorf("--new-from-rev %s: %w", rev, err)
		}
	} else if lines, err = changed.FromPatch(patch); err != nil {
		return fmt.Errorf("--new-from-patch %w", err)
	}
	byPath := make(map[string]*engine.Result, len(run.Results))
	for _, r := range run.Results {
		byPath[r.Path] = r
	}
	for _, r := range run.Results {
		f := lines.File(r.Path)
		var kept []rules.Diagnostic
		for _, d := range r.Diags {
			if f.Touches(spanLines(r, d.Start, d.End)) || relatedChanged(lines, byPath, r, d) {
				kept = append(kept, d)
			}
		}
		r.Diags = kept
	}
	return nil
}

// spanLines returns the first and last line of the half-open byte span start..end.
func spanLines(r *engine.Result, start, end int) (from, to int) {
	from = r.Lines.Line(start)
	to = from
	if end > start {
		// end is past the span: a span that takes a line break ends on that line.
		to = max(from, r.Lines.Line(end-1))
	}
	return from, to
}

// relatedChanged reports whether a place that d concerns is on a changed line.
func relatedChanged(lines *changed.Lines, byPath map[string]*engine.Result, r *engine.Result, d rules.Diagnostic) bool {
	for _, at := range d.Related {
		in := r
		if at.Path != "" {
			if in = byPath[at.Path]; in == nil {
				continue
			}
		}
		if lines.File(in.Path).Touches(spanLines(in, at.Start, at.End)) {
			return true
		}
	}
	return false
}
