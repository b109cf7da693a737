package fixer

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed)) }

// numbered returns lines "line 1\n" .. "line n\n".
func numbered(n int) string {
	var sb strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "line %d\n", i)
	}
	return sb.String()
}

// replaceLine replaces the 1-based line n of s.
func replaceLine(s string, n int, with string) string {
	lines := splitLines(s)
	lines[n-1] = with
	return strings.Join(lines, "")
}

var diffCases = []struct {
	name     string
	old, new string
	hunks    int // expected number of hunks
}{
	{"change in middle", numbered(30), replaceLine(numbered(30), 15, "changed\n"), 1},
	{"two separate hunks", numbered(40), replaceLine(replaceLine(numbered(40), 5, "a\n"), 30, "b\n"), 2},
	{"merged hunks (gap of 6)", numbered(40), replaceLine(replaceLine(numbered(40), 10, "a\n"), 17, "b\n"), 1},
	{"split hunks (gap of 7)", numbered(40), replaceLine(replaceLine(numbered(40), 10, "a\n"), 18, "b\n"), 2},
	{"add at start", numbered(10), "new 1\nnew 2\n" + numbered(10), 1},
	{"add at end", numbered(10), numbered(10) + "new\n", 1},
	{"delete lines", numbered(20), strings.Replace(numbered(20), "line 8\nline 9\n", "", 1), 1},
	{"delete all", numbered(5), "", 1},
	{"from empty", "", "- a\n- b\n", 1},
	{"to empty", "- a\n", "", 1},
	{"single line change", "x\n", "y\n", 1},
	{"no trailing newline on old", "a\nb\nc", "a\nb\nc\n", 1},
	{"no trailing newline on new", "a\nb\nc\n", "a\nb\nc", 1},
	{"no trailing newline on both", "a\nb\nc", "a\nB\nc", 1},
	{"no trailing newline unchanged far away", numbered(20) + "end", replaceLine(numbered(20)+"end", 2, "two\n"), 1},
	{"no trailing newline, last line changed", numbered(5) + "end", numbered(5) + "fin", 1},
	{"from empty without newline", "", "x", 1},
	{"to empty without newline", "x", "", 1},
	{"only newline added", "", "\n", 1},
	{"CRLF content", "- a\r\n- b\r\n- c\r\n", "- a\r\n- B\r\n- c\r\n", 1},
	{"CRLF to LF", "- a\r\n- b\r\n", "- a\n- b\n", 1},
	{"mixed CRLF without final newline", "a\r\nb\nc\r", "a\r\nb\r\nc\r", 1},
	{"unicode", "- café\n- 日本語\n- 🙂\n", "- café\n- 日本\n- 🙂 ok\n", 1},
	{"blank lines and repeats", "- a\n\n- a\n\n- a\n", "- a\n\n\n- a\n- a\n", 1},
	{"many changes", numbered(100), strings.NewReplacer("line 3\n", "x\n", "line 50\n", "", "line 97\n", "y\nz\n").Replace(numbered(100)), 3},
}

func TestUnifiedDiffEqual(t *testing.T) {
	if d := UnifiedDiff("a.md", "a.md", []byte("x\n"), []byte("x\n")); d != "" {
		t.Errorf("diff of equal texts = %q", d)
	}
	if d := UnifiedDiff("a.md", "a.md", nil, []byte{}); d != "" {
		t.Errorf("diff of empty texts = %q", d)
	}
}

func TestUnifiedDiffGolden(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"replace", "a\nb\nc\n", "a\nB\nc\n",
			"--- a/f.md\n+++ b/f.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"from empty", "", "x\n",
			"--- a/f.md\n+++ b/f.md\n@@ -0,0 +1 @@\n+x\n"},
		{"to empty", "x\ny\n", "",
			"--- a/f.md\n+++ b/f.md\n@@ -1,2 +0,0 @@\n-x\n-y\n"},
		{"no newline", "a\nb", "a\nc",
			"--- a/f.md\n+++ b/f.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"newline added", "a", "a\n",
			"--- a/f.md\n+++ b/f.md\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n"},
		{"context trimmed", numbered(9), replaceLine(numbered(9), 5, "five\n"),
			"--- a/f.md\n+++ b/f.md\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+five\n line 6\n line 7\n line 8\n"},
		{"crlf", "a\r\nb\r\n", "a\r\nc\r\n",
			"--- a/f.md\n+++ b/f.md\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := UnifiedDiff("f.md", "f.md", []byte(tt.old), []byte(tt.new)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestUnifiedDiffHeaderNames(t *testing.T) {
	tests := []struct{ name, want string }{
		{"docs/list.md", "a/docs/list.md"},
		{"my notes.md", "a/my notes.md\t"},
		{`q"uote.md`, `"a/q\"uote.md"`},
		{"tab\there.md", `"a/tab\there.md"`},
		{"ünï.md", "a/ünï.md"},
	}
	for _, tt := range tests {
		d := UnifiedDiff(tt.name, tt.name, []byte("x\n"), []byte("y\n"))
		if first := strings.SplitN(d, "\n", 2)[0]; first != "--- "+tt.want {
			t.Errorf("%q: header %q, want %q", tt.name, first, "--- "+tt.want)
		}
	}
}

