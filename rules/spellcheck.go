package rules

import (
	"bytes"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/mdsrc"
)

// SpellCheckOptions tunes spell-check.
type SpellCheckOptions struct {
	// Words adds names to the built-in list: each canonical spelling with the variants to
	// replace by it. A name listed here is never itself reported as a variant.
	Words map[string][]string `yaml:"words"`
	// Ignore lists spellings never to report: a variant ("Github"), or a canonical name
	// ("GitHub"), which turns off all of its variants.
	Ignore []string `yaml:"ignore"`
}

// SpellCheck checks the spelling of well-known names in entry titles and descriptions.
var SpellCheck = register(&Rule{
	ID:      "spell-check",
	Aliases: []string{"awesome-spell-check"},
	Default: Off,
	Doc: Doc{
		Title: "Well-known names are spelled the way their owners spell them",
		Why: "\"Github\", \"Javascript\", \"nodejs\" and \"Wifi\" read as careless in a curated list. " +
			"The rule knows about 250 names (JavaScript, TypeScript, GitHub, GitLab, macOS, iOS, " +
			"Node.js, PostgreSQL, YouTube, Wi-Fi, ...) with their usual misspellings, and matches " +
			"those spellings exactly, as whole words, in titles and descriptions. It never looks " +
			"inside code spans, URLs or identifiers (\"my_github_tool\", \"github-markdown-css\", " +
			"\"nodejs.org\"), skips a title word that is written the same way in the entry's URL " +
			"(the project's own name, such as airbnb's \"javascript\" style guide), and leaves " +
			"alone words that are also English words or the usual way to type a command " +
			"(\"go\", \"node\", \"postgres\"). In a description, a capitalised misspelling in a " +
			"hyphenated word is reported too (\"Javascript-based\"). A title that quotes someone " +
			"else's words (a sentence of eight words or more) is kept as written, an all-capitals " +
			"title may write \"NPM\", and annotation labels are annotation-style's business.",
		Before:  "- [Octokit](https://github.com/octokit/octokit.js) - Github API client for nodejs.\n",
		After:   "- [Octokit](https://github.com/octokit/octokit.js) - GitHub API client for Node.js.\n",
		Fix:     FixSafe,
		FixNote: "replaces the misspelling with the canonical name",
		Options: []OptionDoc{
			{Name: "words", Type: "map of name to list of strings", Default: "{}", Text: "more names to check: each canonical spelling with the misspellings to replace (\"Acme DB\": [\"AcmeDB\", \"acmedb\"])"},
			{Name: "ignore", Type: "list of strings", Default: "[]", Text: "spellings never to report: a misspelling, or a canonical name to turn off all of its misspellings"},
		},
	},
	NewOptions: func() any { return &SpellCheckOptions{} },
	Check:      checkSpelling,
})

// speller matches misspellings: a bit-table test per word, then one map lookup for the few
// words that pass it.
type speller struct {
	single map[string]string         // variant → canonical name
	multi  map[string][]multiVariant // first word of a variant of several words → variants
	filter [1 << 16 / 64]uint64      // wordKey of every single variant and first word
}

type multiVariant struct {
	text  string // the words joined by single spaces
	canon string
}

// wordKey hashes a word's length and a few of its bytes into 16 bits.
func wordKey(b []byte) uint32 {
	h := uint32(len(b))*0x9e3779b1 ^ uint32(b[0])<<3 ^ uint32(b[len(b)-1])<<11 ^ uint32(b[len(b)/2])*0x85ebca6b
	return (h ^ h>>15 ^ h>>27) & 0xffff
}

func (s *speller) mark(w string) {
	k := wordKey([]byte(w))
	s.filter[k>>6] |= 1 << (k & 63)
}

// maybe reports whether w may be a misspelling or the first word of one.
func (s *speller) maybe(w []byte) bool {
	k := wordKey(w)
	return s.filter[k>>6]&(1<<(k&63)) != 0
}

var (
	defaultSpeller = sync.OnceValue(func() *speller { return newSpeller(nil, nil) })
	spellerCache   sync.Map // options signature → *speller
)

