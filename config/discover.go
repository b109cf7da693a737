package config

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/listlint/listlint/engine"
	"github.com/listlint/listlint/internal/worktree"
)

// Finder finds the configuration of each linted file. It looks upward from the file's
// folder for .listlint.yml (or .listlint.yaml), stopping after the repository root (a
// folder with .git) or the filesystem root, and remembers the answer for every folder it
// passed: a wiki of 1,000 files in 150 folders is searched once per folder, and each
// configuration file is read once.
type Finder struct {
	explicit *File // --config
	none     bool  // --no-config
	dirs     map[string]dirResult
	configs  map[configKey]*engine.Config
	// Adjust, when set, changes every configuration the Finder builds, once: the CLI's
	// --enable and --disable, which apply on top of any configuration file.
	Adjust func(*engine.Config)
}

type dirResult struct {
	file *File
	err  error
}

// configKey identifies an effective configuration: a file (nil: none) and the overrides
// that matched, as their addresses.
type configKey struct {
	file      *File
	overrides string
}

// NewFinder returns a Finder that searches for configuration files.
func NewFinder() *Finder {
	return &Finder{dirs: map[string]dirResult{}, configs: map[configKey]*engine.Config{}}
}

// UseFile makes every path use the configuration file at path (--config FILE); its globs
// are relative to its own folder.
func (fd *Finder) UseFile(path string) error {
	f, err := Load(path)
	if err != nil {
		return err
	}
	fd.explicit = f
	return nil
}

// UseNone makes every path use the default preset (--no-config).
func (fd *Finder) UseNone() { fd.none = true }

// Applied is the configuration that applies to one path.
type Applied struct {
	// File is the configuration file, nil when none applies (the default preset).
	File *File
	// Rel is the path relative to File's folder, slash-separated, as globs see it.
	Rel    string
	Config *engine.Config
	// Overrides are the overrides that matched, in the order they applied.
	Overrides []*Override
	// Ignored is true when an ignore: glob matches the path.
	Ignored bool
}

// fileIn returns the configuration file that applies in the folder dir (absolute).
func (fd *Finder) fileIn(dir string) (*File, error) {
	switch {
	case fd.none:
		return nil, nil
	case fd.explicit != nil:
		return fd.explicit, nil
	}
	return fd.find(dir)
}

// Base returns the configuration that applies in the folder dir, without overrides: what
// the cross-file pass, which sees every file at once, runs with.
func (fd *Finder) Base(dir string) (*engine.Config, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	f, err := fd.fileIn(abs)
	if err != nil {
		return nil, err
	}
	return fd.config(f, nil), nil
}

// For returns the configuration for path, a file that need not exist. The error is the
// configuration file's Errors, or a problem reading a folder on the way up.
func (fd *Finder) For(path string) (*Applied, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	f, err := fd.fileIn(filepath.Dir(abs))
	if err != nil {
		return nil, err
	}
	a := &Applied{File: f}
	if f != nil {
		rel, err := filepath.Rel(f.Dir, abs)
		if err != nil {
			rel = abs
		}
		a.Rel = filepath.ToSlash(rel)
		a.Ignored = f.Ignored(a.Rel)
		for _, o := range f.AllOverrides() {
			if o.Matches(a.Rel) {
				a.Overrides = append(a.Overrides, o)
			}
		}
	}
	a.Config = fd.config(f, a.Overrides)
	return a, nil
}

// config builds (once) the configuration of f with the given overrides applied.
func (fd *Finder) config(f *File, overrides []*Override) *engine.Config {
	key := configKey{file: f}
	var sig strings.Builder
	for _, o := range overrides {
		sig.WriteString(o.Path + ":" + strconv.Itoa(o.Line) + ";")
	}
	key.overrides = sig.String()
	cfg := fd.configs[key]
	if cfg == nil {
		cfg = f.build(overrides)
		if fd.Adjust != nil {
			fd.Adjust(cfg)
		}
		fd.configs[key] = cfg
	}
	return cfg
}

// find returns the configuration file that applies in dir, searching upward.
func (fd *Finder) find(dir string) (*File, error) {
	if r, ok := fd.dirs[dir]; ok {
		return r.file, r.err
	}
	var r dirResult
	name, err := configIn(dir)
	switch {
	case err != nil:
		r.err = err
	case name != "":
		r.file, r.err = Load(name)
	default:
		parent := filepath.Dir(dir)
		if parent != dir && !worktree.IsTop(dir) {
			r.file, r.err = fd.find(parent)
		}
	}
	fd.dirs[dir] = r
	return r.file, r.err
}

// configIn returns the configuration file in dir, or "". Both names in one folder is an
// error: which one counts would be a guess.
func configIn(dir string) (string, error) {
	var found []string
	for _, n := range []string{FileName, AltFileName} {
		p := filepath.Join(dir, n)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", Errors{{Path: displayPath(found[1]), Msg: "both " + FileName + " and " + AltFileName + " are in this folder; keep one"}}
}
