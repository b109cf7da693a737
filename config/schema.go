package config

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/listlint/listlint/rules"
)

//go:generate go test -run TestSchemaCurrent -update

// SchemaPath is where the generated schema is kept in the repository, relative to its root.
const SchemaPath = "schema/listlint.schema.json"

// SchemaID is the URL editors see as the schema's identity.
const SchemaID = "https://github.com/listlint/listlint/raw/main/" + SchemaPath

// Schema returns the JSON Schema (draft 2020-12) of a configuration file, generated from
// the rule registry: rule ids and aliases, severities, and each rule's options struct by
// reflection on its yaml tags and types, with the rule's OptionDoc text as descriptions.
// It uses only type, properties, additionalProperties, required, enum, items, minItems,
// oneOf and $ref (plus annotations), the subset that the tests' validator understands.
func Schema() ([]byte, error) {
	defs := map[string]any{
		"severity": map[string]any{
			"description": "off turns the rule off; warning reports without failing the run; error fails it",
			"enum":        severityNames,
		},
	}
	ruleProps := map[string]any{}
	for _, r := range rules.All() {
		def := "rule-" + r.ID
		defs[def] = ruleSchema(r)
		ref := map[string]any{"$ref": "#/$defs/" + def}
		ruleProps[r.ID] = ref
		for _, a := range r.Aliases {
			ruleProps[a] = map[string]any{"$ref": "#/$defs/" + def, "description": "alias of " + r.ID}
		}
	}
	defs["rules"] = map[string]any{
		"description":          "rule settings: a severity, or a mapping of severity and the rule's options",
		"type":                 []string{"object", "null"},
		"properties":           ruleProps,
		"additionalProperties": false,
	}
	globs := func(text string) map[string]any {
		return map[string]any{
			"description": text,
			"type":        "array",
			"items":       map[string]any{"type": "string"},
		}
	}
	files := globs("glob patterns, relative to the configuration file's folder, of the files this override applies to")
	files["minItems"] = 1
	s := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  SchemaID,
		"title":                "listlint configuration (.listlint.yml)",
		"type":                 "object",
		"additionalProperties": false,
		"properties": map[string]any{
			"preset": map[string]any{
				"description": "the base configuration: default (every rule at its default), awesome (awesome lists), knowledge (knowledge wikis)",
				"enum":        PresetNames(),
			},
			"extends": map[string]any{
				"description": "path of another configuration file, relative to this one, whose settings apply first",
				"type":        "string",
			},
			"rules":  map[string]any{"$ref": "#/$defs/rules"},
			"ignore": globs("glob patterns, relative to the configuration file's folder, of files not to lint"),
			"overrides": map[string]any{
				"description": "rule settings for some paths, applied in order after rules",
				"type":        "array",
				"items": map[string]any{
					"type":                 "object",
					"additionalProperties": false,
					"required":             []string{"files"},
					"properties": map[string]any{
						"files": files,
						"rules": map[string]any{"$ref": "#/$defs/rules"},
					},
				},
			},
		},
		"$defs": defs,
	}
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// ruleSchema is one rule's value: a severity, or a mapping of severity and options.
func ruleSchema(r *rules.Rule) map[string]any {
	props := map[string]any{"severity": map[string]any{"$ref": "#/$defs/severity"}}
	if r.NewOptions != nil {
		opts := reflect.ValueOf(r.NewOptions())
		if opts.Kind() == reflect.Pointer {
			opts = opts.Elem()
		}
		if opts.Kind() == reflect.Struct {
			for _, f := range optionFields(r, opts.Type()) {
				p := typeSchema(f.typ, f.enum)
				if f.doc.Text != "" {
					p["description"] = f.doc.Text
				}
				if d, err := json.Marshal(opts.FieldByIndex(f.index).Interface()); err == nil && string(d) != "null" {
					p["default"] = json.RawMessage(d)
				}
				props[f.name] = p
			}
		}
	}
	title := r.Doc.Title
	if title == "" {
		title = r.ID
	}
	return map[string]any{
		"description": title + " (" + rules.DocURL(r.ID) + ")",
		"oneOf": []any{
			map[string]any{"$ref": "#/$defs/severity"},
			map[string]any{"type": "object", "additionalProperties": false, "properties": props},
		},
	}
}

// typeSchema maps a Go type to JSON Schema as the config decoder reads it.
func typeSchema(t reflect.Type, enum []string) map[string]any {
	switch t.Kind() {
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.String:
		if len(enum) > 0 {
			return map[string]any{"enum": enum}
		}
		return map[string]any{"type": "string"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": typeSchema(t.Elem(), nil)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": typeSchema(t.Elem(), nil)}
	case reflect.Pointer:
		return typeSchema(t.Elem(), enum)
	case reflect.Struct:
		props := map[string]any{}
		for _, f := range optionFields(nil, t) {
			props[f.name] = typeSchema(f.typ, nil)
		}
		return map[string]any{"type": "object", "additionalProperties": false, "properties": props}
	}
	return map[string]any{"description": "any value (" + strings.ToLower(t.Kind().String()) + ")"}
}
