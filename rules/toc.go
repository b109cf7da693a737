package rules

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/listlint/listlint/mdsrc"
)

// TOCOptions tunes toc.
type TOCOptions struct {
	// MaxLevel is the deepest heading level the table of contents lists; 0 means as deep as
	// the existing table of contents goes (a flat list: level 2 only; one level of sub-lists:
	// levels 2 and 3).
	MaxLevel int `yaml:"max-level"`
	// Exclude names sections that the table of contents need not list (it may).
	Exclude []string `yaml:"exclude"`
}

// Validate checks the level.
func (o *TOCOptions) Validate() error {
	if o.MaxLevel != 0 && (o.MaxLevel < 2 || o.MaxLevel > 6) {
		return fmt.Errorf("max-level: %d; use 2 to 6, or 0 for as deep as the table of contents goes", o.MaxLevel)
	}
	return nil
}

func newTOCOptions() *TOCOptions {
	return &TOCOptions{Exclude: []string{
		"Contributing", "Contribute", "Contribution", "Contributions", "Contributors",
		"Footnotes", "License", "Licence", "Related Lists",
	}}
}

// TOC checks that the table of contents matches the headings.
var TOC = register(&Rule{
	ID:      "toc",
	Aliases: []string{"awesome-toc"},
	Default: Error,
	Doc: Doc{
		Title: "The table of contents lists the sections that follow it, in order",
		Why: "A table of contents that has drifted from the headings sends readers to anchors " +
			"that do not exist and hides new sections. The rule applies when a heading named " +
			"\"Contents\" or \"Table of Contents\" (any level, any case, emoji around it allowed) " +
			"is followed by a list of \"#anchor\" links before the next heading. That list must " +
			"link every level-2 heading after it (it may link those above it too), in order, with GitHub's anchors (lower case, " +
			"punctuation and emoji removed, spaces turned into \"-\", repeats numbered \"-1\", " +
			"\"-2\"); level-3 headings go in sub-lists when the list has sub-lists (or with " +
			"max-level: 3). A table of contents whose first entry links the level-1 title lists " +
			"the whole outline from there. Sections such as Contributing and License need not be " +
			"listed, but may be. Each missing, extra, misplaced or mis-anchored entry is " +
			"reported where it is; a missing one at the end of the list.",
		Before: "## Contents\n\n- [Tools](#tool)\n- [Libraries](#libraries)\n\n## Libraries\n\n## Tools\n\n## Services\n",
		After:  "## Contents\n\n- [Libraries](#libraries)\n- [Tools](#tools)\n- [Services](#services)\n\n## Libraries\n\n## Tools\n\n## Services\n",
		Fix:    FixSafe,
		FixNote: "regenerates the list, keeping its bullet, indentation and the link texts (and any " +
			"text after a link) of the entries that are kept; the fix is unsafe when it would drop " +
			"an entry that holds more than a broken \"#anchor\" link",
		Options: []OptionDoc{
			{Name: "max-level", Type: "integer (0, 2-6)", Default: "0", Text: "deepest heading level listed; 0: as deep as the existing table of contents goes"},
			{Name: "exclude", Type: "list of strings", Default: "[Contributing, Contribute, Contribution, Contributions, Contributors, Footnotes, License, Licence, Related Lists]", Text: "sections that need not be listed (matched case-insensitively, emoji ignored)"},
		},
	},
	NewOptions: func() any { return newTOCOptions() },
	Check:      checkTOC,
})

// tocItem is one entry of the existing table of contents.
type tocItem struct {
	item    *mdsrc.Item
	depth   int
	link    *mdsrc.Link
	anchor  string // the decoded fragment, without "#"; "" when the item is no anchor link
	heading int    // the index into the outline it links to, or -1
	ok      bool   // in order and at the right depth
}

// tocHeading is one heading the table of contents may list.
type tocHeading struct {
	h        *mdsrc.Heading
	text     string // rendered
	anchor   string
	depth    int
	optional bool
	item     int // the tocItem that lists it, or -1
}

