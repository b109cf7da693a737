package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// DefaultUserAgent names listlint in the requests, with a browser-like prefix that keeps
// most sites from answering robots differently.
const DefaultUserAgent = "Mozilla/5.0 (compatible; listlint; +https://github.com/listlint/listlint)"

// Options tune a Checker. Zero limits, durations and strings take the values of
// DefaultOptions; Retries, Deadline, MaxAge and the booleans are taken as they are (start
// from DefaultOptions to get its retries and deadline).
type Options struct {
	Global  int // requests in flight at once, over all hosts
	PerHost int // requests in flight at once to one host
	// Timeout bounds one request; Deadline bounds the whole run (URLs not checked by then
	// are Unchecked). Zero Deadline means none.
	Timeout  time.Duration
	Deadline time.Duration
	// Retries is how many times a transient failure (timeout, reset connection, 5xx, 429)
	// is tried again, after an exponential backoff from Backoff.
	Retries int
	Backoff time.Duration
	// MaxRetryAfter caps the wait a Retry-After header may ask for; a server that asks for
	// longer is not retried.
	MaxRetryAfter time.Duration
	MaxRedirects  int
	UserAgent     string
	// Accept lists statuses that count as fine besides 2xx.
	Accept []int
	// AllowPrivate checks loopback and private addresses too instead of skipping them.
	AllowPrivate bool
	// Token, when set, is sent as a bearer token to github.com and api.github.com only.
	Token string
	// MaxAge is how long a cached good result is reused; zero means forever.
	MaxAge time.Duration
	Cache  *Cache

	// Client makes the requests; nil means a client made for the limits above. Its
	// CheckRedirect is replaced: the checker follows redirects itself.
	Client *http.Client
	// Sleep waits d or until ctx is done; nil means a timer. Tests inject one that returns
	// at once and records the waits.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Resolve looks up host addresses for the private-address check; nil means DNS.
	Resolve Resolver
	// Progress, when set, is called after each URL with the URLs done so far, the total
	// and the failures so far. Calls are serialized.
	Progress func(done, total, failed int)
}

// DefaultOptions are the settings of "listlint links" without flags.
func DefaultOptions() Options {
	return Options{
		Global: 32, PerHost: 4,
		Timeout: 15 * time.Second, Deadline: 10 * time.Minute,
		Retries: 2, Backoff: 500 * time.Millisecond, MaxRetryAfter: 30 * time.Second,
		MaxRedirects: 10, UserAgent: DefaultUserAgent, MaxAge: 24 * time.Hour,
	}
}

// Checker checks URLs. Make one with New; it may run Check more than once.
type Checker struct {
	opts   Options
	client *http.Client
	global chan struct{} // requests in flight
	// workers bounds the URLs being checked at once: more than the requests, so that URLs
	// waiting for a busy or slowed host (or a backoff) leave the global slots to others.
	workers chan struct{}
	mu      sync.Mutex
	hosts   map[string]*hostState
}

// hostState is what the checker knows of one host.
type hostState struct {
	sem chan struct{} // PerHost slots
	one chan struct{} // a single slot, used once the host answered 429
	mu  sync.Mutex
	// slow is set when the host answered 429: requests then go one at a time, delay apart.
	slow   bool
	delay  time.Duration
	next   time.Time
	noHead bool // the host refuses HEAD: go straight to GET
}

// New returns a Checker with opts, defaults filled in.
func New(opts Options) *Checker {
	d := DefaultOptions()
	if opts.Global <= 0 {
		opts.Global = d.Global
	}
	if opts.PerHost <= 0 {
		opts.PerHost = d.PerHost
	}
	if opts.Timeout <= 0 {
		opts.Timeout = d.Timeout
	}
	if opts.Retries < 0 {
		opts.Retries = 0
	}
	if opts.Backoff <= 0 {
		opts.Backoff = d.Backoff
	}
	if opts.MaxRetryAfter <= 0 {
		opts.MaxRetryAfter = d.MaxRetryAfter
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = d.MaxRedirects
	}
	if opts.UserAgent == "" {
		opts.UserAgent = d.UserAgent
	}
	if opts.Sleep == nil {
		opts.Sleep = sleep
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Resolve == nil {
		opts.Resolve = defaultResolve
	}
	var client http.Client
	if opts.Client != nil {
		client = *opts.Client
	} else {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConns = max(100, opts.Global)
		tr.MaxIdleConnsPerHost = opts.PerHost
		client.Transport = tr
	}
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &Checker{opts: opts, client: &client, global: make(chan struct{}, opts.Global),
		workers: make(chan struct{}, 4*opts.Global), hosts: map[string]*hostState{}}
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Check checks every distinct URL of urls once and returns the results by URL. Cached good
// results are reused without a request. URLs still waiting when ctx ends or the deadline
// passes are Unchecked.
func (c *Checker) Check(ctx context.Context, urls []string) map[string]Result {
	var distinct []string
	seen := map[string]bool{}
	for _, u := range urls {
		if !seen[u] {
			seen[u] = true
			distinct = append(distinct, u)
		}
	}
	if c.opts.Deadline > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.opts.Deadline)
		defer cancel()
	}
	results := make(map[string]Result, len(distinct))
	var mu sync.Mutex
	done, failed := 0, 0
	record := func(r Result) {
		mu.Lock()
		defer mu.Unlock()
		results[r.URL] = r
		done++
		if r.Status == Broken || r.Status == Blocked || r.Status == Unchecked {
			failed++
		}
		if c.opts.Progress != nil {
			c.opts.Progress(done, len(distinct), failed)
		}
	}
	var notBefore time.Time
	if c.opts.MaxAge > 0 {
		notBefore = c.opts.Now().Add(-c.opts.MaxAge)
	}
	distinct = interleaveHosts(distinct)
	var wg sync.WaitGroup
	for _, u := range distinct {
		if r, ok := c.opts.Cache.Get(u, notBefore); ok {
			record(r)
			continue
		}
		select {
		case c.workers <- struct{}{}:
		case <-ctx.Done():
			record(Result{URL: u, Status: Unchecked, Reason: "not checked before the deadline"})
			continue
		}
		wg.Go(func() {
			defer func() { <-c.workers }()
			r := c.checkOne(ctx, u)
			r.Checked = c.opts.Now()
			if r.Status != Unchecked && r.Status != Skipped {
				c.opts.Cache.Put(r)
			}
			record(r)
		})
	}
	wg.Wait()
	return results
}

