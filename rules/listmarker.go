package rules

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/listlint/listlint/mdsrc"
)

// ListMarkerOptions tunes list-marker.
type ListMarkerOptions struct {
	// Marker is the bullet every bullet list uses: "-", "*", "+", or "consistent" for the
	// bullet most items of the file use.
	Marker string `yaml:"marker"`
	// Indent is how many columns a sub-list's marker stands right of its parent's marker:
	// 2 or 4. A sub-list never starts left of its parent's text ("1. " needs 3).
	Indent int `yaml:"indent"`
}

func newListMarkerOptions() *ListMarkerOptions {
	return &ListMarkerOptions{Marker: "-", Indent: 2}
}

// Validate checks the indentation width.
func (o *ListMarkerOptions) Validate() error {
	if o.Indent < 2 || o.Indent > 4 {
		return fmt.Errorf("indent: %d columns; use 2 or 4 (3 also works)", o.Indent)
	}
	return nil
}

// ListMarker checks bullets and list indentation.
var ListMarker = register(&Rule{
	ID:      "list-marker",
	Default: Warning,
	Doc: Doc{
		Title: "One bullet character; sub-lists indented consistently; top-level items at the margin",
		Why: "Mixed bullets and ragged indentation make a list hard to edit: a \"*\" list right " +
			"after a \"-\" list is a separate list, and an item indented one space too few falls " +
			"out of its sub-list. Every bullet list uses the same bullet (\"-\" by default). A " +
			"sub-list's marker stands `indent` columns (2 by default) right of its parent's " +
			"marker, or at its parent's text when that is further right (\"1. \" parents need 3). " +
			"A top-level item is not indented. Numbered lists keep their numbers, but lists " +
			"nested in them follow the same indentation.",
		Before: "* [Vim](https://www.vim.org) - Text editor.\n    * [Neovim](https://neovim.io) - Vim fork.\n * [Emacs](https://www.gnu.org/software/emacs/) - Text editor.\n",
		After:  "- [Vim](https://www.vim.org) - Text editor.\n  - [Neovim](https://neovim.io) - Vim fork.\n- [Emacs](https://www.gnu.org/software/emacs/) - Text editor.\n",
		Fix:    FixSafe,
		FixNote: "replaces the bullets and re-indents each item with its sub-lists and continuation " +
			"lines; when the whitespace rule replaces tabs in list lines (it is on, without " +
			"allow-list-tabs), a tab-indented sub-list is re-indented in spaces at once; unsafe when " +
			"two touching lists would merge into one; none while a tab follows a list marker or " +
			"indents a list in a block quote (the whitespace rule replaces those first)",
		Options: []OptionDoc{
			{Name: "marker", Type: "string (- | * | + | consistent)", Default: "-", Text: "the bullet of every bullet list; consistent: the one most items use"},
			{Name: "indent", Type: "integer (2-4)", Default: "2", Text: "columns from a parent item's marker to its sub-list's marker"},
		},
	},
	NewOptions: func() any { return newListMarkerOptions() },
	Check:      checkListMarker,
})

func checkListMarker(p *Pass) {
	opts := optionsOf[ListMarkerOptions](p.Options)
	indent := opts.Indent
	if opts.Validate() != nil {
		indent = 2
	}
	d := p.Doc
	fm := d.FrontMatter()
	var lists []*mdsrc.List
	for _, l := range d.Lists {
		if len(l.Items) > 0 && (!fm.Valid() || l.Items[0].Start >= fm.End) {
			lists = append(lists, l)
		}
	}
	want := byte('-')
	switch opts.Marker {
	case "*", "+", "-":
		want = opts.Marker[0]
	case "consistent":
		want = majorityBullet(lists, d.Src)
	}
	var shp docShapes
	checkBullets(p, &shp, lists, want, opts.Marker == "consistent")
	items := 0
	for _, l := range lists {
		items += len(l.Items)
	}
	pl := &lmPlanner{src: d.Src, bom: d.BOM, indent: indent, plan: make([]lmItem, 0, items), tabs: tabsGo(p)}
	for _, l := range lists {
		if l.Depth == 0 {
			checkIndentation(p, pl, l)
		}
	}
	// Every re-indentation fix is checked by parsing the file again; doing that once per
	// list tree made a file with many lists quadratic. The fixes are checked together,
	// halving the batch only where it fails, and then reported.
	ok := verifyFixes(d, &shp, pl.fixes)
	for _, r := range pl.reports {
		fix := r.fix
		if fix != nil && !ok[fix] {
			fix = nil
		}
		p.Report(r.start, r.end, fix, "%s", r.msg)
	}
}