func TestUnifiedDiffCases(t *testing.T) {
	for _, tc := range diffCases {
		t.Run(tc.name, func(t *testing.T) {
			d := UnifiedDiff("docs/list.md", "docs/list.md", []byte(tc.old), []byte(tc.new))
			got, hunks, err := applyUnified(tc.old, d)
			if err != nil {
				t.Fatalf("applying diff: %v\n%s", err, d)
			}
			if got != tc.new {
				t.Fatalf("applied diff gives %q, want %q\n%s", got, tc.new, d)
			}
			if hunks != tc.hunks {
				t.Errorf("%d hunks, want %d\n%s", hunks, tc.hunks, d)
			}
		})
	}
}

// requireTool skips the test when name is not installed, unless
// LISTLINT_REQUIRE_TOOLS=1 asks for the tool to be there.
func requireTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("LISTLINT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (LISTLINT_REQUIRE_TOOLS=1) but not on PATH", name)
		}
		t.Skipf("%s not on PATH; set LISTLINT_REQUIRE_TOOLS=1 to fail instead", name)
	}
}

func run(t *testing.T, dir string, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	// Keep the user's and the system's git config (autocrlf, signing, ...)
	// out of the test and give git an identity on fresh machines.
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
		"GIT_AUTHOR_NAME=listlint test", "GIT_AUTHOR_EMAIL=test@listlint.invalid",
		"GIT_COMMITTER_NAME=listlint test", "GIT_COMMITTER_EMAIL=test@listlint.invalid",
	)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func checkFile(t *testing.T, tool, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("after %s: %v", tool, err)
	}
	if string(got) != want {
		t.Fatalf("after %s: file is %q, want %q", tool, got, want)
	}
}

func TestUnifiedDiffGitApply(t *testing.T) {
	requireTool(t, "git")
	const name = "docs/list.md"
	for _, tc := range diffCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			patch := filepath.Join(t.TempDir(), "fix.patch")
			writeFile(t, patch, UnifiedDiff(name, name, []byte(tc.old), []byte(tc.new)))
			writeFile(t, filepath.Join(dir, name), tc.old)
			run(t, dir, "git", "init", "-q")
			run(t, dir, "git", "add", "-A")
			run(t, dir, "git", "commit", "-q", "--no-gpg-sign", "-m", "old")
			run(t, dir, "git", "apply", "--check", patch)
			run(t, dir, "git", "apply", patch)
			checkFile(t, "git apply", filepath.Join(dir, name), tc.new)
		})
	}
}

func TestUnifiedDiffPatch(t *testing.T) {
	requireTool(t, "patch")
	const name = "docs/list.md"
	for _, tc := range diffCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			patch := filepath.Join(t.TempDir(), "fix.patch")
			writeFile(t, patch, UnifiedDiff(name, name, []byte(tc.old), []byte(tc.new)))
			writeFile(t, filepath.Join(dir, name), tc.old)
			// -F0: the context must match exactly; --batch: never ask.
			run(t, dir, "patch", "-p1", "-F0", "--batch", "--quiet", "-i", patch)
			checkFile(t, "patch", filepath.Join(dir, name), tc.new)
		})
	}
}

// TestUnifiedDiffNamesWithTools checks that quoted and tab-terminated names
// are understood by git apply and patch.
func TestUnifiedDiffNamesWithTools(t *testing.T) {
	requireTool(t, "git")
	requireTool(t, "patch")
	for _, name := range []string{"my notes.md", `we"ird\name.md`, "sub dir/ünï.md"} {
		t.Run(name, func(t *testing.T) {
			old, new := "- a\n- b\n", "- a\n- c\n"
			patch := filepath.Join(t.TempDir(), "fix.patch")
			writeFile(t, patch, UnifiedDiff(name, name, []byte(old), []byte(new)))

			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, name), old)
			run(t, dir, "git", "init", "-q")
			run(t, dir, "git", "apply", patch)
			checkFile(t, "git apply", filepath.Join(dir, name), new)

			dir = t.TempDir()
			writeFile(t, filepath.Join(dir, name), old)
			run(t, dir, "patch", "-p1", "-F0", "--batch", "--quiet", "-i", patch)
			checkFile(t, "patch", filepath.Join(dir, name), new)
		})
	}
}

