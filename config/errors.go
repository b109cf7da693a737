package config

import (
	"fmt"
	"strings"
)

// Error is one problem in a configuration file, at a 1-based line and column.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Path + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// Errors is every problem found in a configuration, in the order the files were read. A
// configuration with any error is not used at all: nothing is linted with a half-read
// config.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// errOrNil returns es as an error, or nil when it is empty (a nil Errors in an error
// interface is not nil).
func (es Errors) errOrNil() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
