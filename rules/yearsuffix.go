package rules

import (
	"regexp"
	"strconv"
	"strings"
)

// YearSuffix checks that a year closing a title is written " (YYYY)" inside the link text.
var YearSuffix = register(&Rule{
	ID:      "year-suffix",
	Default: Error,
	Doc: Doc{
		Title: "A year that closes a title is written \" (YYYY)\" inside the link text",
		Why: "Lists that date their entries do it one way, so that readers can scan for the year " +
			"and tools can sort by it. Variants such as \"Title, 2020\", \"Title [2020]\", \"Title(2020)\" " +
			"or a year written after the link are read as the same thing and rewritten. A year that " +
			"merely ends a name (\"Arch Conf 2020\") or stands inside a title is left alone, and so is " +
			"a range such as \"(2018-2019)\". A suffix year later than the current year is reported.",
		Before: "- [Attention Is All You Need, 2017](https://arxiv.org/abs/1706.03762)\n" +
			"- [The Mythical Man-Month](https://example.com/mmm) (1975)\n",
		After: "- [Attention Is All You Need (2017)](https://arxiv.org/abs/1706.03762)\n" +
			"- [The Mythical Man-Month (1975)](https://example.com/mmm)\n",
		Fix:     FixSafe,
		FixNote: "rewrites the suffix to \" (YYYY)\" at the end of the link text; none for a future year",
	},
	Check: checkYearSuffix,
})

var (
	// Each pattern matches a malformed suffix at the end of the link text; group 1 is the year.
	yearNoSpace  = regexp.MustCompile(`\S(\((\d{4})\))\s*$`)
	yearParen    = regexp.MustCompile(`\s*\(\s*(\d{4})\s*\)\s*$`)
	yearBracket  = regexp.MustCompile(`\s*\\?\[\s*(\d{4})\s*\\?\]\s*$`)
	yearComma    = regexp.MustCompile(`(\S+)\s*,\s*(\d{4})\s*$`)
	yearDash     = regexp.MustCompile(`(\S*)\s+(?:-|–|—)\s+(\d{4})\s*$`)
	dayOrOrdinal = regexp.MustCompile(`^(\d{1,2}(st|nd|rd|th)?|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)$`)
	endsInYear   = regexp.MustCompile(`\d{4}$`)
)

func checkYearSuffix(p *Pass) {
	src := p.Doc.Src
	thisYear := p.Now.Year()
	for _, e := range p.Doc.Entries {
		label := e.Link.Label
		text := p.Text(label)
		if e.Year.Valid() {
			y, _ := strconv.Atoi(text[len(text)-5 : len(text)-1])
			if y > thisYear {
				p.Report(e.Year.Start+1, e.Year.End, nil, "year %d in the title is later than the current year (%d)", y, thisYear)
			}
			continue
		}
		if e.YearAfter.Valid() {
			ya := strings.TrimSpace(p.Text(e.YearAfter))
			insert := label.End
			for insert > label.Start && isBlank(src[insert-1]) {
				insert--
			}
			if insert == label.Start {
				continue
			}
			y, _ := strconv.Atoi(ya[1:5])
			fix := &Fix{Message: "move the year into the link text", Safe: true, Edits: []Edit{
				{Start: insert, End: label.End, New: " " + ya},
				{Start: e.YearAfter.Start, End: e.YearAfter.End},
			}}
			if y > thisYear {
				fix = nil
			}
			p.Report(e.YearAfter.Start, e.YearAfter.End, fix, "year should be written as \" %s\" at the end of the title, inside the link text: %q", ya, strings.TrimSpace(text)+" "+ya)
			continue
		}
		start, year := malformedYear(text)
		if start < 0 {
			continue
		}
		y, _ := strconv.Atoi(year)
		if y < 1800 || y > 2099 {
			continue
		}
		var fix *Fix
		if y <= thisYear {
			fix = &Fix{Message: "rewrite the year as \" (" + year + ")\"", Safe: true, Edits: []Edit{{Start: label.Start + start, End: label.End, New: " (" + year + ")"}}}
		}
		p.Report(label.Start+start, label.End, fix, "year should be written as \" (%s)\" at the end of the title: %q", year, text)
	}
}

// malformedYear finds a year suffix written in a form other than " (YYYY)" at the end of a
// link text. It returns the offset where the malformed suffix starts, or -1.
func malformedYear(text string) (int, string) {
	// Every malformed form ends in four digits, perhaps followed by ")", "]" or spaces:
	// check that cheaply before the regular expressions run.
	t := strings.TrimRight(text, " \t)]\\")
	if len(t) < 5 || !isDigitString(t[len(t)-4:]) || isDigitString(t[len(t)-5:len(t)-4]) {
		return -1, ""
	}
	if m := yearNoSpace.FindStringSubmatchIndex(text); m != nil {
		return m[2], text[m[4]:m[5]]
	}
	if m := yearParen.FindStringSubmatchIndex(text); m != nil {
		if text[m[0]:m[1]] != " ("+text[m[2]:m[3]]+")" && strings.TrimSpace(text[:m[0]]) != "" {
			return m[0], text[m[2]:m[3]]
		}
		return -1, ""
	}
	if m := yearBracket.FindStringSubmatchIndex(text); m != nil && strings.TrimSpace(text[:m[0]]) != "" {
		if strings.Count(text[:m[0]], "[")-strings.Count(text[:m[0]], "]") == 0 {
			return m[0], text[m[2]:m[3]]
		}
	}
	if m := yearComma.FindStringSubmatchIndex(text); m != nil {
		// "as of Nov 1st, 2022" and "June 5, 2021" are dates, not suffixes.
		if !dayOrOrdinal.MatchString(text[m[2]:m[3]]) {
			return m[3], text[m[4]:m[5]]
		}
		return -1, ""
	}
	if m := yearDash.FindStringSubmatchIndex(text); m != nil && strings.TrimSpace(text[:m[3]]) != "" {
		// "1991 – 2006" is a range.
		if !endsInYear.MatchString(text[m[2]:m[3]]) {
			return m[3], text[m[4]:m[5]]
		}
	}
	return -1, ""
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' }

func isDigitString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
