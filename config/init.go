package config

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/mdsrc"
	"github.com/listlint/listlint/rules"
)

// Inference is what listlint init learnt from a folder's lists, and the configuration
// file that follows from it.
type Inference struct {
	Preset string
	// Findings are the conventions found, with how many items agreed, in the order found.
	Findings []Finding
	// YAML is the .listlint.yml to write.
	YAML []byte
	// Files and Entries count what was read.
	Files, Entries int
	// SortedLists and SortableLists count the lists of three entries or more that are in
	// order under the chosen sort (by title unless by year fits better), and all of them.
	SortedLists, SortableLists int
	// SortBy is "title" or "year" when sort-order was turned on, else "".
	SortBy string
	// Relaxed are the rules whose checks init loosened because the lists do not follow
	// them; Stricter the rules it tightened (or turned on) because the lists already do.
	Relaxed, Stricter []string
	// Ignore are the files, relative to the folder, that are not lists (a code of conduct,
	// a contributing guide, templates), written as ignore: globs.
	Ignore []string
	// Overrides are the files, relative to the folder, that keep a convention of their own
	// (descriptions without a final period in a folder whose descriptions have one, three
	// spaces after the bullet...): each gets an overrides: entry for exactly that file.
	Overrides []string
}

// Finding is one inferred convention: "sorted by title: 412 of 415 lists".
type Finding struct {
	What       string
	Agree, Of  int
	Unit       string // "lists", "entries", ...
	Conclusion string // what the configuration does about it
}

func (f Finding) String() string {
	s := f.What
	switch {
	case f.Of > 0:
		s += fmt.Sprintf(": %s of %s %s", thousands(f.Agree), thousands(f.Of), f.Unit)
	case f.Unit != "":
		s += ": no " + f.Unit
	}
	if f.Conclusion != "" {
		s += " → " + f.Conclusion
	}
	return s
}

// Thresholds of the inference. A list that keeps a convention keeps it almost everywhere:
// a few stragglers are mistakes worth reporting, but when more than strayShare of the items
// break a check (and at least strayMin of them), the list does not keep that convention and
// the check is relaxed. Sorting is decided on its own share, since turning sort-order on for
// a list that is half sorted means a large fix.
const (
	sortedShare    = 0.9 // of lists with sortMinEntries entries or more
	sortMinEntries = 3   // a list of two is sorted by chance half the time
	strayShare     = 0.03
	strayMin       = 10
	// A file departs from the folder's convention, and gets an override of its own, when it
	// has fileMin items of the kind concerned or more and fileShare of them go another way.
	// A file with a few stragglers keeps the folder's convention: they are mistakes.
	fileShare = 0.9
	fileMin   = 10
)

// departs reports whether a file whose other of n items go another way than the folder's
// setting keeps a convention of its own.
func departs(other, n int) bool {
	return n >= fileMin && float64(other) >= fileShare*float64(n)
}

// kept reports whether a convention that bad of n items break is kept by the lists: not when
// most items break it, nor when more than a few stragglers do.
func kept(bad, n int) bool {
	if bad*2 > n {
		return false
	}
	return bad < strayMin || float64(bad) <= strayShare*float64(n)
}

// initSetting is one rule's entry in the written file.
type initSetting struct {
	id       string
	severity string // "" leaves the preset's severity
	comments []string
	options  []initOption
	// effect compares the setting with the default preset: it relaxes a check the lists
	// do not follow, makes one stricter because they already follow it, or neither.
	effect effect
}

type effect int

const (
	neutral effect = iota
	relax
	strict
)

type initOption struct{ key, value, comment string }

// inferrer accumulates counts over every parsed file.
type inferrer struct {
	files, entries int
	docs           []*mdsrc.Document
	markers        map[byte]int
	items          int
	withYear       int
	withAnn        int
	annSeparate    int // entries with two annotation groups or more
	annCombined    int // entries with one group of several links
	filesWithAnn   int
	filesWithEnt   int
	descs          int
	descEnds       int // descriptions that end in sentence punctuation
	descLower      int // descriptions that start with a lower-case letter
	linkEntries    int // entries that are not anchors (table-of-contents lines)
	withDesc       int
	ghRepos        int
	ghReadme       int
	awesome        []string // why the folder looks like an awesome list
	urlFiles       map[string]map[string]int
	// urlSections holds the sections (headings before the entry) in which a URL was seen,
	// per file; a repeat is under another heading, or under the same one again.
	urlSections             map[string][]int
	entriesIn               map[string]int // entries per file path
	repeatOther, repeatSame int
	headings                int         // headings below the first line
	blankBefore             map[int]int // blank lines before a heading -> headings
	indented                int         // nested list item lines
	tabIndented             int         // ... whose indentation starts with a tab
	gaps                    map[int]int // bullet items by the spaces after the bullet (1 to 4)
	// perFile holds the same counts for each file, by path, for conventions a file may keep
	// on its own; rel maps a path to the one the configuration names (relative to the folder).
	perFile map[string]*fileCounts
	rel     map[string]string
	// overrides are decided with the folder's settings, one per file that departs from them.
	overrides []fileOverride
}

