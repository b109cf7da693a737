package rules

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/listlint/listlint/mdsrc"
)

// SortOrderOptions tunes sort-order.
type SortOrderOptions struct {
	// By is "title" or "year".
	By string `yaml:"by"`
	// Order is "ascending" or "descending".
	Order string `yaml:"order"`
	// IgnoreArticles skips a leading "The", "A" or "An" when comparing titles.
	IgnoreArticles bool `yaml:"ignore-articles"`
	// MinSorted checks only the lists that are already mostly sorted: the share of
	// neighbouring entries in order must reach it (0 checks every list).
	MinSorted float64 `yaml:"min-sorted"`
}

// SortOrder checks that the entries of each list are sorted.
var SortOrder = register(&Rule{
	ID:      "sort-order",
	Default: Off,
	Doc: Doc{
		Title: "Entries of each list are sorted",
		Why: "A sorted list is easy to scan and gives every new entry one obvious place, so pull " +
			"requests do not argue about it. Titles compare case-insensitively with numbers in " +
			"natural order (\"Go 2\" before \"Go 10\"); by year, entries without a year go last. " +
			"The fix moves whole entries with their nested lines. Off by default: turn it on for " +
			"lists that are meant to be sorted.",
		Before: "- [Zap](https://github.com/uber-go/zap) - Fast logging.\n- [Logrus](https://github.com/sirupsen/logrus) - Structured logging.\n",
		After:  "- [Logrus](https://github.com/sirupsen/logrus) - Structured logging.\n- [Zap](https://github.com/uber-go/zap) - Fast logging.\n",
		Fix:    FixSafe,
		Options: []OptionDoc{
			{Name: "by", Type: "string (title | year)", Default: "title", Text: "what entries are sorted by"},
			{Name: "order", Type: "string (ascending | descending)", Default: "ascending", Text: "the direction"},
			{Name: "ignore-articles", Type: "boolean", Default: "false", Text: "ignore a leading \"The\", \"A\" or \"An\" in titles"},
			{Name: "min-sorted", Type: "number (0 to 1)", Default: "0", Text: "check only lists already mostly sorted: the share of neighbouring entries in order must reach this (the awesome preset uses 0.8, so a list kept in another order on purpose is left alone)"},
		},
	},
	NewOptions: func() any { return &SortOrderOptions{By: "title", Order: "ascending"} },
	Check:      checkSortOrder,
})

type sortKey struct {
	title []byte // collation key
	year  int    // 0 when the entry has none
}

func checkSortOrder(p *Pass) {
	opts := optionsOf[SortOrderOptions](p.Options)
	src := p.Doc.Src
	// Unicode collation puts "Ärger" beside "Arger" and "Go 2" before "Go 10"; a collator is
	// not safe for concurrent use, so each pass has its own.
	col := collate.New(language.Und, collate.IgnoreCase, collate.Numeric)
	var buf collate.Buffer
	for _, l := range p.Doc.Lists {
		if len(l.Items) < 2 || !sortable(l) {
			continue
		}
		keys := make([]sortKey, len(l.Items))
		for i, it := range l.Items {
			keys[i] = entryKey(p, col, &buf, it.Entry, opts)
		}
		less := func(a, b int) bool { return keyLess(keys[a], keys[b], opts) }
		bad, inOrder := -1, 0
		for i := 1; i < len(keys); i++ {
			if !less(i, i-1) {
				inOrder++
			} else if bad < 0 {
				bad = i
			}
		}
		if bad < 0 || float64(inOrder) < opts.MinSorted*float64(len(keys)-1) {
			continue
		}
		before := 0
		for before < bad && !less(bad, before) {
			before++
		}
		order := make([]int, len(keys))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return less(order[a], order[b]) })
		first, last := l.Items[0], l.Items[len(l.Items)-1]
		var b strings.Builder
		for i, idx := range order {
			it := l.Items[idx]
			b.Write(src[it.Start:it.BodyEnd])
			if i+1 < len(l.Items) {
				// The text between entries (line breaks, blank lines) stays where it was.
				b.Write(src[l.Items[i].BodyEnd:l.Items[i+1].Start])
			}
		}
		e, target := l.Items[bad].Entry, l.Items[before].Entry
		what := "title"
		if opts.By == "year" {
			what = "year"
		}
		p.ReportRelated([]Location{{Start: target.Link.Span.Start, End: target.Link.Span.End}}, e.Link.Span.Start, e.Link.Span.End,
			&Fix{Message: "sort the list by " + what, Safe: true, Edits: []Edit{{Start: first.Start, End: last.BodyEnd, New: b.String()}}},
			"list is not sorted by %s: %q belongs before %q (line %d)", what, plain(p.Text(e.Title)), plain(p.Text(target.Title)), p.Doc.Lines.Line(target.Link.Span.Start))
	}
}

