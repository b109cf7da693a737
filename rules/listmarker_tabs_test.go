package rules_test

import (
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/fixer"
	"github.com/listlint/listlint/rules"
)

// TestListMarkerTabs checks that list-marker re-indents a tab-indented sub-list only when
// the whitespace rule replaces tabs in list lines: with whitespace off, or with its
// allow-list-tabs, the tabs are the list's own way of indenting.
func TestListMarkerTabs(t *testing.T) {
	src := []byte("# List\n\n- [A](https://a.example) - Parent.\n\t- [B](https://b.example) - Child.\n")
	for _, tt := range []struct {
		name       string
		whitespace rules.Severity
		allowTabs  bool
		want       int // list-marker problems
	}{
		{"whitespace replaces tabs", rules.Warning, false, 1},
		{"whitespace allows list tabs", rules.Warning, true, 0},
		{"whitespace off", rules.Off, false, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := engine.DefaultConfig()
			for id, rc := range cfg.Rules {
				rc.Severity = rules.Off
				cfg.Rules[id] = rc
			}
			lm := cfg.Rules["list-marker"]
			lm.Severity = rules.Warning
			cfg.Rules["list-marker"] = lm
			ws := cfg.Rules["whitespace"]
			ws.Severity = tt.whitespace
			ws.Options = &rules.WhitespaceOptions{AllowListTabs: tt.allowTabs}
			cfg.Rules["whitespace"] = ws
			got := 0
			for _, d := range engine.Lint([]engine.File{{Path: "a.md", Src: src}}, cfg)[0].Diags {
				if d.Rule == "list-marker" {
					got++
					if d.Fix == nil || d.Fix.Edits[0].New != "  " {
						t.Errorf("fix %v; want the tab replaced by two spaces", d.Fix)
					}
				}
			}
			if got != tt.want {
				t.Errorf("%d list-marker problems, want %d", got, tt.want)
			}
		})
	}
}

// TestListMarkerTabsKept checks what list-marker's re-indentation leaves alone: the tabs
// of a code block in an item (they are the code's), and every tab of a file where a
// comment turns the whitespace rule off.
func TestListMarkerTabsKept(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{
			name: "code in an item",
			src:  "- [Make](https://make.com) - Build tool.\n\n\t```make\n\tall:\n\t\tgo build\n\t```\n\n\t- [B](https://b.com) - B thing.\n",
			want: "- [Make](https://make.com) - Build tool.\n\n\t```make\n\tall:\n\t\tgo build\n\t```\n\n  - [B](https://b.com) - B thing.\n",
		},
		{
			name: "whitespace off by a comment",
			src:  "<!-- listlint-disable-file whitespace -->\n\n- alpha\n\t- beta\n\t\t- gamma\n    - delta\n",
			want: "<!-- listlint-disable-file whitespace -->\n\n- alpha\n\t- beta\n\t\t- gamma\n    - delta\n",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := engine.DefaultConfig()
			for id, rc := range cfg.Rules {
				if id != "list-marker" && id != "whitespace" {
					rc.Severity = rules.Off
					cfg.Rules[id] = rc
				}
			}
			out := fixer.FixAll([]engine.File{{Path: "a.md", Src: []byte(tt.src)}}, cfg, false)
			if got := string(out.Files[0].Src); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