// fileOverride is an overrides: entry for one file: the options, per rule, in which the
// file keeps a convention of its own.
type fileOverride struct {
	rel      string
	settings []initSetting
}

// fileCounts are one file's counts of the conventions a file may keep on its own.
type fileCounts struct {
	descs, descEnds, descLower int
	markers                    map[byte]int
	items                      int // bullet items
	gaps                       map[int]int
}

// spacesAfter returns the number of spaces between an item's marker and its text, or 0
// when they are not 1 to 4 plain spaces on the marker's line.
func spacesAfter(src []byte, it *mdsrc.Item) int {
	if !it.Content.Valid() || it.Marker.End >= it.Content.Start || it.Content.Start > len(src) {
		return 0
	}
	gap := src[it.Marker.End:it.Content.Start]
	if len(gap) > 4 || len(bytes.Trim(gap, " ")) > 0 {
		return 0
	}
	return len(gap)
}

// Infer reads the lists in files and writes a configuration that fits the conventions
// they already follow. Files that do not parse are skipped. The configuration is checked
// by linting the files with it: a rule that reports on more than a third of the entries
// is a convention these lists do not follow, and is turned off.
func Infer(files []engine.File) (*Inference, error) { return InferIn(".", files) }

// InferIn is Infer for files found in folder dir, where the configuration goes: the
// ignore: globs it writes are relative to dir.
func InferIn(dir string, files []engine.File) (*Inference, error) {
	in := &inferrer{markers: map[byte]int{}, urlFiles: map[string]map[string]int{}, urlSections: map[string][]int{}, entriesIn: map[string]int{}, blankBefore: map[int]int{},
		gaps: map[int]int{}, perFile: map[string]*fileCounts{}, rel: map[string]string{}}
	for _, f := range files {
		doc, err := mdsrc.Parse(f.Path, f.Src)
		if err != nil {
			continue
		}
		in.add(doc)
	}
	if in.files == 0 {
		return nil, fmt.Errorf("no Markdown file could be read")
	}
	inf := &Inference{Files: in.files, Entries: in.entries}
	rels := make([]string, len(files))
	for i, f := range files {
		rels[i] = f.Path
		if r, err := filepath.Rel(dir, f.Path); err == nil {
			rels[i] = filepath.ToSlash(r)
		}
		in.rel[f.Path] = rels[i]
		if notAList(rels[i], in.entriesIn[f.Path]) {
			inf.Ignore = append(inf.Ignore, rels[i])
			delete(in.perFile, f.Path) // no override for a file that is not linted
		}
	}
	if len(inf.Ignore) > 0 {
		inf.Findings = append(inf.Findings, Finding{What: "files that are not lists (code of conduct, contributing guide, templates, agent instructions): " + strings.Join(inf.Ignore, ", "),
			Conclusion: "ignore"})
	}
	settings := in.decide(inf)
	y := render(inf, settings, in.overrides)
	// Check the draft on the files themselves.
	f, err := Parse(".listlint.yml", y)
	if err != nil {
		return nil, fmt.Errorf("listlint init wrote an invalid configuration (a bug): %w", err)
	}
	noisy := noisyRules(files, rels, f, in.entries)
	if len(noisy) > 0 {
		for _, n := range noisy {
			inf.Findings = append(inf.Findings, Finding{
				What: n.id + ": problems", Agree: n.problems, Of: in.entries, Unit: "entries",
				Conclusion: "off: these lists do not follow it",
			})
			settings = setSeverity(settings, n.id, "off", fmt.Sprintf("%s problems in %s entries: these lists do not follow this rule", thousands(n.problems), thousands(in.entries)), relax)
		}
		y = render(inf, settings, in.overrides)
		if _, err := Parse(".listlint.yml", y); err != nil {
			return nil, fmt.Errorf("listlint init wrote an invalid configuration (a bug): %w", err)
		}
	}
	inf.YAML = y
	for _, st := range settings {
		switch st.effect {
		case strict:
			inf.Stricter = append(inf.Stricter, st.id)
		case relax:
			inf.Relaxed = append(inf.Relaxed, st.id)
		}
	}
	return inf, nil
}

