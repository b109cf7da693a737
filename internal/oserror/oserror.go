// Package oserror words the errors of file operations for listlint's messages, which name
// the path themselves.
package oserror

import (
	"errors"
	"io/fs"
)

// Describe turns an OS error into words that name the problem without repeating the path.
func Describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
