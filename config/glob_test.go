package config

import "testing"

func TestMatchGlob(t *testing.T) {
	for _, c := range []struct {
		pattern, rel string
		want         bool
	}{
		{"*.md", "README.md", true},
		{"*.md", "docs/deep/x.md", true}, // no slash: any depth
		{"README.md", "docs/README.md", true},
		{"/README.md", "docs/README.md", false}, // a leading slash anchors
		{"/README.md", "README.md", true},
		{"docs/*.md", "docs/a.md", true},
		{"docs/*.md", "docs/sub/a.md", false},
		{"docs/**/*.md", "docs/a.md", true}, // ** is zero or more folders
		{"docs/**/*.md", "docs/a/b/c.md", true},
		{"docs/**", "docs/a/b/c.md", true},
		{"docs/**", "other/docs/a.md", false},
		{"drafts", "drafts/a.md", true}, // a matching folder takes its contents
		{"drafts", "x/drafts/a.md", true},
		{"drafts/", "drafts/a.md", true},
		{"./drafts", "drafts/a.md", true},
		{"docs/archive", "docs/archive/2020/a.md", true},
		{"docs/archive", "docs/archived.md", false},
		{"**/archive/*.md", "a/b/archive/x.md", true},
		{"[ab].md", "a.md", true},
		{"[ab].md", "c.md", false},
		{"*", "anything/at/all.md", true},
	} {
		if got := matchGlob(c.pattern, c.rel); got != c.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", c.pattern, c.rel, got, c.want)
		}
	}
}

func TestCheckGlob(t *testing.T) {
	for _, ok := range []string{"*.md", "docs/**/x.md", "[a-z]*.md", "**"} {
		if err := checkGlob(ok); err != nil {
			t.Errorf("checkGlob(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"[a-.md", "docs/[/x.md", `x\`} {
		if checkGlob(bad) == nil {
			t.Errorf("checkGlob(%q) accepted a malformed pattern", bad)
		}
	}
}
