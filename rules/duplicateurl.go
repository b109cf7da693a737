package rules

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/listlint/listlint/mdsrc"
)

// DuplicateURLOptions tunes duplicate-url.
type DuplicateURLOptions struct {
	// Scope is "project" (compare across all linted files) or "file".
	Scope string `yaml:"scope"`
	// IncludeAnnotations also compares annotation and description links.
	IncludeAnnotations bool `yaml:"include-annotations"`
	// Allow lists URLs (or path.Match globs) that may repeat.
	Allow []string `yaml:"allow"`
}

// DuplicateURL reports entries whose main URL was already listed.
var DuplicateURL = register(&Rule{
	ID:      "duplicate-url",
	Aliases: []string{"double-link"},
	Default: Error,
	Doc: Doc{
		Title: "Each URL is listed once",
		Why: "A link listed twice is usually the same entry pasted twice, or added again by a " +
			"contributor who did not search the list. URLs are compared after normalisation " +
			"(scheme, \"www.\", host case, default port, trailing slash, index.html, tracking " +
			"parameters, owner/repo case on github.com; fragments are kept). The later entry is " +
			"reported and the first one named.",
		Before: "- [Gin](https://github.com/gin-gonic/gin) - HTTP web framework.\n" +
			"- [gin](https://github.com/Gin-Gonic/gin/) - HTTP web framework.\n",
		After: "- [Gin](https://github.com/gin-gonic/gin) - HTTP web framework.\n",
		Fix:   FixUnsafe,
		FixNote: "deletes the later entry when its line equals the first, or when it only adds " +
			"annotations (which move onto the first entry); otherwise none",
		Options: []OptionDoc{
			{Name: "scope", Type: "string (project | file)", Default: "project", Text: "compare across all linted files, or within each file"},
			{Name: "include-annotations", Type: "boolean", Default: "false", Text: "also compare annotation and description links"},
			{Name: "allow", Type: "list of strings", Default: "[]", Text: "URLs or globs that may repeat"},
		},
	},
	NewOptions:   func() any { return &DuplicateURLOptions{Scope: "project"} },
	Collect:      collectURLs,
	CheckProject: checkDuplicateURLs,
})

// urlFact is one URL occurrence. It keeps offsets, not text: the texts the fix compares
// are cut from the file's source only for the few URLs that repeat.
type urlFact struct {
	URL, Key    string
	Start, End  int // the link
	Line        int
	Title       mdsrc.Span
	Main        bool
	ItemStart   int        // the entry's item; -1 for annotation links
	DeleteEnd   int        // end of the item's lines, line break included
	Body        mdsrc.Span // the item after its marker, nested lines included
	NoAnnEnd    int        // where the entry's annotations start (or its end)
	Anns        []mdsrc.Span
	AnnEnd      int // where new annotations go on this entry
	HasChildren bool
}

// fileURLs is what duplicate-url keeps of one file.
type fileURLs struct {
	src   []byte
	facts []urlFact
}

func (f *fileURLs) text(s mdsrc.Span) string { return string(f.src[s.Start:s.End]) }

func collectURLs(p *Pass) any {
	opts := optionsOf[DuplicateURLOptions](p.Options)
	src := p.Doc.Src
	out := &fileURLs{src: src, facts: make([]urlFact, 0, len(p.Doc.Entries))}
	add := func(l mdsrc.Link, e *mdsrc.Entry, main bool) {
		if l.Dest == "" || isAnchor(l.Dest) {
			return
		}
		f := urlFact{URL: l.Dest, Key: NormalizeURL(l.Dest), Start: l.Span.Start, End: l.Span.End, Line: p.Doc.Lines.Line(l.Span.Start), Title: e.Link.Label, Main: main, ItemStart: -1}
		if main {
			it := e.Item
			f.ItemStart = it.Start
			f.DeleteEnd = afterLineBreak(src, it.BodyEnd)
			f.Body = mdsrc.Span{Start: it.Marker.End, End: it.BodyEnd}
			f.HasChildren = len(it.Children) > 0
			f.AnnEnd, f.NoAnnEnd = e.End, e.End
			if len(e.Annotations) > 0 {
				f.NoAnnEnd = e.Annotations[0].Span.Start
				f.AnnEnd = e.Annotations[len(e.Annotations)-1].Span.End
				for _, a := range e.Annotations {
					f.Anns = append(f.Anns, a.Span)
				}
			}
			if e.Tags.Valid() {
				f.AnnEnd = min(f.AnnEnd, e.Tags.Start)
				f.NoAnnEnd = min(f.NoAnnEnd, e.Tags.Start)
			}
		}
		out.facts = append(out.facts, f)
	}
	for _, e := range p.Doc.Entries {
		if isQuote(p.Text(e.Title)) {
			// A quotation that cites its source: several quotes may share one.
			continue
		}
		add(e.Link, e, true)
		if opts.IncludeAnnotations {
			for _, a := range e.Annotations {
				for _, l := range a.Links {
					add(l, e, false)
				}
			}
		}
	}
	return out
}

