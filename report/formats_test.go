package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/internal/worktree"
	"github.com/listlint/listlint/ruledoc"
	"github.com/listlint/listlint/rules"
)

func diag(rule string, sev rules.Severity, start, end int, msg string) rules.Diagnostic {
	return rules.Diagnostic{Rule: rule, Severity: sev, Start: start, End: end, Message: msg}
}

func render(t *testing.T, rep Reporter, run *Run) string {
	t.Helper()
	var b bytes.Buffer
	if err := rep.Report(&b, run); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGitHubEscaping(t *testing.T) {
	root := t.TempDir()
	// A file name with every character that property values escape, and a message with
	// every character that messages escape (":" and "," stay in messages).
	path := filepath.Join(root, "dir", "100% a:b,c\r\nd.md")
	src := "- [A](https://a.example) - Entry.\n"
	r := result(path, src, diag("year-suffix", rules.Error, 3, 4, "50% off: a, b\r\nnext\nline"))
	got := render(t, &GitHub{Options: Options{Root: root, Version: "v1.0.0"}}, &Run{Results: []*engine.Result{r}})
	lines := strings.Split(got, "\n")
	wantPlain := "dir/100% a:b,c d.md:1:4: error: 50% off: a, b next line [year-suffix]"
	wantCmd := "::error file=dir/100%25 a%3Ab%2Cc%0D%0Ad.md,line=1,endLine=1,col=4,endColumn=5,title=listlint (year-suffix)::50%25 off: a, b%0D%0Anext%0Aline"
	if lines[0] != wantPlain {
		t.Errorf("plain line:\n got %q\nwant %q", lines[0], wantPlain)
	}
	if lines[1] != wantCmd {
		t.Errorf("command:\n got %q\nwant %q", lines[1], wantCmd)
	}
	// Nothing else in the output starts a command (the summary line is plain).
	for _, l := range lines[2:] {
		if strings.HasPrefix(l, "::") {
			t.Errorf("unexpected command %q", l)
		}
	}
	if got := escapeProperty("a%b:c,d\re\nf"); got != "a%25b%3Ac%2Cd%0De%0Af" {
		t.Errorf("escapeProperty: %q", got)
	}
	if got := escapeData("a%b:c,d\re\nf"); got != "a%25b:c,d%0De%0Af" {
		t.Errorf("escapeData: %q", got)
	}
}

// A file that a pull request names "::warning::x.md" must not inject a command through
// the plain line that starts with its path.
func TestGitHubPlainLineIsNoCommand(t *testing.T) {
	root := t.TempDir()
	r := result(filepath.Join(root, "::warning::x.md"), "x\n", diag("r", rules.Error, 0, 1, "m\n::error::injected"))
	got := render(t, &GitHub{Options: Options{Root: root}}, &Run{Results: []*engine.Result{r}})
	for _, l := range strings.Split(got, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "::") && !strings.HasPrefix(l, "::error file=") {
			t.Errorf("line would be read as a workflow command: %q", l)
		}
	}
	if !strings.HasPrefix(got, "./::warning::x.md:1:1: error: m ::error::injected [r]\n") {
		t.Errorf("got %q", got)
	}
}

// The text report runs in Actions steps too (a plain "listlint ." step, the action's fix
// step): the same file name must not become a command there either.
func TestTextLineIsNoCommand(t *testing.T) {
	r := result("::warning title=x::x.md", "x\n", diag("r", rules.Error, 0, 1, "m\n::stop-commands::t"))
	got := render(t, &Text{}, &Run{Results: []*engine.Result{r}})
	for _, l := range strings.Split(got, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "::") {
			t.Errorf("line would be read as a workflow command: %q", l)
		}
	}
	if !strings.HasPrefix(got, "./::warning title=x::x.md:1:1: error: m ::stop-commands::t [r]\n") {
		t.Errorf("got %q", got)
	}
}

