package rules

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/listlint/listlint/mdsrc"
)

// WhitespaceOptions tunes whitespace.
type WhitespaceOptions struct {
	// AllowHardBreak accepts exactly two trailing spaces after text that a non-blank line
	// follows: Markdown's hard line break.
	AllowHardBreak bool `yaml:"allow-hard-break"`
	// MaxBlankLines is the longest run of blank lines allowed.
	MaxBlankLines int `yaml:"max-blank-lines"`
	// AllowListTabs accepts tabs in the indentation of list lines, for lists whose house
	// style indents nested items with a tab.
	AllowListTabs bool `yaml:"allow-list-tabs"`
}

func newWhitespaceOptions() *WhitespaceOptions {
	return &WhitespaceOptions{AllowHardBreak: true, MaxBlankLines: 1}
}

// Validate checks the blank-line limit: headings and lists need one blank line.
func (o *WhitespaceOptions) Validate() error {
	if o.MaxBlankLines < 1 {
		return fmt.Errorf("max-blank-lines: %d; at least 1 (headings and lists need a blank line around them)", o.MaxBlankLines)
	}
	return nil
}

// Whitespace checks the invisible layout of a file.
var Whitespace = register(&Rule{
	ID:      "whitespace",
	Default: Warning,
	Doc: Doc{
		Title: "No stray whitespace; blank lines around headings and lists; one final newline",
		Why: "Invisible differences make noisy diffs and merge conflicts, and some change what " +
			"a list renders as. The rule reports trailing spaces and tabs (two spaces after text " +
			"that a non-blank line follows are a hard line break, allowed by default), tabs in " +
			"the indentation of list lines (editors and renderers disagree on their width), more " +
			"than one blank line in a row, a heading or a list without a blank line before and " +
			"after it (an HTML comment such as a listlint directive may touch it, and two lists " +
			"may touch each other), a file that does not end in exactly one line break, and " +
			"line breaks that differ from the file's majority (a CRLF file stays CRLF). Code " +
			"blocks, HTML blocks and front matter are left as they are.",
		Before: "## Tools  \n- [jq](https://jqlang.org) - JSON processor.\n\n\n\n## Editors\n\n- [Vim](https://www.vim.org) - Text editor.\n\t- [Neovim](https://neovim.io) - Vim fork.",
		After:  "## Tools\n\n- [jq](https://jqlang.org) - JSON processor.\n\n## Editors\n\n- [Vim](https://www.vim.org) - Text editor.\n    - [Neovim](https://neovim.io) - Vim fork.\n",
		Fix:    FixSafe,
		FixNote: "removing trailing spaces that make a hard line break, when allow-hard-break is " +
			"false, changes the rendering and is unsafe",
		Options: []OptionDoc{
			{Name: "allow-hard-break", Type: "boolean", Default: "true", Text: "allow exactly two trailing spaces after text that a non-blank line follows (a hard line break)"},
			{Name: "max-blank-lines", Type: "integer", Default: "1", Text: "the longest run of blank lines allowed"},
			{Name: "allow-list-tabs", Type: "boolean", Default: "false", Text: "accept tabs in the indentation of list lines (for lists that indent nested items with a tab)"},
		},
	},
	NewOptions: func() any { return newWhitespaceOptions() },
	Check:      checkWhitespace,
})

