package rules

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
