package rules

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/listlint/listlint/mdsrc"
)

// EntryFormatOptions tunes entry-format.
type EntryFormatOptions struct {
	// IgnoreSections names sections (by heading text, case-insensitive) whose lists are
	// not checked.
	IgnoreSections []string `yaml:"ignore-sections"`
	// MarkerSpaces is how many spaces follow a bullet ("-", "*", "+"): 1 ("- [Name](url)")
	// by default, up to 4. Some editors and formatters write 3, which puts the text of every
	// item on the next tab stop ("-   [Name](url)"); a numbered item's text then goes to the
	// same column ("1.  [Name](url)", "10. [Name](url)"), with at least one space. With the
	// default, a numbered item also has exactly one space after its number.
	MarkerSpaces int `yaml:"marker-spaces"`
}

func newEntryFormatOptions() *EntryFormatOptions { return &EntryFormatOptions{MarkerSpaces: 1} }

// Validate checks the number of spaces: five spaces after a marker start an indented code
// block, and no space is no list item.
func (o *EntryFormatOptions) Validate() error {
	if o.MarkerSpaces < 1 || o.MarkerSpaces > 4 {
		return fmt.Errorf("marker-spaces: %d; use 1 to 4", o.MarkerSpaces)
	}
	return nil
}

// EntryFormat checks that the items of entry lists are well-formed entries.
var EntryFormat = register(&Rule{
	ID:      "entry-format",
	Default: Error,
	Doc: Doc{
		Title: "Items of a list of links are well-formed entries",
		Why: "In a list where most items are \"[Name](url) ...\" entries, an item that is not one is " +
			"usually a typo that left the link as plain text (\"[Title]https://...\", " +
			"\"[Title] (https://...)\"), a bare URL, or a note that belongs elsewhere. Entries have " +
			"one space after the marker (or marker-spaces), a link text, an absolute URL (relative " +
			"links to files of the repository are fine), no bold around the link, and stay on one line. Lists of plain " +
			"notes, the table of contents and the sections named in ignore-sections are left alone.",
		Before: "- [Pandoc]https://pandoc.org - Universal document converter.\n" +
			"-  **[jq](https://jqlang.org)** - JSON processor.\n",
		After: "- [Pandoc](https://pandoc.org) - Universal document converter.\n" +
			"- [jq](https://jqlang.org) - JSON processor.\n",
		Fix: FixSafe,
		FixNote: "marker spacing (none when more spaces would move the item's text right of a sub-list " +
			"or continuation line), bold around the link, broken link syntax, joined hard-wrapped lines; " +
			"adding https:// to a scheme-less URL is unsafe; none for other problems",
		Options: []OptionDoc{
			{Name: "ignore-sections", Type: "list of strings", Default: "[]", Text: "headings of sections whose lists are not checked"},
			{Name: "marker-spaces", Type: "integer (1-4)", Default: "1", Text: "spaces after a bullet; a numbered item's text goes to the same column (at least one space)"},
		},
	},
	NewOptions: func() any { return newEntryFormatOptions() },
	Check:      checkEntryFormat,
})

var (
	// The broken link forms a typo leaves at the start of an item; group 1 is the title,
	// group 2 the URL.
	brokenNoParens  = regexp.MustCompile(`^\[([^\[\]]+)\](https?://[^\s)]+)\)?`)
	brokenExtraBr   = regexp.MustCompile(`^\[([^\[\]]+)\]\]\((https?://[^\s)]+)\)`)
	brokenSpace     = regexp.MustCompile(`^\[([^\[\]]+)\][ \t]+\((https?://[^\s)]+)\)`)
	brokenSwapped   = regexp.MustCompile(`^\((https?://[^\s)]+)\)\[([^\[\]]+)\]`)
	brokenNoClose   = regexp.MustCompile(`^\[([^\[\]]+?)\((https?://[^\s)]+)\)`)
	brokenNoOpen    = regexp.MustCompile(`^([^\[\]\n]+)\]\((https?://[^\s)]+)\)`)
	boldLink        = regexp.MustCompile(`^(\*\*|__)(\[[^\n]*?\]\([^\s)]*\))(\*\*|__)`)
	bareURL         = regexp.MustCompile(`^<?https?://\S+>?$`)
	schemelessHost  = regexp.MustCompile(`^(www\.[^/\s]+|[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|io|dev|co|me|app|ai|so|xyz|info|edu|gov|tv|ly|gg|sh)(/|$))`)
	markerSpacingRe = regexp.MustCompile(`^[ \t]+`)
)