// TestUnifiedDiffRandom round-trips random edits of small line-based texts
// through applyUnified, which also checks the hunk structure.
func TestUnifiedDiffRandom(t *testing.T) {
	rng := newRand(42)
	words := []string{"- a", "- b", "", "  - c", "1. d", "é", "x\r"}
	randomText := func() []string {
		lines := make([]string, rng.IntN(40))
		for i := range lines {
			lines[i] = words[rng.IntN(len(words))] + "\n"
		}
		return lines
	}
	join := func(lines []string, dropNewline bool) string {
		s := strings.Join(lines, "")
		if dropNewline && strings.HasSuffix(s, "\n") {
			s = s[:len(s)-1]
		}
		return s
	}
	for n := range 500 {
		oldLines := randomText()
		newLines := append([]string(nil), oldLines...)
		for range rng.IntN(6) {
			i := rng.IntN(len(newLines) + 1)
			switch rng.IntN(3) {
			case 0:
				newLines = append(newLines[:i], append([]string{words[rng.IntN(len(words))] + "\n"}, newLines[i:]...)...)
			case 1:
				if i < len(newLines) {
					newLines = append(newLines[:i], newLines[i+1:]...)
				}
			case 2:
				if i < len(newLines) {
					newLines[i] = "changed\n"
				}
			}
		}
		old, new := join(oldLines, rng.IntN(4) == 0), join(newLines, rng.IntN(4) == 0)
		d := UnifiedDiff("f.md", "f.md", []byte(old), []byte(new))
		if old == new {
			if d != "" {
				t.Fatalf("case %d: equal texts gave a diff:\n%s", n, d)
			}
			continue
		}
		got, _, err := applyUnified(old, d)
		if err != nil {
			t.Fatalf("case %d: %v\nold %q\nnew %q\n%s", n, err, old, new, d)
		}
		if got != new {
			t.Fatalf("case %d: applied diff gives %q, want %q\n%s", n, got, new, d)
		}
	}
}

// TestDiffLinesTooManyDistinctLines covers the fallback for changes that
// cannot be encoded for go-diff.
func TestDiffLinesTooManyDistinctLines(t *testing.T) {
	a := splitLines("same\nx1\nx2\nx3\nsame\n")
	b := splitLines("same\ny1\ny2\nsame\n")
	got := diffLines(a, b, 4)
	want := []block{{1, 4, 1, 3}}
	if len(got) != 1 || got[0] != want[0] {
		t.Fatalf("diffLines = %v, want %v", got, want)
	}
	if got := diffLines(a, b, 100); len(got) != 1 || got[0] != want[0] {
		t.Fatalf("diffLines with enough ids = %v, want %v", got, want)
	}
}

// TestUnifiedDiffManyDistinctLines checks that line ids skip the surrogate
// range: go-diff turns runes into strings, so ids encoded as surrogates
// would all read as U+FFFD and changed lines could pass for equal ones.
func TestUnifiedDiffManyDistinctLines(t *testing.T) {
	lines := splitLines(numbered(0xE000 + 100))
	old := strings.Join(lines, "")
	// Changing the first line keeps every line in the part of the file
	// that is diffed, so line i gets id i and the swapped lines get ids
	// in the surrogate range.
	lines[0] = "first\n"
	lines[0xD900], lines[0xDA00] = lines[0xDA00], lines[0xD900]
	new := strings.Join(lines, "")
	d := UnifiedDiff("f.md", "f.md", []byte(old), []byte(new))
	got, hunks, err := applyUnified(old, d)
	if err != nil || got != new {
		t.Fatalf("round trip failed: %v\n%s", err, d)
	}
	if hunks != 3 {
		t.Errorf("%d hunks, want 3\n%s", hunks, d)
	}
}

// TestUnifiedDiffLargeFile checks correctness on a large input; its speed is measured by
// BenchmarkUnifiedDiff, not asserted here.
func TestUnifiedDiffLargeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	old := largeText(20 << 20)
	new := editLargeText(old)
	d := UnifiedDiff("big.md", "big.md", old, new)
	if got, _, err := applyUnified(string(old), d); err != nil || got != string(new) {
		t.Fatalf("round trip failed: %v", err)
	}
}

func BenchmarkUnifiedDiff(b *testing.B) {
	old := largeText(5 << 20)
	new := editLargeText(old)
	b.SetBytes(int64(len(old)))
	for b.Loop() {
		UnifiedDiff("big.md", "big.md", old, new)
	}
}

