// Package linkcheck checks that the URLs of a link list still answer. It fetches each
// distinct URL once, with a global and a per-host concurrency limit, a per-request timeout
// and an overall deadline; it tries HEAD before GET, retries transient failures with
// exponential backoff (honouring Retry-After), slows down hosts that answer 429, follows
// redirects and notes permanent ones, skips private addresses, and keeps good results in a
// cache file so that the next run does not ask again.
package linkcheck

import "time"

// Status is the verdict on one URL.
type Status int

// The verdicts.
const (
	// OK: the URL answered with an accepted status, possibly after temporary redirects.
	OK Status = iota
	// Moved: the URL answers, but through a permanent redirect (301 or 308); Result.Moved
	// is the URL to write instead.
	Moved
	// Broken: the URL does not answer (an error status, no such host, a redirect loop...).
	Broken
	// Blocked: a rate limit or a bot wall (429 from anywhere, 403 and the like from hosts
	// known to turn robots away); the link may well be fine.
	Blocked
	// Skipped: not checked on purpose (a private or loopback address).
	Skipped
	// Unchecked: the overall deadline passed, or the run was cancelled, before an answer.
	Unchecked
)

func (s Status) String() string {
	switch s {
	case OK:
		return "ok"
	case Moved:
		return "moved"
	case Broken:
		return "broken"
	case Blocked:
		return "blocked"
	case Skipped:
		return "skipped"
	case Unchecked:
		return "unchecked"
	}
	return "unknown"
}

// Good reports whether the status is a result worth caching: the URL answered.
func (s Status) Good() bool { return s == OK || s == Moved }

// Result is what checking one URL found.
type Result struct {
	URL    string
	Status Status
	// Code is the last HTTP status received, 0 when there was none.
	Code int
	// Final is the URL the redirects ended at ("" when there was no redirect).
	Final string
	// Moved is the URL that the leading permanent redirects point to, when Status is Moved.
	Moved string
	// Reason says in words why the URL is not OK.
	Reason string
	// Attempts counts the requests made for the URL (0 for a cache hit or a skip).
	Attempts int
	// Cached is true when the result came from the cache, without a request.
	Cached  bool
	Checked time.Time
}
