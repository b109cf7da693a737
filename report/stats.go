package report

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

// Statistics writes the number of problems per rule, most frequent first (ties by rule id),
// with how many of them --fix repairs, then the totals:
//
//	problems  fixable  rule
//	      12       12  year-suffix
//	       3        0  duplicate-url (3 more with --unsafe-fixes)
//	      15       12  total
//
// The fixable column counts unsafe fixes too when the run has --unsafe-fixes.
func Statistics(w io.Writer, run *Run, quiet bool) error {
	c := Count(run, quiet)
	if c.Problems == 0 {
		_, err := io.WriteString(w, "no problems\n")
		return err
	}
	ids := c.RuleIDs()
	sortByCount(ids, c.PerRule)
	var b strings.Builder
	b.WriteString("problems  fixable  rule\n")
	row := func(n, safe, unsafe int, name string) {
		fixable, more := run.fixable(safe, unsafe)
		note := ""
		if more > 0 {
			note = fmt.Sprintf(" (%d more with --unsafe-fixes)", more)
		}
		fmt.Fprintf(&b, "%8d  %7d  %s%s\n", n, fixable, name, note)
	}
	for _, id := range ids {
		row(c.PerRule[id], c.FixablePerRule[id], c.UnsafePerRule[id], id)
	}
	row(c.Problems, c.Fixable, c.UnsafeFixable, "total")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCounts appends name=value lines with the counts of a run, the form of $GITHUB_OUTPUT:
// problems, errors, warnings, fixable (by --fix; with --unsafe-fixes, unsafe fixes too),
// files (with problems), checked (files linted) and unreadable (inputs that could not be
// read or parsed).
func WriteCounts(w io.Writer, run *Run, quiet bool) error {
	c := Count(run, quiet)
	fixable, _ := run.fixable(c.Fixable, c.UnsafeFixable)
	_, err := fmt.Fprintf(w, "problems=%d\nerrors=%d\nwarnings=%d\nfixable=%d\nfiles=%d\nchecked=%d\nunreadable=%d\n",
		c.Problems, c.Errors, c.Warnings, fixable, c.Files, len(run.Results), len(run.Errors))
	return err
}

// SummaryOptions configure the Markdown summary. The report package reads no environment:
// the CLI passes GitHub's variables in.
type SummaryOptions struct {
	Quiet bool
	// Root is the repository root; paths and links are relative to it (see Options.Root).
	Root string
	// ServerURL, Repository and Commit build links to the problems' lines on GitHub:
	// {ServerURL}/{Repository}/blob/{Commit}/{path}#L{line}. Without all three the
	// summary names the lines without links.
	ServerURL, Repository, Commit string
	// MaxProblems is how many problems the summary lists (default 20).
	MaxProblems int
	// MaxBytes bounds the summary (default just under GitHub's 1 MiB per step).
	MaxBytes int
}

// Summary writes a Markdown summary of a run for $GITHUB_STEP_SUMMARY: a title with the
// counts, a table of problems per rule linking to the rules' documentation, the first
// problems (errors first) with links to their lines, the files that could not be read, and a note when
// GitHub drops annotations.
func Summary(w io.Writer, run *Run, o SummaryOptions) error {
	if o.MaxProblems <= 0 {
		o.MaxProblems = 20
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 1<<20 - 1<<10
	}
	c := Count(run, o.Quiet)
	fixable, unsafe := run.fixable(c.Fixable, c.UnsafeFixable)
	s := &summaryWriter{max: o.MaxBytes}

	title := "no problems in " + plural(len(run.Results), "file")
	if c.Problems > 0 {
		files := plural(len(run.Results), "file")
		if c.Files < len(run.Results) {
			files = fmt.Sprintf("%d of %s", c.Files, files)
		}
		title = fmt.Sprintf("%s (%s, %s) in %s", plural(c.Problems, "problem"), plural(c.Errors, "error"),
			plural(c.Warnings, "warning"), files)
	}
	s.line("### listlint: " + title)
	s.line("")
	if len(run.Errors) > 0 {
		s.line(fmt.Sprintf("%s could not be read; see the list below.", plural(len(run.Errors), "input")))
		s.line("")
	}
	if c.Problems > 0 {
		var fix []string
		if fixable > 0 {
			fix = append(fix, fmt.Sprintf("%d fixable with `listlint --fix`", fixable))
		}
		if unsafe > 0 {
			fix = append(fix, fmt.Sprintf("%d more with `listlint --fix --unsafe-fixes`", unsafe))
		}
		if len(fix) > 0 {
			s.line(strings.Join(fix, ", ") + ".")
			s.line("")
		}
		ids := c.RuleIDs()
		sortByCount(ids, c.PerRule)
		s.line("| Rule | Problems | Fixable |")
		s.line("| --- | ---: | ---: |")
		for _, id := range ids {
			n, _ := run.fixable(c.FixablePerRule[id], c.UnsafePerRule[id])
			if !s.line(fmt.Sprintf("| [%s](%s) | %d | %d |", mdEscape(id), rules.DocURL(id), c.PerRule[id], n)) {
				return s.flush(w)
			}
		}
		s.line("")
		if c.Problems > o.MaxProblems {
			s.line(fmt.Sprintf("#### First %d problems", o.MaxProblems))
		} else {
			s.line("#### Problems")
		}
		s.line("")
		// Errors first, as in the annotations: they are what fails the check.
		shown := 0
	results:
		for _, errs := range []bool{true, false} {
			for _, r := range run.Results {
				path, inRepo := repoPath(o.Root, r.Path)
				for _, d := range Shown(r, o.Quiet) {
					if (d.Severity == rules.Error) != errs {
						continue
					}
					if shown == o.MaxProblems {
						break results
					}
					shown++
					if !s.line("- " + summaryProblem(o, r, d, path, inRepo)) {
						return s.flush(w)
					}
				}
			}
		}
		if c.Problems > shown {
			s.line("")
			s.line(fmt.Sprintf("…and %d more; the job log lists them all.", c.Problems-shown))
		}
		s.line("")
	}
	if len(run.Errors) > 0 {
		s.line("#### Inputs that could not be read")
		s.line("")
		for i, e := range run.Errors {
			if i == o.MaxProblems {
				s.line(fmt.Sprintf("- …and %d more; the job log lists them all.", len(run.Errors)-i))
				break
			}
			path, _ := repoPath(o.Root, e.Path)
			at := path
			if e.Line > 0 {
				at += fmt.Sprintf(":%d", e.Line)
			}
			if !s.line(fmt.Sprintf("- %s: %s", mdEscape(at), mdEscape(clipRunes(e.Err, maxSummaryMessage)))) {
				return s.flush(w)
			}
		}
		s.line("")
	}
	errs := c.Errors + len(run.Errors)
	if errs > AnnotationLimit || c.Warnings > AnnotationLimit {
		s.line("> [!NOTE]")
		s.line(fmt.Sprintf("> GitHub shows at most %d error and %d warning annotations per step; this run found %s and %s. The job log lists every problem.",
			AnnotationLimit, AnnotationLimit, plural(errs, "error"), plural(c.Warnings, "warning")))
		s.line("")
	}
	return s.flush(w)
}

// maxSummaryMessage bounds one message in the summary, in code points: a message quoting
// a long line should not fill the summary.
const maxSummaryMessage = 300

func summaryProblem(o SummaryOptions, r *engine.Result, d rules.Diagnostic, path string, inRepo bool) string {
	start, _ := Positions(r, d)
	_, end := displaySpan(r, d)
	loc := mdEscape(fmt.Sprintf("%s:%d:%d", path, start.Line, start.Column))
	if inRepo && linkable(o) {
		anchor := fmt.Sprintf("#L%d", start.Line)
		if end.Line > start.Line {
			anchor += fmt.Sprintf("-L%d", end.Line)
		}
		// GitHub renders Markdown, where a line anchor leads nowhere; ?plain=1 shows the source.
		link := fmt.Sprintf("%s/%s/blob/%s/%s?plain=1%s", strings.TrimRight(o.ServerURL, "/"), o.Repository, o.Commit, escapePath(path), anchor)
		loc = "[" + loc + "](" + link + ")"
	}
	return fmt.Sprintf("%s **%s**: %s ([%s](%s))", loc, d.Severity, mdEscape(clipRunes(d.Message, maxSummaryMessage)), mdEscape(d.Rule), rules.DocURL(d.Rule))
}

// linkable reports whether the options make well-formed links: an http(s) server, an
// "owner/name" repository and a hexadecimal commit, so that nothing in them can break
// out of a Markdown link.
func linkable(o SummaryOptions) bool {
	return serverRE.MatchString(o.ServerURL) && repoRE.MatchString(o.Repository) && commitRE.MatchString(o.Commit)
}

var (
	serverRE = regexp.MustCompile(`^https?://[A-Za-z0-9.:\[\]-]+(/[A-Za-z0-9._~/-]*)?$`)
	repoRE   = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)
	commitRE = regexp.MustCompile(`^[0-9a-fA-F]{7,64}$`)
)

// summaryWriter collects lines up to a size limit; the first line that does not fit ends
// the summary with a note.
type summaryWriter struct {
	b    strings.Builder
	max  int
	full bool
}

const truncatedNote = "\n*The summary is cut short here to stay under GitHub's 1 MiB limit; the job log lists every problem.*\n"

// line adds a line and reports whether it fitted.
func (s *summaryWriter) line(l string) bool {
	if s.full {
		return false
	}
	if s.b.Len()+len(l)+1+len(truncatedNote) > s.max {
		s.full = true
		s.b.WriteString(truncatedNote)
		return false
	}
	s.b.WriteString(l)
	s.b.WriteByte('\n')
	return true
}

func (s *summaryWriter) flush(w io.Writer) error {
	_, err := io.WriteString(w, s.b.String())
	return err
}

// mdEscape makes text literal in Markdown: ASCII punctuation that could start markup gets
// a backslash (a "|" would end a table cell, "<" start HTML, "[" a link), and line breaks
// become spaces.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '<', '>', '#', '+', '!', '|', '~', '&', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\r', '\n':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clipRunes shortens s to at most n code points, ending with an ellipsis.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n-1 {
			return s[:k] + "…"
		}
		i++
	}
	return s
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
