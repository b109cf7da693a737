package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/fixer"
	"github.com/listlint/listlint/linkcheck"
	"github.com/listlint/listlint/mdsrc"
	"github.com/listlint/listlint/report"
	"github.com/listlint/listlint/rules"
)

const linksUsage = `Usage: listlint links [flags] [path ...]

Checks every URL of the lists (entry, description and annotation links): each distinct URL
is fetched once, HEAD first and GET when HEAD is refused. "#anchor" links are compared with
the file's headings, relative links with the files beside it. Good answers are kept in a
cache file and reused for --max-age.

Broken links are errors (broken-link, broken-anchor); permanent redirects are warnings
(redirect) with an unsafe fix, applied by --fix --unsafe-fixes; rate limits and bot walls
are warnings (link-blocked), errors with --strict; URLs left when the --deadline passes are
warnings (link-unchecked). Loopback and private addresses are skipped unless
--allow-private. GITHUB_TOKEN, when set, is sent to github.com and api.github.com only.

Exit status: 0 when no link is broken, 1 when one is, 2 on a usage error or an unreadable
input.

Flags:
`

// stringList is a repeatable flag.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, ",") }

func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}

type linksOptions struct {
	format, color, cacheFile, accept string
	configFile                       string
	noConfig, noCache, quiet         bool
	allowPrivate, strict             bool
	fix, unsafe                      bool
	maxAge, timeout, deadline        time.Duration
	global, perHost, retries         int
	include, exclude                 stringList
}

// linkUse is one link in one file.
type linkUse struct {
	file int
	span mdsrc.Span // the URL as written
	dest string
}

