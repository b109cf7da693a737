package linkcheck

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// allTo returns a client that sends every request, whatever its host, to srv: tests of
// host policies (GitHub tokens, bot walls) without the internet.
func allTo(srv *httptest.Server) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	addr := srv.Listener.Addr().String()
	tr.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
	return &http.Client{Transport: tr}
}

func TestHostPolicies(t *testing.T) {
	auth := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth[r.Host] = r.Header.Get("Authorization")
		switch r.Host {
		case "twitter.com", "example.com":
			w.WriteHeader(403)
		case "github.com":
			http.Redirect(w, r, "http://codeload.example/x", http.StatusFound)
		}
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	opts := testOptions(fs)
	opts.Client = allTo(srv)
	opts.Token = "tok"
	opts.Global = 1 // the handler's map is not locked
	res := New(opts).Check(context.Background(), []string{"http://twitter.com/a", "http://example.com/a", "http://github.com/a/b"})
	if r := res["http://twitter.com/a"]; r.Status != Blocked {
		t.Errorf("twitter 403: %+v", r)
	}
	if r := res["http://example.com/a"]; r.Status != Broken {
		t.Errorf("example 403: %+v", r)
	}
	if r := res["http://github.com/a/b"]; r.Status != OK || r.Final != "http://codeload.example/x" {
		t.Errorf("github: %+v", r)
	}
	if auth["github.com"] != "Bearer tok" || auth["codeload.example"] != "" || auth["twitter.com"] != "" {
		t.Errorf("Authorization headers: %q", auth)
	}
}

// After a 429 the host gets one request at a time, spaced out.
func TestSlowDownAfter429(t *testing.T) {
	var first atomic.Bool
	var cur, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if first.CompareAndSwap(false, true) {
			w.Header().Set("Retry-After", "2")
			w.WriteHeader(429)
			return
		}
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(2 * time.Millisecond)
		cur.Add(-1)
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	opts := testOptions(fs)
	opts.PerHost = 8
	c := New(opts)
	if r := c.Check(context.Background(), []string{srv.URL + "/first"})[srv.URL+"/first"]; r.Status != OK {
		t.Fatalf("first: %+v", r)
	}
	var urls []string
	for i := range 30 {
		urls = append(urls, srv.URL+"/"+strconv.Itoa(i))
	}
	for _, r := range c.Check(context.Background(), urls) {
		if r.Status != OK {
			t.Errorf("%+v", r)
		}
	}
	if peak.Load() != 1 {
		t.Errorf("peak concurrency %d on a host that answered 429, want 1", peak.Load())
	}
	spaced := 0
	for _, w := range fs.waits {
		if w > time.Second {
			spaced++
		}
	}
	if spaced < 25 {
		t.Errorf("requests not spaced out: waits %v", fs.waits)
	}
}

func TestRetryConnectionReset(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				if tc, ok := conn.(*net.TCPConn); ok {
					tc.SetLinger(0) // a reset, not a clean close
				}
				conn.Close()
			}
		}
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	r := check(t, testOptions(fs), srv.URL)
	if r.Status != OK || n.Load() < 2 {
		t.Errorf("got %+v after %d requests", r, n.Load())
	}
}

func TestGlobalLimit(t *testing.T) {
	var cur, peak atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(3 * time.Millisecond)
		cur.Add(-1)
	}))
	defer srv.Close()
	fs := &fakeSleep{}
	opts := testOptions(fs)
	opts.Client = allTo(srv)
	opts.Global, opts.PerHost = 3, 10
	var urls []string
	for i := range 40 {
		urls = append(urls, "http://host"+strconv.Itoa(i%5)+".example/"+strconv.Itoa(i))
	}
	for _, r := range New(opts).Check(context.Background(), urls) {
		if r.Status != OK {
			t.Errorf("%+v", r)
		}
	}
	if peak.Load() > 3 {
		t.Errorf("peak concurrency %d over the global limit 3", peak.Load())
	}
}
