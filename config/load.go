package config

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/rules"
)

// The names a configuration file may have, in the order they are looked for.
const (
	FileName    = ".listlint.yml"
	AltFileName = ".listlint.yaml"
)

// File is a configuration file, read and validated.
type File struct {
	// Path names the file in messages: relative to the working folder when it is inside it.
	Path string
	// Dir is the file's folder, absolute.
	Dir string
	// Preset is the preset the file names, or "".
	Preset string
	// Extends is the file named by extends:, or nil.
	Extends *File
	// Rules are the rule settings in the order written.
	Rules     []Setting
	Ignore    []string
	Overrides []Override
}

// Setting is one entry of a rules: mapping.
type Setting struct {
	Rule *rules.Rule
	// Severity is nil when only options were written: the severity stays as it was.
	Severity *rules.Severity
	// options are the key-value pairs of the rule's mapping (severity included, skipped
	// when decoding), or nil when the rule was given a bare severity.
	options [][2]*yaml.Node
}

// Override is one entry of overrides: rule settings for the paths that match its globs.
type Override struct {
	Files []string
	Rules []Setting
	// Path and Line say where the override was written, for listlint config.
	Path string
	Line int
}

// topKeys are the keys a configuration file may have, in the order the schema lists them.
var topKeys = []string{"preset", "extends", "rules", "ignore", "overrides"}

// Load reads and validates the configuration file at path, and the files it extends. The
// error, when not nil, is an Errors listing every problem found.
func Load(path string) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, Errors{{Path: path, Msg: err.Error()}}
	}
	var l loader
	f := l.load(abs, nil, nil)
	if err := l.errs.errOrNil(); err != nil {
		return nil, err
	}
	return f, nil
}

// Parse validates a configuration given as bytes. path names it in messages and its
// folder is where extends: paths and globs start from; the file need not exist.
func Parse(path string, data []byte) (*File, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, Errors{{Path: path, Msg: err.Error()}}
	}
	var l loader
	f := l.parse(abs, data)
	if err := l.errs.errOrNil(); err != nil {
		return nil, err
	}
	return f, nil
}

type loader struct {
	stack []string // files being read, outermost first, to report extends cycles
	errs  Errors
}

// load reads the file at abs; from and at are the file and node of the extends: that
// names it, for errors that belong there.
func (l *loader) load(abs string, from *checker, at *yaml.Node) *File {
	if i := slices.Index(l.stack, abs); i >= 0 {
		cycle := make([]string, 0, len(l.stack)-i+1)
		for _, p := range l.stack[i:] {
			cycle = append(cycle, displayPath(p))
		}
		from.errorf(at, "extends: cycle: %s → %s", strings.Join(cycle, " → "), displayPath(abs))
		return nil
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		msg := "cannot read the configuration: " + describeOSError(err)
		if from != nil {
			from.errorf(at, "extends: cannot read %s: %s", displayPath(abs), describeOSError(err))
		} else {
			l.errs = append(l.errs, &Error{Path: displayPath(abs), Msg: msg})
		}
		return nil
	}
	return l.parse(abs, data)
}

func (l *loader) parse(abs string, data []byte) *File {
	c := &checker{path: displayPath(abs), errs: &l.errs}
	f := &File{Path: c.path, Dir: filepath.Dir(abs)}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.errs = append(l.errs, &Error{Path: c.path, Line: yamlErrorLine(err, data), Col: 1, Msg: yamlErrorText(err)})
		return nil
	}
	if len(doc.Content) == 0 {
		return f // an empty file, or only comments: the default preset
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return f
	}
	if root.Kind != yaml.MappingNode {
		c.errorf(root, "a configuration is a mapping of %s, not %s", strings.Join(topKeys, ", "), describeNode(root))
		return nil
	}
	l.stack = append(l.stack, abs)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()
	for _, kv := range c.mappingPairs(root) {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "preset":
			if !isString(v) || !slices.Contains(PresetNames(), v.Value) {
				c.errorf(v, "preset must be one of %s, not %s%s", strings.Join(PresetNames(), ", "), describeNode(v), suggestFor(v, PresetNames()))
				continue
			}
			f.Preset = v.Value
		case "extends":
			if !isString(v) || v.Value == "" {
				c.errorf(v, "extends must be the path of another configuration file, not %s", describeNode(v))
				continue
			}
			p := filepath.FromSlash(v.Value)
			if !filepath.IsAbs(p) {
				p = filepath.Join(f.Dir, p)
			}
			f.Extends = l.load(filepath.Clean(p), c, v)
		case "rules":
			f.Rules = c.rules(v)
		case "ignore":
			f.Ignore = c.globs(v, "ignore")
		case "overrides":
			f.Overrides = c.overrides(v)
		default:
			c.errorf(k, "unknown key %q%s", k.Value, didYouMean(k.Value, topKeys))
		}
	}
	return f
}

