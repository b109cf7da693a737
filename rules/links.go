package rules

// The link rules have no check of their own: "listlint links" fetches the URLs of the lists
// and reports its findings under these ids. They are off in every preset, so a normal lint
// never reports them (and never goes on the network); turning them on in a configuration
// changes nothing.

// BrokenLink is a URL that does not answer.
var BrokenLink = register(&Rule{
	ID:      "broken-link",
	Default: Off,
	Doc: Doc{
		Title: "Links answer (listlint links)",
		Why: "A link list is only as good as its links. \"listlint links\" fetches every URL of the " +
			"lists (entry, description and annotation links) and reports those that answer with an " +
			"error status (404, 410, 500 after retries...), time out, redirect in a loop or name a " +
			"host that does not exist. It is an error: the exit status is 1. Relative links to files " +
			"are checked against the file system.",
		Fix: FixNone,
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
