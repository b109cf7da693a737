package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/listlint/listlint/rules"
)

// validationCases are whole configuration files and the exact errors each gives. The
// schema test checks that the schema rejects them too, where JSON Schema can tell.
var validationCases = []struct {
	name, yml string
	want      []string
}{
	{"options that check themselves", "rules:\n  punctuation:\n    pairs: [\"(\"]\n",
		[]string{`.listlint.yml:3:5: options of rule "punctuation": ` + punctuationPairsError()}},
	{"unknown top-level key", "rule:\n  year-suffix: off\n",
		[]string{`.listlint.yml:1:1: unknown key "rule"; did you mean "rules"?`}},
	{"unknown top-level key, nothing close", "colour: red\n",
		[]string{`.listlint.yml:1:1: unknown key "colour" (valid: preset, extends, rules, ignore, overrides)`}},
	{"top level not a mapping", "- year-suffix\n",
		[]string{`.listlint.yml:1:1: a configuration is a mapping of preset, extends, rules, ignore, overrides, not a list`}},
	{"key set twice", "preset: awesome\npreset: knowledge\n",
		[]string{`.listlint.yml:2:1: "preset" is set twice (first at line 1)`}},
	{"unknown preset", "preset: awsome\n",
		[]string{`.listlint.yml:1:9: preset must be one of default, awesome, knowledge, not "awsome"; did you mean "awesome"?`}},
	{"preset not a string", "preset: [awesome]\n",
		[]string{`.listlint.yml:1:9: preset must be one of default, awesome, knowledge, not a list`}},
	{"unknown rule", "rules:\n  year-sufix: off\n",
		[]string{`.listlint.yml:2:3: unknown rule "year-sufix"; did you mean "year-suffix"?`}},
	{"rules not a mapping", "rules: [year-suffix]\n",
		[]string{`.listlint.yml:1:8: rules must be a mapping of rule ids to settings, not a list`}},
	{"misspelt severity", "rules:\n  year-suffix: warn\n",
		[]string{`.listlint.yml:2:16: rule "year-suffix" must be off, warning or error, not "warn"; did you mean "warning"?`}},
	{"boolean severity", "rules:\n  year-suffix: false\n",
		[]string{`.listlint.yml:2:16: rule "year-suffix" must be off, warning or error, not the boolean false`}},
	{"rule given a list", "rules:\n  sort-order: [title]\n",
		[]string{`.listlint.yml:2:15: rule "sort-order" must be off, warning, error or a mapping of severity and options, not a list`}},
	{"rule set twice through its alias", "rules:\n  duplicate-url: off\n  double-link: error\n",
		[]string{`.listlint.yml:3:3: rule "duplicate-url" is already set as "duplicate-url" at line 2`}},
	{"misspelt severity in a mapping", "rules:\n  sort-order:\n    severity: erorr\n",
		[]string{`.listlint.yml:3:15: the severity of rule "sort-order" must be off, warning or error, not "erorr"; did you mean "error"?`}},
	{"unknown option", "rules:\n  description-style:\n    require-perod: false\n",
		[]string{`.listlint.yml:3:5: rule "description-style" has no option "require-perod"; did you mean "require-period"?`}},
	{"option of a rule without options", "rules:\n  year-suffix:\n    severity: error\n    strict: true\n",
		[]string{`.listlint.yml:4:5: rule "year-suffix" has no options; only "severity" can be set`}},
	{"option set twice", "rules:\n  sort-order: {by: title, by: year}\n",
		[]string{`.listlint.yml:2:27: "by" is set twice (first at line 2)`}},
	{"integer option given a word", "rules:\n  description-style:\n    max-length: ten\n",
		[]string{`.listlint.yml:3:17: option "max-length" of rule "description-style" must be an integer, not "ten"`}},
	{"boolean option given yes", "rules:\n  description-style: {require-period: yes}\n",
		[]string{`.listlint.yml:2:39: option "require-period" of rule "description-style" must be true or false, not "yes"`}},
	{"boolean option given nothing", "rules:\n  description-style:\n    require-period:\n",
		[]string{`.listlint.yml:3:20: option "require-period" of rule "description-style" must be true or false, not nothing`}},
	{"enumerated option misspelt", "rules:\n  duplicate-url:\n    scope: files\n",
		[]string{`.listlint.yml:3:12: option "scope" of rule "duplicate-url" must be one of project, file, section, not "files"; did you mean "file"?`}},
	{"enumerated option given a number", "rules:\n  sort-order: {by: 2020}\n",
		[]string{`.listlint.yml:2:20: option "by" of rule "sort-order" must be one of title, year, not the number 2020`}},
	{"list option given a string", "rules:\n  duplicate-url:\n    allow: https://a.example\n",
		[]string{`.listlint.yml:3:12: option "allow" of rule "duplicate-url" must be a list, not "https://a.example"`}},
	{"list option with a wrong item", "rules:\n  duplicate-url:\n    allow: [https://a.example, 3]\n",
		[]string{`.listlint.yml:3:32: item 2 of option "allow" of rule "duplicate-url" must be a string, not the number 3`}},
	{"ignore not a list", "ignore: drafts\n",
		[]string{`.listlint.yml:1:9: ignore must be a list of glob patterns, not "drafts"`}},
	{"ignore item not a string", "ignore:\n  - 42\n",
		[]string{`.listlint.yml:2:5: ignore: a glob pattern must be a string, not the number 42`}},
	{"malformed glob", "ignore: ['drafts/[a-']\n",
		[]string{`.listlint.yml:1:10: ignore: malformed glob pattern "drafts/[a-": syntax error in pattern`}},
	{"overrides not a list", "overrides: {files: [a.md]}\n",
		[]string{`.listlint.yml:1:12: overrides must be a list of {files: [globs], rules: {...}}, not a mapping`}},
	{"override not a mapping", "overrides:\n  - docs/**\n",
		[]string{`.listlint.yml:2:5: an override must be a mapping with files and rules, not "docs/**"`}},
	{"override with a misspelt key", "overrides:\n  - file: [docs/**]\n    rules: {sort-order: off}\n",
		[]string{
			`.listlint.yml:2:5: unknown key "file" in an override; did you mean "files"?`,
			`.listlint.yml:2:5: an override needs files: the glob patterns it applies to`,
		}},
	{"override with no globs", "overrides:\n  - files: []\n",
		[]string{`.listlint.yml:2:12: files: list at least one glob pattern`}},
	{"override with a bad rule", "overrides:\n  - files: [docs/**]\n    rules:\n      sort-ordr: off\n",
		[]string{`.listlint.yml:4:7: unknown rule "sort-ordr"; did you mean "sort-order"?`}},
	{"extends not a string", "extends: [a.yml]\n",
		[]string{`.listlint.yml:1:10: extends must be the path of another configuration file, not a list`}},
	{"extends a missing file", "extends: missing.yml\n",
		[]string{`.listlint.yml:1:10: extends: cannot read missing.yml: no such file`}},
	{"YAML syntax error", "rules:\n  year-suffix: off\n   sort-order: on\n",
		[]string{`.listlint.yml:3:1: invalid YAML: mapping values are not allowed in this context`}},
	{"tab indentation", "rules:\n\tyear-suffix: off\n",
		[]string{`.listlint.yml:2:1: invalid YAML: found character that cannot start any token`}},
	{"several errors at once", "preset: awsome\nrules:\n  year-sufix: off\n  sort-order: {by: titel}\n",
		[]string{
			`.listlint.yml:1:9: preset must be one of default, awesome, knowledge, not "awsome"; did you mean "awesome"?`,
			`.listlint.yml:3:3: unknown rule "year-sufix"; did you mean "year-suffix"?`,
			`.listlint.yml:4:20: option "by" of rule "sort-order" must be one of title, year, not "titel"; did you mean "title"?`,
		}},
}

