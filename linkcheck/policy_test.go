package linkcheck

import (
	"context"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestPrivateHost(t *testing.T) {
	resolve := func(_ context.Context, host string) ([]netip.Addr, error) {
		switch host {
		case "intranet.example":
			return []netip.Addr{netip.MustParseAddr("10.1.2.3"), netip.MustParseAddr("fe80::1")}, nil
		case "mixed.example":
			return []netip.Addr{netip.MustParseAddr("10.1.2.3"), netip.MustParseAddr("93.184.216.34")}, nil
		}
		return nil, errors.New("no such host")
	}
	for host, want := range map[string]bool{
		"127.0.0.1": true, "::1": true, "localhost": true, "a.localhost": true, "192.168.1.1": true,
		"169.254.169.254": true, "0.0.0.0": true, "intranet.example": true,
		"8.8.8.8": false, "mixed.example": false, "nowhere.example": false,
	} {
		if got := isPrivateHost(context.Background(), resolve, host); got != want {
			t.Errorf("isPrivateHost(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestBlockedStatus(t *testing.T) {
	for _, tc := range []struct {
		host string
		code int
		want bool
	}{
		{"example.com", 429, true}, {"example.com", 403, false}, {"twitter.com", 403, true},
		{"www.reddit.com", 403, true}, {"x.com", 404, false}, {"notx.com", 403, false},
		{"www.linkedin.com", 999, true},
	} {
		if got := blockedStatus(tc.host, tc.code); got != tc.want {
			t.Errorf("blockedStatus(%s, %d) = %v", tc.host, tc.code, got)
		}
	}
}

func TestCacheCorruptAndMerge(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.json")
	if err := os.WriteFile(path, []byte(`{"version":1,"entries":{"https://a`), 0o644); err != nil {
		t.Fatal(err)
	}
	c, warn := LoadCache(path)
	if warn == nil || !strings.Contains(warn.Error(), "ignored") || c.Len() != 0 {
		t.Fatalf("truncated cache: warn %v, %d entries", warn, c.Len())
	}
	now := time.Now()
	c.Put(Result{URL: "https://a.example", Status: OK, Code: 200, Checked: now})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	// Another run saved meanwhile: both entries survive; a failure drops the entry.
	other := NewCache(path)
	other.Put(Result{URL: "https://b.example", Status: Moved, Moved: "https://c.example", Checked: now})
	other.Put(Result{URL: "https://a.example", Status: Broken, Checked: now})
	if err := other.Save(); err != nil {
		t.Fatal(err)
	}
	c, warn = LoadCache(path)
	if warn != nil {
		t.Fatal(warn)
	}
	if _, ok := c.Get("https://a.example", time.Time{}); ok {
		t.Error("a failure left the good entry in the cache")
	}
	r, ok := c.Get("https://b.example", time.Time{})
	if !ok || r.Status != Moved || r.Moved != "https://c.example" || !r.Cached {
		t.Errorf("moved entry: %+v %v", r, ok)
	}
	if _, ok := c.Get("https://b.example", now.Add(time.Minute)); ok {
		t.Error("an entry older than max-age was reused")
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestInterleaveHosts(t *testing.T) {
	got := strings.Join(interleaveHosts([]string{"http://a/1", "http://a/2", "http://a/3", "http://b/1", "http://c/1", "http://b/2"}), " ")
	if want := "http://a/1 http://b/1 http://c/1 http://a/2 http://b/2 http://a/3"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
