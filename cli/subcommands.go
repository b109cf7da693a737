package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/listlint/listlint/config"
	"github.com/listlint/listlint/engine"
)

// subcommandFlags is a flag set for a subcommand, with its usage line.
func subcommandFlags(name, usageLine string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("listlint "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\nFlags:\n", usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// runConfig is "listlint config PATH": the configuration that applies to PATH after
// presets, extends, overrides and --enable/--disable, as a configuration file.
func runConfig(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := subcommandFlags("config", "listlint config [--config FILE | --no-config] [--enable RULES] [--disable RULES] PATH", stderr)
	fs.StringVar(&o.configFile, "config", "", "use this configuration file instead of searching for .listlint.yml")
	fs.BoolVar(&o.noConfig, "no-config", false, "use no configuration file (the default preset)")
	fs.StringVar(&o.enable, "enable", "", "comma-separated rules to turn on")
	fs.StringVar(&o.disable, "disable", "", "comma-separated rules to turn off")
	paths, err := parseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitError
	}
	if len(paths) != 1 {
		return usageError(stderr, "config: name one path (a file, or a folder for the files in it)")
	}
	finder, status := newFinder(&o, stderr)
	if finder == nil {
		return status
	}
	path := paths[0]
	a, err := finder.For(configProbe(path))
	if err != nil {
		return configErrors(stderr, []error{err})
	}
	out, err := config.Effective(a.Config)
	if err != nil {
		fmt.Fprintln(stderr, "listlint:", err)
		return ExitError
	}
	fmt.Fprint(stdout, config.Explain(path, a))
	if _, err := stdout.Write(out); err != nil {
		return ExitError
	}
	return ExitClean
}

// configProbe is the path whose configuration "listlint config PATH" shows: PATH itself,
// or for a folder, a file in it (the configuration of the folder's own files).
func configProbe(path string) string {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return filepath.Join(path, "_")
	}
	return path
}

// runInit is "listlint init [--force] [FOLDER]": infer a configuration from the lists in
// FOLDER (the current one by default) and write it to FOLDER/.listlint.yml, printing what
// was inferred and how many items agreed.
func runInit(args []string, stdout, stderr io.Writer) int {
	fs := subcommandFlags("init", "listlint init [--force] [folder]", stderr)
	force := fs.Bool("force", false, "overwrite an existing configuration file")
	paths, err := parseArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitError
	}
	if len(paths) > 1 {
		return usageError(stderr, "init: name at most one folder")
	}
	dir := "."
	if len(paths) == 1 {
		dir = paths[0]
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usageError(stderr, "init: %s is not a folder", dir)
	}
	target := filepath.Join(dir, config.FileName)
	for _, name := range []string{config.FileName, config.AltFileName} {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			if !*force {
				fmt.Fprintf(stderr, "listlint: %s already exists; run listlint init --force to overwrite it\n", p)
				return ExitError
			}
			target = p // overwrite the file that is there, not a second one beside it
		}
	}
	finder := config.NewFinder()
	finder.UseNone()
	inputs, errs, _ := discover([]string{dir}, "", nil, finder)
	for _, e := range errs {
		fmt.Fprintf(stderr, "listlint: %s: %s\n", e.Path, e.Err)
	}
	if len(inputs) == 0 {
		return ExitError
	}
	files := make([]engine.File, len(inputs))
	for i, in := range inputs {
		files[i] = engine.File{Path: in.path, Src: in.src}
	}
	inf, err := config.InferIn(dir, files)
	if err != nil {
		fmt.Fprintf(stderr, "listlint: init: %v\n", err)
		return ExitError
	}
	entries := "entries"
	if inf.Entries == 1 {
		entries = "entry"
	}
	fmt.Fprintf(stdout, "Read %d Markdown %s with %d %s:\n", inf.Files, pluralWord(inf.Files, "file"), inf.Entries, entries)
	for _, f := range inf.Findings {
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	if err := os.WriteFile(target, inf.YAML, 0o644); err != nil {
		fmt.Fprintf(stderr, "listlint: cannot write %s: %s\n", target, describe(err))
		return ExitError
	}
	fmt.Fprintf(stdout, "Wrote %s (preset %s). See what applies to a file with: listlint config FILE\n", target, inf.Preset)
	return ExitClean
}
