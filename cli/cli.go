// Package cli is listlint's command line: it reads flags and paths, wires discovery, the
// engine, the fixer and a reporter together, and turns the outcome into an exit status.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/fixer"
	"github.com/listlint/listlint/internal/oserror"
	"github.com/listlint/listlint/mdsrc"
	"github.com/listlint/listlint/report"
	"github.com/listlint/listlint/rules"
)

// Exit statuses.
const (
	ExitClean    = 0 // nothing to report
	ExitProblems = 1 // problems remain (or --diff has changes)
	ExitError    = 2 // usage error or unreadable input
)

const usage = `listlint checks and fixes curated Markdown link lists.

Usage:
  listlint [flags] [path ...]
  listlint init [--force] [folder]      write a .listlint.yml that fits the lists in folder
  listlint config [flags] path          print the configuration that applies to path
  listlint rules                        list the rules: aliases, default severity, fix, presets
  listlint explain RULE                 show a rule's documentation with its example
  listlint links [flags] [path ...]     check that the lists' links answer (network)

With no path, every Markdown file under the current folder is linted (.git, node_modules
and vendor are skipped). A folder means its Markdown files, recursively. "-" reads standard
input; with --fix the fixed text is written to standard output.

Each file follows the .listlint.yml (or .listlint.yaml) nearest above it, up to the
repository root; files matching its ignore: globs are skipped. --enable and --disable
apply on top of it.

Flags:
`

const exitHelp = `
Exit status: 0 when no errors remain, 1 when problems remain (or --diff shows changes),
2 on a usage error or an input that could not be read or parsed.
`

type options struct {
	fix, unsafe, diff, quiet, version, help bool
	format, color, stdinName                string
	enable, disable                         string
	configFile                              string
	noConfig                                bool
	// Pull-request workflow: where else the report goes, and which lines count.
	output, summary, counts  string
	statistics               bool
	newFromRev, newFromPatch string
}

func newFlagSet(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("listlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.fix, "fix", false, "apply safe fixes and write the files")
	fs.BoolVar(&o.unsafe, "unsafe-fixes", false, "also apply unsafe fixes (such as deleting a duplicate entry)")
	fs.BoolVar(&o.diff, "diff", false, "print the fixes as a unified diff instead of writing files")
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fs.StringVar(&o.enable, "enable", "", "comma-separated rules to turn on (ids or aliases)")
	fs.StringVar(&o.disable, "disable", "", "comma-separated rules to turn off (ids or aliases)")
	fs.StringVar(&o.configFile, "config", "", "use this configuration file for every path instead of searching for .listlint.yml")
	fs.BoolVar(&o.noConfig, "no-config", false, "use no configuration file (the default preset)")
	fs.StringVar(&o.color, "color", "auto", "colour the text output: auto, always or never")
	fs.StringVar(&o.stdinName, "stdin-filename", "", "the path to show for standard input")
	fs.BoolVar(&o.quiet, "quiet", false, "report errors only, without warnings or the summary")
	fs.StringVar(&o.output, "output", "", "write the --format report to this file; a text report still goes to the terminal")
	fs.BoolVar(&o.statistics, "statistics", false, "print the number of problems per rule after the report")
	fs.StringVar(&o.summary, "summary", "", "append a Markdown summary (counts per rule, first problems) to this file, such as $GITHUB_STEP_SUMMARY")
	fs.StringVar(&o.counts, "counts", "", "append name=value problem counts to this file, such as $GITHUB_OUTPUT")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only problems on lines added or changed since this git revision")
	fs.StringVar(&o.newFromPatch, "new-from-patch", "", "report only problems on lines this unified diff adds or changes")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.help, "help", false, "show this help")
	// The usage goes wherever the flag set writes: stderr after a usage error (and for -h,
	// as the flag package does), stdout for --help (Run switches the output).
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), exitHelp)
	}
	return fs
}

