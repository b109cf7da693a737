package rules

import "testing"

func TestAwesomeBadgeKind(t *testing.T) {
	for _, tc := range []struct {
		img  readmeImage
		want int
	}{
		{readmeImage{Src: "https://awesome.re/badge.svg", Link: "https://awesome.re", Linked: true}, badgeCurrent},
		{readmeImage{Src: "http://awesome.re/badge-flat.svg", Link: "http://awesome.re/", Linked: true}, badgeCurrent},
		{readmeImage{Src: "https://awesome.re/badge-flat2.svg", Link: "https://github.com/sindresorhus/awesome", Linked: true}, badgeCurrent},
		{readmeImage{Src: "https://awesome.re/badge.svg"}, badgeUnlinked},
		{readmeImage{Src: "https://awesome.re/badge.svg", Link: "https://github.com/me/awesome-x", Linked: true}, badgeElsewhere},
		{readmeImage{Src: "https://cdn.rawgit.com/sindresorhus/awesome/d7305f3/media/badge.svg", Link: "https://github.com/sindresorhus/awesome", Linked: true}, badgeOutdated},
		{readmeImage{Src: "https://raw.githubusercontent.com/sindresorhus/awesome/main/media/badge-flat.svg"}, badgeOutdated},
		{readmeImage{Src: "https://cdn.jsdelivr.net/gh/sindresorhus/awesome@d7305f3/media/badge.svg"}, badgeOutdated},
		{readmeImage{Src: "_static/awesome.png", Alt: "Awesome", Link: "https://github.com/sindresorhus/awesome", Linked: true}, badgeCopy},
		{readmeImage{Src: "https://awesome.re/mentioned-badge.svg", Link: "https://awesome.re", Linked: true}, badgeMentioned},
		// The awesome list's own logo, and a logo that happens to be named "Awesome".
		{readmeImage{Src: "media/logo.svg", Alt: "Awesome"}, notAwesomeBadge},
		{readmeImage{Src: "logo.png", Alt: "Awesome", Link: "https://example.com", Linked: true}, notAwesomeBadge},
	} {
		if got := awesomeBadgeKind(tc.img); got != tc.want {
			t.Errorf("awesomeBadgeKind(%+v) = %d, want %d", tc.img, got, tc.want)
		}
	}
}
