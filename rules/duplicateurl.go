package rules

import (
	"fmt"
	"net/url"
	"path"
	"strings"

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

// urlFact is one URL occurrence, with what the fix needs to compare and delete entries.
type urlFact struct {
	URL, Key    string
	Start, End  int // the link
	Line        int
	Title       string
	Main        bool
	ItemStart   int // the entry's item; -1 for annotation links
	DeleteEnd   int // end of the item's lines, line break included
	Body        string
	BodyNoAnn   string // the entry without its annotations
	Annotations []string
	AnnEnd      int // where new annotations go on this entry
	HasChildren bool
}

func collectURLs(p *Pass) any {
	opts, _ := p.Options.(*DuplicateURLOptions)
	if opts == nil {
		opts = &DuplicateURLOptions{Scope: "project"}
	}
	src := p.Doc.Src
	var facts []urlFact
	add := func(l mdsrc.Link, e *mdsrc.Entry, main bool) {
		if l.Dest == "" || isAnchor(l.Dest) {
			return
		}
		f := urlFact{URL: l.Dest, Key: NormalizeURL(l.Dest), Start: l.Span.Start, End: l.Span.End, Line: p.Doc.Lines.Line(l.Span.Start), Title: p.Text(e.Link.Label), Main: main, ItemStart: -1}
		if main {
			it := e.Item
			f.ItemStart = it.Start
			f.DeleteEnd = afterLineBreak(src, it.BodyEnd)
			f.Body = string(src[it.Marker.End:it.BodyEnd])
			f.HasChildren = len(it.Children) > 0
			f.AnnEnd = e.End
			noAnn := e.End
			if len(e.Annotations) > 0 {
				noAnn = e.Annotations[0].Span.Start
				f.AnnEnd = e.Annotations[len(e.Annotations)-1].Span.End
				for _, a := range e.Annotations {
					f.Annotations = append(f.Annotations, p.Text(a.Span))
				}
			}
			if e.Tags.Valid() {
				f.AnnEnd = min(f.AnnEnd, e.Tags.Start)
			}
			f.BodyNoAnn = strings.TrimSpace(string(src[it.Marker.End:noAnn]))
		}
		facts = append(facts, f)
	}
	for _, e := range p.Doc.Entries {
		add(e.Link, e, true)
		if opts.IncludeAnnotations {
			for _, a := range e.Annotations {
				for _, l := range a.Links {
					add(l, e, false)
				}
			}
		}
	}
	return facts
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
	opts, _ := p.Options.(*DuplicateURLOptions)
	if opts == nil {
		opts = &DuplicateURLOptions{Scope: "project"}
	}
	type seen struct {
		path string
		f    urlFact
	}
	first := map[string]seen{}
	for _, file := range p.Files {
		facts, _ := file.Facts.([]urlFact)
		if opts.Scope == "file" {
			clear(first)
		}
		for _, f := range facts {
			if allowed(opts.Allow, f) {
				continue
			}
			prev, dup := first[f.Key]
			if !dup {
				first[f.Key] = seen{file.Path, f}
				continue
			}
			where := fmt.Sprintf("line %d", prev.f.Line)
			if prev.path != file.Path {
				where = fmt.Sprintf("%s:%d", prev.path, prev.f.Line)
			}
			p.Report(file.Path, f.Start, f.End, duplicateFix(prev.path == file.Path, prev.f, f),
				"duplicate URL %q: already listed at %s (%q)", f.URL, where, prev.f.Title)
		}
	}
}

func allowed(globs []string, f urlFact) bool {
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
func duplicateFix(sameFile bool, first, later urlFact) *Fix {
	if !first.Main || !later.Main || later.HasChildren {
		return nil
	}
	del := Edit{Start: later.ItemStart, End: later.DeleteEnd}
	if later.DeleteEnd <= later.ItemStart {
		return nil
	}
	if strings.TrimSpace(later.Body) == strings.TrimSpace(first.Body) {
		return &Fix{Message: "delete the repeated entry", Safe: false, Edits: []Edit{del}}
	}
	if !sameFile || later.BodyNoAnn != first.BodyNoAnn {
		return nil
	}
	have := map[string]bool{}
	for _, a := range first.Annotations {
		have[a] = true
	}
	var extra []string
	for _, a := range later.Annotations {
		if !have[a] {
			extra = append(extra, a)
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

// trackingParams are query parameters that identify where a click came from, not what it
// points to.
var trackingParams = map[string]bool{"ref": true, "fbclid": true, "gclid": true, "ref_src": true}

// NormalizeURL returns the form of a URL under which duplicates compare equal.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
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
			if strings.HasPrefix(k, "utm_") || trackingParams[k] || kv == "" {
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
