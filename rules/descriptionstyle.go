package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/mdsrc"
)

// DescriptionStyleOptions tunes description-style.
type DescriptionStyleOptions struct {
	// RequireDescription reports entries without a description.
	RequireDescription bool `yaml:"require-description"`
	// MaxLength reports descriptions longer than this many characters; 0 means no limit.
	MaxLength int `yaml:"max-length"`
	// RequirePeriod checks the final punctuation. Lists whose house style is a phrase
	// without a period ("- [jq](u) - JSON processor") turn it off.
	RequirePeriod bool `yaml:"require-period"`
	// RequireCapital checks the first letter, for lists written in lower case throughout.
	RequireCapital bool `yaml:"require-capital"`
}

func newDescriptionStyleOptions() *DescriptionStyleOptions {
	return &DescriptionStyleOptions{RequirePeriod: true, RequireCapital: true}
}

// DescriptionStyle checks the separator and the description of each entry.
var DescriptionStyle = register(&Rule{
	ID:      "description-style",
	Aliases: []string{"awesome-list-item"},
	Default: Error,
	Doc: Doc{
		Title: "Entries are written \"[Name](url) - Description.\"",
		Why: "The separator is \" - \"; the description is a sentence: it starts with a capital " +
			"letter (or a digit, a symbol, a non-Latin letter, or a name written in lower case " +
			"such as npm, x86 or iOS) and ends with \".\", \"!\", \"?\", \"…\" or \"。\" before any " +
			"annotations. One rule for all of it means no two rules disagree about the same text.",
		Before: "- [jq](https://jqlang.org) – command-line JSON processor\n",
		After:  "- [jq](https://jqlang.org) - Command-line JSON processor.\n",
		Fix:    FixSafe,
		FixNote: "replaces the separator, adds the final period, reduces \"..\" and \"!!\", and " +
			"capitalises the first letter when the first word is a common English word",
		Options: []OptionDoc{
			{Name: "require-description", Type: "boolean", Default: "false", Text: "report entries that have no description"},
			{Name: "max-length", Type: "integer", Default: "0", Text: "report descriptions longer than this many characters (0: no limit)"},
			{Name: "require-period", Type: "boolean", Default: "true", Text: "check that descriptions end with \".\", \"!\", \"?\", \"…\" or \"。\" (turn off for lists of phrases without a period)"},
			{Name: "require-capital", Type: "boolean", Default: "true", Text: "check that descriptions start with a capital letter (turn off for lists written in lower case)"},
		},
	},
	NewOptions: func() any { return newDescriptionStyleOptions() },
	Check:      checkDescriptionStyle,
})

// knownLowerNames start descriptions in lower case on purpose.
var knownLowerNames = wordSet(`
	npm pnpm yarn ldd jq fzf vim neovim emacs git gitk curl wget ffmpeg kubectl helm
	macos ios ipados watchos tvos ebay iphone ipad jquery grpc
	cli gui api sdk ui tui
`)

func checkDescriptionStyle(p *Pass) {
	opts := optionsOf[DescriptionStyleOptions](p.Options)
	for _, e := range p.Doc.Entries {
		desc := e.Desc
		if desc.Len() == 0 {
			if opts.RequireDescription && !isAnchor(e.Link.Dest) {
				p.Report(e.Link.Span.Start, e.Link.Span.End, nil, "entry has no description: write \" - Description.\" after the link")
			}
			continue
		}
		if !e.Sep.Valid() {
			// Text after the link without a separator is not a description (a list of links,
			// a note); entry-format deals with it.
			continue
		}
		if sep := p.Text(e.Sep); sep != " - " {
			p.Report(e.Sep.Start, e.Sep.End, &Fix{Message: "use \" - \" as the separator", Safe: true, Edits: []Edit{{Start: e.Sep.Start, End: e.Sep.End, New: " - "}}},
				"separator should be \" - \", found %q", sep)
		}
		text := p.Text(desc)
		if opts.RequireCapital {
			checkDescStart(p, e, text)
		}
		checkDescEnd(p, desc, text, opts.RequirePeriod)
		if opts.MaxLength > 0 {
			if n := utf8.RuneCountInString(text); n > opts.MaxLength {
				p.Report(desc.Start, desc.End, nil, "description is %d characters long (at most %d)", n, opts.MaxLength)
			}
		}
	}
}

func checkDescStart(p *Pass, e *mdsrc.Entry, text string) {
	at := e.Desc.Start
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsLower(r) || !unicode.Is(unicode.Latin, r) {
		return
	}
	word := text
	if i := strings.IndexAny(word, " \t\n"); i >= 0 {
		word = word[:i]
	}
	word = strings.TrimRight(word, ",:;!?)\"'’”")
	if looksLikeName(word) || namesEntry(p, e, word) {
		return
	}
	// Only a common English word proves a sentence that forgot its capital; any other
	// lower-case word ("sudo", "libvips", "youtube-dl") is taken for a name.
	head := strings.TrimRight(word, ".")
	if i := strings.IndexAny(head, "'’"); i > 0 {
		head = head[:i]
	}
	if i := strings.IndexByte(head, '-'); i > 0 {
		// "cross-platform" is a sentence; "use-package" and "home-manager" are names.
		if !compoundPrefixes[head[:i]] {
			return
		}
		head = head[:i]
	}
	if !commonWords[head] {
		return
	}
	fix := &Fix{Message: "capitalise the first letter", Safe: true, Edits: []Edit{{Start: at, End: at + utf8.RuneLen(r), New: string(unicode.ToUpper(r))}}}
	p.Report(at, at+len(word), fix, "description should start with a capital letter: %q", word)
}

