package config

import (
	"path"
	"strings"
)

// Globs in ignore: and overrides: files: are slash-separated paths relative to the folder
// of the configuration file, matched segment by segment with path.Match, plus "**" for any
// number of segments. As in .gitignore, a pattern without a slash matches at any depth
// ("*.draft.md", "archive"), and a pattern that matches a folder matches everything in it
// ("drafts" and "drafts/**" are the same). No new module: the semantics are small.

// checkGlob reports a malformed pattern (an unclosed "[", a trailing "\").
func checkGlob(pattern string) error {
	for _, seg := range strings.Split(cleanGlob(pattern), "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return err
		}
	}
	return nil
}

func cleanGlob(pattern string) string {
	p := strings.TrimPrefix(pattern, "./")
	p = strings.TrimSuffix(p, "/")
	return p
}

// matchGlob reports whether the slash-separated relative path rel matches pattern.
func matchGlob(pattern, rel string) bool {
	p := cleanGlob(pattern)
	anchored := strings.Contains(p, "/")
	p = strings.TrimPrefix(p, "/")
	if !anchored {
		p = "**/" + p
	}
	pat := strings.Split(p, "/")
	segs := strings.Split(rel, "/")
	// A folder that matches takes its contents with it: try every leading run of segments.
	for n := 1; n <= len(segs); n++ {
		if matchSegs(pat, segs[:n]) {
			return true
		}
	}
	return false
}

func matchSegs(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			for i := 0; i <= len(segs); i++ {
				if matchSegs(rest, segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}
