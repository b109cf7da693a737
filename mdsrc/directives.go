package mdsrc

import (
	"bytes"
	"regexp"
	"strings"
)

// DirectiveKind is what an inline control comment asks for.
type DirectiveKind int

// The kinds of inline control comments.
const (
	Disable DirectiveKind = iota
	Enable
	DisableLine
	DisableNextLine
	DisableFile
)

// Directive is one inline control comment: "<!-- listlint-disable-next-line year-suffix -->"
// or awesome-lint's "<!--lint ignore double-link-->".
type Directive struct {
	Kind DirectiveKind
	// Rules are the names as written (ids or aliases); empty means every rule.
	Rules []string
	Span  Span // the comment
	// AwesomeLint is true for "<!--lint ...-->" comments, whose rule names may belong to
	// remark rules listlint does not have.
	AwesomeLint bool
}

var directiveRe = regexp.MustCompile(`^<!--\s*(listlint-(?:disable-next-line|disable-line|disable-file|disable|enable)|lint\s+(?:disable|enable|ignore))\b([^>]*?)\s*-->`)

// Directives returns the file's inline control comments in source order. Comments inside
// code blocks and code spans are not directives: only HTML that goldmark saw counts.
func (d *Document) Directives() []Directive {
	var out []Directive
	src := d.Src
	scan := func(from, to int) {
		for from < to {
			i := bytes.Index(src[from:to], []byte("<!--"))
			if i < 0 {
				return
			}
			at := from + i
			end := bytes.Index(src[at:to], []byte("-->"))
			if end < 0 {
				return
			}
			end += at + 3
			if m := directiveRe.FindSubmatch(src[at:end]); m != nil {
				out = append(out, parseDirective(string(m[1]), string(m[2]), Span{at, end}))
			}
			from = end
		}
	}
	for _, h := range d.html {
		scan(h.Start, h.End)
	}
	return out
}

func parseDirective(verb, args string, span Span) Directive {
	dir := Directive{Span: span}
	verb = strings.Join(strings.Fields(verb), " ")
	switch verb {
	case "listlint-disable", "lint disable":
		dir.Kind = Disable
	case "listlint-enable", "lint enable":
		dir.Kind = Enable
	case "listlint-disable-line":
		dir.Kind = DisableLine
	case "listlint-disable-next-line", "lint ignore":
		dir.Kind = DisableNextLine
	case "listlint-disable-file":
		dir.Kind = DisableFile
	}
	dir.AwesomeLint = strings.HasPrefix(verb, "lint ")
	for _, f := range strings.FieldsFunc(args, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		if strings.HasPrefix(f, "--") {
			break // "-- reason" ends the rule list, as in ESLint
		}
		dir.Rules = append(dir.Rules, f)
	}
	return dir
}
