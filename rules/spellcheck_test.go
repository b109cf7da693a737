package rules

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/listlint/listlint/mdsrc"
)

// TestSpellNames keeps the built-in list consistent.
func TestSpellNames(t *testing.T) {
	if len(spellNames) < 150 {
		t.Errorf("%d names, want at least 150", len(spellNames))
	}
	seen := map[string]string{}
	for canon, variants := range spellNames {
		if len(variants) == 0 {
			t.Errorf("%q has no variants", canon)
		}
		if first := strings.Fields(canon)[0]; unicode.IsLower([]rune(first)[0]) && commonWords[strings.ToLower(first)] {
			// description-style would capitalise it at the start of a description.
			t.Errorf("%q starts with the common word %q", canon, first)
		}
		for _, v := range variants {
			switch {
			case v == canon:
				t.Errorf("%q lists itself as a variant", canon)
			case seen[v] != "":
				t.Errorf("%q is a variant of both %q and %q", v, seen[v], canon)
			case spellNames[v] != nil:
				t.Errorf("%q, a variant of %q, is a name of its own", v, canon)
			case strings.Join(strings.Fields(v), " ") != v:
				t.Errorf("%q: a variant's words stand one space apart", v)
			case commonWords[strings.ToLower(v)] && strings.ToLower(v) == v:
				t.Errorf("%q (variant of %q) is a common English word", v, canon)
			}
			seen[v] = canon
			for _, w := range strings.Fields(v) {
				// Each word must be a word of the scanner, or the variant never matches.
				b := []byte(w)
				if e := wordEnd(b, 0, len(b)); e != len(b) {
					t.Errorf("%q: %q is not one word", v, w)
				} else if s, e := trimWord(b, 0, len(b)); s != 0 || e != len(b) {
					t.Errorf("%q: %q loses its ends to trimming", v, w)
				}
			}
		}
	}
}

// TestSpellCheckNamesPass checks that the canonical names themselves pass the rule.
func TestSpellCheckNamesPass(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Names\n\n")
	for canon := range spellNames {
		b.WriteString("- [" + canon + "](https://example.com/x) - Uses " + canon + " and " + canon + ".\n")
	}
	for _, d := range spellLint(t, SpellCheck, nil, b.String()) {
		t.Errorf("%s", d.Message)
	}
}

// TestSpellCheckOptions covers the matcher built from options and its cache.
func TestSpellCheckOptions(t *testing.T) {
	src := "- [A](https://example.com/a) - Foo Bar, foobar and Github.\n"
	opts := &SpellCheckOptions{Words: map[string][]string{"FooBar": {"Foo Bar", "foobar"}}, Ignore: []string{"GitHub"}}
	for range 2 { // the second run uses the cached matcher
		var got []string
		for _, d := range spellLint(t, SpellCheck, opts, src) {
			got = append(got, d.Message)
		}
		want := []string{`"Foo Bar" should be written "FooBar"`, `"foobar" should be written "FooBar"`}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func spellLint(t *testing.T, r *Rule, opts any, src string) []Diagnostic {
	t.Helper()
	doc, err := mdsrc.Parse("list.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []Diagnostic
	r.Check(NewPass(r, doc, opts, Warning, time.Now(), func(d Diagnostic) { out = append(out, d) }))
	return out
}