// isQuote tells a quoted passage used as a link text ("[Axons can migrate into scaffolding
// if provided the right conditions. ...](source)") from a title: it is a sentence of eight
// words or more that ends in sentence punctuation.
func isQuote(title string) bool {
	t := strings.TrimRight(title, "\"'”’*_ ")
	if t == "" || !strings.ContainsAny(t[len(t)-1:], ".!?") {
		return false
	}
	return hasFields(t, 8)
}

// hasFields reports whether s has at least n fields as strings.Fields splits it, without
// splitting it.
func hasFields(s string, n int) bool {
	count, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			count++
			if count >= n {
				return true
			}
		}
	}
	return false
}

// afterLineBreak returns the offset after the line break at off, or off at the end of the file.
func afterLineBreak(src []byte, off int) int {
	if off < len(src) && src[off] == '\r' {
		off++
	}
	if off < len(src) && src[off] == '\n' {
		off++
	}
	return off
}

func checkDuplicateURLs(p *ProjectPass) {
	opts := optionsOf[DuplicateURLOptions](p.Options)
	type seen struct {
		path string
		file *fileURLs
		f    *urlFact
	}
	first := map[string]seen{}
	for _, file := range p.Files {
		fu, _ := file.Facts.(*fileURLs)
		if fu == nil {
			continue
		}
		if opts.Scope == "file" {
			clear(first)
		}
		for i := range fu.facts {
			f := &fu.facts[i]
			if allowed(opts.Allow, f) {
				continue
			}
			prev, dup := first[f.Key]
			if !dup {
				first[f.Key] = seen{file.Path, fu, f}
				continue
			}
			where := fmt.Sprintf("line %d", prev.f.Line)
			if prev.path != file.Path {
				where = fmt.Sprintf("%s:%d", prev.path, prev.f.Line)
			}
			p.Report(file.Path, f.Start, f.End, duplicateFix(prev.path == file.Path, prev.file, prev.f, fu, f),
				"duplicate URL %q: already listed at %s (%q)", f.URL, where, prev.file.text(prev.f.Title))
		}
	}
}

func allowed(globs []string, f *urlFact) bool {
	for _, g := range globs {
		if g == f.URL || NormalizeURL(g) == f.Key {
			return true
		}
		if ok, _ := path.Match(g, f.URL); ok {
			return true
		}
	}
	return false
}

// duplicateFix deletes the later entry when nothing of it would be lost.
func duplicateFix(sameFile bool, ff *fileURLs, first *urlFact, lf *fileURLs, later *urlFact) *Fix {
	if !first.Main || !later.Main || later.HasChildren || later.DeleteEnd <= later.ItemStart {
		return nil
	}
	del := Edit{Start: later.ItemStart, End: later.DeleteEnd}
	if strings.TrimSpace(lf.text(later.Body)) == strings.TrimSpace(ff.text(first.Body)) {
		return &Fix{Message: "delete the repeated entry", Safe: false, Edits: []Edit{del}}
	}
	noAnn := func(fu *fileURLs, f *urlFact) string {
		return strings.TrimSpace(string(fu.src[f.Body.Start:f.NoAnnEnd]))
	}
	if !sameFile || noAnn(lf, later) != noAnn(ff, first) {
		return nil
	}
	have := map[string]bool{}
	for _, a := range first.Anns {
		have[ff.text(a)] = true
	}
	var extra []string
	for _, a := range later.Anns {
		if t := lf.text(a); !have[t] {
			extra = append(extra, t)
		}
	}
	if len(extra) == 0 {
		return &Fix{Message: "delete the repeated entry", Safe: false, Edits: []Edit{del}}
	}
	return &Fix{Message: "move the annotations onto the first entry and delete the repeated one", Safe: false, Edits: []Edit{
		{Start: first.AnnEnd, End: first.AnnEnd, New: " " + strings.Join(extra, " ")},
		del,
	}}
}

// NormalizeURL returns the form of a URL under which duplicates compare equal.
func NormalizeURL(raw string) string {
	u, err := parseURL(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.ToLower(strings.TrimSpace(raw))
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme == "http" || scheme == "https" {
		scheme = ""
	}
	p := u.EscapedPath()
	p = strings.TrimSuffix(p, "/index.html")
	p = strings.TrimSuffix(p, "/index.htm")
	p = strings.TrimRight(p, "/")
	if host == "github.com" {
		parts := strings.SplitN(strings.TrimPrefix(p, "/"), "/", 3)
		for i := 0; i < len(parts) && i < 2; i++ {
			parts[i] = strings.ToLower(parts[i])
		}
		p = "/" + strings.Join(parts, "/")
		p = strings.TrimSuffix(p, ".git")
		p = strings.TrimRight(p, "/")
	}
	var q []string
	if u.RawQuery != "" {
		for _, kv := range strings.Split(u.RawQuery, "&") {
			k := kv
			if i := strings.IndexByte(kv, '='); i >= 0 {
				k = kv[:i]
			}
			if trackingParam(k, host) || kv == "" {
				continue
			}
			q = append(q, kv)
		}
	}
	out := scheme + "//" + host + p
	if len(q) > 0 {
		out += "?" + strings.Join(q, "&")
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return out
}
