package report

import (
	"encoding/json"
	"io"

	"github.com/listlint/listlint/rules"
)

// JSON is the stable machine format: {"version": 1, "files": K, "diagnostics": [...]}.
// Lines and columns are 1-based; columns count Unicode code points; offsets are bytes.
type JSON struct {
	Quiet bool
}

type jsonRun struct {
	Version     int         `json:"version"`
	Files       int         `json:"files"`
	Diagnostics []jsonDiag  `json:"diagnostics"`
	Errors      []jsonError `json:"errors"`
}

type jsonDiag struct {
	Path      string   `json:"path"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"endLine"`
	EndColumn int      `json:"endColumn"`
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	Message   string   `json:"message"`
	URL       string   `json:"url"`
	Fix       *jsonFix `json:"fix"`
}

type jsonFix struct {
	Safe    bool       `json:"safe"`
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"endLine"`
	EndColumn   int    `json:"endColumn"`
	StartOffset int    `json:"startOffset"`
	EndOffset   int    `json:"endOffset"`
	NewText     string `json:"newText"`
}

type jsonError struct {
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// Report implements Reporter.
func (j *JSON) Report(w io.Writer, run *Run) error {
	out := jsonRun{Version: 1, Files: len(run.Results), Diagnostics: []jsonDiag{}, Errors: []jsonError{}}
	for _, r := range run.Results {
		for _, d := range Shown(r, j.Quiet) {
			s, e := Positions(r, d)
			jd := jsonDiag{Path: r.Path, Line: s.Line, Column: s.Column, EndLine: e.Line, EndColumn: e.Column,
				Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message, URL: rules.DocURL(d.Rule)}
			if d.Fix != nil {
				jf := &jsonFix{Safe: d.Fix.Safe, Message: d.Fix.Message, Edits: []jsonEdit{}}
				for _, ed := range d.Fix.Edits {
					sl, sc := r.Lines.Position(r.Src, ed.Start)
					el, ec := r.Lines.Position(r.Src, ed.End)
					jf.Edits = append(jf.Edits, jsonEdit{Line: sl, Column: sc, EndLine: el, EndColumn: ec, StartOffset: ed.Start, EndOffset: ed.End, NewText: ed.New})
				}
				jd.Fix = jf
			}
			out.Diagnostics = append(out.Diagnostics, jd)
		}
	}
	for _, e := range run.Errors {
		out.Errors = append(out.Errors, jsonError{Path: e.Path, Line: e.Line, Message: e.Err})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
