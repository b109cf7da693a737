package config

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/internal/benchcorpus"
	"github.com/listlint/listlint/rules"
)

func files(m map[string]string) []engine.File {
	var out []engine.File
	for p, src := range m {
		out = append(out, engine.File{Path: p, Src: []byte(src)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

func findingFor(inf *Inference, prefix string) *Finding {
	for i := range inf.Findings {
		if strings.HasPrefix(inf.Findings[i].What, prefix) {
			return &inf.Findings[i]
		}
	}
	return nil
}

// An awesome list is known by its README's title, written plainly or as a link, without
// the badge too; another README is not one.
func TestInferAwesomeTitle(t *testing.T) {
	entries := "\n## Tools\n\n- [A](https://a.example) - A tool.\n- [B](https://b.example) - B tool.\n"
	for title, want := range map[string]string{
		"# Awesome Python\n": "awesome",
		"# [Awesome Python](https://awesome-python.com/)\n": "awesome",
		"# [**Awesome** Go](https://awesome-go.com)\n":      "awesome",
		"# Python tools\n": "default",
		"# [Python tools](https://example.org/awesome)\n": "default",
	} {
		inf, err := Infer(files(map[string]string{"README.md": title + entries}))
		if err != nil {
			t.Fatal(err)
		}
		if inf.Preset != want {
			t.Errorf("%q: preset %q, want %q", title, inf.Preset, want)
		}
	}
}

// A small awesome list: sorted, lower-case phrases without periods, "*" bullets.
func TestInferAwesomeList(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n")
	for _, sec := range []string{"Tools", "Libraries", "Apps"} {
		fmt.Fprintf(&b, "## %s\n\n", sec)
		for i, name := range []string{"alpha", "Beta", "delta 2", "Delta 10", "gamma"} {
			fmt.Fprintf(&b, "* [%s](https://%s.example/%d) - a tool for %s things\n", name, strings.ReplaceAll(name, " ", ""), i, sec)
		}
		b.WriteString("\n")
	}
	inf, err := Infer(files(map[string]string{"README.md": b.String()}))
	if err != nil {
		t.Fatal(err)
	}
	y := string(inf.YAML)
	t.Logf("\n%s", y)
	if inf.Preset != "awesome" || !strings.Contains(y, "preset: awesome\n") {
		t.Errorf("preset %q", inf.Preset)
	}
	if inf.SortBy != "title" || inf.SortedLists != 3 || inf.SortableLists != 3 {
		t.Errorf("sort: by %q, %d of %d lists", inf.SortBy, inf.SortedLists, inf.SortableLists)
	}
	for _, want := range []string{"require-period: false", "require-capital: false", "  sort-order:\n", "    by: title\n"} {
		if !strings.Contains(y, want) {
			t.Errorf("missing %q", want)
		}
	}
	if f := findingFor(inf, "descriptions ending"); f == nil || f.Agree != 0 || f.Of != 15 {
		t.Errorf("period finding: %+v", f)
	}
	if f := findingFor(inf, `bullet "*"`); f == nil || f.Agree != 15 {
		t.Errorf("bullet finding: %+v", f)
	}
	// The file is valid, and under it the list has no sorting or description problems.
	cf, err := Parse(".listlint.yml", inf.YAML)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := cf.Resolve("README.md")
	for _, r := range engine.Lint(files(map[string]string{"README.md": b.String()}), cfg) {
		for _, d := range r.Diags {
			if d.Rule == "sort-order" || d.Rule == "description-style" {
				t.Errorf("under the inferred configuration: %s", d.Message)
			}
		}
	}
}

// A wiki: many files with annotations and years, the same article under two topics, lists
// in no order, descriptions that end with a period.
func TestInferKnowledgeWiki(t *testing.T) {
	m := map[string]string{}
	for i := range 12 {
		m[fmt.Sprintf("docs/topic%d.md", i)] = fmt.Sprintf(`# Topic %d

- [Zeta article (2021)](https://z%d.example) - About zeta. ([HN](https://news.ycombinator.com/item?id=%d))
- [Alpha article (2019)](https://a%d.example) - About alpha. ([HN](https://news.ycombinator.com/item?id=1%d)) ([Code](https://github.com/o/r%d))
- [Shared article (2020)](https://shared.example/%d) - Listed under two topics.
- [Middle (2018)](https://m%d.example) - About the middle.
`, i, i, i, i, i, i, i/2, i)
	}
	inf, err := Infer(files(m))
	if err != nil {
		t.Fatal(err)
	}
	y := string(inf.YAML)
	t.Logf("\n%s", y)
	if inf.Preset != "knowledge" {
		t.Errorf("preset %q", inf.Preset)
	}
	if inf.SortBy != "" || strings.Contains(y, "sort-order") {
		t.Errorf("unsorted lists: sort-order should stay off (by %q)", inf.SortBy)
	}
	if !strings.Contains(y, "scope: file") {
		t.Error("duplicates across files: want duplicate-url scope: file")
	}
	if strings.Contains(y, "require-period") {
		t.Error("descriptions end with a period: require-period should stay")
	}
	if f := findingFor(inf, "titles with a year"); f == nil || f.Agree != 48 || f.Of != 48 {
		t.Errorf("years: %+v", f)
	}
}

// A rule that reports on most entries is turned off, and says why.
func TestInferTurnsOffNoisyRules(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Notes\n\n")
	for i := range 30 {
		// A year written after the link: year-suffix reports every entry.
		fmt.Fprintf(&b, "- [Talk %c](https://t%d.example) (2020) - A talk.\n", 'A'+i%26, i)
	}
	inf, err := Infer(files(map[string]string{"notes.md": b.String()}))
	if err != nil {
		t.Fatal(err)
	}
	y := string(inf.YAML)
	if !strings.Contains(y, "  year-suffix: off\n") || findingFor(inf, "year-suffix: problems") == nil {
		t.Errorf("year-suffix reports every entry; want it off:\n%s", y)
	}
}

// A convention that a few entries break is kept (they are mistakes to report); one that
// more than a few break is relaxed.
func TestInferStragglers(t *testing.T) {
	for _, tc := range []struct {
		lower       int
		wantRelaxed bool
	}{{0, false}, {9, false}, {12, false}, {40, true}} {
		var b strings.Builder
		b.WriteString("# Tools\n\n")
		for i := range 400 {
			desc := "A tool."
			if i < tc.lower {
				desc = "a tool."
			}
			fmt.Fprintf(&b, "- [Tool %03d](https://t%d.example) - %s\n", i, i, desc)
		}
		inf, err := Infer(files(map[string]string{"list.md": b.String()}))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(string(inf.YAML), "require-capital: false")
		if got != tc.wantRelaxed {
			t.Errorf("%d of 400 descriptions in lower case: relaxed %v, want %v\n%s", tc.lower, got, tc.wantRelaxed, inf.YAML)
		}
	}
}

func count(results []*engine.Result) int {
	n := 0
	for _, r := range results {
		for _, d := range r.Diags {
			if d.Severity != rules.Off {
				n++
			}
		}
	}
	return n
}

// corpusDir holds real lists from public repositories beside the repository; the test
// that uses it skips where it is absent.
const corpusDir = "../../shared/corpus"

func readCorpusFolder(t *testing.T, dir string) []engine.File {
	t.Helper()
	paths, srcs := benchcorpus.Files(dir)
	out := make([]engine.File, len(paths))
	for i := range paths {
		out[i] = engine.File{Path: paths[i], Src: srcs[i]}
	}
	return out
}

// listlint init on each corpus folder writes a configuration (into memory: the corpus is
// read-only) that fits the folder: where init relaxed a check the lists do not follow,
// the folder has fewer problems than under the default preset; the only new problems
// come from checks the lists already follow almost everywhere (sort-order on sorted lists,
// #readme on GitHub links that mostly have it) or that their preset adds (awesome lists:
// spell-check, the awesome-* rules). It detects awesome-go's lists as sorted by title.
func TestInitCorpus(t *testing.T) {
	ents, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Skipf("corpus not found at %s: %v", corpusDir, err)
	}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(corpusDir, e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			fs := readCorpusFolder(t, dir)
			if len(fs) == 0 {
				t.Skip("no Markdown")
			}
			inf, err := InferIn(dir, fs)
			if err != nil {
				t.Fatal(err)
			}
			before := count(engine.Lint(fs, engine.DefaultConfig()))
			cf, err := Parse(filepath.Join(dir, FileName), inf.YAML)
			if err != nil {
				t.Fatalf("init wrote an invalid configuration: %v\n%s", err, inf.YAML)
			}
			cfg, _ := cf.Resolve("")
			var lists []engine.File
			for _, f := range fs {
				rel, _ := filepath.Rel(dir, f.Path)
				rel = filepath.ToSlash(rel)
				if cf.Ignored(rel) {
					continue
				}
				if c, matched := cf.Resolve(rel); len(matched) > 0 {
					f.Config = c // the overrides init wrote for files with conventions of their own
				}
				lists = append(lists, f)
			}
			res := engine.Lint(lists, cfg)
			after := count(res)
			// Problems from checks that init or the preset made stricter than default.
			def, _ := presetConfig("default")
			stricter := map[string]bool{}
			for _, id := range inf.Stricter {
				stricter[id] = true
			}
			for id, rc := range cfg.Rules {
				if rc.Severity != rules.Off && def.Rules[id].Severity == rules.Off {
					stricter[id] = true
				}
			}
			extra := 0
			for _, r := range res {
				for _, d := range r.Diags {
					if stricter[d.Rule] {
						extra++
					}
				}
			}
			var lines []string
			for _, f := range inf.Findings {
				lines = append(lines, "  "+f.String())
			}
			t.Logf("%s: %d problems under default, %d after init (preset %s; %d from stricter checks; relaxed %v; overrides for %v)\n%s",
				e.Name(), before, after, inf.Preset, extra, inf.Relaxed, inf.Overrides, strings.Join(lines, "\n"))
			if after-extra > before {
				t.Errorf("%d problems after init (%d from stricter checks), %d before: init added noise\n%s", after, extra, before, inf.YAML)
			}
			if len(inf.Relaxed) > 0 && after >= before {
				t.Errorf("init relaxed %v but the problems did not drop: %d before, %d after\n%s", inf.Relaxed, before, after, inf.YAML)
			}
			if e.Name() == "knowledge" {
				// Files of the wiki that keep conventions of their own: no final period in
				// music-artists.md, "-   " in bash.md, "-  " in karabiner.md.
				want := []string{"docs/macOS/apps/karabiner/karabiner.md", "docs/music/music-artists.md", "docs/programming-languages/bash.md"}
				if !slices.Equal(inf.Overrides, want) {
					t.Errorf("knowledge: overrides for %q, want %q", inf.Overrides, want)
				}
			}
			if e.Name() == "avelino__awesome-go" {
				// 148 descriptions repeat their title and 125 start in lower case: checks
				// this list does not keep, so init relaxes them.
				if after*3 > before*2 {
					t.Errorf("awesome-go: %d problems after init, %d before; want at least a third fewer", after, before)
				}
				if inf.SortBy != "title" || float64(inf.SortedLists) < sortedShare*float64(inf.SortableLists) {
					t.Errorf("awesome-go: sorted by %q, %d of %d lists; want by title", inf.SortBy, inf.SortedLists, inf.SortableLists)
				}
			}
		})
	}
}

// A list that files a tool under several headings on purpose gets duplicate-url's section
// scope; one whose repeats sit under the same heading (slips) keeps the default.
func TestInferDuplicateSections(t *testing.T) {
	list := func(sameHeading bool) string {
		var b strings.Builder
		b.WriteString("# Tools\n")
		for s := range 4 {
			fmt.Fprintf(&b, "\n## Use case %d\n\n", s)
			for i := range 3 {
				fmt.Fprintf(&b, "- [Tool %d%d](https://t%d%d.example) - A tool.\n", s, i, s, i)
			}
			if s > 0 {
				fmt.Fprintf(&b, "- [Shared](https://shared%d.example) - A tool for several uses.\n", s)
				if sameHeading {
					fmt.Fprintf(&b, "- [Shared again](https://shared%d.example) - The same.\n", s)
				} else {
					fmt.Fprintf(&b, "\n## Use case %d b\n\n- [Shared](https://shared%d.example) - A tool for several uses.\n", s, s)
				}
			}
		}
		return b.String()
	}
	for _, same := range []bool{false, true} {
		inf, err := Infer(files(map[string]string{"README.md": list(same)}))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(string(inf.YAML), "scope: section")
		if got == same {
			t.Errorf("repeats under the same heading %v: scope: section written %v\n%s", same, got, inf.YAML)
		}
	}
}

// Files a repository keeps beside its lists are left out: GitHub's community files at the
// top, anything under .github, notes for coding agents; not a wiki's topic page that
// happens to be called security.md, nor a file full of entries.
func TestInferIgnoresFilesThatAreNotLists(t *testing.T) {
	entry := "- [Tool](https://tool.example) - A tool.\n"
	fs := files(map[string]string{
		"README.md":                        "# Awesome Tools\n\n" + entry,
		"CODE_OF_CONDUCT.md":               "# Code of conduct\n\n* Be kind.\n",
		"contributing.md":                  "# Contributing\n\n### Steps\n",
		".github/pull_request_template.md": "Describe the change\n",
		"AGENTS.md":                        "Notes for agents\n",
		"docs/security/security.md":        "# Security\n\n" + entry,
		"SECURITY.md":                      "# Security tools\n\n" + strings.Repeat(entry, 25),
		"my [draft]*.md":                   "# Draft\n",
	})
	inf, err := Infer(fs)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".github/pull_request_template.md", "AGENTS.md", "CODE_OF_CONDUCT.md", "contributing.md"}
	got := slices.Clone(inf.Ignore)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("ignored %q, want %q", got, want)
	}
	cf, err := Parse(FileName, inf.YAML)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range want {
		if !cf.Ignored(p) {
			t.Errorf("the written configuration does not ignore %s:\n%s", p, inf.YAML)
		}
	}
	for _, p := range []string{"README.md", "docs/security/security.md", "SECURITY.md", "my [draft]*.md", "sub/contributing.md"} {
		if cf.Ignored(p) {
			t.Errorf("the written configuration ignores %s:\n%s", p, inf.YAML)
		}
	}
	if globEscape("my [draft]*.md") != `my \[draft]\*.md` {
		t.Errorf("globEscape: %q", globEscape("my [draft]*.md"))
	}
}