func checkTOC(p *Pass) {
	opts := optionsOf[TOCOptions](p.Options)
	d := p.Doc
	fm := d.FrontMatter()
	ti := -1
	for i, h := range d.Headings {
		if fm.Valid() && h.Start < fm.End || !h.Text.Valid() || !tocTopLevel(d, h) {
			continue
		}
		// The source text names the heading well enough to find it cheaply.
		if n := tocName(p.Text(h.Text)); n == "contents" || n == "table of contents" {
			ti = i
			break
		}
	}
	if ti < 0 {
		return
	}
	texts := d.HeadingTexts()
	if n := tocName(texts[ti]); n != "contents" && n != "table of contents" {
		return
	}
	anchors := d.Anchors()
	th := d.Headings[ti]
	bound := len(d.Src)
	if ti+1 < len(d.Headings) {
		bound = d.Headings[ti+1].Start
	}
	var list *mdsrc.List
	for _, l := range d.Lists {
		if l.Depth == 0 && len(l.Items) > 0 && l.Items[0].Start > th.Start && l.Items[0].Start < bound && (list == nil || l.Items[0].Start < list.Items[0].Start) {
			list = l
		}
	}
	var items []*tocItem
	if list != nil {
		flattenTOC(list, 0, &items)
		anchorLinks, links := 0, 0
		for _, it := range items {
			if it.link != nil {
				links++
				if strings.HasPrefix(it.link.Dest, "#") {
					anchorLinks++
				}
			}
		}
		if anchorLinks == 0 || anchorLinks*2 < links {
			// A "Contents" section that lists pages or other sites is no table of contents.
			return
		}
	}

	// The outline: top level T and depth D.
	byAnchor := map[string]int{}
	for i, a := range anchors {
		if fm.Valid() && d.Headings[i].Start < fm.End {
			continue
		}
		for _, k := range []string{a, tocAnchorKey(a)} {
			if _, dup := byAnchor[k]; !dup {
				byAnchor[k] = i
			}
		}
	}
	resolve := func(a string) int {
		if i, ok := byAnchor[a]; ok {
			return i
		}
		if i, ok := byAnchor[tocAnchorKey(a)]; ok {
			return i
		}
		return -1
	}
	top := 0
	maxDepth := 0
	for _, it := range items {
		maxDepth = max(maxDepth, it.depth)
		if it.depth == 0 && it.anchor != "" {
			if hi := resolve(it.anchor); hi >= 0 && tocTopLevel(d, d.Headings[hi]) && (top == 0 || d.Headings[hi].Level < top) {
				top = d.Headings[hi].Level
			}
		}
	}
	if top == 0 {
		top = 7
		for _, h := range d.Headings[ti+1:] {
			if tocTopLevel(d, h) && h.Level >= th.Level {
				top = min(top, h.Level)
			}
		}
		if top == 7 {
			top = 2
		}
	}
	deepest := top + maxDepth
	if opts.MaxLevel > 0 && opts.Validate() == nil {
		deepest = max(opts.MaxLevel, top)
	}
	exclude := map[string]bool{}
	for _, e := range opts.Exclude {
		exclude[tocName(e)] = true
	}
	var outline []*tocHeading
	byHeading := map[int]int{} // index into d.Headings -> index into outline
	var stack []*tocHeading
	// Headings above the table of contents may be listed; they must be when it lists the
	// whole outline from the title down.
	for i := 0; i < len(d.Headings); i++ {
		h := d.Headings[i]
		if fm.Valid() && h.Start < fm.End || !tocTopLevel(d, h) {
			continue
		}
		if i > ti && h.Level < min(top, th.Level) {
			break
		}
		if h.Level < top || h.Level > deepest {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].h.Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		o := &tocHeading{h: h, text: texts[i], anchor: anchors[i], depth: len(stack), item: -1}
		o.optional = i == ti || i < ti && top >= th.Level || exclude[tocName(texts[i])] || len(stack) > 0 && stack[len(stack)-1].optional
		byHeading[i] = len(outline)
		outline = append(outline, o)
		stack = append(stack, o)
	}

	// Match the entries to the outline: by anchor, then by text.
	byText := map[string]int{}
	for k, o := range outline {
		if n := tocName(o.text); n != "" {
			if _, dup := byText[n]; !dup {
				byText[n] = k
			}
		}
	}
	src := d.Src
	type problem struct {
		start, end int
		msg        string
		related    []Location
	}
	var problems []problem
	report := func(s, e int, format string, args ...any) {
		problems = append(problems, problem{start: s, end: e, msg: fmt.Sprintf(format, args...)})
	}
	// reportAbout reports a problem that concerns heading h too.
	reportAbout := func(h *mdsrc.Heading, s, e int, format string, args ...any) {
		problems = append(problems, problem{start: s, end: e, msg: fmt.Sprintf(format, args...),
			related: []Location{{Start: h.Text.Start, End: h.Text.End}}})
	}
	var seq []int // items that link into the outline, in list order
	for k, it := range items {
		it.heading = -1
		m := itemMarker(src, it.item)
		where := mdsrc.Span{Start: m.Start, End: it.item.Content.End}
		if !it.item.Content.Valid() {
			where.End = m.End
		}
		if it.link == nil {
			report(where.Start, where.End, "table of contents entry %q is not a link to a section", tocClip(p.Text(where)))
			continue
		}
		label := strings.Join(strings.Fields(p.Text(it.link.Label)), " ")
		hi := -1
		if it.anchor != "" {
			hi = resolve(it.anchor)
		}
		if hi >= 0 {
			oi, in := byHeading[hi]
			if !in {
				h := d.Headings[hi]
				why := fmt.Sprintf("the table of contents lists levels %d to %d after its own heading", top, deepest)
				if top == deepest {
					why = fmt.Sprintf("the table of contents lists level-%d headings after its own heading", top)
				}
				report(it.link.Span.Start, it.link.Span.End, "table of contents entry %q links to the level-%d heading on line %d, but %s",
					label, h.Level, d.Lines.Line(h.Text.Start), why)
				continue
			}
			if outline[oi].item >= 0 {
				report(it.link.Span.Start, it.link.Span.End, "table of contents entry %q is listed twice (first on line %d)",
					label, d.Lines.Line(items[outline[oi].item].item.Start))
				continue
			}
			outline[oi].item = k
			it.heading = oi
			seq = append(seq, k)
			continue
		}
		if !strings.HasPrefix(it.link.Dest, "#") {
			report(it.link.Span.Start, it.link.Span.End, "table of contents entry %q links to %q, not to a section of this file", label, it.link.Dest)
			continue
		}
		if oi, ok := byText[tocName(label)]; ok && outline[oi].item < 0 {
			o := outline[oi]
			report(it.link.URL.Start, it.link.URL.End, "table of contents entry %q links to %q, but the heading %q has the anchor \"#%s\"",
				label, it.link.Dest, o.text, o.anchor)
			o.item = k
			it.heading = oi
			seq = append(seq, k)
			continue
		}
		report(it.link.Span.Start, it.link.Span.End, "table of contents entry %q links to %q, but no heading has that anchor", label, it.link.Dest)
	}
	// Order: the longest run of entries in outline order stays; the others are misplaced.
	inOrder := tocLIS(seq, items)
	for _, k := range inOrder {
		items[k].ok = true
	}
	for _, k := range seq {
		it := items[k]
		o := outline[it.heading]
		label := strings.Join(strings.Fields(p.Text(it.link.Label)), " ")
		if !it.ok {
			after := "first"
			for j := it.heading - 1; j >= 0; j-- {
				if q := outline[j]; !q.optional || q.item >= 0 {
					after = fmt.Sprintf("after %q", q.text)
					break
				}
			}
			reportAbout(o.h, it.link.Span.Start, it.link.Span.End, "table of contents entry %q is out of order: it belongs %s, as its heading (line %d) does",
				label, after, d.Lines.Line(o.h.Text.Start))
			continue
		}
		if it.depth != o.depth {
			want := "at the top level of the list"
			if o.depth > 0 {
				for j := it.heading - 1; j >= 0; j-- {
					if outline[j].depth == o.depth-1 {
						want = fmt.Sprintf("nested under %q", outline[j].text)
						break
					}
				}
			}
			reportAbout(o.h, it.link.Span.Start, it.link.Span.End, "table of contents entry %q should be %s: its heading is level %d", label, want, o.h.Level)
		}
	}
	var listEnd int
	if list != nil {
		listEnd = list.Items[len(list.Items)-1].BodyEnd
	}
	var missing []*tocHeading
	for _, o := range outline {
		if o.item < 0 && !o.optional {
			missing = append(missing, o)
		}
	}
	if list == nil {
		if len(missing) == 0 {
			return
		}
		names := make([]string, 0, len(missing))
		for _, o := range missing {
			names = append(names, strconv.Quote(o.text))
		}
		end := headingEnd(d, th)
		fix := &Fix{Message: "generate the table of contents", Safe: true, Edits: []Edit{{Start: end, End: end,
			New: tocNL(d) + tocNL(d) + strings.TrimSuffix(tocGenerate(p, outline, items, nil, tocNL(d)), tocNL(d))}}}
		if !onlyBlankBetween(src, end, bound) {
			fix = nil // a section with text but no list: write the list by hand
		}
		p.Report(headingMarkStart(d, th), th.Text.End, fix, "the table of contents has no list; expected links to %s", tocClip(strings.Join(names, ", ")))
		return
	}
	for _, o := range missing {
		reportAbout(o.h, listEnd, listEnd, "table of contents is missing %q (%s %s, line %d)",
			o.text, strings.Repeat("#", o.h.Level), headingLabel(p, o.h), d.Lines.Line(o.h.Text.Start))
	}
	if len(problems) == 0 {
		return
	}
	fix := tocFix(p, list, outline, items)
	for _, pr := range problems {
		p.ReportRelated(pr.related, pr.start, pr.end, fix, "%s", pr.msg)
	}
}

