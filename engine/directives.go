package engine

import (
	"fmt"
	"math"
	"strings"

	"github.com/listlint/listlint/mdsrc"
	"github.com/listlint/listlint/rules"
)

// region is a range of lines where some rules (or all, when ids is nil) are disabled by
// one inline control comment.
type region struct {
	ids      map[string]bool
	from, to int // 1-based lines, inclusive
	dir      int // index of the comment in the file's directives
}

func (r region) covers(rule string, line int) bool {
	return line >= r.from && line <= r.to && (r.ids == nil || r.ids[rule])
}

// applyDirectives drops the diagnostics that inline comments silence, removes fixes that
// would edit a region where their rule is disabled, and reports comments that silence
// nothing.
func applyDirectives(res *Result, dirs []mdsrc.Directive, cfg *Config) {
	if len(dirs) == 0 {
		return
	}
	regions, unknown := buildRegions(res, dirs)
	used := make([]bool, len(dirs))
	kept := res.Diags[:0]
	for _, d := range res.Diags {
		line := res.Lines.Line(d.Start)
		silenced := false
		for _, r := range regions {
			if r.covers(d.Rule, line) {
				used[r.dir] = true
				silenced = true
			}
		}
		if silenced {
			continue
		}
		if d.Fix != nil && fixTouches(res, d, regions, used) {
			d.Fix = nil
		}
		kept = append(kept, d)
	}
	res.Diags = kept

	unused := cfg.Rules[rules.UnusedDisable.ID]
	if unused.Severity == rules.Off {
		return
	}
	for i, dir := range dirs {
		if used[i] || dir.Kind == mdsrc.Enable {
			continue
		}
		if names := unknown[i]; len(names) > 0 {
			if !dir.AwesomeLint {
				res.Diags = append(res.Diags, rules.Diagnostic{Rule: rules.UnusedDisable.ID, Severity: unused.Severity, Start: dir.Span.Start, End: dir.Span.End,
					Message: fmt.Sprintf("unknown rule %s in an inline comment", strings.Join(quoteAll(names), ", "))})
			}
			continue
		}
		if !allRan(dir, cfg) {
			continue // a rule that did not run could not be silenced
		}
		what := "all rules"
		if len(dir.Rules) > 0 {
			what = strings.Join(dir.Rules, ", ")
		}
		res.Diags = append(res.Diags, rules.Diagnostic{Rule: rules.UnusedDisable.ID, Severity: unused.Severity, Start: dir.Span.Start, End: dir.Span.End,
			Message: fmt.Sprintf("this comment disables %s but silences nothing: remove it", what),
			Fix:     &rules.Fix{Message: "remove the comment", Safe: false, Edits: []rules.Edit{removal(res.Src, dir.Span)}}})
	}
}

// buildRegions turns the comments into line regions; unknown lists, per comment, the rule
// names that match no rule.
func buildRegions(res *Result, dirs []mdsrc.Directive) ([]region, map[int][]string) {
	var regions []region
	unknown := map[int][]string{}
	type open struct {
		from, dir int
	}
	opened := map[string]open{} // "" is "every rule"
	last := res.Lines.Count()
	for i, dir := range dirs {
		ids := map[string]bool{}
		for _, name := range dir.Rules {
			if r := rules.Lookup(name); r != nil {
				ids[r.ID] = true
			} else {
				unknown[i] = append(unknown[i], name)
			}
		}
		if len(dir.Rules) > 0 && len(ids) == 0 {
			continue
		}
		if len(dir.Rules) == 0 {
			ids = nil
		}
		first := res.Lines.Line(dir.Span.Start)
		end := res.Lines.Line(dir.Span.End)
		switch dir.Kind {
		case mdsrc.DisableFile:
			regions = append(regions, region{ids: ids, from: 1, to: math.MaxInt, dir: i})
		case mdsrc.DisableLine:
			regions = append(regions, region{ids: ids, from: first, to: end, dir: i})
		case mdsrc.DisableNextLine:
			next := end + 1
			for next < last && blankLine(res, next) {
				next++
			}
			regions = append(regions, region{ids: ids, from: next, to: next, dir: i})
		case mdsrc.Disable:
			if ids == nil {
				opened[""] = open{first, i}
			}
			for id := range ids {
				opened[id] = open{first, i}
			}
		case mdsrc.Enable:
			closeOne := func(key string) {
				if o, ok := opened[key]; ok {
					var set map[string]bool
					if key != "" {
						set = map[string]bool{key: true}
					}
					regions = append(regions, region{ids: set, from: o.from, to: end, dir: o.dir})
					delete(opened, key)
				}
			}
			if ids == nil {
				for key := range opened {
					closeOne(key)
				}
			}
			for id := range ids {
				closeOne(id)
			}
		}
	}
	for key, o := range opened {
		var set map[string]bool
		if key != "" {
			set = map[string]bool{key: true}
		}
		regions = append(regions, region{ids: set, from: o.from, to: math.MaxInt, dir: o.dir})
	}
	return regions, unknown
}

// disabledSomewhere reports whether an inline comment of the file turns rule id off on some
// line: for another rule that asks, id is then not sure to run everywhere.
func disabledSomewhere(res *Result, id string) bool {
	regions, _ := buildRegions(res, res.dirs)
	for _, r := range regions {
		if r.ids == nil || r.ids[id] {
			return true
		}
	}
	return false
}

func blankLine(res *Result, n int) bool {
	return strings.TrimSpace(string(res.Src[res.Lines.Start(n):res.Lines.End(res.Src, n)])) == ""
}

// fixTouches reports whether a fix edits a line where its rule is disabled; the comments
// that keep it out count as used.
func fixTouches(res *Result, d rules.Diagnostic, regions []region, used []bool) bool {
	touches := false
	for _, e := range d.Fix.Edits {
		from, to := res.Lines.Line(e.Start), res.Lines.Line(max(e.Start, e.End-1))
		for _, r := range regions {
			if (r.ids == nil || r.ids[d.Rule]) && from <= r.to && to >= r.from {
				used[r.dir] = true
				touches = true
			}
		}
	}
	return touches
}

// allRan reports whether every rule a comment names was on in this run.
func allRan(dir mdsrc.Directive, cfg *Config) bool {
	for _, name := range dir.Rules {
		r := rules.Lookup(name)
		if r == nil || cfg.Rules[r.ID].Severity == rules.Off {
			return false
		}
	}
	return true
}

// removal deletes a comment, and its line when the comment stood alone on it.
func removal(src []byte, s mdsrc.Span) rules.Edit {
	ls := s.Start
	for ls > 0 && src[ls-1] != '\n' {
		ls--
	}
	le := s.End
	for le < len(src) && src[le] != '\n' {
		le++
	}
	if strings.TrimSpace(string(src[ls:s.Start])) == "" && strings.TrimSpace(string(src[s.End:le])) == "" {
		if le < len(src) {
			le++
		}
		return rules.Edit{Start: ls, End: le}
	}
	return rules.Edit{Start: s.Start, End: s.End}
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return out
}