// parseArgs parses flags wherever they stand among the paths, as users type
// "listlint README.md --fix". Everything after "--" is a path.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(paths, rest...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// Run runs listlint and returns its exit status. A first argument that names a subcommand
// runs it; a file of that name is linted as "./init".
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "init":
			return runInit(args[1:], stdout, stderr)
		case "config":
			return runConfig(args[1:], stdout, stderr)
		case "rules":
			return runRules(args[1:], stdout, stderr)
		case "explain":
			return runExplain(args[1:], stdout, stderr)
		case "links":
			return runLinks(args[1:], stdin, stdout, stderr)
		}
	}
	return runLint(args, stdin, stdout, stderr)
}

// runLint is the default command: lint (and fix) paths.
func runLint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var o options
	fset := newFlagSet(&o, stderr)
	paths, err := parseArgs(fset, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitError
	}
	if o.help {
		fset.SetOutput(stdout)
		fset.Usage()
		return ExitClean
	}
	if o.version {
		fmt.Fprintln(stdout, "listlint", Version())
		return ExitClean
	}
	finder, status := newFinder(&o, stderr)
	if finder == nil {
		return status
	}
	// As a formatter (--fix on standard input) the report goes to stderr: colour it if that
	// is a terminal, whatever stdout is.
	reportTo := stdout
	if o.fix && slices.Contains(paths, "-") {
		reportTo = stderr
	}
	colorOn, err := colorMode(o.color, reportTo)
	if err != nil {
		return usageError(stderr, "--color: %v", err)
	}
	reps, err := newReporters(&o, colorOn)
	if err != nil {
		return usageError(stderr, "--format: %v", err)
	}
	if o.fix && o.diff {
		return usageError(stderr, "--fix and --diff do not go together: --diff shows what --fix would write")
	}
	if o.newFromRev != "" && o.newFromPatch != "" {
		return usageError(stderr, "--new-from-rev and --new-from-patch do not go together")
	}
	if (o.newFromRev != "" || o.newFromPatch != "") && (o.fix || o.diff) {
		return usageError(stderr, "--new-from-rev and --new-from-patch limit the report; --fix and --diff work on whole files: run them separately")
	}

	inputs, errs, cfgErrs := discover(paths, o.stdinName, stdin, finder)
	if len(cfgErrs) > 0 {
		// Nothing is linted with a half-read configuration.
		return configErrors(stderr, cfgErrs)
	}
	cfg, err := projectConfig(finder, inputs, o.stdinName)
	if err != nil {
		return configErrors(stderr, []error{err})
	}
	var files []engine.File
	stdinAt := -1
	for _, in := range inputs {
		if in.stdin {
			stdinAt = len(files)
		}
		files = append(files, engine.File{Path: in.path, Src: in.src, Config: in.config})
	}
	run := &report.Run{Errors: errs, Unsafe: o.unsafe}
	var outcome *fixer.Outcome
	if o.fix || o.diff {
		outcome = fixer.FixAll(files, cfg, o.unsafe)
		run.Results = outcome.Results
		for _, p := range outcome.Problems {
			fmt.Fprintln(stderr, "listlint:", p)
		}
	} else {
		run.Results = engine.Lint(files, cfg)
	}
	// Parse errors become file errors; the file is then left alone.
	kept := run.Results[:0]
	for _, r := range run.Results {
		if r.Err != nil {
			fe := report.FileError{Path: r.Path, Err: r.Err.Error()}
			var pe *mdsrc.ParseError
			if errors.As(r.Err, &pe) {
				fe.Line, fe.Err = pe.Line, pe.Msg
			}
			run.Errors = append(run.Errors, fe)
			continue
		}
		kept = append(kept, r)
	}
	run.Results = kept
	if o.newFromRev != "" || o.newFromPatch != "" {
		// Every rule saw every file; only the report is limited to the changed lines.
		if err := keepChanged(run, o.newFromRev, o.newFromPatch); err != nil {
			fmt.Fprintf(stderr, "listlint: %v\n", err)
			return ExitError
		}
	}
	for _, e := range run.Errors {
		if e.Line > 0 {
			fmt.Fprintf(stderr, "listlint: %s:%d: %s\n", e.Path, e.Line, e.Err)
		} else {
			fmt.Fprintf(stderr, "listlint: %s: %s\n", e.Path, e.Err)
		}
	}

	status = ExitClean
	if o.diff {
		n := 0
		for i, f := range outcome.Files {
			if outcome.Changed(i, files) {
				n++
				name := diffName(f.Path)
				fmt.Fprint(stdout, fixer.UnifiedDiff(name, name, files[i].Src, f.Src))
			}
		}
		if n > 0 {
			fmt.Fprintf(stderr, "listlint: %d %s would be changed by --fix\n", n, pluralWord(n, "file"))
			status = ExitProblems
		}
		// Errors that --fix cannot repair still fail the run, as they would without --diff.
		if left := remainingErrors(run); left > 0 {
			them := "them"
			if left == 1 {
				them = "it"
			}
			fmt.Fprintf(stderr, "listlint: %d %s would remain after --fix; run without --diff to see %s\n",
				left, pluralWord(left, "problem"), them)
			status = ExitProblems
		}
		return worst(status, run)
	}
	out := stdout
	if o.fix {
		for i, f := range outcome.Files {
			if !outcome.Changed(i, files) {
				continue
			}
			if i != stdinAt {
				if err := fixer.WriteFileAtomic(f.Path, f.Src); err != nil {
					// The file keeps its problems: report it as an error, not as fixed.
					fe := report.FileError{Path: f.Path, Err: "cannot write the fixes: " + describe(err)}
					fmt.Fprintf(stderr, "listlint: %s: %s\n", fe.Path, fe.Err)
					run.Errors = append(run.Errors, fe)
					run.Results = slices.DeleteFunc(run.Results, func(r *engine.Result) bool { return r.Path == f.Path })
					status = ExitError
					continue
				}
			}
			run.Fixed += outcome.Fixed[i]
		}
		if stdinAt >= 0 {
			// listlint is the formatter here: the fixed text goes to stdout, the report aside.
			if _, err := stdout.Write(outcome.Files[stdinAt].Src); err != nil {
				fmt.Fprintf(stderr, "listlint: writing standard output: %v\n", err)
				return ExitError
			}
			out = stderr
		}
	}
	if err := writeReports(reps, &o, out, stderr, run); err != nil {
		fmt.Fprintf(stderr, "listlint: %v\n", err)
		return ExitError
	}
	if remainingErrors(run) > 0 {
		status = max(status, ExitProblems)
	}
	return worst(status, run)
}

