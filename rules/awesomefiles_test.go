package rules

import (
	"path"
	"strings"
	"testing"
	"time"

	"github.com/listlint/listlint/mdsrc"
)

// runAwesome runs rule r on src at filePath, with the files that exist beside it given by
// name relative to the file's folder.
func runAwesome(t *testing.T, r *Rule, filePath, src string, files map[string]int64) []Diagnostic {
	t.Helper()
	doc, err := mdsrc.Parse(filePath, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []Diagnostic
	var opts any
	if r.NewOptions != nil {
		opts = r.NewOptions()
	}
	p := NewPass(r, doc, opts, Error, time.Now(), func(d Diagnostic) { out = append(out, d) })
	p.Sibling = func(name string) (int64, bool) {
		size, ok := files[path.Clean(path.Join(path.Dir(filePath), name))]
		return size, ok
	}
	r.Check(p)
	return out
}

func TestAwesomeScope(t *testing.T) {
	const src = "# Awesome Things\n"
	for _, tc := range []struct {
		path  string
		files map[string]int64
		want  bool
	}{
		{"readme.md", nil, true},
		{"README.md", nil, true},
		{"lists/awesome-go/Readme.md", nil, true},
		{"contributing.md", nil, false},
		{"readme.markdown", nil, false},
		// A page of the list, beside the logo it describes.
		{"media/readme.md", map[string]int64{"readme.md": 100}, false},
		{"docs/README.md", map[string]int64{"README.md": 100}, false},
		{"docs/README.md", map[string]int64{"docs/index.md": 100}, true},
	} {
		got := len(runAwesome(t, AwesomeBadge, tc.path, src, tc.files)) > 0
		if got != tc.want {
			t.Errorf("%s with %v: checked = %v, want %v", tc.path, tc.files, got, tc.want)
		}
	}
}

func TestAwesomeFilesOption(t *testing.T) {
	for _, tc := range []struct {
		pat, name string
		want      bool
	}{
		{"readme.md", "a/b/readme.md", true},
		{"*.md", "a/list.md", true},
		{"docs/index.md", "repo/docs/index.md", true},
		{"docs/index.md", "index.md", false},
		{"./list.md", "x/list.md", true},
	} {
		if got := matchFileGlob(tc.pat, tc.name); got != tc.want {
			t.Errorf("matchFileGlob(%q, %q) = %v, want %v", tc.pat, tc.name, got, tc.want)
		}
	}
}

func TestScanHTMLTags(t *testing.T) {
	src := []byte(`<a href="https://awesome.re"><!-- <img src="x"> --><IMG SRC='b.svg' alt=Awesome/></a> 1 < 2 <h1 class="x">T&amp;C</h1`)
	var tags []string
	var text strings.Builder
	scanHTMLTags(src, 0, len(src), func(tg readmeTag) {
		s := tg.Name
		if tg.Close {
			s = "/" + s
		}
		if v, ok := tg.Attrs["src"]; ok {
			s += " src=" + v
		}
		if v, ok := tg.Attrs["alt"]; ok {
			s += " alt=" + v
		}
		tags = append(tags, s)
	}, func(b []byte) { text.Write(b) })
	if got, want := strings.Join(tags, ","), "a,img src=b.svg alt=Awesome/,/a,h1"; got != want {
		t.Errorf("tags = %q, want %q", got, want)
	}
	if got, want := text.String(), " 1 < 2 T&amp;C<"; !strings.HasPrefix(got, " 1 < 2 T&amp;C") {
		t.Errorf("text = %q, want %q", got, want)
	}
}

// The readme's reading must hold up on odd input: no panic, and every span in bounds.
func TestReadReadmeSpans(t *testing.T) {
	for _, src := range []string{
		"",
		"\xef\xbb\xbf# Awesome X ![a](b",
		"<h1>\n<img src=\"x\" alt=\"Awesome X\">",
		"<a href=\"u\">\n\n![Awesome](https://awesome.re/badge.svg)\n\n</a>\n",
		"> ![x](https://travis-ci.org/o/r.svg)\n> - [![y](https://travis-ci.org/o/r.svg)](u)\n",
		"[![a]][r]\n\n[r]: https://github.com/o/r/workflows/CI/badge.svg\n[a]: https://awesome.re\n",
		"# Awesome [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n---\n<h1 align=center>",
	} {
		doc, err := mdsrc.Parse("readme.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		pg := readReadme(doc)
		check := func(what string, s mdsrc.Span) {
			if s.Start < 0 || s.End < s.Start || s.End > len(src) {
				t.Errorf("%q: %s span [%d,%d) out of bounds", src, what, s.Start, s.End)
			}
		}
		for _, img := range pg.images {
			check("image", img.Span)
			if img.Markdown && src[img.Span.Start] != '!' && src[img.Span.Start] != '[' {
				t.Errorf("%q: image span starts at %q", src, src[img.Span.Start:])
			}
		}
		for _, h := range pg.htmlHeadings {
			check("html heading", h.Span)
		}
		for _, h := range pg.headings {
			check("heading", h.Span(doc.Src))
		}
		check("title", pg.main(doc).Span)
	}
}

// FuzzAwesomeRules runs the five readme rules on arbitrary input: no panic, every
// diagnostic and edit in bounds, the edits of a fix in order and apart.
func FuzzAwesomeRules(f *testing.F) {
	for _, s := range []string{
		"# Awesome X\n\n[![Awesome](https://awesome.re/badge.svg)](https://awesome.re) [![CI](https://github.com/o/r/actions/workflows/ci.yml/badge.svg)](u)\n\n## License\n",
		"<h1 align=center>\n<a href=\"https://awesome.re\"><img src=\"https://awesome.re/badge.svg\" alt=\"Awesome\"></a>\n</h1>\n",
		"Awesome things\r\n===\r\n\r\n- ![x](https://travis-ci.org/o/r.svg)\r\n",
		"\xef\xbb\xbf<!-- x -->\n> [![a](https://cdn.rawgit.com/sindresorhus/awesome/x/media/badge.svg)](https://github.com/sindresorhus/awesome)\n",
	} {
		f.Add(s)
	}
	ruleList := []*Rule{AwesomeHeading, AwesomeBadge, AwesomeLicense, AwesomeContributing, NoCIBadge}
	f.Fuzz(func(t *testing.T, src string) {
		if mdsrc.Check("readme.md", []byte(src)) != nil {
			return
		}
		for _, r := range ruleList {
			for _, d := range runAwesome(t, r, "readme.md", src, nil) {
				if d.Start < 0 || d.End < d.Start || d.End > len(src) {
					t.Fatalf("%s: diagnostic [%d,%d) out of bounds in %q", r.ID, d.Start, d.End, src)
				}
				if d.Fix == nil {
					continue
				}
				last := -1
				for _, e := range d.Fix.Edits {
					if e.Start < last || e.End < e.Start || e.End > len(src) {
						t.Fatalf("%s: bad edit %+v in %q", r.ID, e, src)
					}
					last = e.End
				}
			}
		}
	})
}

// BenchmarkAwesomeBadgeLine is a hostile readme: one line of thousands of CI badges. Each
// badge's fix looks up its line in the line index; scanning for it made this quadratic.
func BenchmarkAwesomeBadgeLine(b *testing.B) {
	src := []byte("# Awesome X\n\n" + strings.Repeat("[![CI](https://github.com/o/r/actions/workflows/ci.yml/badge.svg)](u) ", 20000) + "\n")
	doc, err := mdsrc.Parse("readme.md", src)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, r := range []*Rule{AwesomeHeading, AwesomeBadge, AwesomeLicense, AwesomeContributing, NoCIBadge} {
			p := NewPass(r, doc, r.NewOptions(), Error, time.Now(), func(Diagnostic) {})
			p.Sibling = func(string) (int64, bool) { return 0, false }
			r.Check(p)
		}
	}
}
