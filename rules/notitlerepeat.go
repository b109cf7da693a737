package rules

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/mdsrc"
)

// NoTitleRepeatOptions tunes no-title-repeat.
type NoTitleRepeatOptions struct {
	// MinLength is the shortest title, in characters, that is looked for: a one-letter
	// title ("C", "R") starts many descriptions by chance.
	MinLength int `yaml:"min-length"`
	// Strict reports every description that opens with the title's words, as awesome-lint
	// does, also where they open a noun phrase ("[redis] - Redis client for Go.").
	Strict bool `yaml:"strict"`
}

// NoTitleRepeat reports descriptions that open by repeating the entry's title.
var NoTitleRepeat = register(&Rule{
	ID:      "no-title-repeat",
	Aliases: []string{"no-repeat-item-in-description"},
	Default: Warning,
	Doc: Doc{
		Title: "The description does not start with the title",
		Why: "The reader has just read the name in the link: \"- [goworker](...) - goworker is a " +
			"background worker\" spends the first words of the description on it. Say what the " +
			"thing is instead. Reported: a description that opens with the title (ignoring case, " +
			"emphasis, code and link markup, and a leading \"The\") as the subject of its sentence, " +
			"followed by a verb (\"is\", \"provides\", \"was designed\"), a colon or dash " +
			"(\"Evans: ...\"), an apposition (\"Harvester, a ...\") or nothing more (\"Foo.\"). " +
			"Not reported: the title's words opening a noun phrase, where they name what the entry " +
			"is about (\"[redis] - Redis client for Go.\", \"[trie] - Trie implementation.\"), a " +
			"longer word (\"Football\", \"Foo-bar\", \"Foo.js\" for \"Foo\"), a link to something " +
			"else, and titles shorter than min-length. With strict, every description that opens " +
			"with the title's words is reported, as awesome-lint does.",
		Before:  "- [goworker](https://github.com/benmanns/goworker) - goworker is a Go-based background worker.\n",
		After:   "- [goworker](https://github.com/benmanns/goworker) - Go-based background worker.\n",
		Fix:     FixNone,
		FixNote: "the sentence has to be rewritten by hand",
		Options: []OptionDoc{
			{Name: "min-length", Type: "integer", Default: "2", Text: "shortest title, in characters, to look for at the start of descriptions"},
			{Name: "strict", Type: "boolean", Default: "false", Text: "report every description that opens with the title's words, as awesome-lint does, also where they open a noun phrase (\"[redis] - Redis client for Go.\")"},
		},
	},
	NewOptions: func() any { return &NoTitleRepeatOptions{MinLength: 2} },
	Check:      checkNoTitleRepeat,
})

// plainRune is one character of text as a reader sees it, with its place in the source.
type plainRune struct {
	r          rune // lower case
	start, end int
}

func checkNoTitleRepeat(p *Pass) {
	opts := optionsOf[NoTitleRepeatOptions](p.Options)
	minLen, strict := max(opts.MinLength, 1), opts.Strict
	src := p.Doc.Src
	var title, desc []plainRune
	for _, e := range p.Doc.Entries {
		if !e.Sep.Valid() || e.Desc.Len() == 0 || e.Title.Len() == 0 {
			continue
		}
		// Most descriptions start with another letter than their title: check that first.
		title = plainRunes(src, e.Title, title[:0], 1, false)
		desc = plainRunes(src, e.Desc, desc[:0], 1, true)
		if len(title) == 0 || len(desc) == 0 || desc[0].r != title[0].r && desc[0].r != 't' {
			continue
		}
		title = plainRunes(src, e.Title, title[:0], -1, false)
		for len(title) > 0 && title[len(title)-1].r == ' ' {
			title = title[:len(title)-1]
		}
		for len(title) > 0 && title[0].r == ' ' {
			title = title[1:]
		}
		if len(title) < minLen || !hasWordRune(title) {
			continue
		}
		desc = plainRunes(src, e.Desc, desc[:0], len(title)+120, true)
		k := -1
		switch {
		case repeatsAt(desc, 0, title):
			k = 0
		case !startsWith(title, "the ") && startsWith(desc, "the ") && repeatsAt(desc, 4, title):
			k = 4
		}
		if k < 0 || !strict && !subjectFollows(desc[k+len(title):]) {
			continue
		}
		start, end := desc[k].start, desc[k+len(title)-1].end
		head := string(src[e.Desc.Start:e.Desc.End])
		if utf8.RuneCountInString(head) > 60 {
			head = string([]rune(head)[:60]) + "…"
		}
		p.Report(start, end, nil, "description should not start with the title %q; say what it is instead: %q",
			string(src[start:end]), head)
	}
}