func checkWhitespace(p *Pass) {
	opts := optionsOf[WhitespaceOptions](p.Options)
	maxBlank := max(opts.MaxBlankLines, 1)
	d := p.Doc
	src := d.Src
	nLines := d.Lines.Count()
	nl := "\n"
	if d.CRLF {
		nl = "\r\n"
	}
	verbatim := d.VerbatimLines()
	// Lines that belong to lists, for the tab check.
	inList := make([]int, nLines+2) // 1 + the index of the top-level list, or 0
	for k, l := range d.Lists {
		if l.Depth > 0 || len(l.Items) == 0 {
			continue
		}
		first := d.Lines.Line(l.Items[0].Start)
		last := d.Lines.Line(l.Items[len(l.Items)-1].BodyEnd)
		for n := first; n <= last; n++ {
			inList[n] = k + 1
		}
	}

	// The end of the file: the last line with content, and what follows it.
	body := d.BOM
	c := len(src)
	for c > body && isWS(src[c-1]) {
		c--
	}
	lastContent := 0 // the last line holding something other than white space
	if c > body {
		lastContent = d.Lines.Line(c - 1)
	}
	checkFileEnd(p, lastContent, verbatim, nl)

	blank := func(n int) bool {
		s, e := d.Lines.Start(n), d.Lines.End(src, n)
		if n == 1 {
			s = max(s, body)
		}
		return onlyBlankBetween(src, s, e)
	}
	crlfLines, lfLines := 0, 0
	extra := make([]bool, nLines+2) // blank lines that the blank-run fix deletes
	run := 0
	for n := 1; n <= nLines; n++ {
		e := d.Lines.End(src, n)
		if e < len(src) {
			if src[e] == '\r' {
				crlfLines++
			} else {
				lfLines++
			}
		}
		if n > lastContent && lastContent > 0 {
			continue // the end of the file is checked as a whole
		}
		if blank(n) && !verbatim[n] {
			run++
			if run > maxBlank {
				extra[n] = true
			}
			continue
		}
		if run > maxBlank {
			first := n - run + maxBlank
			s, e := d.Lines.Start(first), d.Lines.Start(n)
			p.Report(s, e, &Fix{Message: "remove the extra blank lines", Safe: true, Edits: []Edit{{Start: s, End: e}}},
				"%d blank lines in a row (at most %d)", run, maxBlank)
		}
		run = 0
	}

	// Tabs are reported once per list, at the first one.
	var tabs []Edit
	tabList, tabLines, tabFirst, tabLast := 0, 0, 0, 0
	flushTabs := func() {
		if len(tabs) == 0 {
			return
		}
		msg := "tab in the indentation of a list line; indent with spaces"
		if tabLines > 1 {
			msg = fmt.Sprintf("tabs in the indentation of %d lines of this list (lines %d to %d); indent with spaces", tabLines, tabFirst, tabLast)
		}
		// Each tab becomes the spaces that reach the same column, which CommonMark (and
		// GitHub) read alike. goldmark reads some tabs differently ("  \t- b" under an
		// item as text, not as an item); the spaces are what every renderer agrees on.
		first := tabs[0]
		p.Report(first.Start, first.End, &Fix{Message: "replace tabs with spaces", Safe: true, Edits: tabs, Separable: true}, "%s", msg)
		tabs = nil
	}
	for n := 1; n <= lastContent; n++ {
		if verbatim[n] || extra[n] {
			continue
		}
		s, e := d.Lines.Start(n), d.Lines.End(src, n)
		if n == 1 {
			s = max(s, body)
		}
		checkTrailing(p, opts, n, s, e, blank)
		if inList[n] != tabList {
			flushTabs()
			tabList = inList[n]
		}
		if tabList == 0 || opts.AllowListTabs {
			continue
		}
		if ed := listTabEdits(src, s, e); len(ed) > 0 {
			if len(tabs) == 0 {
				tabFirst, tabLines = n, 0
			}
			tabs = append(tabs, ed...)
			tabLast = n
			tabLines++
		}
	}
	flushTabs()

	checkBlankAround(p, nl)
	checkLineEndings(p, crlfLines, lfLines)
}

// checkFileEnd wants exactly one line break after the last line with content.
func checkFileEnd(p *Pass, lastContent int, verbatim []bool, nl string) {
	d := p.Doc
	src := d.Src
	if lastContent == 0 {
		return
	}
	if lastContent == d.Lines.Count() {
		// The last line has no line break.
		e := len(src)
		p.Report(e, e, &Fix{Message: "add a line break at the end of the file", Safe: true, Edits: []Edit{{Start: e, End: e, New: nl}}},
			"the file does not end with a line break")
		return
	}
	from := d.Lines.Start(lastContent + 1)
	if from >= len(src) || verbatim[lastContent+1] {
		return
	}
	n := d.Lines.Count() - lastContent
	if src[len(src)-1] == '\n' {
		n--
	}
	what := fmt.Sprintf("%d blank lines", n)
	if n == 1 {
		what = "a blank line"
	}
	if n == 0 {
		what = "white space"
	}
	p.Report(from, len(src), &Fix{Message: "end the file with one line break", Safe: true, Edits: []Edit{{Start: from, End: len(src)}}},
		"the file ends with %s after its last line; it should end with exactly one line break", what)
}

