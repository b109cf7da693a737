package rules

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/listlint/listlint/mdsrc"
)

// TestQuickURL checks parseURL's fast path against url.Parse on hand-picked URLs and on
// every URL-like string of the corpus, when it is there.
func TestQuickURL(t *testing.T) {
	raws := []string{
		"https://github.com/a/b", "http://Example.COM/x/?utm_source=1&b=2#frag", "https://x.com",
		"https://a.b/c#d?e", "https://a.b/c?d?e#f#g", "https://a.b:80/x", "https://u@a.b/",
		"https://a.b/%41", "https://a.b/a!b", "https://a.b/(x)", "HTTP://a.b/", "https://", "https:///x",
		"https://a.b?q", "https://a.b#", "https://a.b/?", "https://a.b/ x", "https://[::1]/",
		"https://a.b/#a!b", "https://a.b/p;q=1/r@s", "https://a_b.c/",
	}
	if srcs, _ := filepath.Glob("../../shared/corpus/*/*.md"); len(srcs) > 0 {
		re := regexp.MustCompile(`https?://[^\s)\]>"'<]+`)
		for _, p := range srcs {
			src, _ := os.ReadFile(p)
			raws = append(raws, re.FindAllString(string(src), -1)...)
		}
	}
	fast := 0
	for _, raw := range raws {
		got, ok := quickURL(raw)
		if !ok {
			continue
		}
		fast++
		if h, p := hostPath(raw); h != strings.TrimPrefix(strings.ToLower(got.Hostname()), "www.") || p != got.Path {
			t.Errorf("hostPath(%q) = %q, %q", raw, h, p)
		}
		want, err := url.Parse(raw)
		if err != nil {
			t.Errorf("%q: url.Parse fails (%v), fast path accepts it", raw, err)
			continue
		}
		if *got != *want || got.EscapedPath() != want.EscapedPath() || got.EscapedFragment() != want.EscapedFragment() ||
			got.Hostname() != want.Hostname() || got.Port() != want.Port() || got.String() != want.String() {
			t.Errorf("%q: fast path %#v, url.Parse %#v", raw, got, want)
		}
	}
	if fast == 0 || !strings.Contains(raws[0], "github") {
		t.Error("the fast path took nothing")
	}
}

func TestTwitterish(t *testing.T) {
	for _, s := range []string{"https://twitter.com/a", "https://X.COM", "http://mobile.Twitter.Com/x", "x.com", "https://a.b/twitter.com"} {
		if !twitterish([]byte(s)) {
			t.Errorf("twitterish(%q) = false", s)
		}
	}
	for _, s := range []string{"https://github.com/a", "https://example.org/x.co", "", "."} {
		if twitterish([]byte(s)) {
			t.Errorf("twitterish(%q) = true", s)
		}
	}
}

func TestHasFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b c d e f g h", " a\tb\u00a0c  d e f g h. ", "a b c d e f g", "α β γ δ ε ζ η θ ι"} {
		for n := 1; n <= 10; n++ {
			if got, want := hasFields(s, n), len(strings.Fields(s)) >= n; got != want {
				t.Errorf("hasFields(%q, %d) = %v", s, n, got)
			}
		}
	}
}

func TestMayChangeBytes(t *testing.T) {
	for _, s := range []string{"", "http://a", "HTTPS://a", "https://a?b", "https://a b", "https://a\tb", "https://github.com/a", "https://GITHUB.COM",
		"https://m.youtube.com", "https://youtu.be/x", "https://twitter.com", "https://x.com", "https://example.org/a", "https://Example.org"} {
		if mayChangeBytes([]byte(s)) != mayChange(s) {
			t.Errorf("mayChangeBytes(%q) != mayChange", s)
		}
	}
}