// looksLikeName accepts a lower-case first word that is code or a name: words with digits,
// dots, slashes, underscores or inner capitals, words without vowels, and known names.
func looksLikeName(w string) bool {
	if strings.ContainsAny(w, "0123456789./_@#$&+=<>`~\\:(") {
		return true
	}
	vowels := false
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
		if strings.ContainsRune("aeiouyAEIOUY", r) {
			vowels = true
		}
		if r > unicode.MaxASCII {
			vowels = true
		}
	}
	if !vowels {
		return true
	}
	return knownLowerNames[strings.ToLower(w)]
}

// namesEntry accepts a first word that is the entry's own name as it stands in the title
// or the URL ("goworker is a background worker"): the project spells itself that way.
func namesEntry(p *Pass, e *mdsrc.Entry, word string) bool {
	w := strings.ToLower(strings.TrimRight(word, ".'’s"))
	if len(w) < 2 {
		return false
	}
	return strings.Contains(strings.ToLower(p.Text(e.Title)), w) || strings.Contains(strings.ToLower(e.Link.Dest), w)
}

// compoundPrefixes start hyphenated modifiers that open a sentence in lower case
// ("cross-platform library", "open-source clone").
var compoundPrefixes = wordSet(`
	all auto battle blazing co command cross data easy event fast feature full fully general
	high in light lightning low modern multi next non open pre privacy production pure real
	self semi simple single small super tiny type ultra user well zero
`)

// closers may follow the final punctuation of a sentence.
const closers = "\"'”’)]」』»*_"

// checkDescEnd checks the final punctuation. Without requirePeriod a missing period is
// accepted, but a doubled ".." or "!!" is still reported: no house style wants those.
func checkDescEnd(p *Pass, d mdsrc.Span, text string, requirePeriod bool) {
	// Trailing emoji are decoration after the sentence ("... performance! 🚀").
	text = strings.TrimRightFunc(text, isDecoration)
	core := strings.TrimRight(text, closers)
	if core == "" || remarkAfterSentence(text) {
		return
	}
	last, size := utf8.DecodeLastRuneInString(core)
	switch last {
	case '.', '!', '?', '…', '。', '！', '？':
		before := core[:len(core)-size]
		switch {
		case last == '.' && strings.HasSuffix(before, ".") && !strings.HasSuffix(before, ".."):
			end := d.Start + len(core)
			p.Report(end-2, end, &Fix{Message: "remove the extra period", Safe: true, Edits: []Edit{{Start: end - 1, End: end}}}, "description ends with \"..\"; use \".\" (or \"...\" for an ellipsis)")
		case (last == '!' || last == '?') && strings.HasSuffix(before, string(last)):
			n := len(core) - len(strings.TrimRight(core, string(last)))
			end := d.Start + len(core)
			p.Report(end-n, end, &Fix{Message: "use a single " + string(last), Safe: true, Edits: []Edit{{Start: end - n, End: end - 1}}}, "description ends with %q; use one %q", core[len(core)-n:], string(last))
		}
		return
	}
	if !requirePeriod {
		return
	}
	end := d.Start + len(text)
	var fix *Fix
	lastWord := core[strings.LastIndexAny(core, " \t\n")+1:]
	// A period glued to a bare URL reads as part of it; leave those to the author.
	bareURL := (strings.Contains(lastWord, "://") || strings.HasPrefix(lastWord, "www.")) && !strings.Contains(lastWord, "](")
	if !strings.ContainsRune(",;:-–—", last) && !bareURL {
		fix = &Fix{Message: "add a final period", Safe: true, Edits: []Edit{{Start: end, End: end, New: "."}}}
	}
	at := d.Start + len(core) - size
	p.Report(at, end, fix, "description should end with a period (or \"!\", \"?\", \"…\"): %q", tail(text, 30))
}

func isDecoration(r rune) bool {
	return r > unicode.MaxASCII && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == '\u200d' || r == '\ufe0f') ||
		unicode.IsSpace(r)
}

// remarkAfterSentence accepts a finished sentence followed by a parenthesised remark:
// "Web framework. *(You might like [awesome-meteor](https://...))*".
func remarkAfterSentence(text string) bool {
	t := strings.TrimRight(text, "*_")
	if !strings.HasSuffix(t, ")") {
		return false
	}
	depth := 0
	for i := len(t) - 1; i >= 0; i-- {
		switch t[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				before := strings.TrimRight(t[:i], " *_")
				r, _ := utf8.DecodeLastRuneInString(before)
				return strings.ContainsRune(".!?…。！？", r) && r != utf8.RuneError
			}
		}
	}
	return false
}

func tail(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + string(r[len(r)-n:])
}

func isAnchor(u string) bool { return strings.HasPrefix(u, "#") }

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