func runLinks(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o linksOptions
	def := linkcheck.DefaultOptions()
	fs := flag.NewFlagSet("listlint links", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fs.StringVar(&o.color, "color", "auto", "colour the text output: auto, always or never")
	fs.BoolVar(&o.quiet, "quiet", false, "report errors only, without warnings or the summary")
	fs.StringVar(&o.cacheFile, "cache", linkcheck.DefaultCacheFile, "the cache file of good results")
	fs.BoolVar(&o.noCache, "no-cache", false, "neither read nor write the cache")
	fs.DurationVar(&o.maxAge, "max-age", def.MaxAge, "reuse a cached good result this long (0: no limit)")
	fs.StringVar(&o.accept, "accept", "", "comma-separated HTTP statuses that count as fine besides 2xx (e.g. 403,999)")
	fs.Var(&o.include, "include", "check only URLs matching this regular expression (repeatable)")
	fs.Var(&o.exclude, "exclude", "skip URLs matching this regular expression (repeatable)")
	fs.BoolVar(&o.allowPrivate, "allow-private", false, "also check loopback and private addresses")
	fs.BoolVar(&o.strict, "strict", false, "report rate limits and bot walls as errors")
	fs.IntVar(&o.global, "concurrency", def.Global, "requests in flight at once")
	fs.IntVar(&o.perHost, "per-host", def.PerHost, "requests in flight at once to one host")
	fs.DurationVar(&o.timeout, "timeout", def.Timeout, "timeout of one request")
	fs.DurationVar(&o.deadline, "deadline", def.Deadline, "time for the whole run; URLs left are reported unchecked")
	fs.IntVar(&o.retries, "retries", def.Retries, "retries of a timeout, reset connection, 5xx or 429")
	fs.BoolVar(&o.fix, "fix", false, "with --unsafe-fixes, write the new URLs of permanent redirects")
	fs.BoolVar(&o.unsafe, "unsafe-fixes", false, "allow the redirect fixes (unsafe: a page may redirect to a home page)")
	fs.StringVar(&o.configFile, "config", "", "use this configuration file (for its ignore: globs)")
	fs.BoolVar(&o.noConfig, "no-config", false, "use no configuration file")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), linksUsage)
		fs.PrintDefaults()
	}
	paths, err := parseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitError
	}
	var accept []int
	for _, s := range strings.Split(o.accept, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 100 || n > 999 {
			return usageError(stderr, "--accept: %q is not an HTTP status", s)
		}
		accept = append(accept, n)
	}
	include, err := compileAll(o.include)
	if err != nil {
		return usageError(stderr, "--include: %v", err)
	}
	exclude, err := compileAll(o.exclude)
	if err != nil {
		return usageError(stderr, "--exclude: %v", err)
	}
	if o.fix && !o.unsafe {
		fmt.Fprintln(stderr, "listlint: warning: the only fix of listlint links (the new URL of a permanent redirect) is unsafe: add --unsafe-fixes to apply it")
	}
	colorOn, err := colorMode(o.color, stdout)
	if err != nil {
		return usageError(stderr, "--color: %v", err)
	}
	rep, err := report.New(o.format, report.Options{Color: colorOn, Quiet: o.quiet, Root: repoRoot(), Version: Version()})
	if err != nil {
		return usageError(stderr, "--format: %v", err)
	}
	finder, status := newFinder(&options{configFile: o.configFile, noConfig: o.noConfig}, stderr)
	if finder == nil {
		return status
	}
	inputs, errs, cfgErrs := discover(paths, "", stdin, finder)
	if len(cfgErrs) > 0 {
		return configErrors(stderr, cfgErrs)
	}
	// The configuration's link policy (broken-link's options), with the flags added to it.
	pc, err := projectConfig(finder, inputs, "")
	if err != nil {
		return configErrors(stderr, []error{err})
	}
	if pol, ok := pc.Rules[rules.BrokenLink.ID].Options.(*rules.LinkPolicyOptions); ok && pol != nil {
		accept = append(accept, pol.Accept...)
		inc, err := compileAll(pol.Include)
		if err != nil {
			return usageError(stderr, "broken-link include: %v", err)
		}
		exc, err := compileAll(pol.Exclude)
		if err != nil {
			return usageError(stderr, "broken-link exclude: %v", err)
		}
		include, exclude = append(include, inc...), append(exclude, exc...)
		o.allowPrivate = o.allowPrivate || pol.AllowPrivate
		o.strict = o.strict || pol.Strict
	}

	run := &report.Run{Errors: errs, Unsafe: o.unsafe}
	var docs []*mdsrc.Document
	var fromStdin []bool
	var uses []linkUse
	diags := map[int][]rules.Diagnostic{}
	for _, in := range inputs {
		doc, err := mdsrc.Parse(in.path, in.src)
		if err != nil {
			fe := report.FileError{Path: in.path, Err: err.Error()}
			var pe *mdsrc.ParseError
			if errors.As(err, &pe) {
				fe.Line, fe.Err = pe.Line, pe.Msg
			}
			run.Errors = append(run.Errors, fe)
			continue
		}
		i := len(docs)
		docs = append(docs, doc)
		fromStdin = append(fromStdin, in.stdin)
		anchors := map[string]bool{}
		for _, a := range doc.Anchors() {
			anchors[strings.ToLower(a)] = true
		}
		dir := "."
		if !in.stdin {
			dir = filepath.Dir(in.path)
		}
		for _, l := range listLinks(doc) {
			dest := l.Dest
			if dest == "" {
				dest = string(doc.Src[l.URL.Start:l.URL.End])
			}
			switch {
			case strings.HasPrefix(dest, "#"):
				if d, ok := checkAnchor(dest, anchors, l.URL); !ok {
					diags[i] = append(diags[i], d)
				}
			case linkcheck.Checkable(dest):
				if selected(dest, include, exclude) {
					uses = append(uses, linkUse{file: i, span: l.URL, dest: dest})
				}
			default:
				if d, ok := checkLocal(dest, dir, l.URL); !ok {
					diags[i] = append(diags[i], d)
				}
			}
		}
	}

	var cache *linkcheck.Cache
	if !o.noCache {
		var warn error
		cache, warn = linkcheck.LoadCache(o.cacheFile)
		if warn != nil {
			fmt.Fprintln(stderr, "listlint: warning:", warn)
		}
	}
	opts := linkcheck.Options{
		Global: o.global, PerHost: o.perHost, Timeout: o.timeout, Deadline: o.deadline,
		Retries: o.retries, MaxRetryAfter: def.MaxRetryAfter, UserAgent: userAgent(),
		Accept: accept, AllowPrivate: o.allowPrivate, Token: os.Getenv("GITHUB_TOKEN"),
		MaxAge: o.maxAge, Cache: cache,
	}
	bar := newProgressBar(stderr)
	if bar != nil {
		opts.Progress = bar.update
	}
	urls := make([]string, len(uses))
	for i, u := range uses {
		urls[i] = u.dest
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	results := linkcheck.New(opts).Check(ctx, urls)
	if bar != nil {
		bar.finish()
	}
	if err := cache.Save(); err != nil {
		fmt.Fprintln(stderr, "listlint: warning: cannot write the link cache:", err)
	}

	for _, u := range uses {
		if d, ok := linkDiag(results[u.dest], u, docs[u.file].Src, o.strict); ok {
			diags[u.file] = append(diags[u.file], d)
		}
	}
	for i, doc := range docs {
		ds := diags[i]
		src := doc.Src
		if o.fix && o.unsafe && !fromStdin[i] {
			var fixes []*rules.Fix
			for _, d := range ds {
				fixes = append(fixes, d.Fix)
			}
			if out, applied := fixer.Apply(src, fixes); len(applied) > 0 {
				if err := fixer.WriteFileAtomic(doc.Path, out); err != nil {
					fmt.Fprintf(stderr, "listlint: %s: cannot write the fixes: %s\n", doc.Path, describe(err))
					run.Errors = append(run.Errors, report.FileError{Path: doc.Path, Err: "cannot write the fixes: " + describe(err)})
					continue
				}
				// The fixed diagnostics go; the others stay, located in the old text.
				for k := len(applied) - 1; k >= 0; k-- {
					ds = append(ds[:applied[k]], ds[applied[k]+1:]...)
				}
				run.Fixed += len(applied)
			}
		}
		sort.SliceStable(ds, func(a, b int) bool { return ds[a].Start < ds[b].Start })
		run.Results = append(run.Results, &engine.Result{Path: doc.Path, Src: src, Lines: doc.Lines, Diags: ds})
	}
	for _, e := range run.Errors {
		if e.Line > 0 {
			fmt.Fprintf(stderr, "listlint: %s:%d: %s\n", e.Path, e.Line, e.Err)
		} else {
			fmt.Fprintf(stderr, "listlint: %s: %s\n", e.Path, e.Err)
		}
	}
	if !o.quiet && o.format == "text" {
		fmt.Fprintln(stderr, linkSummary(results))
	}
	if len(run.Results) > 0 || len(run.Errors) == 0 || o.format != "text" {
		if err := rep.Report(stdout, run); err != nil {
			fmt.Fprintf(stderr, "listlint: %v\n", err)
			return ExitError
		}
	}
	status = ExitClean
	if remainingErrors(run) > 0 {
		status = ExitProblems
	}
	return worst(status, run)
}

