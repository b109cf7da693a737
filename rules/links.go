package rules

import (
	"fmt"
	"regexp"
)

// The link rules have no check of their own: "listlint links" fetches the URLs of the lists
// and reports its findings under these ids. They are off in every preset, so a normal lint
// never reports them (and never goes on the network); turning them on in a configuration
// changes nothing.

// LinkPolicyOptions are the settings of "listlint links" that a configuration file keeps,
// as options of broken-link; the command's flags add to them.
type LinkPolicyOptions struct {
	// Accept lists HTTP statuses that count as fine besides 2xx.
	Accept []int `yaml:"accept"`
	// Include checks only URLs matching one of these regular expressions.
	Include []string `yaml:"include"`
	// Exclude skips URLs matching one of these regular expressions.
	Exclude []string `yaml:"exclude"`
	// AllowPrivate also checks loopback and private addresses.
	AllowPrivate bool `yaml:"allow-private"`
	// Strict reports rate limits and bot walls as errors.
	Strict bool `yaml:"strict"`
}

// Validate checks the statuses and the regular expressions.
func (o *LinkPolicyOptions) Validate() error {
	for _, n := range o.Accept {
		if n < 100 || n > 999 {
			return fmt.Errorf("accept: %d is not an HTTP status", n)
		}
	}
	for _, list := range [][]string{o.Include, o.Exclude} {
		for _, re := range list {
			if _, err := regexp.Compile(re); err != nil {
				return fmt.Errorf("%q is not a regular expression: %w", re, err)
			}
		}
	}
	return nil
}

// BrokenLink is a URL that does not answer.
var BrokenLink = register(&Rule{
	ID:         "broken-link",
	Default:    Off,
	NewOptions: func() any { return &LinkPolicyOptions{} },
	Doc: Doc{
		Title: "Links answer (listlint links)",
		Why: "A link list is only as good as its links. \"listlint links\" fetches every URL of the " +
			"lists (entry, description and annotation links) and reports those that answer with an " +
			"error status (404, 410, 500 after retries...), time out, redirect in a loop or name a " +
			"host that does not exist. It is an error: the exit status is 1. Relative links to files " +
			"are checked against the file system.",
		Fix: FixNone,
		Options: []OptionDoc{
			{Name: "accept", Type: "list of integers", Default: "[]", Text: "HTTP statuses that count as fine besides 2xx (as --accept)"},
			{Name: "include", Type: "list of strings", Default: "[]", Text: "check only URLs matching one of these regular expressions (as --include)"},
			{Name: "exclude", Type: "list of strings", Default: "[]", Text: "skip URLs matching one of these regular expressions (as --exclude)"},
			{Name: "allow-private", Type: "boolean", Default: "false", Text: "also check loopback and private addresses (as --allow-private)"},
			{Name: "strict", Type: "boolean", Default: "false", Text: "report rate limits and bot walls as errors (as --strict)"},
		},
	},
})

// BrokenAnchor is a "#anchor" link that matches no heading of its file.
var BrokenAnchor = register(&Rule{
	ID:      "broken-anchor",
	Default: Off,
	Doc: Doc{
		Title: "Anchor links match a heading (listlint links)",
		Why: "A \"#section\" link that matches no heading's anchor leads nowhere; it is usually a " +
			"heading that was renamed. \"listlint links\" compares each one with the anchors GitHub " +
			"gives the file's headings.",
		Fix: FixNone,
	},
})

// Redirect is a URL that moved permanently.
var Redirect = register(&Rule{
	ID:      "redirect",
	Default: Off,
	Doc: Doc{
		Title: "Links point where they lead (listlint links)",
		Why: "A URL that answers with a permanent redirect (301 or 308) works today, but the old " +
			"address may stop redirecting. \"listlint links\" reports it as a warning.",
		Fix:     FixUnsafe,
		FixNote: "writes the URL the permanent redirects lead to (unsafe: a site may redirect a page to its home page)",
	},
})

// LinkBlocked is a URL whose host refused to answer a robot.
var LinkBlocked = register(&Rule{
	ID:      "link-blocked",
	Default: Off,
	Doc: Doc{
		Title: "Rate limits and bot walls (listlint links)",
		Why: "Some hosts answer robots with 403 or 429 whatever the page (twitter.com, x.com, " +
			"reddit.com, medium.com, linkedin.com, facebook.com, instagram.com), and any host may " +
			"rate-limit with 429. Such an answer says nothing about the link, so it is a warning; " +
			"with --strict it is an error.",
		Fix: FixNone,
	},
})

// LinkUnchecked is a URL that was not checked before the deadline.
var LinkUnchecked = register(&Rule{
	ID:      "link-unchecked",
	Default: Off,
	Doc: Doc{
		Title: "Links checked in time (listlint links)",
		Why: "\"listlint links\" has an overall deadline (--deadline); URLs without an answer by " +
			"then are reported as a warning, so that a slow run says what it left out.",
		Fix: FixNone,
	},
})
