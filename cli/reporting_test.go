package cli

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSummaryOptionsFromEnv(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pr := write("pr.json", `{"pull_request": {"head": {"sha": "2222222"}, "base": {"sha": "3333333"}}}`)
	push := write("push.json", `{"head_commit": {"id": "4444444"}}`)
	broken := write("broken.json", `{"pull_request": `)
	for _, c := range []struct {
		name string
		env  map[string]string
		want [3]string // server, repository, commit
	}{
		{"no environment", nil, [3]string{}},
		{"push", map[string]string{"GITHUB_SERVER_URL": "https://ghe.example", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "1111111", "GITHUB_EVENT_PATH": push},
			[3]string{"https://ghe.example", "o/r", "1111111"}},
		{"pull request: the head commit", map[string]string{"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "1111111", "GITHUB_EVENT_PATH": pr},
			[3]string{"https://github.com", "o/r", "2222222"}},
		{"unreadable event", map[string]string{"GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "1111111", "GITHUB_EVENT_PATH": filepath.Join(dir, "missing.json")},
			[3]string{"https://github.com", "o/r", "1111111"}},
		{"broken event", map[string]string{"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "1111111", "GITHUB_EVENT_PATH": broken},
			[3]string{"https://github.com", "o/r", "1111111"}},
	} {
		so := summaryOptions(true, func(k string) string { return c.env[k] }, func(string) string { return "" })
		if got := [3]string{so.ServerURL, so.Repository, so.Commit}; got != c.want || !so.Quiet {
			t.Errorf("%s: got %q (quiet %v), want %q", c.name, got, so.Quiet, c.want)
		}
	}
	// The lines are those of the checked-out files: that commit wins where git tells it.
	env := map[string]string{"GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "1111111", "GITHUB_EVENT_PATH": pr}
	so := summaryOptions(false, func(k string) string { return env[k] }, func(string) string { return "5555555" })
	if so.Commit != "5555555" {
		t.Errorf("checked out 5555555: the summary links to %q", so.Commit)
	}
}
