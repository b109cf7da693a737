package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/ruledoc"
	"github.com/listlint/listlint/rules"
)

// SARIF is SARIF 2.1.0 as GitHub code scanning ingests it (upload-sarif): one run, every
// rule described in tool.driver.rules, results with repository-relative locations,
// fingerprints that survive moved lines, and the fixes as replacements. Inputs that could
// not be read are tool execution notifications.
//
// Every registered rule is described, not only those that reported: the file then says
// which rules ran, the rule indexes stay the same from run to run, and GitHub shows the
// help of a rule whose alerts were closed by a later run. Twenty rules cost some 40 KB.
type SARIF struct {
	Options
}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	sarifRoot    = "%SRCROOT%"
	// InformationURI is listlint's home page.
	InformationURI = "https://github.com/listlint/listlint"
	// maxFullDescription is GitHub's limit on a rule's fullDescription.
	maxFullDescription = 1000
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name,omitempty"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifHelp       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifRuleConfig struct {
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// Report implements Reporter.
func (s *SARIF) Report(w io.Writer, run *Run) error {
	o := withDefaults(s.Options)
	descs, index := sarifRules(run, o.Quiet)
	version, semver := sarifVersions(o.Version)
	sr := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "listlint", Version: version, SemanticVersion: semver,
			InformationURI: InformationURI, Rules: descs,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(run.Errors) == 0}},
		Results:     []sarifResult{},
		// Columns count code points, as in every listlint format; SARIF's default would be
		// UTF-16 code units.
		ColumnKind: "unicodeCodePoints",
	}
	if o.Root != "" && filepath.IsAbs(o.Root) {
		root := fileURI(o.Root)
		if !strings.HasSuffix(root, "/") {
			root += "/"
		}
		sr.OriginalURIBaseIDs = map[string]sarifArtifactLoc{sarifRoot: {URI: root}}
	}
	byPath := make(map[string]*engine.Result, len(run.Results))
	for _, r := range run.Results {
		byPath[r.Path] = r
	}
	for _, r := range run.Results {
		loc := sarifArtifact(o.Root, r.Path)
		rel, _ := repoPath(o.Root, r.Path)
		seen := map[string]int{}
		for _, d := range Shown(r, o.Quiet) {
			start, end := displaySpan(r, d)
			res := sarifResult{
				RuleID: d.Rule, RuleIndex: index[d.Rule], Level: sarifLevel(d.Severity),
				Message: sarifText{Text: d.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: loc,
					Region: displayRegion(start, end)}}},
				PartialFingerprints: map[string]string{"primaryLocationLineHash": fingerprint(rel, r, d, seen)},
			}
			// The other places a problem concerns: the first entry of a duplicate, the
			// heading a table of contents misses.
			for _, at := range d.Related {
				in, aloc := r, loc
				if at.Path != "" {
					if in = byPath[at.Path]; in == nil {
						continue
					}
					aloc = sarifArtifact(o.Root, in.Path)
				}
				rs, re := displaySpan(in, rules.Diagnostic{Start: at.Start, End: at.End})
				id := len(res.RelatedLocations) + 1
				res.RelatedLocations = append(res.RelatedLocations, sarifLocation{ID: &id,
					PhysicalLocation: sarifPhysical{ArtifactLocation: aloc, Region: displayRegion(rs, re)},
					Message:          &sarifText{Text: "related to this problem"}})
			}
			if d.Fix != nil && len(d.Fix.Edits) > 0 {
				res.Fixes = []sarifFix{sarifFixOf(r, d.Fix, loc)}
			}
			sr.Results = append(sr.Results, res)
		}
	}
	for _, e := range run.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{Text: e.Err}}
		ph := sarifPhysical{ArtifactLocation: sarifArtifact(o.Root, e.Path)}
		if e.Line > 0 {
			ph.Region = &sarifRegion{StartLine: e.Line}
		}
		n.Locations = []sarifLocation{{PhysicalLocation: ph}}
		sr.Invocations[0].ToolExecutionNotifications = append(sr.Invocations[0].ToolExecutionNotifications, n)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{sr}})
}

// sarifRules describes every visible rule and any other rule that reported (rules that
// tests register), and maps each id to its index.
func sarifRules(run *Run, quiet bool) ([]sarifRule, map[string]int) {
	list := ruledoc.Visible()
	index := map[string]int{}
	for i, r := range list {
		index[r.ID] = i
	}
	for _, res := range run.Results {
		for _, d := range Shown(res, quiet) {
			if _, ok := index[d.Rule]; ok {
				continue
			}
			r := rules.Lookup(d.Rule)
			if r == nil || r.ID != d.Rule {
				r = &rules.Rule{ID: d.Rule, Default: d.Severity}
			}
			index[d.Rule] = len(list)
			list = append(list, r)
		}
	}
	out := make([]sarifRule, 0, len(list))
	for _, r := range list {
		out = append(out, sarifRuleOf(r))
	}
	return out, index
}

