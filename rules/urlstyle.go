package rules

import (
	"bytes"
	"slices"
	"strings"

	"github.com/listlint/listlint/mdsrc"
)

// URLStyleOptions tunes url-style.
type URLStyleOptions struct {
	// HTTPSHosts are hosts (with their subdomains) known to serve https, added to the
	// built-in list.
	HTTPSHosts []string `yaml:"https-hosts"`
	// MobileHosts rewrites mobile hosts (m.youtube.com, en.m.wikipedia.org) to the main ones.
	MobileHosts bool `yaml:"mobile-hosts"`
	// ExpandYoutuBe rewrites youtu.be short links to youtube.com/watch links.
	ExpandYoutuBe bool `yaml:"expand-youtu-be"`
	// TwitterHost is "twitter.com", "x.com", "consistent" (the file's majority) or "any".
	TwitterHost string `yaml:"twitter-host"`
	// GitHubReadmeAnchor requires entry links to GitHub repositories to end in "#readme".
	GitHubReadmeAnchor bool `yaml:"github-readme-anchor"`
}

// URLStyle checks how URLs are written.
var URLStyle = register(&Rule{
	ID:      "url-style",
	Default: Warning,
	Doc: Doc{
		Title: "URLs are written in their canonical form",
		Why: "A list is read, clicked and compared: https where the site serves it, no tracking " +
			"parameters, GitHub repositories without a trailing slash or \".git\", no spaces, main " +
			"hosts rather than mobile ones, and one of twitter.com or x.com throughout. Each fix " +
			"rewrites one URL into one URL that leads to the same page.",
		Before: "- [ripgrep](http://github.com/BurntSushi/ripgrep/) - Fast grep. ([Tweet](https://mobile.twitter.com/b/status/1?utm_source=share))\n",
		After:  "- [ripgrep](https://github.com/BurntSushi/ripgrep) - Fast grep. ([Tweet](https://twitter.com/b/status/1))\n",
		Fix:    FixSafe,
		Options: []OptionDoc{
			{Name: "https-hosts", Type: "list of strings", Default: "[]", Text: "more hosts (with their subdomains) whose http:// links should be https://"},
			{Name: "mobile-hosts", Type: "boolean", Default: "true", Text: "rewrite mobile hosts (m.youtube.com, en.m.wikipedia.org, mobile.twitter.com) to the main ones"},
			{Name: "expand-youtu-be", Type: "boolean", Default: "false", Text: "rewrite youtu.be short links to youtube.com/watch links"},
			{Name: "twitter-host", Type: "string (twitter.com | x.com | consistent | any)", Default: "consistent", Text: "which Twitter host links use; consistent means the one most of the file uses"},
			{Name: "github-readme-anchor", Type: "boolean", Default: "false", Text: "entry links to GitHub repositories end in #readme (listlint init turns it on for a list that already does)"},
		},
	},
	NewOptions: func() any { return &URLStyleOptions{MobileHosts: true, TwitterHost: "consistent"} },
	Check:      checkURLStyle,
})

// httpsHosts serve https; an http:// link to them (or their subdomains) is outdated.
var httpsHosts = wordSet(`
	github.com github.io githubusercontent.com gitlab.com bitbucket.org codeberg.org
	twitter.com x.com youtube.com youtu.be wikipedia.org wikimedia.org arxiv.org reddit.com
	news.ycombinator.com medium.com lobste.rs stackoverflow.com stackexchange.com
	google.com npmjs.com pypi.org crates.io golang.org go.dev mozilla.org
	microsoft.com apple.com amazon.com facebook.com instagram.com linkedin.com twitch.tv
	vimeo.com substack.com dev.to netlify.app vercel.app readthedocs.io
`)

// mobileHosts maps mobile hosts to the main ones.
var mobileHosts = map[string]string{
	"m.youtube.com": "www.youtube.com", "mobile.twitter.com": "twitter.com", "m.twitter.com": "twitter.com",
	"m.facebook.com": "www.facebook.com", "m.reddit.com": "www.reddit.com", "m.imdb.com": "www.imdb.com",
	"m.twitch.tv": "www.twitch.tv", "mobile.x.com": "x.com",
}

// trackingParam reports query parameters that say where a click came from.
func trackingParam(key, host string) bool {
	switch {
	case strings.HasPrefix(key, "utm_"):
		return true
	case key == "fbclid", key == "gclid", key == "igshid", key == "mc_cid", key == "mc_eid", key == "ref_src", key == "ref_url":
		return true
	case key == "ref":
		// On code hosts "ref" names a branch or tag.
		return !codeHost(host)
	}
	return false
}

