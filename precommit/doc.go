// Package precommit holds the tests of listlint's pre-commit hooks (.pre-commit-hooks.yaml at
// the repository root), run with the real pre-commit against a snapshot of the working tree.
// See docs/pre-commit.md.
package precommit