// lmReport is an indentation problem waiting for its fix to be checked.
type lmReport struct {
	start, end int
	fix        *Fix
	msg        string
}

// verifyFixes returns the fixes that keep the document's structure: all of them when
// they do together, else it looks at each half in turn.
func verifyFixes(d *mdsrc.Document, shp *docShapes, fixes []*Fix) map[*Fix]bool {
	ok := map[*Fix]bool{}
	var check func(fs []*Fix)
	check = func(fs []*Fix) {
		if len(fs) == 0 {
			return
		}
		var edits []Edit
		for _, f := range fs {
			edits = append(edits, f.Edits...)
		}
		if keepsStructure(d, shp, edits) {
			for _, f := range fs {
				ok[f] = true
			}
			return
		}
		if len(fs) > 1 {
			check(fs[:len(fs)/2])
			check(fs[len(fs)/2:])
		}
	}
	check(fixes)
	return ok
}

// majorityBullet is the bullet most items use; the first one used on a tie.
func majorityBullet(lists []*mdsrc.List, src []byte) byte {
	count := map[byte]int{}
	first := map[byte]int{}
	for _, l := range lists {
		if l.Ordered {
			continue
		}
		for _, it := range l.Items {
			c := src[itemMarker(src, it).Start]
			if _, ok := first[c]; !ok {
				first[c] = itemMarker(src, it).Start
			}
			count[c]++
		}
	}
	best := byte('-')
	for _, c := range []byte("-*+") {
		if count[c] > count[best] || count[c] == count[best] && count[c] > 0 && first[c] < first[best] {
			best = c
		}
	}
	return best
}

// checkBullets reports each bullet list whose bullet is not want, once, at its first item.
func checkBullets(p *Pass, shp *docShapes, lists []*mdsrc.List, want byte, consistent bool) {
	d := p.Doc
	src := d.Src
	// Lists that touch a sibling bullet list merge with it once both use one bullet.
	touching := map[*mdsrc.List]bool{}
	last := map[*mdsrc.Item]*mdsrc.List{} // the previous sibling list under each parent
	var lastTop *mdsrc.List
	for _, l := range lists {
		prev := lastTop
		if l.Parent != nil {
			prev = last[l.Parent]
			last[l.Parent] = l
		} else {
			lastTop = l
		}
		if prev != nil && !prev.Ordered && !l.Ordered && quoteBlankBetween(src, prev.Items[len(prev.Items)-1].BodyEnd, l.Items[0].Start) {
			touching[prev], touching[l] = true, true
		}
	}
	type report struct {
		list  *mdsrc.List
		m     mdsrc.Span
		have  byte
		items int
		edits []Edit // nil when the list gets no fix
	}
	var reports []report
	var safeEdits []Edit // every safe list's edits: one fix, checked once
	for _, l := range lists {
		if l.Ordered {
			continue
		}
		m := itemMarker(src, l.Items[0])
		have := src[m.Start]
		if have == want || m.Len() != 1 {
			continue
		}
		var edits []Edit
		empty := false
		for _, it := range l.Items {
			im := itemMarker(src, it)
			if im.Len() == 1 && src[im.Start] == have {
				// The edit takes the indentation before the marker along, so that it
				// conflicts with a re-indentation of the same line: the two are applied in
				// turn, each checked on the text the other left.
				ws := im.Start
				for ws > it.Start && (src[ws-1] == ' ' || src[ws-1] == '\t') {
					ws--
				}
				edits = append(edits, Edit{Start: ws, End: im.End, New: string(src[ws:im.Start]) + string(want)})
			}
			// An empty item ("-" alone on its line) is where parsers disagree: goldmark reads
			// "-\r\n" as text, and text over "-" as a heading; and "* --" or "* * -" would
			// become the rule "- - -". Leave lists with such items be.
			rest := src[im.End:d.Lines.End(src, d.Lines.Line(im.End))]
			empty = empty || len(bytes.Trim(rest, " \t-*+")) == 0
		}
		r := report{list: l, m: m, have: have, items: len(l.Items)}
		if !empty {
			r.edits = edits
			if !touching[l] {
				safeEdits = append(safeEdits, edits...)
			}
		}
		reports = append(reports, r)
	}
	if len(reports) == 0 {
		return
	}
	var safe *Fix
	if len(safeEdits) > 0 && keepsStructure(d, shp, safeEdits) {
		safe = &Fix{Message: fmt.Sprintf("use %q bullets", string(want)), Safe: true, Edits: safeEdits}
	}
	why := "option marker"
	if consistent {
		why = "the bullet most of this file's items use"
	}
	for _, r := range reports {
		var fix *Fix
		switch {
		case r.edits == nil:
		case touching[r.list]:
			// Both lists will use one bullet and become one list: that changes the rendering.
			fix = &Fix{Message: fmt.Sprintf("use %q bullets (merges this list with the list beside it)", string(want)), Edits: r.edits}
		default:
			fix = safe
		}
		items := "its item"
		if r.items > 1 {
			items = fmt.Sprintf("its %d items", r.items)
		}
		p.Report(r.m.Start, r.m.End, fix, "list uses %q bullets; use %q (%s) for %s", string(r.have), string(want), why, items)
	}
}

