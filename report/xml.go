package report

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/listlint/listlint/rules"
)

// Checkstyle is the checkstyle XML format (version 4.3, as ESLint writes it) that reviewdog,
// Jenkins (warnings-ng) and many CI plugins read: a <file> per linted file, clean ones
// included, with an <error> per problem whose source is the rule id. Paths are as given on
// the command line, as with the text format; those tools resolve them against their
// working folder. encoding/xml escapes the attributes and replaces characters that XML 1.0
// forbids (control characters, invalid UTF-8) with U+FFFD.
type Checkstyle struct {
	Quiet bool
}

type checkstyleDoc struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Report implements Reporter.
func (c *Checkstyle) Report(w io.Writer, run *Run) error {
	doc := checkstyleDoc{Version: "4.3", Files: []checkstyleFile{}}
	for _, r := range run.Results {
		f := checkstyleFile{Name: r.Path}
		for _, d := range Shown(r, c.Quiet) {
			s, _ := Positions(r, d)
			f.Errors = append(f.Errors, checkstyleError{Line: s.Line, Column: s.Column,
				Severity: d.Severity.String(), Message: d.Message, Source: d.Rule})
		}
		doc.Files = append(doc.Files, f)
	}
	for _, e := range run.Errors {
		doc.Files = append(doc.Files, checkstyleFile{Name: e.Path, Errors: []checkstyleError{
			{Line: max(e.Line, 1), Severity: "error", Message: e.Err, Source: "listlint"},
		}})
	}
	return writeXML(w, doc)
}

// JUnit is JUnit XML for CI test-report views (GitLab, Jenkins, Azure DevOps, the GitHub
// test-report actions): a <testsuite> per file and a failed <testcase> per problem, named
// "rule at line:col" with the problem's message, so that each problem shows up in the
// view on its own line with its rule, instead of one failure per file holding a list that
// those views fold into a single entry. A clean file is one passing test case; a file that
// could not be read is one test case with an <error>. Warnings are failures as well (of
// type "warning"), since JUnit knows no softer outcome and hiding them would lose them.
type JUnit struct {
	Quiet bool
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// Report implements Reporter.
func (j *JUnit) Report(w io.Writer, run *Run) error {
	doc := junitSuites{Name: "listlint", Time: "0", Suites: []junitSuite{}}
	for _, r := range run.Results {
		s := junitSuite{Name: r.Path, Time: "0"}
		for _, d := range Shown(r, j.Quiet) {
			p, _ := Positions(r, d)
			text := fmt.Sprintf("%s:%d:%d: %s: %s [%s]\n%s", r.Path, p.Line, p.Column, d.Severity, d.Message, d.Rule, rules.DocURL(d.Rule))
			s.Cases = append(s.Cases, junitCase{
				Name: fmt.Sprintf("%s at %d:%d", d.Rule, p.Line, p.Column), Classname: r.Path,
				File: r.Path, Line: p.Line, Time: "0",
				Failure: &junitProblem{Message: d.Message, Type: d.Severity.String(), Text: text},
			})
			s.Failures++
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "listlint", Classname: r.Path, File: r.Path, Time: "0"})
		}
		s.Tests = len(s.Cases)
		doc.Suites = append(doc.Suites, s)
	}
	for _, e := range run.Errors {
		c := junitCase{Name: "listlint", Classname: e.Path, File: e.Path, Line: e.Line, Time: "0",
			Error: &junitProblem{Message: e.Err, Type: "unreadable", Text: e.Err}}
		doc.Suites = append(doc.Suites, junitSuite{Name: e.Path, Tests: 1, Errors: 1, Time: "0", Cases: []junitCase{c}})
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
	}
	return writeXML(w, doc)
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
