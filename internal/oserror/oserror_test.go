package oserror

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDescribe(t *testing.T) {
	dir := t.TempDir()
	_, err := os.ReadFile(filepath.Join(dir, "missing.md"))
	if got := Describe(err); got != "no such file or folder" {
		t.Errorf("missing file: %q", got)
	}
	_, err = os.ReadFile(dir) // a folder
	if got := Describe(err); got != "is a directory" {
		t.Errorf("folder: %q", got)
	}
}
