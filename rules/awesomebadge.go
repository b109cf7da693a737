package rules

import (
	"regexp"
	"strconv"
	"strings"
)

// AwesomeBadgeOptions tunes awesome-badge.
type AwesomeBadgeOptions struct {
	// Files are the main readme's names (see awesomeFilesOption).
	Files []string `yaml:"files"`
}

// The badge as awesome.md gives it.
const awesomeBadgeMarkdown = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"

// AwesomeBadge checks that the list carries the awesome badge next to its title.
var AwesomeBadge = register(&Rule{
	ID:      "awesome-badge",
	Default: Off,
	Doc: Doc{
		Title: "The awesome badge sits next to the list's title",
		Why: "Every awesome list carries the badge " + awesomeBadgeMarkdown + " (or the flat " +
			"badge-flat.svg / badge-flat2.svg) beside its level-1 heading: on the heading line, or in " +
			"the header below it (with the logo and the introduction, before the first section). The " +
			"badge must link to https://awesome.re; an old badge (the image from before awesome.re on " +
			"cdn.rawgit.com, or a copy of the image) is reported with its replacement, and so is the " +
			"\"Mentioned in Awesome\" badge, which is for projects listed in an awesome list. Only the " +
			"list's main readme is checked (readme.md, any case), and not the awesome list of lists " +
			"itself, whose title is just \"Awesome\". Part of the awesome preset.",
		Before: "# Awesome Go\n",
		After:  "# Awesome Go " + awesomeBadgeMarkdown + "\n",
		Fix:    FixSafe,
		FixNote: "adds the badge at the end of a Markdown level-1 heading when there is none (the " +
			"one safe fix that adds URLs: the badge's own); replacing an outdated Markdown badge with " +
			"the current one is unsafe, since it changes where a link points. None for a badge that " +
			"links elsewhere, or when the title is HTML or a logo",
		Options: []OptionDoc{awesomeFilesOption},
	},
	NewOptions: func() any { return &AwesomeBadgeOptions{Files: awesomeDefaultFiles()} },
	Check:      checkAwesomeBadge,
})

// What an image is, as an awesome badge.
const (
	notAwesomeBadge = iota
	badgeCurrent    // awesome.re image linking to the awesome list
	badgeUnlinked   // awesome.re image without a link
	badgeElsewhere  // awesome.re image linking somewhere else
	badgeOutdated   // the image from before awesome.re
	badgeCopy       // another image with alt text "Awesome", linking to the awesome list
	badgeMentioned  // the "Mentioned in Awesome" badge
)

var (
	awesomeBadgeSrc = regexp.MustCompile(`(?i)^https?://(www\.)?awesome\.re/badge(-flat2?)?\.svg([?#].*)?$`)
	mentionedSrc    = regexp.MustCompile(`(?i)^https?://(www\.)?awesome\.re/mentioned-badge(-flat)?\.svg([?#].*)?$`)
	// The badge from before awesome.re: the image in sindresorhus/awesome's media folder,
	// served by rawgit, raw.githubusercontent.com, jsDelivr or GitHub itself.
	legacyBadgeSrc = regexp.MustCompile(`(?i)^https?://[^/]*/(gh/)?sindresorhus/awesome([@/][^?#]*)?/media/badge(-flat2?)?\.svg([?#].*)?$`)
	// The list the badge links to: awesome.re, or the repository it serves.
	awesomeListLink = regexp.MustCompile(`(?i)^https?://(www\.)?(awesome\.re|github\.com/sindresorhus/awesome)/?([?#].*)?$`)
)

// awesomeBadgeKind classifies an image as an awesome badge.
func awesomeBadgeKind(img readmeImage) int {
	src := strings.TrimSpace(img.Src)
	link := strings.TrimSpace(img.Link)
	toList := img.Linked && awesomeListLink.MatchString(link)
	switch {
	case mentionedSrc.MatchString(src):
		return badgeMentioned
	case awesomeBadgeSrc.MatchString(src):
		switch {
		case !img.Linked:
			return badgeUnlinked
		case toList:
			return badgeCurrent
		}
		return badgeElsewhere
	case legacyBadgeSrc.MatchString(src):
		return badgeOutdated
	case toList && strings.EqualFold(strings.TrimSpace(img.Alt), "awesome"):
		// A copy of the badge image: awesome-selfhosted serves _static/awesome.png.
		return badgeCopy
	}
	return notAwesomeBadge
}

