package mdsrc

import (
	"errors"
	"strings"
	"testing"
)

// spanText renders a span for comparison; "-" stands for a missing span.
func spanText(src []byte, s Span) string {
	if !s.Valid() {
		return "-"
	}
	return string(src[s.Start:s.End])
}

type entryWant struct {
	title, year, yearAfter, url, dest, sep, desc, tags, body string
	anns                                                     []string
}

func TestEntrySpans(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want []entryWant
	}{
		{
			name: "knowledge style",
			src:  "- [Title (2021)](https://a.com/x) - Desc. ([HN](https://news.ycombinator.com/item?id=1)) ([Code](https://github.com/o/r))\n",
			want: []entryWant{{title: "Title", year: " (2021)", yearAfter: "-", url: "https://a.com/x", sep: " - ", desc: "Desc.", tags: "-",
				anns: []string{"([HN](https://news.ycombinator.com/item?id=1))", "([Code](https://github.com/o/r))"},
				body: "- [Title (2021)](https://a.com/x) - Desc. ([HN](https://news.ycombinator.com/item?id=1)) ([Code](https://github.com/o/r))"}},
		},
		{
			name: "bold label and empty label",
			src:  "* [**Bold**](https://b.com) – desc\n* [](https://c.com)\n",
			want: []entryWant{
				{title: "**Bold**", year: "-", yearAfter: "-", url: "https://b.com", sep: " – ", desc: "desc", tags: "-", body: "* [**Bold**](https://b.com) – desc"},
				{title: "", year: "-", yearAfter: "-", url: "https://c.com", sep: "-", desc: "", tags: "-", body: "* [](https://c.com)"},
			},
		},
		{
			name: "reference link",
			src:  "- [Ref][r] - With a reference.\n- [Short] - Shortcut.\n\n[r]: https://ref.example\n[short]: https://short.example\n",
			want: []entryWant{
				{title: "Ref", year: "-", yearAfter: "-", url: "-", dest: "https://ref.example", sep: " - ", desc: "With a reference.", tags: "-", body: "- [Ref][r] - With a reference."},
				{title: "Short", year: "-", yearAfter: "-", url: "-", dest: "https://short.example", sep: " - ", desc: "Shortcut.", tags: "-", body: "- [Short] - Shortcut."},
			},
		},
		{
			name: "CRLF and BOM",
			src:  "\ufeff- [A](https://a.com) - One.\r\n- [B](https://b.com) - Two.\r\n",
			want: []entryWant{
				{title: "A", year: "-", yearAfter: "-", url: "https://a.com", sep: " - ", desc: "One.", tags: "-", body: "\ufeff- [A](https://a.com) - One."},
				{title: "B", year: "-", yearAfter: "-", url: "https://b.com", sep: " - ", desc: "Two.", tags: "-", body: "- [B](https://b.com) - Two."},
			},
		},
		{
			name: "tab-indented nested list",
			src:  "- [P](https://p.com) - Parent.\n\t- [C](https://c.com/(x)) - Child.\n",
			want: []entryWant{
				{title: "P", year: "-", yearAfter: "-", url: "https://p.com", sep: " - ", desc: "Parent.", tags: "-", body: "- [P](https://p.com) - Parent.\n\t- [C](https://c.com/(x)) - Child."},
				{title: "C", year: "-", yearAfter: "-", url: "https://c.com/(x)", sep: " - ", desc: "Child.", tags: "-", body: "\t- [C](https://c.com/(x)) - Child."},
			},
		},
		{
			name: "blockquote",
			src:  "> - [Q](https://q.com) - Quoted.\n>   - [R](https://r.com) - Nested.\n",
			want: []entryWant{
				{title: "Q", year: "-", yearAfter: "-", url: "https://q.com", sep: " - ", desc: "Quoted.", tags: "-", body: "> - [Q](https://q.com) - Quoted.\n>   - [R](https://r.com) - Nested."},
				{title: "R", year: "-", yearAfter: "-", url: "https://r.com", sep: " - ", desc: "Nested.", tags: "-", body: ">   - [R](https://r.com) - Nested."},
			},
		},
		{
			name: "title, angle destination, year after, tags, combined annotations",
			src:  "- [X](<https://x.com/a b> \"t\") (2020) - After. ([Demo](https://d.com), [Source](https://s.com)) `MIT` `Go`\n",
			want: []entryWant{{title: "X", year: "-", yearAfter: " (2020)", url: "https://x.com/a b", sep: " - ", desc: "After.", tags: "`MIT` `Go`",
				anns: []string{"([Demo](https://d.com), [Source](https://s.com))"},
				body: "- [X](<https://x.com/a b> \"t\") (2020) - After. ([Demo](https://d.com), [Source](https://s.com)) `MIT` `Go`"}},
		},
		{
			name: "nested brackets and code in label",
			src:  "- [Diving into /proc/[pid]/mem (2020)](https://p.com) - Brackets.\n- [`a]b` code](https://c.com) - Code.\n",
			want: []entryWant{
				{title: "Diving into /proc/[pid]/mem", year: " (2020)", yearAfter: "-", url: "https://p.com", sep: " - ", desc: "Brackets.", tags: "-", body: "- [Diving into /proc/[pid]/mem (2020)](https://p.com) - Brackets."},
				{title: "`a]b` code", year: "-", yearAfter: "-", url: "https://c.com", sep: " - ", desc: "Code.", tags: "-", body: "- [`a]b` code](https://c.com) - Code."},
			},
		},
		{
			name: "code spans inside a description are not tags",
			src:  "- [Y](https://y.com) - Install with `go get`\n",
			want: []entryWant{{title: "Y", year: "-", yearAfter: "-", url: "https://y.com", sep: " - ", desc: "Install with `go get`", tags: "-", body: "- [Y](https://y.com) - Install with `go get`"}},
		},
		{
			name: "lazy back-to-top line is not part of the entry",
			src:  "- [Z](https://z.com) - Last entry.\n**[back to top](#contents)**\n",
			want: []entryWant{{title: "Z", year: "-", yearAfter: "-", url: "https://z.com", sep: " - ", desc: "Last entry.", tags: "-", body: "- [Z](https://z.com) - Last entry.\n**[back to top](#contents)**"}},
		},
		{
			name: "an entry titled X is not a task box",
			src:  "- [X](https://x.com) - The site.\n",
			want: []entryWant{{title: "X", year: "-", yearAfter: "-", url: "https://x.com", sep: " - ", desc: "The site.", tags: "-", body: "- [X](https://x.com) - The site."}},
		},
		{
			name: "loose list keeps blank lines out of bodies",
			src:  "- [A](https://a.com) - A.\n\n  More about A.\n\n- [B](https://b.com) - B.\n\n\nAfter.\n",
			want: []entryWant{
				{title: "A", year: "-", yearAfter: "-", url: "https://a.com", sep: " - ", desc: "A.", tags: "-", body: "- [A](https://a.com) - A.\n\n  More about A."},
				{title: "B", year: "-", yearAfter: "-", url: "https://b.com", sep: " - ", desc: "B.", tags: "-", body: "- [B](https://b.com) - B."},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			d, err := Parse("x.md", src)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Entries) != len(c.want) {
				t.Fatalf("got %d entries, want %d", len(d.Entries), len(c.want))
			}
			for i, w := range c.want {
				e := d.Entries[i]
				check := func(what, got, want string) {
					t.Helper()
					if got != want {
						t.Errorf("entry %d %s: got %q, want %q", i, what, got, want)
					}
				}
				check("title", spanText(src, e.Title), w.title)
				check("year", spanText(src, e.Year), w.year)
				check("year after", spanText(src, e.YearAfter), w.yearAfter)
				check("url", spanText(src, e.Link.URL), w.url)
				dest := w.dest
				if dest == "" {
					dest = w.url
				}
				check("dest", e.Link.Dest, dest)
				check("sep", spanText(src, e.Sep), w.sep)
				check("desc", spanText(src, e.Desc), w.desc)
				check("tags", spanText(src, e.Tags), w.tags)
				check("body", string(src[e.Item.Start:e.Item.BodyEnd]), w.body)
				var anns []string
				for _, a := range e.Annotations {
					anns = append(anns, spanText(src, a.Span))
				}
				check("annotations", strings.Join(anns, " "), strings.Join(w.anns, " "))
			}
		})
	}
}

