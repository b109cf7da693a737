package fixer

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dirEntries lists the names in dir, to spot leftover temporary files.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileAtomicKeepsMode(t *testing.T) {
	for _, mode := range []fs.FileMode{0o600, 0o755, 0o644, 0o640} {
		t.Run(mode.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "list.md")
			if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, mode); err != nil {
				t.Fatal(err)
			}
			if err := WriteFileAtomic(path, []byte("new\n")); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != mode {
				t.Errorf("mode = %v, want %v", fi.Mode().Perm(), mode)
			}
			checkFile(t, "WriteFileAtomic", path, "new\n")
			if names := dirEntries(t, dir); !slices.Equal(names, []string{"list.md"}) {
				t.Errorf("folder holds %v, want only list.md", names)
			}
		})
	}
}

func TestWriteFileAtomicNewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.md")
	if err := WriteFileAtomic(path, []byte("- a\n")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", fi.Mode().Perm())
	}
	checkFile(t, "WriteFileAtomic", path, "- a\n")
}

func TestWriteFileAtomicReplacesContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "list.md")
	writeFile(t, path, strings.Repeat("a much longer old content\n", 100))
	for _, content := range []string{"short\n", "", "- x\r\n- y\r\n"} {
		if err := WriteFileAtomic(path, []byte(content)); err != nil {
			t.Fatal(err)
		}
		checkFile(t, "WriteFileAtomic", path, content)
	}
	if names := dirEntries(t, dir); !slices.Equal(names, []string{"list.md"}) {
		t.Errorf("folder holds %v, want only list.md", names)
	}
}

func TestWriteFileAtomicRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "list.md", "old\n")
	if err := WriteFileAtomic("list.md", []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	checkFile(t, "WriteFileAtomic", filepath.Join(dir, "list.md"), "new\n")
}

func TestWriteFileAtomicThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	realDir := filepath.Join(dir, "real")
	target := filepath.Join(realDir, "list.md")
	writeFile(t, target, "old\n")
	if err := os.Chmod(target, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(filepath.Join("real", "list.md"), link); err != nil {
		t.Skipf("cannot create symlinks: %v", err)
	}

	if err := WriteFileAtomic(link, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(link)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("%s is no longer a symlink (mode %v)", link, fi.Mode())
	}
	checkFile(t, "WriteFileAtomic", target, "new\n")
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("target mode = %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	if names := dirEntries(t, dir); !slices.Equal(names, []string{"link.md", "real"}) {
		t.Errorf("link folder holds %v", names)
	}
	if names := dirEntries(t, realDir); !slices.Equal(names, []string{"list.md"}) {
		t.Errorf("target folder holds %v", names)
	}
}

func TestWriteFileAtomicDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink("missing.md", link); err != nil {
		t.Skipf("cannot create symlinks: %v", err)
	}
	err := WriteFileAtomic(link, []byte("new\n"))
	if err == nil || !strings.Contains(err.Error(), link) {
		t.Fatalf("err = %v, want an error naming %s", err, link)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link changed: %v, %v", fi, err)
	}
}

func TestWriteFileAtomicMissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "list.md")
	err := WriteFileAtomic(path, []byte("x\n"))
	if err == nil {
		t.Fatal("no error writing into a missing folder")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
}

func TestWriteFileAtomicCleansUpOnFailure(t *testing.T) {
	// Renaming a file over a non-empty folder fails after the temporary
	// file has been written.
	dir := t.TempDir()
	path := filepath.Join(dir, "list.md")
	writeFile(t, filepath.Join(path, "inside.md"), "x\n")
	err := WriteFileAtomic(path, []byte("new\n"))
	if err == nil {
		t.Fatal("no error replacing a folder")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
	if names := dirEntries(t, dir); !slices.Equal(names, []string{"list.md"}) {
		t.Errorf("folder holds %v, want only list.md", names)
	}
}
