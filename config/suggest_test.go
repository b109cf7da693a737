package config

import "testing"

func TestSuggest(t *testing.T) {
	ids := []string{"year-suffix", "duplicate-url", "description-style", "sort-order"}
	for _, c := range []struct{ in, want string }{
		{"year-sufix", "year-suffix"},
		{"YEAR-SUFFIX", "year-suffix"},
		{"sortorder", "sort-order"},
		{"duplicate-urls", "duplicate-url"},
		{"xyz", ""}, // nothing close
		{"completely-different", ""},
	} {
		if got := Suggest(c.in, ids); got != c.want {
			t.Errorf("Suggest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"a", "", 1}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"scope", "scope", 0}} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
