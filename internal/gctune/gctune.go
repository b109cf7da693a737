// Package gctune holds the garbage collector settings of the listlint command, so that the
// benchmarks that compare it with goldmark can run both under them.
//
// A lint run keeps about 12 bytes of parse tree per byte of the file being checked (a 20 MB
// list: 250 MB), allocates more around it, and exits. The heap may grow to MemoryLimit, or to
// HeapPerInput times the size of the input when that is more: below that, the garbage
// collector runs at GCPercent; a fixed limit under the live heap would make it run without
// pause.
package gctune

import "runtime/debug"

// The settings: the GC percent, the smallest memory limit, and the limit per input byte.
const (
	GCPercent    = 400
	MemoryLimit  = 480 << 20
	HeapPerInput = 24
)

// Limit is the memory limit for a run that reads input bytes.
func Limit(input int64) int64 { return max(MemoryLimit, HeapPerInput*input) }

// Set applies the command's settings for a run that reads input bytes and returns a
// function that restores the previous ones.
func Set(input int64) (restore func()) {
	percent := debug.SetGCPercent(GCPercent)
	limit := debug.SetMemoryLimit(Limit(input))
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
