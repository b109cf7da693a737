package config

import (
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

// A preset is data: a list of changes to the default configuration. Rules are named by
// id, and a change to a rule that is not registered (yet: rules are being added) is
// skipped without a word, so that a preset can name the rules it wants before they exist.
type presetChange struct {
	// id is a rule id, or with prefix set, the start of the ids it applies to.
	id     string
	prefix bool
	// on turns the rule on at its default severity (error for a rule that is off by default),
	// or at severity when that is set.
	on       bool
	severity rules.Severity
	// options is a YAML mapping of options, decoded into the rule's options struct.
	options string
}

// presets maps each preset to its changes; "default" is every rule at its default
// severity with default options.
var presets = map[string][]presetChange{
	"default": nil,
	"awesome": {
		{id: "sort-order", on: true, options: "by: title\nmin-sorted: 0.8"},
		{id: "spell-check", on: true, severity: rules.Warning},
		{id: "awesome-", prefix: true, on: true},
		{id: "no-ci-badge", on: true},
		// Not url-style's github-readme-anchor: of the awesome lists in the corpus only the
		// list of lists uses "#readme" (awesome-go would get 2,758 reports, awesome-nodejs
		// 523); listlint init turns it on for a list that already follows it.
	},
	"knowledge": {
		{id: "annotation-style", options: "groups: separate"},
		{id: "duplicate-url", options: "scope: file"},
		{id: "description-style", options: "require-description: false"},
	},
}

// PresetNames lists the presets, the default first.
func PresetNames() []string { return []string{"default", "awesome", "knowledge"} }

// onSeverity is what "turn the rule on" means for r.
func onSeverity(r *rules.Rule) rules.Severity {
	if r.Default != rules.Off {
		return r.Default
	}
	return rules.Error
}

var (
	snippetsOnce sync.Once
	snippets     map[string][][2]*yaml.Node // options YAML -> its key-value pairs
	snippetErrs  Errors
)

// presetSnippets parses every preset's option snippets once.
func presetSnippets() (map[string][][2]*yaml.Node, Errors) {
	snippetsOnce.Do(func() {
		snippets = map[string][][2]*yaml.Node{}
		for name, changes := range presets {
			c := &checker{path: "preset " + name, errs: &snippetErrs}
			for _, ch := range changes {
				if ch.options == "" {
					continue
				}
				var doc yaml.Node
				if err := yaml.Unmarshal([]byte(ch.options), &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
					c.errorf(nil, "options of %q are not a YAML mapping: %q", ch.id, ch.options)
					continue
				}
				snippets[ch.options] = c.mappingPairs(doc.Content[0])
			}
		}
	})
	return snippets, snippetErrs
}

// presetConfig builds a fresh configuration for a preset: new options structs every time,
// so that callers may change them. It returns the problems of the preset's own data (an
// option the rule does not have), which a test keeps at zero; at run time they are skipped.
func presetConfig(name string) (*engine.Config, Errors) {
	cfg := &engine.Config{Rules: map[string]engine.RuleConfig{}}
	for _, r := range rules.All() {
		rc := engine.RuleConfig{Severity: r.Default}
		if r.NewOptions != nil {
			rc.Options = r.NewOptions()
		}
		cfg.Rules[r.ID] = rc
	}
	pairs, shared := presetSnippets()
	errs := slices.Clone(shared)
	for _, ch := range presets[name] {
		for _, r := range rules.All() {
			if r.ID != ch.id && (!ch.prefix || !strings.HasPrefix(r.ID, ch.id)) {
				continue
			}
			rc := cfg.Rules[r.ID]
			if ch.on {
				rc.Severity = onSeverity(r)
				if ch.severity != rules.Off {
					rc.Severity = ch.severity
				}
			}
			if ch.options != "" {
				if rc.Options == nil {
					errs = append(errs, &Error{Path: "preset " + name, Msg: "rule " + r.ID + " has no options"})
				} else {
					c := &checker{path: "preset " + name, errs: &errs}
					c.decodeOptions(r, pairs[ch.options], rc.Options)
				}
			}
			cfg.Rules[r.ID] = rc
		}
	}
	return cfg, errs
}