func checkEntryFormat(p *Pass) {
	opts := optionsOf[EntryFormatOptions](p.Options)
	spaces := opts.MarkerSpaces
	if opts.Validate() != nil {
		spaces = 1
	}
	ignored := map[string]bool{}
	for _, s := range opts.IgnoreSections {
		ignored[strings.ToLower(strings.TrimSpace(s))] = true
	}
	var anchors map[string]bool // the file's heading anchors, built on first use
	for _, l := range p.Doc.Lists {
		if l.Section != nil && ignored[strings.ToLower(headingText(p, l.Section))] {
			continue
		}
		entries, toAnchors, broken := 0, 0, 0
		for _, it := range l.Items {
			switch {
			case it.Entry != nil && isQuote(p.Text(it.Entry.Title)):
				// A quoted passage citing its source is a note, not a listed resource.
			case it.Entry != nil:
				entries++
				if isAnchor(it.Entry.Link.Dest) {
					toAnchors++
				}
			case brokenLink(p, it) != nil || boldLinkAt(p, it) != nil:
				broken++
			}
		}
		if entries > 0 && toAnchors == entries {
			// A table of contents: only its anchors are checked here, the toc rule does the rest.
			for _, it := range l.Items {
				if it.Entry != nil {
					checkAnchor(p, it.Entry, &anchors)
				}
			}
			continue
		}
		entryList := 2*(entries+broken) > len(l.Items) && entries+broken >= 2
		for _, it := range l.Items {
			checkMarkerSpacing(p, it, spaces)
			if it.Entry != nil {
				checkEntry(p, it.Entry)
				checkAnchor(p, it.Entry, &anchors)
				continue
			}
			if fix := brokenLink(p, it); fix != nil {
				p.Report(it.Content.Start, fix.Edits[0].End, fix, "broken link syntax: %q should be written %q", p.Text(mdsrc.Span{Start: it.Content.Start, End: fix.Edits[0].End}), fix.Edits[0].New)
				continue
			}
			if fix := boldLinkAt(p, it); fix != nil {
				p.Report(it.Content.Start, fix.Edits[len(fix.Edits)-1].End, fix, "the link of an entry is not bold: remove the %q around it", p.Text(mdsrc.Span{Start: fix.Edits[0].Start, End: fix.Edits[0].End}))
				continue
			}
			if !entryList {
				continue
			}
			if !it.Content.Valid() || it.Content.Len() == 0 {
				p.Report(it.Marker.Start, it.Marker.End, nil, "empty item in a list of entries")
				continue
			}
			text := p.Text(it.Content)
			first := text
			if i := strings.IndexByte(first, '\n'); i >= 0 {
				first = first[:i]
			}
			if bareURL.MatchString(strings.TrimSpace(first)) {
				p.Report(it.Content.Start, it.Content.Start+len(first), nil, "bare URL as an item: write it as \"[Name](%s) - Description.\"", strings.Trim(first, "<> "))
				continue
			}
			end := it.Content.Start + len(first)
			p.Report(it.Content.Start, end, nil, "item is not an entry in a list of entries: start it with a link, \"[Name](url) - Description.\" (%q)", tail(first, 40))
		}
	}
}

func headingText(p *Pass, h *mdsrc.Heading) string {
	t := p.Text(h.Text)
	return strings.TrimSpace(strings.Trim(t, "#"))
}