func codeHost(host string) bool {
	return hostIn(host, "github.com") || hostIn(host, "gitlab.com") || hostIn(host, "bitbucket.org") || hostIn(host, "codeberg.org") || hostIn(host, "sr.ht")
}

// hostIn reports whether host is domain or one of its subdomains.
func hostIn(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

func checkURLStyle(p *Pass) {
	opts := optionsOf[URLStyleOptions](p.Options)
	extra := map[string]bool{}
	for _, h := range opts.HTTPSHosts {
		extra[strings.ToLower(h)] = true
	}
	links := p.Doc.URLs
	twitter, majority := opts.TwitterHost, ""
	if twitter == "consistent" || twitter == "" {
		twitter = ""
	}
	var mainLinks []int // where entries' own URLs start, sorted: only the readme anchor asks
	if opts.GitHubReadmeAnchor {
		mainLinks = make([]int, 0, len(p.Doc.Entries))
		for _, e := range p.Doc.Entries {
			mainLinks = append(mainLinks, e.Link.URL.Start)
		}
		slices.Sort(mainLinks)
	}
	for _, u := range links {
		if b := p.Doc.Src[u.Start:u.End]; keepsURL(b, opts, extra) || !mayChangeBytes(b) {
			continue // canonicalURL would return it as it is
		}
		raw := p.Text(u)
		_, main := slices.BinarySearch(mainLinks, u.Start)
		tw := twitter
		if tw == "" {
			// The file's majority, found once when a URL may be on twitter.com or x.com:
			// canonicalURL reads it only for those.
			if a := authority(p.Doc.Src[u.Start:u.End]); bytes.IndexByte(a, '%') < 0 && !twitterish(a) {
				tw = "any"
			} else {
				if majority == "" {
					majority = majorityTwitterHost(p.Doc, links)
				}
				tw = majority
			}
		}
		fixed, why := canonicalURL(raw, opts, extra, tw, main)
		if fixed == raw || why == "" {
			continue
		}
		p.Report(u.Start, u.End, &Fix{Message: "rewrite the URL", Safe: true, Edits: []Edit{{Start: u.Start, End: u.End, New: fixed}}},
			"%s: %q should be %q", why, raw, fixed)
	}
}

// keepsURL reports, from one look at its bytes, that canonicalURL returns the URL b as it
// is whatever the other links of the file: it has no space or tab, and it is not an http
// link, or it is an http(s) link to a lower-case host name that url-style does not rewrite
// (not mobile, Twitter or youtu.be, and for http, not one that serves https), without
// tracking parameters and, on GitHub, without what a repository link drops. False means
// that it may change.
func keepsURL(b []byte, opts *URLStyleOptions, extra map[string]bool) bool {
	if len(b) < 4 || b[0]|0x20 != 'h' || b[1]|0x20 != 't' || b[2]|0x20 != 't' || b[3]|0x20 != 'p' {
		// Not http(s): only spaces are encoded.
		return bytes.IndexByte(b, ' ') < 0 && bytes.IndexByte(b, '\t') < 0
	}
	var rest []byte
	http := false
	switch {
	case len(b) > 8 && string(b[:8]) == "https://":
		rest = b[8:]
	case len(b) > 7 && string(b[:7]) == "http://":
		rest, http = b[7:], true
	default:
		return false
	}
	i := 0
	for ; i < len(rest); i++ {
		c := rest[i]
		if c == '/' || c == '#' {
			break
		}
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '.' && c != '-' {
			return false // a query, a port, user info, upper case or an unusual byte
		}
	}
	host, path := rest[:i], rest[i:]
	if len(host) == 0 || bytes.IndexByte(path, ' ') >= 0 || bytes.IndexByte(path, '\t') >= 0 {
		return false
	}
	// Mobile hosts all start with "m." or "mobile.", or hold ".m." (en.m.wikipedia.org).
	if bytes.HasPrefix(host, []byte("m.")) || bytes.HasPrefix(host, []byte("mobile.")) || bytes.Contains(host, []byte(".m.")) {
		return false
	}
	bare := bytes.TrimPrefix(host, []byte("www."))
	if http && httpsHost(bare, extra) {
		return false
	}
	q, f := bytes.IndexByte(path, '?'), bytes.IndexByte(path, '#')
	if q >= 0 && (f < 0 || q < f) {
		// A query: splitQuery finds it, and dropTracking must find nothing to drop.
		query := path[q+1:]
		if f >= 0 {
			query = path[q+1 : f]
		}
		for len(query) > 0 {
			kv := query
			if a := bytes.IndexByte(query, '&'); a >= 0 {
				kv, query = query[:a], query[a+1:]
			} else {
				query = nil
			}
			if e := bytes.IndexByte(kv, '='); e >= 0 {
				kv = kv[:e]
			}
			if trackingParam(string(kv), "") { // "ref" counts, whatever the host
				return false
			}
		}
	}
	switch string(bare) {
	case "twitter.com", "x.com", "youtu.be":
		return false
	case "github.com":
		if opts.GitHubReadmeAnchor {
			return false
		}
		if q >= 0 && (f < 0 || q < f) {
			return true // githubRepoPath leaves a path with a query alone
		}
		if f >= 0 {
			path = path[:f]
		}
		// githubRepoPath keeps "/owner/repo" as it is.
		return !bytes.HasSuffix(path, []byte("/")) && !bytes.HasSuffix(path, []byte(".git")) && !bytes.Contains(path, []byte("//"))
	}
	return true
}

// httpsHost reports whether host, or a domain above it, is one whose http:// links should
// be https://.
func httpsHost(host []byte, extra map[string]bool) bool {
	for h := host; len(h) > 0; {
		if httpsHosts[string(h)] || extra[string(h)] {
			return true
		}
		i := bytes.IndexByte(h, '.')
		if i < 0 {
			break
		}
		h = h[i+1:]
	}
	return false
}

// authority is the part of b between its first "://" and the "/", "?" or "#" after it,
// which holds the host that url.Parse finds, if any; nil without "://".
func authority(b []byte) []byte {
	i := bytes.Index(b, []byte("://"))
	if i < 0 {
		return nil
	}
	a := b[i+3:]
	if j := bytes.IndexAny(a, "/?#"); j >= 0 {
		a = a[:j]
	}
	return a
}

func majorityTwitterHost(d *mdsrc.Document, links []mdsrc.Span) string {
	tw, x := 0, 0
	for _, s := range links {
		b := d.Src[s.Start:s.End]
		// hostPath lowercases and unescapes the host: only a URL that holds either name
		// in some case, or a "%", can be on one of them.
		if !bytes.Contains(b, []byte("%")) && !twitterish(b) {
			continue
		}
		h, _ := hostPath(string(b))
		switch h {
		case "twitter.com":
			tw++
		case "x.com":
			x++
		}
	}
	if x > tw {
		return "x.com"
	}
	return "twitter.com"
}

// twitterish reports whether b may hold "twitter.com" or "x.com" in some case: a "." with
// "com" after it and "x" or "twitter" before it.
func twitterish(b []byte) bool {
	for k := 0; ; k++ {
		d := bytes.IndexByte(b[k:], '.')
		if d < 0 {
			return false
		}
		k += d
		if k+4 <= len(b) && foldEq(b[k+1:k+4], "com") && (k >= 1 && b[k-1]|0x20 == 'x' || k >= 7 && foldEq(b[k-7:k], "twitter")) {
			return true
		}
	}
}

// foldEq reports whether b is the lower-case ASCII word in some case.
func foldEq(b []byte, word string) bool {
	for i := range len(word) {
		if b[i]|0x20 != word[i] {
			return false
		}
	}
	return true
}

// mayChange is a cheap test that lets most URLs skip parsing: a URL can only change if it
// uses http, has a query or a space, or names a host that url-style rewrites.
func mayChange(raw string) bool {
	return strings.HasPrefix(raw, "http:") || strings.HasPrefix(raw, "HTTP") || strings.ContainsAny(raw, "? \t") ||
		strings.Contains(raw, "github.com") || strings.Contains(raw, "GITHUB.COM") || strings.Contains(raw, "m.") ||
		strings.Contains(raw, "youtu.be") || strings.Contains(raw, "twitter.com") || strings.Contains(raw, "x.com")
}

// mayChangeBytes is mayChange on the URL's bytes, without making a string of them.
func mayChangeBytes(raw []byte) bool {
	return bytes.HasPrefix(raw, []byte("http:")) || bytes.HasPrefix(raw, []byte("HTTP")) || bytes.ContainsAny(raw, "? \t") ||
		bytes.Contains(raw, []byte("github.com")) || bytes.Contains(raw, []byte("GITHUB.COM")) || bytes.Contains(raw, []byte("m.")) ||
		bytes.Contains(raw, []byte("youtu.be")) || bytes.Contains(raw, []byte("twitter.com")) || bytes.Contains(raw, []byte("x.com"))
}

// canonicalURL rewrites raw into its canonical form and says why, or returns raw.
func canonicalURL(raw string, opts *URLStyleOptions, extra map[string]bool, twitter string, mainLink bool) (string, string) {
	if !mayChange(raw) {
		return raw, ""
	}
	var why []string
	out := raw
	if strings.ContainsAny(out, " \t") {
		out = strings.NewReplacer(" ", "%20", "\t", "%09").Replace(out)
		why = append(why, "spaces in a URL must be encoded")
	}
	u, err := parseURL(out)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") || u.User != nil {
		return out, strings.Join(why, "; ")
	}
	host := strings.ToLower(u.Host)
	bare := strings.TrimPrefix(host, "www.")
	prefix := u.Scheme + "://" + u.Host // as written
	rest := out[len(prefix):]           // path, query and fragment as written

	if opts.MobileHosts {
		if main, ok := mobileHosts[host]; ok {
			host, bare = main, strings.TrimPrefix(main, "www.")
			why = append(why, "use the main host, not the mobile one")
		} else if i := strings.Index(host, ".m.wikipedia.org"); i > 0 {
			host = host[:i] + ".wikipedia.org"
			bare = host
			why = append(why, "use the main host, not the mobile one")
		}
	}
	if (bare == "twitter.com" || bare == "x.com") && twitter != "any" && bare != twitter {
		host, bare = twitter, twitter
		why = append(why, "use "+twitter+" as the rest of the file does")
	}
	scheme := u.Scheme
	if scheme == "http" && httpsHost([]byte(bare), extra) {
		scheme = "https"
		why = append(why, "use https")
	}
	if opts.ExpandYoutuBe && bare == "youtu.be" && len(u.Path) > 1 {
		q := "v=" + strings.TrimPrefix(u.Path, "/")
		if u.RawQuery != "" {
			q += "&" + u.RawQuery
		}
		rest = "/watch?" + q
		if u.Fragment != "" {
			rest += "#" + u.EscapedFragment()
		}
		scheme, host, bare = "https", "www.youtube.com", "youtube.com"
		why = append(why, "use the full YouTube link")
	}
	if q, frag, ok := splitQuery(rest); ok {
		if kept, removed := dropTracking(q, bare); removed {
			rest = rest[:strings.IndexByte(rest, '?')]
			if kept != "" {
				rest += "?" + kept
			}
			rest += frag
			why = append(why, "remove tracking parameters")
		}
	}
	if bare == "github.com" {
		if r, ok := githubRepoPath(rest); ok {
			if r != rest {
				rest = r
				why = append(why, "GitHub repository links end without \"/\" or \".git\"")
			}
			if opts.GitHubReadmeAnchor && mainLink && !strings.Contains(rest, "#") {
				rest += "#readme"
				why = append(why, "GitHub repository links end in #readme")
			}
		}
	}
	if len(why) == 0 {
		return raw, ""
	}
	if host == strings.ToLower(u.Host) {
		host = u.Host // keep the case as written when the host did not change
	}
	return scheme + "://" + host + rest, strings.Join(why, "; ")
}

