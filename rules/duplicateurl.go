package rules

import (
	"bytes"
	"hash/maphash"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/listlint/listlint/mdsrc"
)

// DuplicateURLOptions tunes duplicate-url.
type DuplicateURLOptions struct {
	// Scope is "project" (compare across all linted files), "file" or "section" (within
	// the part of a file under one heading: a list that files one tool under several use
	// cases repeats it on purpose).
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
			{Name: "scope", Type: "string (project | file | section)", Default: "project", Text: "compare across all linted files, within each file, or within each section of a file (the entries under one heading, of any level)"},
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
	Hash        uint64 // of Key
	Start, End  int    // the link
	Title       mdsrc.Span
	Main        bool
	ItemStart   int        // the entry's item; -1 for annotation links
	DeleteEnd   int        // end of the item's lines, line break included
	Body        mdsrc.Span // the item after its marker, nested lines included
	NoAnnEnd    int        // where the entry's annotations start (or its end)
	Anns        []mdsrc.Span
	AnnEnd      int // where new annotations go on this entry
	HasChildren bool
	Section     int32 // how many headings come before the entry
}

// fileURLs is what duplicate-url keeps of one file.
type fileURLs struct {
	src   []byte
	str   string // src as a string (the Document's Source)
	lines mdsrc.LineIndex
	facts []urlFact
}

func (f *fileURLs) text(s mdsrc.Span) string { return f.str[s.Start:s.End] }

