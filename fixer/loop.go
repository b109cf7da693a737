package fixer

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"sort"
	"strings"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

// MaxPasses caps the lint-fix rounds. Fixes of one rule can expose problems for another,
// so a few rounds are normal; more means two rules undo each other.
const MaxPasses = 10

// Outcome is the result of fixing a set of files to a fixed point.
type Outcome struct {
	// Files holds the fixed contents, in input order.
	Files []engine.File
	// Results is the lint of the fixed contents: what is left to report.
	Results []*engine.Result
	// Fixed counts the fixes applied, per file.
	Fixed []int
	// Problems are files whose fixes did not settle, with the rules involved.
	Problems []string
}

// Changed reports whether file i differs from its input.
func (o *Outcome) Changed(i int, in []engine.File) bool {
	return string(o.Files[i].Src) != string(in[i].Src)
}

// FixAll lints files, applies their safe fixes (and unsafe ones when unsafe is true),
// and repeats until nothing changes, a state repeats, or MaxPasses is reached.
func FixAll(files []engine.File, cfg *engine.Config, unsafe bool) *Outcome {
	cur := make([]engine.File, len(files))
	copy(cur, files)
	out := &Outcome{Fixed: make([]int, len(files))}
	seen := make([]map[uint64]bool, len(files))
	stuck := make([]bool, len(files))
	lastRules := make([]map[string]bool, len(files))
	for i := range files {
		seen[i] = map[uint64]bool{hash(files[i].Src): true}
	}
	var results []*engine.Result
	for pass := 0; ; pass++ {
		results = engine.Lint(cur, cfg)
		if pass == MaxPasses {
			for i := range cur {
				if lastRules[i] != nil && !stuck[i] {
					out.Problems = append(out.Problems, fmt.Sprintf("%s: fixes did not settle after %d passes (rules: %s)", cur[i].Path, MaxPasses, joinKeys(lastRules[i])))
				}
			}
			break
		}
		changed := false
		for i, r := range results {
			if r.Err != nil || stuck[i] {
				continue
			}
			var fixes []*rules.Fix
			var owners []string
			crlf := mostlyCRLF(r.Src)
			for _, d := range r.Diags {
				if d.Fix == nil || d.Severity == rules.Off || (!d.Fix.Safe && !unsafe) {
					continue
				}
				fixes = append(fixes, normalizeEOL(d.Fix, crlf))
				owners = append(owners, d.Rule)
			}
			if len(fixes) == 0 {
				lastRules[i] = nil
				continue
			}
			next, applied := Apply(r.Src, fixes)
			if len(applied) == 0 || string(next) == string(r.Src) {
				lastRules[i] = nil
				continue
			}
			lastRules[i] = map[string]bool{}
			for _, k := range applied {
				lastRules[i][owners[k]] = true
			}
			h := hash(next)
			if seen[i][h] {
				// Back to an earlier state: the rules undo each other. Keep the file as it is now.
				stuck[i] = true
				out.Problems = append(out.Problems, fmt.Sprintf("%s: fixes oscillate between rules %s; fix by hand", cur[i].Path, joinKeys(lastRules[i])))
				continue
			}
			seen[i][h] = true
			out.Fixed[i] += len(applied)
			cur[i] = engine.File{Path: cur[i].Path, Src: next, Config: cur[i].Config}
			changed = true
		}
		if !changed {
			break
		}
	}
	out.Files = cur
	out.Results = results
	return out
}

// mostlyCRLF reports whether most line breaks of src are "\r\n": the fixes' new text then
// gets them too.
func mostlyCRLF(src []byte) bool {
	if bytes.IndexByte(src, '\r') < 0 {
		return false
	}
	crlf := bytes.Count(src, []byte("\r\n"))
	return crlf > 0 && crlf*2 >= bytes.Count(src, []byte("\n"))
}

// normalizeEOL makes inserted line breaks match a CRLF file's (crlf): one where most line
// breaks are CRLF, as mdsrc decides.
func normalizeEOL(f *rules.Fix, crlf bool) *rules.Fix {
	if !crlf {
		return f
	}
	g := *f
	g.Edits = make([]rules.Edit, len(f.Edits))
	for i, e := range f.Edits {
		if strings.Contains(e.New, "\n") {
			e.New = strings.ReplaceAll(strings.ReplaceAll(e.New, "\r\n", "\n"), "\n", "\r\n")
		}
		g.Edits[i] = e
	}
	return &g
}

// stateSeed seeds the hashes by which FixAll recognises a state it has seen.
var stateSeed = maphash.MakeSeed()

func hash(b []byte) uint64 { return maphash.Bytes(stateSeed, b) }

func joinKeys(m map[string]bool) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}