// TestKeepsURL checks url-style's shortcut against canonicalURL: a URL that keepsURL passes
// is never rewritten, whatever the options and the file's Twitter host.
func TestKeepsURL(t *testing.T) {
	raws := []string{
		"https://github.com/a/b", "https://github.com/a/b/", "https://github.com/a/b.git", "https://github.com//a/b",
		"https://github.com/a/b#readme", "https://github.com/a/b/#x", "https://www.github.com/a/b/", "https://github.com/a",
		"https://github.com/a/b/c/", "https://github.com/orgs/x/", "http://example.com/", "HTTP://github.com/a", "Https://github.com/a/",
		"https://m.youtube.com/watch?v=1", "https://mobile.twitter.com/a", "https://en.m.wikipedia.org/wiki/X", "https://twitter.com/a",
		"https://x.com/a", "https://www.x.com/a", "https://youtu.be/abc", "https://example.com/a?utm_source=x", "https://example.com/a#b?utm_source=x",
		"https://example.com/a b", "./a b", "#a", "mailto:a@b.c", "ftp://a.b/ c", "https://", "https:///a", "https://a.b:8080/", "https://u@github.com/a/b/",
		"https://Example.com/", "https://example.com/%zz", "http://example.com/a?b=1", "http://sub.github.io/x", "http://example.org/",
		"https://a.b/?ref=x", "https://github.com/a/b?ref=x", "https://github.com/a/b/?x=1", "https://a.b/?x=1&utm_medium=2#f", "https://a.b/#x?utm_source=1",
		"https://a.b/?fbclid", "https://a.b/?&&", "https://github.com/a/b/#x?y", "http://www.github.com/a", "https://a.b?c", "https://example.com\\x/", "//github.com/a/b/", "https://m.example.com/", "https://example.m.com/",
	}
	if srcs, _ := filepath.Glob("../../shared/corpus/*/*.md"); len(srcs) > 0 {
		re := regexp.MustCompile(`https?://[^\s)\]>"'<]+`)
		for _, p := range srcs {
			src, _ := os.ReadFile(p)
			raws = append(raws, re.FindAllString(string(src), -1)...)
		}
	}
	optss := []*URLStyleOptions{
		{MobileHosts: true, TwitterHost: "consistent"},
		{MobileHosts: true, ExpandYoutuBe: true, GitHubReadmeAnchor: true},
		{HTTPSHosts: []string{"example.com"}},
	}
	kept := 0
	for _, raw := range raws {
		for _, opts := range optss {
			extra := map[string]bool{}
			for _, h := range opts.HTTPSHosts {
				extra[h] = true
			}
			if !keepsURL([]byte(raw), opts, extra) {
				continue
			}
			kept++
			for _, tw := range []string{"twitter.com", "x.com", "any"} {
				for _, main := range []bool{false, true} {
					if fixed, why := canonicalURL(raw, opts, extra, tw, main); fixed != raw && why != "" {
						t.Errorf("keepsURL(%q) with %+v, but canonicalURL makes it %q (%s)", raw, opts, fixed, why)
					}
				}
			}
		}
	}
	if kept == 0 {
		t.Error("keepsURL kept nothing")
	}
}

// TestNormalizeQuick checks NormalizeURL's fast path against the general one.
func TestNormalizeQuick(t *testing.T) {
	raws := []string{
		"https://github.com/A/B", "https://www.GitHub.com/Owner/Repo.git/", "https://github.com", "https://github.com/",
		"https://github.com/a/b/C.GIT", "https://github.com/A/B.GIT", "https://github.com//a", "http://Example.COM/x/?utm_source=1&b=2#frag",
		"https://a.b/index.html", "https://a.b/x/index.htm", "https://a.b/?a=1&&b=2&ref=x", "https://github.com/a/b?ref=main",
		"https://a.b#", "https://a.b/#x?y", "https://a.b?q", "https://a.b/?", "https://WWW.a.b/", "https://www.", "https://a.b/c?utm_x=1#f",
		"https://a.b/c?fbclid=1", "https://a.b:80/", "https://a.b/ x", " https://a.b/", "https://a.b/%41", "https://wwwa.b/",
	}
	if srcs, _ := filepath.Glob("../../shared/corpus/*/*.md"); len(srcs) > 0 {
		re := regexp.MustCompile(`https?://[^\s)\]>"'<]+`)
		for _, p := range srcs {
			src, _ := os.ReadFile(p)
			raws = append(raws, re.FindAllString(string(src), -1)...)
		}
	}
	fast := 0
	for _, raw := range raws {
		for _, r := range []string{raw, raw + "/", strings.ToUpper(raw), raw + "?utm_source=a&x=1", raw + "/index.html#top"} {
			got, ok := normalizeQuick(r)
			if !ok {
				continue
			}
			fast++
			if want := normalizeURL(r); got != want {
				t.Errorf("normalizeQuick(%q) = %q, normalizeURL %q", r, got, want)
			}
		}
	}
	if fast == 0 {
		t.Error("the fast path took nothing")
	}
}

