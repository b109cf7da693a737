package rules

import (
	"bytes"
	"html"
	"path"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/listlint/listlint/mdsrc"
)

// What the awesome-* rules and no-ci-badge share: which file is the list's main readme,
// and a reading of the parts of a readme that the awesome guidelines talk about (the
// level-1 heading, whether in Markdown, in an HTML <h1> or as a header logo; the images
// with the link around each; HTML headings).

// awesomeDefaultFiles are the file names the awesome rules check by default.
func awesomeDefaultFiles() []string { return []string{"readme.md"} }

// awesomeFilesOption documents the "files" option the five rules share.
var awesomeFilesOption = OptionDoc{
	Name: "files", Type: "list of globs", Default: "[readme.md]",
	Text: "the files that are the list's main readme, matched case-insensitively against the file name " +
		"(or against the end of the path when the pattern holds a \"/\"); a readme in a folder whose " +
		"parent folder has a readme too (media/readme.md) is a page of the list and is not checked",
}

// awesomeScope reports whether the pass's file is the main readme of a list: its name
// matches one of files (case-insensitively), and the folder above it holds no readme
// (media/readme.md beside an awesome list's readme.md is a page about the logo, not the
// list).
func awesomeScope(p *Pass, files []string) bool {
	if len(files) == 0 {
		files = awesomeDefaultFiles()
	}
	name := strings.ToLower(filepath.ToSlash(p.Doc.Path))
	matched := false
	for _, pat := range files {
		if matchFileGlob(strings.ToLower(pat), name) {
			matched = true
			break
		}
	}
	if !matched {
		return false
	}
	if p.Sibling != nil {
		for _, up := range []string{"../readme.md", "../README.md", "../Readme.md"} {
			if _, ok := p.Sibling(up); ok {
				return false
			}
		}
	}
	return true
}

// matchFileGlob matches a lower-case pattern against a lower-case slash path: a pattern
// without "/" against the file name, one with "/" against as many trailing segments as it
// has.
func matchFileGlob(pat, name string) bool {
	pat = strings.TrimPrefix(pat, "./")
	if !strings.Contains(pat, "/") {
		ok, _ := path.Match(pat, path.Base(name))
		return ok
	}
	n := strings.Count(pat, "/") + 1
	segs := strings.Split(name, "/")
	if len(segs) < n {
		return false
	}
	ok, _ := path.Match(pat, strings.Join(segs[len(segs)-n:], "/"))
	return ok
}

// readmeHeading is a Markdown heading with its plain text.
type readmeHeading struct {
	Level int
	Start int        // start of the heading's line
	Text  mdsrc.Span // the heading's text as written, None when it has none
	Plain string     // the text without markup, images and badges
}

// Span is where a problem with the heading is reported: from its first line's start to
// the end of its text.
func (h readmeHeading) Span(src []byte) mdsrc.Span {
	end := h.Start
	if h.Text.Valid() {
		end = h.Text.End
	} else {
		for end < len(src) && src[end] != '\n' && src[end] != '\r' {
			end++
		}
	}
	return mdsrc.Span{Start: h.Start, End: end}
}

// readmeHTMLHeading is an <h1>…<h6> element of the readme's HTML.
type readmeHTMLHeading struct {
	Level int
	Span  mdsrc.Span // the opening tag to the end of the closing one (the opening tag alone when unclosed)
	Text  string     // its text without tags; the alt text of an image in it when it has no text
}

// readmeImage is an image of the readme, written in Markdown or as an HTML <img>.
type readmeImage struct {
	// Span is the image, or the Markdown link around it when the link holds nothing else
	// (a badge: "[![Alt](img)](url)"), so that the whole badge can be reported or replaced.
	Span     mdsrc.Span
	Src, Alt string
	// Link is the URL of the link around the image (Markdown or HTML <a href>).
	Link   string
	Linked bool
	// Markdown is true for Markdown syntax; Whole when Span is the link with nothing but
	// the image in it (or the image alone, when it is not linked).
	Markdown, Whole bool
}

// readmePage is what the awesome rules read of a readme, in source order.
type readmePage struct {
	headings     []readmeHeading
	htmlHeadings []readmeHTMLHeading
	images       []readmeImage
	// links holds the destination of every link, Markdown or HTML.
	links []string
}