// tocFix regenerates the list. It is unsafe when it would drop text: an entry that is not
// a bare link to a section of this file, or any entry with more than one line of text.
func tocFix(p *Pass, list *mdsrc.List, outline []*tocHeading, items []*tocItem) *Fix {
	d := p.Doc
	safe := true
	for _, it := range items {
		c := it.item.Content
		if !c.Valid() || strings.Contains(p.Text(c), "\n") || !tocOnlyContent(d, it.item) {
			safe = false
		}
		if it.heading < 0 && (it.link == nil || !strings.HasPrefix(it.link.Dest, "#") || it.link.Span != c) {
			safe = false
		}
	}
	first, last := list.Items[0], list.Items[len(list.Items)-1]
	nl := tocNL(d)
	text := strings.TrimSuffix(tocGenerate(p, outline, items, list, nl), nl)
	msg := "regenerate the table of contents"
	if !safe {
		msg += " (drops entries that hold more than a link to a section)"
	}
	return &Fix{Message: msg, Safe: safe, Edits: []Edit{{Start: max(first.Start, d.BOM), End: last.BodyEnd, New: text}}}
}

// tocOnlyContent reports whether an item holds nothing but its first paragraph and its
// sub-lists.
func tocOnlyContent(d *mdsrc.Document, it *mdsrc.Item) bool {
	end := it.BodyEnd
	if len(it.Children) > 0 && len(it.Children[0].Items) > 0 {
		end = it.Children[0].Items[0].Start
	}
	return it.Content.Valid() && onlyBlankBetween(d.Src, it.Content.End, end)
}

