package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeSleep records the waits and returns at once.
type fakeSleep struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (f *fakeSleep) sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	f.waits = append(f.waits, d)
	f.mu.Unlock()
	return ctx.Err()
}

func testOptions(fs *fakeSleep) Options {
	return Options{AllowPrivate: true, Sleep: fs.sleep, Timeout: 2 * time.Second, Retries: 2}
}

func check(t *testing.T, opts Options, u string) Result {
	t.Helper()
	res := New(opts).Check(context.Background(), []string{u})
	r, ok := res[u]
	if !ok {
		t.Fatalf("no result for %s", u)
	}
	return r
}

func TestStatuses(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/404", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(404) })
	mux.HandleFunc("/410", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(410) })
	mux.HandleFunc("/418", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(418) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	fs := &fakeSleep{}
	for _, tc := range []struct {
		path string
		want Status
		code int
	}{{"/ok", OK, 200}, {"/404", Broken, 404}, {"/410", Broken, 410}, {"/418", Broken, 418}} {
		r := check(t, testOptions(fs), srv.URL+tc.path)
		if r.Status != tc.want || r.Code != tc.code {
			t.Errorf("%s: %v %d (%s), want %v %d", tc.path, r.Status, r.Code, r.Reason, tc.want, tc.code)
		}
	}
	// --accept makes a status fine; 4xx are not retried.
	opts := testOptions(fs)
	opts.Accept = []int{418}
	if r := check(t, opts, srv.URL+"/418"); r.Status != OK || r.Attempts != 1 {
		t.Errorf("accepted 418: %+v", r)
	}
	if len(fs.waits) != 0 {
		t.Errorf("no status here is retried, but waits %v", fs.waits)
	}
}

func TestRetry5xxThenOK(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.WriteHeader(500)
		}
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	r := check(t, testOptions(fs), srv.URL)
	if r.Status != OK || r.Attempts != 2 || len(fs.waits) != 1 {
		t.Fatalf("got %+v, waits %v", r, fs.waits)
	}
	if w := fs.waits[0]; w < 250*time.Millisecond || w > 750*time.Millisecond {
		t.Errorf("first backoff %v, want 500ms ± half", w)
	}
	// Always 503: retried Retries times, then broken, with growing waits.
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }))
	defer srv2.Close()
	fs2 := &fakeSleep{}
	opts := testOptions(fs2)
	opts.Retries = 3
	opts.Backoff = time.Second
	r = check(t, opts, srv2.URL)
	if r.Status != Broken || r.Code != 503 || r.Attempts != 4 || len(fs2.waits) != 3 {
		t.Fatalf("got %+v, waits %v", r, fs2.waits)
	}
	if fs2.waits[2] < 2*time.Second {
		t.Errorf("backoff does not grow: %v", fs2.waits)
	}
}

func TestRetryAfter(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(429)
		case 2:
			w.Header().Set("Retry-After", time.Now().Add(20*time.Second).UTC().Format(http.TimeFormat))
			w.WriteHeader(429)
		}
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	c := New(testOptions(fs))
	r := c.Check(context.Background(), []string{srv.URL})[srv.URL]
	if r.Status != OK || r.Attempts != 3 {
		t.Fatalf("got %+v", r)
	}
	if len(fs.waits) < 2 || fs.waits[0] != 7*time.Second || fs.waits[1] < 18*time.Second || fs.waits[1] > 21*time.Second {
		t.Errorf("waits %v, want 7s then about 20s (and the 429 pacing)", fs.waits)
	}
	h := c.host(srv.Listener.Addr().String())
	if !h.slow || h.delay < 7*time.Second {
		t.Errorf("host not slowed down after 429: slow=%v delay=%v", h.slow, h.delay)
	}

	// A Retry-After beyond the cap is not waited for; an endless 429 is Blocked.
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(429)
	}))
	defer srv2.Close()
	fs2 := &fakeSleep{}
	r = check(t, testOptions(fs2), srv2.URL)
	if r.Status != Blocked || r.Attempts != 1 || len(fs2.waits) != 0 {
		t.Errorf("got %+v, waits %v", r, fs2.waits)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"": 0, "5": 5 * time.Second, "-3": 0, "soon": 0,
		"Thu, 01 Jan 2026 00:01:00 GMT": time.Minute,
		"Wed, 31 Dec 2025 00:00:00 GMT": 0,
	} {
		if got := parseRetryAfter(v, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	fs := &fakeSleep{}
	opts := testOptions(fs)
	opts.Timeout = 50 * time.Millisecond
	opts.Retries = 1
	r := check(t, opts, srv.URL)
	if r.Status != Broken || r.Reason != "timed out" || r.Attempts != 2 || n.Load() != 2 {
		t.Errorf("got %+v after %d requests", r, n.Load())
	}
	// The overall deadline leaves the URL unchecked.
	opts.Timeout = 10 * time.Second
	opts.Deadline = 50 * time.Millisecond
	if r := check(t, opts, srv.URL+"/deadline"); r.Status != Unchecked {
		t.Errorf("deadline: got %+v", r)
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/old", http.RedirectHandler("/older", http.StatusMovedPermanently))
	mux.Handle("/older", http.RedirectHandler("/new", http.StatusPermanentRedirect))
	mux.Handle("/temp", http.RedirectHandler("/new", http.StatusFound))
	mux.Handle("/perm-then-temp", http.RedirectHandler("/temp", http.StatusMovedPermanently))
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {})
	mux.Handle("/loop-a", http.RedirectHandler("/loop-b", http.StatusFound))
	mux.Handle("/loop-b", http.RedirectHandler("/loop-a", http.StatusFound))
	mux.Handle("/gone-away", http.RedirectHandler("/missing", http.StatusMovedPermanently))
	mux.HandleFunc("/chain/15", func(w http.ResponseWriter, r *http.Request) {})
	for i := range 15 {
		mux.Handle("/chain/"+strconv.Itoa(i), http.RedirectHandler("/chain/"+strconv.Itoa(i+1), http.StatusFound))
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	fs := &fakeSleep{}
	u := srv.URL
	for _, tc := range []struct {
		path, moved string
		want        Status
	}{
		{"/old", u + "/new", Moved},
		{"/temp", "", OK},
		{"/perm-then-temp", u + "/temp", Moved},
		{"/loop-a", "", Broken},
		{"/gone-away", "", Broken},
		{"/chain/0", "", Broken},
		{"/chain/6", "", OK}, // 9 redirects to /chain/15, which answers 200
	} {
		r := check(t, testOptions(fs), u+tc.path)
		if r.Status != tc.want || r.Moved != tc.moved {
			t.Errorf("%s: %v moved %q (%s), want %v moved %q", tc.path, r.Status, r.Moved, r.Reason, tc.want, tc.moved)
		}
	}
}

func TestHeadRefused(t *testing.T) {
	for _, code := range []int{405, 501, 403} {
		var heads, gets atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodHead {
				heads.Add(1)
				w.WriteHeader(code)
				return
			}
			gets.Add(1)
		}))
		fs := &fakeSleep{}
		c := New(testOptions(fs))
		res := c.Check(context.Background(), []string{srv.URL + "/a", srv.URL + "/b"})
		srv.Close()
		for _, r := range res {
			if r.Status != OK {
				t.Errorf("HEAD %d: %+v", code, r)
			}
		}
		if gets.Load() != 2 {
			t.Errorf("HEAD %d: %d GETs, want 2", code, gets.Load())
		}
		if code == 405 && heads.Load() > 2 {
			t.Errorf("HEAD %d: %d HEADs", code, heads.Load())
		}
	}
}

