package rules

import (
	"path"
	"strings"
)

// AwesomeContributingOptions tunes awesome-contributing.
type AwesomeContributingOptions struct {
	// Files are the main readme's names (see awesomeFilesOption).
	Files []string `yaml:"files"`
	// AllowLink accepts a readme that links to a contributing.md in another repository.
	AllowLink bool `yaml:"allow-link"`
}

// AwesomeContributing checks that the list has contribution guidelines beside its readme.
var AwesomeContributing = register(&Rule{
	ID:      "awesome-contributing",
	Default: Off,
	Doc: Doc{
		Title: "A non-empty contributing.md sits beside the readme",
		Why: "An awesome list tells contributors how to propose an entry in a contributing.md (any " +
			"case) in the repository: beside the readme, or in .github/ or docs/, where GitHub links " +
			"it from every new issue and pull request. A missing or empty file is reported at the " +
			"list's title; the cure is a contributing.md that says how to propose an entry. A readme generated from another repository may instead link to the " +
			"contributing.md there (awesome-selfhosted links to awesome-selfhosted-data's); that is " +
			"accepted unless allow-link is off. Only the list's main readme is checked (readme.md, " +
			"any case). Part of the awesome preset.",
		// The example is a readme with nothing beside it; the fix is a file, not an edit.
		Before: "# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n## Contents\n",
		Fix:    FixNone,
		Options: []OptionDoc{
			awesomeFilesOption,
			{Name: "allow-link", Type: "boolean", Default: "true", Text: "accept a readme that links to a contributing.md in another repository instead"},
		},
	},
	NewOptions: func() any { return &AwesomeContributingOptions{Files: awesomeDefaultFiles(), AllowLink: true} },
	Check:      checkAwesomeContributing,
})

// contributingNames are where GitHub looks for contribution guidelines, in the casings
// people use (the rule cannot list a folder, only ask about a name).
var contributingNames = func() []string {
	var out []string
	for _, dir := range []string{"", ".github/", "docs/"} {
		for _, name := range []string{"contributing.md", "CONTRIBUTING.md", "Contributing.md"} {
			out = append(out, dir+name)
		}
	}
	return out
}()

func checkAwesomeContributing(p *Pass) {
	opts := optionsOf[AwesomeContributingOptions](p.Options)
	if p.Sibling == nil || !awesomeScope(p, opts.Files) {
		return
	}
	empty := ""
	for _, name := range contributingNames {
		size, ok := p.Sibling(name)
		if !ok {
			continue
		}
		// A file holding no more than a line break is empty too.
		if size > 2 {
			return
		}
		if empty == "" {
			empty = name
		}
	}
	doc := p.Doc
	pg := readReadme(doc)
	at := pg.main(doc).Span
	if empty != "" {
		p.Report(at.Start, at.End, nil, "%s is empty: write the list's contribution guidelines in it", empty)
		return
	}
	if opts.AllowLink && linksToContributing(pg.links) {
		return
	}
	p.Report(at.Start, at.End, nil, "the list has no contribution guidelines: add a contributing.md beside the readme")
}

// linksToContributing reports a link in the readme to a contributing.md elsewhere (an
// absolute URL; a relative one would name the missing file itself).
func linksToContributing(links []string) bool {
	for _, dest := range links {
		u, err := parseURL(strings.TrimSpace(dest))
		if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
			continue
		}
		if strings.EqualFold(path.Base(u.Path), "contributing.md") {
			return true
		}
	}
	return false
}