// rules reads a rules: mapping.
func (c *checker) rules(n *yaml.Node) []Setting {
	if n.Kind != yaml.MappingNode {
		if n.Tag != "!!null" {
			c.errorf(n, "rules must be a mapping of rule ids to settings, not %s", describeNode(n))
		}
		return nil
	}
	var out []Setting
	first := map[string]*yaml.Node{}
	for _, kv := range c.mappingPairs(n) {
		s, ok := c.setting(kv[0], kv[1])
		if !ok {
			continue
		}
		// An id and its alias name the same rule: writing both is a mistake.
		if prev := first[s.Rule.ID]; prev != nil {
			c.errorf(kv[0], "rule %q is already set as %q at line %d", s.Rule.ID, prev.Value, prev.Line)
			continue
		}
		first[s.Rule.ID] = kv[0]
		out = append(out, s)
	}
	return out
}

// globs reads a list of glob patterns.
func (c *checker) globs(n *yaml.Node, what string) []string {
	if n.Kind != yaml.SequenceNode {
		c.errorf(n, "%s must be a list of glob patterns, not %s", what, describeNode(n))
		return nil
	}
	var out []string
	for _, g := range n.Content {
		if !isString(g) || g.Value == "" {
			c.errorf(g, "%s: a glob pattern must be a string, not %s", what, describeNode(g))
			continue
		}
		if err := checkGlob(g.Value); err != nil {
			c.errorf(g, "%s: malformed glob pattern %q: %v", what, g.Value, err)
			continue
		}
		out = append(out, g.Value)
	}
	return out
}

// overrideKeys are the keys of one override.
var overrideKeys = []string{"files", "rules"}

func (c *checker) overrides(n *yaml.Node) []Override {
	if n.Kind != yaml.SequenceNode {
		c.errorf(n, "overrides must be a list of {files: [globs], rules: {...}}, not %s", describeNode(n))
		return nil
	}
	var out []Override
	for _, o := range n.Content {
		if o.Kind != yaml.MappingNode {
			c.errorf(o, "an override must be a mapping with files and rules, not %s", describeNode(o))
			continue
		}
		ov := Override{Path: c.path, Line: o.Line}
		hasFiles := false
		for _, kv := range c.mappingPairs(o) {
			switch kv[0].Value {
			case "files":
				hasFiles = true
				ov.Files = c.globs(kv[1], "files")
				if kv[1].Kind == yaml.SequenceNode && len(kv[1].Content) == 0 {
					c.errorf(kv[1], "files: list at least one glob pattern")
				}
			case "rules":
				ov.Rules = c.rules(kv[1])
			default:
				c.errorf(kv[0], "unknown key %q in an override%s", kv[0].Value, didYouMean(kv[0].Value, overrideKeys))
			}
		}
		if !hasFiles {
			c.errorf(o, "an override needs files: the glob patterns it applies to")
		}
		out = append(out, ov)
	}
	return out
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlErrorLine finds the line of a YAML syntax error. yaml.v3 names it in most messages;
// for the others, the first prefix of the file that fails to parse ends at it.
func yamlErrorLine(err error, data []byte) int {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	lines := strings.SplitAfter(string(data), "\n")
	var b strings.Builder
	for i, line := range lines {
		b.WriteString(line)
		var n yaml.Node
		if yaml.Unmarshal([]byte(b.String()), &n) != nil {
			return i + 1
		}
	}
	return len(lines)
}

func yamlErrorText(err error) string {
	s := yamlLineRE.ReplaceAllString(err.Error(), "")
	return "invalid YAML: " + strings.TrimPrefix(s, "yaml: ")
}

// displayPath shows a path relative to the working folder when it is inside it.
func displayPath(abs string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && filepath.IsLocal(rel) {
			return rel
		}
	}
	return abs
}

func describeOSError(err error) string {
	switch {
	case os.IsNotExist(err):
		return "no such file"
	case os.IsPermission(err):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
