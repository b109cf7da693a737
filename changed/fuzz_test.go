package changed

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParseDiff feeds the parser arbitrary patches: it never panics, an error names a line
// of the input, and what it returns is well formed: sorted, merged runs of 1-based lines.
func FuzzParseDiff(f *testing.F) {
	for _, s := range []string{
		"diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,3 @@\n a\n-b\n+c\n+d\n",
		"--- x.md\n+++ x.md\n@@ -3 +3 @@\n-a\n+b\n\\ No newline at end of file\n",
		"diff --git a/old.md b/new.md\nsimilarity index 90%\nrename from old.md\nrename to new.md\n",
		"--- /dev/null\n+++ b/new.md\n@@ -0,0 +1,2 @@\n+a\n+b\n",
		"diff --git \"a/t\\303\\251.md\" \"b/t\\303\\251.md\"\nBinary files differ\n",
		"--- a/x.md\r\n+++ b/x.md\r\n@@ -1 +1,0 @@\r\n-a\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, diff []byte) {
		files, err := ParseDiff(diff)
		if err != nil {
			var pe *ParseError
			if errors.As(err, &pe) && pe.Line > bytes.Count(diff, []byte("\n"))+1 {
				t.Fatalf("error at line %d of a %d-line patch: %v", pe.Line, bytes.Count(diff, []byte("\n"))+1, err)
			}
			return
		}
		for name, fl := range files {
			if name == "" {
				t.Fatal("a file without a name")
			}
			prev := 0
			for _, r := range fl.ranges {
				if r.from < 1 || r.to < r.from || r.from <= prev+1 && prev > 0 {
					t.Fatalf("%s: ranges not sorted, merged and 1-based: %+v", name, fl.ranges)
				}
				prev = r.to
			}
		}
	})
}