func newSpeller(words map[string][]string, ignore []string) *speller {
	s := &speller{single: map[string]string{}, multi: map[string][]multiVariant{}}
	skip := map[string]bool{}
	for _, w := range ignore {
		skip[strings.TrimSpace(w)] = true
	}
	add := func(canon string, variants []string) {
		if skip[canon] {
			return
		}
		for _, v := range variants {
			v = strings.Join(strings.Fields(v), " ")
			if _, isName := words[v]; v == "" || v == canon || skip[v] || isName {
				continue
			}
			if first, _, several := strings.Cut(v, " "); several {
				s.multi[first] = append(s.multi[first], multiVariant{text: v, canon: canon})
				s.mark(first)
			} else {
				s.single[v] = canon
				s.mark(v)
			}
		}
	}
	// Built-in names in a fixed order, so that a variant listed twice resolves the same way
	// on every run; the user's words come last and win.
	names := make([]string, 0, len(spellNames))
	for c := range spellNames {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		add(c, spellNames[c])
	}
	user := make([]string, 0, len(words))
	for c := range words {
		user = append(user, c)
	}
	sort.Strings(user)
	for _, c := range user {
		add(c, words[c])
	}
	for _, vs := range s.multi {
		// Longer variants first: "Open Street Map" before a shorter one sharing its start.
		sort.SliceStable(vs, func(i, j int) bool { return len(vs[i].text) > len(vs[j].text) })
	}
	return s
}

func spellerFor(o *SpellCheckOptions) *speller {
	if o == nil || len(o.Words) == 0 && len(o.Ignore) == 0 {
		return defaultSpeller()
	}
	var sig strings.Builder
	keys := make([]string, 0, len(o.Words))
	for k := range o.Words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		sig.WriteString(k + "\x00" + strings.Join(o.Words[k], "\x00") + "\x01")
	}
	sig.WriteString("\x02" + strings.Join(o.Ignore, "\x00"))
	if s, ok := spellerCache.Load(sig.String()); ok {
		return s.(*speller)
	}
	s := newSpeller(o.Words, o.Ignore)
	spellerCache.Store(sig.String(), s)
	return s
}

func checkSpelling(p *Pass) {
	opts, _ := p.Options.(*SpellCheckOptions)
	sp := spellerFor(opts)
	src := p.Doc.Src
	for _, e := range p.Doc.Entries {
		for _, title := range [2]bool{true, false} {
			span := e.Desc
			if title {
				span = e.Title
			}
			if !span.Valid() || span.Len() == 0 || title && quotedTitle(src, span) {
				// A passage quoted as the link text is someone else's words, kept as written.
				continue
			}
			shouting := -1 // whether the region has no lower-case letter; computed when needed
			isShouting := func() bool {
				if shouting < 0 {
					shouting = b2i(!hasLower(src[span.Start:span.End]))
				}
				return shouting == 1
			}
			proseRuns(src, span.Start, span.End, "", func(start, end int, dest string) {
				if title && dest == "" {
					dest = e.Link.Dest
				}
				sp.scan(p, start, end, dest, !title && dest == "", isShouting)
			})
		}
	}
}

// scan reports the misspellings in the prose src[lo:hi]. dest is the destination of the
// link whose text this is, if any; hyphens turns on the check of hyphenated words.
func (s *speller) scan(p *Pass, lo, hi int, dest string, hyphens bool, shouting func() bool) {
	src := p.Doc.Src
	for i := lo; i < hi; {
		if c := src[i]; c < utf8.RuneSelf {
			if asciiBreaks[c] {
				i++
				continue
			}
		} else if r, n := decodeRune(src, i, hi); wordBreak(r) {
			i += n
			continue
		}
		rawStart := i
		i = wordEnd(src, i, hi)
		start, end := trimWord(src, rawStart, i)
		if start >= end {
			continue
		}
		w := src[start:end]
		canon, mEnd := "", -1
		if s.maybe(w) {
			canon, mEnd = s.match(src, start, end, hi)
		}
		switch {
		case mEnd < 0:
			if hyphens && hyphenWord(w) {
				s.hyphenParts(p, src, start, end)
			}
			continue
		case mEnd == end && dest != "" && ownName(dest, string(w)):
			continue
		case !hasLower(src[start:mEnd]) && shouting():
			continue
		}
		reportSpelling(p, start, mEnd, canon)
		i = max(i, mEnd)
	}
}

func reportSpelling(p *Pass, start, end int, canon string) {
	bad := string(p.Doc.Src[start:end])
	p.Report(start, end, &Fix{Message: "write " + canon, Safe: true, Edits: []Edit{{Start: start, End: end, New: canon}}},
		"%q should be written %q", bad, canon)
}

// match returns the canonical name of the misspelling that starts with the word
// src[start:end], and where the misspelling ends; -1 when there is none. The words of a
// variant of several words stand one space apart, and the last of them ends a word.
func (s *speller) match(src []byte, start, end, hi int) (string, int) {
	w := src[start:end]
	if c, ok := s.single[string(w)]; ok {
		return c, end
	}
	for _, mv := range s.multi[string(w)] {
		e := start + len(mv.text)
		if e > hi || string(src[start:e]) != mv.text {
			continue
		}
		if _, we := trimWord(src, start, wordEnd(src, e, hi)); we == e || e == hi {
			return mv.canon, e
		}
	}
	return "", -1
}