func (in *inferrer) add(doc *mdsrc.Document) {
	in.files++
	in.docs = append(in.docs, doc)
	fc := &fileCounts{markers: map[byte]int{}, gaps: map[int]int{}}
	in.perFile[doc.Path] = fc
	src := doc.Src
	text := func(s mdsrc.Span) string {
		if !s.Valid() {
			return ""
		}
		return string(src[s.Start:s.End])
	}
	if strings.EqualFold(strings.TrimSuffix(filepath.Base(doc.Path), filepath.Ext(doc.Path)), "readme") {
		if bytes.Contains(src, []byte("awesome.re/badge")) {
			in.awesome = append(in.awesome, filepath.Base(doc.Path)+" has the awesome badge")
		}
		// The title as it reads: "# [Awesome Python](https://awesome-python.com/)" too.
		titles := doc.HeadingTexts()
		for i, h := range doc.Headings {
			if h.Level == 1 && strings.HasPrefix(strings.ToLower(strings.TrimSpace(titles[i])), "awesome") {
				in.awesome = append(in.awesome, fmt.Sprintf("%s's title is %q", filepath.Base(doc.Path), strings.TrimSpace(titles[i])))
				break
			}
		}
	}
	for _, l := range doc.Lists {
		if l.Depth > 0 {
			for _, it := range l.Items {
				if it.Start < len(src) && (src[it.Start] == '\t' || src[it.Start] == ' ') {
					in.indented++
					if src[it.Start] == '\t' {
						in.tabIndented++
					}
				}
			}
		}
		if l.Ordered {
			continue
		}
		in.markers[l.Marker] += len(l.Items)
		in.items += len(l.Items)
		fc.markers[l.Marker] += len(l.Items)
		fc.items += len(l.Items)
		for _, it := range l.Items {
			if n := spacesAfter(src, it); n > 0 {
				in.gaps[n]++
				fc.gaps[n]++
			}
		}
	}
	for _, h := range doc.Headings {
		if h.Start == 0 || h.Setext {
			continue
		}
		in.headings++
		in.blankBefore[blankLinesBefore(src, h.Start)]++
	}
	in.entriesIn[doc.Path] = len(doc.Entries)
	hasAnn := false
	section := 0
	for _, e := range doc.Entries {
		for section < len(doc.Headings) && doc.Headings[section].Start <= e.Link.Span.Start {
			section++
		}
		in.entries++
		if e.Year.Valid() {
			in.withYear++
		}
		if len(e.Annotations) > 0 {
			in.withAnn++
			hasAnn = true
			if len(e.Annotations) > 1 {
				in.annSeparate++
			} else if len(e.Annotations[0].Links) > 1 {
				in.annCombined++
			}
		}
		if strings.HasPrefix(e.Link.Dest, "#") {
			continue
		}
		in.linkEntries++
		if e.Desc.Len() > 0 && e.Sep.Valid() {
			in.withDesc++
			d := text(e.Desc)
			in.descs++
			fc.descs++
			if endsSentence(d) {
				in.descEnds++
				fc.descEnds++
			}
			if r, _ := utf8.DecodeRuneInString(d); unicode.IsLower(r) {
				in.descLower++
				fc.descLower++
			}
		}
		if u, err := url.Parse(e.Link.Dest); err == nil && strings.EqualFold(strings.TrimPrefix(u.Host, "www."), "github.com") {
			if parts := strings.Split(strings.Trim(u.Path, "/"), "/"); len(parts) == 2 && parts[1] != "" {
				in.ghRepos++
				if u.Fragment == "readme" {
					in.ghReadme++
				}
			}
		}
		key := rules.NormalizeURL(e.Link.Dest)
		if in.urlFiles[key] == nil {
			in.urlFiles[key] = map[string]int{}
		}
		in.urlFiles[key][doc.Path]++
		at := key + "\x00" + doc.Path
		switch seen := in.urlSections[at]; {
		case len(seen) == 0:
		case slices.Contains(seen, section):
			in.repeatSame++
		default:
			in.repeatOther++
		}
		in.urlSections[at] = append(in.urlSections[at], section)
	}
	if len(doc.Entries) > 0 {
		in.filesWithEnt++
	}
	if hasAnn {
		in.filesWithAnn++
	}
}