func TestNotEntries(t *testing.T) {
	src := []byte("- Plain text.\n- **Bold** [link](https://a.com)\n- ![img](https://i.com/x.png)\n- https://bare.com\n- [ ] [Task](https://t.com)\n")
	d, err := Parse("x.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entries) != 0 {
		t.Errorf("got %d entries, want none: %q", len(d.Entries), spanText(src, d.Entries[0].Link.Span))
	}
	if len(d.Lists) != 1 || len(d.Lists[0].Items) != 5 {
		t.Errorf("want one list of 5 items, got %d lists", len(d.Lists))
	}
}

func TestHeadingsAndSections(t *testing.T) {
	src := []byte("# Title\n\n## Tools\n\n- [A](https://a.com) - A.\n\nSetext\n------\n\n- [B](https://b.com) - B.\n")
	d, err := Parse("x.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Headings) != 3 {
		t.Fatalf("got %d headings", len(d.Headings))
	}
	if got := spanText(src, d.Headings[2].Text); got != "Setext" || !d.Headings[2].Setext || d.Headings[1].Setext {
		t.Errorf("setext heading: %q %v", got, d.Headings[2].Setext)
	}
	if d.Lists[0].Section != d.Headings[1] || d.Lists[1].Section != d.Headings[2] {
		t.Error("lists are not attached to the headings above them")
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name, src, msg string
		line           int
	}{
		{"binary", "# ok\nabc\x00def", "binary", 2},
		{"invalid utf-8", "# ok\n\nbad \xff here\n", "invalid UTF-8", 3},
		{"deep lists", deepList(150), "nested", 101},
		{"deep quotes", strings.Repeat(">", 500) + " x\n", "nested", 1},
	}
	for _, c := range cases {
		_, err := Parse("bad.md", []byte(c.src))
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: got %v, want a *ParseError", c.name, err)
			continue
		}
		if !strings.Contains(pe.Msg, c.msg) || pe.Line != c.line || pe.Path != "bad.md" {
			t.Errorf("%s: got %v (line %d), want %q at line %d", c.name, pe, pe.Line, c.msg, c.line)
		}
	}
	// Real nesting up to the limit is fine, however it is indented.
	for name, src := range map[string]string{
		"2 spaces":           deepList(20),
		"4 spaces, 90 deep":  indented(90, "    ", "- "),
		"ordered, 3 spaces":  indented(95, "   ", "1. "),
		"blank lines":        strings.ReplaceAll(deepList(60), "\n", "\n\n"),
		"many shallow lists": strings.Repeat("- a\n  - b\n    - c\n\ntext\n\n", 500),
	} {
		if _, err := Parse("ok.md", []byte(src)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Nesting on one line counts as much as nesting by indentation.
	_, err := Parse("one-line.md", []byte(strings.Repeat("- ", 150)+"x\n"))
	var pe *ParseError
	if !errors.As(err, &pe) || !strings.Contains(pe.Msg, "nested 150 levels") {
		t.Errorf("150 markers on one line: %v", err)
	}
}

func indented(n int, step, marker string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(step, i) + marker + "item\n")
	}
	return b.String()
}

