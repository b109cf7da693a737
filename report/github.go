package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

// GitHub writes GitHub Actions workflow commands (::error and ::warning) that become
// annotations on the pull request, each after a plain "path:line:col: severity: message
// [rule]" line, since the log shows an annotation's message without its location.
//
// GitHub keeps only 10 error and 10 warning annotations per step and drops the rest
// silently, so unreadable files come first, then errors, then warnings (each in file
// order), and a notice says when some were dropped; the log still lists every problem.
type GitHub struct {
	Options
}

// AnnotationLimit is how many annotations of each level GitHub shows for one step.
const AnnotationLimit = 10

// Report implements Reporter.
func (g *GitHub) Report(w io.Writer, run *Run) error {
	o := withDefaults(g.Options)
	var b strings.Builder
	for _, e := range run.Errors {
		path, _ := repoPath(o.Root, e.Path)
		props := [][2]string{{"file", path}}
		loc := path
		if e.Line > 0 {
			props = append(props, [2]string{"line", fmt.Sprint(e.Line)})
			loc += fmt.Sprintf(":%d", e.Line)
		}
		props = append(props, [2]string{"title", "listlint (unreadable file)"})
		fmt.Fprintf(&b, "%s: error: %s\n", plainLine(loc), plainLine(e.Err))
		b.WriteString(workflowCommand("error", props, e.Err))
	}
	// Errors before warnings: when more than ten of each are found, the annotations GitHub
	// keeps are the ones that fail the run.
	for _, errs := range []bool{true, false} {
		for _, r := range run.Results {
			path, _ := repoPath(o.Root, r.Path)
			for _, d := range Shown(r, o.Quiet) {
				if (d.Severity == rules.Error) == errs {
					writeAnnotation(&b, r, path, d)
				}
			}
			if b.Len() > 64<<10 {
				if _, err := io.WriteString(w, b.String()); err != nil {
					return err
				}
				b.Reset()
			}
		}
	}
	c := Count(run, o.Quiet)
	if !o.Quiet || c.Problems > 0 {
		b.WriteString(summary(run, c, newPalette(false)))
	}
	fileErrs := len(run.Errors)
	for _, l := range []struct {
		level string
		n     int
	}{{"error", c.Errors + fileErrs}, {"warning", c.Warnings}} {
		if l.n > AnnotationLimit {
			msg := fmt.Sprintf("GitHub shows only the first %d of the %d %ss as annotations; the log of this step lists them all.", AnnotationLimit, l.n, l.level)
			b.WriteString(workflowCommand("notice", [][2]string{{"title", "listlint"}}, msg))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeAnnotation(b *strings.Builder, r *engine.Result, path string, d rules.Diagnostic) {
	start, end := displaySpan(r, d)
	level := "error"
	if d.Severity != rules.Error {
		level = "warning"
	}
	// The plain line gives the start of the diagnostic itself, as the text format does.
	at, _ := Positions(r, d)
	fmt.Fprintf(b, "%s: %s: %s [%s]\n", plainLine(fmt.Sprintf("%s:%d:%d", path, at.Line, at.Column)), level, plainLine(d.Message), d.Rule)
	props := [][2]string{{"file", path}, {"line", fmt.Sprint(start.Line)}, {"endLine", fmt.Sprint(end.Line)}}
	// GitHub drops columns from a span over several lines anyway; leaving them out says so.
	// An empty span (on an empty line) marks the whole line.
	if start.Line == end.Line && start != end {
		props = append(props, [2]string{"col", fmt.Sprint(start.Column)}, [2]string{"endColumn", fmt.Sprint(end.Column)})
	}
	props = append(props, [2]string{"title", "listlint (" + d.Rule + ")"})
	b.WriteString(workflowCommand(level, props, d.Message))
}

// workflowCommand formats "::name key=value,...::message" with GitHub's escaping.
func workflowCommand(name string, props [][2]string, msg string) string {
	var b strings.Builder
	b.WriteString("::" + name)
	for i, p := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(p[0] + "=" + escapeProperty(p[1]))
	}
	b.WriteString("::" + escapeData(msg) + "\n")
	return b.String()
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ")

// plainLine keeps text that is not a workflow command from becoming one: line breaks
// become spaces, and a line that would start with "::" (a file named so by a pull
// request) starts with "./" instead, since the runner takes any line that starts with
// "::" as a command.
func plainLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		s = lineBreaks.Replace(s)
	}
	if strings.HasPrefix(strings.TrimSpace(s), "::") {
		s = "./" + strings.TrimSpace(s)
	}
	return s
}