// readReadme walks the document once. HTML is read as a stream of tags across HTML blocks and
// inline HTML, so that an <a href> opened in one block wraps a Markdown image in the next.
func readReadme(doc *mdsrc.Document) *readmePage {
	pg := &readmePage{}
	r := readmeReader{doc: doc, pg: pg, body: doc.Src[doc.BOM:], base: doc.BOM, skip: doc.BOM}
	// goldmark reads front matter as a thematic break and a setext heading: not the title.
	if fm := doc.FrontMatter(); fm.Valid() {
		r.skip = fm.End
	}
	_ = ast.Walk(doc.AST, r.visit)
	r.closeHeading(-1)
	return pg
}

type readmeReader struct {
	doc  *mdsrc.Document
	pg   *readmePage
	body []byte
	base int
	// skip is where the Markdown starts: after the BOM and the front matter.
	skip int
	// links holds the href of each open HTML <a>.
	links []string
	// open is the HTML heading being read, nil when none.
	open     *readmeHTMLHeading
	openText strings.Builder
	openAlt  string
	// openFirst is the open heading's text up to the end of the HTML block that opened it:
	// its text if it is never closed (rather than the rest of the file).
	openFirst string
	openDone  bool
}

func (r *readmeReader) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if n.Type() == ast.TypeBlock && r.skip > r.base {
		if p := n.Pos(); p >= 0 && p+r.base < r.skip {
			if _, doc := n.(*ast.Document); !doc {
				return ast.WalkSkipChildren, nil
			}
		}
	}
	switch n := n.(type) {
	case *ast.Heading:
		// A Markdown heading ends whatever HTML was left open above it.
		r.links = r.links[:0]
		r.closeHeading(-1)
		r.pg.headings = append(r.pg.headings, r.heading(n))
	case *ast.Link:
		r.pg.links = append(r.pg.links, string(n.Destination))
	case *ast.Image:
		r.image(n)
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		l := n.Lines()
		if l.Len() > 0 {
			end := l.At(l.Len() - 1).Stop
			if n.HasClosure() {
				end = n.ClosureLine.Stop
			}
			r.html(l.At(0).Start+r.base, end+r.base)
		}
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			r.html(n.Segments.At(0).Start+r.base, n.Segments.At(n.Segments.Len()-1).Stop+r.base)
		}
	case *ast.Text:
		if r.open != nil {
			r.openText.Write(n.Segment.Value(r.body))
			r.openText.WriteByte(' ')
		}
	}
	return ast.WalkContinue, nil
}

func (r *readmeReader) heading(n *ast.Heading) readmeHeading {
	h := readmeHeading{Level: n.Level, Text: mdsrc.None}
	src := r.doc.Src
	if l := n.Lines(); l.Len() > 0 {
		s, e := l.At(0).Start+r.base, l.At(l.Len()-1).Stop+r.base
		for s < e && isHTMLSpace(src[s]) {
			s++
		}
		for e > s && isHTMLSpace(src[e-1]) {
			e--
		}
		h.Text = mdsrc.Span{Start: s, End: e}
	}
	p := n.Pos()
	if p >= 0 {
		p += r.base
	} else if h.Text.Valid() {
		p = h.Text.Start
	} else {
		p = r.base
	}
	h.Start = r.doc.Lines.LineStartOf(p)
	h.Plain = awesomePlain(n, r.body)
	return h
}

// blockEnd is the end of the lines of the block holding n, in Src offsets.
func (r *readmeReader) blockEnd(n ast.Node) int {
	for b := n.Parent(); b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock {
			if l := b.Lines(); l != nil && l.Len() > 0 {
				return l.At(l.Len()-1).Stop + r.base
			}
		}
	}
	return len(r.doc.Src)
}