// remainingErrors counts the error-severity diagnostics of a run.
func remainingErrors(run *report.Run) int {
	n := 0
	for _, r := range run.Results {
		for _, d := range r.Diags {
			if d.Severity == rules.Error {
				n++
			}
		}
	}
	return n
}

// diffName is the path a diff header shows for a file: slash-separated, cleaned, and
// relative to the current folder when the file is under it, as git writes paths ("a/./x"
// or "a//abs/x" make git apply refuse the patch).
func diffName(p string) string {
	p = filepath.Clean(p)
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(rel) {
				p = rel
			}
		}
	}
	return strings.TrimLeft(filepath.ToSlash(p), "/")
}

func worst(status int, run *report.Run) int {
	if len(run.Errors) > 0 {
		return ExitError
	}
	return status
}

func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "listlint: "+format+"\n", args...)
	fmt.Fprintln(stderr, "Run 'listlint --help' for usage.")
	return ExitError
}

// newFinder sets up configuration discovery from the flags: --config, --no-config, and
// --enable/--disable on top of whatever configuration applies. A nil Finder means a usage
// error, already reported, with the status to return.
func newFinder(o *options, stderr io.Writer) (*config.Finder, int) {
	// Check the rule names once, up front, so that a typo is a usage error.
	probe := engine.DefaultConfig()
	if err := toggle(probe, o.enable, rules.Warning); err != nil {
		return nil, usageError(stderr, "--enable: %v", err)
	}
	if err := toggle(probe, o.disable, rules.Off); err != nil {
		return nil, usageError(stderr, "--disable: %v", err)
	}
	finder := config.NewFinder()
	enable, disable := o.enable, o.disable
	finder.Adjust = func(c *engine.Config) {
		_ = toggle(c, enable, rules.Warning) // names checked above
		_ = toggle(c, disable, rules.Off)
	}
	switch {
	case o.noConfig && o.configFile != "":
		return nil, usageError(stderr, "--config and --no-config do not go together")
	case o.noConfig:
		finder.UseNone()
	case o.configFile != "":
		if err := finder.UseFile(o.configFile); err != nil {
			return nil, configErrors(stderr, []error{err})
		}
	}
	return finder, ExitClean
}