// checkMarkerSpacing wants spaces spaces after a bullet, and a numbered item's text at the
// column a bullet item's text would be at (at least one space after the number).
func checkMarkerSpacing(p *Pass, it *mdsrc.Item, spaces int) {
	if !it.Content.Valid() || it.Marker.End >= it.Content.Start {
		return
	}
	gap := p.Text(mdsrc.Span{Start: it.Marker.End, End: it.Content.Start})
	want := spaces
	if w := it.Marker.Len(); w > 1 {
		want = max(1, 1+spaces-w)
	}
	if gap == strings.Repeat(" ", want) || strings.ContainsAny(gap, "\n\r") || !markerSpacingRe.MatchString(gap) || len(gap) > 4 && !strings.Contains(gap, "\t") {
		// Five or more spaces make an indented code block; that is not an entry problem.
		return
	}
	use := "one space"
	if want > 1 {
		use = fmt.Sprintf("%d spaces", want)
	}
	var fix *Fix
	if delta := want - len(gap); strings.Contains(gap, "\t") || delta <= 0 || !shallowerLine(p.Doc.Src, it, it.Content.Start-lineStart(p.Doc.Src, it.Content.Start)+delta) {
		fix = &Fix{Message: use + " after the marker", Safe: true, Edits: []Edit{{Start: it.Marker.End, End: it.Content.Start, New: strings.Repeat(" ", want)}}}
	}
	p.Report(it.Marker.Start, it.Content.Start, fix, "the list marker is followed by %q; use %s", gap, use)
}

func lineStart(src []byte, off int) int { return bytes.LastIndexByte(src[:off], '\n') + 1 }

// shallowerLine reports whether a line of the item after its first (a continuation line, a
// sub-list) is indented less than col, or in a way not counted in spaces: moving the
// item's text right to col would then take that line out of the item.
func shallowerLine(src []byte, it *mdsrc.Item, col int) bool {
	end := min(it.BodyEnd, len(src))
	i := bytes.IndexByte(src[it.Content.Start:end], '\n')
	if i < 0 {
		return false
	}
	for _, line := range bytes.Split(src[it.Content.Start+i+1:end], []byte("\n")) {
		line = bytes.TrimRight(line, "\r")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		n := 0
		for n < len(line) && line[n] == ' ' {
			n++
		}
		if n < col || line[n] == '\t' || line[n] == '>' {
			return true
		}
	}
	return false
}

func checkEntry(p *Pass, e *mdsrc.Entry) {
	src := p.Doc.Src
	if e.Link.Label.Len() == 0 || strings.TrimSpace(p.Text(e.Link.Label)) == "" {
		p.Report(e.Link.Span.Start, e.Link.Span.End, nil, "the link has no text: write the entry's name between the brackets")
	}
	if e.Link.URL.Valid() {
		u := strings.TrimSpace(p.Text(e.Link.URL))
		switch {
		case u == "":
			p.Report(e.Link.Span.Start, e.Link.Span.End, nil, "the link has no URL")
		case !strings.Contains(u, "://") && schemelessHost.MatchString(strings.ToLower(u)):
			// Unsafe: the link then leads somewhere else than it did, even if to the intended page.
			p.Report(e.Link.URL.Start, e.Link.URL.End, &Fix{Message: "add https://", Safe: false, Edits: []Edit{{Start: e.Link.URL.Start, End: e.Link.URL.Start, New: "https://"}}},
				"URL %q has no scheme, so it links to a file of the repository: write \"https://%s\"", u, u)
		}
	}
	// A soft line break inside the entry's own text: the entry was hard-wrapped.
	lineEnd := e.End
	if i := bytes.IndexByte(src[e.Link.Span.Start:e.End], '\n'); i >= 0 {
		lineEnd = e.Link.Span.Start + i
	}
	if lineEnd >= e.End {
		return
	}
	first := bytes.LastIndexByte(src[:e.Link.Span.Start], '\n') + 1
	var edits []Edit
	for i := lineEnd; i < e.End; i++ {
		if src[i] != '\n' {
			continue
		}
		s := i
		if s > 0 && src[s-1] == '\r' {
			s--
		}
		prev := strings.TrimRight(string(src[first:s]), " \t")
		if strings.HasSuffix(string(src[first:s]), "  ") || strings.HasSuffix(prev, "\\") {
			return // a hard line break is meant
		}
		for s > first && (src[s-1] == ' ' || src[s-1] == '\t') {
			s--
		}
		j := i + 1
		for j < e.End && (src[j] == ' ' || src[j] == '\t' || src[j] == '>') {
			j++
		}
		edits = append(edits, Edit{Start: s, End: j, New: " "})
		first = j
	}
	p.Report(e.Link.Span.Start, e.End, &Fix{Message: "join the entry's lines", Safe: true, Edits: edits},
		"the entry is wrapped over %d lines: keep an entry on one line", len(edits)+1)
}

