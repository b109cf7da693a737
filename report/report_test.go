package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/mdsrc"
	"github.com/listlint/listlint/rules"
)

func result(path, src string, diags ...rules.Diagnostic) *engine.Result {
	b := []byte(src)
	return &engine.Result{Path: path, Src: b, Lines: mdsrc.NewLineIndex(b), Diags: diags}
}

func span(src, part string) (int, int) {
	i := strings.Index(src, part)
	return i, i + len(part)
}

func TestTextFormat(t *testing.T) {
	src := "# T\n\n\t- [Ünïcode, 2020](https://e.com) - x\n"
	s, e := span(src, ", 2020")
	r := result("a.md", src, rules.Diagnostic{Rule: "year-suffix", Severity: rules.Error, Start: s, End: e, Message: "bad year", Fix: &rules.Fix{Safe: true}},
		rules.Diagnostic{Rule: "r2", Severity: rules.Warning, Start: 0, End: 3, Message: "warn"})
	var out bytes.Buffer
	if err := (&Text{}).Report(&out, &Run{Results: []*engine.Result{r}}); err != nil {
		t.Fatal(err)
	}
	// Reporters print diagnostics in the order given (the engine sorts them); the marker
	// line keeps the source's tab so that it lines up in a terminal.
	want := "a.md:3:12: error: bad year [year-suffix]\n" +
		" 3 | \t- [Ünïcode, 2020](https://e.com) - x\n" +
		"   | \t          ^~~~~~\n" +
		"a.md:1:1: warning: warn [r2]\n" +
		" 1 | # T\n" +
		"   | ^~~\n" +
		"2 problems (1 fixable with --fix) in 1 file\n"
	got := out.String()
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(got, "\x1b[") {
		t.Error("colour escapes without colour")
	}
	out.Reset()
	_ = (&Text{Options: Options{Color: true}}).Report(&out, &Run{Results: []*engine.Result{r}})
	if !strings.Contains(out.String(), "\x1b[") {
		t.Error("no colour escapes with colour on")
	}
	out.Reset()
	_ = (&Text{Options: Options{Quiet: true}}).Report(&out, &Run{Results: []*engine.Result{r}})
	if strings.Contains(out.String(), "warn") || strings.Contains(out.String(), "problems") {
		t.Errorf("quiet output shows warnings or the summary:\n%s", out.String())
	}
}

func TestTextLongLineWindow(t *testing.T) {
	src := "- [x](https://e.com) - " + strings.Repeat("a", 100000) + "BAD" + strings.Repeat("b", 100000) + "\n"
	s, e := span(src, "BAD")
	r := result("long.md", src, rules.Diagnostic{Rule: "r", Severity: rules.Error, Start: s, End: e, Message: "m"})
	var out bytes.Buffer
	_ = (&Text{}).Report(&out, &Run{Results: []*engine.Result{r}})
	lines := strings.Split(out.String(), "\n")
	if len(lines[1]) > 400 {
		t.Fatalf("excerpt not windowed: %d bytes", len(lines[1]))
	}
	if at, mark := strings.Index(lines[1], "BAD"), strings.Index(lines[2], "^~~"); at < 0 || at != mark+len("…")-1 {
		t.Errorf("marker not under the problem:\n%s\n%s", lines[1], lines[2])
	}
}

func TestTextSummary(t *testing.T) {
	var out bytes.Buffer
	_ = (&Text{}).Report(&out, &Run{Results: []*engine.Result{result("a.md", "x\n"), result("b.md", "y\n")}})
	if out.String() != "no problems in 2 files\n" {
		t.Errorf("got %q", out.String())
	}
	r := result("a.md", "x\n", rules.Diagnostic{Rule: "r", Severity: rules.Error, Start: 0, End: 1, Message: "m", Fix: &rules.Fix{Safe: false}})
	out.Reset()
	_ = (&Text{}).Report(&out, &Run{Results: []*engine.Result{r}, Fixed: 3})
	if !strings.Contains(out.String(), "fixed 3 problems\n1 problem (1 more with --fix --unsafe-fixes) in 1 file\n") {
		t.Errorf("got %q", out.String())
	}
}

func TestJSON(t *testing.T) {
	src := "ä\n- [T, 2020](https://e.com)\n"
	s, e := span(src, ", 2020")
	r := result("a.md", src, rules.Diagnostic{Rule: "year-suffix", Severity: rules.Error, Start: s, End: e, Message: "m",
		Fix: &rules.Fix{Safe: true, Message: "f", Edits: []rules.Edit{{Start: s, End: e, New: " (2020)"}}}})
	var out bytes.Buffer
	if err := (&JSON{}).Report(&out, &Run{Results: []*engine.Result{r}, Errors: []FileError{{Path: "bad.md", Line: 2, Err: "binary"}}}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version, Files int
		Diagnostics    []map[string]any
		Errors         []map[string]any
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.Files != 1 || len(got.Diagnostics) != 1 || len(got.Errors) != 1 {
		t.Fatalf("got %+v", got)
	}
	d := got.Diagnostics[0]
	if d["line"] != 2.0 || d["column"] != 5.0 || d["endLine"] != 2.0 || d["endColumn"] != 11.0 || d["severity"] != "error" {
		t.Errorf("positions: %v", d)
	}
	fix := d["fix"].(map[string]any)
	edit := fix["edits"].([]any)[0].(map[string]any)
	if fix["safe"] != true || edit["newText"] != " (2020)" || edit["startOffset"] != float64(s) {
		t.Errorf("fix: %v", fix)
	}
}