func TestPerHostLimit(t *testing.T) {
	var cur, peak atomic.Int32
	var total atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		total.Add(1)
		time.Sleep(5 * time.Millisecond)
		cur.Add(-1)
	}))
	defer srv.Close()
	var urls []string
	for i := range 60 {
		urls = append(urls, srv.URL+"/"+strconv.Itoa(i))
	}
	urls = append(urls, urls...) // duplicates are fetched once
	fs := &fakeSleep{}
	opts := testOptions(fs)
	opts.Global, opts.PerHost = 32, 3
	var lastDone, lastTotal int
	opts.Progress = func(done, total, failed int) { lastDone, lastTotal = done, total }
	res := New(opts).Check(context.Background(), urls)
	if len(res) != 60 || total.Load() != 60 {
		t.Errorf("%d results, %d requests; want 60 and 60", len(res), total.Load())
	}
	if peak.Load() > 3 {
		t.Errorf("peak concurrency %d over the per-host limit 3", peak.Load())
	}
	if lastDone != 60 || lastTotal != 60 {
		t.Errorf("progress ended at %d/%d", lastDone, lastTotal)
	}
}

func TestCache(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		if r.URL.Path == "/bad" {
			w.WriteHeader(404)
		}
	}))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), DefaultCacheFile)
	fs := &fakeSleep{}
	run := func() map[string]Result {
		c, warn := LoadCache(path)
		if warn != nil {
			t.Fatal(warn)
		}
		opts := testOptions(fs)
		opts.Cache = c
		opts.MaxAge = time.Hour
		res := New(opts).Check(context.Background(), []string{srv.URL + "/good", srv.URL + "/bad"})
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		return res
	}
	run()
	if n.Load() != 2 {
		t.Fatalf("first run: %d requests", n.Load())
	}
	res := run()
	if n.Load() != 3 {
		t.Errorf("second run made %d requests, want only the failure again", n.Load()-2)
	}
	if !res[srv.URL+"/good"].Cached || res[srv.URL+"/bad"].Status != Broken {
		t.Errorf("second run: %+v", res)
	}
}

func TestPrivateSkipped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("a private address was fetched")
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	opts := testOptions(fs)
	opts.AllowPrivate = false
	if r := check(t, opts, srv.URL); r.Status != Skipped {
		t.Errorf("got %+v", r)
	}
}

func TestGitHubToken(t *testing.T) {
	var got atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Store(r.Header.Get("Authorization") + "|" + r.Header.Get("User-Agent"))
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	opts := testOptions(fs)
	opts.Token = "secret"
	check(t, opts, srv.URL)
	if s := got.Load().(string); s != "|"+DefaultUserAgent {
		t.Errorf("headers to a non-GitHub host: %q", s)
	}
	if !tokenHost("github.com") || !tokenHost("API.github.com") || tokenHost("gist.github.com") || tokenHost("evilgithub.com") {
		t.Error("tokenHost")
	}
}
