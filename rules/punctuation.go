package rules

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/mdsrc"
)

// PunctuationOptions tunes punctuation.
type PunctuationOptions struct {
	// Pairs are the brackets and quotes that must balance, each written as its opening and
	// closing character.
	Pairs []string `yaml:"pairs"`
	// Repeats are the ASCII punctuation characters that must not be doubled.
	Repeats string `yaml:"repeats"`
}

func newPunctuationOptions() *PunctuationOptions {
	return &PunctuationOptions{Pairs: []string{"()", "[]", "“”", "‘’", "「」", "（）"}, Repeats: "!?,"}
}

// Validate checks that every pair is two characters and that repeats holds ASCII
// punctuation.
func (o *PunctuationOptions) Validate() error {
	for _, p := range o.Pairs {
		if utf8.RuneCountInString(p) != 2 {
			return fmt.Errorf("pairs: %q should be two characters, the opening and the closing one, such as \"()\"", p)
		}
	}
	for _, r := range o.Repeats {
		if r >= utf8.RuneSelf || !unicode.IsPunct(r) {
			return fmt.Errorf("repeats: %q is not an ASCII punctuation character", string(r))
		}
	}
	return nil
}

// Punctuation checks brackets, quotes and doubled punctuation in titles and descriptions.
var Punctuation = register(&Rule{
	ID:      "punctuation",
	Default: Warning,
	Doc: Doc{
		Title: "Brackets and quotes are balanced, and \"!\", \"?\" and \",\" are not doubled",
		Why: "An unclosed \"(\" or a stray \"”\" in a title or description is a typo that the " +
			"rendered list shows to every reader; \"!!\" and \"??\" shout. Code spans, URLs and " +
			"link destinations are not looked at, and neither are the \"?!\" and \"...\" that " +
			"prose uses. An apostrophe \"’\" is not a closing quote unless a \"‘\" is open; a " +
			"\")\" after \"1\", \"a\" or \"iv\" closes an enumeration and one after \":\" or \";\" " +
			"is a smiley. The final punctuation of a description is description-style's " +
			"business, so \"Great!!\" at the end of a description is reported once, by it.",
		Before: "- [Tool](https://example.com) - Fast (and small!! Really, really,, good.\n",
		After:  "- [Tool](https://example.com) - Fast (and small)! Really, really, good.\n",
		Fix:    FixSafe,
		FixNote: "reduces a doubled \"!\", \"?\" or \",\" to one; an unbalanced bracket or quote is " +
			"reported only, since only the author knows where it closes",
		Options: []OptionDoc{
			{Name: "pairs", Type: "list of strings", Default: "[\"()\", \"[]\", \"“”\", \"‘’\", \"「」\", \"（）\"]", Text: "brackets and quotes that must balance, each as its opening and closing character"},
			{Name: "repeats", Type: "string", Default: "\"!?,\"", Text: "ASCII punctuation characters that must not be doubled"},
		},
	},
	NewOptions: func() any { return newPunctuationOptions() },
	Check:      checkPunctuation,
})

type bracketPair struct{ open, close rune }

// pairSet is the configured pairs, with tables to skip text that has none of them.
type pairSet struct {
	pairs []bracketPair
	ascii [utf8.RuneSelf]bool // ASCII characters of some pair
	lead  [256]bool           // first bytes of the other characters of the pairs
	any   [256]bool           // ascii and lead together
}

var pairSets sync.Map // pairs joined by "\x00" → *pairSet

func pairSetFor(specs []string) *pairSet {
	key := strings.Join(specs, "\x00")
	if ps, ok := pairSets.Load(key); ok {
		return ps.(*pairSet)
	}
	ps := &pairSet{}
	for _, s := range specs {
		r := []rune(s)
		if len(r) != 2 {
			continue
		}
		ps.pairs = append(ps.pairs, bracketPair{r[0], r[1]})
		for _, c := range r {
			if c < utf8.RuneSelf {
				ps.ascii[c] = true
				ps.any[c] = true
			} else {
				var b [utf8.UTFMax]byte
				utf8.EncodeRune(b[:], c)
				ps.lead[b[0]] = true
				ps.any[b[0]] = true
			}
		}
	}
	pairSets.Store(key, ps)
	return ps
}

// in reports whether b may hold a character of some pair.
func (ps *pairSet) in(b []byte) bool {
	for _, c := range b {
		if ps.any[c] {
			return true
		}
	}
	return false
}