func collectURLs(p *Pass) any {
	opts := optionsOf[DuplicateURLOptions](p.Options)
	src := p.Doc.Src
	out := &fileURLs{src: src, str: p.Doc.Source, lines: p.Doc.Lines, facts: make([]urlFact, 0, len(p.Doc.Entries))}
	heads := p.Doc.Headings
	section := 0 // headings before the entry being added
	var annBuf []mdsrc.Span
	add := func(l mdsrc.Link, e *mdsrc.Entry, main bool) {
		if l.Dest == "" || isAnchor(l.Dest) {
			return
		}
		key := NormalizeURL(l.Dest)
		out.facts = append(out.facts, urlFact{URL: l.Dest, Key: key, Hash: maphash.String(keySeed, key), Start: l.Span.Start, End: l.Span.End, Title: e.Link.Label, Main: main, ItemStart: -1, Section: int32(section)})
		f := &out.facts[len(out.facts)-1] // filled in place: a fact is large
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
				// The file's annotation spans share arrays, a few hundred at a time.
				n := len(e.Annotations)
				if cap(annBuf)-len(annBuf) < n {
					annBuf = make([]mdsrc.Span, 0, max(256, n))
				}
				for _, a := range e.Annotations {
					annBuf = append(annBuf, a.Span)
				}
				f.Anns = annBuf[len(annBuf)-n : len(annBuf) : len(annBuf)]
			}
			if e.Tags.Valid() {
				f.AnnEnd = min(f.AnnEnd, e.Tags.Start)
				f.NoAnnEnd = min(f.NoAnnEnd, e.Tags.Start)
			}
		}
	}
	for _, e := range p.Doc.Entries {
		for section < len(heads) && heads[section].Start <= e.Link.Span.Start {
			section++
		}
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
	t := title // strings.TrimRight(title, "\"'”’*_ ") without its general cut set
	for len(t) > 0 {
		switch c := t[len(t)-1]; {
		case c == '"' || c == '\'' || c == '*' || c == '_' || c == ' ':
			t = t[:len(t)-1]
			continue
		case strings.HasSuffix(t, "”") || strings.HasSuffix(t, "’"):
			t = t[:len(t)-len("”")]
			continue
		}
		break
	}
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
	type ref struct{ file, fact int32 } // a file of p.Files and a fact of it
	files := make([]*fileURLs, len(p.Files))
	total := 0
	for i, file := range p.Files {
		files[i], _ = file.Facts.(*fileURLs)
		if files[i] != nil {
			total += len(files[i].facts)
		}
	}
	if opts.Scope != "project" {
		total = 0
	}
	// The keys' hashes were computed with the facts, on all cores: the first entry of each
	// key is found by its hash, and a key whose hash another key has is looked up by
	// itself in exact.
	first := make(map[uint64]ref, total)
	var exact map[string]ref
	for fi, fu := range files {
		if fu == nil {
			continue
		}
		if opts.Scope != "project" {
			clear(first)
			clear(exact)
		}
		path := p.Files[fi].Path
		for i := range fu.facts {
			f := &fu.facts[i]
			if opts.Scope == "section" && i > 0 && f.Section != fu.facts[i-1].Section {
				clear(first)
				clear(exact)
			}
			if len(opts.Allow) > 0 && allowed(opts.Allow, f) {
				continue
			}
			r, dup := first[f.Hash]
			if !dup {
				first[f.Hash] = ref{int32(fi), int32(i)}
				continue
			}
			if files[r.file].facts[r.fact].Key != f.Key {
				if r, dup = exact[f.Key]; !dup {
					if exact == nil {
						exact = map[string]ref{}
					}
					exact[f.Key] = ref{int32(fi), int32(i)}
					continue
				}
			}
			prevPath, prevFile := p.Files[r.file].Path, files[r.file]
			prev := &prevFile.facts[r.fact]
			prevLine := prevFile.lines.Line(prev.Start)
			// The message is fmt's "duplicate URL %q: already listed at %s (%q)", built
			// without it: a list put together from others can repeat thousands of URLs.
			msg := make([]byte, 0, 64+len(f.URL)+len(prevPath)+prev.Title.Len())
			msg = strconv.AppendQuote(append(msg, "duplicate URL "...), f.URL)
			msg = append(msg, ": already listed at "...)
			if prevPath != path {
				msg = append(append(msg, prevPath...), ':')
			} else {
				msg = append(msg, "line "...)
			}
			msg = strconv.AppendInt(msg, int64(prevLine), 10)
			msg = append(strconv.AppendQuote(append(msg, " ("...), prevFile.text(prev.Title)), ')')
			at := Location{Start: prev.Start, End: prev.End}
			if prevPath != path {
				at.Path = prevPath
			}
			p.ReportRelated([]Location{at}, path, f.Start, f.End, duplicateFix(prevPath == path, prevFile, prev, fu, f), "%s", msg)
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
		return strings.TrimSpace(fu.str[f.Body.Start:f.NoAnnEnd])
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

// keySeed seeds the hashes of the URL keys.
var keySeed = maphash.MakeSeed()

// NormalizeURL returns the form of a URL under which duplicates compare equal.
func NormalizeURL(raw string) string {
	if k, ok := normalizeQuick(raw); ok {
		return k
	}
	return normalizeURL(raw)
}

// normalizeQuick is NormalizeURL for the URLs that parseURL's fast path takes (an absolute
// http(s) URL with a plain host name and plain path, query and fragment), without building a
// url.URL: the key is made in a buffer, and when it is a part of raw as written (as it
// mostly is), that part is returned without a copy. ok is false for other URLs.
func normalizeQuick(raw string) (string, bool) {
	u, ok := quickSplit(raw)
	if !ok {
		return "", false
	}
	upper := false
	for i := 0; i < len(u.host); i++ {
		if c := u.host[i]; 'A' <= c && c <= 'Z' {
			upper = true
		} else if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '.' {
			return "", false // a byte a host name does not hold
		}
	}
	hostRaw, path, query, frag := u.host, u.path, u.query, u.fragment

	var buf [160]byte
	b := append(buf[:0], '/', '/')
	h := len(b)
	b = append(b, hostRaw...)
	if upper {
		lowerASCII(b[h:])
	}
	if len(b)-h >= 4 && string(b[h:h+4]) == "www." {
		b = append(b[:h], b[h+4:]...)
	}
	host := string(b[h:]) // does not escape: used for comparisons only
	github := host == "github.com"
	path = strings.TrimSuffix(path, "/index.html")
	path = strings.TrimSuffix(path, "/index.htm")
	path = strings.TrimRight(path, "/")
	ps := len(b)
	if github {
		// "/" and the path, its first two segments (owner and repository) in lower case.
		b = append(b, '/')
		seg := len(b)
		b = append(b, strings.TrimPrefix(path, "/")...)
		for k := 0; k < 2 && seg < len(b); k++ {
			e := bytes.IndexByte(b[seg:], '/')
			if e < 0 {
				e = len(b) - seg
			}
			lowerASCII(b[seg : seg+e])
			seg += e + 1
		}
		if len(b)-ps >= 4 && string(b[len(b)-4:]) == ".git" {
			b = b[:len(b)-4]
		}
		for len(b) > ps && b[len(b)-1] == '/' {
			b = b[:len(b)-1]
		}
	} else {
		b = append(b, path...)
	}
	if query != "" {
		n := 0
		for kv := range strings.SplitSeq(query, "&") {
			k := kv
			if i := strings.IndexByte(kv, '='); i >= 0 {
				k = kv[:i]
			}
			if kv == "" || trackingParam(k, host) {
				continue
			}
			if n == 0 {
				b = append(b, '?')
			} else {
				b = append(b, '&')
			}
			b = append(b, kv...)
			n++
		}
	}
	if frag != "" {
		b = append(b, '#')
		b = append(b, frag...)
	}
	// The key as written in raw, after the scheme's colon: no copy.
	if at := len(u.scheme) + 1; len(raw)-at >= len(b) && raw[at:at+len(b)] == string(b) {
		return raw[at : at+len(b)], true
	}
	return string(b), true
}

// lowerASCII lower-cases the ASCII letters of b in place.
func lowerASCII(b []byte) {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// normalizeURL is NormalizeURL for any URL.
func normalizeURL(raw string) string {
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
