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
	u := urlPattern.FindAllString(string(b), -1)
	for i := range u {
		k := rules.NormalizeURL(strings.TrimRight(u[i], ".!?,:*_~'\""))
		u[i] = samePage.Replace(k)
	}
	slices.Sort(u)
	return u
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
		if !slices.Equal(urls(src), urls(got)) {
			t.Fatalf("URLs changed:\nbefore %q\nafter  %q", src, got)
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