func checkPunctuation(p *Pass) {
	opts := optionsOf[PunctuationOptions](p.Options)
	ps := pairSetFor(opts.Pairs)
	src := p.Doc.Src
	for _, e := range p.Doc.Entries {
		// A passage quoted as the link text is someone else's words, kept as written. The
		// title is looked at without its year suffix, which is balanced by definition.
		if !quotedTitle(src, e.Link.Label) {
			checkBalance(p, ps, e.Title, "title")
			checkRepeats(p, opts.Repeats, e.Title, nil, "title")
		}
		if e.Desc.Len() > 0 {
			checkBalance(p, ps, e.Desc, "description")
			checkRepeats(p, opts.Repeats, e.Desc, func() int { return descStyleEnd(src, e) }, "description")
		}
	}
}

// descStyleEnd is where description-style looks for the description's final punctuation
// (the end of the text before closing quotes, brackets and trailing emoji), or -1 when it
// does not. A doubled "!" or "?" that ends there is its to report, not ours.
func descStyleEnd(src []byte, e *mdsrc.Entry) int {
	if !e.Sep.Valid() {
		return -1
	}
	text := strings.TrimRightFunc(string(src[e.Desc.Start:e.Desc.End]), isDecoration)
	core := strings.TrimRight(text, closers)
	if core == "" || remarkAfterSentence(text) {
		return -1
	}
	return e.Desc.Start + len(core)
}

type openBracket struct {
	pair bracketPair
	at   int
}

// checkBalance reports the brackets and quotes of span that do not pair up.
func checkBalance(p *Pass, ps *pairSet, span mdsrc.Span, where string) {
	src := p.Doc.Src
	if len(ps.pairs) == 0 || !span.Valid() || span.Len() == 0 || !ps.in(src[span.Start:span.End]) {
		return
	}
	pairs := ps.pairs
	var stack []openBracket
	report := func(at int, r rune, msg string) {
		p.Report(at, at+utf8.RuneLen(r), nil, "unmatched %q in the %s: %s: %q", string(r), where, msg, excerpt(src, span, at))
	}
	proseRuns(src, span.Start, span.End, "", func(start, end int, _ string) {
		for i := start; i < end; {
			if c := src[i]; c < utf8.RuneSelf && !ps.ascii[c] && c != '\\' {
				i++
				continue
			}
			r, n := decodeRune(src, i, end)
			if r == '\\' && i+1 < end && src[i+1] < utf8.RuneSelf && unicode.IsPunct(rune(src[i+1])) {
				// An escaped bracket is still a bracket for the reader: look at it.
				i++
				continue
			}
			at := i
			i += n
			pr, opens, ok := findPair(pairs, stack, r)
			switch {
			case !ok:
			case opens:
				if r == '‘' && at+n < end && isASCIIDigit(src[at+n]) {
					// "‘90s": an elision written with the wrong quote, not an opening one.
					break
				}
				if r == '‘' && at > span.Start && at+n < end && isLetterBefore(src, span.Start, at) && isLetterAt(src, at+n, end) {
					p.Report(at, at+n, nil, "\"‘\" between letters in the %s is an apostrophe written with an opening quote; write \"’\": %q", where, excerpt(src, span, at))
					break
				}
				if !smiley(src, span.Start, at, r) {
					stack = append(stack, openBracket{pr, at})
				}
			case r == '’' && (len(stack) == 0 || stack[len(stack)-1].pair != pr):
				// An apostrophe: "’" closes a quote only right after the quoted words.
			default:
				k := len(stack) - 1
				for k >= 0 && stack[k].pair != pr {
					k--
				}
				switch {
				case k >= 0:
					for _, o := range stack[k+1:] {
						report(o.at, o.pair.open, fmt.Sprintf("no %q closes it before this %q", string(o.pair.close), string(r)))
					}
					stack = stack[:k]
				case r == ')' && (enumeration(src, span.Start, at) || smiley(src, span.Start, at, r)):
				default:
					report(at, r, fmt.Sprintf("no %q opens it", string(pr.open)))
				}
			}
		}
	})
	for _, o := range stack {
		report(o.at, o.pair.open, fmt.Sprintf("add the closing %q", string(o.pair.close)))
	}
}

