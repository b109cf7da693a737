package config

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/rules"
)

// checker collects the errors of one configuration file. Every error points at a YAML
// node, so it carries the node's line and column.
type checker struct {
	path string
	errs *Errors
}

func (c *checker) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{Path: c.path, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	*c.errs = append(*c.errs, e)
}

// mappingPairs returns the key and value nodes of a mapping, reporting a key written twice
// (yaml.v3 keeps both in a yaml.Node and only complains when decoding into a Go map).
func (c *checker) mappingPairs(m *yaml.Node) [][2]*yaml.Node {
	seen := map[string]*yaml.Node{}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			c.errorf(k, "a key must be a plain name, not %s", describeNode(k))
			continue
		}
		if first := seen[k.Value]; first != nil {
			c.errorf(k, "%q is set twice (first at line %d)", k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out
}

// describeNode names what a node holds, for "must be X, not Y" messages.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!null":
		return "nothing"
	case "!!str":
		return strconv.Quote(n.Value)
	case "!!bool":
		return "the boolean " + n.Value
	case "!!int", "!!float":
		return "the number " + n.Value
	}
	return strconv.Quote(n.Value)
}

func isString(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!str" }

// severityNames are the values a rule's severity may take, in the order the schema lists them.
var severityNames = []string{"off", "warning", "error"}

// severity reads a severity node: only the three names, so that a typo ("warn", "erorr")
// is an error with a suggestion rather than a silent guess.
func (c *checker) severity(n *yaml.Node, what string) (rules.Severity, bool) {
	if !isString(n) || !slices.Contains(severityNames, n.Value) {
		c.errorf(n, "%s must be off, warning or error, not %s%s", what, describeNode(n), suggestFor(n, severityNames))
		return rules.Off, false
	}
	s, err := rules.ParseSeverity(n.Value)
	return s, err == nil
}

// suggestFor is didYouMean for a node that should have been one of a few names.
func suggestFor(n *yaml.Node, names []string) string {
	if n.Kind != yaml.ScalarNode {
		return ""
	}
	if s := Suggest(n.Value, names); s != "" {
		return "; did you mean \"" + s + "\"?"
	}
	return ""
}

// ruleIDs returns every registered rule id, for suggestions.
func ruleIDs() []string {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	return ids
}

// setting reads one "rule: value" pair of a rules: mapping. The options are checked by
// decoding them into a fresh options struct, exactly as resolution will later.
func (c *checker) setting(k, v *yaml.Node) (Setting, bool) {
	r := rules.Lookup(k.Value)
	if r == nil {
		c.errorf(k, "unknown rule %q%s", k.Value, didYouMean(k.Value, ruleIDs()))
		return Setting{}, false
	}
	s := Setting{Rule: r}
	switch v.Kind {
	case yaml.ScalarNode:
		sev, ok := c.severity(v, fmt.Sprintf("rule %q", r.ID))
		if !ok {
			return Setting{}, false
		}
		s.Severity = &sev
		return s, true
	case yaml.MappingNode:
		before := len(*c.errs)
		pairs := c.mappingPairs(v)
		for _, kv := range pairs {
			if kv[0].Value != "severity" {
				continue
			}
			if sev, ok := c.severity(kv[1], fmt.Sprintf("the severity of rule %q", r.ID)); ok {
				s.Severity = &sev
			}
		}
		if r.NewOptions != nil {
			c.decodeOptions(r, pairs, r.NewOptions())
		} else {
			for _, kv := range pairs {
				if kv[0].Value != "severity" {
					c.errorf(kv[0], "rule %q has no options; only \"severity\" can be set", r.ID)
				}
			}
		}
		s.options = pairs
		return s, len(*c.errs) == before
	}
	c.errorf(v, "rule %q must be off, warning, error or a mapping of severity and options, not %s", r.ID, describeNode(v))
	return Setting{}, false
}

// decodeOptions applies the options of a rule's mapping (its key-value pairs) to dst, a
// pointer to the rule's options struct, key by key, so that an unknown name or a wrong type is reported at its own line
// and column (yaml.v3's KnownFields gives neither a column nor a suggestion).
func (c *checker) decodeOptions(r *rules.Rule, pairs [][2]*yaml.Node, dst any) {
	v := reflect.ValueOf(dst)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		c.errorf(nil, "rule %q: options are not a pointer to a struct (a bug in the rule)", r.ID)
		return
	}
	fields := optionFields(r, v.Elem().Type())
	names := []string{"severity"}
	for _, f := range fields {
		names = append(names, f.name)
	}
	for _, kv := range pairs {
		k, val := kv[0], kv[1]
		if k.Value == "severity" {
			continue
		}
		i := slices.IndexFunc(fields, func(f optionField) bool { return f.name == k.Value })
		if i < 0 {
			c.errorf(k, "rule %q has no option %q%s", r.ID, k.Value, didYouMean(k.Value, names))
			continue
		}
		f := fields[i]
		c.decodeValue(fmt.Sprintf("option %q of rule %q", f.name, r.ID), val, v.Elem().FieldByIndex(f.index), f.enum)
	}
	// Options whose values constrain each other check themselves.
	if vd, ok := dst.(interface{ Validate() error }); ok {
		if err := vd.Validate(); err != nil {
			var at *yaml.Node
			if len(pairs) > 0 {
				at = pairs[0][0]
			}
			c.errorf(at, "options of rule %q: %v", r.ID, err)
		}
	}
}

