package fixer

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

var urlPattern = regexp.MustCompile(`[a-z]+://[^\s()<>\[\]]+`)

// urls lists the URLs in b, with the trailing punctuation that GFM leaves out of an
// autolink trimmed, each in a form where url-style's rewrites (https, tracking parameters,
// trailing slashes, mobile and Twitter hosts) compare equal: fixes may rewrite one URL into
// one URL for the same page, never drop or add one.
func urls(b []byte) []string {
	var u []string
	for _, m := range urlPattern.FindAllString(string(b), -1) {
		m = strings.TrimRight(m, ".!?,:*_~'\"")
		if _, rest, _ := strings.Cut(m, "://"); rest == "" {
			// "a://" followed by a period a fix added: no URL, before or after.
			continue
		}
		u = append(u, samePage.Replace(rules.NormalizeURL(m)))
	}
	slices.Sort(u)
	return u
}

// urlDiff compares the URLs of a file before and after its fixes: lost are URLs that are
// gone, added are new ones other than the awesome badge's (the one safe fix that adds a
// URL is the badge insertion awesome-badge makes).
func urlDiff(before, after []byte) (lost, added []string) {
	count := map[string]int{}
	for _, u := range urls(before) {
		count[u]++
	}
	for _, u := range urls(after) {
		if count[u] > 0 {
			count[u]--
			continue
		}
		if !strings.HasPrefix(u, "//awesome.re") {
			added = append(added, u)
		}
	}
	for u, n := range count {
		for range n {
			lost = append(lost, u)
		}
	}
	return lost, added
}

var samePage = strings.NewReplacer("//m.youtube.com", "//youtube.com", "//mobile.twitter.com", "//twitter.com",
	"//m.twitter.com", "//twitter.com", "//x.com", "//twitter.com", ".m.wikipedia.org", ".wikipedia.org",
	"//m.facebook.com", "//facebook.com", "//m.reddit.com", "//reddit.com")

// FuzzFixAll checks the promises of --fix on arbitrary input with every rule on: safe
// fixes keep every URL, and fixing the fixed text changes nothing.
func FuzzFixAll(f *testing.F) {
	for _, s := range []string{
		"# T\n\n- [B, 2020](https://b.com) – desc\n- [A](https://a.com) (2019): x ([HN](https://news.ycombinator.com/item?id=1))\n",
		"- [Z](https://z.com/) - Z..\n  - [Y](https://y.com) - y!!\n- [Z](https://www.z.com) - Z.\n",
		"> - [Q(2020)](q) - the thing\r\n> - [P](p) - Done.\r\n",
		// A broken link repaired and a separator and a period added: "a://." is no URL.
		"* 0](http://0):](a://",
	} {
		f.Add([]byte(s))
	}
	cfg := engine.DefaultConfig()
	cfg.Now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for id, rc := range cfg.Rules {
		if rc.Severity == rules.Off && !strings.HasPrefix(id, "test-") {
			rc.Severity = rules.Error
			cfg.Rules[id] = rc
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		in := []engine.File{{Path: "f.md", Src: src}}
		once := FixAll(in, cfg, false)
		if once.Results[0].Err != nil {
			return
		}
		got := once.Files[0].Src
		if lost, added := urlDiff(src, got); len(lost) > 0 || len(added) > 0 {
			t.Fatalf("URLs lost %q or added %q:\nbefore %q\nafter  %q", lost, added, src, got)
		}
		if len(once.Problems) > 0 {
			return // reported to the user as not converging; idempotence cannot hold
		}
		twice := FixAll(once.Files, cfg, false)
		if string(twice.Files[0].Src) != string(got) {
			t.Fatalf("fixing twice differs:\nonce  %q\ntwice %q", got, twice.Files[0].Src)
		}
	})
}