func (r *readmeReader) image(n *ast.Image) {
	src := r.doc.Src
	img := readmeImage{Src: string(n.Destination), Alt: awesomePlain(n, r.body), Markdown: true, Whole: true}
	start := n.Pos()
	if start < 0 {
		return
	}
	start += r.base
	end := r.blockEnd(n)
	img.Span = mdsrc.Span{Start: start, End: start + 1}
	if start+1 < len(src) && src[start] == '!' {
		if l, ok := mdsrc.ScanLink(src, start+1, end); ok {
			img.Span.End = l.Span.End
		}
	}
	if lk, ok := n.Parent().(*ast.Link); ok {
		img.Link, img.Linked = string(lk.Destination), true
		img.Whole = false
		if linkHoldsOnly(lk, n, r.body) && lk.Pos() >= 0 {
			if l, ok := mdsrc.ScanLink(src, lk.Pos()+r.base, end); ok && l.Span.End >= img.Span.End {
				img.Span, img.Whole = l.Span, true
			}
		}
	} else if len(r.links) > 0 {
		img.Link, img.Linked = r.links[len(r.links)-1], true
	}
	if r.open != nil && r.openAlt == "" {
		r.openAlt = img.Alt
	}
	r.pg.images = append(r.pg.images, img)
}

// linkHoldsOnly reports whether link holds nothing but img (and white space).
func linkHoldsOnly(link ast.Node, img ast.Node, body []byte) bool {
	for c := link.FirstChild(); c != nil; c = c.NextSibling() {
		if c == img {
			continue
		}
		if t, ok := c.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(body))) == 0 {
			continue
		}
		return false
	}
	return true
}

// html reads the tags of src[lo:hi].
func (r *readmeReader) html(lo, hi int) {
	src := r.doc.Src
	scanHTMLTags(src, lo, hi, func(t readmeTag) {
		switch {
		case t.Name == "a" && !t.Close:
			r.pg.links = append(r.pg.links, t.Attrs["href"])
			if !t.SelfClose {
				r.links = append(r.links, t.Attrs["href"])
			}
		case t.Name == "a" && t.Close:
			if len(r.links) > 0 {
				r.links = r.links[:len(r.links)-1]
			}
		case t.Name == "img" && !t.Close:
			img := readmeImage{Span: t.Span, Src: t.Attrs["src"], Alt: t.Attrs["alt"]}
			if len(r.links) > 0 {
				img.Link, img.Linked = r.links[len(r.links)-1], true
			}
			if r.open != nil && r.openAlt == "" {
				r.openAlt = img.Alt
			}
			r.pg.images = append(r.pg.images, img)
		case len(t.Name) == 2 && t.Name[0] == 'h' && t.Name[1] >= '1' && t.Name[1] <= '6':
			level := int(t.Name[1] - '0')
			if t.Close {
				if r.open != nil && r.open.Level == level {
					r.closeHeading(t.Span.End)
				}
				return
			}
			r.closeHeading(-1)
			r.open = &readmeHTMLHeading{Level: level, Span: t.Span}
			r.openText.Reset()
			r.openAlt, r.openFirst, r.openDone = "", "", false
		}
	}, func(text []byte) {
		if r.open != nil {
			r.openText.WriteString(html.UnescapeString(string(text)))
		}
	})
	if r.open != nil && !r.openDone {
		r.openFirst, r.openDone = r.openText.String(), true
	}
}

// closeHeading records the open HTML heading; end is the end of its closing tag, or -1
// when it was not closed.
func (r *readmeReader) closeHeading(end int) {
	if r.open == nil {
		return
	}
	h := *r.open
	text := r.openFirst
	if end > h.Span.End {
		h.Span.End = end
		text = r.openText.String()
	}
	h.Text = strings.Join(strings.Fields(text), " ")
	if h.Text == "" {
		h.Text = strings.TrimSpace(r.openAlt)
	}
	r.pg.htmlHeadings = append(r.pg.htmlHeadings, h)
	r.open = nil
}

// awesomePlain is the plain text of n's inline content: emphasis and links are read through,
// code spans keep their text in backticks, images, badges (links holding only images) and HTML tags are
// dropped, and runs of white space become one space.
func awesomePlain(n ast.Node, body []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(body))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				// Kept in backticks, so that a title check takes code as written.
				b.WriteByte('`')
				walk(c)
				b.WriteByte('`')
			case *ast.Image, *ast.RawHTML:
				b.WriteByte(' ')
			case *ast.Link:
				if linkHoldsOnlyImages(c, body) {
					b.WriteByte(' ')
					continue
				}
				walk(c)
			case *ast.AutoLink:
				b.Write(c.Label(body))
			default:
				walk(c)
			}
		}
	}
	if _, ok := n.(*ast.Image); ok {
		// An image's children are its alt text.
		walk(n)
		return strings.Join(strings.Fields(b.String()), " ")
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func linkHoldsOnlyImages(link ast.Node, body []byte) bool {
	seen := false
	for c := link.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			seen = true
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(body))) != 0 {
				return false
			}
		default:
			return false
		}
	}
	return seen
}