func sarifRuleOf(r *rules.Rule) sarifRule {
	title := strings.TrimSpace(r.Doc.Title)
	if title == "" {
		title = r.ID
	}
	short := sentence(title)
	full := short
	if why := strings.TrimSpace(r.Doc.Why); why != "" {
		full += " " + sentence(why)
	}
	help := sarifHelp{Text: full + "\n\nDocumentation: " + rules.DocURL(r.ID)}
	if r.Doc.Title != "" {
		var b strings.Builder
		if err := ruledoc.Explain(&b, r); err == nil {
			help.Text = b.String()
		}
		help.Markdown = strings.TrimSpace(generatedNote.ReplaceAllString(ruledoc.Page(r), ""))
	}
	cfg := sarifRuleConfig{Level: sarifLevel(r.Default)}
	if r.Default == rules.Off {
		off := false
		cfg.Enabled, cfg.Level = &off, "warning"
	}
	tags := []string{"markdown", "awesome-list"}
	switch r.Doc.Fix {
	case rules.FixSafe:
		tags = append(tags, "fixable")
	case rules.FixUnsafe:
		tags = append(tags, "fixable-unsafe")
	}
	// The name is the id in Pascal case; SARIF wants it left out when it would only repeat
	// the id ("punctuation"), which the validator checks ignoring case.
	name := pascal(r.ID)
	if strings.EqualFold(name, r.ID) {
		name = ""
	}
	return sarifRule{
		ID: r.ID, Name: name,
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: clip(full, maxFullDescription)},
		Help:                 help,
		HelpURI:              rules.DocURL(r.ID),
		DefaultConfiguration: cfg,
		Properties:           sarifRuleProps{Tags: tags},
	}
}

var generatedNote = regexp.MustCompile(`(?m)^<!-- Generated .*-->\n?`)

// sentence ends s with a full stop unless it ends with one already.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") {
		return s
	}
	return s + "."
}

// clip shortens s to at most n bytes at a word boundary, ending with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > n/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// pascal turns "year-suffix" into "YearSuffix", the conventional form of a rule name.
func pascal(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }) {
		r, n := utf8.DecodeRuneInString(part)
		b.WriteString(strings.ToUpper(string(r)) + part[n:])
	}
	return b.String()
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

// sarifVersions returns the version for SARIF: a release "v1.2.3" is "1.2.3" (SemVer, as
// semanticVersion too); a development build "dev (0123abcd-dirty)" becomes the SemVer
// pre-release "0.0.0-dev+0123abcd.dirty", since SARIF's version should start with a
// number, so that consumers can compare versions.
func sarifVersions(v string) (version, semver string) {
	if semverRE.MatchString(v) {
		v = strings.TrimPrefix(v, "v")
		return v, v
	}
	word, build, _ := strings.Cut(v, " ")
	clean := func(s string) string {
		s = strings.Map(func(r rune) rune {
			switch {
			case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
				return r
			case r == '(' || r == ')':
				return -1
			}
			return '.'
		}, s)
		return strings.Trim(s, ".")
	}
	out := "0.0.0"
	if w := clean(word); w != "" {
		out += "-" + w
	}
	if b := clean(build); b != "" {
		out += "+" + b
	}
	if !semverRE.MatchString(out) {
		return "0.0.0", "0.0.0"
	}
	return out, out
}

var semverRE = regexp.MustCompile(`^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// sarifArtifact locates a file: relative to the repository root (%SRCROOT%) when it is in
// it, otherwise by an absolute file URI.
func sarifArtifact(root, p string) sarifArtifactLoc {
	rel, ok := repoPath(root, p)
	if ok {
		return sarifArtifactLoc{URI: escapePath(rel), URIBaseID: sarifRoot}
	}
	if filepath.IsAbs(p) || strings.HasPrefix(rel, "/") {
		abs := rel
		if filepath.IsAbs(p) {
			abs = p
		}
		return sarifArtifactLoc{URI: fileURI(abs)}
	}
	return sarifArtifactLoc{URI: escapePath(rel)}
}

// fileURI is the file: URI of an absolute path; a Windows path (C:\x) becomes file:///C:/x,
// not file://C:/x, where the drive letter would read as a host.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// fingerprint identifies a result across runs by its rule, file and the text of its first
// line, not the line number: a problem on a line that moved is the same alert. seen counts
// earlier results with the same hash in the file, so that two on one line stay apart.
func fingerprint(path string, r *engine.Result, d rules.Diagnostic, seen map[string]int) string {
	line := r.Lines.Line(min(max(d.Start, 0), len(r.Src)))
	h := sha256.New()
	for _, part := range []string{d.Rule, path, strings.TrimSpace(lineText(r, line))} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	sum := hex.EncodeToString(h.Sum(nil))[:32]
	seen[sum]++
	return sum + ":" + strconv.Itoa(seen[sum])
}

// displayRegion is the region of a result. An empty span on an empty line (a blank line
// too many) has nothing to mark, so the region is the whole line.
func displayRegion(start, end Position) *sarifRegion {
	if start == end {
		return &sarifRegion{StartLine: start.Line, EndLine: end.Line}
	}
	return &sarifRegion{StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column}
}

func sarifFixOf(r *engine.Result, f *rules.Fix, loc sarifArtifactLoc) sarifFix {
	desc := f.Message
	if desc == "" {
		desc = "apply the fix"
	}
	if !f.Safe {
		desc += " (unsafe: applied only by --fix --unsafe-fixes)"
	}
	ch := sarifArtifactChange{ArtifactLocation: loc}
	for _, e := range f.Edits {
		sl, sc := r.Lines.Position(r.Src, e.Start)
		el, ec := r.Lines.Position(r.Src, e.End)
		rep := sarifReplacement{DeletedRegion: sarifRegion{StartLine: sl, StartColumn: sc, EndLine: el, EndColumn: ec}}
		if e.New != "" {
			rep.InsertedContent = &sarifText{Text: e.New}
		}
		ch.Replacements = append(ch.Replacements, rep)
	}
	return sarifFix{Description: sarifText{Text: sentence(desc)}, ArtifactChanges: []sarifArtifactChange{ch}}
}
