package rules

import "fmt"

// Severity says how a diagnostic counts toward the exit status.
type Severity int

// The severities, from off to error.
const (
	Off Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads a severity name as written in flags and config files.
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "off":
		return Off, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want off, warning or error)", s)
}

// Edit replaces the bytes [Start, End) of a file with New. Start == End inserts.
type Edit struct {
	Start, End int
	New        string
}

// Fix is a set of edits that apply together or not at all.
type Fix struct {
	Message string
	// Safe fixes are applied by --fix; unsafe ones only with --unsafe-fixes.
	Safe  bool
	Edits []Edit
	// Separable fixes are a set of independent edits (tabs replaced line by line, say): the
	// fixer may apply some of them where others conflict with another fix. Other fixes
	// apply whole or not at all.
	Separable bool
}

// Diagnostic is one problem found by a rule, located by byte offsets into the file.
type Diagnostic struct {
	Rule     string
	Severity Severity
	// Start and End are half-open byte offsets into the file's source.
	Start, End int
	Message    string
	Fix        *Fix
	// Related are other places the problem concerns: the first entry of a duplicate, the
	// heading a table of contents misses. A report limited to changed lines keeps a
	// problem when one of them changed; SARIF shows them as related locations.
	Related []Location
}

// Location is a span in a linted file; Path is empty for the diagnostic's own file.
type Location struct {
	Path       string
	Start, End int
}
