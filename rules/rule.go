// Package rules holds listlint's rules: each one a value with its documentation, default
// severity, typed options and a check that reads a parsed Document and reports
// Diagnostics with byte-range fixes. Rules never print, read files or read config files.
package rules

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/listlint/listlint/mdsrc"
)

// FixClass says what kind of fix a rule offers.
type FixClass string

// The fix classes of the catalog.
const (
	FixNone   FixClass = "none"
	FixSafe   FixClass = "safe"
	FixUnsafe FixClass = "unsafe"
)

// OptionDoc documents one rule option.
type OptionDoc struct {
	Name    string
	Type    string
	Default string
	Text    string
}

// Doc is the single source of a rule's documentation.
type Doc struct {
	Title  string
	Why    string
	Before string // Markdown that the rule reports
	After  string // the same after the fix or by hand
	Fix    FixClass
	// FixNote says what the fix does, when it only covers some cases.
	FixNote string
	Options []OptionDoc
}

// Rule is one check.
type Rule struct {
	ID      string
	Aliases []string
	Doc     Doc
	Default Severity
	// NewOptions returns a pointer to the rule's options with their defaults set; nil when
	// the rule has no options.
	NewOptions func() any
	// Check runs on one file.
	Check func(*Pass)
	// Collect and CheckProject make a cross-file rule: Collect keeps what the rule needs of
	// each file (so that the file's AST can be dropped), CheckProject sees every file's facts
	// after all files were parsed.
	Collect      func(*Pass) any
	CheckProject func(*ProjectPass)
}

// Pass is one rule's run on one file.
type Pass struct {
	Doc      *mdsrc.Document
	Options  any
	Now      time.Time
	Severity Severity
	// Sibling reports the size of a file in the linted file's folder (awesome-contributing
	// needs to know about contributing.md); ok is false when there is no such file. Rules
	// never open files themselves: the engine answers.
	Sibling func(name string) (size int64, ok bool)
	// Others gives the options of another rule for this file and whether that rule is on
	// (nil: every other rule is off). A rule reads another's settings only where the two
	// share a concern: list-marker re-indents tab-indented lists only when whitespace will
	// replace their tabs anyway.
	Others func(id string) (options any, on bool)
	rule   *Rule
	report func(Diagnostic)
}

// NewPass prepares a run of r on doc; report receives every diagnostic. Without options
// the rule gets its defaults, so that rules never need defaults of their own.
func NewPass(r *Rule, doc *mdsrc.Document, opts any, sev Severity, now time.Time, report func(Diagnostic)) *Pass {
	opts = defaultOptions(r, opts)
	return &Pass{Doc: doc, Options: opts, Now: now, Severity: sev, rule: r, report: report}
}

// Report records a diagnostic of this pass's rule.
func (p *Pass) Report(start, end int, fix *Fix, format string, args ...any) {
	p.report(Diagnostic{Rule: p.rule.ID, Severity: p.Severity, Start: start, End: end, Message: fmt.Sprintf(format, args...), Fix: fix})
}

// ReportRelated records a diagnostic that concerns other places too (see Diagnostic.Related).
func (p *Pass) ReportRelated(related []Location, start, end int, fix *Fix, format string, args ...any) {
	p.report(Diagnostic{Rule: p.rule.ID, Severity: p.Severity, Start: start, End: end, Message: fmt.Sprintf(format, args...), Fix: fix, Related: related})
}

// Text returns the source text of a span.
func (p *Pass) Text(s mdsrc.Span) string {
	if !s.Valid() {
		return ""
	}
	return p.Doc.Source[s.Start:s.End]
}

// FileFacts is what Collect kept of one file.
type FileFacts struct {
	Path  string
	Facts any
}

// ProjectPass is one cross-file rule's run over every linted file.
type ProjectPass struct {
	Files    []FileFacts
	Options  any
	Severity Severity
	rule     *Rule
	report   func(path string, d Diagnostic)
}

// NewProjectPass prepares a cross-file run of r; without options it gets its defaults.
func NewProjectPass(r *Rule, files []FileFacts, opts any, sev Severity, report func(string, Diagnostic)) *ProjectPass {
	opts = defaultOptions(r, opts)
	return &ProjectPass{Files: files, Options: opts, Severity: sev, rule: r, report: report}
}

// Report records a diagnostic in the file at path.
func (p *ProjectPass) Report(path string, start, end int, fix *Fix, format string, args ...any) {
	p.report(path, Diagnostic{Rule: p.rule.ID, Severity: p.Severity, Start: start, End: end, Message: fmt.Sprintf(format, args...), Fix: fix})
}

// ReportRelated records a diagnostic in the file at path that concerns other places too.
func (p *ProjectPass) ReportRelated(related []Location, path string, start, end int, fix *Fix, format string, args ...any) {
	p.report(path, Diagnostic{Rule: p.rule.ID, Severity: p.Severity, Start: start, End: end, Message: fmt.Sprintf(format, args...), Fix: fix, Related: related})
}

var registry = map[string]*Rule{}

func register(r *Rule) *Rule {
	if _, dup := registry[r.ID]; dup {
		panic("rules: duplicate rule " + r.ID)
	}
	registry[r.ID] = r
	return r
}

// All returns every rule, sorted by id.
func All() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Lookup finds a rule by id or alias, case-insensitively.
func Lookup(name string) *Rule {
	name = strings.ToLower(strings.TrimSpace(name))
	if r := registry[name]; r != nil {
		return r
	}
	for _, r := range registry {
		for _, a := range r.Aliases {
			if a == name {
				return r
			}
		}
	}
	return nil
}

// DocURL is where a rule's documentation is published.
func DocURL(id string) string {
	return "https://github.com/listlint/listlint/blob/main/docs/rules/" + id + ".md"
}

// Run runs the rule's cross-file check.
func (p *ProjectPass) Run() { p.rule.CheckProject(p) }

// Register adds a rule to the registry. The built-in rules register themselves; tests use
// it for rules of their own. It panics on a duplicate id.
func Register(r *Rule) *Rule { return register(r) }

func defaultOptions(r *Rule, opts any) any {
	if opts == nil && r.NewOptions != nil {
		return r.NewOptions()
	}
	return opts
}

// other returns the options of the rule id for this pass's file, defaults filled in, and
// whether that rule is on.
func (p *Pass) other(id string) (any, bool) {
	r := registry[id]
	if p.Others == nil || r == nil {
		return nil, false
	}
	opts, on := p.Others(id)
	if !on {
		return nil, false
	}
	return defaultOptions(r, opts), true
}

// optionsOf returns a pass's options as the rule's options type (never nil: a pass always
// has its rule's options, see NewPass).
func optionsOf[T any](opts any) *T {
	if o, ok := opts.(*T); ok && o != nil {
		return o
	}
	return new(T)
}