// repeatsAt reports whether title stands at desc[k:], ending on a word boundary.
func repeatsAt(desc []plainRune, k int, title []plainRune) bool {
	if k+len(title) > len(desc) {
		return false
	}
	for j, t := range title {
		if desc[k+j].r != t.r {
			return false
		}
	}
	n := k + len(title)
	if n == len(desc) {
		return true
	}
	next := desc[n].r
	if !isWordRune(title[len(title)-1].r) {
		return true
	}
	if isWordRune(next) {
		return false
	}
	// "Foo-bar", "Foo.js" and "foo_bar" are other names.
	joined := (next == '-' || next == '.' || next == '_' || next == '/') && n+1 < len(desc) && isWordRune(desc[n+1].r)
	return !joined
}

// subjectFollows reports whether the rest of a description, after the title's words, makes
// them the subject of its sentence, the name of the entry said again: the description ends
// there, or goes on with a verb ("is", "provides", "was designed"), a colon or dash ("Evans:
// more expressive ..."), or an apposition (", a tool for ..."). A
// parenthesis in between is skipped ("SPIRE (the SPIFFE Runtime Environment) is ..."). Any
// other word makes the title's words the start of a noun phrase, naming what the entry is
// about rather than the entry: "[redis] - Redis client for Go.", "[trie] - Trie
// implementation.", "[sendgrid] - SendGrid's Go library." Verbs that are also plural nouns
// ("sets", "maps", "records") are not in the list.
func subjectFollows(rest []plainRune) bool {
	i := 0
	skipSpace := func() {
		for i < len(rest) && rest[i].r == ' ' {
			i++
		}
	}
	word := func() string {
		j := i
		for j < len(rest) && (isWordRune(rest[j].r) || rest[j].r == '\'' || rest[j].r == '’') {
			j++
		}
		w := make([]rune, 0, j-i)
		for _, r := range rest[i:j] {
			w = append(w, r.r)
		}
		i = j
		return string(w)
	}
	for range 2 {
		skipSpace()
		if i >= len(rest) {
			return true
		}
		switch r := rest[i].r; {
		case r == '.' || r == '!' || r == '…':
			return i+1 >= len(rest) || rest[i+1].r == ' '
		case r == ':' || r == '-' || r == '–' || r == '—':
			return i+1 < len(rest) && rest[i+1].r == ' '
		case r == ',':
			i++
			skipSpace()
			w := word()
			return w == "a" || w == "an" || w == "the"
		case r == '(':
			depth := 0
			for ; i < len(rest); i++ {
				if rest[i].r == '(' {
					depth++
				} else if rest[i].r == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
			}
			continue
		case isWordRune(r):
			w := word()
			if titleAdverbs[w] {
				skipSpace()
				w = word()
			}
			return titleVerbs[w]
		}
		return false
	}
	return false
}