func (c *Checker) host(hostport string) *hostState {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[hostport]
	if h == nil {
		h = &hostState{sem: make(chan struct{}, c.opts.PerHost), one: make(chan struct{}, 1)}
		c.hosts[hostport] = h
	}
	return h
}

// checkOne follows raw through its redirects.
func (c *Checker) checkOne(ctx context.Context, raw string) Result {
	r := Result{URL: raw}
	cur, err := url.Parse(raw)
	if err != nil || (cur.Scheme != "http" && cur.Scheme != "https") || cur.Host == "" {
		r.Status, r.Reason = Broken, "not an absolute http or https URL"
		return r
	}
	visited := map[string]bool{cur.String(): true}
	permanent := true // every redirect so far was permanent
	for hop := 0; ; hop++ {
		if !c.opts.AllowPrivate && isPrivateHost(ctx, c.opts.Resolve, cur.Hostname()) {
			r.Status, r.Reason = Skipped, "private or loopback address"
			if hop > 0 {
				r.Reason = "redirects to a private or loopback address (" + cur.String() + ")"
			}
			return r
		}
		code, loc, n, err := c.fetch(ctx, cur)
		r.Attempts += n
		r.Code = code
		if err != nil {
			if ctx.Err() != nil {
				r.Status, r.Reason = Unchecked, "not checked before the deadline"
				return r
			}
			r.Status, r.Reason = Broken, describe(err)
			return r
		}
		if code >= 300 && code < 400 && loc != "" && code != http.StatusNotModified {
			if hop >= c.opts.MaxRedirects {
				r.Status, r.Reason = Broken, fmt.Sprintf("more than %d redirects", c.opts.MaxRedirects)
				return r
			}
			next, err := cur.Parse(loc)
			if err != nil {
				r.Status, r.Reason = Broken, fmt.Sprintf("bad redirect location %q", loc)
				return r
			}
			if visited[next.String()] {
				r.Status, r.Reason = Broken, "redirect loop at "+next.String()
				return r
			}
			visited[next.String()] = true
			if permanent && (code == http.StatusMovedPermanently || code == http.StatusPermanentRedirect) {
				r.Moved = next.String()
			} else {
				permanent = false
			}
			cur = next
			r.Final = cur.String()
			continue
		}
		switch {
		case c.accepted(code):
			r.Status = OK
			if r.Moved != "" {
				r.Status, r.Reason = Moved, "permanently redirected to "+r.Moved
			}
		case blockedStatus(cur.Hostname(), code):
			r.Status, r.Reason = Blocked, statusText(code)+" (a rate limit or a bot wall)"
		default:
			r.Status, r.Reason = Broken, statusText(code)
		}
		if r.Status != Moved {
			r.Moved = ""
		}
		return r
	}
}

func (c *Checker) accepted(code int) bool {
	return code >= 200 && code < 300 || slices.Contains(c.opts.Accept, code)
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("HTTP %d %s", code, t)
	}
	return fmt.Sprintf("HTTP %d", code)
}