// Every validation error names the file, line and column, and suggests the nearest valid
// name when one is close.
func TestValidationErrors(t *testing.T) {
	for _, c := range validationCases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Parse(".listlint.yml", []byte(c.yml))
			if err == nil {
				t.Fatalf("no error; parsed %+v", f)
			}
			if f != nil {
				t.Errorf("a half-read configuration was returned with the error")
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %T is not Errors: %v", err, err)
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("errors:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

// Valid files parse without error, including the empty file and one of only comments.
func TestValidFiles(t *testing.T) {
	for _, yml := range []string{
		"",
		"# nothing but a comment\n",
		"preset: knowledge\n",
		"rules:\n  sort-order: error\n  year-suffix: warning\n  duplicate-url: off\n",
		"rules:\n  double-link: {severity: warning, scope: file, allow: ['https://a.example/*']}\n",
		"rules:\n  description-style:\n    require-period: false\n    max-length: 120\n",
		"rules:\n",
		"ignore: ['drafts/**', '*.tmp.md']\noverrides:\n  - files: ['docs/**']\n    rules: {sort-order: error}\n",
	} {
		if _, err := Parse(".listlint.yml", []byte(yml)); err != nil {
			t.Errorf("%q: %v", yml, err)
		}
	}
}

// An error inside an extended file names that file, and a cycle of extends is reported
// with the whole cycle.
func TestExtendsErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"base/broken.yml": "rules:\n  sort-order: {by: titel}\n",
		"a.yml":           "extends: b.yml\n",
		"b.yml":           "extends: c.yml\n",
		"c.yml":           "extends: a.yml\n",
		"self.yml":        "extends: ./self.yml\n",
		"uses-broken.yml": "extends: base/broken.yml\n",
	})
	chdir(t, dir)
	for _, c := range []struct{ file, want string }{
		{"uses-broken.yml", filepath.Join("base", "broken.yml") + `:2:20: option "by" of rule "sort-order" must be one of title, year, not "titel"; did you mean "title"?`},
		{"a.yml", `c.yml:1:10: extends: cycle: a.yml → b.yml → c.yml → a.yml`},
		{"self.yml", `self.yml:1:10: extends: cycle: self.yml → self.yml`},
		{"missing.yml", `missing.yml: cannot read the configuration: no such file`},
	} {
		_, err := Load(c.file)
		if err == nil || err.Error() != c.want {
			t.Errorf("Load(%s) = %v\nwant %s", c.file, err, c.want)
		}
	}
}

// write creates files (slash-separated relative paths) under dir.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// chdir changes the working folder for one test, since error paths are shown relative to it.
func chdir(t *testing.T, dir string) {
	t.Helper()
	t.Chdir(dir)
}

// punctuationPairsError is what the punctuation options say of a one-character pair.
func punctuationPairsError() string {
	o := rules.Lookup("punctuation").NewOptions().(interface{ Validate() error })
	reflect.ValueOf(o).Elem().FieldByName("Pairs").Set(reflect.ValueOf([]string{"("}))
	return o.Validate().Error()
}