func deepList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

func TestPosition(t *testing.T) {
	src := []byte("\ufeffab\r\nçd\n\nx")
	x := NewLineIndex(src)
	for _, c := range []struct{ off, line, col int }{
		{3, 1, 1}, {4, 1, 2}, {7, 2, 1}, {9, 2, 2}, {11, 3, 1}, {12, 4, 1}, {13, 4, 2},
	} {
		l, col := x.Position(src, c.off)
		if l != c.line || col != c.col {
			t.Errorf("offset %d: got %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
	if got := x.End(src, 1); got != 5 {
		t.Errorf("end of CRLF line 1: got %d, want 5", got)
	}
}

// goldmark places a tab-indented item at its content; the marker is still the bullet, even
// when the content itself starts with "*", "-" or a digit.
func TestMarkersOfTabIndentedItems(t *testing.T) {
	src := []byte("- a\n\t- **bold** item\n\t- 2020 was a year\n\t- -dash\n")
	d, err := Parse("m.md", src)
	if err != nil {
		t.Fatal(err)
	}
	var markers []string
	for _, l := range d.Lists {
		for _, it := range l.Items {
			markers = append(markers, spanText(src, it.Marker))
		}
	}
	if got := strings.Join(markers, " "); got != "- - - -" {
		t.Errorf("markers %q, want all \"-\"", got)
	}
	for _, s := range []string{"- 0) a\n\t*", "*\n\t+", "*\t\n\t* "} {
		if _, err := Parse("edge.md", []byte(s)); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}

func TestSetextDetection(t *testing.T) {
	for src, want := range map[string]bool{
		"\ufeff# Title\n":         false,
		"- ## In a list item\n":   false,
		"> ## Quoted\n":           false,
		"## C# tips\n":            false,
		"Title\n=====\n":          true,
		"> Quoted title\n> ---\n": true,
	} {
		d, err := Parse("h.md", []byte(src))
		if err != nil || len(d.Headings) != 1 {
			t.Fatalf("%q: %v, %d headings", src, err, len(d.Headings))
		}
		if d.Headings[0].Setext != want {
			t.Errorf("%q: setext %v, want %v", src, d.Headings[0].Setext, want)
		}
	}
}
