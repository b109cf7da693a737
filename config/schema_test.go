package config

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite "+SchemaPath+" from the rule registry")

// The committed schema must be what the registry generates today: a rule or option added
// without regenerating it fails here. go generate ./config (or go test ./config -run
// TestSchemaCurrent -update) rewrites it.
func TestSchemaCurrent(t *testing.T) {
	got, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", filepath.FromSlash(SchemaPath))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go generate ./config)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run go generate ./config (or go test ./config -run TestSchemaCurrent -update)", SchemaPath)
	}
}

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlValue reads YAML into the plain values JSON Schema speaks of.
func yamlValue(t *testing.T, src string) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(src), &v); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	if v == nil {
		v = map[string]any{}
	}
	return v
}

// Every example configuration in the README and the CLI test scripts that listlint
// accepts, the schema accepts too.
func TestSchemaValidatesExamples(t *testing.T) {
	schema := loadSchema(t)
	examples := map[string]string{}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	// The README's configuration examples start with a "# .listlint.yml" line; its other
	// YAML blocks are workflows and pre-commit configurations.
	for i, m := range regexp.MustCompile("(?s)```yaml\n(# \\.listlint\\.ya?ml\n.*?)```").FindAllStringSubmatch(string(readme), -1) {
		examples[fmt.Sprintf("README.md example %d", i+1)] = m[1]
	}
	if len(examples) == 0 {
		t.Fatal("no configuration example (a yaml block starting with \"# .listlint.yml\") in README.md")
	}
	scripts, _ := filepath.Glob("../cli/testdata/script/*.txtar")
	dir := t.TempDir()
	for _, s := range scripts {
		a, err := txtar.ParseFile(s)
		if err != nil {
			t.Fatal(err)
		}
		// Extract the whole archive so that extends: finds its files.
		sub := filepath.Join(dir, filepath.Base(s))
		for _, f := range a.Files {
			p := filepath.Join(sub, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range a.Files {
			if !strings.HasSuffix(f.Name, ".yml") && !strings.HasSuffix(f.Name, ".yaml") {
				continue
			}
			if _, err := Load(filepath.Join(sub, filepath.FromSlash(f.Name))); err != nil {
				continue // a broken example, on purpose; TestSchemaRejectsInvalid covers those
			}
			examples[filepath.Base(s)+": "+f.Name] = string(f.Data)
		}
	}
	if len(examples) < 6 { // the README example and the CLI scripts' valid ones
		t.Fatalf("only %d examples found", len(examples))
	}
	names := make([]string, 0, len(examples))
	for n := range examples {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if strings.HasPrefix(n, "README") {
			if _, err := Parse(".listlint.yml", []byte(examples[n])); err != nil && !strings.Contains(err.Error(), "extends") {
				t.Errorf("%s: listlint rejects it: %v", n, err)
			}
		}
		if errs := validateSchema(schema, schema, yamlValue(t, examples[n]), "$"); len(errs) > 0 {
			t.Errorf("%s: not valid under the schema:\n  %s\n%s", n, strings.Join(errs, "\n  "), examples[n])
		}
	}
	t.Logf("%d examples", len(names))
}

// The files that listlint rejects, the schema rejects as well, except for what JSON
// Schema cannot see: YAML syntax, keys written twice, glob syntax, files on disk, and
// options whose values constrain each other.
func TestSchemaRejectsInvalid(t *testing.T) {
	schema := loadSchema(t)
	beyondSchema := []string{
		"key set twice", "rule set twice through its alias", "option set twice",
		"malformed glob", "extends a missing file", "YAML syntax error", "tab indentation",
		"options that check themselves",
	}
	for _, c := range validationCases {
		if slices.Contains(beyondSchema, c.name) {
			continue
		}
		if errs := validateSchema(schema, schema, yamlValue(t, c.yml), "$"); len(errs) == 0 {
			t.Errorf("%s: the schema accepts a file listlint rejects:\n%s", c.name, c.yml)
		}
	}
	// And the output of listlint config for the default preset loads back and validates.
	def, _ := presetConfig("default")
	out, err := Effective(def)
	if err != nil {
		t.Fatal(err)
	}
	if errs := validateSchema(schema, schema, yamlValue(t, string(out)), "$"); len(errs) > 0 {
		t.Errorf("effective configuration: %s", strings.Join(errs, "; "))
	}
	if _, err := Parse(".listlint.yml", out); err != nil {
		t.Errorf("effective configuration does not load: %v", err)
	}
}

// The validator itself, on a small schema.
func TestValidateSchemaSubset(t *testing.T) {
	s := map[string]any{}
	if err := json.Unmarshal([]byte(`{
		"type": "object", "additionalProperties": false, "required": ["a"],
		"properties": {
			"a": {"oneOf": [{"$ref": "#/$defs/sev"}, {"type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 1}]},
			"b": {"type": ["string", "null"]},
			"m": {"type": "object", "additionalProperties": {"type": "boolean"}}
		},
		"$defs": {"sev": {"enum": ["off", "on"]}}
	}`), &s); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		yml string
		ok  bool
	}{
		{"a: off", true},
		{"a: [1, 2]", true},
		{"a: maybe", false},
		{"a: []", false},
		{"a: [-1]", false},
		{"a: [1.5]", false},
		{"a: off\nb: null", true},
		{"a: off\nb: 3", false},
		{"a: off\nc: 1", false},
		{"b: x", false},
		{"a: off\nm: {x: true}", true},
		{"a: off\nm: {x: 1}", false},
	} {
		errs := validateSchema(s, s, yamlValue(t, c.yml), "$")
		if (len(errs) == 0) != c.ok {
			t.Errorf("%q: errors %v, want ok=%v", c.yml, errs, c.ok)
		}
	}
}

// validateSchema checks v against the subset of JSON Schema that Schema emits: type,
// properties, additionalProperties (false or a schema), required, enum, items, minItems,
// minimum, oneOf and local $ref. It returns one message per violation.
func validateSchema(root, s map[string]any, v any, at string) []string {
	if ref, ok := s["$ref"].(string); ok {
		target := any(root)
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			target = target.(map[string]any)[part]
		}
		if errs := validateSchema(root, target.(map[string]any), v, at); len(errs) > 0 {
			return errs
		}
	}
	var errs []string
	if ty, ok := s["type"]; ok {
		var types []string
		switch ty := ty.(type) {
		case string:
			types = []string{ty}
		case []any:
			for _, x := range ty {
				types = append(types, x.(string))
			}
		}
		if !slices.ContainsFunc(types, func(ty string) bool { return hasType(v, ty) }) {
			return append(errs, fmt.Sprintf("%s: want %s, got %T", at, strings.Join(types, " or "), v))
		}
	}
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return e == v }) {
		errs = append(errs, fmt.Sprintf("%s: %v is not one of %v", at, v, enum))
	}
	if one, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, alt := range one {
			if len(validateSchema(root, alt.(map[string]any), v, at)) == 0 {
				n++
			}
		}
		if n != 1 {
			errs = append(errs, fmt.Sprintf("%s: matches %d of the oneOf alternatives, want 1", at, n))
		}
	}
	if min, ok := s["minimum"].(float64); ok {
		if f, isNum := number(v); isNum && f < min {
			errs = append(errs, fmt.Sprintf("%s: %v is below %v", at, v, min))
		}
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for _, req := range asList(s["required"]) {
			if _, ok := v[req.(string)]; !ok {
				errs = append(errs, fmt.Sprintf("%s: %q is required", at, req))
			}
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if p, ok := props[k].(map[string]any); ok {
				errs = append(errs, validateSchema(root, p, v[k], at+"."+k)...)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					errs = append(errs, fmt.Sprintf("%s: unknown property %q", at, k))
				}
			case map[string]any:
				errs = append(errs, validateSchema(root, ap, v[k], at+"."+k)...)
			}
		}
	case []any:
		if min, ok := s["minItems"].(float64); ok && float64(len(v)) < min {
			errs = append(errs, fmt.Sprintf("%s: %d items, want at least %v", at, len(v), min))
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, x := range v {
				errs = append(errs, validateSchema(root, items, x, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	}
	return errs
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func number(v any) (float64, bool) {
	switch v := v.(type) {
	case int:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

func hasType(v any, ty string) bool {
	switch ty {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "null":
		return v == nil
	case "integer":
		f, ok := number(v)
		return ok && f == math.Trunc(f)
	case "number":
		_, ok := number(v)
		return ok
	}
	return false
}
