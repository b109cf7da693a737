// Package engine runs the rules over a set of files: each file is parsed once and checked
// by the per-file rules in a bounded pool of workers, then the cross-file rules see what
// every file contributed. Results come back in input order, whatever the scheduling.
package engine

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/listlint/listlint/mdsrc"
	"github.com/listlint/listlint/rules"
)

// RuleConfig is the effective setting of one rule.
type RuleConfig struct {
	Severity rules.Severity
	Options  any // the rule's options struct (a pointer), or nil
}

// Config says which rules run and how.
type Config struct {
	Rules map[string]RuleConfig
	// Now is the current time as rules see it (the future-year check); zero means time.Now.
	Now time.Time
	// Workers bounds the parallelism; 0 means one per CPU.
	Workers int
	// Stat answers rules that ask about files beside the linted one; nil means the file
	// system (os.Stat).
	Stat func(path string) (size int64, ok bool)
}

// DefaultConfig enables every rule at its default severity with default options.
func DefaultConfig() *Config {
	c := &Config{Rules: map[string]RuleConfig{}}
	for _, r := range rules.All() {
		rc := RuleConfig{Severity: r.Default}
		if r.NewOptions != nil {
			rc.Options = r.NewOptions()
		}
		c.Rules[r.ID] = rc
	}
	return c
}

// File is one input.
type File struct {
	Path string
	Src  []byte
	// Config, when set, chooses this file's per-file rules, severities and options (the
	// configuration that applies at its path); nil means the Config passed to Lint.
	Config *Config
}

// Result is what linting one file found.
type Result struct {
	Path  string
	Src   []byte
	Lines mdsrc.LineIndex
	Diags []rules.Diagnostic // sorted by position
	// Err is set when the file could not be parsed; it then has no diagnostics.
	Err error
	// dirs are the file's inline control comments, applied once every rule has reported.
	dirs []mdsrc.Directive
}

// Lint checks files and returns one result per file, in the same order.
//
// Per-file rules follow each file's own Config when it has one. Cross-file rules
// (duplicate-url's project pass) see all files at once, so they run with cfg's options
// and severity; a file whose own Config turns such a rule off receives none of its reports.
func Lint(files []File, cfg *Config) []*Result {
	now := cfg.Now
	if now.IsZero() {
		now = time.Now()
	}
	var fileRules, projectRules []*rules.Rule
	for _, r := range rules.All() {
		if rc, ok := cfg.Rules[r.ID]; !ok || rc.Severity == rules.Off {
			continue
		}
		if r.Check != nil {
			fileRules = append(fileRules, r)
		}
		if r.CheckProject != nil {
			projectRules = append(projectRules, r)
		}
	}
	results := make([]*Result, len(files))
	facts := make([][]any, len(files)) // facts[file][project rule]
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// With fewer files than workers, the rules of each file share the spare ones.
	ruleWorkers := max(workers/max(len(files), 1), 1)
	workers = min(workers, max(len(files), 1))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				fcfg, frules := cfg, fileRules
				if files[i].Config != nil {
					fcfg, frules = files[i].Config, perFileRules(files[i].Config)
				}
				results[i], facts[i] = lintFile(files[i], fcfg, cfg, now, frules, projectRules, ruleWorkers)
			}
		})
	}
	// The biggest files first, so that no worker is left with a big one at the end.
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(files[b].Src), len(files[a].Src)) })
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()

	byPath := map[string]*Result{}
	offFor := map[string]map[string]bool{} // path -> project rules its own config turns off
	for i, r := range results {
		byPath[r.Path] = r
		if c := files[i].Config; c != nil {
			for _, pr := range projectRules {
				if c.Rules[pr.ID].Severity == rules.Off {
					if offFor[r.Path] == nil {
						offFor[r.Path] = map[string]bool{}
					}
					offFor[r.Path][pr.ID] = true
				}
			}
		}
	}
	for k, r := range projectRules {
		var ff []rules.FileFacts
		for i, res := range results {
			if res.Err == nil {
				ff = append(ff, rules.FileFacts{Path: res.Path, Facts: facts[i][k]})
			}
		}
		rc := cfg.Rules[r.ID]
		rules.NewProjectPass(r, ff, rc.Options, rc.Severity, func(path string, d rules.Diagnostic) {
			if res := byPath[path]; res != nil && !offFor[path][d.Rule] {
				res.Diags = append(res.Diags, d)
			}
		}).Run()
	}
	for i, r := range results {
		fcfg := cfg
		if files[i].Config != nil {
			fcfg = files[i].Config
		}
		applyDirectives(r, r.dirs, fcfg)
		sortDiags(r.Diags)
	}
	return results
}