// quoteBlankBetween reports whether src[from:to] holds only white space and block quote
// markers.
func quoteBlankBetween(src []byte, from, to int) bool {
	for i := from; i < to && i < len(src); i++ {
		if c := src[i]; c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '>' {
			return false
		}
	}
	return true
}

// lmItem is an item's place in the re-indentation plan.
type lmItem struct {
	it         *mdsrc.Item
	marker     mdsrc.Span
	parent     int // index into the plan, or -1
	oldCol     int // marker column after the block quote prefix
	newCol     int
	contentOff int  // columns from the marker to the item's text
	sameLine   bool // the item starts on its parent's line ("- - a")
	tab        bool // its marker line indents with a tab
	indent     int  // where its marker line's indentation starts (after block quote markers)
}

// lmPlanner plans the marker column of every item of one top-level list tree.
type lmPlanner struct {
	src    []byte
	bom    int
	quotes int
	indent int
	// tabs: the whitespace rule replaces the tabs of list lines, so a tree indented with
	// tabs is re-indented in spaces here at once; otherwise tabs are the list's own way.
	tabs bool
	plan []lmItem
	// The indentation reports and their fixes, reported once the fixes are checked.
	reports []lmReport
	fixes   []*Fix
	code    []bool // the lines of verbatim blocks, found when first asked
}

// verbatim reports whether line n is in a code block or another verbatim block.
func (pl *lmPlanner) verbatim(d *mdsrc.Document, n int) bool {
	if pl.code == nil {
		pl.code = d.VerbatimLines()
	}
	return pl.code[n]
}

func (pl *lmPlanner) walk(l *mdsrc.List, parent int) {
	src := pl.src
	for _, it := range l.Items {
		li := lmItem{it: it, parent: parent, marker: itemMarker(src, it)}
		body, ok := lmPrefixEnd(src, max(it.Start, pl.bom), li.marker.Start, pl.quotes)
		if ok && !onlyBlankBetween(src, body, li.marker.Start) {
			ok = false
		}
		var par *lmItem
		if parent >= 0 {
			par = &pl.plan[parent]
		}
		li.sameLine = par != nil && it.Start == par.it.Start
		if !ok && !li.sameLine {
			// A list in a block quote of its own inside an item: not this tree's lines.
			continue
		}
		li.oldCol, li.tab = lmColumns(src, body, li.marker.Start)
		li.indent = body
		li.contentOff = lmContentOffset(src, li.marker)
		switch {
		case li.sameLine:
			li.oldCol = par.oldCol + par.contentOff
			li.newCol = par.newCol + par.contentOff
		case par == nil:
			li.newCol = 0
			if li.oldCol > 3 {
				li.newCol = li.oldCol // not a list item position; leave it
			}
		default:
			li.newCol = max(par.newCol+pl.indent, par.newCol+par.contentOff)
		}
		pl.plan = append(pl.plan, li)
		k := len(pl.plan) - 1
		for _, c := range it.Children {
			pl.walk(c, k)
		}
	}
}

