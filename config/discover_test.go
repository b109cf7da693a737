package config

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/rules"
)

// configPath returns the path of the configuration file that applies to p ("" for none).
func configPath(t *testing.T, fd *Finder, p string) string {
	t.Helper()
	a, err := fd.For(p)
	if err != nil {
		t.Fatalf("For(%s): %v", p, err)
	}
	if a.File == nil {
		return ""
	}
	return a.File.Path
}

func TestDiscovery(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"top/.listlint.yml":                "preset: knowledge\n",
		"top/a.md":                         "",
		"top/docs/deep/er/b.md":            "", // a config two levels up
		"top/docs/sub/.listlint.yaml":      "rules: {sort-order: error}\n",
		"top/docs/sub/c.md":                "", // the nearer one wins
		"top/docs/sub/more/d.md":           "",
		"top/repo/.git/HEAD":               "", // a repository inside: the search stops there
		"top/repo/e.md":                    "",
		"top/repo/docs/f.md":               "",
		"top/worktree/.git":                "gitdir: elsewhere\n", // a worktree's .git is a file
		"top/worktree/g.md":                "",
		"top/repo2/.git/HEAD":              "",
		"top/repo2/.listlint.yml":          "rules: {year-suffix: off}\n", // the root's own config counts
		"top/repo2/h.md":                   "",
		"both/.listlint.yml":               "",
		"both/.listlint.yaml":              "",
		"both/i.md":                        "",
		"broken/.listlint.yml":             "rules: {year-sufix: off}\n",
		"broken/j.md":                      "",
		"top/docs/sub/more/notes/k.md":     "",
		"top/docs/sub/more/notes/.keep":    "",
		"top/docs/sub/more/notes/sub/l.md": "",
	})
	chdir(t, dir)
	fd := NewFinder()
	for _, c := range []struct{ file, want string }{
		{"top/a.md", "top/.listlint.yml"},
		{"top/docs/deep/er/b.md", "top/.listlint.yml"},
		{"top/docs/sub/c.md", "top/docs/sub/.listlint.yaml"},
		{"top/docs/sub/more/d.md", "top/docs/sub/.listlint.yaml"},
		{"top/docs/sub/more/notes/sub/l.md", "top/docs/sub/.listlint.yaml"},
		{"top/repo/e.md", ""},
		{"top/repo/docs/f.md", ""},
		{"top/worktree/g.md", ""},
		{"top/repo2/h.md", "top/repo2/.listlint.yml"},
		{"top/not-yet-written.md", "top/.listlint.yml"}, // a path that does not exist
	} {
		if got := configPath(t, fd, c.file); got != filepath.FromSlash(c.want) {
			t.Errorf("%s: config %q, want %q", c.file, got, c.want)
		}
	}
	if _, err := fd.For("both/i.md"); err == nil || err.Error() != filepath.FromSlash("both/.listlint.yaml")+": both .listlint.yml and .listlint.yaml are in this folder; keep one" {
		t.Errorf("both names: %v", err)
	}
	if _, err := fd.For("broken/j.md"); err == nil || err.Error() != filepath.FromSlash("broken/.listlint.yml")+`:1:9: unknown rule "year-sufix"; did you mean "year-suffix"?` {
		t.Errorf("broken config: %v", err)
	}

	// The configuration read for one folder serves the folders below it: the same File, and
	// a file removed from disk after the first search is not looked for again.
	a1, _ := fd.For("top/a.md")
	a2, _ := fd.For("top/docs/deep/er/b.md")
	if a1.File != a2.File {
		t.Error("top/.listlint.yml was read twice")
	}
	if err := os.Remove(filepath.Join(dir, "top/.listlint.yml")); err != nil {
		t.Fatal(err)
	}
	if got := configPath(t, fd, "top/docs/deep/x.md"); got != filepath.FromSlash("top/.listlint.yml") {
		t.Errorf("cached search: got %q", got)
	}
	// Paths without overrides share one effective configuration.
	if a1.Config != a2.Config {
		t.Error("two files with the same configuration got two engine.Configs")
	}

	// --config names one file for every path; --no-config uses none.
	explicit := NewFinder()
	if err := explicit.UseFile("top/docs/sub/.listlint.yaml"); err != nil {
		t.Fatal(err)
	}
	if got := configPath(t, explicit, "top/repo/e.md"); got != filepath.FromSlash("top/docs/sub/.listlint.yaml") {
		t.Errorf("--config: got %q", got)
	}
	none := NewFinder()
	none.UseNone()
	if got := configPath(t, none, "top/docs/sub/c.md"); got != "" {
		t.Errorf("--no-config: got %q", got)
	}
	if err := NewFinder().UseFile("nowhere.yml"); err == nil {
		t.Error("--config with a missing file: no error")
	}
}

func severityOf(cfg *engine.Config, id string) rules.Severity { return cfg.Rules[id].Severity }

