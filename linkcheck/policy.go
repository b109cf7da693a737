package linkcheck

import (
	"context"
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// Resolver looks up the addresses of a host name.
type Resolver func(ctx context.Context, host string) ([]netip.Addr, error)

func defaultResolve(ctx context.Context, host string) ([]netip.Addr, error) {
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}

// privateAddr reports whether an address is loopback, private, link-local or unspecified:
// somewhere a link list should not send its readers, and a checker should not probe.
func privateAddr(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsUnspecified() || a.IsInterfaceLocalMulticast()
}

// isPrivateHost reports whether host (a name or an address, without port) only leads to
// private addresses. A name that does not resolve is not private: the request will fail
// and say so.
func isPrivateHost(ctx context.Context, resolve Resolver, host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return privateAddr(a)
	}
	addrs, err := resolve(ctx, host)
	if err != nil || len(addrs) == 0 {
		return false
	}
	for _, a := range addrs {
		if !privateAddr(a) {
			return false
		}
	}
	return true
}

// botWallHosts answer robots with 403 (or 999) whatever the page: such an answer is a
// warning, not a broken link.
var botWallHosts = []string{
	"twitter.com", "x.com", "reddit.com", "medium.com", "linkedin.com",
	"facebook.com", "instagram.com",
}

// botWallHost reports whether host is one of botWallHosts or a subdomain of one.
func botWallHost(host string) bool {
	host = strings.ToLower(host)
	for _, h := range botWallHosts {
		if host == h || strings.HasSuffix(host, "."+h) {
			return true
		}
	}
	return false
}

// blockedStatus reports whether an answer is a rate limit or a bot wall rather than a
// verdict on the page.
func blockedStatus(host string, code int) bool {
	if code == 429 {
		return true
	}
	return botWallHost(host) && (code == 403 || code == 999 || code == 401)
}

// tokenHost reports whether a GitHub token may be sent to host.
func tokenHost(host string) bool {
	host = strings.ToLower(host)
	return host == "github.com" || host == "api.github.com"
}

// Checkable reports whether a URL is one the checker fetches: absolute http or https.
func Checkable(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
