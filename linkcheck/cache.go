package linkcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// DefaultCacheFile is the cache file's name when none is given.
const DefaultCacheFile = ".listlint-cache.json"

const cacheVersion = 1

// CacheEntry is one good result kept in the cache.
type CacheEntry struct {
	Status  string    `json:"status"` // "ok" or "moved"
	Code    int       `json:"code,omitempty"`
	Final   string    `json:"final,omitempty"`
	Moved   string    `json:"moved,omitempty"`
	Checked time.Time `json:"checked"`
}

type cacheFile struct {
	Version int                    `json:"version"`
	Entries map[string]*CacheEntry `json:"entries"`
}

// Cache holds good results by URL. Only good results (OK and Moved) go in: a failure is
// checked again next time. It is safe for concurrent use.
type Cache struct {
	path    string
	mu      sync.Mutex
	entries map[string]*CacheEntry
	removed map[string]bool // failures seen since the last Save
	dirty   bool
}

// NewCache returns an empty cache that Save writes to path ("" means a memory-only cache).
func NewCache(path string) *Cache {
	return &Cache{path: path, entries: map[string]*CacheEntry{}, removed: map[string]bool{}}
}

// LoadCache reads the cache at path. A missing file is an empty cache. A file that cannot
// be decoded (truncated, corrupt, another version) is ignored: the cache starts empty and
// warning says why; the file is replaced on Save.
func LoadCache(path string) (c *Cache, warning error) {
	c = NewCache(path)
	entries, err := readCache(path)
	if err != nil {
		return c, err
	}
	c.entries = entries
	return c, nil
}

func readCache(path string) (map[string]*CacheEntry, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]*CacheEntry{}, nil
	}
	if err != nil {
		return map[string]*CacheEntry{}, fmt.Errorf("link cache %s ignored: %w", path, err)
	}
	var f cacheFile
	if err := json.Unmarshal(data, &f); err != nil {
		return map[string]*CacheEntry{}, fmt.Errorf("link cache %s ignored: it is not valid JSON (%w)", path, err)
	}
	if f.Version != cacheVersion {
		return map[string]*CacheEntry{}, fmt.Errorf("link cache %s ignored: version %d, want %d", path, f.Version, cacheVersion)
	}
	out := make(map[string]*CacheEntry, len(f.Entries))
	for u, e := range f.Entries {
		if e != nil && (e.Status == OK.String() || e.Status == Moved.String()) {
			out[u] = e
		}
	}
	return out, nil
}

// Get returns the cached result for rawURL when there is one checked after notBefore.
func (c *Cache) Get(rawURL string, notBefore time.Time) (Result, bool) {
	if c == nil {
		return Result{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.entries[rawURL]
	if e == nil || e.Checked.Before(notBefore) {
		return Result{}, false
	}
	r := Result{URL: rawURL, Status: OK, Code: e.Code, Final: e.Final, Cached: true, Checked: e.Checked}
	if e.Status == Moved.String() && e.Moved != "" {
		r.Status, r.Moved = Moved, e.Moved
		r.Reason = "permanently redirected"
	}
	return r, true
}

// Put records a result: a good one replaces the entry, a failure removes it.
func (c *Cache) Put(r Result) {
	if c == nil || r.Cached {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dirty = true
	if !r.Status.Good() {
		delete(c.entries, r.URL)
		c.removed[r.URL] = true
		return
	}
	delete(c.removed, r.URL)
	c.entries[r.URL] = &CacheEntry{Status: r.Status.String(), Code: r.Code, Final: r.Final, Moved: r.Moved, Checked: r.Checked}
}

// Len is the number of cached results.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// Save writes the cache to its file when it changed. Entries that another run wrote in the
// meantime are kept (the newer of two entries wins), and the file is replaced in one step
// (a temporary file renamed over it), so that concurrent runs never see half a file.
func (c *Cache) Save() error {
	if c == nil || c.path == "" {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.dirty {
		return nil
	}
	merged, _ := readCache(c.path) // a corrupt file is replaced
	for u := range c.removed {
		delete(merged, u)
	}
	for u, e := range c.entries {
		if old := merged[u]; old == nil || !old.Checked.After(e.Checked) {
			merged[u] = e
		}
	}
	data, err := json.MarshalIndent(cacheFile{Version: cacheVersion, Entries: merged}, "", " ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(c.path)
	tmp, err := os.CreateTemp(dir, ".listlint-cache-*.tmp")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(append(data, '\n'))
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), c.path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return werr
	}
	c.entries = merged
	c.removed = map[string]bool{}
	c.dirty = false
	return nil
}