// blankLinesBefore counts the blank lines right above the line that starts at off.
func blankLinesBefore(src []byte, off int) int {
	n := 0
	end := off - 1 // the line break ending the previous line
	for end > 0 {
		start := bytes.LastIndexByte(src[:end], '\n') + 1
		if len(bytes.TrimSpace(src[start:end])) > 0 {
			break
		}
		n++
		end = start - 1
	}
	return n
}

// endsSentence is a rough version of description-style's end check, good enough to tell
// which way most descriptions of a list go.
func endsSentence(d string) bool {
	d = strings.TrimRightFunc(d, func(r rune) bool {
		return unicode.IsSpace(r) || r > unicode.MaxASCII && unicode.Is(unicode.So, r) || r == '\ufe0f'
	})
	d = strings.TrimRight(d, "\"'”’)]」』»*_")
	r, _ := utf8.DecodeLastRuneInString(d)
	return strings.ContainsRune(".!?…。！？", r)
}

// decide turns the counts into findings and settings.
func (in *inferrer) decide(inf *Inference) []initSetting {
	var out []initSetting
	find := func(f Finding) { inf.Findings = append(inf.Findings, f) }

	// The preset.
	inf.Preset = "default"
	switch {
	case len(in.awesome) > 0:
		inf.Preset = "awesome"
		find(Finding{What: "an awesome list (" + strings.Join(in.awesome, "; ") + ")", Conclusion: "preset awesome"})
	case in.filesWithAnn >= 5 && in.filesWithAnn*5 >= in.filesWithEnt:
		inf.Preset = "knowledge"
		find(Finding{What: "files whose entries carry annotations", Agree: in.filesWithAnn, Of: in.filesWithEnt, Unit: "files with entries", Conclusion: "preset knowledge"})
	default:
		find(Finding{What: "neither an awesome list nor a knowledge wiki", Conclusion: "preset default"})
	}
	base, _ := presetConfig(inf.Preset)

	// The bullet character.
	var folderMarker byte
	if in.items > 0 {
		var best byte
		for m, n := range in.markers {
			if best == 0 || n > in.markers[best] || n == in.markers[best] && m < best {
				best = m
			}
		}
		f := Finding{What: fmt.Sprintf("bullet %q", string(best)), Agree: in.markers[best], Of: in.items, Unit: "list items"}
		if registered("list-marker") {
			folderMarker = best
			f.Conclusion = "list-marker marker: " + string(best)
			out = append(out, initSetting{id: "list-marker", options: []initOption{{key: "marker", value: strconv.Quote(string(best)), comment: f.String()}}})
		}
		find(f)
	}

	// Sorting.
	out = append(out, in.decideSort(inf, base)...)

	// Layout: blank lines before headings, and tabs in nested lists.
	if in.headings > 0 && registered("whitespace") {
		k, n := 0, 0
		for blanks, count := range in.blankBefore {
			if count > n || count == n && blanks < k {
				k, n = blanks, count
			}
		}
		f := Finding{What: fmt.Sprintf("headings after %d blank %s", k, plural(k, "line")), Agree: n, Of: in.headings, Unit: "headings"}
		if k >= 2 && n*2 > in.headings {
			f.Conclusion = "whitespace max-blank-lines: " + strconv.Itoa(k)
			out = append(out, initSetting{id: "whitespace", effect: relax, options: []initOption{{key: "max-blank-lines", value: strconv.Itoa(k), comment: f.String()}}})
		}
		find(f)
	}
	if in.indented > 0 {
		f := Finding{What: "nested list items indented with a tab", Agree: in.tabIndented, Of: in.indented, Unit: "nested items"}
		if in.tabIndented >= 10 && in.tabIndented*2 > in.indented && registered("whitespace") {
			f.Conclusion = "whitespace allow-list-tabs: true"
			out = append(out, initSetting{id: "whitespace", effect: relax, options: []initOption{{key: "allow-list-tabs", value: "true", comment: f.String()}}})
		}
		find(f)
	}

	// Spaces after the bullet.
	folderSpaces := 1
	if total := sumCounts(in.gaps); total > 0 && registered("entry-format") {
		k := mostCommon(in.gaps)
		f := Finding{What: fmt.Sprintf("bullets followed by %d %s", k, plural(k, "space")), Agree: in.gaps[k], Of: total, Unit: "bullet items"}
		if k != 1 && in.gaps[k]*2 > total {
			folderSpaces = k
			f.Conclusion = "entry-format marker-spaces: " + strconv.Itoa(k)
			out = append(out, initSetting{id: "entry-format", effect: relax, options: []initOption{{key: "marker-spaces", value: strconv.Itoa(k), comment: f.String()}}})
		}
		find(f)
	}

	// Years and annotations.
	find(Finding{What: "titles with a year \" (YYYY)\"", Agree: in.withYear, Of: in.entries, Unit: "entries"})
	annF := Finding{What: "entries with annotations", Agree: in.withAnn, Of: in.entries, Unit: "entries"}
	if in.annSeparate+in.annCombined >= 5 && registered("annotation-style") {
		groups := "separate"
		if in.annCombined > in.annSeparate {
			groups = "combined"
		}
		annF.Conclusion = "annotation-style groups: " + groups
		out = append(out, initSetting{id: "annotation-style", options: []initOption{{key: "groups", value: groups,
			comment: fmt.Sprintf("entries with several annotations: %d in separate parentheses, %d combined", in.annSeparate, in.annCombined)}}})
	}
	find(annF)

	// Descriptions.
	var desc []initOption
	requireDesc := false
	periodKept := kept(in.descs-in.descEnds, in.descs)
	capitalKept := kept(in.descLower, in.descs)
	if in.descs > 0 {
		f := Finding{What: "descriptions ending with a period (or ! ? …)", Agree: in.descEnds, Of: in.descs, Unit: "descriptions"}
		if !periodKept {
			f.Conclusion = "description-style require-period: false"
			desc = append(desc, initOption{key: "require-period", value: "false", comment: f.String()})
		}
		find(f)
		f = Finding{What: "descriptions starting in lower case", Agree: in.descLower, Of: in.descs, Unit: "descriptions"}
		if !capitalKept {
			f.Conclusion = "description-style require-capital: false"
			desc = append(desc, initOption{key: "require-capital", value: "false", comment: f.String()})
		}
		find(f)
	}
	if in.linkEntries > 0 {
		f := Finding{What: "entries with a description", Agree: in.withDesc, Of: in.linkEntries, Unit: "entries"}
		if in.withDesc == in.linkEntries && in.linkEntries >= 10 {
			f.Conclusion = "description-style require-description: true"
			desc = append(desc, initOption{key: "require-description", value: "true", comment: f.String()})
			requireDesc = true
		}
		find(f)
	}
	if len(desc) > 0 {
		e := relax
		if requireDesc && len(desc) == 1 {
			e = strict
		}
		out = append(out, initSetting{id: "description-style", options: desc, effect: e})
	}

	// Duplicates: a wiki lists one article under several topics; a single list does not.
	within, across := 0, 0
	for _, byFile := range in.urlFiles {
		if len(byFile) > 1 {
			across++
		}
		for _, n := range byFile {
			if n > 1 {
				within++
			}
		}
	}
	dupF := Finding{What: fmt.Sprintf("URLs listed in several files: %d; repeated within one file: %d", across, within)}
	// A list that files one entry under several headings on purpose repeats it mostly
	// under another heading; a slip repeats it anywhere, often right below.
	secF := Finding{What: "repeats of a URL within a file under another heading", Agree: in.repeatOther, Of: in.repeatOther + in.repeatSame, Unit: "repeats"}
	switch {
	case in.repeatOther >= 3 && in.repeatOther > in.repeatSame:
		secF.Conclusion = "duplicate-url scope: section"
		out = append(out, initSetting{id: "duplicate-url", effect: relax, options: []initOption{{key: "scope", value: "section", comment: secF.String()}}})
	case across >= 5 && across > 2*within:
		dupF.Conclusion = "duplicate-url scope: file"
		out = append(out, initSetting{id: "duplicate-url", effect: relax, options: []initOption{{key: "scope", value: "file", comment: dupF.String()}}})
	}
	find(dupF)
	if in.repeatOther+in.repeatSame > 0 {
		find(secF)
	}

	// GitHub links: the awesome preset wants #readme only if the list already does it.
	if in.ghRepos > 0 && registered("url-style") {
		f := Finding{What: "GitHub repository links ending in #readme", Agree: in.ghReadme, Of: in.ghRepos, Unit: "links"}
		want := in.ghReadme*2 > in.ghRepos
		if want != presetWantsReadme(inf.Preset) {
			f.Conclusion = "url-style github-readme-anchor: " + strconv.FormatBool(want)
			out = append(out, initSetting{id: "url-style", effect: map[bool]effect{true: strict, false: neutral}[want], options: []initOption{{key: "github-readme-anchor", value: strconv.FormatBool(want), comment: f.String()}}})
		}
		find(f)
	}

	// Files that keep a convention of their own, against the folder's settings above.
	paths := make([]string, 0, len(in.perFile))
	for p := range in.perFile {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool { return in.relOf(paths[i]) < in.relOf(paths[j]) })
	for _, p := range paths {
		fc, rel := in.perFile[p], in.relOf(p)
		var sts []initSetting
		add := func(id string, f Finding, folder string, key, value string) {
			f.Conclusion = fmt.Sprintf("override for this file: %s %s: %s", id, key, value)
			comment := Finding{What: f.What, Agree: f.Agree, Of: f.Of, Unit: f.Unit}.String() + " in this file; " + folder
			f.What = rel + ": " + f.What
			find(f)
			sts = append(sts, initSetting{id: id, effect: relax, options: []initOption{{key: key, value: value, comment: comment}}})
		}
		if in.descs > 0 && periodKept && departs(fc.descs-fc.descEnds, fc.descs) {
			add("description-style", Finding{What: "descriptions ending with a period (or ! ? …)", Agree: fc.descEnds, Of: fc.descs, Unit: "descriptions"},
				fmt.Sprintf("%s of %s in the folder", thousands(in.descEnds), thousands(in.descs)), "require-period", "false")
		}
		if in.descs > 0 && capitalKept && departs(fc.descLower, fc.descs) {
			add("description-style", Finding{What: "descriptions starting in lower case", Agree: fc.descLower, Of: fc.descs, Unit: "descriptions"},
				fmt.Sprintf("%s of %s in the folder", thousands(in.descLower), thousands(in.descs)), "require-capital", "false")
		}
		if folderMarker != 0 && fc.items > 0 {
			var m byte
			for c, n := range fc.markers {
				if m == 0 || n > fc.markers[m] || n == fc.markers[m] && c < m {
					m = c
				}
			}
			if m != folderMarker && departs(fc.markers[m], fc.items) {
				add("list-marker", Finding{What: fmt.Sprintf("bullet %q", string(m)), Agree: fc.markers[m], Of: fc.items, Unit: "list items"},
					fmt.Sprintf("the folder uses %q", string(folderMarker)), "marker", strconv.Quote(string(m)))
			}
		}
		if total := sumCounts(fc.gaps); total > 0 && registered("entry-format") {
			if k := mostCommon(fc.gaps); k != folderSpaces && departs(fc.gaps[k], total) {
				add("entry-format", Finding{What: fmt.Sprintf("bullets followed by %d %s", k, plural(k, "space")), Agree: fc.gaps[k], Of: total, Unit: "bullet items"},
					fmt.Sprintf("the folder's bullets are followed by %d %s", folderSpaces, plural(folderSpaces, "space")), "marker-spaces", strconv.Itoa(k))
			}
		}
		if len(sts) > 0 {
			in.overrides = append(in.overrides, fileOverride{rel: rel, settings: sts})
		}
	}
	return out
}