// checkAnchor wants a "#anchor" link to name a heading of the file.
func checkAnchor(p *Pass, e *mdsrc.Entry, anchors *map[string]bool) {
	if !isAnchor(e.Link.Dest) || !e.Link.URL.Valid() {
		return
	}
	if *anchors == nil {
		*anchors = map[string]bool{}
		for _, a := range p.Doc.Anchors() {
			(*anchors)[a] = true
		}
	}
	name := strings.TrimPrefix(e.Link.Dest, "#")
	if u, err := url.PathUnescape(name); err == nil {
		name = u
	}
	if name == "" || (*anchors)[name] || (*anchors)[strings.ToLower(name)] {
		return
	}
	p.Report(e.Link.URL.Start, e.Link.URL.End, nil, "%q matches no heading of this file", e.Link.Dest)
}

// brokenLink recognises a main link that a typo left as plain text and returns its fix.
func brokenLink(p *Pass, it *mdsrc.Item) *Fix {
	if it.Entry != nil || !it.Content.Valid() || it.Content.Len() < 4 {
		return nil
	}
	text := p.Text(it.Content)
	// Every pattern needs "://", and starts with "[" or "(" or has "](http" in it.
	if !strings.Contains(text, "://") || text[0] != '[' && text[0] != '(' && !strings.Contains(text, "](http") {
		return nil
	}
	at := it.Content.Start
	for _, re := range []*regexp.Regexp{brokenNoParens, brokenExtraBr, brokenSpace, brokenNoClose, brokenNoOpen} {
		if m := re.FindStringSubmatchIndex(text); m != nil {
			title, u := text[m[2]:m[3]], text[m[4]:m[5]]
			return &Fix{Message: "repair the link", Safe: true, Edits: []Edit{{Start: at, End: at + m[1], New: "[" + title + "](" + u + ")"}}}
		}
	}
	if m := brokenSwapped.FindStringSubmatchIndex(text); m != nil {
		u, title := text[m[2]:m[3]], text[m[4]:m[5]]
		return &Fix{Message: "repair the link", Safe: true, Edits: []Edit{{Start: at, End: at + m[1], New: "[" + title + "](" + u + ")"}}}
	}
	return nil
}

// boldLinkAt recognises "**[Name](url)**" at the start of an item and returns its fix.
func boldLinkAt(p *Pass, it *mdsrc.Item) *Fix {
	if it.Entry != nil || !it.Content.Valid() {
		return nil
	}
	text := p.Text(it.Content)
	if !strings.HasPrefix(text, "**[") && !strings.HasPrefix(text, "__[") {
		return nil // what boldLink needs
	}
	m := boldLink.FindStringSubmatchIndex(text)
	if m == nil || text[m[2]:m[3]] != text[m[6]:m[7]] {
		return nil
	}
	at := it.Content.Start
	return &Fix{Message: "remove the bold around the link", Safe: true, Edits: []Edit{
		{Start: at + m[2], End: at + m[3]},
		{Start: at + m[6], End: at + m[7]},
	}}
}