// currentBadge is the badge that replaces img, keeping the flat style it had.
func currentBadge(img readmeImage) string {
	s := strings.ToLower(img.Src)
	switch {
	case strings.Contains(s, "badge-flat2"):
		return "[![Awesome](https://awesome.re/badge-flat2.svg)](https://awesome.re)"
	case strings.Contains(s, "badge-flat"):
		return "[![Awesome](https://awesome.re/badge-flat.svg)](https://awesome.re)"
	}
	return awesomeBadgeMarkdown
}

func checkAwesomeBadge(p *Pass) {
	opts := optionsOf[AwesomeBadgeOptions](p.Options)
	if !awesomeScope(p, opts.Files) {
		return
	}
	doc := p.Doc
	pg := readReadme(doc)
	t := pg.main(doc)
	if t.Text == "Awesome" {
		// The awesome list of lists: the badge would link to itself.
		return
	}
	end := pg.headerEnd(doc, t)
	var inHeader, below []readmeImage
	for _, img := range pg.images {
		if awesomeBadgeKind(img) == notAwesomeBadge {
			continue
		}
		if img.Span.Start < end {
			inHeader = append(inHeader, img)
		} else {
			below = append(below, img)
		}
	}
	for _, img := range inHeader {
		reportBadge(p, img)
	}
	if len(inHeader) > 0 {
		return
	}
	if len(below) > 0 {
		img := below[0]
		where := "at the top of the readme"
		if t.Kind != titleNone {
			where = "next to the level-1 heading (line " + strconv.Itoa(doc.Lines.Line(t.Span.Start)) + ")"
		}
		p.Report(img.Span.Start, img.Span.End, nil, "the awesome badge should be %s, not further down", where)
		return
	}
	var fix *Fix
	if t.Kind == titleMarkdown && t.MD.Text.Valid() {
		fix = &Fix{Message: "add the awesome badge to the heading", Safe: true, Edits: []Edit{{Start: t.MD.Text.End, End: t.MD.Text.End, New: " " + awesomeBadgeMarkdown}}}
	}
	if t.Kind == titleNone {
		p.Report(t.Span.Start, t.Span.End, fix, "the awesome badge is missing: put %s next to the list's title", awesomeBadgeMarkdown)
		return
	}
	p.Report(t.Span.Start, t.Span.End, fix, "the awesome badge is missing next to the level-1 heading: add %s", awesomeBadgeMarkdown)
}

// reportBadge reports what is wrong with an awesome badge, if anything.
func reportBadge(p *Pass, img readmeImage) {
	replace := func(msg string) *Fix {
		if !img.Markdown || !img.Whole {
			return nil
		}
		return &Fix{Message: msg, Edits: []Edit{{Start: img.Span.Start, End: img.Span.End, New: currentBadge(img)}}}
	}
	switch awesomeBadgeKind(img) {
	case badgeUnlinked:
		p.Report(img.Span.Start, img.Span.End, replace("link the badge to https://awesome.re"), "the awesome badge should link to https://awesome.re: %s", currentBadge(img))
	case badgeElsewhere:
		p.Report(img.Span.Start, img.Span.End, nil, "the awesome badge should link to https://awesome.re, not %q", img.Link)
	case badgeOutdated:
		p.Report(img.Span.Start, img.Span.End, replace("use the current awesome badge"), "outdated awesome badge (the image from before awesome.re, %q): use %s", img.Src, currentBadge(img))
	case badgeCopy:
		p.Report(img.Span.Start, img.Span.End, replace("use the awesome badge"), "the awesome badge should be the image from awesome.re, not a copy (%q): use %s", img.Src, currentBadge(img))
	case badgeMentioned:
		p.Report(img.Span.Start, img.Span.End, replace("use the awesome badge"), "the \"Mentioned in Awesome\" badge is for projects listed in an awesome list; an awesome list carries %s", awesomeBadgeMarkdown)
	}
}