// perFileFolder is a folder whose descriptions end with a period and whose bullets are
// followed by one space, except in files that keep conventions of their own: artists.md
// never ends a description with a period, bash.md puts three spaces after its bullets.
// stragglers.md and few.md only have a few departures (mistakes to report), and short.md
// departs in everything but has too few items to tell a convention from mistakes.
func perFileFolder() map[string]string {
	m := map[string]string{}
	entries := func(b *strings.Builder, n int, line func(i int) string) {
		for i := range n {
			b.WriteString(line(i))
		}
	}
	for f := range 8 {
		var b strings.Builder
		fmt.Fprintf(&b, "# Topic %d\n\n", f)
		entries(&b, 150, func(i int) string {
			return fmt.Sprintf("- [Article %d-%d](https://t%d.example/%d) - About topic %d.\n", f, i, f, i, f)
		})
		m[fmt.Sprintf("docs/topic%d.md", f)] = b.String()
	}
	var artists, stragglers, bash, short strings.Builder
	artists.WriteString("# Artists\n\n")
	entries(&artists, 20, func(i int) string {
		return fmt.Sprintf("- [Artist %d](https://artist%d.example) - Electronic, Berlin\n", i, i)
	})
	stragglers.WriteString("# Stragglers\n\n")
	entries(&stragglers, 20, func(i int) string {
		end := "."
		if i < 3 {
			end = ""
		}
		sp := " "
		if i == 5 {
			sp = "   " // one item with three spaces: a mistake
		}
		return fmt.Sprintf("-%s[Tool %d](https://tool%d.example) - A tool%s\n", sp, i, i, end)
	})
	bash.WriteString("# Bash\n\n-   The she-bang is `#!/usr/bin/env bash`.\n\n## Links\n\n")
	entries(&bash, 12, func(i int) string {
		return fmt.Sprintf("-   [Bash page %d](https://bash%d.example) - About Bash.\n", i, i)
	})
	short.WriteString("# Short\n\n")
	entries(&short, 5, func(i int) string {
		return fmt.Sprintf("-   [Short %d](https://short%d.example) - No period\n", i, i)
	})
	m["docs/music/artists.md"] = artists.String()
	m["docs/stragglers.md"] = stragglers.String()
	m["docs/bash.md"] = bash.String()
	m["docs/short.md"] = short.String()
	return m
}