func (in *inferrer) relOf(path string) string {
	if r, ok := in.rel[path]; ok {
		return r
	}
	return path
}

func sumCounts(m map[int]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// mostCommon returns the key with the largest count, the smallest key on a tie.
func mostCommon(m map[int]int) int {
	best := 0
	for k, n := range m {
		if best == 0 || n > m[best] || n == m[best] && k < best {
			best = k
		}
	}
	return best
}

// presetWantsReadme says whether a preset sets url-style's github-readme-anchor.
func presetWantsReadme(preset string) bool {
	for _, ch := range presets[preset] {
		if ch.id == "url-style" && strings.Contains(ch.options, "github-readme-anchor: true") {
			return true
		}
	}
	return false
}

// decideSort checks the lists of three entries or more against sort-order's comparison:
// by title (with and without leading articles), else by year either way.
func (in *inferrer) decideSort(inf *Inference, base *engine.Config) []initSetting {
	type variant struct {
		opts    rules.SortOrderOptions
		label   string
		options []initOption
	}
	variants := []variant{
		{rules.SortOrderOptions{By: "title", Order: "ascending"}, "sorted by title", []initOption{{key: "by", value: "title"}}},
		{rules.SortOrderOptions{By: "title", Order: "ascending", IgnoreArticles: true}, "sorted by title, ignoring a leading The/A/An", []initOption{{key: "by", value: "title"}, {key: "ignore-articles", value: "true"}}},
		{rules.SortOrderOptions{By: "year", Order: "ascending"}, "sorted by year, oldest first", []initOption{{key: "by", value: "year"}}},
		{rules.SortOrderOptions{By: "year", Order: "descending"}, "sorted by year, newest first", []initOption{{key: "by", value: "year"}, {key: "order", value: "descending"}}},
	}
	type tally struct{ sorted, of int }
	counts := make([]tally, len(variants))
	for _, doc := range in.docs {
		for i, v := range variants {
			opts := v.opts
			for _, lo := range rules.SortedLists(doc, &opts) {
				n := len(lo.List.Items)
				if v.opts.By == "year" {
					n = lo.WithYear // a list without years says nothing about a year order
				}
				if n < sortMinEntries {
					continue
				}
				counts[i].of++
				if lo.Sorted {
					counts[i].sorted++
				}
			}
		}
	}
	best := -1
	for i, c := range counts {
		if c.of == 0 || float64(c.sorted) < sortedShare*float64(c.of) {
			continue
		}
		// A later variant wins only by sorting more lists (ignore-articles must earn it).
		if best < 0 || c.sorted > counts[best].sorted && variants[best].opts.By == variants[i].opts.By {
			best = i
		}
	}
	title := counts[0]
	inf.SortedLists, inf.SortableLists = title.sorted, title.of
	presetOn := base.Rules["sort-order"].Severity != rules.Off
	if best < 0 {
		f := Finding{What: "sorted by title", Agree: title.sorted, Of: title.of, Unit: "lists of " + strconv.Itoa(sortMinEntries) + " entries or more"}
		if presetOn {
			f.Conclusion = "sort-order off"
			inf.Findings = append(inf.Findings, f)
			return []initSetting{{id: "sort-order", severity: "off", comments: []string{f.String()}}}
		}
		inf.Findings = append(inf.Findings, f)
		return nil
	}
	v, c := variants[best], counts[best]
	inf.SortedLists, inf.SortableLists = c.sorted, c.of
	inf.SortBy = v.opts.By
	var opts []string
	for _, o := range v.options {
		opts = append(opts, o.key+": "+o.value)
	}
	f := Finding{What: v.label, Agree: c.sorted, Of: c.of, Unit: "lists of " + strconv.Itoa(sortMinEntries) + " entries or more", Conclusion: "sort-order on (" + strings.Join(opts, ", ") + ")"}
	inf.Findings = append(inf.Findings, f)
	return []initSetting{{id: "sort-order", severity: onSeverity(rules.SortOrder).String(), comments: []string{f.String()}, options: v.options, effect: strict}}
}

func registered(id string) bool {
	r := rules.Lookup(id)
	return r != nil && r.ID == id
}

// setSeverity sets (or adds) a rule's severity in settings.
func setSeverity(settings []initSetting, id, sev, comment string, e effect) []initSetting {
	for i := range settings {
		if settings[i].id == id {
			settings[i].severity = sev
			settings[i].comments = append(settings[i].comments, comment)
			settings[i].effect = e
			return settings
		}
	}
	return append(settings, initSetting{id: id, severity: sev, comments: []string{comment}, effect: e})
}

// mergeSettings joins the settings of one rule (a rule set twice would not load back).
func mergeSettings(settings []initSetting) []initSetting {
	var out []initSetting
	at := map[string]int{}
	for _, st := range settings {
		i, ok := at[st.id]
		if !ok {
			at[st.id] = len(out)
			out = append(out, st)
			continue
		}
		m := &out[i]
		if st.severity != "" {
			m.severity = st.severity
		}
		m.comments = append(m.comments, st.comments...)
		m.options = append(m.options, st.options...)
	}
	return out
}

// render writes the configuration with a comment on each setting saying why. A setting
// the rule does not accept (an option this build's rule lacks) is left out.
func render(inf *Inference, settings []initSetting, overrides []fileOverride) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Written by listlint init from %s Markdown %s (%s %s).\n", thousands(inf.Files), plural(inf.Files, "file"), thousands(inf.Entries), plural(inf.Entries, "entry"))
	b.WriteString("# Each setting says what it was inferred from. \"listlint config FILE\" shows the full\n")
	b.WriteString("# configuration; schema/listlint.schema.json in listlint's repository gives editors completion.\n")
	fmt.Fprintf(&b, "preset: %s\n", inf.Preset)
	if len(inf.Ignore) > 0 {
		b.WriteString("# Files that are not lists: a code of conduct, a contributing guide, templates.\n")
		b.WriteString("ignore:\n")
		for _, p := range inf.Ignore {
			fmt.Fprintf(&b, "  - %s\n", strconv.Quote("/"+globEscape(p)))
		}
	}
	var body bytes.Buffer
	writeSettings(&body, "  ", mergeSettings(settings))
	if body.Len() > 0 {
		b.WriteString("rules:\n")
		b.Write(body.Bytes())
	}
	inf.Overrides = nil
	var ob bytes.Buffer
	for _, o := range overrides {
		var body bytes.Buffer
		writeSettings(&body, "      ", mergeSettings(o.settings))
		if body.Len() == 0 {
			continue
		}
		inf.Overrides = append(inf.Overrides, o.rel)
		fmt.Fprintf(&ob, "  - files: [%s]\n    rules:\n", strconv.Quote("/"+globEscape(o.rel)))
		ob.Write(body.Bytes())
	}
	if ob.Len() > 0 {
		b.WriteString("# Files that keep a convention of their own, where the folder keeps another.\n")
		b.WriteString("overrides:\n")
		b.Write(ob.Bytes())
	}
	return b.Bytes()
}

