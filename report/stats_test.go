package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func fixable(d rules.Diagnostic, safe bool) rules.Diagnostic {
	d.Fix = &rules.Fix{Safe: safe, Message: "f", Edits: []rules.Edit{{Start: d.Start, End: d.End}}}
	return d
}

// statsRun has 3 url-style (2 fixable), 3 duplicate-url (1 with an unsafe fix, a warning)
// and 1 year-suffix problem, over two files.
func statsRun() *Run {
	src := "abcdefgh\n"
	a := result("a.md", src,
		fixable(diag("url-style", rules.Error, 0, 1, "u"), true),
		fixable(diag("url-style", rules.Error, 1, 2, "u"), true),
		diag("url-style", rules.Error, 2, 3, "u"),
		fixable(diag("duplicate-url", rules.Warning, 3, 4, "d"), false))
	b := result("b.md", src,
		diag("duplicate-url", rules.Warning, 0, 1, "d"),
		diag("duplicate-url", rules.Warning, 1, 2, "d"),
		fixable(diag("year-suffix", rules.Error, 2, 3, "y"), true))
	return &Run{Results: []*engine.Result{a, b, result("c.md", src)}}
}

func TestStatistics(t *testing.T) {
	var out bytes.Buffer
	if err := Statistics(&out, statsRun(), false); err != nil {
		t.Fatal(err)
	}
	// Most frequent first, ties by id; fixable counts per rule and in all.
	want := "problems  fixable  rule\n" +
		"       3        0  duplicate-url (1 more with --unsafe-fixes)\n" +
		"       3        2  url-style\n" +
		"       1        1  year-suffix\n" +
		"       7        3  total (1 more with --unsafe-fixes)\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}

	run := statsRun()
	run.Unsafe = true
	out.Reset()
	_ = Statistics(&out, run, false)
	if !strings.Contains(out.String(), "       3        1  duplicate-url\n") || !strings.Contains(out.String(), "       7        4  total\n") {
		t.Errorf("--unsafe-fixes counts unsafe fixes as fixable:\n%s", out.String())
	}

	// Quiet counts errors only.
	out.Reset()
	_ = Statistics(&out, statsRun(), true)
	if strings.Contains(out.String(), "duplicate-url") || !strings.Contains(out.String(), "       4        3  total\n") {
		t.Errorf("quiet:\n%s", out.String())
	}

	out.Reset()
	_ = Statistics(&out, &Run{Results: []*engine.Result{result("a.md", "x\n")}}, false)
	if out.String() != "no problems\n" {
		t.Errorf("clean: %q", out.String())
	}
}

