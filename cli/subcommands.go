package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/listlint/listlint/config"
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
