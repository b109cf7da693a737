package changed

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// summary renders parsed files as "path: whole" or "path: 3-4,9" lines, sorted, so that
// a test states the whole result in one string.
func summary(files map[string]*File) string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f := files[name]
		if f.Whole {
			out = append(out, name+": whole")
			continue
		}
		var rs []string
		for _, r := range f.ranges {
			if r.from == r.to {
				rs = append(rs, fmt.Sprint(r.from))
			} else {
				rs = append(rs, fmt.Sprintf("%d-%d", r.from, r.to))
			}
		}
		out = append(out, name+": "+strings.Join(rs, ","))
	}
	return strings.Join(out, "\n")
}

func TestParseDiff(t *testing.T) {
	tests := []struct {
		name, diff, want string
	}{
		{
			name: "git diff with --unified=0",
			diff: `diff --git a/list.md b/list.md
index 1111111..2222222 100644
--- a/list.md
+++ b/list.md
@@ -4 +4 @@ intro
-- [B](https://b.example) - Bravo
+- [B](https://b.example) - Bravo.
@@ -6,0 +7,2 @@
+- [N](https://n.example) - New
+- [A2](https://a.example) - Alpha again.
`,
			want: "list.md: 4,7-8",
		},
		{
			name: "counts omitted mean one line",
			diff: "--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-old\n+new\n@@ -10 +10,2 @@\n-a\n+b\n+c\n",
			want: "x.md: 3,10-11",
		},
		{
			name: "context lines move the new line number and do not count",
			diff: "--- a/x.md\n+++ b/x.md\n@@ -1,4 +1,5 @@\n one\n two\n+new\n three\n-four\n+FOUR\n",
			want: "x.md: 3,5",
		},
		{
			name: "an empty line in a hunk is an empty context line",
			diff: "--- a/x.md\n+++ b/x.md\n@@ -1,3 +1,3 @@\n one\n\n-three\n+THREE\n",
			want: "x.md: 3",
		},
		{
			name: "deletions only",
			diff: "--- a/x.md\n+++ b/x.md\n@@ -5,2 +4,0 @@\n-gone\n-also gone\n@@ -9 +7,0 @@\n-more\n",
			want: "x.md: ",
		},
		{
			name: "zero-length new side between added hunks",
			diff: "--- a/x.md\n+++ b/x.md\n@@ -2,0 +3 @@\n+added\n@@ -5 +5,0 @@\n-removed\n",
			want: "x.md: 3",
		},
		{
			name: "no newline at end of file, on both sides",
			diff: "--- a/x.md\n+++ b/x.md\n@@ -2 +2,2 @@\n-last\n\\ No newline at end of file\n+last\n+after\n\\ No newline at end of file\n",
			want: "x.md: 2-3",
		},
		{
			name: "new file is whole, deleted file is absent",
			diff: `diff --git a/new.md b/new.md
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/new.md
@@ -0,0 +1,2 @@
+# New
+- [N](https://n.example) - New.
diff --git a/old.md b/old.md
deleted file mode 100644
index 4444444..0000000
--- a/old.md
+++ /dev/null
@@ -1 +0,0 @@
-# Old
`,
			want: "new.md: whole",
		},
		{
			name: "pure rename has no changed line; rename with edits counts under the new name",
			diff: `diff --git a/same.md b/moved/same.md
similarity index 100%
rename from same.md
rename to moved/same.md
diff --git a/edited.md b/docs/edited.md
similarity index 90%
rename from edited.md
rename to docs/edited.md
index 5555555..6666666 100644
--- a/edited.md
+++ b/docs/edited.md
@@ -7 +7 @@
-x
+y
diff --git a/mode.md b/mode.md
old mode 100644
new mode 100755
`,
			want: "docs/edited.md: 7",
		},
		{
			name: "quoted paths: octal escapes and a space",
			diff: `diff --git "a/sp\303\251cial list.md" "b/sp\303\251cial list.md"
index 1111111..2222222 100644
--- "a/sp\303\251cial list.md"
+++ "b/sp\303\251cial list.md"
@@ -1 +1 @@
-a
+b
diff --git "a/tab\there.md" "b/tab\there.md"
--- "a/tab\there.md"
+++ "b/tab\there.md"
@@ -2,0 +3 @@
+c
`,
			want: "spécial list.md: 1\ntab\there.md: 3",
		},
		{
			name: "git 2.39 output: a quoted name with a space gets a tab too; a new file with a space",
			diff: "diff --git \"a/t\\tab.md\" \"b/t\\tab.md\"\nindex bca70f3..8a08eba 100644\n--- \"a/t\\tab.md\"\n+++ \"b/t\\tab.md\"\n@@ -1,0 +2 @@ q\n+r\n" +
				"diff --git a/x y.md b/x y.md\ndeleted file mode 100644\nindex 0a207c0..0000000\n--- a/x y.md\t\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n\\ No newline at end of file\n" +
				"diff --git a/z w.md b/z w.md\nnew file mode 100644\nindex 0000000..36ef1ba\n--- /dev/null\n+++ b/z w.md\t\n@@ -0,0 +1,3 @@\n+a\n+B\n+c\n\\ No newline at end of file\n" +
				"diff --git \"a/\303\251 \\\"q\\\".md\" \"b/\303\251 \\\"q\\\".md\"\nindex bca70f3..8a08eba 100644\n--- \"a/\303\251 \\\"q\\\".md\"\t\n+++ \"b/\303\251 \\\"q\\\".md\"\t\n@@ -1,0 +2 @@ q\n+r\n",
			want: "t\tab.md: 2\nz w.md: whole\né \"q\".md: 2",
		},
		{
			name: "unquoted space in a name: git ends the header name with a tab",
			diff: "diff --git a/my list.md b/my list.md\nindex 1..2 100644\n--- a/my list.md\t\n+++ b/my list.md\t\n@@ -1 +1 @@\n-a\n+b\n",
			want: "my list.md: 1",
		},
		{
			name: "quotepath off: raw UTF-8",
			diff: "diff --git a/liste-é.md b/liste-é.md\n--- a/liste-é.md\n+++ b/liste-é.md\n@@ -1 +1 @@\n-a\n+b\n",
			want: "liste-é.md: 1",
		},
		{
			name: "CRLF patch",
			diff: strings.ReplaceAll("diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,3 @@\n a\n+b\n c\n\\ No newline at end of file\n", "\n", "\r\n"),
			want: "x.md: 2",
		},
		{
			name: "binary files count whole, in git and diff -u form",
			diff: `diff --git a/img.md b/img.md
index 1111111..2222222 100644
Binary files a/img.md and b/img.md differ
diff --git a/lit.md b/lit.md
index 1111111..2222222 100644
GIT binary patch
literal 12
TcmZ?wbhEHbRA6vm00j{
literal 0
HcmV?d00001

Binary files old/raw.md and new/raw.md differ
`,
			want: "img.md: whole\nlit.md: whole\nraw.md: whole",
		},
		{
			name: "diff -u with time stamps and first folders",
			diff: "--- old/list.md\t2026-11-01 10:00:00.000000000 +0000\n+++ new/list.md\t2026-11-02 10:00:00.000000000 +0000\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n",
			want: "list.md: 2",
		},
		{
			name: "-p0 patch keeps the path, a folder named b included",
			diff: "--- list.md\n+++ list.md\n@@ -1 +1 @@\n-a\n+b\n--- b/x.md\n+++ b/x.md\n@@ -1 +1 @@\n-a\n+b\n",
			want: "b/x.md: 1\nlist.md: 1",
		},
		{
			name: "git --no-prefix",
			diff: "diff --git docs/x.md docs/x.md\nindex 1..2 100644\n--- docs/x.md\n+++ docs/x.md\n@@ -1 +1 @@\n-a\n+b\n",
			want: "docs/x.md: 1",
		},
		{
			name: "mnemonic prefixes",
			diff: "diff --git c/x.md w/x.md\nindex 1..2 100644\n--- c/x.md\n+++ w/x.md\n@@ -1 +1 @@\n-a\n+b\n",
			want: "x.md: 1",
		},
		{
			name: "format-patch mail: message, --- separator, diffstat, signature",
			diff: `From 1234 Mon Sep 17 00:00:00 2001
Subject: [PATCH] add an entry

---
 list.md | 1 +
 1 file changed, 1 insertion(+)

diff --git a/list.md b/list.md
--- a/list.md
+++ b/list.md
@@ -3,0 +4 @@
+--- a line that looks like a header
-- 
2.39.5
`,
			want: "list.md: 4",
		},
		{
			name: "lines that look like headers inside a hunk are content",
			diff: "--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n--- old rule\n+++ new rule\n-x\n+y\n",
			want: "x.md: 1-2",
		},
		{
			name: "empty diff",
			diff: "",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := ParseDiff([]byte(tt.diff))
			if err != nil {
				t.Fatalf("ParseDiff: %v", err)
			}
			if got := summary(files); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParseDiffErrors(t *testing.T) {
	tests := []struct {
		name, diff string
		line       int
		msg        string
	}{
		{"not a diff", "hello\nworld\n", 0, "no unified diff"},
		{"bad hunk header", "--- a/x\n+++ b/x\n@@ -a +1 @@\n+x\n", 3, `cannot read the hunk header "@@ -a +1 @@"`},
		{"hunk too short at the end", "--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n a\n+b\n", 5, "the hunk at line 3 ends early"},
		{"hunk cut by another file", "--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n+b\ndiff --git a/y b/y\n", 5, `"diff --git a/y b/y" is not a hunk line`},
		{"hunk too long", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n", 6, "more lines than its header"},
		{"hunk without a file", "@@ -1 +1 @@\n-a\n+b\n", 1, "before any file header"},
		{"+++ alone", "+++ b/x\n@@ -1 +1 @@\n", 1, `has no "--- " line before it`},
		{"bad quoting", "--- \"a/x\n+++ \"b/x\"\n@@ -1 +1 @@\n-a\n+b\n", 1, "no closing quote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDiff([]byte(tt.diff))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			if pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("got line %d %q, want line %d containing %q", pe.Line, pe.Msg, tt.line, tt.msg)
			}
		})
	}
}

func TestTouches(t *testing.T) {
	f := &File{}
	for _, l := range []int{9, 3, 4, 5, 12} {
		f.add(l, l)
	}
	f.normalize()
	tests := []struct {
		from, to int
		want     bool
	}{
		{1, 2, false}, {2, 3, true}, {4, 4, true}, {5, 8, true}, {6, 8, false},
		{8, 10, true}, {10, 11, false}, {12, 12, true}, {13, 99, false},
	}
	for _, tt := range tests {
		if got := f.Touches(tt.from, tt.to); got != tt.want {
			t.Errorf("Touches(%d, %d) = %v, want %v (ranges %v)", tt.from, tt.to, got, tt.want, f.ranges)
		}
	}
	var none *File
	if none.Touches(1, 100) {
		t.Error("a nil File touches a line")
	}
	if !(&File{Whole: true}).Touches(7, 7) {
		t.Error("a whole File does not touch a line")
	}
}