// fetch asks for u until it gets an answer worth keeping: HEAD first, GET when HEAD is
// refused, and retries with backoff for transient failures. n counts the requests.
func (c *Checker) fetch(ctx context.Context, u *url.URL) (code int, location string, n int, err error) {
	h := c.host(u.Host)
	h.mu.Lock()
	method := http.MethodHead
	if h.noHead {
		method = http.MethodGet
	}
	h.mu.Unlock()
	for attempt := 0; ; {
		var retryAfter time.Duration
		code, location, retryAfter, err = c.do(ctx, h, method, u)
		n++
		if err == nil && method == http.MethodHead && (code == 405 || code == 501 || code == 403) {
			// HEAD refused (403 too: some servers only guard HEAD); ask again with GET,
			// which does not count as a retry.
			method = http.MethodGet
			if code != 403 {
				h.mu.Lock()
				h.noHead = true
				h.mu.Unlock()
			}
			continue
		}
		if ctx.Err() != nil || !retryable(code, err) || attempt >= c.opts.Retries {
			return code, location, n, err
		}
		if code == http.StatusTooManyRequests {
			c.slowDown(h, retryAfter)
		}
		wait := c.backoff(attempt)
		if retryAfter > 0 {
			if retryAfter > c.opts.MaxRetryAfter {
				return code, location, n, err
			}
			wait = retryAfter
		}
		if serr := c.opts.Sleep(ctx, wait); serr != nil {
			return code, location, n, err
		}
		attempt++
	}
}

// backoff is the wait before retry attempt+1: Backoff doubled each time, with jitter
// between half and one and a half times, capped at a minute.
func (c *Checker) backoff(attempt int) time.Duration {
	d := c.opts.Backoff << min(attempt, 10)
	d = time.Duration(float64(d) * (0.5 + rand.Float64()))
	return min(d, time.Minute)
}

// slowDown makes a host that answered 429 take one request at a time, spaced out. A
// Retry-After beyond the cap (an hour, say) gives up on the URL that got it; spacing every
// other URL of the host by the cap would stall the run, so they go a second apart.
func (c *Checker) slowDown(h *hostState, retryAfter time.Duration) {
	if retryAfter > c.opts.MaxRetryAfter {
		retryAfter = 0
	}
	d := max(retryAfter, time.Second)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.slow = true
	h.delay = max(h.delay, d)
}

// acquireHost takes a slot of the host, and on a slowed host waits for its turn.
func (c *Checker) acquireHost(ctx context.Context, h *hostState) (release func(), err error) {
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	h.mu.Lock()
	slow := h.slow
	h.mu.Unlock()
	if !slow {
		if err := c.acquireGlobal(ctx); err != nil {
			<-h.sem
			return nil, err
		}
		return func() { <-c.global; <-h.sem }, nil
	}
	select {
	case h.one <- struct{}{}:
	case <-ctx.Done():
		<-h.sem
		return nil, ctx.Err()
	}
	h.mu.Lock()
	now := c.opts.Now()
	wait := h.next.Sub(now)
	h.next = now.Add(max(wait, 0) + h.delay)
	h.mu.Unlock()
	if wait > 0 {
		if err := c.opts.Sleep(ctx, wait); err != nil {
			<-h.one
			<-h.sem
			return nil, err
		}
	}
	if err := c.acquireGlobal(ctx); err != nil {
		<-h.one
		<-h.sem
		return nil, err
	}
	return func() { <-c.global; <-h.one; <-h.sem }, nil
}

// acquireGlobal takes one of the global request slots. Host slots are always taken first,
// so that a request waiting for its host holds no global slot.
func (c *Checker) acquireGlobal(ctx context.Context) error {
	select {
	case c.global <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// interleaveHosts orders urls round-robin by host, keeping each host's order, so that a
// list with long runs of one host keeps every host busy at once.
func interleaveHosts(urls []string) []string {
	byHost := map[string][]string{}
	var hosts []string
	for _, raw := range urls {
		h := raw
		if u, err := url.Parse(raw); err == nil {
			h = strings.ToLower(u.Host)
		}
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], raw)
	}
	out := make([]string, 0, len(urls))
	for len(out) < len(urls) {
		for _, h := range hosts {
			if q := byHost[h]; len(q) > 0 {
				out = append(out, q[0])
				byHost[h] = q[1:]
			}
		}
	}
	return out
}

// do makes one request within the host's limits and the per-request timeout.
func (c *Checker) do(ctx context.Context, h *hostState, method string, u *url.URL) (code int, location string, retryAfter time.Duration, err error) {
	release, err := c.acquireHost(ctx, h)
	if err != nil {
		return 0, "", 0, err
	}
	defer release()
	rctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, method, u.String(), nil)
	if err != nil {
		return 0, "", 0, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	if c.opts.Token != "" && tokenHost(u.Hostname()) {
		req.Header.Set("Authorization", "Bearer "+c.opts.Token)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, "", 0, err
	}
	// Drain a little so that the connection can be reused, but never read a whole page.
	_, _ = io.CopyN(io.Discard, resp.Body, 4<<10)
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location"), parseRetryAfter(resp.Header.Get("Retry-After"), c.opts.Now()), nil
}

// retryable reports whether a failure may pass if tried again.
func retryable(code int, err error) bool {
	if err == nil {
		return code >= 500 || code == http.StatusTooManyRequests
	}
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return time.Duration(max(s, 0)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

// describe turns a request error into a short reason.
func describe(err error) string {
	var dnsErr *net.DNSError
	var ne net.Error
	switch {
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return "no such host " + dnsErr.Name
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return "timed out"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
