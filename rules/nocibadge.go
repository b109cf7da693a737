package rules

import (
	"regexp"
	"strings"

	"github.com/listlint/listlint/mdsrc"
)

// NoCIBadgeOptions tunes no-ci-badge.
type NoCIBadgeOptions struct {
	// Files are the main readme's names (see awesomeFilesOption).
	Files []string `yaml:"files"`
}

// NoCIBadge reports CI and build-status badges in the readme.
var NoCIBadge = register(&Rule{
	ID:      "no-ci-badge",
	Default: Off,
	Doc: Doc{
		Title: "The readme shows no CI or build-status badge",
		Why: "A list may run CI to lint itself, but its status tells the list's readers nothing, so " +
			"the awesome guidelines leave the badge out. Known badges are recognised by their image " +
			"URL: GitHub Actions (…/actions/workflows/<file>/badge.svg and …/workflows/<name>/badge.svg, " +
			"which awesome-lint misses), Travis CI, CircleCI, AppVeyor, Azure Pipelines, GitLab " +
			"pipelines, Codeship, Drone and Woodpecker, Buildkite, Jenkins, Semaphore, Bitrise, Cirrus " +
			"CI, builds.sr.ht, Netlify deploy status, and the build, workflow and check badges of " +
			"shields.io and badgen.net. Markdown images and HTML <img> tags both count. Only the list's " +
			"main readme is checked (readme.md, any case). Part of the awesome preset.",
		Before: "# Awesome Go [![Awesome](https://awesome.re/badge.svg)](https://awesome.re) " +
			"[![Tests](https://github.com/avelino/awesome-go/actions/workflows/tests.yaml/badge.svg)](https://github.com/avelino/awesome-go/actions)\n",
		After:   "# Awesome Go [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n",
		Fix:     FixUnsafe,
		FixNote: "deletes a Markdown badge (with the link around it) that stands on its own line or is set off by spaces; none for HTML",
		Options: []OptionDoc{awesomeFilesOption},
	},
	NewOptions: func() any { return &NoCIBadgeOptions{Files: awesomeDefaultFiles()} },
	Check:      checkNoCIBadge,
})

func checkNoCIBadge(p *Pass) {
	opts := optionsOf[NoCIBadgeOptions](p.Options)
	if !awesomeScope(p, opts.Files) {
		return
	}
	for _, img := range readReadme(p.Doc).images {
		svc := ciService(img.Src)
		if svc == "" {
			continue
		}
		var fix *Fix
		if img.Markdown && img.Whole {
			if edit, ok := deleteInline(p.Doc, img.Span.Start, img.Span.End); ok {
				fix = &Fix{Message: "remove the " + svc + " badge", Edits: []Edit{edit}}
			}
		}
		p.Report(img.Span.Start, img.Span.End, fix, "remove the %s status badge: the list's readers have no use for its build status (%q)", svc, img.Src)
	}
}

// deleteInline deletes src[start:end] with the white space that sets it off: its whole line
// when nothing else is on it (and a blank line after it when it stood alone between blank
// lines), else the spaces on one side. It refuses (false) when text is glued to it; another
// badge or link right beside it is fine.
func deleteInline(doc *mdsrc.Document, start, end int) (Edit, bool) {
	src := doc.Src
	// The line index, not a scan: a line of thousands of badges stays linear.
	ls := doc.Lines.LineStartOf(start)
	le := doc.Lines.Start(doc.Lines.Line(end) + 1)
	if le > end && le <= len(src) && src[le-1] == '\n' {
		le--
	} else {
		le = len(src)
	}
	if blankBytes(src[ls:start]) && blankBytes(src[end:le]) {
		e := le
		if e < len(src) {
			e++
		}
		// Alone between blank lines (or after the file's start): take one blank line with
		// it, so that no run of blank lines is left.
		if ls == 0 || blankBytes(lineBefore(src, ls)) {
			ne := e
			for ne < len(src) && src[ne] != '\n' {
				ne++
			}
			if ne < len(src) && blankBytes(src[e:ne]) {
				e = ne + 1
			}
		}
		return Edit{Start: ls, End: e}, true
	}
	spaceOrTab := func(c byte) bool { return c == ' ' || c == '\t' }
	before := start == ls || spaceOrTab(src[start-1]) || src[start-1] == ')'
	after := end == le || spaceOrTab(src[end]) || src[end] == '\r' || src[end] == '[' || src[end] == '!'
	if !before || !after {
		return Edit{}, false
	}
	s, e := start, end
	if s > ls && spaceOrTab(src[s-1]) {
		for s > ls && spaceOrTab(src[s-1]) {
			s--
		}
	} else {
		for e < le && spaceOrTab(src[e]) {
			e++
		}
	}
	// "- [![CI](…)](…)" would leave an empty item behind.
	if containerPrefix(src[ls:s]) && blankBytes(src[e:le]) {
		return Edit{}, false
	}
	return Edit{Start: s, End: e}, true
}

