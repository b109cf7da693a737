package rules

import "net/url"

// parseURL is url.Parse with a fast path for the common absolute http(s) URL whose host is
// a plain name and whose other parts hold no byte that url.Parse would unescape or that
// its escaped forms would change: it returns the same URL without the general parser.
func parseURL(raw string) (*url.URL, error) {
	if u, ok := quickURL(raw); ok {
		return u, nil
	}
	return url.Parse(raw)
}

// urlPlain marks the bytes that url.Parse keeps as they are in a path, query or fragment
// and that EscapedPath and EscapedFragment write back unchanged.
var urlPlain = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "-_.~$&+,/:;=@" {
		t[c] = true
	}
	return t
}()

func quickURL(raw string) (*url.URL, bool) {
	p, ok := quickSplit(raw)
	if !ok {
		return nil, false
	}
	return &url.URL{Scheme: p.scheme, Host: p.host, Path: p.path, RawQuery: p.query, Fragment: p.fragment}, true
}

// urlParts are the parts of a URL that quickSplit takes, as url.Parse would set them.
type urlParts struct {
	scheme, host, path, query, fragment string
}

// quickSplit is quickURL without the url.URL.
func quickSplit(raw string) (urlParts, bool) {
	var u urlParts
	var rest string
	switch {
	case len(raw) > 8 && raw[:8] == "https://":
		u.scheme, rest = "https", raw[8:]
	case len(raw) > 7 && raw[:7] == "http://":
		u.scheme, rest = "http", raw[7:]
	default:
		return u, false
	}
	i := 0
	for i < len(rest) && rest[i] != '/' && rest[i] != '?' && rest[i] != '#' {
		if c := rest[i]; !urlPlain[c] || c == '_' || c == '~' || c == '$' || c == '&' || c == '+' || c == ',' || c == ':' || c == ';' || c == '=' || c == '@' {
			return u, false // a port, user info or a byte a host name does not hold
		}
		i++
	}
	if i == 0 {
		return u, false
	}
	u.host = rest[:i]
	rest = rest[i:]
	part, q, f := 0, -1, -1 // part: 0 path, 1 query, 2 fragment
	for j := 0; j < len(rest); j++ {
		c := rest[j]
		if urlPlain[c] {
			continue
		}
		switch {
		case c == '?' && part == 0:
			part, q = 1, j
		case c == '#' && part < 2:
			part, f = 2, j
		case c == '?' && part > 0:
		default:
			return u, false
		}
	}
	end := len(rest)
	if f >= 0 {
		u.fragment = rest[f+1:]
		end = f
	}
	if q >= 0 {
		if q == end-1 {
			return u, false // an empty query: url.Parse sets ForceQuery
		}
		u.query = rest[q+1 : end]
		end = q
	}
	u.path = rest[:end]
	return u, true
}
