package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/mdsrc"
)

// HeadingStyleOptions tunes heading-style.
type HeadingStyleOptions struct {
	// Punctuation lists the characters a heading may not end with.
	Punctuation string `yaml:"punctuation"`
	// EmptySections reports a heading with nothing under it.
	EmptySections bool `yaml:"empty-sections"`
}

// defaultHeadingPunctuation is markdownlint's MD026 default: a heading is a title, not a
// sentence, so ".,;:!" (and their full-width forms) do not end it. "?" does: "Why Go?" is a
// fine title. An ellipsis ("...") and a character reference ("&amp;") are left alone.
const defaultHeadingPunctuation = ".,;:!。，；：！"

func newHeadingStyleOptions() *HeadingStyleOptions {
	return &HeadingStyleOptions{Punctuation: defaultHeadingPunctuation, EmptySections: true}
}

// HeadingStyle checks the outline of a file: heading syntax, levels, names and empty sections.
var HeadingStyle = register(&Rule{
	ID:      "heading-style",
	Default: Warning,
	Doc: Doc{
		Title: "Headings are ATX, form a clean outline and have no trailing punctuation",
		Why: "Headings are the list's outline: GitHub builds the anchors and the outline menu from " +
			"them and the table of contents links to them. Headings are written \"## Name\" " +
			"(ATX), not underlined (setext); the file has at most one level-1 heading (its title); " +
			"each heading is at most one level deeper than the one before (\"##\" then \"####\" " +
			"skips a level); a heading does not end in \".\", \",\", \";\", \":\" or \"!\" (\"?\" " +
			"and \"...\" are fine); a section is not empty (a heading followed only by blank " +
			"lines and then a heading of the same or a higher level, or the end of the file); " +
			"and no two sections under the same parent share a name (their anchors would " +
			"differ only by a \"-1\" suffix). Headings in block quotes and list items are checked " +
			"for their syntax only, and lines of front matter are not headings.",
		Before: "Awesome Things\n==============\n\n## Tools:\n\n#### Editors\n\n## Tools:\n",
		After:  "# Awesome Things\n\n## Tools\n\n### Editors\n\n- [Vim](https://www.vim.org) - Text editor.\n",
		Fix:    FixSafe,
		FixNote: "rewrites a setext heading as ATX and removes trailing punctuation; skipped " +
			"levels, extra level-1 headings, empty sections and repeated names are reported only",
		Options: []OptionDoc{
			{Name: "punctuation", Type: "string", Default: `".,;:!。，；：！"`, Text: "characters a heading may not end with"},
			{Name: "empty-sections", Type: "boolean", Default: "true", Text: "report a heading with nothing under it"},
		},
	},
	NewOptions: func() any { return newHeadingStyleOptions() },
	Check:      checkHeadingStyle,
})