func TestGitHubMultiLineSpanDropsColumns(t *testing.T) {
	root := t.TempDir()
	src := "- [A](https://a.example) -\n  wrapped.\n"
	r := result(filepath.Join(root, "a.md"), src, diag("entry-format", rules.Error, 2, len(src)-1, "wrapped"))
	got := render(t, &GitHub{Options: Options{Root: root}}, &Run{Results: []*engine.Result{r}})
	want := "::error file=a.md,line=1,endLine=2,title=listlint (entry-format)::wrapped\n"
	if !strings.Contains(got, want) {
		t.Errorf("got:\n%s\nwant a line:\n%s", got, want)
	}
	if strings.Contains(got, "col=") {
		t.Errorf("columns on a span over two lines:\n%s", got)
	}
	// A blank line too many: the span is the empty line, so the annotation is the line.
	src = "a\n\n\nb\n"
	r = result(filepath.Join(root, "a.md"), src, diag("whitespace", rules.Warning, 3, 4, "blank"))
	got = render(t, &GitHub{Options: Options{Root: root}}, &Run{Results: []*engine.Result{r}})
	if want := "::warning file=a.md,line=3,endLine=3,title=listlint (whitespace)::blank\n"; !strings.Contains(got, want) {
		t.Errorf("got:\n%s\nwant a line:\n%s", got, want)
	}
}

func TestGitHubErrorsFirstAndLimitNotice(t *testing.T) {
	root := t.TempDir()
	var b strings.Builder
	for i := range 15 {
		fmt.Fprintf(&b, "line %d\n", i+1)
	}
	src := b.String()
	lineStart := func(n int) int { return strings.Index(src, fmt.Sprintf("line %d\n", n)) }
	// Warnings on lines 1-12, errors on lines 13-15, in file order as the engine sorts them.
	var ds []rules.Diagnostic
	for n := 1; n <= 15; n++ {
		sev := rules.Warning
		if n > 12 {
			sev = rules.Error
		}
		ds = append(ds, diag("r", sev, lineStart(n), lineStart(n)+4, fmt.Sprintf("problem on %d", n)))
	}
	a := result(filepath.Join(root, "a.md"), src, ds[:7]...)
	z := result(filepath.Join(root, "z.md"), src, ds[7:]...)
	got := render(t, &GitHub{Options: Options{Root: root}}, &Run{Results: []*engine.Result{a, z}})
	var cmds []string
	for _, l := range strings.Split(got, "\n") {
		if strings.HasPrefix(l, "::") {
			cmds = append(cmds, l)
		}
	}
	if len(cmds) != 16 {
		t.Fatalf("%d commands, want 15 and a notice:\n%s", len(cmds), got)
	}
	for i, c := range cmds[:15] {
		wantErr := i < 3
		if strings.HasPrefix(c, "::error ") != wantErr {
			t.Errorf("command %d: %s (want the 3 errors first, then the warnings)", i, c)
		}
	}
	// Within a severity, file order.
	if !strings.Contains(cmds[0], "file=z.md,line=13") || !strings.Contains(cmds[3], "file=a.md,line=1,") || !strings.Contains(cmds[10], "file=z.md,line=8,") {
		t.Errorf("order: %q", cmds[:11])
	}
	if want := "::notice title=listlint::GitHub shows only the first 10 of the 12 warnings as annotations; the log of this step lists them all."; cmds[15] != want {
		t.Errorf("notice %q", cmds[15])
	}
	// Every problem has its plain line, with the location the annotation does not show.
	for n := 1; n <= 15; n++ {
		if !strings.Contains(got, fmt.Sprintf(".md:%d:1: ", n)) {
			t.Errorf("no plain line for line %d", n)
		}
	}
	if !strings.Contains(got, "15 problems in 2 files\n") {
		t.Errorf("no summary line:\n%s", got)
	}
}