// writeSettings writes the settings, sorted by rule, at the given indentation, each with
// the comments saying why. An option the rule does not accept (this build's rule lacks it)
// is left out, and so is a setting left with nothing to set.
func writeSettings(body *bytes.Buffer, indent string, settings []initSetting) {
	settings = slices.Clone(settings)
	sort.SliceStable(settings, func(i, j int) bool { return settings[i].id < settings[j].id })
	for _, s := range settings {
		var opts []initOption
		for _, o := range s.options {
			snippet := fmt.Sprintf("rules:\n  %s:\n    %s: %s\n", s.id, o.key, o.value)
			if _, err := Parse(".listlint.yml", []byte(snippet)); err == nil {
				opts = append(opts, o)
			}
		}
		if s.severity == "" && len(opts) == 0 {
			continue
		}
		for _, c := range s.comments {
			fmt.Fprintf(body, "%s# %s\n", indent, c)
		}
		if len(opts) == 0 {
			fmt.Fprintf(body, "%s%s: %s\n", indent, s.id, s.severity)
			continue
		}
		fmt.Fprintf(body, "%s%s:\n", indent, s.id)
		if s.severity != "" {
			fmt.Fprintf(body, "%s  severity: %s\n", indent, s.severity)
		}
		for _, o := range opts {
			if o.comment != "" {
				fmt.Fprintf(body, "%s  # %s\n", indent, o.comment)
			}
			fmt.Fprintf(body, "%s  %s: %s\n", indent, o.key, o.value)
		}
	}
}