func checkHeadingStyle(p *Pass) {
	opts := optionsOf[HeadingStyleOptions](p.Options)
	d := p.Doc
	fm := d.FrontMatter()
	type outlined struct {
		h    *mdsrc.Heading
		text string // the source text, for names
	}
	// Syntax is checked on every heading; the outline only on the file's own headings, not
	// on those quoted in a block quote or written inside a list item.
	var hs []outlined
	for _, h := range d.Headings {
		if fm.Valid() && h.Start < fm.End || !h.Text.Valid() {
			continue
		}
		if !tocTopLevel(d, h) {
			label := headingLabel(p, h)
			if isSetext(d, h) {
				checkSetext(p, h, mdsrc.Span{Start: headingMarkStart(d, h), End: h.Text.End}, label)
			}
			checkHeadingPunctuation(p, h, opts.Punctuation)
			continue
		}
		hs = append(hs, outlined{h, p.Text(h.Text)})
	}
	var firstH1 *mdsrc.Heading
	type sibKey struct {
		parent int
		level  int
		name   string
	}
	siblings := map[sibKey]*mdsrc.Heading{}
	var stack []int // indexes into hs of the open ancestors
	for i, o := range hs {
		h := o.h
		span := mdsrc.Span{Start: headingMarkStart(d, h), End: h.Text.End}
		label := headingLabel(p, h)
		if isSetext(d, h) {
			checkSetext(p, h, span, label)
		}
		if h.Level == 1 {
			if firstH1 == nil {
				firstH1 = h
			} else {
				p.Report(span.Start, span.End, nil, "more than one level-1 heading: %q (the title is %q, line %d); use \"##\" for sections",
					label, headingLabel(p, firstH1), d.Lines.Line(firstH1.Text.Start))
			}
		}
		if i > 0 {
			if prev := hs[i-1].h; h.Level > prev.Level+1 {
				p.Report(span.Start, span.End, nil, "heading level jumps from h%d to h%d: %q; expected h%d (\"%s\")",
					prev.Level, h.Level, label, prev.Level+1, strings.Repeat("#", prev.Level+1))
			}
		}
		checkHeadingPunctuation(p, h, opts.Punctuation)
		if opts.EmptySections {
			next := len(d.Src)
			var nh *mdsrc.Heading
			if i+1 < len(hs) {
				nh = hs[i+1].h
				next = nh.Start
			}
			if (nh == nil || nh.Level <= h.Level) && onlyBlankBetween(d.Src, headingEnd(d, h), next) {
				what := "the end of the file"
				if nh != nil {
					what = fmt.Sprintf("the heading %q", headingLabel(p, nh))
				}
				p.Report(span.Start, span.End, nil, "empty section %q: it is followed directly by %s; add its content or remove the heading", label, what)
			}
		}
		for len(stack) > 0 && hs[stack[len(stack)-1]].h.Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		parent := -1
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		key := sibKey{parent, h.Level, strings.Join(strings.Fields(strings.ToLower(o.text)), " ")}
		if first := siblings[key]; first != nil && key.name != "" {
			under := "at the top of the file"
			if parent >= 0 {
				under = fmt.Sprintf("under %q", headingLabel(p, hs[parent].h))
			}
			p.Report(span.Start, span.End, nil, "two sections named %q %s (the first is on line %d); merge them or rename one",
				label, under, d.Lines.Line(first.Text.Start))
		} else if first == nil {
			siblings[key] = h
		}
		stack = append(stack, i)
	}
}

