// Package ruledoc renders the documentation of the rules from the one source each rule
// carries (rules.Doc): the `listlint rules` table, `listlint explain RULE`, and the
// Markdown pages in docs/rules/.
package ruledoc

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/rules"
)

// Presets returns, for each rule id, the presets that turn the rule on.
func Presets() map[string][]string {
	out := map[string][]string{}
	for _, name := range config.PresetNames() {
		f, err := config.Parse("preset", []byte("preset: "+name+"\n"))
		if err != nil {
			continue
		}
		cfg, _ := f.Resolve("")
		for id, rc := range cfg.Rules {
			if rc.Severity != rules.Off {
				out[id] = append(out[id], name)
			}
		}
	}
	for id := range out {
		sort.Slice(out[id], func(i, j int) bool { return presetOrder(out[id][i]) < presetOrder(out[id][j]) })
	}
	return out
}

func presetOrder(name string) int {
	for i, n := range config.PresetNames() {
		if n == name {
			return i
		}
	}
	return 99
}

// Visible are the rules users see: every registered rule but the ones tests register.
func Visible() []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rules.All() {
		if !strings.HasPrefix(r.ID, "test-") {
			out = append(out, r)
		}
	}
	return out
}

func fixable(r *rules.Rule) string {
	switch r.Doc.Fix {
	case rules.FixSafe:
		return "yes"
	case rules.FixUnsafe:
		return "unsafe"
	}
	return "no"
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "-"
	}
	return strings.Join(s, ", ")
}

// Table writes the `listlint rules` table.
func Table(w io.Writer) error {
	presets := Presets()
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tALIASES\tDEFAULT\tFIXABLE\tPRESETS")
	for _, r := range Visible() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, orNone(r.Aliases), r.Default, fixable(r), orNone(presets[r.ID]))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\nRun 'listlint explain RULE' for a rule's documentation.")
	return err
}

// Explain writes a rule's documentation for the terminal.
func Explain(w io.Writer, r *rules.Rule) error {
	var b strings.Builder
	d := r.Doc
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, d.Title)
	b.WriteString(wrap(d.Why, 80))
	b.WriteString("\n\n")
	if d.Before != "" {
		b.WriteString("Reported:\n\n" + indent(d.Before) + "\n")
	}
	if d.After != "" {
		b.WriteString("Written well:\n\n" + indent(d.After) + "\n")
	}
	fmt.Fprintf(&b, "Default severity: %s\n", r.Default)
	fmt.Fprintf(&b, "Presets: %s\n", orNone(Presets()[r.ID]))
	fmt.Fprintf(&b, "Fix: %s", fixClass(d))
	b.WriteString("\n")
	if len(r.Aliases) > 0 {
		fmt.Fprintf(&b, "Aliases: %s\n", strings.Join(r.Aliases, ", "))
	}
	if len(d.Options) > 0 {
		b.WriteString("\nOptions:\n")
		for _, o := range d.Options {
			fmt.Fprintf(&b, "  %s (%s, default %s)\n      %s\n", o.Name, o.Type, o.Default, o.Text)
		}
	}
	fmt.Fprintf(&b, "\nDocumentation: %s\n", rules.DocURL(r.ID))
	_, err := io.WriteString(w, b.String())
	return err
}

func fixClass(d rules.Doc) string {
	s := string(d.Fix)
	switch d.Fix {
	case rules.FixSafe:
		s = "safe (applied by --fix)"
	case rules.FixUnsafe:
		s = "unsafe (applied by --fix --unsafe-fixes)"
	}
	if d.FixNote != "" {
		s += ": " + d.FixNote
	}
	return s
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("    " + l + "\n")
	}
	return b.String()
}

func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		if n > 0 && n+1+len(w) > width {
			b.WriteString("\n")
			n = 0
		} else if n > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

// Page is the Markdown page docs/rules/<id>.md.
func Page(r *rules.Rule) string {
	var b strings.Builder
	d := r.Doc
	fmt.Fprintf(&b, "# %s\n\n%s.\n\n", r.ID, strings.TrimSuffix(d.Title, "."))
	b.WriteString("| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| Default severity | %s |\n", r.Default)
	fmt.Fprintf(&b, "| Presets | %s |\n", orNone(Presets()[r.ID]))
	fmt.Fprintf(&b, "| Fix | %s |\n", strings.ReplaceAll(fixClass(d), "|", "\\|"))
	if len(r.Aliases) > 0 {
		fmt.Fprintf(&b, "| Aliases | %s |\n", "`"+strings.Join(r.Aliases, "`, `")+"`")
	}
	fmt.Fprintf(&b, "\n## Why\n\n%s\n", d.Why)
	if d.Before != "" {
		b.WriteString("\n## Reported\n\n```markdown\n" + strings.TrimRight(d.Before, "\n") + "\n```\n")
	}
	if d.After != "" {
		b.WriteString("\n## Written well\n\n```markdown\n" + strings.TrimRight(d.After, "\n") + "\n```\n")
	}
	if len(d.Options) > 0 {
		b.WriteString("\n## Options\n\n| option | type | default | meaning |\n|---|---|---|---|\n")
		for _, o := range d.Options {
			fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s |\n", o.Name, strings.ReplaceAll(o.Type, "|", "\\|"), o.Default, o.Text)
		}
		fmt.Fprintf(&b, "\nIn `.listlint.yml`:\n\n```yaml\nrules:\n  %s:\n    severity: %s\n", r.ID, nonOff(r.Default))
		for _, o := range d.Options {
			fmt.Fprintf(&b, "    %s: %s\n", o.Name, o.Default)
		}
		b.WriteString("```\n")
	}
	b.WriteString("\n## Turning it off\n\n")
	fmt.Fprintf(&b, "In `.listlint.yml`: `rules: {%s: off}`. For one line: `<!-- listlint-disable-next-line %s -->` on the line above.\n", r.ID, r.ID)
	b.WriteString("\n<!-- Generated from the rule's documentation in the code (rules.Doc); edit it there. -->\n")
	return b.String()
}

func nonOff(s rules.Severity) rules.Severity {
	if s == rules.Off {
		return rules.Error
	}
	return s
}

// Index is docs/rules/README.md.
func Index() string {
	var b strings.Builder
	presets := Presets()
	b.WriteString("# listlint rules\n\n")
	b.WriteString("| rule | what it checks | default | fix | presets |\n|---|---|---|---|---|\n")
	for _, r := range Visible() {
		fmt.Fprintf(&b, "| [`%s`](%s.md) | %s | %s | %s | %s |\n", r.ID, r.ID, r.Doc.Title, r.Default, fixable(r), orNone(presets[r.ID]))
	}
	b.WriteString("\nGenerated from the rules' documentation in the code: `go test ./ruledoc -update` rewrites these pages.\n")
	return b.String()
}
