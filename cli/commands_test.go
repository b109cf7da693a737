package cli_test

// Custom testscript commands and conditions used by testdata/script/*.txtar.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/listlint/listlint/rules"
)

var scriptCommands = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"exits":      cmdExits,
	"genfile":    cmdGenfile,
	"tocrlf":     cmdToCRLF,
	"addbom":     cmdAddBOM,
	"nofinalnl":  cmdNoFinalNL,
	"crlf":       cmdCRLF,
	"bom":        cmdBOM,
	"mode":       cmdMode,
	"sameurls":   cmdSameURLs,
	"jsonreport": cmdJSONReport,
}

// scriptCondition implements [tool:NAME]: true when the program NAME is on PATH. When it is
// missing and LISTLINT_REQUIRE_TOOLS=1, the condition is an error, so the script fails
// instead of skipping.
func scriptCondition(cond string) (bool, error) {
	name, ok := strings.CutPrefix(cond, "tool:")
	if !ok {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	if _, err := exec.LookPath(name); err != nil {
		if requireTools() {
			return false, fmt.Errorf("%s is required (LISTLINT_REQUIRE_TOOLS=1) but not found on PATH", name)
		}
		return false, nil
	}
	return true, nil
}

// exits STATUS PROGRAM [ARGS...] runs PROGRAM like exec (honouring stdin, keeping stdout
// and stderr for the next stdout, stderr and cmp lines) and checks its exact exit status,
// which exec cannot: listlint's 1 ("problems") and 2 ("usage error or unreadable input")
// mean different things. A Go panic or runtime fatal error also exits 2, so any sign of
// a crash on stderr fails the script whatever the status.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits STATUS PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s did not run: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if crashRE.MatchString(ts.ReadFile("stderr")) {
		ts.Fatalf("%s crashed (exit status %d)", args[1], got)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// crashRE matches what the Go runtime prints when a program panics or dies.
var crashRE = regexp.MustCompile(`(?m)^(panic: |fatal error: |goroutine \d+ \[)`)

// Big and hostile inputs are generated, not checked in.
var generators = map[string]func() []byte{
	// A NUL byte on line 2.
	"nul": func() []byte { return []byte("- [A](https://a.example) - Fine entry.\n\x00\n") },
	// A Latin-1 "é" (0xe9) on line 3.
	"badutf8": func() []byte { return []byte("# T\n\n- [Café](https://a.example) - Caf\xe9 entry.\n") },
	// One 5 MB line: a valid entry whose description lacks its final period, so that the
	// problem sits at the far end of the line.
	"bigline": func() []byte {
		var b bytes.Buffer
		b.WriteString("- [Big](https://big.example) - Big")
		for b.Len() < 5<<20 {
			b.WriteString(" word")
		}
		b.WriteString("\n")
		return b.Bytes()
	},
	// 10,000 nested lists ("- - - … x"), the classic pathological CommonMark input.
	"nestedlists": func() []byte { return []byte(strings.Repeat("- ", 10000) + "x\n") },
	// 10,000 nested blockquotes.
	"nestedquotes": func() []byte { return []byte(strings.Repeat(">", 10000) + " x\n") },
	// 10,000 levels alternating blockquotes and lists.
	"nestedmixed": func() []byte { return []byte(strings.Repeat("> - ", 5000) + "x\n") },
}

// genfile KIND FILE writes a generated input.
func cmdGenfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genfile KIND FILE")
	}
	gen := generators[args[0]]
	if gen == nil {
		ts.Fatalf("genfile: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), gen(), 0o644))
}

// tocrlf SRC DST copies SRC with every "\n" turned into "\r\n".
func cmdToCRLF(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: tocrlf SRC DST")
	}
	src := strings.ReplaceAll(ts.ReadFile(args[0]), "\r\n", "\n")
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(strings.ReplaceAll(src, "\n", "\r\n")), 0o644))
}

// addbom SRC DST copies SRC with a UTF-8 byte order mark in front.
func cmdAddBOM(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: addbom SRC DST")
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte("\ufeff"+ts.ReadFile(args[0])), 0o644))
}

// nofinalnl FILE removes the line break at the end of FILE (a txtar file always has one).
func cmdNoFinalNL(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: nofinalnl FILE")
	}
	data := strings.TrimRight(ts.ReadFile(args[0]), "\r\n")
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
}