// A file that keeps a convention of its own gets an override for exactly that file; a file
// with a few stragglers, or too few items to tell, keeps the folder's convention. Under the
// written configuration, the file with its own convention has no such problems and the
// stragglers elsewhere are still reported.
func TestInferPerFileConventions(t *testing.T) {
	m := perFileFolder()
	inf, err := Infer(files(m))
	if err != nil {
		t.Fatal(err)
	}
	y := string(inf.YAML)
	t.Logf("\n%s", y)
	if folder, _, _ := strings.Cut(y, "overrides:"); strings.Contains(folder, "require-period") || strings.Contains(folder, "marker-spaces") {
		t.Errorf("the folder keeps periods and one space: the folder-wide rules should not change them")
	}
	want := "overrides:\n" +
		"  - files: [\"/docs/bash.md\"]\n" +
		"    rules:\n" +
		"      entry-format:\n" +
		"        # bullets followed by 3 spaces: 13 of 13 bullet items in this file; the folder's bullets are followed by 1 space\n" +
		"        marker-spaces: 3\n" +
		"  - files: [\"/docs/music/artists.md\"]\n" +
		"    rules:\n" +
		"      description-style:\n" +
		"        # descriptions ending with a period (or ! ? …): 0 of 20 descriptions in this file; 1,229 of 1,257 in the folder\n" +
		"        require-period: false\n"
	if !strings.HasSuffix(y, want) {
		t.Errorf("want the configuration to end with\n%s", want)
	}
	if !slices.Equal(inf.Overrides, []string{"docs/bash.md", "docs/music/artists.md"}) {
		t.Errorf("overrides for %q", inf.Overrides)
	}
	if f := findingFor(inf, "docs/music/artists.md: descriptions ending"); f == nil || f.Agree != 0 || f.Of != 20 || !strings.Contains(f.Conclusion, "require-period: false") {
		t.Errorf("the summary should show the override: %+v", f)
	}

	// The output does not depend on the order the files come in.
	fs := files(m)
	slices.Reverse(fs)
	again, err := Infer(fs)
	if err != nil {
		t.Fatal(err)
	}
	if string(again.YAML) != y {
		t.Errorf("files in another order, another configuration:\n%s", again.YAML)
	}

	// Lint under the written configuration, each file with what applies at its path.
	cf, err := Parse(FileName, inf.YAML)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := cf.Resolve("")
	var lint []engine.File
	for _, f := range files(m) {
		if c, matched := cf.Resolve(f.Path); len(matched) > 0 {
			f.Config = c
		}
		lint = append(lint, f)
	}
	got := map[string]int{} // "file rule" -> problems
	for _, r := range engine.Lint(lint, cfg) {
		for _, d := range r.Diags {
			switch {
			case d.Rule == "description-style" && strings.Contains(d.Message, "period"):
				got[r.Path+" period"]++
			case d.Rule == "entry-format" && strings.Contains(d.Message, "marker is followed"):
				got[r.Path+" spaces"]++
			}
		}
	}
	wantCounts := map[string]int{
		"docs/stragglers.md period": 3, "docs/stragglers.md spaces": 1,
		"docs/short.md period": 5, "docs/short.md spaces": 5,
	}
	if !maps.Equal(got, wantCounts) {
		t.Errorf("problems under the written configuration: %v, want %v", got, wantCounts)
	}
}