// sortable lists hold only entries, none of which is a table-of-contents anchor, and no
// two items share a line (which a moved item would tear apart).
func sortable(l *mdsrc.List) bool {
	anchors := 0
	for i, it := range l.Items {
		if it.Entry == nil {
			return false
		}
		if isAnchor(it.Entry.Link.Dest) {
			anchors++
		}
		if i > 0 && it.Start <= l.Items[i-1].BodyEnd {
			return false
		}
	}
	return anchors == 0
}

func entryKey(p *Pass, col *collate.Collator, buf *collate.Buffer, e *mdsrc.Entry, opts *SortOrderOptions) sortKey {
	title := plain(p.Text(e.Title))
	if opts.IgnoreArticles {
		lower := strings.ToLower(title)
		for _, a := range []string{"the ", "a ", "an "} {
			if strings.HasPrefix(lower, a) && len(title) > len(a) {
				title = strings.TrimSpace(title[len(a):])
				break
			}
		}
	}
	k := sortKey{title: bytes.Clone(col.KeyFromString(buf, title))}
	buf.Reset()
	y := e.Year
	if !y.Valid() {
		y = e.YearAfter
	}
	if y.Valid() {
		t := strings.TrimSpace(p.Text(y))
		k.year, _ = strconv.Atoi(t[1:5])
	}
	return k
}

func keyLess(a, b sortKey, opts *SortOrderOptions) bool {
	desc := opts.Order == "descending"
	if opts.By == "year" {
		switch {
		case a.year == b.year:
			return false
		case a.year == 0:
			return false
		case b.year == 0:
			return true
		case desc:
			return a.year > b.year
		default:
			return a.year < b.year
		}
	}
	c := bytes.Compare(a.title, b.title)
	if desc {
		return c > 0
	}
	return c < 0
}

// plain strips emphasis and code markers from a link text.
func plain(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '*' || r == '`' || r == '~' || r == '\\' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	for _, m := range []string{"__", "_"} {
		if strings.HasPrefix(s, m) && strings.HasSuffix(s, m) && len(s) > 2*len(m) {
			s = s[len(m) : len(s)-len(m)]
		}
	}
	return s
}

// ListOrder says how one list of a document stands against a sort order.
type ListOrder struct {
	List *mdsrc.List
	// Sorted is true when no entry comes before its predecessor under the options.
	Sorted bool
	// WithYear counts the entries that carry a year (the ones by: year compares).
	WithYear int
}

// SortedLists reports, for every list of doc that sort-order would check (lists of at
// least two entries, none a table-of-contents anchor), whether it is sorted under opts. It
// compares exactly as the rule does, so that listlint init turns the rule on only for
// lists the rule will accept.
func SortedLists(doc *mdsrc.Document, opts *SortOrderOptions) []ListOrder {
	p := NewPass(SortOrder, doc, opts, Off, time.Time{}, func(Diagnostic) {})
	col := collate.New(language.Und, collate.IgnoreCase, collate.Numeric)
	var buf collate.Buffer
	var out []ListOrder
	for _, l := range doc.Lists {
		if len(l.Items) < 2 || !sortable(l) {
			continue
		}
		lo := ListOrder{List: l, Sorted: true}
		var prev sortKey
		for i, it := range l.Items {
			k := entryKey(p, col, &buf, it.Entry, opts)
			if k.year != 0 {
				lo.WithYear++
			}
			if i > 0 && keyLess(k, prev, opts) {
				lo.Sorted = false
			}
			prev = k
		}
		out = append(out, lo)
	}
	return out
}