// findPair finds the pair that r opens or closes. A quote that both opens and closes
// (a pair such as "\"\"") closes when one is open.
func findPair(pairs []bracketPair, stack []openBracket, r rune) (pr bracketPair, opens, ok bool) {
	for _, q := range pairs {
		switch {
		case q.open == r && q.close == r:
			return q, !openIn(stack, q), true
		case q.open == r:
			return q, true, true
		case q.close == r:
			return q, false, true
		}
	}
	return bracketPair{}, false, false
}

func isLetterBefore(src []byte, lo, i int) bool {
	r, _ := utf8.DecodeLastRune(src[lo:i])
	return unicode.IsLetter(r)
}

func isLetterAt(src []byte, i, hi int) bool {
	r, _ := utf8.DecodeRune(src[i:hi])
	return unicode.IsLetter(r)
}

func openIn(stack []openBracket, pr bracketPair) bool {
	for _, o := range stack {
		if o.pair == pr {
			return true
		}
	}
	return false
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// enumeration reports whether the ")" at i closes a list marker such as "1)", "a)" or "iv)".
func enumeration(src []byte, lo, i int) bool {
	s := i
	for s > lo && isAlnum(src[s-1]) {
		s--
	}
	if n := i - s; n == 0 || n > 3 || n > 1 && !isASCIIDigit(src[s]) && strings.Trim(strings.ToLower(string(src[s:i])), "ivx") != "" {
		return false
	}
	return s == lo || src[s-1] == ' ' || src[s-1] == '('
}

// smiley reports whether the bracket at i is part of ":)", ";-(", "=)" and the like.
func smiley(src []byte, lo, i int, r rune) bool {
	if r != '(' && r != ')' {
		return false
	}
	j := i
	if j > lo && src[j-1] == '-' {
		j--
	}
	return j > lo && (src[j-1] == ':' || src[j-1] == ';' || src[j-1] == '=') && (j-1 == lo || src[j-2] == ' ')
}

// checkRepeats reports doubled punctuation in span. A run ending where owned says (when it
// is not nil) belongs to description-style.
func checkRepeats(p *Pass, chars string, span mdsrc.Span, ownedEnd func() int, where string) {
	if chars == "" || !span.Valid() || span.Len() == 0 {
		return
	}
	src := p.Doc.Src
	doubled := false
	for k := 0; k < len(chars) && !doubled; k++ {
		doubled = bytes.Contains(src[span.Start:span.End], []byte{chars[k], chars[k]})
	}
	if !doubled {
		return
	}
	owned := -1
	if ownedEnd != nil {
		owned = ownedEnd()
	}
	proseRuns(src, span.Start, span.End, "", func(start, end int, _ string) {
		for i := start; i < end; i++ {
			c := src[i]
			if c >= utf8.RuneSelf || strings.IndexByte(chars, c) < 0 || i+1 >= end || src[i+1] != c {
				continue
			}
			j := i + 1
			for j < end && src[j] == c {
				j++
			}
			// Only punctuation that ends a word is doubled by mistake ("Wow!!"); a run
			// standing alone ("-? ????", "??!??!", "ends with !!") is written on purpose.
			if j != owned && i > span.Start && endsWord(src, span.Start, i) {
				run := string(src[i:j])
				p.Report(i, j, &Fix{Message: "use one " + string(c), Safe: true, Edits: []Edit{{Start: i + 1, End: j}}},
					"repeated %q in the %s; use one %q: %q", run, where, string(c), excerpt(src, span, i))
			}
			i = j - 1
		}
	})
}

// endsWord reports whether the text before i ends in a letter, a digit, or a closing
// bracket, quote or emphasis after one.
func endsWord(src []byte, lo, i int) bool {
	for i > lo {
		r, n := utf8.DecodeLastRune(src[lo:i])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return true
		case strings.ContainsRune(")]\"'”’*_`", r):
			i -= n
		default:
			return false
		}
	}
	return false
}

// excerpt is the text of span around at, at most about 60 characters of it.
func excerpt(src []byte, span mdsrc.Span, at int) string {
	const half = 30
	s, e := at, at
	for k := 0; k < half && s > span.Start; k++ {
		_, n := utf8.DecodeLastRune(src[span.Start:s])
		s -= n
	}
	for k := 0; k < half && e < span.End; k++ {
		_, n := utf8.DecodeRune(src[e:span.End])
		e += n
	}
	t := string(src[s:e])
	if s > span.Start {
		t = "…" + t
	}
	if e < span.End {
		t += "…"
	}
	return t
}