// crlf FILE checks that every line of FILE ends with "\r\n" (the last one may lack a line
// break); ! crlf FILE checks that FILE has no "\r" at all.
func cmdCRLF(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: [!] crlf FILE")
	}
	data := ts.ReadFile(args[0])
	if neg {
		if i := strings.IndexByte(data, '\r'); i >= 0 {
			ts.Fatalf("%s: unexpected \\r on line %d", args[0], 1+strings.Count(data[:i], "\n"))
		}
		return
	}
	if !strings.Contains(data, "\n") {
		ts.Fatalf("%s: no line breaks at all", args[0])
	}
	for i, line := range strings.SplitAfter(data, "\n") {
		if strings.HasSuffix(line, "\n") && !strings.HasSuffix(line, "\r\n") {
			ts.Fatalf("%s: line %d ends with a bare \\n: %q", args[0], i+1, line)
		}
		if strings.Contains(strings.TrimSuffix(line, "\r\n"), "\r") {
			ts.Fatalf("%s: line %d has a stray \\r: %q", args[0], i+1, line)
		}
	}
}

// bom FILE checks that FILE starts with exactly one UTF-8 byte order mark; ! bom FILE that
// it has none.
func cmdBOM(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: [!] bom FILE")
	}
	data := ts.ReadFile(args[0])
	has := strings.HasPrefix(data, "\ufeff")
	switch {
	case neg && has:
		ts.Fatalf("%s starts with a byte order mark", args[0])
	case !neg && !has:
		ts.Fatalf("%s does not start with a byte order mark: %q", args[0], data[:min(len(data), 16)])
	}
	if n := strings.Count(data, "\ufeff"); has && n != 1 {
		ts.Fatalf("%s has %d byte order marks", args[0], n)
	}
}

// mode FILE PERM checks FILE's permission bits, given in octal.
func cmdMode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mode FILE PERM")
	}
	want, err := strconv.ParseUint(args[1], 8, 32)
	ts.Check(err)
	fi, err := os.Stat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := fi.Mode().Perm(); uint64(got) != want {
		ts.Fatalf("%s: mode %#o, want %#o", args[0], got, want)
	}
}

var urlRE = regexp.MustCompile(`https?://[^\s<>()\[\]"']+`)

// sameurls ORIG NEW checks that every URL of ORIG is still in NEW, as often as before.
// URLs compare as the pages they lead to (rules.NormalizeURL): url-style may rewrite one
// URL into one URL for the same page (https, no trailing slash), never drop one.
func cmdSameURLs(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sameurls ORIG NEW")
	}
	orig := urlRE.FindAllString(ts.ReadFile(args[0]), -1)
	if len(orig) == 0 {
		ts.Fatalf("%s has no URLs", args[0])
	}
	now := urlRE.FindAllString(ts.ReadFile(args[1]), -1)
	count := map[string]int{}
	for _, u := range now {
		count[rules.NormalizeURL(u)]++
	}
	for _, u := range orig {
		if count[rules.NormalizeURL(u)] == 0 {
			ts.Fatalf("URL %s of %s is missing from %s", u, args[0], args[1])
		}
		count[rules.NormalizeURL(u)]--
	}
	ts.Logf("%d URLs of %s all present in %s", len(orig), args[0], args[1])
}

// jsonreport [-src FILE] REPORT [PATH=VALUE ...] parses REPORT (usually "stdout") as
// listlint's JSON output and checks its schema strictly: version 1, a files count, and
// diagnostics whose fields all exist with the right types, 1-based positions, and a fix
// that is null or {safe, message, edits}. With -src, every position is also recomputed
// from the source FILE: lines are 1-based, columns count code points (after a BOM), and
// the edits' byte offsets must agree with their line and column.
//
// Each PATH=VALUE compares one value, found by a dotted path such as
// "diagnostics.0.column"; "diagnostics.len" is a length. VALUE is compared with the JSON
// value printed plainly: strings unquoted, numbers in decimal, true, false or null.
func cmdJSONReport(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! jsonreport")
	}
	src := ""
	if len(args) >= 2 && args[0] == "-src" {
		src = ts.ReadFile(args[1])
		args = args[2:]
	}
	if len(args) < 1 {
		ts.Fatalf("usage: jsonreport [-src FILE] REPORT [PATH=VALUE ...]")
	}
	dec := json.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		ts.Fatalf("%s is not JSON: %v", args[0], err)
	}
	if dec.More() {
		ts.Fatalf("%s has more than one JSON value", args[0])
	}
	if err := checkJSONSchema(doc, src); err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
	for _, check := range args[1:] {
		path, want, ok := strings.Cut(check, "=")
		if !ok {
			ts.Fatalf("jsonreport: %q is not PATH=VALUE", check)
		}
		got, err := jsonLookup(doc, path)
		if err != nil {
			ts.Fatalf("%s: %v", args[0], err)
		}
		if got != want {
			ts.Fatalf("%s: %s is %q, want %q", args[0], path, got, want)
		}
	}
}

