package config

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

// Effective renders cfg as a configuration file that sets every registered rule
// explicitly, severity and options, so that it reads as the full answer and loads back
// into the same configuration.
func Effective(cfg *engine.Config) ([]byte, error) {
	ruleMap := &yaml.Node{Kind: yaml.MappingNode}
	for _, r := range rules.All() {
		rc, ok := cfg.Rules[r.ID]
		if !ok {
			continue
		}
		key := &yaml.Node{Kind: yaml.ScalarNode, Value: r.ID}
		sev := &yaml.Node{Kind: yaml.ScalarNode, Value: rc.Severity.String()}
		if rc.Options == nil {
			ruleMap.Content = append(ruleMap.Content, key, sev)
			continue
		}
		var opts yaml.Node
		if err := opts.Encode(rc.Options); err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.ID, err)
		}
		m := &yaml.Node{Kind: yaml.MappingNode}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "severity"}, sev)
		if opts.Kind == yaml.MappingNode {
			m.Content = append(m.Content, opts.Content...)
		}
		ruleMap.Content = append(ruleMap.Content, key, m)
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "rules"}, ruleMap}}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Explain says in comment lines where a path's configuration comes from: the file and
// what it extends, the preset, the overrides that matched, and whether it is ignored.
func Explain(path string, a *Applied) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Effective configuration for %s\n", path)
	if a.File == nil {
		b.WriteString("# No configuration file applies: the default preset.\n")
		return b.String()
	}
	chain := a.File.Chain()
	names := make([]string, 0, len(chain))
	for i := len(chain) - 1; i >= 0; i-- {
		names = append(names, chain[i].Path)
	}
	fmt.Fprintf(&b, "# Configuration file: %s\n", strings.Join(names, ", extending "))
	fmt.Fprintf(&b, "# Preset: %s\n", a.File.PresetName())
	for _, o := range a.Overrides {
		fmt.Fprintf(&b, "# Override applied: %s:%d (files: %s)\n", o.Path, o.Line, strings.Join(o.Files, ", "))
	}
	if a.Ignored {
		fmt.Fprintf(&b, "# Ignored: %s matches an ignore: glob, so it is not linted.\n", a.Rel)
	}
	return b.String()
}