// splitQuery splits the query and fragment off a path as written.
func splitQuery(rest string) (query, frag string, ok bool) {
	q := strings.IndexByte(rest, '?')
	if q < 0 {
		return "", "", false
	}
	f := strings.IndexByte(rest, '#')
	if f >= 0 && f < q {
		return "", "", false
	}
	if f < 0 {
		return rest[q+1:], "", true
	}
	return rest[q+1 : f], rest[f:], true
}

func dropTracking(query, host string) (string, bool) {
	var kept []string
	removed := false
	for _, kv := range strings.Split(query, "&") {
		k := kv
		if i := strings.IndexByte(kv, '='); i >= 0 {
			k = kv[:i]
		}
		if trackingParam(k, host) {
			removed = true
			continue
		}
		kept = append(kept, kv)
	}
	return strings.Join(kept, "&"), removed
}

// githubRepoPath returns the canonical form of a path that names a repository
// ("/owner/repo", perhaps with "/" or ".git" after it, and a fragment).
func githubRepoPath(rest string) (string, bool) {
	path, frag := rest, ""
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		if rest[i] == '?' {
			return rest, false
		}
		path, frag = rest[:i], rest[i:]
	}
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" || strings.Count(path, "/") > 3 {
		return rest, false
	}
	switch parts[0] {
	case "orgs", "topics", "sponsors", "settings", "marketplace", "collections", "features", "about", "search":
		return rest, false
	}
	return "/" + parts[0] + "/" + strings.TrimSuffix(parts[1], ".git") + frag, true
}
