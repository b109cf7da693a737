package cli_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/listlint/listlint/cli"
)

func linkServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { n.Add(1) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { n.Add(1); w.WriteHeader(410) })
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
	})
	// The rate-limited URL has a server (a host) of its own: a 429 slows its host down, and
	// the other URLs should not wait for that.
	limited := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(429)
	}))
	t.Cleanup(limited.Close)
	mux.Handle("/limited", http.RedirectHandler(limited.URL+"/limited", http.StatusFound))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &n
}

func writeList(t *testing.T, dir, base string) string {
	t.Helper()
	list := "# Awesome Test\n\n## Contents\n\n- [Tools](#tools)\n- [Nowhere](#nowhere)\n\n## Tools\n\n" +
		"- [Good](" + base + "/ok) - Fine, see [also](" + base + "/ok). ([Gone](" + base + "/gone))\n" +
		"- [Old](" + base + "/old) - Moved.\n" +
		"- [Limited](" + base + "/limited) - Rate limited.\n" +
		"- [Same](" + base + "/ok) - A duplicate URL, fetched once.\n" +
		"- [Local](missing.md) - A relative link.\n"
	path := filepath.Join(dir, "README.md")
	if err := os.WriteFile(path, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLinksCommand(t *testing.T) {
	srv, n := linkServer(t)
	dir := t.TempDir()
	path := writeList(t, dir, srv.URL)
	cache := filepath.Join(dir, "cache.json")
	var out, errb bytes.Buffer
	code := cli.Run([]string{"links", "--allow-private", "--cache", cache, path}, nil, &out, &errb)
	if code != cli.ExitProblems {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, out.String(), errb.String())
	}
	for _, want := range []string{
		"/gone: HTTP 410 Gone [broken-link]",
		"moved permanently to " + srv.URL + "/ok [redirect]",
		"[link-blocked]",
		`"#nowhere" matches no heading of the file [broken-anchor]`,
		`"missing.md": no such file [broken-link]`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "#tools") {
		t.Errorf("a good anchor was reported:\n%s", out.String())
	}
	if got := n.Load(); got != 5 { // ok, gone, old, ok after the redirect, limited
		t.Errorf("%d requests, want 5 (each URL once)", got)
	}
	if !strings.Contains(errb.String(), "4 URLs checked") {
		t.Errorf("stderr: %s", errb.String())
	}

	// A second run answers the good URLs from the cache.
	n.Store(0)
	out.Reset()
	errb.Reset()
	cli.Run([]string{"links", "--allow-private", "--cache", cache, "--format", "json", path}, nil, &out, &errb)
	if got := n.Load(); got != 2 { // gone and limited again
		t.Errorf("second run: %d requests, want 2", got)
	}
	var doc struct {
		Diagnostics []struct {
			Rule     string `json:"rule"`
			Severity string `json:"severity"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("json output: %v\n%s", err, out.String())
	}
	rules := map[string]int{}
	for _, d := range doc.Diagnostics {
		rules[d.Rule+"/"+d.Severity]++
	}
	want := map[string]int{"broken-link/error": 2, "broken-anchor/error": 1, "redirect/warning": 1, "link-blocked/warning": 1}
	for k, v := range want {
		if rules[k] != v {
			t.Errorf("json: %v, want %v\n%s", rules, want, out.String())
			break
		}
	}

	// --strict makes the rate limit an error; --exclude skips URLs; --fix --unsafe-fixes
	// writes the new URL.
	out.Reset()
	code = cli.Run([]string{"links", "--allow-private", "--no-cache", "--strict", "--exclude", "/gone$", "--fix", "--unsafe-fixes", path}, nil, &out, &errb)
	if code != cli.ExitProblems || strings.Contains(out.String(), "/gone") || !strings.Contains(out.String(), "error: "+srv.URL+"/limited") {
		t.Errorf("strict run: exit %d\n%s", code, out.String())
	}
	fixed, _ := os.ReadFile(path)
	if !strings.Contains(string(fixed), "- [Old]("+srv.URL+"/ok) - Moved.") {
		t.Errorf("redirect not fixed:\n%s", fixed)
	}
}

func TestLinksClean(t *testing.T) {
	srv, _ := linkServer(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "list.md")
	os.WriteFile(path, []byte("# List\n\n- [Good]("+srv.URL+"/ok) - Fine.\n"), 0o644)
	var out, errb bytes.Buffer
	if code := cli.Run([]string{"links", "--allow-private", "--no-cache", path}, nil, &out, &errb); code != cli.ExitClean {
		t.Errorf("exit %d\n%s%s", code, out.String(), errb.String())
	}
	// Without --allow-private the loopback server is skipped, not fetched.
	out.Reset()
	errb.Reset()
	if code := cli.Run([]string{"links", "--no-cache", path}, nil, &out, &errb); code != cli.ExitClean || !strings.Contains(errb.String(), "1 skipped") {
		t.Errorf("private: exit %d\n%s%s", code, out.String(), errb.String())
	}
	if code := cli.Run([]string{"links", "--accept", "abc", path}, nil, &out, &errb); code != cli.ExitError {
		t.Errorf("bad --accept: exit %d", code)
	}
}

func TestLinksCorruptCache(t *testing.T) {
	srv, _ := linkServer(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "list.md")
	os.WriteFile(path, []byte("# List\n\n- [Good]("+srv.URL+"/ok) - Fine.\n"), 0o644)
	cache := filepath.Join(dir, "c.json")
	os.WriteFile(cache, []byte("{\"version\": 1, \"entr"), 0o644)
	var out, errb bytes.Buffer
	if code := cli.Run([]string{"links", "--allow-private", "--cache", cache, path}, nil, &out, &errb); code != cli.ExitClean || !strings.Contains(errb.String(), "warning: link cache") {
		t.Errorf("exit %d\n%s%s", code, out.String(), errb.String())
	}
	data, _ := os.ReadFile(cache)
	if !strings.Contains(string(data), srv.URL+"/ok") {
		t.Errorf("cache not rewritten: %s", data)
	}
}

func TestLinksDeadline(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers
	}))
	defer srv.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "list.md")
	os.WriteFile(path, []byte("# List\n\n- [Slow]("+srv.URL+"/slow) - Never answers.\n"), 0o644)
	var out, errb bytes.Buffer
	code := cli.Run([]string{"links", "--allow-private", "--no-cache", "--deadline", "100ms", "--timeout", "1m", path}, nil, &out, &errb)
	if code != cli.ExitClean || !strings.Contains(out.String(), "not checked before the deadline [link-unchecked]") {
		t.Errorf("exit %d\n%s%s", code, out.String(), errb.String())
	}
}

// The link policy can live in .listlint.yml, as options of broken-link; flags add to it.
func TestLinksPolicyFromConfig(t *testing.T) {
	srv, n := linkServer(t)
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	path := filepath.Join(dir, "list.md")
	os.WriteFile(path, []byte("# List\n\n- [Good]("+srv.URL+"/ok) - Fine.\n- [Gone]("+srv.URL+"/gone) - Gone.\n"), 0o644)
	cfg := "rules:\n  broken-link:\n    allow-private: true\n    exclude: ['/gone$']\n"
	os.WriteFile(filepath.Join(dir, ".listlint.yml"), []byte(cfg), 0o644)
	var out, errb bytes.Buffer
	if code := cli.Run([]string{"links", "--no-cache", path}, nil, &out, &errb); code != cli.ExitClean {
		t.Errorf("exit %d\n%s%s", code, out.String(), errb.String())
	}
	if got := n.Load(); got != 1 {
		t.Errorf("%d requests, want 1 (the excluded URL is not fetched, the private host is allowed)", got)
	}
	// A broken policy is a configuration error, named with its place in the file.
	os.WriteFile(filepath.Join(dir, ".listlint.yml"), []byte("rules:\n  broken-link:\n    accept: [42]\n"), 0o644)
	errb.Reset()
	if code := cli.Run([]string{"links", "--no-cache", path}, nil, &out, &errb); code != cli.ExitError || !strings.Contains(errb.String(), ".listlint.yml:3:5") || !strings.Contains(errb.String(), "42 is not an HTTP status") {
		t.Errorf("bad policy: exit %d, %s", code, errb.String())
	}
}