// tocGenerate writes the list for the outline: the existing list's prefix, markers and
// indentation, the kept entries' text, and the heading text for new ones.
func tocGenerate(p *Pass, outline []*tocHeading, items []*tocItem, list *mdsrc.List, nl string) string {
	d := p.Doc
	src := d.Src
	prefix := ""
	// Marker and indentation per depth, from the existing list where it has that depth.
	type style struct {
		marker  string // "-", or "." / ")" for an ordered list
		ordered bool
		indent  int    // columns from the parent's marker to this depth's marker
		lead    string // the white space before this depth's markers, as written
	}
	styles := []style{{marker: "-"}}
	if list != nil {
		first := list.Items[0]
		prefix = string(src[max(first.Start, d.BOM):itemMarker(src, first).Start])
		styles = nil
		for l, depth := list, 0; l != nil; depth++ {
			st := style{marker: string(l.Marker), ordered: l.Ordered}
			if depth > 0 {
				par := l.Parent
				st.indent = tocCol(d, l.Items[0]) - tocCol(d, par)
				it := l.Items[0]
				if ls := max(it.Start, d.BOM) + len(prefix); ls <= itemMarker(src, it).Start {
					if lead := string(src[ls:itemMarker(src, it).Start]); strings.Trim(lead, " \t") == "" {
						st.lead = lead
					}
				}
			}
			styles = append(styles, st)
			var next *mdsrc.List
			for _, it := range l.Items {
				if len(it.Children) > 0 {
					next = it.Children[0]
					break
				}
			}
			l = next
		}
	}
	var b strings.Builder
	counters := make([]int, 7)
	cols := make([]int, 7) // marker column per depth
	widths := make([]int, 7)
	for _, o := range outline {
		if o.optional && o.item < 0 {
			continue
		}
		dep := min(o.depth, 6)
		st := styles[min(dep, len(styles)-1)]
		counters[dep]++
		for k := dep + 1; k < len(counters); k++ {
			counters[k] = 0
		}
		mk := st.marker
		if st.ordered {
			mk = strconv.Itoa(counters[dep]) + st.marker
		}
		if dep == 0 {
			cols[0] = 0
		} else {
			ind := st.indent
			if dep >= len(styles) || ind <= 0 {
				ind = widths[dep-1] + 1
			}
			cols[dep] = cols[dep-1] + max(ind, widths[dep-1]+1)
		}
		widths[dep] = len(mk)
		b.WriteString(prefix)
		if dep > 0 && dep < len(styles) && styles[dep].lead != "" {
			b.WriteString(styles[dep].lead)
		} else {
			b.WriteString(strings.Repeat(" ", cols[dep]))
		}
		b.WriteString(mk)
		b.WriteByte(' ')
		if o.item >= 0 {
			it := items[o.item]
			c := it.item.Content
			text := p.Text(c)
			if u := it.link.URL; u.Valid() && it.anchor != o.anchor {
				text = string(src[c.Start:u.Start]) + "#" + o.anchor + string(src[u.End:c.End])
			}
			b.WriteString(text)
		} else {
			b.WriteString("[" + tocLinkText(p, o) + "](#" + o.anchor + ")")
		}
		b.WriteString(nl)
	}
	return b.String()
}