// The other conventions a file may keep on its own: its bullet, descriptions in lower case.
// And a folder whose bullets are mostly followed by three spaces gets marker-spaces: 3
// folder-wide, with no override for its files that agree.
func TestInferPerFileBulletCapitalAndFolderSpaces(t *testing.T) {
	m := map[string]string{}
	for f := range 6 {
		var b strings.Builder
		fmt.Fprintf(&b, "# Topic %d\n\n", f)
		for i := range 100 {
			fmt.Fprintf(&b, "-   [Article %d-%d](https://t%d.example/%d) - About topic %d.\n", f, i, f, i, f)
		}
		m[fmt.Sprintf("topic%d.md", f)] = b.String()
	}
	var b strings.Builder
	b.WriteString("# Packages\n\n")
	for i := range 15 {
		fmt.Fprintf(&b, "*   [pkg%d](https://pkg%d.example) - a package for %d things.\n", i, i, i)
	}
	m["packages.md"] = b.String()
	inf, err := Infer(files(m))
	if err != nil {
		t.Fatal(err)
	}
	y := string(inf.YAML)
	t.Logf("\n%s", y)
	folder, overrides, _ := strings.Cut(y, "overrides:")
	if !strings.Contains(folder, "  entry-format:\n") || !strings.Contains(folder, "    marker-spaces: 3\n") {
		t.Errorf("most bullets are followed by three spaces: want entry-format marker-spaces: 3 for the folder")
	}
	for _, want := range []string{`  - files: ["/packages.md"]`, "        require-capital: false\n", "      list-marker:\n", "        marker: \"*\"\n"} {
		if !strings.Contains(overrides, want) {
			t.Errorf("missing %q in the overrides", want)
		}
	}
	if !slices.Equal(inf.Overrides, []string{"packages.md"}) {
		t.Errorf("overrides for %q", inf.Overrides)
	}
}