// checkIndentation plans the marker column of every item of a top-level list tree, reports
// the items that stand elsewhere, and offers one fix that moves every line of the tree.
func checkIndentation(p *Pass, pl *lmPlanner, top *mdsrc.List) {
	d := p.Doc
	src := d.Src
	first := top.Items[0]
	pl.quotes = bytes.Count(src[max(first.Start, d.BOM):itemMarker(src, first).Start], []byte(">"))
	pl.plan = pl.plan[:0]
	pl.walk(top, -1)
	plan := pl.plan

	var topBad, nestedBad []int
	for k := range plan {
		li := &plan[k]
		if li.sameLine || li.tab && (pl.quotes > 0 || !pl.tabs) || li.oldCol == li.newCol {
			continue
		}
		if li.parent < 0 {
			topBad = append(topBad, k)
		} else if par := &plan[li.parent]; li.oldCol-par.oldCol != li.newCol-par.newCol {
			// Items that only move along with their parent are not reported.
			nestedBad = append(nestedBad, k)
		}
	}
	if len(topBad) == 0 && len(nestedBad) == 0 {
		return
	}
	fix := lmFix(p, pl)
	if fix != nil {
		pl.fixes = append(pl.fixes, fix)
	}
	for _, k := range topBad {
		li := &plan[k]
		m := li.marker
		pl.reports = append(pl.reports, lmReport{li.reportStart(), m.End, fix, fmt.Sprintf("top-level list item is indented by %d %s; start it at the margin: %q",
			li.oldCol, plural(li.oldCol, "space"), clipLine(src, m.Start, d.Lines.End(src, d.Lines.Line(m.Start))))})
	}
	if len(nestedBad) > 0 {
		li := &plan[nestedBad[0]]
		par := &plan[li.parent]
		m := li.marker
		more := ""
		if n := len(nestedBad) - 1; n > 0 {
			more = fmt.Sprintf(" (and %d more %s in this list)", n, plural(n, "sub-list item"))
		}
		pl.reports = append(pl.reports, lmReport{li.reportStart(), m.End, fix, fmt.Sprintf("sub-list item is indented %d %s from its parent's marker; expected %d%s",
			li.oldCol-par.oldCol, plural(li.oldCol-par.oldCol, "column"), li.newCol-par.newCol, more)})
	}
}

// tabsGo reports whether the whitespace rule is on for the file and replaces the tabs in
// the indentation of list lines.
func tabsGo(p *Pass) bool {
	o, on := p.other(Whitespace.ID)
	return on && !optionsOf[WhitespaceOptions](o).AllowListTabs
}

// reportStart is where a report on the item starts: its marker, or the start of its
// indentation when that holds a tab, which the fix replaces (and so the whitespace rule's
// report on the same tab comes after this one, and its fix after this fix).
func (li *lmItem) reportStart() int {
	if li.tab {
		return li.indent
	}
	return li.marker.Start
}

// lmFix moves every line of the planned tree by its item's shift. With replaceTabs, it
// writes the indentation in spaces: tabs in the indentation of a line of the tree are
// replaced, by the spaces that reach the same column on a line that stays; without it, a
// tab in the tree means no fix. Lines that a paragraph continues lazily (indented less
// than their item's text) stay. There is no fix either when a tab's width could change:
// in a block quote, or after a list marker.
func lmFix(p *Pass, pl *lmPlanner) *Fix {
	plan, quotes, replaceTabs := pl.plan, pl.quotes, pl.tabs
	d := p.Doc
	src := d.Src
	if len(plan) == 0 {
		return nil
	}
	firstLine := d.Lines.Line(plan[0].it.Start)
	lastLine := firstLine
	for k := range plan {
		lastLine = max(lastLine, d.Lines.Line(plan[k].it.BodyEnd))
	}
	// The innermost planned item of each line: later (deeper or following) items win.
	owner := make([]int, lastLine-firstLine+1)
	for i := range owner {
		owner[i] = -1
	}
	for k := range plan {
		li := &plan[k]
		if li.sameLine {
			continue
		}
		for n := d.Lines.Line(li.it.Start); n <= d.Lines.Line(li.it.BodyEnd); n++ {
			owner[n-firstLine] = k
		}
	}
	var edits []Edit
	for i, k := range owner {
		if k < 0 {
			continue
		}
		n := firstLine + i
		li := &plan[k]
		shift := li.newCol - li.oldCol
		s, e := d.Lines.Start(n), d.Lines.End(src, n)
		s = max(s, d.BOM)
		tabs := listTabEdits(src, s, e)
		if len(tabs) > 0 && replaceTabs && pl.verbatim(d, n) {
			// A code line keeps its tabs: they are the code's.
			if shift == 0 {
				continue
			}
			return nil
		}
		if shift == 0 && (len(tabs) == 0 || quotes > 0 || !replaceTabs) || onlyBlankBetween(src, s, e) {
			continue
		}
		body, ok := lmPrefixEnd(src, s, e, quotes)
		if !ok {
			continue // a lazy line without the block quote markers
		}
		q := body
		for q < e && (src[q] == ' ' || src[q] == '\t') {
			q++
		}
		if len(tabs) > 0 && (quotes > 0 || !replaceTabs || tabs[len(tabs)-1].End > q) {
			// A tab's width depends on its column: moving the line could change it.
			return nil
		}
		col, _ := lmColumns(src, body, q)
		if n != d.Lines.Line(li.it.Start) && col < li.oldCol+li.contentOff {
			continue // a lazy continuation line
		}
		edits = append(edits, Edit{Start: body, End: q, New: strings.Repeat(" ", max(col+shift, 0))})
	}
	if len(edits) == 0 {
		return nil
	}
	// checkListMarker verifies the fix (see verifyFixes) before it is offered.
	return &Fix{Message: "re-indent the list", Safe: true, Edits: edits}
}

