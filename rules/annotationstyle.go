package rules

import (
	"regexp"
	"strings"

	"github.com/listlint/listlint/mdsrc"
)

// AnnotationStyleOptions tunes annotation-style.
type AnnotationStyleOptions struct {
	// Groups is "separate" ("([A](a)) ([B](b))"), "combined" ("([A](a), [B](b))") or
	// "consistent" (whichever the file uses most).
	Groups string `yaml:"groups"`
}

// AnnotationStyle checks the trailing "([Label](url))" links of entries.
var AnnotationStyle = register(&Rule{
	ID:      "annotation-style",
	Default: Warning,
	Doc: Doc{
		Title: "Annotations are written \"([Label](url))\", one space apart, with labels that fit their links",
		Why: "Annotations point to the discussion or the code behind an entry: \"([HN](...))\", " +
			"\"([Code](...))\". Labels are free text and never reported for being unknown, but the " +
			"well-known ones are spelled one way (HN, GitHub, Lobsters, Tweet) and must fit their " +
			"link: an \"HN\" label on a link that is not Hacker News is a copy-paste mistake. " +
			"Annotations stand one space apart, after the description, grouped one way per file.",
		Before: "- [Tokio](https://tokio.rs) - Async runtime.  ([hacker news](https://news.ycombinator.com/item?id=1))([Tweet](https://twitter.com/tokio_rs))\n",
		After:  "- [Tokio](https://tokio.rs) - Async runtime. ([HN](https://news.ycombinator.com/item?id=1)) ([Twitter](https://twitter.com/tokio_rs))\n",
		Fix:    FixSafe,
		FixNote: "canonical label spellings, Tweet/Twitter on Twitter links, spacing and grouping; " +
			"none for a label that does not fit its link",
		Options: []OptionDoc{
			{Name: "groups", Type: "string (separate | combined | consistent)", Default: "consistent", Text: "how several annotations are grouped: each in its own parentheses, all in one, or as most of the file does"},
		},
	},
	NewOptions: func() any { return &AnnotationStyleOptions{Groups: "consistent"} },
	Check:      checkAnnotationStyle,
})

// labelAliases maps spellings of well-known labels (lower case) to the canonical label.
var labelAliases = map[string]string{
	"hn": "HN", "hacker news": "HN", "hackernews": "HN", "ycombinator": "HN",
	"github": "GitHub", "lobste.rs": "Lobsters", "lobsters": "Lobsters", "lobster": "Lobsters",
	"tweet": "Tweet", "twitter": "Twitter", "reddit": "Reddit", "gitlab": "GitLab",
	"youtube": "YouTube",
}

// splitLabelNumber splits a label into its text and a trailing number with the spaces
// before it ("HN 2": "HN", " 2"), as the regular expression `(?s)^(.*?)(\s+\d+)?$` would.
func splitLabelNumber(label string) (base, num string) {
	j := len(label)
	for j > 0 && label[j-1] >= '0' && label[j-1] <= '9' {
		j--
	}
	if j == len(label) || j == 0 || !reSpace(label[j-1]) {
		return label, ""
	}
	for j > 0 && reSpace(label[j-1]) {
		j--
	}
	return label[:j], label[j:]
}

