package rules

import (
	"strings"
	"testing"
)

func TestContributingSiblings(t *testing.T) {
	src := "# Awesome Things\n\n## Contents\n"
	for _, tc := range []struct {
		files map[string]int64
		want  string // a part of the message, "" for none
	}{
		{map[string]int64{"contributing.md": 50}, ""},
		{map[string]int64{"CONTRIBUTING.md": 50}, ""},
		{map[string]int64{"Contributing.md": 50}, ""},
		{map[string]int64{".github/contributing.md": 50}, ""},
		{map[string]int64{"docs/CONTRIBUTING.md": 50}, ""},
		{map[string]int64{"contributing.md": 0, ".github/CONTRIBUTING.md": 50}, ""},
		{map[string]int64{"contributing.md": 1}, "contributing.md is empty"},
		{map[string]int64{".github/CONTRIBUTING.md": 0}, ".github/CONTRIBUTING.md is empty"},
		{nil, "no contribution guidelines"},
	} {
		ds := runAwesome(t, AwesomeContributing, "readme.md", src, tc.files)
		switch {
		case tc.want == "" && len(ds) > 0:
			t.Errorf("%v: unexpected %q", tc.files, ds[0].Message)
		case tc.want != "" && (len(ds) != 1 || !strings.Contains(ds[0].Message, tc.want)):
			t.Errorf("%v: got %v, want one diagnostic with %q", tc.files, ds, tc.want)
		case tc.want != "" && (ds[0].Start != 0 || ds[0].End != len("# Awesome Things")):
			t.Errorf("%v: reported at [%d,%d), want the heading", tc.files, ds[0].Start, ds[0].End)
		}
	}
}