// wordEnd returns the end of the word that goes on at i.
func wordEnd(src []byte, i, hi int) int {
	for i < hi {
		if c := src[i]; c < utf8.RuneSelf {
			if asciiBreaks[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:hi])
		if wordBreak(r) {
			break
		}
		i += n
	}
	return i
}

// trimWord takes emphasis underscores and tildes off both ends of a word, and a
// sentence-final period or colon off its end.
func trimWord(src []byte, start, end int) (int, int) {
	for start < end && (src[start] == '_' || src[start] == '~') {
		start++
	}
	for end > start {
		if c := src[end-1]; c != '.' && c != '_' && c != '~' && c != ':' {
			break
		}
		end--
	}
	return start, end
}

// hyphenParts reports a capitalised misspelling joined by a hyphen to English words, such
// as "Javascript-based" or "Github-flavored". Anything else is a name: "youtube-dl",
// "nodejs-dashboard", "Youtube-DL".
func (s *speller) hyphenParts(p *Pass, src []byte, start, end int) {
	type part struct{ start, end int }
	var parts [5]part
	n := 0
	for at := start; at <= end; {
		e := bytes.IndexByte(src[at:end], '-')
		if e < 0 {
			e = end
		} else {
			e += at
		}
		if n == len(parts) {
			return
		}
		parts[n] = part{at, e}
		n++
		at = e + 1
	}
	bad, canon := -1, ""
	for i, pt := range parts[:n] {
		text := src[pt.start:pt.end]
		if c, ok := s.single[string(text)]; ok && bad < 0 && unicode.IsUpper(rune(text[0])) {
			bad, canon = i, c
			continue
		}
		if !commonWords[string(text)] && !hyphenSuffixes[string(text)] {
			return
		}
	}
	if bad >= 0 {
		reportSpelling(p, parts[bad].start, parts[bad].end, canon)
	}
}

// hyphenSuffixes join a name into an adjective ("Github-flavored") beside commonWords.
var hyphenSuffixes = wordSet(`flavored flavoured related centric hosted backed compliant oriented agnostic`)

// ownName reports whether a word of a link text is the project's own name as its URL writes
// it: a repository called "javascript" is titled "javascript", and a Go package "paypal"
// lives at ".../PayPal-Go-SDK". Only the path counts ("[Github](https://github.com)" is
// still a misspelling), and only a lower-case word, which reads as an identifier, may
// differ in case from the path.
func ownName(dest, word string) bool {
	path := dest
	if i := strings.Index(path, "://"); i >= 0 {
		path = path[i+3:]
		if j := strings.IndexByte(path, '/'); j >= 0 {
			path = path[j:]
		} else {
			path = ""
		}
	}
	if inURL(path, word) {
		return true
	}
	return strings.ToLower(word) == word && inURL(strings.ToLower(path), word)
}

func decodeRune(src []byte, i, hi int) (rune, int) {
	if c := src[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(src[i:hi])
}

// asciiBreaks are the ASCII characters that separate words.
var asciiBreaks = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c <= ' ' || c == 0x7f || strings.IndexByte("()[]{}<>\"'*,;!?|`", byte(c)) >= 0
	}
	return t
}()

// wordBreak reports whether r separates words.
func wordBreak(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiBreaks[r]
	}
	if unicode.IsLetter(r) {
		// CJK text has no spaces: a Latin name inside it is still a word of its own.
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
	}
	return !unicode.IsDigit(r) && !unicode.IsMark(r)
}

