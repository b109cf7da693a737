package report

import (
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/internal/worktree"
	"github.com/listlint/listlint/rules"
)

// withDefaults fills in what the caller left out: the repository root above the working
// folder, and "dev" for the version (the command passes its own, cli.Version).
func withDefaults(o Options) Options {
	if o.Root == "" {
		if wd, err := os.Getwd(); err == nil {
			o.Root = worktree.Top(wd)
		}
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	return o
}

// repoPath returns p relative to root with forward slashes, as GitHub wants paths. ok is
// false when p lies outside root; the path is then absolute (or as given when it cannot be
// made absolute, such as "<stdin>" without a working folder).
func repoPath(root, p string) (rel string, ok bool) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p), false
	}
	if root != "" {
		if r, err := filepath.Rel(root, abs); err == nil && filepath.IsLocal(r) {
			return filepath.ToSlash(r), true
		}
	}
	return filepath.ToSlash(abs), false
}

// escapePath percent-encodes a slash-separated path for use in a URI: everything but
// RFC 3986's unreserved characters and "/" is encoded, so that spaces, "#", "?", "%",
// a ":" that would read as a scheme, and non-ASCII bytes (as UTF-8) are all safe.
func escapePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '/' || c == '-' || c == '.' || c == '_' || c == '~' ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// displaySpan returns the positions an annotation should mark for a diagnostic. The
// diagnostic's own span is exact for fixes but can be awkward to show: a span that ends
// at the start of a line (it took the line break) would mark one more line, so it ends at
// the end of the line before instead; an empty span (an insertion point) marks nothing,
// so it widens to the character after it, or before it at the end of a line.
func displaySpan(r *engine.Result, d rules.Diagnostic) (start, end Position) {
	s, e := d.Start, d.End
	s, e = min(max(s, 0), len(r.Src)), min(max(e, 0), len(r.Src))
	if e < s {
		e = s
	}
	if e > s {
		if line := r.Lines.Line(e); r.Lines.Start(line) == e && line > r.Lines.Line(s) {
			e = max(s, r.Lines.End(r.Src, line-1))
		}
	}
	if e == s {
		line := r.Lines.Line(s)
		ls, le := r.Lines.TextStart(r.Src, line), r.Lines.End(r.Src, line)
		switch {
		case s < le:
			_, n := utf8.DecodeRune(r.Src[s:le])
			e = s + n
		case s > ls && s <= le:
			_, n := utf8.DecodeLastRune(r.Src[ls:s])
			s -= n
		}
	}
	sl, sc := r.Lines.Position(r.Src, s)
	el, ec := r.Lines.Position(r.Src, e)
	return Position{sl, sc}, Position{el, ec}
}

// lineText returns the text of 1-based line n, without its line break.
func lineText(r *engine.Result, n int) string {
	return string(r.Src[r.Lines.Start(n):r.Lines.End(r.Src, n)])
}