// decodeValue sets v from n, checking the YAML type against the Go type: yaml.v3 would
// quietly read "yes" as true or 3 as "3".
func (c *checker) decodeValue(what string, n *yaml.Node, v reflect.Value, enum []string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	want := ""
	switch v.Kind() {
	case reflect.Bool:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
			v.SetBool(n.Value == "true" || n.Value == "True" || n.Value == "TRUE")
			return
		}
		want = "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
			var i int64
			if err := n.Decode(&i); err == nil && !v.OverflowInt(i) {
				v.SetInt(i)
				return
			}
		}
		want = "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
			var i uint64
			if err := n.Decode(&i); err == nil && !v.OverflowUint(i) {
				v.SetUint(i)
				return
			}
		}
		want = "a whole number of zero or more"
	case reflect.Float32, reflect.Float64:
		if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
			var f float64
			if err := n.Decode(&f); err == nil {
				v.SetFloat(f)
				return
			}
		}
		want = "a number"
	case reflect.String:
		if isString(n) {
			if len(enum) > 0 && !slices.Contains(enum, n.Value) {
				c.errorf(n, "%s must be one of %s, not %q%s", what, strings.Join(enum, ", "), n.Value, didYouMean(n.Value, enum))
				return
			}
			v.SetString(n.Value)
			return
		}
		want = "a string"
		if len(enum) > 0 {
			want = "one of " + strings.Join(enum, ", ")
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
			for i, item := range n.Content {
				c.decodeValue(fmt.Sprintf("item %d of %s", i+1, what), item, s.Index(i), nil)
			}
			v.Set(s)
			return
		}
		want = "a list"
	case reflect.Map:
		if n.Kind == yaml.MappingNode && v.Type().Key().Kind() == reflect.String {
			m := reflect.MakeMap(v.Type())
			for _, kv := range c.mappingPairs(n) {
				e := reflect.New(v.Type().Elem()).Elem()
				c.decodeValue(fmt.Sprintf("%q in %s", kv[0].Value, what), kv[1], e, nil)
				m.SetMapIndex(reflect.ValueOf(kv[0].Value).Convert(v.Type().Key()), e)
			}
			v.Set(m)
			return
		}
		want = "a mapping"
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		c.decodeValue(what, n, v.Elem(), enum)
		return
	case reflect.Struct:
		if n.Kind == yaml.MappingNode {
			fields := optionFields(nil, v.Type())
			var names []string
			for _, f := range fields {
				names = append(names, f.name)
			}
			for _, kv := range c.mappingPairs(n) {
				i := slices.IndexFunc(fields, func(f optionField) bool { return f.name == kv[0].Value })
				if i < 0 {
					c.errorf(kv[0], "%s has no key %q%s", what, kv[0].Value, didYouMean(kv[0].Value, names))
					continue
				}
				c.decodeValue(fmt.Sprintf("%q of %s", kv[0].Value, what), kv[1], v.FieldByIndex(fields[i].index), fields[i].enum)
			}
			return
		}
		want = "a mapping"
	default:
		// A type this checker does not know: let yaml.v3 decide, and still give a position.
		if err := n.Decode(v.Addr().Interface()); err != nil {
			c.errorf(n, "%s: %v", what, err)
		}
		return
	}
	c.errorf(n, "%s must be %s, not %s", what, want, describeNode(n))
}

// optionField is one settable field of an options struct.
type optionField struct {
	name  string
	index []int
	typ   reflect.Type
	doc   rules.OptionDoc
	enum  []string
}

var fieldCache sync.Map // reflect.Type -> []optionField

// optionFields lists the fields of an options struct by their yaml names, with the rule's
// OptionDoc for each (when r is given) and the allowed values of enumerated strings.
func optionFields(r *rules.Rule, t reflect.Type) []optionField {
	if r == nil {
		if v, ok := fieldCache.Load(t); ok {
			return v.([]optionField)
		}
	}
	var out []optionField
	var walk func(t reflect.Type, index []int)
	walk = func(t reflect.Type, index []int) {
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("yaml")
			name, flags, _ := strings.Cut(tag, ",")
			if name == "-" || !sf.IsExported() {
				continue
			}
			idx := append(slices.Clone(index), i)
			if strings.Contains(flags, "inline") && sf.Type.Kind() == reflect.Struct {
				walk(sf.Type, idx)
				continue
			}
			if name == "" {
				name = strings.ToLower(sf.Name) // yaml.v3's default
			}
			out = append(out, optionField{name: name, index: idx, typ: sf.Type})
		}
	}
	walk(t, nil)
	if r == nil {
		fieldCache.Store(t, out)
		return out
	}
	for i := range out {
		for _, d := range r.Doc.Options {
			if d.Name == out[i].name {
				out[i].doc = d
				out[i].enum = enumOf(d.Type)
			}
		}
	}
	return out
}

// enumRE reads the allowed values that an OptionDoc type lists: "string (project | file)".
var enumRE = regexp.MustCompile(`^string\s*\(([^)]*\|[^)]*)\)`)

func enumOf(docType string) []string {
	m := enumRE.FindStringSubmatch(docType)
	if m == nil {
		return nil
	}
	var out []string
	for _, v := range strings.Split(m[1], "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
