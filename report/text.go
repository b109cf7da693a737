package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

// maxShown bounds the source excerpt under a diagnostic, in code points, so that a
// megabyte-long line prints as a window around the problem.
const maxShown = 120

// Text is the human format: "path:line:col: severity: message [rule]", the source line
// with a marker under the problem, and a summary.
type Text struct {
	Options
}

type palette struct {
	path, err, warn, rule, marker, gutter, bold *color.Color
}

func newPalette(on bool) palette {
	p := palette{
		path:   color.New(color.Bold),
		err:    color.New(color.FgRed, color.Bold),
		warn:   color.New(color.FgYellow, color.Bold),
		rule:   color.New(color.Faint),
		marker: color.New(color.FgRed),
		gutter: color.New(color.FgBlue),
		bold:   color.New(color.Bold),
	}
	for _, c := range []*color.Color{p.path, p.err, p.warn, p.rule, p.marker, p.gutter, p.bold} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

// Report implements Reporter.
func (t *Text) Report(w io.Writer, run *Run) error {
	p := newPalette(t.Color)
	var b strings.Builder
	for _, r := range run.Results {
		for _, d := range Shown(r, t.Quiet) {
			writeDiag(&b, p, r, d)
		}
		if b.Len() > 64<<10 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	if !t.Quiet {
		b.WriteString(summary(run, Count(run, false), p))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeDiag(b *strings.Builder, p palette, r *engine.Result, d rules.Diagnostic) {
	start, end := Positions(r, d)
	sev := p.err.Sprint("error")
	if d.Severity == rules.Warning {
		sev = p.warn.Sprint("warning")
	}
	// plainLine: a file named "::warning::x.md" must not become a workflow command when the
	// text report runs in a GitHub Actions step.
	loc := plainLine(fmt.Sprintf("%s:%d:%d", r.Path, start.Line, start.Column))
	fmt.Fprintf(b, "%s: %s: %s %s\n", p.path.Sprint(loc), sev, plainLine(d.Message), p.rule.Sprintf("[%s]", d.Rule))
	ls := r.Lines.TextStart(r.Src, start.Line)
	le := r.Lines.End(r.Src, start.Line)
	line := string(r.Src[ls:le])
	from := start.Column - 1
	// A span running past its first line is marked to the end of that line.
	to := max(utf8.RuneCountInString(line), from+1)
	if end.Line == start.Line {
		to = max(end.Column-1, from+1)
	}
	runes := []rune(line)
	lo := 0
	if len(runes) > maxShown {
		lo = max(0, min(from-maxShown/3, len(runes)-maxShown))
		runes = runes[lo:min(len(runes), lo+maxShown)]
	}
	prefix := ""
	if lo > 0 {
		prefix = "…"
	}
	num := strconv.Itoa(start.Line)
	pad := strings.Repeat(" ", len(num))
	fmt.Fprintf(b, " %s %s %s%s\n", p.gutter.Sprint(num), p.gutter.Sprint("|"), prefix, string(runes))
	var m strings.Builder
	if lo > 0 {
		m.WriteString(" ")
	}
	for i, r := range runes {
		if i >= from-lo {
			break
		}
		if r == '\t' {
			m.WriteByte('\t')
		} else {
			m.WriteByte(' ')
		}
	}
	width := min(to, lo+len(runes)+1) - from
	marker := "^" + strings.Repeat("~", max(width-1, 0))
	fmt.Fprintf(b, " %s %s %s%s\n", pad, p.gutter.Sprint("|"), m.String(), p.marker.Sprint(marker))
}

func summary(run *Run, c Counts, p palette) string {
	var b strings.Builder
	if run.Fixed > 0 {
		fmt.Fprintf(&b, "fixed %s\n", plural(run.Fixed, "problem"))
	}
	if c.Problems == 0 {
		if len(run.Errors) == 0 {
			fmt.Fprintf(&b, "no problems in %s\n", plural(len(run.Results), "file"))
		}
		return b.String()
	}
	fixable, unsafe := run.fixable(c.Fixable, c.UnsafeFixable)
	fix := []string{}
	if fixable > 0 {
		fix = append(fix, fmt.Sprintf("%d fixable with --fix", fixable))
	}
	if unsafe > 0 {
		fix = append(fix, fmt.Sprintf("%d more with --fix --unsafe-fixes", unsafe))
	}
	paren := ""
	if len(fix) > 0 {
		paren = " (" + strings.Join(fix, ", ") + ")"
	}
	fmt.Fprintf(&b, "%s%s in %s\n", p.bold.Sprint(plural(c.Problems, "problem")), paren, plural(c.Files, "file"))
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