// titleVerbs follow a name that is the subject of a description's sentence.
var titleVerbs = wordSet(`
	is are was were has have had can could will would may might must should does did do isn't
	aren't doesn't can't won't accepts adds aims allows analyses analyzes applies assists
	automates becomes brings calculates captures collects combines compares compiles computes
	configures connects consists contains converts creates decrypts describes detects
	downloads enables encrypts explains exposes extends extracts fetches focuses gives handles
	helps implements includes installs integrates keeps lets lives makes manages merges
	monitors notifies offers optimizes organizes parses performs produces provides puts reads
	relies removes renders replaces requires resizes retrieves runs saves schedules sends
	serves shows simplifies simulates solves splits stands starts supports syncs takes teaches
	tells transforms translates transpiles tries turns validates verifies visualizes watches
	wraps writes
`)

// titleAdverbs may stand between the name and its verb ("Foo also supports ...").
var titleAdverbs = wordSet(`also automatically currently easily simply now just quickly then`)

func startsWith(rs []plainRune, s string) bool {
	i := 0
	for _, r := range s {
		if i >= len(rs) || rs[i].r != r {
			return false
		}
		i++
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func hasWordRune(rs []plainRune) bool {
	for _, r := range rs {
		if isWordRune(r.r) {
			return true
		}
	}
	return false
}

// plainRunes appends the characters of span as a reader sees them, lower-cased: emphasis,
// code-span backticks, link markup and HTML tags left out, escapes resolved, white space
// collapsed to one space. It stops after limit characters (no limit when limit < 0). With
// opaqueLinks, a link counts as one character that matches nothing.
func plainRunes(src []byte, span mdsrc.Span, out []plainRune, limit int, opaqueLinks bool) []plainRune {
	w := plainWalker{src: src, out: out, limit: limit, opaqueLinks: opaqueLinks}
	w.walk(span.Start, span.End)
	return w.out
}

// plainWalker is plainRunes' state, a value on its stack rather than a closure's.
type plainWalker struct {
	src         []byte
	out         []plainRune
	limit       int
	linkTries   int
	opaqueLinks bool
}

func (w *plainWalker) full() bool { return w.limit >= 0 && len(w.out) >= w.limit }

func (w *plainWalker) walk(lo, hi int) {
	src := w.src
	for i := lo; i < hi && !w.full(); {
		c := src[i]
		switch {
		case c == '\\' && i+1 < hi && src[i+1] < utf8.RuneSelf && unicode.IsPunct(rune(src[i+1])):
			w.out = append(w.out, plainRune{unicode.ToLower(rune(src[i+1])), i + 1, i + 2})
			i += 2
			continue
		case c == '*' || c == '`' || c == '~':
			i++
			continue
		case c == '_':
			prevWord := len(w.out) > 0 && isWordRune(w.out[len(w.out)-1].r)
			if !prevWord || i+1 >= hi || !isAlnum(src[i+1]) {
				i++
				continue
			}
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			j := i
			for j < hi && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
				j++
			}
			if len(w.out) > 0 && w.out[len(w.out)-1].r != ' ' {
				w.out = append(w.out, plainRune{' ', i, j})
			}
			i = j
			continue
		case c == '[' && w.linkTries < maxLinkTries:
			w.linkTries++
			if l, ok := mdsrc.ScanLinkSpans(src, i, hi); ok && (l.URL.Valid() || l.Span.End > l.Label.End+1) {
				if w.opaqueLinks {
					// A link in a description points somewhere else: its text is not
					// the entry's name said again.
					w.out = append(w.out, plainRune{'\uFFFC', i, l.Span.End})
				} else {
					w.walk(l.Label.Start, l.Label.End)
				}
				i = l.Span.End
				continue
			}
		case c == '<':
			if i+1 < hi && (isAlnum(src[i+1]) || src[i+1] == '/') {
				if gt := bytes.IndexByte(src[i:min(hi, i+512)], '>'); gt > 0 {
					i += gt + 1
					continue
				}
			}
		}
		r, n := decodeRune(src, i, hi)
		w.out = append(w.out, plainRune{unicode.ToLower(r), i, i + n})
		i += n
	}
}
