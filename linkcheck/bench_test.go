package linkcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"
)

// BenchmarkCheck5000 checks 5,000 distinct URLs on one local server that takes 50 ms to
// answer. With one host the per-host limit is what bounds the run: at 64 in flight it
// takes about 5000/64 × 50 ms ≈ 4 s; at the default of 4 it would take a minute.
func BenchmarkCheck5000(b *testing.B) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(50 * time.Millisecond)
	}))
	srv.Config.SetKeepAlivesEnabled(true)
	srv.Start()
	defer srv.Close()
	urls := make([]string, 5000)
	for i := range urls {
		urls[i] = srv.URL + "/page/" + strconv.Itoa(i)
	}
	for b.Loop() {
		c := New(Options{Global: 128, PerHost: 64, AllowPrivate: true, Timeout: 10 * time.Second})
		res := c.Check(context.Background(), urls)
		for _, r := range res {
			if r.Status != OK {
				b.Fatalf("%s: %v %s", r.URL, r.Status, r.Reason)
			}
		}
	}
}