// lmPrefixEnd skips the first quotes block quote markers of the line starting at s (each
// with up to three spaces before it and one optional space after it) and returns where the
// list's own indentation starts; ok is false when the line has fewer markers.
func lmPrefixEnd(src []byte, s, e, quotes int) (int, bool) {
	i := s
	for k := 0; k < quotes; k++ {
		j := i
		for j < e && j-i < 3 && src[j] == ' ' {
			j++
		}
		if j >= e || src[j] != '>' {
			return s, false
		}
		i = j + 1
		if i < e && src[i] == ' ' {
			i++
		}
	}
	return i, true
}

// lmColumns measures [from, to) in columns (tabs to the next multiple of four) and reports
// whether it holds a tab.
func lmColumns(src []byte, from, to int) (int, bool) {
	col, tab := 0, false
	for i := from; i < to; i++ {
		if src[i] == '\t' {
			col += 4 - col%4
			tab = true
		} else {
			col++
		}
	}
	return col, tab
}

// lmContentOffset is the width from an item's marker to its text: the marker and the one to
// four spaces after it; marker width plus one for an empty item or one that opens with
// indented code.
func lmContentOffset(src []byte, m mdsrc.Span) int {
	w := m.Len()
	i := m.End
	n := 0
	for i < len(src) && src[i] == ' ' {
		i++
		n++
	}
	if n == 0 || n > 4 || i >= len(src) || src[i] == '\n' || src[i] == '\r' {
		return w + 1
	}
	return w + n
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// itemMarker is an item's marker. Item.Marker can point at the item's text when the item is
// indented with a tab and its text starts like a marker ("\t- **Bold**" gives "*",
// "\t- 1. x" gives "1."): a marker fits its list's kind and is followed by white space or
// the end of the line; otherwise scan back to the real one.
func itemMarker(src []byte, it *mdsrc.Item) mdsrc.Span {
	m := it.Marker
	fits := func(m mdsrc.Span) bool {
		if m.Len() == 0 || m.End > len(src) || m.End < len(src) && !isWS(src[m.End]) {
			return false
		}
		if it.List.Ordered {
			c := src[m.End-1]
			return m.Len() >= 2 && (c == '.' || c == ')') && src[m.Start] >= '0' && src[m.Start] <= '9'
		}
		c := src[m.Start]
		return m.Len() == 1 && (c == '-' || c == '*' || c == '+')
	}
	if fits(m) {
		return m
	}
	q := m.Start
	for q > it.Start && (src[q-1] == ' ' || src[q-1] == '\t') {
		q--
	}
	if q == m.Start || q <= it.Start {
		return m
	}
	c := src[q-1]
	cand := mdsrc.Span{Start: q - 1, End: q}
	if c == '.' || c == ')' {
		s := q - 1
		for s > it.Start && src[s-1] >= '0' && src[s-1] <= '9' {
			s--
		}
		cand.Start = s
	}
	if fits(cand) {
		return cand
	}
	return m
}

// keepsStructure reports whether applying edits to the document leaves its blocks as they
// are: the same kinds, nesting, list kinds and tightness and heading levels. Re-indenting
// can pull a following line into an item or push one out of it, and goldmark reads some
// tab layouts differently from the spaces that replace them; a fix that would do either
// is not offered.
//
// It parses again only the part of the file the edits touch. The file is cut into chunks
// where the parser starts afresh: before each top-level list, paragraph, heading, rule or
// fence that starts a line after a blank line (no block above it can continue there).
// The chunks holding edits, with one more chunk on each side to see them merge with or
// swallow a neighbour, are parsed again, each run of them alone, and compared with the
// same blocks of d.AST.
// docShapes are a document's chunks and their block shapes, found on first use: every
// check of a batch of fixes compares with them.
type docShapes struct {
	cuts   []int    // cuts[k] is where chunk k starts
	shapes []string // shapes[k] is the block shape of chunk k's top-level blocks
}

func (s *docShapes) get(d *mdsrc.Document) ([]int, []string) {
	if s.cuts != nil {
		return s.cuts, s.shapes
	}
	src := d.Src
	cuts := []int{0}
	var shapes []string
	var b strings.Builder
	for c := d.AST.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeBlock {
			continue
		}
		if freshKind(c) && c.PreviousSibling() != nil {
			if pos := c.Pos() + d.BOM; freshStart(src, pos) && pos > cuts[len(cuts)-1] {
				shapes = append(shapes, b.String())
				b.Reset()
				cuts = append(cuts, pos)
			}
		}
		writeShape(&b, c, 0)
	}
	shapes = append(shapes, b.String())
	s.cuts, s.shapes = cuts, shapes
	return s.cuts, s.shapes
}