func checkJSONSchema(doc any, src string) error {
	top, ok := doc.(map[string]any)
	if !ok {
		return fmt.Errorf("top level is %T, want an object", doc)
	}
	if err := exactKeys("top level", top, "version", "files", "diagnostics", "errors"); err != nil {
		return err
	}
	if v, err := intField(top, "version"); err != nil || v != 1 {
		return fmt.Errorf("version is %v, want 1", top["version"])
	}
	if n, err := intField(top, "files"); err != nil || n < 0 {
		return fmt.Errorf("files is %v, want a count", top["files"])
	}
	diags, ok := top["diagnostics"].([]any)
	if !ok {
		return fmt.Errorf("diagnostics is %T, want an array (never null)", top["diagnostics"])
	}
	if _, ok := top["errors"].([]any); !ok {
		return fmt.Errorf("errors is %T, want an array (never null)", top["errors"])
	}
	for i, raw := range diags {
		where := fmt.Sprintf("diagnostics[%d]", i)
		d, ok := raw.(map[string]any)
		if !ok {
			return fmt.Errorf("%s is %T, want an object", where, raw)
		}
		// "url" (a link to the rule's documentation) is optional.
		if err := exactKeys(where, d, "path", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "fix", "url?"); err != nil {
			return err
		}
		for _, k := range []string{"path", "rule", "message", "url"} {
			if _, ok := d[k]; !ok && k == "url" {
				continue
			}
			if s, ok := d[k].(string); !ok || s == "" {
				return fmt.Errorf("%s.%s is %#v, want a non-empty string", where, k, d[k])
			}
		}
		if s := d["severity"]; s != "error" && s != "warning" {
			return fmt.Errorf("%s.severity is %#v, want \"error\" or \"warning\"", where, s)
		}
		start, end, err := span(where, d)
		if err != nil {
			return err
		}
		if src != "" {
			for _, p := range [][2]int{start, end} {
				if err := positionExists(src, p[0], p[1]); err != nil {
					return fmt.Errorf("%s: %w", where, err)
				}
			}
		}
		if d["fix"] == nil {
			continue
		}
		fix, ok := d["fix"].(map[string]any)
		if !ok {
			return fmt.Errorf("%s.fix is %T, want null or an object", where, d["fix"])
		}
		if err := exactKeys(where+".fix", fix, "safe", "message", "edits"); err != nil {
			return err
		}
		if _, ok := fix["safe"].(bool); !ok {
			return fmt.Errorf("%s.fix.safe is %#v, want a boolean", where, fix["safe"])
		}
		if s, ok := fix["message"].(string); !ok || s == "" {
			return fmt.Errorf("%s.fix.message is %#v, want a non-empty string", where, fix["message"])
		}
		edits, ok := fix["edits"].([]any)
		if !ok || len(edits) == 0 {
			return fmt.Errorf("%s.fix.edits is %#v, want a non-empty array", where, fix["edits"])
		}
		for k, raw := range edits {
			ew := fmt.Sprintf("%s.fix.edits[%d]", where, k)
			e, ok := raw.(map[string]any)
			if !ok {
				return fmt.Errorf("%s is %T, want an object", ew, raw)
			}
			if err := exactKeys(ew, e, "line", "column", "endLine", "endColumn", "startOffset", "endOffset", "newText"); err != nil {
				return err
			}
			if _, ok := e["newText"].(string); !ok {
				return fmt.Errorf("%s.newText is %#v, want a string", ew, e["newText"])
			}
			es, ee, err := span(ew, e)
			if err != nil {
				return err
			}
			so, err1 := intField(e, "startOffset")
			eo, err2 := intField(e, "endOffset")
			if err1 != nil || err2 != nil || so < 0 || eo < so {
				return fmt.Errorf("%s: bad offsets %v..%v", ew, e["startOffset"], e["endOffset"])
			}
			if src != "" {
				if eo > len(src) {
					return fmt.Errorf("%s: endOffset %d is past the end of the source (%d bytes)", ew, eo, len(src))
				}
				for _, c := range []struct {
					off int
					pos [2]int
				}{{so, es}, {eo, ee}} {
					if l, col := position(src, c.off); l != c.pos[0] || col != c.pos[1] {
						return fmt.Errorf("%s: byte offset %d is line %d column %d in the source, the report says %d:%d", ew, c.off, l, col, c.pos[0], c.pos[1])
					}
				}
			}
		}
	}
	return nil
}

