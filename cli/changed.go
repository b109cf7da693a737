package cli

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/listlint/listlint/changed"
	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/report"
	"github.com/listlint/listlint/rules"
)

// keepChanged drops the diagnostics that are not on lines added or changed since rev (or by
// the unified diff in the file patch). A diagnostic stays when any line of its span
// changed. Every rule has seen every file, so a new entry that repeats an old entry's URL
// is still reported; a duplicate-url report on an old line stays too when the entry it
// names as the first is new (a new entry added above an old one).
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
			if f.Touches(spanLines(r, d.Start, d.End)) || firstIsNew(lines, byPath, r, d) {
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

// duplicateWhere reads the first occurrence that duplicate-url names in its message:
// "already listed at line N (...)" in the same file, or "at PATH:N (...)" in another.
var duplicateWhere = regexp.MustCompile(`: already listed at (?:line (\d+)|(.+):(\d+)) \("(?:[^"\\]|\\.)*"\)$`)

// firstIsNew reports whether d is a duplicate-url report whose first occurrence (the
// entry it names) is on a changed line: the change brought the pair in, though the rule
// reports the later entry, which is old.
func firstIsNew(lines *changed.Lines, byPath map[string]*engine.Result, r *engine.Result, d rules.Diagnostic) bool {
	if d.Rule != rules.DuplicateURL.ID {
		return false
	}
	m := duplicateWhere.FindStringSubmatch(d.Message)
	if m == nil {
		return false
	}
	path, num := r.Path, m[1]
	if num == "" {
		path, num = m[2], m[3]
		if byPath[path] == nil {
			return false
		}
	}
	n, err := strconv.Atoi(num)
	if err != nil {
		return false
	}
	return lines.File(path).Touches(n, n)
}