// readmeTag is one start or end tag.
type readmeTag struct {
	Name             string // lower case
	Close, SelfClose bool
	Attrs            map[string]string // lower-case names, unescaped values
	Span             mdsrc.Span
}

// scanHTMLTags reports the tags of src[lo:hi] to tag and the text between them to text,
// skipping comments. It is a tokenizer for the small HTML of readme headers, not a parser:
// anything that is not a well-formed tag is text.
func scanHTMLTags(src []byte, lo, hi int, tag func(readmeTag), text func([]byte)) {
	i := lo
	for i < hi {
		lt := bytes.IndexByte(src[i:hi], '<')
		if lt < 0 {
			text(src[i:hi])
			return
		}
		lt += i
		if lt > i {
			text(src[i:lt])
		}
		if bytes.HasPrefix(src[lt:hi], []byte("<!--")) {
			e := bytes.Index(src[lt+4:hi], []byte("-->"))
			if e < 0 {
				return
			}
			i = lt + 4 + e + 3
			continue
		}
		t, end, ok := parseHTMLTag(src, lt, hi)
		if !ok {
			text(src[lt : lt+1])
			i = lt + 1
			continue
		}
		tag(t)
		i = end
	}
}

// parseHTMLTag reads the tag starting at src[p] == '<'.
func parseHTMLTag(src []byte, p, hi int) (readmeTag, int, bool) {
	t := readmeTag{}
	q := p + 1
	if q < hi && src[q] == '/' {
		t.Close = true
		q++
	}
	ns := q
	for q < hi && (isTagLetter(src[q]) || q > ns && (src[q] >= '0' && src[q] <= '9' || src[q] == '-')) {
		q++
	}
	if q == ns {
		return t, 0, false
	}
	t.Name = strings.ToLower(string(src[ns:q]))
	for {
		for q < hi && isHTMLSpace(src[q]) {
			q++
		}
		if q >= hi {
			return t, 0, false
		}
		switch src[q] {
		case '>':
			t.Span = mdsrc.Span{Start: p, End: q + 1}
			return t, q + 1, true
		case '/':
			if q+1 < hi && src[q+1] == '>' {
				t.SelfClose = true
				t.Span = mdsrc.Span{Start: p, End: q + 2}
				return t, q + 2, true
			}
			q++
			continue
		case '<':
			return t, 0, false
		}
		as := q
		for q < hi && !isHTMLSpace(src[q]) && src[q] != '=' && src[q] != '>' && src[q] != '/' && src[q] != '<' {
			q++
		}
		name := strings.ToLower(string(src[as:q]))
		for q < hi && isHTMLSpace(src[q]) {
			q++
		}
		val := ""
		if q < hi && src[q] == '=' {
			q++
			for q < hi && isHTMLSpace(src[q]) {
				q++
			}
			if q < hi && (src[q] == '"' || src[q] == '\'') {
				e := bytes.IndexByte(src[q+1:hi], src[q])
				if e < 0 {
					return t, 0, false
				}
				val = string(src[q+1 : q+1+e])
				q += e + 2
			} else {
				vs := q
				for q < hi && !isHTMLSpace(src[q]) && src[q] != '>' {
					q++
				}
				val = string(src[vs:q])
			}
		}
		if name != "" {
			if t.Attrs == nil {
				t.Attrs = map[string]string{}
			}
			if _, dup := t.Attrs[name]; !dup {
				t.Attrs[name] = html.UnescapeString(strings.TrimSpace(val))
			}
		}
	}
}

func isTagLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// Kinds of main heading.
const (
	titleNone     = iota
	titleMarkdown // "# Awesome X"
	titleHTML     // <h1>Awesome X</h1>, or an <h1> holding the logo
	titleImage    // a header logo above the first heading, its alt text naming the list
)