func compileAll(pats []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, p := range pats {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, re)
	}
	return out, nil
}

// selected applies --include and --exclude.
func selected(u string, include, exclude []*regexp.Regexp) bool {
	for _, re := range exclude {
		if re.MatchString(u) {
			return false
		}
	}
	if len(include) == 0 {
		return true
	}
	for _, re := range include {
		if re.MatchString(u) {
			return true
		}
	}
	return false
}

func userAgent() string {
	v, _, _ := strings.Cut(Version(), " ")
	return "Mozilla/5.0 (compatible; listlint/" + v + "; +https://github.com/listlint/listlint)"
}

// listLinks returns the links of the file's entries: the entry link, the links of the
// description and those of the annotations, each with its URL span.
func listLinks(doc *mdsrc.Document) []mdsrc.Link {
	var out []mdsrc.Link
	add := func(l mdsrc.Link) {
		if l.URL.Valid() && l.URL.Len() > 0 {
			out = append(out, l)
		}
	}
	for _, e := range doc.Entries {
		add(e.Link)
		if e.Desc.Valid() {
			src := doc.Src
			for i := e.Desc.Start; i < e.Desc.End; i++ {
				if src[i] == '`' {
					i = codeSpanEnd(src, i, e.Desc.End) - 1
					continue
				}
				if src[i] != '[' || i > 0 && src[i-1] == '\\' {
					continue
				}
				if l, ok := mdsrc.ScanLink(src, i, e.Desc.End); ok {
					add(l)
					i = l.Span.End - 1
				}
			}
		}
		for _, a := range e.Annotations {
			for _, l := range a.Links {
				add(l)
			}
		}
	}
	return out
}

// codeSpanEnd returns the end of the code span opening at src[i] == '`' (a run of n
// backticks closed by a run of exactly n), or the end of the run when it is not closed.
func codeSpanEnd(src []byte, i, end int) int {
	j := i
	for j < end && src[j] == '`' {
		j++
	}
	n := j - i
	for k := j; k < end; {
		if src[k] != '`' {
			k++
			continue
		}
		m := k
		for m < end && src[m] == '`' {
			m++
		}
		if m-k == n {
			return m
		}
		k = m
	}
	return j
}

