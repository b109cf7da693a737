package rules

import (
	"regexp"
	"strings"
	"unicode"
)

// AwesomeLicenseOptions tunes awesome-license.
type AwesomeLicenseOptions struct {
	// Files are the main readme's names (see awesomeFilesOption).
	Files []string `yaml:"files"`
}

// AwesomeLicense checks that the readme has no License section.
var AwesomeLicense = register(&Rule{
	ID:      "awesome-license",
	Default: Off,
	Doc: Doc{
		Title: "The readme has no License section",
		Why: "An awesome list keeps its license in a license or LICENSE file at the root of the " +
			"repository; GitHub shows its name and a link at the top of the repository page, so a " +
			"License (or Licence) section in the readme repeats it. Any heading level counts, in " +
			"Markdown or HTML, with or without an emoji (\"## 📝 License\", \"## License :scroll:\"); a section about other " +
			"things' licenses (\"List of Licenses\") does not. Only the list's main readme is checked " +
			"(readme.md, any case). Part of the awesome preset.",
		Before: "## Contributing\n\nRead the [contribution guidelines](contributing.md) first.\n\n" +
			"## License\n\n[![CC0](https://licensebuttons.net/p/zero/1.0/88x31.png)](https://creativecommons.org/publicdomain/zero/1.0/)\n",
		After:   "## Contributing\n\nRead the [contribution guidelines](contributing.md) first.\n",
		Fix:     FixNone,
		Options: []OptionDoc{awesomeFilesOption},
	},
	NewOptions: func() any { return &AwesomeLicenseOptions{Files: awesomeDefaultFiles()} },
	Check:      checkAwesomeLicense,
})

func checkAwesomeLicense(p *Pass) {
	opts := optionsOf[AwesomeLicenseOptions](p.Options)
	if !awesomeScope(p, opts.Files) {
		return
	}
	pg := readReadme(p.Doc)
	for _, h := range pg.headings {
		if isLicenseHeading(h.Plain) {
			s := h.Span(p.Doc.Src)
			p.Report(s.Start, s.End, nil, "remove the %q section from the readme: an awesome list keeps its license in a LICENSE file, which GitHub shows at the top of the repository", h.Plain)
		}
	}
	for _, h := range pg.htmlHeadings {
		if isLicenseHeading(h.Text) {
			p.Report(h.Span.Start, h.Span.End, nil, "remove the %q section from the readme: an awesome list keeps its license in a LICENSE file, which GitHub shows at the top of the repository", h.Text)
		}
	}
}

// emojiShortcode is a GitHub emoji written ":scroll:".
var emojiShortcode = regexp.MustCompile(`:[a-z0-9_+-]+:`)

// isLicenseHeading reports a heading that names the list's own license section: "License",
// "Licence", "Licenses", "Licensing", with any emoji or punctuation around the word.
func isLicenseHeading(text string) bool {
	text = emojiShortcode.ReplaceAllString(text, " ")
	w := strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }))
	switch w {
	case "license", "licence", "licenses", "licences", "licensing":
		return true
	}
	return false
}
