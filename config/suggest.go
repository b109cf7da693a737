package config

import "strings"

// Suggest returns the candidate nearest to s by edit distance, or "" when none is close
// enough to be the name the user meant. The comparison ignores the case of s.
func Suggest(s string, candidates []string) string {
	best, bestD := "", len(s)/2+2
	s = strings.ToLower(s)
	for _, c := range candidates {
		if d := editDistance(s, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes: option and rule
// names are ASCII.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// didYouMean is the tail of an error about an unknown name: "; did you mean "x"?" when a
// candidate is close, else the list of valid names when it is short enough to read.
func didYouMean(name string, candidates []string) string {
	if s := Suggest(name, candidates); s != "" {
		return "; did you mean \"" + s + "\"?"
	}
	if len(candidates) > 0 && len(candidates) <= 12 {
		return " (valid: " + strings.Join(candidates, ", ") + ")"
	}
	return ""
}