// checkSetext rewrites an underlined heading as "# Text" or "## Text".
func checkSetext(p *Pass, h *mdsrc.Heading, span mdsrc.Span, label string) {
	d := p.Doc
	src := d.Src
	first := d.Lines.Line(h.Text.Start)
	last := d.Lines.Line(h.Text.End)
	under := last + 1
	if under > d.Lines.Count() {
		return
	}
	us, ue := d.Lines.Start(under), d.Lines.End(src, under)
	q := us
	for q < ue && (src[q] == ' ' || src[q] == '\t' || src[q] == '>') {
		q++
	}
	c := byte('=')
	if h.Level == 2 {
		c = '-'
	}
	k := q
	for k < ue && src[k] == c {
		k++
	}
	var fix *Fix
	if k > q && onlyBlankBetween(src, k, ue) {
		// Join the heading's lines (each after its own container prefix).
		var parts []string
		var spans []mdsrc.Span // of the parts
		for n := first; n <= last; n++ {
			s, e := d.Lines.Start(n), d.Lines.End(src, n)
			if n == first {
				s = h.Text.Start
			}
			for s < e && (src[s] == ' ' || src[s] == '\t' || src[s] == '>') {
				s++
			}
			if n == last {
				e = h.Text.End
			}
			line := string(src[s:e])
			part := strings.TrimSpace(line)
			lead := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
			parts = append(parts, part)
			spans = append(spans, mdsrc.Span{Start: s + lead, End: s + lead + len(part)})
		}
		text := strings.Join(parts, " ")
		atx := strings.Repeat("#", h.Level) + " "
		fix = &Fix{Message: "rewrite as an ATX heading", Safe: true, Edits: []Edit{{Start: h.Text.Start, End: ue, New: atx + text}}}
		if strings.HasSuffix(text, "#") {
			// An ATX heading would read trailing "#"s as a closing sequence.
			if i := strings.LastIndexFunc(text, func(r rune) bool { return r != '#' }); i < 0 || text[i] == ' ' || text[i] == '\t' {
				text = text[:i+1] + `\` + text[i+1:]
				fix.Edits[0].New = atx + text
			}
		} else if parts[0] != "" {
			// The same text in edits around the heading's words, so that a fix inside them
			// (trailing punctuation) or a blank line inserted before them applies with it.
			_, n := utf8.DecodeRuneInString(parts[0])
			edits := []Edit{{Start: h.Text.Start, End: spans[0].Start + n, New: atx + parts[0][:n]}}
			for i := 1; i < len(spans); i++ {
				edits = append(edits, Edit{Start: spans[i-1].End, End: spans[i].Start, New: " "})
			}
			edits = append(edits, Edit{Start: spans[len(spans)-1].End, End: ue})
			fix.Edits = edits
		}
	}
	p.Report(span.Start, span.End, fix, "setext (underlined) heading %q; write it as \"%s %s\"", label, strings.Repeat("#", h.Level), label)
}

// checkHeadingPunctuation reports a heading that ends in one of punct.
func checkHeadingPunctuation(p *Pass, h *mdsrc.Heading, punct string) {
	src := p.Doc.Src
	text := string(src[h.Text.Start:h.Text.End])
	if isSetext(p.Doc, h) {
		// A multi-line setext heading's text is reported by checkSetext first.
		text = text[strings.LastIndexByte(text, '\n')+1:]
	}
	end := len(text)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if !strings.ContainsRune(punct, r) {
			break
		}
		end -= n
	}
	if end == len(text) || strings.HasSuffix(text, "...") || strings.HasSuffix(text, "…") {
		return
	}
	if strings.HasSuffix(text, ";") && isCharRef(text[:len(text)-1]) {
		return
	}
	body := strings.TrimRightFunc(text[:end], unicode.IsSpace)
	if body == "" || strings.HasSuffix(body, `\`) {
		return
	}
	cut := h.Text.End - (len(text) - len(body))
	p.Report(h.Text.End-(len(text)-end), h.Text.End,
		&Fix{Message: "remove the trailing punctuation", Safe: true, Edits: []Edit{{Start: cut, End: h.Text.End}}},
		"heading ends with %q: %q; headings are titles, not sentences", text[end:], text)
}

// isCharRef reports whether s ends in the start of a character reference ("&amp", "&#8230").
func isCharRef(s string) bool {
	i := strings.LastIndexByte(s, '&')
	if i < 0 || i == len(s)-1 {
		return false
	}
	for _, r := range s[i+1:] {
		if r != '#' && (r < '0' || r > '9') && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

// headingMarkStart is where a heading starts after its container prefix: the first "#" of
// an ATX heading, the text of a setext one.
func headingMarkStart(d *mdsrc.Document, h *mdsrc.Heading) int {
	if isSetext(d, h) {
		return h.Text.Start
	}
	s := max(h.Start, d.BOM)
	for s < h.Text.Start && d.Src[s] != '#' {
		s++
	}
	return s
}

// headingEnd is the end of a heading's last line (its underline for setext), before the
// line break.
func headingEnd(d *mdsrc.Document, h *mdsrc.Heading) int {
	n := d.Lines.Line(h.Text.End)
	if isSetext(d, h) && n < d.Lines.Count() {
		n++
	}
	return d.Lines.End(d.Src, n)
}

// headingLabel is a heading's source text on one line, for messages.
func headingLabel(p *Pass, h *mdsrc.Heading) string {
	return strings.Join(strings.Fields(p.Text(h.Text)), " ")
}

// onlyBlankBetween reports whether src[from:to] holds only white space.
func onlyBlankBetween(src []byte, from, to int) bool {
	for i := from; i < to && i < len(src); i++ {
		if c := src[i]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// isSetext reports whether h is an underlined heading: its text is not preceded by the
// "#"s of an ATX heading. (Heading.Setext looks at the start of the line, which misreads
// "- ## Item heading" and a first line behind a byte order mark.)
func isSetext(d *mdsrc.Document, h *mdsrc.Heading) bool {
	if !h.Text.Valid() {
		return false
	}
	ls := d.Lines.LineStartOf(h.Text.Start)
	i := h.Text.Start
	for i > ls && (d.Src[i-1] == ' ' || d.Src[i-1] == '\t' || d.Src[i-1] == '\r') {
		i--
	}
	return i == ls || d.Src[i-1] != '#'
}