func TestWriteCounts(t *testing.T) {
	run := statsRun()
	run.Errors = []FileError{{Path: "x.md", Err: "e"}}
	var out bytes.Buffer
	if err := WriteCounts(&out, run, false); err != nil {
		t.Fatal(err)
	}
	want := "problems=7\nerrors=4\nwarnings=3\nfixable=3\nfiles=2\nchecked=3\nunreadable=1\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}

func summaryOf(t *testing.T, run *Run, o SummaryOptions) string {
	t.Helper()
	var out bytes.Buffer
	if err := Summary(&out, run, o); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestSummary(t *testing.T) {
	root := t.TempDir()
	src := "# T\n\n- [A|B](https://a.example) - x\n"
	s, e := span(src, "x\n")
	e--
	// In file order, as the engine sorts them: the warning first.
	a := result(filepath.Join(root, "docs", "my list.md"), src,
		diag("url-style", rules.Warning, 0, 1, "w"),
		fixable(diag("description-style", rules.Error, s, e, "a | b *c* <d> [e](f) `g`\nnext"), true))
	run := &Run{Results: []*engine.Result{a, result(filepath.Join(root, "clean.md"), "x\n")},
		Errors: []FileError{{Path: filepath.Join(root, "bin.md"), Line: 2, Err: "binary file"}}}
	o := SummaryOptions{Root: root, ServerURL: "https://github.com", Repository: "o/r", Commit: "0123456789abcdef0123456789abcdef01234567"}
	got := summaryOf(t, run, o)
	for _, want := range []string{
		"### listlint: 2 problems (1 error, 1 warning) in 1 of 2 files\n",
		"1 input could not be read; see the list below.\n",
		"1 fixable with `listlint --fix`.\n",
		"| Rule | Problems | Fixable |\n| --- | ---: | ---: |\n",
		"| [description-style](" + rules.DocURL("description-style") + ") | 1 | 1 |\n",
		"| [url-style](" + rules.DocURL("url-style") + ") | 1 | 0 |\n",
		"#### Problems\n",
		// A link to the line at the commit; the message's markup is escaped.
		"- [docs/my list.md:3:30](https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/docs/my%20list.md?plain=1#L3) **error**: " +
			`a \| b \*c\* \<d\> \[e\]\(f\) \` + "`g\\` next ([description-style](" + rules.DocURL("description-style") + "))\n",
		"#### Inputs that could not be read\n\n- bin.md:2: binary file\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("summary lacks %q:\n%s", want, got)
		}
	}
	// The error comes first, though the warning is earlier in the file.
	if strings.Index(got, "**error**") > strings.Index(got, "**warning**") {
		t.Errorf("warning before error:\n%s", got)
	}
	if strings.Contains(got, "[!NOTE]") || strings.Contains(got, "more;") {
		t.Errorf("a note without reason:\n%s", got)
	}

	// Without GitHub's variables (or with ones that would break a link): no links.
	for _, bad := range []SummaryOptions{
		{Root: root},
		{Root: root, ServerURL: "https://github.com", Repository: "o/r", Commit: "abc) [x](y"},
		{Root: root, ServerURL: "javascript:alert(1)//", Repository: "o/r", Commit: "0123456789abcdef"},
	} {
		plain := summaryOf(t, run, bad)
		if strings.Contains(plain, "#L3") || !strings.Contains(plain, "- docs/my list.md:3:30 **error**: ") {
			t.Errorf("links with %+v:\n%s", bad, plain)
		}
	}
}

func TestSummaryManyProblems(t *testing.T) {
	root := t.TempDir()
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "line %d\n", i+1)
	}
	src := b.String()
	var ds []rules.Diagnostic
	for i := range 30 {
		off := strings.Index(src, fmt.Sprintf("line %d\n", i+1))
		ds = append(ds, diag("r", rules.Error, off, off+4, fmt.Sprintf("problem %d", i+1)))
	}
	run := &Run{Results: []*engine.Result{result(filepath.Join(root, "a.md"), src, ds...)}}
	got := summaryOf(t, run, SummaryOptions{Root: root})
	if !strings.Contains(got, "#### First 20 problems\n") || strings.Count(got, "\n- ") != 20 ||
		!strings.Contains(got, "problem 20 (") || strings.Contains(got, "problem 21 (") {
		t.Errorf("not the first 20:\n%s", got)
	}
	if !strings.Contains(got, "…and 10 more; the job log lists them all.\n") {
		t.Errorf("no count of the rest:\n%s", got)
	}
	if !strings.Contains(got, "> [!NOTE]\n> GitHub shows at most 10 error and 10 warning annotations per step; this run found 30 errors and 0 warnings.") {
		t.Errorf("no note on dropped annotations:\n%s", got)
	}

	// The size limit cuts the summary at a line, with a note, and holds.
	small := summaryOf(t, run, SummaryOptions{Root: root, MaxBytes: 700})
	if len(small) > 700 || !strings.HasSuffix(small, truncatedNote) || !strings.Contains(small, "problem 1 ") {
		t.Errorf("truncated summary (%d bytes):\n%s", len(small), small)
	}
	// A huge message is clipped.
	long := result(filepath.Join(root, "a.md"), src, diag("r", rules.Error, 0, 1, strings.Repeat("é", 5000)))
	if got := summaryOf(t, &Run{Results: []*engine.Result{long}}, SummaryOptions{Root: root}); len(got) > 2000 || !strings.Contains(got, "é…") {
		t.Errorf("long message not clipped: %d bytes", len(got))
	}
}

func TestSummaryClean(t *testing.T) {
	got := summaryOf(t, &Run{Results: []*engine.Result{result("a.md", "x\n"), result("b.md", "x\n")}}, SummaryOptions{})
	if got != "### listlint: no problems in 2 files\n\n" {
		t.Errorf("got %q", got)
	}
}
