package report

import (
	"strings"
	"testing"
)

// FuzzWorkflowCommand checks GitHub's escaping on arbitrary file names and messages: the
// command is one line, its properties split where the runner splits them, and unescaping
// (as the runner does) gives back what went in. plainLine never yields a command.
func FuzzWorkflowCommand(f *testing.F) {
	f.Add("docs/a,b:c%d.md", "100% sure:\r\nyes, no")
	f.Add("::error::x.md", "::warning::y")
	f.Fuzz(func(t *testing.T, file, msg string) {
		cmd := workflowCommand("error", [][2]string{{"file", file}, {"line", "3"}, {"title", "listlint (r)"}}, msg)
		body, ok := strings.CutSuffix(cmd, "\n")
		if !ok || strings.ContainsAny(body, "\r\n") {
			t.Fatalf("not one line: %q", cmd)
		}
		rest, ok := strings.CutPrefix(body, "::error ")
		if !ok {
			t.Fatalf("not an error command: %q", cmd)
		}
		props, data, ok := strings.Cut(rest, "::")
		if !ok {
			t.Fatalf("no message separator: %q", cmd)
		}
		unescape := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
		kv := strings.Split(props, ",")
		if len(kv) != 3 {
			t.Fatalf("%d properties, want 3: %q", len(kv), props)
		}
		if got := unescape.Replace(strings.TrimPrefix(kv[0], "file=")); got != file {
			t.Fatalf("file %q came back as %q", file, got)
		}
		if got := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%").Replace(data); got != msg {
			t.Fatalf("message %q came back as %q", msg, got)
		}
		if l := plainLine(file + ":" + msg); strings.HasPrefix(strings.TrimSpace(l), "::") || strings.ContainsAny(l, "\r\n") {
			t.Fatalf("plainLine(%q) = %q", file+":"+msg, l)
		}
	})
}