func checkAnchor(dest string, anchors map[string]bool, span mdsrc.Span) (rules.Diagnostic, bool) {
	frag := dest[1:]
	if frag == "" || frag == "top" {
		return rules.Diagnostic{}, true
	}
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	if anchors[strings.ToLower(frag)] {
		return rules.Diagnostic{}, true
	}
	return rules.Diagnostic{Rule: rules.BrokenAnchor.ID, Severity: rules.Error, Start: span.Start, End: span.End,
		Message: fmt.Sprintf("%q matches no heading of the file", dest)}, false
}

// checkLocal checks a relative link against the file system; other schemes (mailto:...)
// are left alone.
func checkLocal(dest, dir string, span mdsrc.Span) (rules.Diagnostic, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(dest, "//") {
		return rules.Diagnostic{}, true
	}
	p := filepath.FromSlash(u.Path)
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	if _, err := os.Stat(p); err == nil {
		return rules.Diagnostic{}, true
	}
	return rules.Diagnostic{Rule: rules.BrokenLink.ID, Severity: rules.Error, Start: span.Start, End: span.End,
		Message: fmt.Sprintf("%q: no such file", dest)}, false
}

// linkDiag turns a check result into the diagnostic of one use of the URL.
func linkDiag(r linkcheck.Result, u linkUse, src []byte, strict bool) (rules.Diagnostic, bool) {
	d := rules.Diagnostic{Start: u.span.Start, End: u.span.End}
	switch r.Status {
	case linkcheck.Broken:
		d.Rule, d.Severity = rules.BrokenLink.ID, rules.Error
		d.Message = fmt.Sprintf("%s: %s", u.dest, r.Reason)
	case linkcheck.Blocked:
		d.Rule, d.Severity = rules.LinkBlocked.ID, rules.Warning
		if strict {
			d.Severity = rules.Error
		}
		d.Message = fmt.Sprintf("%s: %s", u.dest, r.Reason)
	case linkcheck.Unchecked:
		d.Rule, d.Severity = rules.LinkUnchecked.ID, rules.Warning
		d.Message = fmt.Sprintf("%s: %s", u.dest, r.Reason)
	case linkcheck.Moved:
		moved := r.Moved
		if i := strings.IndexByte(u.dest, '#'); i >= 0 && !strings.Contains(moved, "#") {
			moved += u.dest[i:] // the fragment is not sent, so redirects drop it
		}
		d.Rule, d.Severity = rules.Redirect.ID, rules.Warning
		d.Message = fmt.Sprintf("%s moved permanently to %s", u.dest, moved)
		if string(src[u.span.Start:u.span.End]) != moved {
			d.Fix = &rules.Fix{Message: "write the new URL", Edits: []rules.Edit{{Start: u.span.Start, End: u.span.End, New: moved}}}
		}
	default:
		return d, false
	}
	return d, true
}

func linkSummary(results map[string]linkcheck.Result) string {
	counts := map[linkcheck.Status]int{}
	cached := 0
	for _, r := range results {
		counts[r.Status]++
		if r.Cached {
			cached++
		}
	}
	s := fmt.Sprintf("listlint: %d %s checked (%d from the cache): %d broken, %d moved, %d blocked",
		len(results), pluralWord(len(results), "URL"), cached, counts[linkcheck.Broken], counts[linkcheck.Moved], counts[linkcheck.Blocked])
	if n := counts[linkcheck.Skipped]; n > 0 {
		s += fmt.Sprintf(", %d skipped (private addresses; --allow-private checks them)", n)
	}
	if n := counts[linkcheck.Unchecked]; n > 0 {
		s += fmt.Sprintf(", %d not checked before the deadline", n)
	}
	return s
}

// progressBar draws "[=====     ] 120/500 URLs, 3 failed" on a terminal.
type progressBar struct {
	mu   sync.Mutex
	w    io.Writer
	last time.Time
}

// newProgressBar returns a bar when w is a terminal, nil otherwise.
func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 || os.Getenv("TERM") == "dumb" {
		return nil
	}
	return &progressBar{w: w}
}

func (b *progressBar) update(done, total, failed int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := time.Now()
	if done < total && now.Sub(b.last) < 100*time.Millisecond {
		return
	}
	b.last = now
	const width = 30
	n := width
	if total > 0 {
		n = done * width / total
	}
	fmt.Fprintf(b.w, "\r[%s%s] %d/%d URLs, %d failed", strings.Repeat("=", n), strings.Repeat(" ", width-n), done, total, failed)
}

func (b *progressBar) finish() {
	b.mu.Lock()
	defer b.mu.Unlock()
	fmt.Fprint(b.w, "\r\033[K")
}