// reSpace is the regular expressions' \s.
func reSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// knownLabel looks a label up in labelAliases, case-insensitively.
func knownLabel(base string) (string, bool) {
	if len(base) > 11 { // the longest alias
		return "", false
	}
	var buf [11]byte
	for i := 0; i < len(base); i++ {
		c := base[i]
		if c >= 0x80 {
			canon, ok := labelAliases[strings.ToLower(base)]
			return canon, ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	canon, ok := labelAliases[string(buf[:len(base)])]
	return canon, ok
}

func checkAnnotationStyle(p *Pass) {
	opts := optionsOf[AnnotationStyleOptions](p.Options)
	groups, why := opts.Groups, "as the groups option says"
	if groups == "consistent" || groups == "" {
		groups, why = majorityGrouping(p.Doc), "as in most of the file"
	}
	src := p.Doc.Src
	for _, e := range p.Doc.Entries {
		if len(e.Annotations) == 0 {
			continue
		}
		// Spacing: one space before the first annotation and between annotations.
		prev := e.Link.Span.End
		if e.YearAfter.Valid() {
			prev = e.YearAfter.End
		}
		if e.Desc.Len() > 0 {
			prev = e.Desc.End
		} else if e.Sep.Valid() {
			prev = e.Sep.Start
		}
		for _, a := range e.Annotations {
			if gap := string(src[prev:a.Span.Start]); gap != " " && !strings.Contains(gap, "\n") {
				p.Report(prev, a.Span.Start+1, &Fix{Message: "put one space before the annotation", Safe: true, Edits: []Edit{{Start: prev, End: a.Span.Start, New: " "}}},
					"annotations are separated by one space, found %q", gap)
			}
			prev = a.Span.End
		}
		for _, a := range e.Annotations {
			for _, l := range a.Links {
				checkLabel(p, l)
			}
		}
		checkGrouping(p, e, groups, why)
	}
}

// checkLabel canonicalises a well-known label and checks that it fits its link.
func checkLabel(p *Pass, l mdsrc.Link) {
	label := p.Text(l.Label)
	base, num := splitLabelNumber(label)
	canon, known := knownLabel(base)
	if !known {
		return
	}
	host, path := hostPath(l.Dest)
	twitterHost := host == "twitter.com" || host == "x.com" || host == "mobile.twitter.com"
	if canon == "Tweet" || canon == "Twitter" {
		// On Twitter, the link decides: a status is a Tweet, anything else is Twitter.
		if twitterHost {
			if isStatus(path) {
				canon = "Tweet"
			} else {
				canon = "Twitter"
			}
		}
	}
	if want := canon + num; want != label {
		p.Report(l.Label.Start, l.Label.End, &Fix{Message: "write the label " + want, Safe: true, Edits: []Edit{{Start: l.Label.Start, End: l.Label.End, New: want}}},
			"annotation label %q should be written %q", label, want)
		return
	}
	if fits, want := labelFits(canon, host, path, twitterHost); !fits {
		p.Report(l.Span.Start, l.Span.End, nil, "annotation %q links to %s, not %s", label, hostOrURL(host, l.Dest), want)
	}
}

func labelFits(label, host, path string, twitterHost bool) (bool, string) {
	switch label {
	case "HN":
		return host == "news.ycombinator.com" || host == "hn.algolia.com", "news.ycombinator.com"
	case "Lobsters":
		return host == "lobste.rs", "lobste.rs"
	case "Reddit":
		return host == "reddit.com" || strings.HasSuffix(host, ".reddit.com") || host == "redd.it", "reddit.com"
	case "Tweet":
		// A status elsewhere in the fediverse ("/@user/123") is a tweet in all but name.
		return twitterHost && isStatus(path) || mastodonStatus.MatchString(path), "a twitter.com or x.com status"
	case "Twitter":
		return twitterHost, "twitter.com or x.com"
	}
	return true, ""
}

var mastodonStatus = regexp.MustCompile(`^/(@[^/]+|web/statuses)/\d+`)

func isStatus(path string) bool { return strings.Contains(path, "/status/") }

func hostPath(raw string) (string, string) {
	if u, ok := quickSplit(raw); ok {
		// Hostname is the host itself: quickSplit takes no port and no IPv6 address.
		return strings.TrimPrefix(strings.ToLower(u.host), "www."), u.path
	}
	u, err := parseURL(strings.TrimSpace(raw))
	if err != nil {
		return "", ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), u.Path
}

func hostOrURL(host, raw string) string {
	if host == "" {
		return raw
	}
	return host
}

// majorityGrouping is how most of the file's multi-link annotations are grouped.
func majorityGrouping(d *mdsrc.Document) string {
	separate, combined := 0, 0
	for _, e := range d.Entries {
		for _, a := range e.Annotations {
			if len(a.Links) > 1 {
				combined++
			}
		}
		if len(e.Annotations) > 1 {
			separate++
		}
	}
	if combined > separate {
		return "combined"
	}
	return "separate"
}

// checkGrouping regroups an entry's annotations the way the file (or the option) wants.
func checkGrouping(p *Pass, e *mdsrc.Entry, groups, why string) {
	var links []mdsrc.Link
	for _, a := range e.Annotations {
		links = append(links, a.Links...)
	}
	if len(links) < 2 {
		return
	}
	first, last := e.Annotations[0].Span, e.Annotations[len(e.Annotations)-1].Span
	var sep, what string
	switch groups {
	case "combined":
		if len(e.Annotations) == 1 {
			return
		}
		sep, what = ", ", "in one pair of parentheses"
	default:
		if len(e.Annotations) == len(links) {
			return
		}
		sep, what = ") (", "each in its own parentheses"
	}
	// The text between the links is rewritten and the links are left alone, so that a fix
	// inside a link (url-style's) applies in the same pass.
	var edits []Edit
	gap := func(start, end int, want string) {
		if p.Text(mdsrc.Span{Start: start, End: end}) != want {
			edits = append(edits, Edit{Start: start, End: end, New: want})
		}
	}
	gap(first.Start, links[0].Span.Start, "(")
	for i := 1; i < len(links); i++ {
		gap(links[i-1].Span.End, links[i].Span.Start, sep)
	}
	gap(links[len(links)-1].Span.End, last.End, ")")
	p.Report(first.Start, last.End, &Fix{Message: "group the annotations " + what, Safe: true, Edits: edits},
		"annotations should be written %s, %s", what, why)
}