// containerPrefix reports a line start that holds only blockquote and list markers.
func containerPrefix(b []byte) bool {
	for _, c := range b {
		if !strings.ContainsRune(" \t>-*+.)0123456789", rune(c)) {
			return false
		}
	}
	return true
}

func blankBytes(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// lineBefore is the line ending at ls (which starts a line), without its line break.
func lineBefore(src []byte, ls int) []byte {
	e := ls - 1
	s := e
	for s > 0 && src[s-1] != '\n' {
		s--
	}
	return src[s:e]
}

var (
	ghWorkflowBadge = regexp.MustCompile(`^/[^/]+/[^/]+/(actions/)?workflows/[^/]+/badge\.svg$`)
	actionsBadge    = regexp.MustCompile(`^/[^/]+/[^/]+/actions/workflows/[^/]+/badge\.svg$`)
	gitlabPipeline  = regexp.MustCompile(`/badges/.+/pipeline\.svg$`)
	droneBadge      = regexp.MustCompile(`^/api/badges/.+/status\.svg$`)
	jenkinsBadge    = regexp.MustCompile(`/buildstatus/icon|/job/.+/badge/icon`)
	netlifyBadge    = regexp.MustCompile(`^/api/v1/badges/[^/]+/deploy-status`)
	// Paths of the build, workflow and check badges on shields.io and badgen.net.
	shieldsCI = []string{
		"/github/actions/workflow/status/", "/github/workflow/status/", "/github/checks-status/",
		"/github/check-runs/", "/github/checks/", "/github/status/", "/github/deployments/",
		"/travis/", "/travis-ci/", "/circleci/", "/circle-ci/", "/appveyor/build/", "/appveyor/ci/",
		"/appveyor/tests/", "/appveyor/job/", "/azure-devops/build/", "/azure-devops/tests/",
		"/azure-pipelines/", "/gitlab/pipeline/", "/gitlab/pipeline-status/", "/jenkins/build/",
		"/jenkins/s/", "/jenkins/t/", "/jenkins/tests/", "/drone/build/", "/buildkite/", "/codeship/",
		"/bitbucket/pipelines/", "/teamcity/", "/cirrus/", "/semaphoreci/", "/bitrise/", "/wercker/",
		"/netlify/", "/sourcehut/", "/woodpecker/", "/codemagic/", "/gitea/pipelines/", "/forgejo/pipelines/",
	}
)

// ciService names the CI service whose status badge the image URL is, or "".
func ciService(raw string) string {
	u, err := parseURL(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	p := strings.ToLower(u.Path)
	hostIs := func(names ...string) bool {
		for _, n := range names {
			if host == n || strings.HasSuffix(host, "."+n) {
				return true
			}
		}
		return false
	}
	svg := strings.HasSuffix(p, ".svg") || strings.HasSuffix(p, ".png")
	switch {
	case host == "github.com" && ghWorkflowBadge.MatchString(p):
		return "GitHub Actions"
	case actionsBadge.MatchString(p):
		// Gitea, Forgejo and Codeberg serve the same path.
		return "Actions"
	case hostIs("travis-ci.org", "travis-ci.com") && svg:
		return "Travis CI"
	case hostIs("circleci.com") && (svg || strings.Contains(p, "/status-badge/")):
		return "CircleCI"
	case hostIs("appveyor.com") && strings.HasPrefix(p, "/api/projects/status"):
		return "AppVeyor"
	case (hostIs("dev.azure.com") || hostIs("visualstudio.com")) && strings.Contains(p, "/_apis/build/status"):
		return "Azure Pipelines"
	case gitlabPipeline.MatchString(p):
		return "GitLab CI"
	case hostIs("shields.io", "badgen.net"):
		for _, pre := range shieldsCI {
			if strings.HasPrefix(p+"/", pre) {
				return "build status (" + host + ")"
			}
		}
	case hostIs("codeship.com", "codeship.io") && strings.Contains(p, "/projects/") && strings.Contains(p, "/status"):
		return "Codeship"
	case droneBadge.MatchString(p) || host == "cloud.drone.io" && svg:
		return "Drone"
	case hostIs("badge.buildkite.com"):
		return "Buildkite"
	case jenkinsBadge.MatchString(p):
		return "Jenkins"
	case hostIs("semaphoreci.com") && (strings.Contains(p, "/badges/") || strings.HasSuffix(p, "badge.svg")):
		return "Semaphore"
	case hostIs("bitrise.io") && strings.HasSuffix(p, "/status.svg"):
		return "Bitrise"
	case hostIs("api.cirrus-ci.com"):
		return "Cirrus CI"
	case hostIs("builds.sr.ht") && svg:
		return "builds.sr.ht"
	case hostIs("api.netlify.com") && netlifyBadge.MatchString(p):
		return "Netlify deploy status"
	}
	return ""
}
