package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AwesomeHeadingOptions tunes awesome-heading.
type AwesomeHeadingOptions struct {
	// Files are the main readme's names (see awesomeFilesOption).
	Files []string `yaml:"files"`
	// Words are written in lower case on purpose and accepted as they are ("npm").
	Words []string `yaml:"words"`
}

// AwesomeHeading checks the list's title: a level-1 heading that comes first, starts with
// "Awesome" and is in title case.
var AwesomeHeading = register(&Rule{
	ID:      "awesome-heading",
	Default: Off,
	Doc: Doc{
		Title: "The list's title is a title-case level-1 heading starting with \"Awesome\"",
		Why: "The awesome guidelines name every list \"# Awesome Name of List\": one level-1 heading, " +
			"first in the readme, in title case. Each significant word starts with a capital; small " +
			"words (a, an, and, for, in, of, on, the, to, with, ...) may stay in lower case; words " +
			"written with inner capitals, digits or symbols (iOS, macOS, Node.js, C++, 3D) are taken " +
			"as written. The title may also be an HTML <h1>, or a centered header logo whose alt text " +
			"names the list (alt=\"Awesome Node.js\"), as the guidelines allow. Only the list's main " +
			"readme is checked (readme.md, any case); a second level-1 heading is heading-style's " +
			"business. Part of the awesome preset.",
		Before: "# awesome web typography\n",
		After:  "# Awesome Web Typography\n",
		Fix:    FixNone,
		Options: []OptionDoc{
			awesomeFilesOption,
			{Name: "words", Type: "list of strings", Default: "[]", Text: "words written in lower case on purpose, accepted as they are (npm, webpack and a few other names are built in)"},
		},
	},
	NewOptions: func() any { return &AwesomeHeadingOptions{Files: awesomeDefaultFiles()} },
	Check:      checkAwesomeHeading,
})

// titleSmallWords may stay in lower case inside a title.
var titleSmallWords = map[string]bool{}

// titleLowerNames are names written in lower case on purpose.
var titleLowerNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an and as at but by en for from if in into nor of off on onto or
		out over per so than the to up upon via vs vs. v with yet`) {
		titleSmallWords[w] = true
	}
	for _, w := range strings.Fields(`npm pnpm webpack esbuild jq fzf nginx htmx tmux zsh curl wget
		kubectl dwm bspwm xmonad qutebrowser ripgrep`) {
		titleLowerNames[w] = true
	}
}

func checkAwesomeHeading(p *Pass) {
	opts := optionsOf[AwesomeHeadingOptions](p.Options)
	if !awesomeScope(p, opts.Files) {
		return
	}
	doc := p.Doc
	pg := readReadme(doc)
	t := pg.main(doc)
	switch t.Kind {
	case titleNone:
		p.Report(t.Span.Start, t.Span.End, nil, "the list has no level-1 heading: start the readme with its title, \"# Awesome Name of the List\"")
		return
	case titleImage:
		if t.Text == "" {
			p.Report(t.Span.Start, t.Span.End, nil, "the list has no level-1 heading, and its header image has no alt text to name it: add alt=\"Awesome Name of the List\" to the image, or a \"# Awesome Name of the List\" heading")
			return
		}
	case titleMarkdown:
		if t.Index > 0 {
			first := pg.headings[0]
			p.Report(t.Span.Start, t.Span.End, nil, "the level-1 heading should be the first heading of the readme: %q on line %d comes before it",
				strings.Repeat("#", first.Level)+" "+first.Plain, doc.Lines.Line(first.Start))
		}
	}
	at := t.Span
	if t.MD != nil && t.MD.Text.Valid() {
		at = t.MD.Text
	}
	words := map[string]bool{}
	for _, w := range opts.Words {
		words[w] = true
	}
	switch {
	case t.Text == "":
		p.Report(at.Start, at.End, nil, "the level-1 heading has no text: write the list's title, \"# Awesome Name of the List\"")
	case !startsWithAwesome(t.Text):
		p.Report(at.Start, at.End, nil, "the title should start with the word \"Awesome\", as in \"# Awesome Name of the List\": %q", t.Text)
	default:
		if fixed, bad := titleCase(t.Text, words); len(bad) > 0 {
			p.Report(at.Start, at.End, nil, "the title should be in title case: %q should be %q (capitalise %s)", t.Text, fixed, quoteList(bad))
		}
	}
}

// startsWithAwesome reports whether the title's first word is "Awesome", alone or joined by
// a hyphen ("Awesome-Selfhosted"), but not glued to the next word ("AwesomeSwift").
func startsWithAwesome(s string) bool {
	if !strings.HasPrefix(s, "Awesome") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len("Awesome"):])
	return r == utf8.RuneError || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// titleCase returns the title with its lower-case significant words capitalised, and those
// words. The first word is "Awesome" (checked before); a hyphenated word is judged by its
// first part, so "Self-hosted" and "Self-Hosted" both pass.
func titleCase(s string, extra map[string]bool) (string, []string) {
	fields := strings.Fields(s)
	var bad []string
	for i := 1; i < len(fields); i++ {
		if strings.Contains(fields[i], "`") {
			// Code is written as it is.
			continue
		}
		core := strings.TrimFunc(fields[i], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if core == "" {
			continue
		}
		// ".htaccess" keeps its dot; "things." does not.
		if writtenAsName(strings.TrimLeft(strings.TrimRightFunc(fields[i], unicode.IsPunct), "\"'“‘([{")) {
			continue
		}
		first := core
		if k := strings.IndexByte(core, '-'); k > 0 {
			first = core[:k]
		}
		r, size := utf8.DecodeRuneInString(first)
		if !unicode.IsLower(r) || titleSmallWords[strings.ToLower(core)] || titleLowerNames[core] || extra[core] || writtenAsName(core) {
			continue
		}
		bad = append(bad, core)
		k := strings.Index(fields[i], first)
		fields[i] = fields[i][:k] + string(unicode.ToUpper(r)) + fields[i][k+size:]
	}
	return strings.Join(fields, " "), bad
}

// writtenAsName reports a word whose spelling is deliberate: inner capitals (iOS, macOS,
// eBay), digits (i3, k8s) or symbols (node.js, c++, socket.io).
func writtenAsName(w string) bool {
	for i, r := range w {
		if unicode.IsDigit(r) || i > 0 && unicode.IsUpper(r) || strings.ContainsRune(".+#_/@&*", r) {
			return true
		}
	}
	return false
}

func quoteList(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}
