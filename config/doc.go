// Package config reads listlint's configuration: it finds the .listlint.yml that applies to
// each linted file (searching upward, stopping at the repository root), resolves presets,
// extends and per-path overrides into an engine.Config, validates every key strictly with
// errors that name the file, line and column, generates the JSON Schema that editors use
// for completion, and infers a starting configuration from existing lists (listlint init).
package config