// largeText returns about size bytes of Markdown lists with both repeated
// and unique lines.
func largeText(size int) []byte {
	var sb strings.Builder
	for i := 0; sb.Len() < size; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&sb, "- item %d\n", i)
		case 1:
			sb.WriteString("  - nested\n")
		case 2:
			fmt.Fprintf(&sb, "1. step %d with some more text\n", i)
		case 3:
			sb.WriteString("\n")
		}
	}
	return []byte(sb.String())
}

// editLargeText changes a few lines near the start, the middle and the end.
func editLargeText(old []byte) []byte {
	lines := splitLines(string(old))
	n := len(lines)
	lines[10] = "* changed\n"
	lines[n/2] = ""
	lines[n/2+1] = "- inserted\n" + lines[n/2+1]
	lines[n-5] = "* changed too\n"
	return []byte(strings.Join(lines, ""))
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// applyUnified applies a unified diff to old strictly: every context and
// removed line must match at the position its hunk names. It also checks the
// structure UnifiedDiff promises: at most 3 lines of context at each end of a
// hunk, hunks that would touch merged, and counts that match the header.
func applyUnified(old, diff string) (result string, hunks int, err error) {
	oldLines := splitLines(old)
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "--- a/") || !strings.HasPrefix(lines[1], "+++ b/") {
		return "", 0, fmt.Errorf("bad header")
	}
	if lines[len(lines)-1] != "" {
		return "", 0, fmt.Errorf("diff does not end with a newline")
	}
	lines = lines[2 : len(lines)-1]

	var out strings.Builder
	pos := 0    // next old line to copy
	newPos := 0 // lines written to out
	for len(lines) > 0 {
		m := hunkHeader.FindStringSubmatch(strings.TrimSuffix(lines[0], "\n"))
		if m == nil {
			return "", 0, fmt.Errorf("bad hunk header %q", lines[0])
		}
		lines = lines[1:]
		hunks++
		count := func(s string) int {
			if s == "" {
				return 1
			}
			n, _ := strconv.Atoi(s)
			return n
		}
		oldStart, _ := strconv.Atoi(m[1])
		oldCount, newCount := count(m[2]), count(m[4])
		newStart, _ := strconv.Atoi(m[3])
		if oldCount > 0 {
			oldStart--
		}
		if newCount > 0 {
			newStart--
		}
		if oldStart < pos || (hunks > 1 && oldStart == pos) {
			return "", 0, fmt.Errorf("hunk %d at line %d overlaps or touches the previous one", hunks, oldStart+1)
		}
		for _, l := range oldLines[pos:oldStart] {
			out.WriteString(l)
		}
		newPos += oldStart - pos
		pos = oldStart
		if newStart != newPos {
			return "", 0, fmt.Errorf("hunk %d: new side starts at %d, want %d", hunks, newStart, newPos)
		}

		var kinds []byte
		olds, news := 0, 0
		for len(lines) > 0 && !strings.HasPrefix(lines[0], "@@") {
			l := lines[0]
			lines = lines[1:]
			if len(l) < 2 {
				return "", 0, fmt.Errorf("bad line %q", l)
			}
			text := l[1:]
			if len(lines) > 0 && lines[0] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				lines = lines[1:]
			}
			switch l[0] {
			case ' ', '-':
				if pos >= len(oldLines) || oldLines[pos] != text {
					return "", 0, fmt.Errorf("hunk %d: line %d is not %q", hunks, pos+1, text)
				}
				if l[0] == ' ' {
					out.WriteString(text)
					news++
					newPos++
				}
				pos++
				olds++
			case '+':
				out.WriteString(text)
				news++
				newPos++
			default:
				return "", 0, fmt.Errorf("bad line %q", l)
			}
			kinds = append(kinds, l[0])
		}
		if olds != oldCount || news != newCount {
			return "", 0, fmt.Errorf("hunk %d: counts %d,%d, header says %d,%d", hunks, olds, news, oldCount, newCount)
		}
		ks := string(kinds)
		lead := len(ks) - len(strings.TrimLeft(ks, " "))
		trail := len(ks) - len(strings.TrimRight(ks, " "))
		if lead > contextLines || trail > contextLines || lead == len(ks) {
			return "", 0, fmt.Errorf("hunk %d: bad context (%d leading, %d trailing)", hunks, lead, trail)
		}
		if strings.Contains(strings.Trim(ks, " "), strings.Repeat(" ", 2*contextLines+1)) {
			return "", 0, fmt.Errorf("hunk %d: should have been split", hunks)
		}
	}
	for _, l := range oldLines[pos:] {
		out.WriteString(l)
	}
	return out.String(), hunks, nil
}