// perFileRules are the per-file rules that cfg turns on.
func perFileRules(cfg *Config) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rules.All() {
		if rc, ok := cfg.Rules[r.ID]; ok && rc.Severity != rules.Off && r.Check != nil {
			out = append(out, r)
		}
	}
	return out
}

// lintFile runs the per-file rules under cfg and collects the cross-file facts under
// projectCfg, whose options the project pass will read. The rules run on up to par
// goroutines; their diagnostics come back in rule order whatever the scheduling.
func lintFile(f File, cfg, projectCfg *Config, now time.Time, fileRules, projectRules []*rules.Rule, par int) (*Result, []any) {
	res := &Result{Path: f.Path, Src: f.Src}
	doc, err := mdsrc.ParseWorkers(f.Path, f.Src, par)
	if err != nil {
		res.Err = err
		return res, nil
	}
	res.Lines = doc.Lines
	res.dirs = doc.Directives()
	stat := cfg.Stat
	if stat == nil {
		stat = osStat
	}
	sibling := func(name string) (int64, bool) { return stat(filepath.Join(filepath.Dir(f.Path), name)) }
	others := func(id string) (any, bool) {
		rc, ok := cfg.Rules[id]
		return rc.Options, ok && rc.Severity != rules.Off && !disabledSomewhere(res, id)
	}
	facts := make([]any, len(projectRules))
	ntasks := len(fileRules) + len(projectRules)
	diags := make([][]rules.Diagnostic, ntasks) // per task, so that the order is fixed
	task := func(t int) {
		report := func(d rules.Diagnostic) { diags[t] = append(diags[t], d) }
		if t < len(fileRules) {
			r := fileRules[t]
			rc := cfg.Rules[r.ID]
			p := rules.NewPass(r, doc, rc.Options, rc.Severity, now, report)
			p.Sibling, p.Others = sibling, others
			guard(r, report, func() { r.Check(p) })
			return
		}
		k := t - len(fileRules)
		r := projectRules[k]
		rc := projectCfg.Rules[r.ID]
		guard(r, report, func() { facts[k] = r.Collect(rules.NewPass(r, doc, rc.Options, rc.Severity, now, report)) })
	}
	if par <= 1 {
		for t := range ntasks {
			task(t)
		}
	} else {
		// The cross-file collects first: duplicate-url's is among the longest tasks, and
		// started last it would keep one worker busy after the others are done.
		var next atomic.Int64
		var wg sync.WaitGroup
		for range min(par, ntasks) {
			wg.Go(func() {
				for e := int(next.Add(1)) - 1; e < ntasks; e = int(next.Add(1)) - 1 {
					if e < len(projectRules) {
						task(len(fileRules) + e)
					} else {
						task(e - len(projectRules))
					}
				}
			})
		}
		wg.Wait()
	}
	for _, ds := range diags {
		res.Diags = append(res.Diags, ds...)
	}
	return res, facts
}

// guard runs one rule so that a bug in it costs that rule's findings on this file, not the
// whole run: the panic becomes an error diagnostic asking for a report.
func guard(r *rules.Rule, report func(rules.Diagnostic), run func()) {
	defer func() {
		if v := recover(); v != nil {
			report(rules.Diagnostic{Rule: r.ID, Severity: rules.Error, Message: fmt.Sprintf("internal error in rule %s: %v (a bug in listlint; please report it with this file)", r.ID, v)})
		}
	}()
	run()
}

func osStat(path string) (int64, bool) {
	st, err := os.Stat(path)
	if err != nil || st.IsDir() {
		return 0, false
	}
	return st.Size(), true
}

func sortDiags(ds []rules.Diagnostic) {
	slices.SortStableFunc(ds, func(a, b rules.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), strings.Compare(a.Rule, b.Rule))
	})
}