func TestGitHubFileErrors(t *testing.T) {
	root := t.TempDir()
	got := render(t, &GitHub{Options: Options{Root: root}}, &Run{Errors: []FileError{{Path: filepath.Join(root, "bin.md"), Line: 2, Err: "binary file"}}})
	want := "bin.md:2: error: binary file\n::error file=bin.md,line=2,title=listlint (unreadable file)::binary file\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestDisplaySpan(t *testing.T) {
	src := "ab\ncd\n\n"
	for _, c := range []struct {
		name       string
		start, end int
		want       string
	}{
		{"plain", 0, 2, "1:1-1:3"},
		// A span that took the line break ends at the end of its line, not on the next.
		{"ends at a line start", 0, 3, "1:1-1:3"},
		{"two lines and the break", 0, 6, "1:1-2:3"},
		// An empty span marks the character after it, or before it at the end of a line.
		{"insertion", 1, 1, "1:2-1:3"},
		{"insertion at line end", 2, 2, "1:2-1:3"},
		{"insertion on an empty line", 6, 6, "3:1-3:1"},
		{"insertion at the end of the file", 7, 7, "4:1-4:1"},
	} {
		r := result("a.md", src)
		s, e := displaySpan(r, diag("r", rules.Error, c.start, c.end, "m"))
		if got := fmt.Sprintf("%d:%d-%d:%d", s.Line, s.Column, e.Line, e.Column); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
	// Columns count code points; a zero-width span after "é" widens by the whole "€".
	r := result("a.md", "é€\n")
	s, e := displaySpan(r, diag("r", rules.Error, 2, 2, "m"))
	if s != (Position{1, 2}) || e != (Position{1, 3}) {
		t.Errorf("non-ASCII: %v %v", s, e)
	}
}

func TestCheckstyle(t *testing.T) {
	src := "# T\n- [Ä](https://a.example) - x\n"
	s, e := span(src, "x\n")
	e--
	// A message with markup characters, a control character that XML 1.0 forbids, and
	// a line break.
	msg := "bad <b>&\"quoted\"</b> \x01 \x0b ok\nnext"
	a := result("dir/a&b.md", src, diag("description-style", rules.Error, s, e, msg), diag("r2", rules.Warning, 0, 1, "w"))
	clean := result("clean.md", "ok\n")
	run := &Run{Results: []*engine.Result{a, clean}, Errors: []FileError{{Path: "bin.md", Line: 2, Err: "binary"}}}
	out := render(t, &Checkstyle{}, run)
	if !strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration: %q", out[:40])
	}
	var doc struct {
		Version string `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if doc.Version == "" || len(doc.Files) != 3 {
		t.Fatalf("got %+v", doc)
	}
	f := doc.Files[0]
	if f.Name != "dir/a&b.md" || len(f.Errors) != 2 {
		t.Fatalf("file: %+v", f)
	}
	e0 := f.Errors[0]
	if e0.Line != 2 || e0.Column != 28 || e0.Severity != "error" || e0.Source != "description-style" {
		t.Errorf("error: %+v", e0)
	}
	if want := "bad <b>&\"quoted\"</b> \uFFFD \uFFFD ok\nnext"; e0.Message != want {
		t.Errorf("message %q, want %q", e0.Message, want)
	}
	if f.Errors[1].Severity != "warning" {
		t.Errorf("warning: %+v", f.Errors[1])
	}
	if doc.Files[1].Name != "clean.md" || len(doc.Files[1].Errors) != 0 {
		t.Errorf("a clean file is listed without errors: %+v", doc.Files[1])
	}
	if b := doc.Files[2]; b.Name != "bin.md" || len(b.Errors) != 1 || b.Errors[0].Line != 2 || b.Errors[0].Message != "binary" {
		t.Errorf("file error: %+v", b)
	}
}

func TestJUnit(t *testing.T) {
	src := "# T\n- [Ä](https://a.example) - x\n"
	s, e := span(src, "x\n")
	e--
	a := result("a.md", src, diag("description-style", rules.Error, s, e, "bad\x00 <x>"), diag("r2", rules.Warning, 0, 1, "w"))
	clean := result("clean.md", "ok\n")
	run := &Run{Results: []*engine.Result{a, clean}, Errors: []FileError{{Path: "bin.md", Err: "no such file or folder"}}}
	out := render(t, &JUnit{}, run)
	type problem struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	var doc struct {
		XMLName  xml.Name
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Suites   []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Errors   int    `xml:"errors,attr"`
			Cases    []struct {
				Name      string   `xml:"name,attr"`
				Classname string   `xml:"classname,attr"`
				File      string   `xml:"file,attr"`
				Line      int      `xml:"line,attr"`
				Failure   *problem `xml:"failure"`
				Error     *problem `xml:"error"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out)
	}
	if doc.XMLName.Local != "testsuites" || doc.Tests != 4 || doc.Failures != 2 || doc.Errors != 1 || len(doc.Suites) != 3 {
		t.Fatalf("totals: %+v", doc)
	}
	sa := doc.Suites[0]
	if sa.Name != "a.md" || sa.Tests != 2 || sa.Failures != 2 || len(sa.Cases) != 2 {
		t.Fatalf("suite a.md: %+v", sa)
	}
	c := sa.Cases[0]
	if c.Name != "description-style at 2:28" || c.Classname != "a.md" || c.File != "a.md" || c.Line != 2 || c.Failure == nil || c.Error != nil {
		t.Errorf("case: %+v", c)
	}
	if c.Failure.Message != "bad\uFFFD <x>" || c.Failure.Type != "error" || !strings.Contains(c.Failure.Text, "a.md:2:28: error: bad\uFFFD <x> [description-style]") {
		t.Errorf("failure: %+v", c.Failure)
	}
	if sa.Cases[1].Failure == nil || sa.Cases[1].Failure.Type != "warning" {
		t.Errorf("warning case: %+v", sa.Cases[1])
	}
	if sc := doc.Suites[1]; sc.Name != "clean.md" || sc.Tests != 1 || sc.Failures != 0 || len(sc.Cases) != 1 || sc.Cases[0].Failure != nil {
		t.Errorf("a clean file is one passing test case: %+v", sc)
	}
	if sb := doc.Suites[2]; sb.Name != "bin.md" || sb.Errors != 1 || sb.Cases[0].Error == nil || sb.Cases[0].Error.Message != "no such file or folder" {
		t.Errorf("unreadable file: %+v", sb)
	}
}

