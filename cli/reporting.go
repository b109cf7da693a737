package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/listlint/listlint/fixer"
	"github.com/listlint/listlint/internal/worktree"
	"github.com/listlint/listlint/report"
)

// reporters are the reports one run writes: the --format report, and with --output a text
// report for the terminal beside it.
type reporters struct {
	main report.Reporter // --format, to --output or to the terminal
	term report.Reporter // text for the terminal when --output takes the main report
}

// newReporters builds the reporters the flags ask for.
func newReporters(o *options, color bool) (*reporters, error) {
	opts := report.Options{Color: color, Quiet: o.quiet, Root: repoRoot(), Version: Version()}
	if o.output != "" {
		opts.Color = false
	}
	main, err := report.New(o.format, opts)
	if err != nil {
		return nil, err
	}
	reps := &reporters{main: main}
	if o.output != "" {
		reps.term, err = report.New("text", report.Options{Color: color, Quiet: o.quiet})
		if err != nil {
			return nil, err
		}
	}
	return reps, nil
}

// writeReports writes every report of a run: the main one to --output or out, the text one
// to out when --output is given, then statistics, the summary and the counts.
func writeReports(reps *reporters, o *options, out, stderr io.Writer, run *report.Run) error {
	// A text report of a run whose only news is unreadable inputs says nothing that stderr
	// has not said already.
	textOnlyErrors := len(run.Results) == 0 && len(run.Errors) > 0
	if o.output != "" {
		if err := writeReportFile(o.output, reps.main, run); err != nil {
			return err
		}
		if !textOnlyErrors {
			if err := reps.term.Report(out, run); err != nil {
				return err
			}
		}
	} else if !textOnlyErrors || o.format != "text" {
		if err := reps.main.Report(out, run); err != nil {
			return err
		}
	}
	if o.statistics {
		// Statistics never go into a machine-readable report on stdout.
		w := out
		if o.output == "" && o.format != "text" {
			w = stderr
		}
		if err := report.Statistics(w, run, o.quiet); err != nil {
			return err
		}
	}
	if o.summary != "" {
		if err := appendTo(o.summary, func(w io.Writer) error { return report.Summary(w, run, summaryOptions(o.quiet, os.Getenv, gitHead)) }); err != nil {
			return err
		}
	}
	if o.counts != "" {
		if err := appendTo(o.counts, func(w io.Writer) error { return report.WriteCounts(w, run, o.quiet) }); err != nil {
			return err
		}
	}
	return nil
}

// writeReportFile writes a report to a file atomically: a reader never sees half a report.
func writeReportFile(path string, rep report.Reporter, run *report.Run) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("--output %s: this is a folder; name the report's file", path)
	}
	var buf bytes.Buffer
	if err := rep.Report(&buf, run); err != nil {
		return err
	}
	// A workflow names a report in a folder of its own (results/listlint.sarif) that a
	// fresh checkout does not have.
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("--output %s: %s", path, describe(err))
		}
	}
	if err := fixer.WriteFileAtomic(path, buf.Bytes()); err != nil {
		return fmt.Errorf("--output %s: %s", path, describe(err))
	}
	return nil
}

// appendTo appends to a file that others append to as well, such as $GITHUB_STEP_SUMMARY.
func appendTo(path string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("%s: %s", path, describe(err))
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return fmt.Errorf("%s: %s", path, describe(err))
	}
	return f.Close()
}

// repoRoot is the repository root above the working folder, which GitHub resolves the
// paths of annotations and SARIF results against; the working folder when there is none.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return worktree.Top(wd)
}

// summaryOptions reads the GitHub Actions variables that let the summary link to the
// problems' lines. The line numbers are those of the files as checked out, so the link
// names the checked-out commit (checkedOut, git rev-parse HEAD) where git can tell it. Else
// on a pull_request event the pull request's head commit from the event payload (GITHUB_SHA
// is the merge commit GitHub made, which is replaced when either branch moves on), else
// GITHUB_SHA.
func summaryOptions(quiet bool, getenv func(string) string, checkedOut func(root string) string) report.SummaryOptions {
	so := report.SummaryOptions{
		Quiet:      quiet,
		Root:       repoRoot(),
		ServerURL:  getenv("GITHUB_SERVER_URL"),
		Repository: getenv("GITHUB_REPOSITORY"),
		Commit:     getenv("GITHUB_SHA"),
	}
	if so.ServerURL == "" && so.Repository != "" {
		so.ServerURL = "https://github.com"
	}
	if so.Repository == "" {
		return so // no links: nothing to look up
	}
	if sha := headSHA(getenv("GITHUB_EVENT_PATH")); sha != "" {
		so.Commit = sha
	}
	if sha := checkedOut(so.Root); sha != "" {
		so.Commit = sha
	}
	return so
}

// gitHead is the commit checked out in the repository at root, or "" when git cannot tell.
func gitHead(root string) string {
	if root == "" {
		return ""
	}
	cmd := exec.Command("git", "rev-parse", "--verify", "--quiet", "HEAD")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// headSHA returns pull_request.head.sha from a GitHub event payload, or "" when the file
// is missing, is not JSON or is not a pull-request event.
func headSHA(eventPath string) string {
	if eventPath == "" {
		return ""
	}
	data, err := os.ReadFile(eventPath)
	if err != nil {
		return ""
	}
	var ev struct {
		PullRequest *struct {
			Head struct {
				SHA string `json:"sha"`
			} `json:"head"`
		} `json:"pull_request"`
	}
	if json.Unmarshal(data, &ev) != nil || ev.PullRequest == nil {
		return ""
	}
	return ev.PullRequest.Head.SHA
}