// checkTrailing reports spaces and tabs at the end of line n, [s, e).
func checkTrailing(p *Pass, opts *WhitespaceOptions, n, s, e int, blank func(int) bool) {
	src := p.Doc.Src
	t := e
	for t > s && (src[t-1] == ' ' || src[t-1] == '\t' || src[t-1] == '\r') {
		t--
	}
	if t == e {
		return
	}
	ws := src[t:e]
	if t == s {
		p.Report(t, e, &Fix{Message: "remove the trailing white space", Safe: true, Edits: []Edit{{Start: t, End: e}}},
			"blank line holds white space (%s)", describeWS(ws))
		return
	}
	// Two or more spaces after text, with text on the next line, make a hard line break.
	hardBreak := len(ws) >= 2 && !bytes.ContainsAny(ws, "\t\r") && n < p.Doc.Lines.Count() && !blank(n+1) &&
		!isHeadingLine(src, s, t)
	if hardBreak && opts.AllowHardBreak {
		if len(ws) == 2 {
			return
		}
		p.Report(t, e, &Fix{Message: "keep two spaces for the hard line break", Safe: true, Edits: []Edit{{Start: t + 2, End: e}}},
			"%s at the end of the line; a hard line break takes exactly two", describeWS(ws))
		return
	}
	msg := "trailing white space (%s)"
	fix := &Fix{Message: "remove the trailing white space", Safe: true, Edits: []Edit{{Start: t, End: e}}}
	if hardBreak {
		msg = "trailing white space (%s) makes a hard line break; hard line breaks are not allowed here"
		fix.Message = "remove the hard line break (joins the lines when rendered)"
		fix.Safe = false
	}
	p.Report(t, e, fix, msg, describeWS(ws))
}

// isHeadingLine reports whether the text [s, t) is an ATX heading line (a heading's
// trailing spaces never make a line break).
func isHeadingLine(src []byte, s, t int) bool {
	for s < t && (src[s] == ' ' || src[s] == '>') {
		s++
	}
	return s < t && src[s] == '#'
}

func describeWS(ws []byte) string {
	sp, tabs := bytes.Count(ws, []byte(" ")), bytes.Count(ws, []byte("\t"))
	var parts []string
	if sp == 1 {
		parts = append(parts, "1 space")
	} else if sp > 1 {
		parts = append(parts, fmt.Sprintf("%d spaces", sp))
	}
	if tabs == 1 {
		parts = append(parts, "1 tab")
	} else if tabs > 1 {
		parts = append(parts, fmt.Sprintf("%d tabs", tabs))
	}
	if cr := bytes.Count(ws, []byte("\r")); cr == 1 {
		parts = append(parts, "1 carriage return")
	} else if cr > 1 {
		parts = append(parts, fmt.Sprintf("%d carriage returns", cr))
	}
	return strings.Join(parts, " and ")
}

// listTabEdits replaces the tabs in the indentation of a list line [s, e) (before the
// text, including the white space after list markers) with the spaces that reach the same
// column: tab stops every four columns, as Markdown counts them.
func listTabEdits(src []byte, s, e int) []Edit {
	var edits []Edit
	col := 0
	for i := s; i < e; {
		switch src[i] {
		case ' ', '>':
			col++
			i++
			continue
		case '\t':
			w := 4 - col%4
			edits = append(edits, Edit{Start: i, End: i + 1, New: strings.Repeat(" ", w)})
			col += w
			i++
			continue
		}
		// A list marker followed by white space is part of the indentation too.
		if w := listMarkerWidth(src, i, e); w > 0 && i+w < e && (src[i+w] == ' ' || src[i+w] == '\t') {
			col += w
			i += w
			continue
		}
		break
	}
	return edits
}

// listMarkerWidth is the length of a list marker ("-", "*", "+", "1." or "1)") at i, or 0.
func listMarkerWidth(src []byte, i, end int) int {
	switch src[i] {
	case '-', '*', '+':
		return 1
	}
	j := i
	for j < end && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
		j++
	}
	if j == i || j >= end || (src[j] != '.' && src[j] != ')') {
		return 0
	}
	return j + 1 - i
}

// checkBlankAround wants a blank line between a heading or a list and the blocks beside
// it, in the file and in block quotes. Inside list items a sub-list directly under its
// item's text is normal, so list items are not looked into.
func checkBlankAround(p *Pass, nl string) {
	d := p.Doc
	fm := d.FrontMatter()
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		var prev ast.Node
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			start := wsNodeStart(d, c)
			if start < 0 || fm.Valid() && start < fm.End {
				prev = nil
				continue
			}
			if _, ok := c.(*ast.Blockquote); ok {
				visit(c)
			}
			if prev != nil {
				checkPair(p, prev, c, start, nl)
			}
			prev = c
		}
	}
	visit(d.AST)
}