// listTitle is the list's title as the awesome guidelines see it: a level-1 heading, or
// a header logo ("You can put the header image in a # (Markdown header) or <h1>"; a centered
// graphics header such as awesome-nodejs's counts too).
type listTitle struct {
	Kind int
	Span mdsrc.Span     // where to report about the title
	Text string         // the title without markup
	MD   *readmeHeading // the Markdown heading, for Kind == titleMarkdown
	// Index is the Markdown heading's index in readmePage.headings.
	Index int
}

// main finds the list's title: the first level-1 heading (Markdown or HTML, whichever comes
// first), else the first image above the first heading that is not a badge, else nothing.
func (pg *readmePage) main(doc *mdsrc.Document) listTitle {
	mi := -1
	for i, h := range pg.headings {
		if h.Level == 1 {
			mi = i
			break
		}
	}
	var hh *readmeHTMLHeading
	for i := range pg.htmlHeadings {
		if pg.htmlHeadings[i].Level == 1 {
			hh = &pg.htmlHeadings[i]
			break
		}
	}
	if mi >= 0 && (hh == nil || pg.headings[mi].Start <= hh.Span.Start) {
		h := &pg.headings[mi]
		return listTitle{Kind: titleMarkdown, Span: h.Span(doc.Src), Text: h.Plain, MD: h, Index: mi}
	}
	if hh != nil {
		return listTitle{Kind: titleHTML, Span: hh.Span, Text: hh.Text, Index: -1}
	}
	limit := len(doc.Src)
	if len(pg.headings) > 0 {
		limit = pg.headings[0].Start
	}
	for _, img := range pg.images {
		if img.Span.Start >= limit {
			break
		}
		if !looksLikeBadge(img) {
			return listTitle{Kind: titleImage, Span: img.Span, Text: strings.Join(strings.Fields(img.Alt), " "), Index: -1}
		}
	}
	return listTitle{Kind: titleNone, Span: firstContentLine(doc), Index: -1}
}

// headerEnd is where the readme's header (the title and what sits beside it: logo, badges,
// a short introduction) ends: the first Markdown heading or list after the title.
func (pg *readmePage) headerEnd(doc *mdsrc.Document, mh listTitle) int {
	from := 0
	if mh.Kind != titleNone {
		from = mh.Span.Start
	}
	end := len(doc.Src)
	for _, h := range pg.headings {
		if h.Start > from {
			end = h.Start
			break
		}
	}
	for _, l := range doc.Lists {
		if len(l.Items) > 0 && l.Depth == 0 && l.Items[0].Start > from {
			end = min(end, l.Items[0].Start)
			break
		}
	}
	return end
}

// looksLikeBadge reports an image that is a badge rather than a logo.
func looksLikeBadge(img readmeImage) bool {
	if awesomeBadgeKind(img) != notAwesomeBadge || ciService(img.Src) != "" {
		return true
	}
	s := strings.ToLower(img.Src)
	return strings.Contains(s, "badge") || strings.Contains(s, "shields.io") || strings.Contains(s, "badgen.net")
}

// firstContentLine is the first line that holds something other than white space or an HTML
// comment, trimmed; an empty span at the start of an empty file.
func firstContentLine(doc *mdsrc.Document) mdsrc.Span {
	src := doc.Src
	i := doc.BOM
	if fm := doc.FrontMatter(); fm.Valid() {
		i = fm.End
	}
	for i < len(src) {
		for i < len(src) && isHTMLSpace(src[i]) {
			i++
		}
		if bytes.HasPrefix(src[i:], []byte("<!--")) {
			e := bytes.Index(src[i+4:], []byte("-->"))
			if e < 0 {
				break
			}
			i += 4 + e + 3
			continue
		}
		break
	}
	if i >= len(src) {
		return mdsrc.Span{Start: doc.BOM, End: doc.BOM}
	}
	e := i
	for e < len(src) && src[e] != '\n' {
		e++
	}
	for e > i && isHTMLSpace(src[e-1]) {
		e--
	}
	return mdsrc.Span{Start: i, End: e}
}