// configErrors prints configuration errors, one a line, and returns the exit status.
func configErrors(stderr io.Writer, errs []error) int {
	seen := map[string]bool{}
	for _, err := range errs {
		for _, line := range strings.Split(err.Error(), "\n") {
			if !seen[line] {
				seen[line] = true
				fmt.Fprintln(stderr, "listlint:", line)
			}
		}
	}
	return ExitError
}

// projectConfig is the configuration of the cross-file pass (duplicate URLs across files),
// which sees all inputs at once: the one that applies in the folder holding every input.
// When all inputs share a configuration file, that is the file.
func projectConfig(finder *config.Finder, inputs []input, stdinName string) (*engine.Config, error) {
	var dirs []string
	for _, in := range inputs {
		p := in.path
		if in.stdin {
			p = stdinName
			if p == "" {
				p = "-"
			}
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		dirs = append(dirs, filepath.Dir(abs))
	}
	dir := commonDir(dirs)
	if dir == "" {
		dir = "."
	}
	return finder.Base(dir)
}

// commonDir is the deepest folder that holds every one of dirs (absolute, cleaned).
func commonDir(dirs []string) string {
	if len(dirs) == 0 {
		return ""
	}
	common := dirs[0]
	for _, d := range dirs[1:] {
		for !within(d, common) {
			parent := filepath.Dir(common)
			if parent == common {
				break
			}
			common = parent
		}
	}
	return common
}

// within reports whether folder d is dir or inside it.
func within(d, dir string) bool {
	rel, err := filepath.Rel(dir, d)
	return err == nil && filepath.IsLocal(rel)
}

// toggle sets the severity of a comma-separated list of rules; turning a rule on keeps its
// default severity when it has one.
func toggle(cfg *engine.Config, list string, sev rules.Severity) error {
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		r := rules.Lookup(name)
		if r == nil {
			return unknownRule(name)
		}
		rc := cfg.Rules[r.ID]
		switch {
		case sev == rules.Off:
			rc.Severity = rules.Off
		case r.Default != rules.Off:
			rc.Severity = r.Default
		default:
			rc.Severity = rules.Error
		}
		cfg.Rules[r.ID] = rc
	}
	return nil
}

func unknownRule(name string) error {
	var ids []string
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	if s := config.Suggest(name, ids); s != "" {
		return fmt.Errorf("unknown rule %q; did you mean %q?", name, s)
	}
	return fmt.Errorf("unknown rule %q (rules: %s)", name, strings.Join(ids, ", "))
}

func colorMode(mode string, out io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		if _, ok := os.LookupEnv("NO_COLOR"); ok {
			return false, nil
		}
		f, ok := out.(*os.File)
		if !ok {
			return false, nil
		}
		st, err := f.Stat()
		return err == nil && st.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb", nil
	}
	return false, fmt.Errorf("unknown mode %q (want auto, always or never)", mode)
}