func keepsStructure(d *mdsrc.Document, shp *docShapes, edits []Edit) bool {
	sorted := slices.Clone(edits)
	slices.SortFunc(sorted, func(a, b Edit) int { return a.Start - b.Start })
	prev := 0
	for _, e := range sorted {
		if e.Start < prev || e.End > len(d.Src) {
			return false
		}
		prev = e.End
	}
	if len(sorted) == 0 {
		return true
	}
	src := d.Src
	cuts, shapes := shp.get(d)
	chunkOf := func(off int) int {
		// the last chunk starting at or before off
		k, _ := slices.BinarySearch(cuts, off+1)
		return k - 1
	}
	for i := 0; i < len(sorted); {
		lo := max(chunkOf(sorted[i].Start)-1, 0)
		hi := min(chunkOf(max(sorted[i].End-1, sorted[i].Start))+1, len(cuts)-1)
		j := i + 1
		for j < len(sorted) && chunkOf(sorted[j].Start) <= hi+1 {
			hi = min(max(hi, chunkOf(max(sorted[j].End-1, sorted[j].Start))+1), len(cuts)-1)
			j++
		}
		start, end := cuts[lo], len(src)
		if hi+1 < len(cuts) {
			end = cuts[hi+1]
		}
		var out []byte
		p := start
		for _, e := range sorted[i:j] {
			out = append(out, src[p:e.Start]...)
			out = append(out, e.New...)
			p = e.End
		}
		out = append(out, src[p:end]...)
		after, err := mdsrc.ParseAST(d.Path, out)
		if err != nil || blockShape(after) != strings.Join(shapes[lo:hi+1], "") {
			return false
		}
		i = j
	}
	return true
}

// freshKind reports whether n is a block that, opened at the start of a line after a
// blank line, starts with nothing else open: a list, paragraph, heading, rule or fence.
func freshKind(n ast.Node) bool {
	switch n.(type) {
	case *ast.List, *ast.Paragraph, *ast.Heading, *ast.ThematicBreak, *ast.FencedCodeBlock:
		return true
	}
	return false
}

// freshStart reports whether pos starts a line that follows a blank line.
func freshStart(src []byte, pos int) bool {
	if pos < 2 || pos >= len(src) || src[pos-1] != '\n' {
		return false
	}
	i := pos - 2
	for i >= 0 && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r') {
		i--
	}
	return i < 0 || src[i] == '\n'
}

// blockShape writes down the block tree of n without positions or text.
func blockShape(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeShape(&b, c, 0)
	}
	return b.String()
}

// writeShape writes down the block tree of n (at depth) without positions or text.
func writeShape(b *strings.Builder, n ast.Node, depth int) {
	if n.Type() != ast.TypeBlock {
		return
	}
	b.WriteString(strconv.Itoa(depth))
	b.WriteString(n.Kind().String())
	switch n := n.(type) {
	case *ast.List:
		b.WriteString(strconv.FormatBool(n.IsOrdered()))
		b.WriteString(strconv.FormatBool(n.IsTight))
	case *ast.Heading:
		b.WriteString(strconv.Itoa(n.Level))
	}
	b.WriteByte(' ')
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writeShape(b, c, depth+1)
	}
}
