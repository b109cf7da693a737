package rules

// UnusedDisable has no check of its own: the engine reports it when it applies the inline
// control comments of a file.
var UnusedDisable = register(&Rule{
	ID:      "unused-disable",
	Default: Warning,
	Doc: Doc{
		Title: "Inline disable comments silence something",
		Why: "A \"<!-- listlint-disable ... -->\" comment that silences nothing is left over from a " +
			"problem that was fixed, or names the wrong rule; either way it would hide the next real " +
			"problem. Comments naming an unknown rule are reported too; awesome-lint's " +
			"\"<!--lint ...-->\" comments may name remark rules listlint does not have, and those " +
			"names are left alone.",
		Before:  "<!-- listlint-disable-next-line year-suffix -->\n- [Fine Title (2020)](https://example.com) - Nothing to silence.\n",
		After:   "- [Fine Title (2020)](https://example.com) - Nothing to silence.\n",
		Fix:     FixUnsafe,
		FixNote: "removes the comment (unsafe: it may be there for a rule that is off today)",
	},
})