// version, when set at build time (go build -ldflags "-X github.com/listlint/listlint/cli.version=v1.2.0"),
// is the version listlint reports: the GitHub Action builds from a checkout without .git and
// stamps the action's ref this way.
var version string

// Version is the version stamped at build time, else the module version the binary was
// built from, or "dev" with the VCS revision.
func Version() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "dev (" + rev + ")"
}

type input struct {
	path   string
	src    []byte
	stdin  bool
	config *engine.Config
}

// markdownExt are the file endings a folder walk picks up.
var markdownExt = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".mkd": true}

var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true}

// discover expands paths into inputs, each with the configuration that applies to it. A
// file named on the command line is read whatever its name; a folder contributes its
// Markdown files. Files matching an ignore: glob of their configuration are skipped, named
// or walked. cfgErrs are configuration files that could not be read or are invalid.
func discover(paths []string, stdinName string, stdin io.Reader, finder *config.Finder) (ins []input, errs []report.FileError, cfgErrs []error) {
	seen := map[string]bool{}
	seenCfgErr := map[string]bool{}
	// configFor returns the configuration of p, or ok=false when p is ignored or its
	// configuration is broken (reported once per configuration file).
	configFor := func(p string) (*engine.Config, bool) {
		a, err := finder.For(p)
		if err != nil {
			if !seenCfgErr[err.Error()] {
				seenCfgErr[err.Error()] = true
				cfgErrs = append(cfgErrs, err)
			}
			return nil, false
		}
		return a.Config, !a.Ignored
	}
	add := func(p string) {
		key := p
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		if seen[key] {
			return
		}
		seen[key] = true
		cfg, ok := configFor(p)
		if !ok {
			return
		}
		src, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, report.FileError{Path: p, Err: describe(err)})
			return
		}
		ins = append(ins, input{path: p, src: src, config: cfg})
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		if p == "-" {
			// Standard input can be read once; "-" given again is the same input.
			if seen["-"] {
				continue
			}
			seen["-"] = true
			name := stdinName
			if name == "" {
				name = "<stdin>"
			}
			// Standard input follows the configuration at the name it is given (or of the
			// current folder); it is never ignored, since an editor piped it on purpose.
			at := stdinName
			if at == "" {
				at = "-"
			}
			a, err := finder.For(at)
			if err != nil {
				cfgErrs = append(cfgErrs, err)
				continue
			}
			src, err := io.ReadAll(stdin)
			if err != nil {
				errs = append(errs, report.FileError{Path: name, Err: describe(err)})
				continue
			}
			ins = append(ins, input{path: name, src: src, stdin: true, config: a.Config})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, report.FileError{Path: p, Err: describe(err)})
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		var found []string
		werr := filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, report.FileError{Path: q, Err: describe(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if q != p && skipDirs[d.Name()] {
					return fs.SkipDir
				}
				return nil
			}
			if markdownExt[strings.ToLower(filepath.Ext(q))] && d.Type()&fs.ModeType == 0 || markdownExt[strings.ToLower(filepath.Ext(q))] && d.Type()&fs.ModeSymlink != 0 {
				found = append(found, q)
			}
			return nil
		})
		if werr != nil {
			errs = append(errs, report.FileError{Path: p, Err: describe(werr)})
		}
		if len(found) == 0 && werr == nil {
			errs = append(errs, report.FileError{Path: p, Err: "no Markdown files (*.md, *.markdown) in this folder"})
		}
		sort.Strings(found)
		for _, q := range found {
			if p == "." {
				q = strings.TrimPrefix(q, "./")
			}
			add(q)
		}
	}
	return ins, errs, cfgErrs
}

// describe turns an OS error into words that name the problem without repeating the path.
func describe(err error) string { return oserror.Describe(err) }

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}