// sarifDoc is the part of a SARIF log the tests read.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name, Version, SemanticVersion, InformationURI string
				Rules                                          []struct {
					ID, Name, HelpURI                 string
					ShortDescription, FullDescription struct{ Text string }
					Help                              struct{ Text, Markdown string }
					DefaultConfiguration              struct {
						Enabled *bool
						Level   string
					}
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level     string
				Message   struct{ Text string }
				Locations []sarifLocation
			}
		}
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		ColumnKind         string
		Results            []struct {
			RuleID              string
			RuleIndex           int
			Level               string
			Message             struct{ Text string }
			Locations           []sarifLocation
			PartialFingerprints map[string]string
			Fixes               []struct {
				Description     struct{ Text string }
				ArtifactChanges []struct {
					ArtifactLocation sarifArtifactLoc
					Replacements     []struct {
						DeletedRegion   sarifRegion
						InsertedContent *struct{ Text string }
					}
				}
			}
		}
	}
}

func TestSARIF(t *testing.T) {
	root := t.TempDir()
	src := "# Liste 📚\n\n- [日本語の本, 2017](https://example.org/jp) - Ein Buch.\n- [B](https://b.example) -\n  wrapped.\n"
	s, e := span(src, ", 2017")
	fix := &rules.Fix{Safe: true, Message: "write the year as \" (2017)\"", Edits: []rules.Edit{{Start: s, End: e, New: ""}, {Start: e, End: e, New: " (2017)"}}}
	ws, we := span(src, "- [B](https://b.example) -\n  wrapped.")
	a := result(filepath.Join(root, "sub dir", "a.md"), src,
		rules.Diagnostic{Rule: "year-suffix", Severity: rules.Error, Start: s, End: e, Message: "year should be written as \" (2017)\"", Fix: fix},
		diag("entry-format", rules.Warning, ws, we, "the entry is wrapped over 2 lines"))
	outside := result(filepath.Join(t.TempDir(), "out.md"), "x\n", diag("test-only-rule", rules.Warning, 0, 1, "m."))
	run := &Run{Results: []*engine.Result{a, outside}, Errors: []FileError{{Path: filepath.Join(root, "bin.md"), Line: 2, Err: "binary file"}}}
	out := render(t, &SARIF{Options: Options{Root: root, Version: "v1.2.3"}}, run)
	var doc sarifDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "https://json.schemastore.org/sarif-2.1.0.json" || doc.Version != "2.1.0" || len(doc.Runs) != 1 {
		t.Fatalf("top: %+v", doc)
	}
	run0 := doc.Runs[0]
	d := run0.Tool.Driver
	if d.Name != "listlint" || d.Version != "1.2.3" || d.SemanticVersion != "1.2.3" || d.InformationURI == "" {
		t.Errorf("driver: %+v", d)
	}
	// Every visible rule is described, then the others that reported.
	visible := ruledoc.Visible()
	if len(d.Rules) != len(visible)+1 || d.Rules[len(d.Rules)-1].ID != "test-only-rule" {
		t.Fatalf("%d rules, want %d", len(d.Rules), len(visible)+1)
	}
	for i, r := range d.Rules[:len(visible)] {
		if r.ID != visible[i].ID || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || len(r.FullDescription.Text) > 1000 ||
			r.Help.Text == "" || r.Help.Markdown == "" || r.HelpURI != rules.DocURL(r.ID) || r.DefaultConfiguration.Level == "" {
			t.Errorf("rule %d: %+v", i, r)
		}
		if strings.EqualFold(r.Name, r.ID) {
			t.Errorf("rule %s: name repeats the id", r.ID)
		}
	}
	if run0.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q", run0.ColumnKind)
	}
	if base := run0.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("originalUriBaseIds: %q", base)
	}
	if len(run0.Results) != 3 {
		t.Fatalf("%d results", len(run0.Results))
	}
	r0 := run0.Results[0]
	if r0.RuleID != "year-suffix" || d.Rules[r0.RuleIndex].ID != "year-suffix" || r0.Level != "error" || r0.Message.Text != "year should be written as \" (2017)\"" {
		t.Errorf("result 0: %+v", r0)
	}
	loc := r0.Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "sub%20dir/a.md" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("location: %+v", loc.ArtifactLocation)
	}
	if *loc.Region != (sarifRegion{StartLine: 3, StartColumn: 9, EndLine: 3, EndColumn: 15}) {
		t.Errorf("region: %+v", *loc.Region)
	}
	if len(r0.Fixes) != 1 || len(r0.Fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("fixes: %+v", r0.Fixes)
	}
	reps := r0.Fixes[0].ArtifactChanges[0].Replacements
	if len(reps) != 2 || reps[0].DeletedRegion != (sarifRegion{StartLine: 3, StartColumn: 9, EndLine: 3, EndColumn: 15}) || reps[0].InsertedContent != nil ||
		reps[1].DeletedRegion != (sarifRegion{StartLine: 3, StartColumn: 15, EndLine: 3, EndColumn: 15}) || reps[1].InsertedContent.Text != " (2017)" {
		t.Errorf("replacements: %+v", reps)
	}
	r1 := run0.Results[1]
	if r1.Level != "warning" || *r1.Locations[0].PhysicalLocation.Region != (sarifRegion{StartLine: 4, StartColumn: 1, EndLine: 5, EndColumn: 11}) || r1.Fixes != nil {
		t.Errorf("result 1: %+v %+v", r1, *r1.Locations[0].PhysicalLocation.Region)
	}
	if uri := run0.Results[2].Locations[0].PhysicalLocation.ArtifactLocation; !strings.HasPrefix(uri.URI, "file:///") || uri.URIBaseID != "" {
		t.Errorf("a file outside the repository: %+v", uri)
	}
	inv := run0.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
		t.Fatalf("invocation: %+v", inv)
	}
	n := inv.ToolExecutionNotifications[0]
	if n.Level != "error" || n.Message.Text != "binary file" || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "bin.md" || n.Locations[0].PhysicalLocation.Region.StartLine != 2 {
		t.Errorf("notification: %+v", n)
	}

	// Fingerprints follow the line's text, not its number: the same problem two lines
	// further down keeps its fingerprint; the same text in another file does not.
	fp := r0.PartialFingerprints["primaryLocationLineHash"]
	moved := result(filepath.Join(root, "sub dir", "a.md"), "\n\n"+src)
	moved.Diags = []rules.Diagnostic{{Rule: "year-suffix", Severity: rules.Error, Start: s + 2, End: e + 2, Message: "m"}}
	other := result(filepath.Join(root, "b.md"), src, rules.Diagnostic{Rule: "year-suffix", Severity: rules.Error, Start: s, End: e, Message: "m"})
	var doc2 sarifDoc
	_ = json.Unmarshal([]byte(render(t, &SARIF{Options: Options{Root: root}}, &Run{Results: []*engine.Result{moved, other}})), &doc2)
	res2 := doc2.Runs[0].Results
	if got := res2[0].PartialFingerprints["primaryLocationLineHash"]; got != fp || !strings.HasSuffix(fp, ":1") {
		t.Errorf("moved line: fingerprint %q, was %q", got, fp)
	}
	if res2[1].PartialFingerprints["primaryLocationLineHash"] == fp {
		t.Error("another file has the same fingerprint")
	}
	// A second problem of the same rule on the same line gets a fingerprint of its own.
	twice := result(filepath.Join(root, "a.md"), src, diag("r", rules.Error, s, e, "m"), diag("r", rules.Error, s+1, e, "m"))
	var doc3 sarifDoc
	_ = json.Unmarshal([]byte(render(t, &SARIF{Options: Options{Root: root}}, &Run{Results: []*engine.Result{twice}})), &doc3)
	f1, f2 := doc3.Runs[0].Results[0].PartialFingerprints["primaryLocationLineHash"], doc3.Runs[0].Results[1].PartialFingerprints["primaryLocationLineHash"]
	if f1 == f2 || strings.Split(f1, ":")[0] != strings.Split(f2, ":")[0] {
		t.Errorf("same line twice: %q %q", f1, f2)
	}
}

