package changed

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// ParseError is a line of a unified diff that cannot be read.
type ParseError struct {
	Line int // 1-based; 0 when the problem is the diff as a whole
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// ParseDiff reads a unified diff (git diff, git format-patch, diff -u) and returns the lines
// it adds or changes, by the path of the file on the new side. Paths keep the form the diff
// gives them, slash-separated, with git's "a/" and "b/" prefixes (or diff -u's equivalent
// first folders) removed. Deleted files and files only renamed or with a new mode are not
// included; new files and binary files count as changed throughout.
func ParseDiff(diff []byte) (map[string]*File, error) {
	p := &parser{lines: splitLines(diff), out: map[string]*File{}}
	if err := p.parse(); err != nil {
		return nil, err
	}
	if !p.sawFile && len(bytes.TrimSpace(diff)) > 0 {
		return nil, &ParseError{Msg: "no unified diff in it: no \"--- \"/\"+++ \" file header and no \"diff --git\" line (want the output of git diff or diff -u)"}
	}
	for _, f := range p.out {
		f.normalize()
	}
	return p.out, nil
}

// splitLines splits at "\n" and drops a "\r" before it, so that CRLF patches read like LF
// ones. Hunk lines are only counted, never compared, so the content loses nothing that
// matters here.
func splitLines(b []byte) []string {
	s := string(b)
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

type parser struct {
	lines   []string
	i       int // index of the current line
	out     map[string]*File
	sawFile bool
	sec     *section
}

// section is one file of the diff, as far as it has been read.
type section struct {
	git              bool   // started by "diff --git"
	gitOld, gitNew   string // names on the "diff --git" line, when they could be split
	prefixed         bool   // the git names carry "a/"-style prefixes
	renameTo         string // from "rename to" or "copy to": no prefix
	minus, plus      string // names on the "---" and "+++" lines
	hasMinus         bool
	hasPlus          bool
	isNew, isDeleted bool
	binary           bool
	file             *File
}

func (p *parser) errorf(format string, args ...any) error {
	return &ParseError{Line: p.i + 1, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) parse() error {
	for p.i < len(p.lines) {
		line := p.lines[p.i]
		switch {
		case strings.HasPrefix(line, "diff --git "):
			p.start(&section{git: true})
			p.sec.gitOld, p.sec.gitNew, p.sec.prefixed = splitGitHeader(line[len("diff --git "):])
		case p.sec != nil && p.sec.git && !p.sec.hasPlus && p.extended(line):
		case strings.HasPrefix(line, "--- ") && p.i+1 < len(p.lines) && strings.HasPrefix(p.lines[p.i+1], "+++ "):
			if p.sec == nil || !p.sec.git || p.sec.hasMinus {
				p.start(&section{})
			}
			minus, err := headerName(line[4:])
			if err != nil {
				return p.errorf("%v", err)
			}
			p.i++
			plus, err := headerName(p.lines[p.i][4:])
			if err != nil {
				return p.errorf("%v", err)
			}
			p.sec.minus, p.sec.plus, p.sec.hasMinus, p.sec.hasPlus = minus, plus, true, true
			if minus == devNull {
				p.sec.isNew = true
			}
			if plus == devNull {
				p.sec.isDeleted = true
			}
		case strings.HasPrefix(line, "+++ "):
			return p.errorf("%q has no \"--- \" line before it", line)
		case strings.HasPrefix(line, "Binary files ") && strings.HasSuffix(line, " differ"):
			if p.sec == nil || !p.sec.git || p.sec.hasPlus || p.sec.binary {
				// Not in git's header of this file: diff -u (or -r) names binary files on
				// this line only.
				old, nw, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(line, "Binary files "), " differ"), " and ")
				if !ok {
					return p.errorf("cannot read the file names in %q", line)
				}
				p.start(&section{minus: old, plus: nw, hasMinus: true, hasPlus: true, isNew: old == devNull, isDeleted: nw == devNull})
			}
			p.sec.binary = true
		case strings.HasPrefix(line, "@@"):
			if p.sec == nil || (!p.sec.hasPlus && !p.sec.git) {
				return p.errorf("a hunk (%q) before any file header (\"--- \"/\"+++ \" or \"diff --git\")", line)
			}
			if err := p.hunk(); err != nil {
				return err
			}
			continue // hunk leaves p.i on the line after it
		}
		// Anything else between files (a commit message, a diffstat, "index" lines, an
		// email signature) is not part of a file's changes, as git apply sees it.
		p.i++
	}
	p.finish()
	return nil
}

// extended reads a line of git's extended header (between "diff --git" and "---"), and
// reports whether it was one.
func (p *parser) extended(line string) bool {
	s := p.sec
	switch {
	case strings.HasPrefix(line, "new file mode "):
		s.isNew = true
	case strings.HasPrefix(line, "deleted file mode "):
		s.isDeleted = true
	case strings.HasPrefix(line, "rename to "), strings.HasPrefix(line, "copy to "):
		_, name, _ := strings.Cut(line, " to ")
		if n, err := unquote(name); err == nil {
			s.renameTo = n
		}
	case strings.HasPrefix(line, "GIT binary patch"):
		// The base85 lines that follow start with a letter: no header looks like them.
		s.binary = true
	case strings.HasPrefix(line, "old mode "), strings.HasPrefix(line, "new mode "),
		strings.HasPrefix(line, "similarity index "), strings.HasPrefix(line, "dissimilarity index "),
		strings.HasPrefix(line, "rename from "), strings.HasPrefix(line, "copy from "),
		strings.HasPrefix(line, "index "):
	default:
		return false
	}
	return true
}

const devNull = "/dev/null"

// start begins a new file section, closing the current one.
func (p *parser) start(s *section) {
	p.finish()
	p.sec = s
	p.sawFile = true
}

// finish records the current section's file under its new name.
func (p *parser) finish() {
	s := p.sec
	p.sec = nil
	if s == nil || s.isDeleted {
		return
	}
	name := s.newName()
	if name == "" || name == devNull {
		return
	}
	f := p.out[name]
	if f == nil {
		f = &File{}
		p.out[name] = f
	}
	if s.file != nil {
		f.ranges = append(f.ranges, s.file.ranges...)
	}
	if s.isNew || s.binary {
		f.Whole = true
	}
	if s.file == nil && !f.Whole && len(f.ranges) == 0 {
		// Renamed or re-moded only: nothing changed in it.
		delete(p.out, name)
	}
}

// newName is the path of the section's file after the change, without a prefix.
func (s *section) newName() string {
	if s.renameTo != "" {
		return s.renameTo
	}
	if s.hasPlus && s.plus != devNull {
		if s.git {
			if s.prefixed {
				return stripFirst(s.plus)
			}
			return s.plus
		}
		return stripPrefix(s.minus, s.plus)
	}
	if s.git && s.prefixed {
		return stripFirst(s.gitNew)
	}
	return s.gitNew
}

// hunk reads one hunk, starting at its "@@" line.
func (p *parser) hunk() error {
	header := p.lines[p.i]
	_, newStart, oldCount, newCount, ok := parseHunkHeader(header)
	if !ok {
		return p.errorf("cannot read the hunk header %q (want \"@@ -start,count +start,count @@\")", header)
	}
	s := p.sec
	if s.file == nil {
		s.file = &File{}
	}
	at := p.i + 1
	line := newStart
	p.i++
	for oldCount > 0 || newCount > 0 {
		if p.i >= len(p.lines) {
			return &ParseError{Line: p.i, Msg: fmt.Sprintf("the hunk at line %d ends early: the patch ends with %d old and %d new lines still to come", at, oldCount, newCount)}
		}
		l := p.lines[p.i]
		kind := byte(' ') // an empty line is an empty context line that lost its space
		if l != "" {
			kind = l[0]
		}
		switch kind {
		case ' ':
			oldCount--
			newCount--
			line++
		case '-':
			oldCount--
		case '+':
			newCount--
			s.file.add(line, line)
			line++
		case '\\': // "\ No newline at end of file"
		default:
			return p.errorf("the hunk at line %d ends early: %q is not a hunk line (\" \", \"+\", \"-\" or \"\\\"), %d old and %d new lines were still to come", at, l, oldCount, newCount)
		}
		if oldCount < 0 || newCount < 0 {
			return p.errorf("the hunk at line %d has more lines than its header %q counts", at, header)
		}
		p.i++
	}
	// A marker may follow the last line.
	for p.i < len(p.lines) && strings.HasPrefix(p.lines[p.i], "\\") {
		p.i++
	}
	// Text may follow a hunk (a mail signature "-- ", the next file's header), but not
	// one more hunk line: the header's counts are wrong, and the lines after it would be
	// numbered wrong too.
	if p.i < len(p.lines) {
		l := p.lines[p.i]
		if l != "" && (l[0] == '+' || l[0] == ' ' || l[0] == '-') && !strings.HasPrefix(l, "--") && !strings.HasPrefix(l, "+++ ") {
			return p.errorf("the hunk at line %d has more lines than its header %q counts", at, header)
		}
	}
	return nil
}

// parseHunkHeader reads "@@ -l[,s] +l[,s] @@ ...". An omitted count is 1.
func parseHunkHeader(h string) (oldStart, newStart, oldCount, newCount int, ok bool) {
	rest, found := strings.CutPrefix(h, "@@ -")
	if !found {
		return 0, 0, 0, 0, false
	}
	old, rest, found := strings.Cut(rest, " +")
	if !found {
		return 0, 0, 0, 0, false
	}
	nw, _, found := strings.Cut(rest, " @@")
	if !found {
		return 0, 0, 0, 0, false
	}
	var ok1, ok2 bool
	oldStart, oldCount, ok1 = parseRange(old)
	newStart, newCount, ok2 = parseRange(nw)
	return oldStart, newStart, oldCount, newCount, ok1 && ok2
}

func parseRange(s string) (start, count int, ok bool) {
	a, b, hasCount := strings.Cut(s, ",")
	start, err := strconv.Atoi(a)
	if err != nil || start < 0 {
		return 0, 0, false
	}
	count = 1
	if hasCount {
		count, err = strconv.Atoi(b)
		if err != nil || count < 0 {
			return 0, 0, false
		}
	}
	return start, count, true
}

// headerName reads the name on a "---" or "+++" line: C-quoted by git when it holds
// special characters; followed by a tab (and a time stamp from diff -u, or nothing when git
// marks a name with a space).
func headerName(s string) (string, error) {
	if strings.HasPrefix(s, `"`) {
		name, _, err := quotedPrefix(s)
		return name, err
	}
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, " "), nil
}