func TestSplitLabelNumber(t *testing.T) {
	re := regexp.MustCompile(`(?s)^(.*?)(\s+\d+)?$`)
	for _, s := range []string{"", "HN", "HN 2", "HN  12", "HN\t3", "2", " 2", "HN2", "a 1 2", "a \n 3", "Tweet 1x", "x ", "ü 4", "HACKER NEWS", "Hacker\u212Anews"} {
		m := re.FindStringSubmatch(s)
		if b, n := splitLabelNumber(s); b != m[1] || n != m[2] {
			t.Errorf("splitLabelNumber(%q) = %q, %q; want %q, %q", s, b, n, m[1], m[2])
		}
		c, ok := knownLabel(s)
		wc, wok := labelAliases[strings.ToLower(s)]
		if c != wc || ok != wok {
			t.Errorf("knownLabel(%q) = %q, %v", s, c, ok)
		}
	}
}

func TestIsQuote(t *testing.T) {
	old := func(title string) bool {
		t := strings.TrimRight(title, "\"'”’*_ ")
		if t == "" || !strings.ContainsAny(t[len(t)-1:], ".!?") {
			return false
		}
		return hasFields(t, 8)
	}
	for _, s := range []string{"", "a", "one two three four five six seven eight.", "one two three four five six seven eight.”’ *_'\"",
		"“one two three four five six seven eight?”", "one two three four five six seven.", "a b c d e f g h ”", "a b c d e f g h!’", "’", "”.", "a b c d e f g h.\u201e"} {
		if isQuote(s) != old(s) {
			t.Errorf("isQuote(%q) = %v", s, isQuote(s))
		}
	}
}

// TestDuplicateHashCollision checks duplicate-url's project pass when two keys share a hash.
func TestDuplicateHashCollision(t *testing.T) {
	src := []byte("0123456789")
	fact := func(key string, start int) urlFact {
		return urlFact{URL: key, Key: key, Hash: 42, Start: start, End: start + 1, Title: mdsrc.Span{Start: 0, End: 1}, ItemStart: -1}
	}
	fu := &fileURLs{src: src, str: string(src), lines: mdsrc.NewLineIndex(src), facts: []urlFact{fact("a", 0), fact("b", 1), fact("a", 2), fact("b", 3), fact("c", 4)}}
	var got []int
	NewProjectPass(DuplicateURL, []FileFacts{{Path: "f.md", Facts: fu}}, nil, Error, func(_ string, d Diagnostic) {
		got = append(got, d.Start)
	}).Run()
	if fmt.Sprint(got) != "[2 3]" {
		t.Errorf("duplicates at %v, want [2 3]", got)
	}
}

// TestTwitterIrrelevant checks url-style's shortcut: a URL whose authority neither holds a
// "%" nor may name twitter.com or x.com is rewritten the same whatever the file's majority.
func TestTwitterIrrelevant(t *testing.T) {
	opts := &URLStyleOptions{MobileHosts: true, TwitterHost: "consistent"}
	for _, raw := range []string{
		"http://twitter.com/a", "https://mobile.twitter.com/a/", "http://x.com/b?utm_source=1", "http://example.com/twitter.com",
		"http://a b/x.com", "http://twitter%2Ecom/a", "https://www.x.com/a/", "http://user@twitter.com/", "http://twitter.com:80/",
		"HTTP://TWITTER.COM/a", "a:b://twitter.com", "http://m.x.com/", "https://github.com/a/b/?x=twitter.com", "http://t.co/x",
	} {
		if a := authority([]byte(raw)); bytes.IndexByte(a, '%') >= 0 || twitterish(a) {
			continue
		}
		for _, main := range []bool{false, true} {
			f1, w1 := canonicalURL(raw, opts, nil, "any", main)
			for _, tw := range []string{"twitter.com", "x.com"} {
				if f2, w2 := canonicalURL(raw, opts, nil, tw, main); f1 != f2 || w1 != w2 {
					t.Errorf("%q: %q (%s) with any, %q (%s) with %s", raw, f1, w1, f2, w2, tw)
				}
			}
		}
	}
}

// FuzzNormalizeQuick: wherever the fast path takes a URL, it gives normalizeURL's key.
func FuzzNormalizeQuick(f *testing.F) {
	for _, s := range []string{"https://GitHub.com/A/B/?utm_source=x#f", "http://www.example.com/index.html?b=1&a=2", "https://a.example?", "https://a_b.example/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if got, ok := normalizeQuick(raw); ok {
			if want := normalizeURL(raw); got != want {
				t.Fatalf("normalizeQuick(%q) = %q, normalizeURL %q", raw, got, want)
			}
		}
	})
}