// A blank line too many has an empty span: its region is the whole line, without columns;
// an insertion point at the end of a line marks the character before it.
func TestSARIFEmptySpans(t *testing.T) {
	root := t.TempDir()
	r := result(filepath.Join(root, "a.md"), "a\n\n\nb", diag("whitespace", rules.Warning, 3, 4, "blank"), diag("whitespace", rules.Warning, 5, 5, "no final line break"))
	var doc sarifDoc
	if err := json.Unmarshal([]byte(render(t, &SARIF{Options: Options{Root: root}}, &Run{Results: []*engine.Result{r}})), &doc); err != nil {
		t.Fatal(err)
	}
	res := doc.Runs[0].Results
	if got := *res[0].Locations[0].PhysicalLocation.Region; got != (sarifRegion{StartLine: 3, EndLine: 3}) {
		t.Errorf("blank line: %+v", got)
	}
	if got := *res[1].Locations[0].PhysicalLocation.Region; got != (sarifRegion{StartLine: 4, StartColumn: 1, EndLine: 4, EndColumn: 2}) {
		t.Errorf("end of file: %+v", got)
	}
}

func TestSARIFCleanRun(t *testing.T) {
	out := render(t, &SARIF{Options: Options{Root: t.TempDir(), Version: "dev (0123456789ab-dirty)"}}, &Run{Results: []*engine.Result{result("a.md", "x\n")}})
	var doc sarifDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"results": []`) || !doc.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Errorf("a clean run has an empty results array and a successful invocation:\n%s", out)
	}
	if v := doc.Runs[0].Tool.Driver.Version; v != "0.0.0-dev+0123456789ab.dirty" {
		t.Errorf("development version %q", v)
	}
}

func TestSARIFVersions(t *testing.T) {
	for in, want := range map[string]string{
		"v1.2.3":                   "1.2.3",
		"v0.4.0-rc.1":              "0.4.0-rc.1",
		"dev":                      "0.0.0-dev",
		"dev (0123456789ab)":       "0.0.0-dev+0123456789ab",
		"dev (0123456789ab-dirty)": "0.0.0-dev+0123456789ab.dirty",
		"":                         "0.0.0",
	} {
		if v, sv := sarifVersions(in); v != want || sv != want {
			t.Errorf("%q: got %q %q, want %q", in, v, sv, want)
		}
	}
}

func TestEscapePath(t *testing.T) {
	for in, want := range map[string]string{
		"a/b.md":       "a/b.md",
		"sub dir/ä.md": "sub%20dir/%C3%A4.md",
		"c:d#e?f%g.md": "c%3Ad%23e%3Ff%25g.md",
		"<stdin>":      "%3Cstdin%3E",
	} {
		if got := escapePath(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

func TestFindRoot(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	mustMkdir(t, filepath.Join(root, ".git"))
	mustMkdir(t, deep)
	if got := worktree.Top(deep); got != root {
		t.Errorf("worktree.Top: %q, want %q", got, root)
	}
	if rel, ok := repoPath(root, filepath.Join(deep, "x.md")); !ok || rel != "a/b/x.md" {
		t.Errorf("repoPath: %q %v", rel, ok)
	}
}

// A duplicate names its first entry, in its own file or another, as a related location.
func TestSARIFRelatedLocations(t *testing.T) {
	root := t.TempDir()
	a := "# A\n\n- [X](https://x.example) - X.\n"
	b := "# B\n\n- [Y](https://y.example) - Y.\n- [X](https://x.example) - X again.\n"
	as, ae := span(a, "https://x.example")
	bs, be := span(b, "https://x.example")
	ys, ye := span(b, "https://y.example")
	d := diag("duplicate-url", rules.Error, bs, be, "dup")
	d.Related = []rules.Location{{Path: filepath.Join(root, "a.md"), Start: as, End: ae}, {Start: ys, End: ye}}
	run := &Run{Results: []*engine.Result{result(filepath.Join(root, "a.md"), a), result(filepath.Join(root, "b.md"), b, d)}}
	out := render(t, &SARIF{Options: Options{Root: root}}, run)
	var doc struct {
		Runs []struct {
			Results []struct {
				RelatedLocations []struct {
					ID               int
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	rel := doc.Runs[0].Results[0].RelatedLocations
	if len(rel) != 2 {
		t.Fatalf("%d related locations, want 2:\n%s", len(rel), out)
	}
	for i, want := range []struct {
		id      int
		uri     string
		line    int
		col, to int
	}{{1, "a.md", 3, 7, 24}, {2, "b.md", 3, 7, 24}} {
		got := rel[i]
		if got.ID != want.id || got.PhysicalLocation.ArtifactLocation.URI != want.uri || got.PhysicalLocation.Region.StartLine != want.line ||
			got.PhysicalLocation.Region.StartColumn != want.col || got.PhysicalLocation.Region.EndColumn != want.to {
			t.Errorf("related location %d: %+v, want %+v", i, got, want)
		}
	}
}

func TestFileURI(t *testing.T) {
	for in, want := range map[string]string{
		"/home/me/list.md":    "file:///home/me/list.md",
		"/tmp/my list%.md":    "file:///tmp/my%20list%25.md",
		"C:/Users/me/list.md": "file:///C:/Users/me/list.md",
	} {
		if got := fileURI(in); got != want {
			t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
		}
	}
}