type noisyRule struct {
	id       string
	problems int
}

// noisyRules lints files under f and returns the rules that report on more entries than a
// kept convention allows: conventions the lists do not follow, whose reports would drown
// the mistakes worth fixing.
func noisyRules(files []engine.File, rels []string, f *File, entries int) []noisyRule {
	cfg, _ := f.Resolve("")
	per := map[string]int{}
	var lists []engine.File
	for i, file := range files {
		if f.Ignored(rels[i]) {
			continue
		}
		if c, matched := f.Resolve(rels[i]); len(matched) > 0 {
			file.Config = c
		}
		lists = append(lists, file)
	}
	for _, r := range engine.Lint(lists, cfg) {
		for _, d := range r.Diags {
			per[d.Rule]++
		}
	}
	var out []noisyRule
	for id, n := range per {
		if !kept(n, entries) {
			out = append(out, noisyRule{id, n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func plural(n int, w string) string {
	switch {
	case n == 1:
		return w
	case strings.HasSuffix(w, "y"):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// metaFiles are the base names (lower case, without extension) of the Markdown files a
// repository keeps beside its lists that are not lists themselves.
var metaFiles = map[string]bool{
	"code-of-conduct": true, "code_of_conduct": true, "codeofconduct": true, "contributing": true,
	"security": true, "support": true, "governance": true, "changelog": true, "history": true,
	"pull_request_template": true, "issue_template": true, "agents": true, "claude": true,
	"copilot-instructions": true,
}

// notAList reports whether the file at rel (slash-separated), with its number of entries,
// is one a repository keeps beside its lists: GitHub's community files at the top, templates
// and instructions under .github, notes for coding agents. A wiki's topic page named
// security.md, deeper down or full of entries, is a list.
func notAList(rel string, entries int) bool {
	if entries >= 20 {
		return false
	}
	if strings.HasPrefix(rel, ".github/") {
		return true
	}
	base := strings.ToLower(rel)
	return !strings.Contains(base, "/") && metaFiles[strings.TrimSuffix(base, path.Ext(base))]
}

// globEscape quotes the characters an ignore: glob reads as patterns.
func globEscape(p string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(p)
}