// splitGitHeader splits the names of "diff --git A B". Unquoted names may hold spaces, so
// the split is the one where both names are the same path under their prefixes (as git
// writes them unless the file was renamed, when "rename to" names it). prefixed reports
// prefixes such as "a/" and "b/".
func splitGitHeader(s string) (old, nw string, prefixed bool) {
	if strings.HasPrefix(s, `"`) {
		a, rest, err := quotedPrefix(s)
		if err != nil || !strings.HasPrefix(rest, " ") {
			return "", "", false
		}
		b, err := headerName(rest[1:])
		if err != nil {
			return "", "", false
		}
		return a, b, gitPrefixed(a, b)
	}
	var first [2]string
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		a, b := s[:i], s[i+1:]
		if strings.HasPrefix(b, `"`) {
			if q, err := headerName(b); err == nil {
				b = q
			}
		}
		if a == b || (stripFirst(a) == stripFirst(b) && stripFirst(a) != a) {
			return a, b, gitPrefixed(a, b)
		}
		if n == 0 {
			first = [2]string{a, b}
		}
		n++
	}
	if n == 1 {
		return first[0], first[1], gitPrefixed(first[0], first[1])
	}
	return "", "", false
}

// gitPrefixed tells whether git's two names carry prefixes: git's "a/" and "b/", or the
// mnemonic ones (c/, i/, o/, w/), or whatever --src-prefix and --dst-prefix made, seen as
// the same path under two different first folders.
func gitPrefixed(a, b string) bool {
	if a == b {
		return false
	}
	if stripFirst(a) == stripFirst(b) && stripFirst(a) != a {
		return true
	}
	return oneLetterDir(a) && oneLetterDir(b)
}

