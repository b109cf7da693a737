package rules

import "strings"

var commonWords = wordSet(`a an the simple fast library tool`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