// tocLinkText is the heading's text as a link label: its Markdown source when that holds no
// link or HTML, else the rendered text with brackets escaped.
func tocLinkText(p *Pass, o *tocHeading) string {
	raw := headingLabel(p, o.h)
	if !strings.ContainsAny(raw, "[]<>") {
		return raw
	}
	r := strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`)
	return r.Replace(strings.TrimSpace(o.text))
}

// tocCol is the column of an item's marker on its line.
func tocCol(d *mdsrc.Document, it *mdsrc.Item) int {
	col := 0
	for i := max(it.Start, d.BOM); i < itemMarker(d.Src, it).Start; i++ {
		if d.Src[i] == '\t' {
			col += 4 - col%4
		} else {
			col++
		}
	}
	return col
}

func flattenTOC(l *mdsrc.List, depth int, out *[]*tocItem) {
	for _, it := range l.Items {
		ti := &tocItem{item: it, depth: depth, heading: -1}
		if e := it.Entry; e != nil {
			ti.link = &e.Link
			if strings.HasPrefix(e.Link.Dest, "#") {
				a := e.Link.Dest[1:]
				if u, err := url.PathUnescape(a); err == nil {
					a = u
				}
				ti.anchor = a
			}
		}
		*out = append(*out, ti)
		for _, c := range it.Children {
			flattenTOC(c, depth+1, out)
		}
	}
}

// tocLIS returns the items of seq (indexes into items) that form the longest run in
// outline order.
func tocLIS(seq []int, items []*tocItem) []int {
	n := len(seq)
	if n == 0 {
		return nil
	}
	tails := []int{} // positions in seq
	prev := make([]int, n)
	for i, k := range seq {
		v := items[k].heading
		lo, hi := 0, len(tails)
		for lo < hi {
			m := (lo + hi) / 2
			if items[seq[tails[m]]].heading < v {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo > 0 {
			prev[i] = tails[lo-1]
		} else {
			prev[i] = -1
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	out := make([]int, len(tails))
	for i, j := len(tails)-1, tails[len(tails)-1]; i >= 0; i, j = i-1, prev[j] {
		out[i] = seq[j]
	}
	return out
}

// tocName reduces a heading or link text to the words it names: lower case, without the
// emoji and punctuation around it, single spaces ("📖 Table of  Contents:" becomes
// "table of contents").
func tocName(s string) string {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	s = strings.TrimFunc(s, func(r rune) bool { return !isWord(r) })
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// tocAnchorKey loosens an anchor for matching what GitHub may have kept: case, variation
// selectors and zero-width joiners of emoji.
func tocAnchorKey(a string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFE00 && r <= 0xFE0F || r == 0x200D || r == 0x200C {
			return -1
		}
		return unicode.ToLower(r)
	}, a)
}

// tocTopLevel reports whether a heading stands at the top of the document, outside lists
// and block quotes: those are the headings a table of contents lists.
func tocTopLevel(d *mdsrc.Document, h *mdsrc.Heading) bool {
	end := headingMarkStart(d, h)
	for i := max(h.Start, d.BOM); i < end; i++ {
		if d.Src[i] != ' ' {
			return false
		}
	}
	return end-max(h.Start, d.BOM) < 4
}

func tocNL(d *mdsrc.Document) string {
	if d.CRLF {
		return "\r\n"
	}
	return "\n"
}

func tocClip(s string) string {
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}