func oneLetterDir(s string) bool { return len(s) > 2 && s[1] == '/' }

// stripPrefix removes the prefixes of a diff -u pair of names: the first folder of each
// when they differ and the rest is the same ("a/x" and "b/x", "old/x" and "new/x"), or
// git's "a/" and "b/". A new file ("/dev/null" on the old side) loses a "b/".
func stripPrefix(minus, plus string) string {
	switch {
	case minus == devNull:
		if strings.HasPrefix(plus, "b/") {
			return plus[2:]
		}
		return plus
	case minus == plus:
		return plus
	case stripFirst(minus) == stripFirst(plus) && stripFirst(plus) != plus:
		return stripFirst(plus)
	case strings.HasPrefix(minus, "a/") && strings.HasPrefix(plus, "b/"):
		return plus[2:]
	}
	return plus
}

// stripFirst removes the first folder of a slash path, or returns it unchanged.
func stripFirst(s string) string {
	if _, rest, ok := strings.Cut(s, "/"); ok && rest != "" {
		return rest
	}
	return s
}

// unquote reads a name that git may have C-quoted.
func unquote(s string) (string, error) {
	if !strings.HasPrefix(s, `"`) {
		return s, nil
	}
	name, rest, err := quotedPrefix(s)
	if err == nil && strings.TrimSpace(rest) != "" {
		err = fmt.Errorf("unexpected %q after the quoted name %q", rest, s)
	}
	return name, err
}

// quotedPrefix reads a C-quoted string as git writes it (\", \\, \a \b \f \n \r \t \v and
// three octal digits per byte) at the start of s, and returns the rest of s.
func quotedPrefix(s string) (name, rest string, err error) {
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			return b.String(), s[i+1:], nil
		case '\\':
			i++
			if i >= len(s) {
				break
			}
			switch e := s[i]; e {
			case 'a':
				b.WriteByte('\a')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'v':
				b.WriteByte('\v')
			case '"', '\\':
				b.WriteByte(e)
			default:
				if e >= '0' && e <= '3' && i+2 < len(s) {
					v, perr := strconv.ParseUint(s[i:i+3], 8, 8)
					if perr == nil {
						b.WriteByte(byte(v))
						i += 2
						continue
					}
				}
				return "", "", fmt.Errorf("cannot read the quoted name %s: unknown escape \\%c", s, e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", "", fmt.Errorf("cannot read the quoted name %s: no closing quote", s)
}