func hyphenWord(b []byte) bool {
	if bytes.IndexByte(b, '-') <= 0 || b[len(b)-1] == '-' {
		return false
	}
	for _, c := range b {
		if c != '-' && !isAlnum(c) {
			return false
		}
	}
	return !bytes.Contains(b, []byte("--"))
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// inURL reports whether word stands in url as written, between characters that are not
// letters or digits.
func inURL(url, word string) bool {
	for at := 0; at < len(url); {
		i := strings.Index(url[at:], word)
		if i < 0 {
			return false
		}
		i += at
		j := i + len(word)
		if (i == 0 || !isAlnum(url[i-1])) && (j == len(url) || !isAlnum(url[j])) {
			return true
		}
		at = i + 1
	}
	return false
}

func hasLower(b []byte) bool {
	return bytes.IndexFunc(b, unicode.IsLower) >= 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// quotedTitle is duplicate-url's isQuote (a sentence of eight words or more used as a link
// text) without building strings: it runs on every title.
func quotedTitle(src []byte, label mdsrc.Span) bool {
	t := src[label.Start:label.End]
	for len(t) > 0 {
		r, n := utf8.DecodeLastRune(t)
		if !strings.ContainsRune("\"'”’*_ ", r) {
			break
		}
		t = t[:len(t)-n]
	}
	if len(t) < 15 || bytes.IndexByte([]byte(".!?"), t[len(t)-1]) < 0 {
		return false
	}
	words, in := 0, false
	for _, c := range t {
		space := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		if !space && !in {
			words++
		}
		in = !space
	}
	return words >= 8
}

// proseRuns calls fn for each run of prose in src[lo:hi]: the text a reader sees, without
// code spans, link destinations and titles, autolinks, HTML tags and bare URLs. The text of
// a link is prose too; fn gets the destination of the link a run belongs to (dest outside
// links). Emphasis markers and backslash escapes stay in the runs.
func proseRuns(src []byte, lo, hi int, dest string, fn func(start, end int, dest string)) {
	urls := hasBareURL(src[lo:hi])
	if !urls && !bytes.ContainsAny(src[lo:hi], proseMarkup) {
		fn(lo, hi, dest)
		return
	}
	run := lo
	flush := func(at int) {
		if at > run {
			fn(run, at, dest)
		}
	}
	// Bounds that keep a pathological text linear: failed link scans are capped, and a search
	// that failed once (no ">", no closing run of n backticks) fails for the rest of the text.
	linkTries, noGT := 0, false
	var noTicks [64]bool
	for i := lo; i < hi; {
		if !urls {
			k := bytes.IndexAny(src[i:hi], proseMarkup)
			if k < 0 {
				break
			}
			i += k
		}
		c := src[i]
		switch {
		case c == '\\' && i+1 < hi && src[i+1] < utf8.RuneSelf && unicode.IsPunct(rune(src[i+1])):
			i += 2
			continue
		case c == '`':
			n := 1
			for i+n < hi && src[i+n] == '`' {
				n++
			}
			close := -1
			if n >= len(noTicks) || !noTicks[n] {
				close = closingBackticks(src, i+n, hi, n)
			}
			if close >= 0 {
				flush(i)
				i = close + n
				run = i
			} else {
				if n < len(noTicks) {
					noTicks[n] = true
				}
				i += n
			}
			continue
		case c == '[' && linkTries < maxLinkTries:
			if l, ok := mdsrc.ScanLink(src, i, hi); ok && (l.URL.Valid() || l.Span.End > l.Label.End+1) {
				flush(i)
				proseRuns(src, l.Label.Start, l.Label.End, l.Dest, fn)
				i = l.Span.End
				run = i
				continue
			}
			linkTries++
		case c == '<' && !noGT:
			if i+1 < hi && (isAlnum(src[i+1]) || src[i+1] == '/' || src[i+1] == '!') {
				gt := bytes.IndexByte(src[i:hi], '>')
				if gt > 0 {
					flush(i)
					i += gt + 1
					run = i
					continue
				}
				noGT = gt < 0
			}
		case urls && isAlnum(c) && (i == lo || !isAlnum(src[i-1])):
			if e := bareURLEnd(src, i, hi); e > i {
				flush(i)
				i = e
				run = i
				continue
			}
		}
		i++
	}
	flush(hi)
}

// maxLinkTries bounds the "[" that are scanned for a link and found not to start one.
const maxLinkTries = 64

// proseMarkup are the bytes that may start something other than prose.
const proseMarkup = "`[<\\"

func hasBareURL(b []byte) bool {
	return bytes.Contains(b, []byte("://")) || bytes.Contains(b, []byte("www.")) || bytes.Contains(b, []byte("WWW."))
}

// closingBackticks finds a run of exactly n backticks at or after from, or -1.
func closingBackticks(src []byte, from, hi, n int) int {
	for i := from; i < hi; i++ {
		if src[i] != '`' {
			continue
		}
		j := i
		for j < hi && src[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j - 1
	}
	return -1
}

// bareURLEnd returns the end of a URL written as plain text at i ("https://...",
// "www...."), or i. Like GitHub, it leaves out trailing punctuation and a closing
// parenthesis that the URL did not open.
func bareURLEnd(src []byte, i, hi int) int {
	j := i
	for j < hi && j-i < 12 && (isAlnum(src[j]) || src[j] == '+' || src[j] == '-' || src[j] == '.') {
		j++
	}
	switch {
	case j+3 <= hi && string(src[j:j+3]) == "://" && j > i:
		j += 3
	case j-i > 4 && (string(src[i:i+4]) == "www." || string(src[i:i+4]) == "WWW."):
		j = i + 4
	default:
		return i
	}
	for j < hi && src[j] > ' ' && src[j] != '<' {
		j++
	}
	for j > i {
		c := src[j-1]
		if strings.IndexByte("?!.,:*_~'\"", c) >= 0 {
			j--
			continue
		}
		if c == ')' && bytes.Count(src[i:j], []byte(")")) > bytes.Count(src[i:j], []byte("(")) {
			j--
			continue
		}
		break
	}
	return j
}