// checkPair checks the line before cur (which starts at offset start) when cur or the
// block before it is a heading or a list.
func checkPair(p *Pass, prev, cur ast.Node, start int, nl string) {
	d := p.Doc
	src := d.Src
	_, prevList := prev.(*ast.List)
	_, curList := cur.(*ast.List)
	_, prevHeading := prev.(*ast.Heading)
	_, curHeading := cur.(*ast.Heading)
	if !prevList && !curList && !prevHeading && !curHeading || prevList && curList {
		return
	}
	if isCommentBlock(prev) || isCommentBlock(cur) {
		// A directive such as "<!-- listlint-disable-next-line -->" sits right above its line.
		return
	}
	ln := d.Lines.Line(start)
	if ln <= 1 {
		return
	}
	ps, pe := d.Lines.Start(ln-1), d.Lines.End(src, ln-1)
	if quoteBlank(src, ps, pe) {
		return
	}
	ls := d.Lines.Start(ln)
	// The inserted line repeats the block quote markers of cur's line.
	q := ls
	prefix := ""
	for i := ls; i < start; i++ {
		if src[i] == '>' {
			q = i + 1
		}
	}
	if q > ls {
		prefix = string(src[ls:q])
		prefix = strings.TrimRight(prefix, " \t")
	}
	fix := &Fix{Message: "insert a blank line", Safe: true, Edits: []Edit{{Start: ls, End: ls, New: prefix + nl}}}
	if curHeading || curList {
		what := "heading"
		if curList {
			what = "list"
		}
		p.Report(start, d.Lines.End(src, ln), fix, "%s %q needs a blank line before it", what, clipLine(src, start, d.Lines.End(src, ln)))
		return
	}
	what := "heading"
	if prevList {
		what = "list"
	}
	s := ps
	for s < pe && (src[s] == ' ' || src[s] == '>' || src[s] == '\t') {
		s++
	}
	p.Report(s, pe, fix, "%s needs a blank line after it, before %q", what, clipLine(src, start, d.Lines.End(src, ln)))
}

// quoteBlank reports whether [s, e) holds nothing but block quote markers and white space.
func quoteBlank(src []byte, s, e int) bool {
	for i := s; i < e; i++ {
		if c := src[i]; c != ' ' && c != '\t' && c != '>' && c != '\r' {
			return false
		}
	}
	return true
}

func isCommentBlock(n ast.Node) bool {
	h, ok := n.(*ast.HTMLBlock)
	if !ok {
		return false
	}
	return h.HTMLBlockType == ast.HTMLBlockType2
}

// wsNodeStart is the offset in Src where block n starts, or -1.
func wsNodeStart(d *mdsrc.Document, n ast.Node) int {
	p := n.Pos()
	if p < 0 {
		l := n.Lines()
		if l == nil || l.Len() == 0 {
			return -1
		}
		p = l.At(0).Start
	}
	return p + d.BOM
}

func clipLine(src []byte, s, e int) string {
	t := string(src[s:e])
	if len(t) > 60 {
		cut := 57
		for cut > 0 && t[cut]&0xC0 == 0x80 {
			cut--
		}
		t = t[:cut] + "..."
	}
	return t
}

// checkLineEndings reports the lines whose line break differs from the file's majority, one
// diagnostic per run of such lines.
func checkLineEndings(p *Pass, crlfLines, lfLines int) {
	if crlfLines == 0 || lfLines == 0 {
		return
	}
	d := p.Doc
	src := d.Src
	wantCRLF := d.CRLF
	have, want := "LF (\\n)", "CRLF (\\r\\n)"
	if !wantCRLF {
		have, want = want, have
	}
	nLines := d.Lines.Count()
	for n := 1; n <= nLines; n++ {
		e := d.Lines.End(src, n)
		if e >= len(src) || (src[e] == '\r') == wantCRLF {
			continue
		}
		first := n
		var edits []Edit
		for ; n <= nLines; n++ {
			e := d.Lines.End(src, n)
			if e >= len(src) || (src[e] == '\r') == wantCRLF {
				break
			}
			if wantCRLF {
				edits = append(edits, Edit{Start: e, End: e, New: "\r"})
			} else {
				edits = append(edits, Edit{Start: e, End: e + 1})
			}
		}
		last := n - 1
		s := d.Lines.End(src, first)
		end := d.Lines.Start(last + 1)
		where := fmt.Sprintf("line %d ends", first)
		if last > first {
			where = fmt.Sprintf("lines %d to %d end", first, last)
		}
		p.Report(s, end, &Fix{Message: "use " + want + " line breaks", Safe: true, Edits: edits},
			"%s with %s; the file's other lines end with %s", where, have, want)
	}
}

func isWS(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }
