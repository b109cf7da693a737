package mdsrc

import (
	"strings"
	"testing"
)

func TestVerbatim(t *testing.T) {
	src := "---\ntitle: x\ntags:\n  - a\n---\n\n# H\n\n```go\ncode\n\n```\n\n    indented\n\n    more\n\ntext\n\n<div>\nhi\n</div>\n\n> - a\n>   ~~~~\n>   x\n>   ~~~~\n- b\n\n```\nunclosed\n"
	d, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range d.Verbatim() {
		got = append(got, string(rune('0'+b.Kind))+":"+src[b.Span.Start:b.Span.End])
	}
	want := []string{
		"1:---\ntitle: x\ntags:\n  - a\n---\n",
		"2:```go\ncode\n\n```\n",
		"3:    indented\n\n    more\n",
		"4:<div>\nhi\n</div>\n",
		"2:>   ~~~~\n>   x\n>   ~~~~\n",
		"2:```\nunclosed\n",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Verbatim:\n got %q\nwant %q", got, want)
	}
	if c := d.CodeSpans(); len(c) != 4 {
		t.Errorf("CodeSpans: got %d spans, want 4", len(c))
	}
}

func TestFrontMatter(t *testing.T) {
	for _, c := range []struct {
		src, want string
	}{
		{"---\na: 1\n---\n# T\n", "---\na: 1\n---\n"},
		{"\ufeff---\r\na: 1\r\n...\r\nx\r\n", "---\r\na: 1\r\n...\r\n"},
		{"+++\na = 1\n+++", "+++\na = 1\n+++"},
		{"---\na: 1\n", "-"},
		{"--- x\na\n---\n", "-"},
		{"# T\n---\na\n---\n", "-"},
	} {
		d, err := Parse("t.md", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := spanText(d.Src, d.FrontMatter()); got != c.want {
			t.Errorf("FrontMatter(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Über Café":                 "über-café",
		"📖 Contents":                "-contents",
		"Contents 📚":                "contents-",
		"⚙️ Config":                 "-config",
		"Calendar & Contacts":       "calendar--contacts",
		"C++":                       "c",
		"IoT (Internet of Things)":  "iot-internet-of-things",
		"Parsers/Encoders/Decoders": "parsersencodersdecoders",
		"snake_case and kebab-case": "snake_case-and-kebab-case",
		"日本語のリスト":                   "日本語のリスト",
		"What's new?":               "whats-new",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnchors(t *testing.T) {
	src := "---\ntitle: T\n---\n# Foo\n## Foo\n## `code` and *emph* [link](u) ![img](i.png)\n## Foo\n## Foo-1\n## Q&amp;A \\#1\n## ~~\"official\"~~ maintainer\nBar\n---\n"
	d, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(d.Anchors(), "|")
	want := "|foo|foo-1|code-and-emph-link-|foo-2|foo-1-1|qa-1|official-maintainer|bar"
	if got != want {
		t.Errorf("Anchors:\n got %q\nwant %q\ntexts %q", got, want, d.HeadingTexts())
	}
}