// span reads and checks the 1-based line, column, endLine and endColumn of an object.
func span(where string, m map[string]any) (start, end [2]int, err error) {
	var v [4]int
	for i, k := range []string{"line", "column", "endLine", "endColumn"} {
		n, err := intField(m, k)
		if err != nil || n < 1 {
			return start, end, fmt.Errorf("%s.%s is %v, want a 1-based integer", where, k, m[k])
		}
		v[i] = n
	}
	if v[2] < v[0] || v[2] == v[0] && v[3] < v[1] {
		return start, end, fmt.Errorf("%s ends (%d:%d) before it starts (%d:%d)", where, v[2], v[3], v[0], v[1])
	}
	return [2]int{v[0], v[1]}, [2]int{v[2], v[3]}, nil
}

// exactKeys checks that m has every key and no other; a key ending in "?" may be missing.
func exactKeys(where string, m map[string]any, keys ...string) error {
	var known []string
	for _, k := range keys {
		name, optional := strings.CutSuffix(k, "?")
		known = append(known, name)
		if _, ok := m[name]; !ok && !optional {
			return fmt.Errorf("%s has no %q", where, name)
		}
	}
	for k := range m {
		if !slices.Contains(known, k) {
			return fmt.Errorf("%s has an unexpected field %q", where, k)
		}
	}
	return nil
}

func intField(m map[string]any, k string) (int, error) {
	n, ok := m[k].(json.Number)
	if !ok {
		return 0, fmt.Errorf("%s is %T, want a number", k, m[k])
	}
	i, err := strconv.Atoi(string(n))
	if err != nil {
		return 0, fmt.Errorf("%s is %s, want an integer", k, n)
	}
	return i, nil
}

// position computes the 1-based line and code-point column of byte offset off, the way
// listlint documents it: a leading byte order mark is not counted.
func position(src string, off int) (line, col int) {
	lineStart := strings.LastIndexByte(src[:off], '\n') + 1
	if lineStart == 0 && strings.HasPrefix(src, "\ufeff") && off >= 3 {
		lineStart = 3
	}
	return 1 + strings.Count(src[:off], "\n"), utf8.RuneCountInString(src[lineStart:off]) + 1
}

// positionExists checks that a line and column are inside src (a column may point just
// past the end of its line).
func positionExists(src string, line, col int) error {
	lines := strings.Split(src, "\n")
	if line > len(lines) {
		return fmt.Errorf("line %d is past the end of the source (%d lines)", line, len(lines))
	}
	text := strings.TrimSuffix(lines[line-1], "\r")
	if line == 1 {
		text = strings.TrimPrefix(text, "\ufeff")
	}
	if n := utf8.RuneCountInString(text); col > n+1 {
		return fmt.Errorf("column %d is past the end of line %d (%d code points)", col, line, n)
	}
	return nil
}

// jsonLookup finds a value by dotted path and prints it plainly.
func jsonLookup(doc any, path string) (string, error) {
	cur := doc
	for _, part := range strings.Split(path, ".") {
		switch v := cur.(type) {
		case map[string]any:
			next, ok := v[part]
			if !ok {
				return "", fmt.Errorf("%s: no field %q", path, part)
			}
			cur = next
		case []any:
			if part == "len" {
				cur = json.Number(strconv.Itoa(len(v)))
				continue
			}
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(v) {
				return "", fmt.Errorf("%s: no element %q in an array of %d", path, part, len(v))
			}
			cur = v[i]
		default:
			return "", fmt.Errorf("%s: cannot index %T with %q", path, cur, part)
		}
	}
	switch v := cur.(type) {
	case nil:
		return "null", nil
	case string:
		return v, nil
	case json.Number:
		return string(v), nil
	case bool:
		return strconv.FormatBool(v), nil
	}
	b, err := json.Marshal(cur)
	return string(b), err
}