func TestExtends(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		// A shared base in a sibling folder, named by a relative path.
		"shared/base.yml": "preset: knowledge\n" +
			"extends: ../shared/root.yml\n" +
			"rules:\n  sort-order: {severity: warning, by: year}\n  year-suffix: off\n" +
			"ignore: ['drafts/**']\n" +
			"overrides:\n  - files: ['docs/**']\n    rules: {year-suffix: error}\n",
		"shared/root.yml": "rules:\n  description-style: {max-length: 80}\n",
		"proj/.listlint.yml": "extends: ../shared/base.yml\n" +
			"rules:\n  sort-order: {order: descending}\n  description-style: {require-period: false}\n" +
			"overrides:\n  - files: ['docs/old/**']\n    rules: {year-suffix: warning}\n",
	})
	f, err := Load(filepath.Join(dir, "proj/.listlint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(f.Chain()); got != 3 {
		t.Fatalf("chain of %d files, want 3", got)
	}
	if f.PresetName() != "knowledge" {
		t.Errorf("preset %q: the base's preset should apply", f.PresetName())
	}
	cfg, _ := f.Resolve("list.md")
	so := cfg.Rules["sort-order"].Options.(*rules.SortOrderOptions)
	if severityOf(cfg, "sort-order") != rules.Warning || so.By != "year" || so.Order != "descending" {
		t.Errorf("sort-order: %v %+v; want the base's severity and by, the file's order", severityOf(cfg, "sort-order"), so)
	}
	ds := cfg.Rules["description-style"].Options.(*rules.DescriptionStyleOptions)
	if ds.MaxLength != 80 || ds.RequirePeriod || !ds.RequireCapital {
		t.Errorf("description-style: %+v; want max-length from the root, require-period from the file", ds)
	}
	if du := cfg.Rules["duplicate-url"].Options.(*rules.DuplicateURLOptions); du.Scope != "file" {
		t.Errorf("duplicate-url scope %q: the knowledge preset should apply", du.Scope)
	}
	if severityOf(cfg, "year-suffix") != rules.Off {
		t.Error("year-suffix: the base turns it off")
	}
	// The base's ignore globs and overrides match paths of the project that extends it.
	if !f.Ignored("drafts/x.md") || f.Ignored("docs/x.md") {
		t.Error("ignore globs of the base")
	}
	cfg, ovs := f.Resolve("docs/old/x.md")
	if len(ovs) != 2 || severityOf(cfg, "year-suffix") != rules.Warning {
		t.Errorf("docs/old/x.md: %d overrides, year-suffix %v; want the base's then the file's (warning)", len(ovs), severityOf(cfg, "year-suffix"))
	}
	if cfg, _ := f.Resolve("docs/x.md"); severityOf(cfg, "year-suffix") != rules.Error {
		t.Error("docs/x.md: the base's override should turn year-suffix on")
	}
}

// Overrides apply in the order written, after the rules: a later match wins.
func TestOverridesOrder(t *testing.T) {
	f, err := Parse(".listlint.yml", []byte(`
rules:
  sort-order: error
  description-style: {max-length: 100}
overrides:
  - files: ['**/*.md']
    rules:
      sort-order: warning
      description-style: {max-length: 50}
  - files: [archive]
    rules:
      sort-order: off
  - files: ['archive/keep/*.md']
    rules:
      sort-order: {severity: error, by: year}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		rel       string
		sev       rules.Severity
		by        string
		maxLen, n int
	}{
		{"a.md", rules.Warning, "title", 50, 1},
		{"archive/a.md", rules.Off, "title", 50, 2},
		{"archive/keep/a.md", rules.Error, "year", 50, 3},
		{"a.txt", rules.Error, "title", 100, 0},
	} {
		cfg, ovs := f.Resolve(c.rel)
		so := cfg.Rules["sort-order"].Options.(*rules.SortOrderOptions)
		ml := cfg.Rules["description-style"].Options.(*rules.DescriptionStyleOptions).MaxLength
		if severityOf(cfg, "sort-order") != c.sev || so.By != c.by || ml != c.maxLen || len(ovs) != c.n {
			t.Errorf("%s: sort-order %v by %s, max-length %d, %d overrides; want %v by %s, %d, %d",
				c.rel, severityOf(cfg, "sort-order"), so.By, ml, len(ovs), c.sev, c.by, c.maxLen, c.n)
		}
	}
	// Each resolution builds fresh options: an override never leaks into another path.
	c1, _ := f.Resolve("archive/keep/a.md")
	c2, _ := f.Resolve("a.txt")
	if c1.Rules["sort-order"].Options == c2.Rules["sort-order"].Options {
		t.Error("two resolutions share an options struct")
	}
}

// A Finder applies Adjust (the CLI's --enable/--disable) once to each configuration.
func TestFinderAdjust(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{".listlint.yml": "rules: {sort-order: error}\noverrides: [{files: [b.md], rules: {year-suffix: warning}}]\n"})
	chdir(t, dir)
	fd := NewFinder()
	calls := 0
	fd.Adjust = func(c *engine.Config) {
		calls++
		rc := c.Rules["sort-order"]
		rc.Severity = rules.Off
		c.Rules["sort-order"] = rc
	}
	for _, p := range []string{"a.md", "b.md", "c.md", "sub/d.md"} {
		a, err := fd.For(p)
		if err != nil {
			t.Fatal(err)
		}
		if severityOf(a.Config, "sort-order") != rules.Off {
			t.Errorf("%s: Adjust not applied", p)
		}
	}
	if calls != 2 {
		t.Errorf("Adjust called %d times, want 2 (with and without the override)", calls)
	}
}
