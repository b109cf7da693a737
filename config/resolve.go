package config

import "github.com/listlint/listlint/engine"

// Chain returns f and the files it extends, the deepest base first: the order in which
// their settings apply.
func (f *File) Chain() []*File {
	var out []*File
	for g := f; g != nil; g = g.Extends {
		out = append([]*File{g}, out...)
	}
	return out
}

// PresetName is the preset in force: the one named nearest to f along extends, or
// "default".
func (f *File) PresetName() string {
	for g := f; g != nil; g = g.Extends {
		if g.Preset != "" {
			return g.Preset
		}
	}
	return "default"
}

// AllOverrides are the overrides of the whole chain in the order they apply: a base's
// before those of the files that extend it, each file's in the order written.
func (f *File) AllOverrides() []*Override {
	var out []*Override
	for _, g := range f.Chain() {
		for i := range g.Overrides {
			out = append(out, &g.Overrides[i])
		}
	}
	return out
}

// Ignored reports whether a path, slash-separated and relative to f's folder, matches an
// ignore: glob of f or of a file it extends. Globs of an extended file are matched against
// the same path: a shared base names paths of the project that uses it.
func (f *File) Ignored(rel string) bool {
	for _, g := range f.Chain() {
		for _, pat := range g.Ignore {
			if matchGlob(pat, rel) {
				return true
			}
		}
	}
	return false
}

// Matches reports whether the override applies to rel.
func (o *Override) Matches(rel string) bool {
	for _, pat := range o.Files {
		if matchGlob(pat, rel) {
			return true
		}
	}
	return false
}

// Resolve builds the configuration for rel (relative to f's folder, slash-separated): the
// preset, then the rules of each file from the deepest base to f, then every matching
// override in order. It returns the overrides that applied. A nil f is the default preset.
func (f *File) Resolve(rel string) (*engine.Config, []*Override) {
	var matched []*Override
	if f != nil {
		for _, o := range f.AllOverrides() {
			if o.Matches(rel) {
				matched = append(matched, o)
			}
		}
	}
	return f.build(matched), matched
}

// build applies the chain's rules and the given overrides on a fresh preset configuration.
func (f *File) build(overrides []*Override) *engine.Config {
	if f == nil {
		cfg, _ := presetConfig("default")
		return cfg
	}
	cfg, _ := presetConfig(f.PresetName())
	for _, g := range f.Chain() {
		applySettings(cfg, g.Rules)
	}
	for _, o := range overrides {
		applySettings(cfg, o.Rules)
	}
	return cfg
}

// applySettings sets severities and decodes options onto cfg's option structs. The
// settings were validated when the file was read, so decoding cannot fail here.
func applySettings(cfg *engine.Config, settings []Setting) {
	for _, s := range settings {
		rc := cfg.Rules[s.Rule.ID]
		if s.Severity != nil {
			rc.Severity = *s.Severity
		}
		if s.options != nil && rc.Options != nil {
			var errs Errors
			(&checker{errs: &errs}).decodeOptions(s.Rule, s.options, rc.Options)
		}
		cfg.Rules[s.Rule.ID] = rc
	}
}
