// Package fixer turns the fixes that rules propose into changed files: it
// applies non-conflicting fixes to a file's bytes, renders the change as a
// unified diff that git apply and patch accept (for --diff style output), and
// replaces files on disk atomically so an interrupted run never leaves a
// half-written Markdown file behind.
package fixer

import (
	"cmp"
	"slices"

	"github.com/listlint/listlint/rules"
)

// Apply applies as many fixes to src as it can without conflicts and returns
// the new content and the indexes (ascending, into fixes) of the fixes it
// applied.
//
// A fix is atomic: all of its edits apply or none do, unless it is Separable:
// then each edit is a fix of its own. Fixes are considered in order of their
// earliest edit's start, ties keeping input order except that a separable
// fix's edits come after the whole fixes starting there, and a fix is accepted
// only if none of its edits overlaps an edit of an already accepted fix. Insertions conflict with an insertion at the same offset, whose order
// would be ambiguous, and with a replacement that contains their offset. An
// insertion at either end of a replacement goes outside it: before the new
// text at its start, after it at its end. A nil fix, a fix without
// edits, one with an edit out of bounds or with Start > End, and one whose
// own edits overlap are rejected.
//
// When no fix applies, out is src itself.
func Apply(src []byte, fixes []*rules.Fix) (out []byte, applied []int) {
	type candidate struct {
		index     int
		edits     []rules.Edit // sorted by (Start, End)
		separable bool
	}
	var cands []candidate
	var points []int
	for i, f := range fixes {
		if f == nil || len(f.Edits) == 0 {
			continue
		}
		edits := slices.Clone(f.Edits)
		slices.SortFunc(edits, func(a, b rules.Edit) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		if !wellFormed(edits, len(src)) {
			continue
		}
		if f.Separable {
			for k := range edits {
				cands = append(cands, candidate{i, edits[k : k+1], true})
			}
		} else {
			cands = append(cands, candidate{i, edits, false})
		}
		for _, e := range edits {
			points = append(points, e.Start, e.End)
		}
	}
	if len(cands) == 0 {
		return src, nil
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if c := cmp.Compare(a.edits[0].Start, b.edits[0].Start); c != 0 {
			return c
		}
		switch {
		case a.separable && !b.separable:
			return 1
		case b.separable && !a.separable:
			return -1
		}
		return 0
	})

	occ := newOccupancy(points)
	var accepted []rules.Edit
	for _, c := range cands {
		if !slices.ContainsFunc(c.edits, occ.conflicts) {
			for _, e := range c.edits {
				occ.take(e)
			}
			accepted = append(accepted, c.edits...)
			applied = append(applied, c.index)
		}
	}
	if len(applied) == 0 {
		return src, nil
	}
	slices.Sort(applied)
	applied = slices.Compact(applied) // a separable fix's edits share its index
	// Accepted edits are pairwise disjoint; an insertion and a replacement may share a
	// start, and the insertion goes first.
	slices.SortFunc(accepted, func(a, b rules.Edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})

	size := len(src)
	for _, e := range accepted {
		size += len(e.New) - (e.End - e.Start)
	}
	out = make([]byte, 0, size)
	pos := 0
	for _, e := range accepted {
		out = append(out, src[pos:e.Start]...)
		out = append(out, e.New...)
		pos = e.End
	}
	return append(out, src[pos:]...), applied
}

// wellFormed reports whether sorted edits are all within [0, n] and do not
// overlap each other. Checking neighbours suffices: if no neighbours conflict,
// each edit ends at or before the next one starts.
func wellFormed(edits []rules.Edit, n int) bool {
	for i, e := range edits {
		if e.Start < 0 || e.Start > e.End || e.End > n {
			return false
		}
		if i > 0 && overlaps(edits[i-1], e) {
			return false
		}
	}
	return true
}

// overlaps reports whether two edits conflict: their ranges share a byte, both
// insert at the same offset, or one inserts strictly inside the other's range.
func overlaps(a, b rules.Edit) bool {
	switch {
	case a.Start == a.End && b.Start == b.End:
		return a.Start == b.Start
	case a.Start == a.End:
		return b.Start < a.Start && a.Start < b.End
	case b.Start == b.End:
		return a.Start < b.Start && b.Start < a.End
	}
	return a.Start < b.End && b.Start < a.End
}

// occupancy records the accepted edits so that a conflict check costs
// O(log n) however the accepted edits are spread over the file.
//
// Offsets are compressed to the sorted distinct edit endpoints xs. Cell 2i
// stands for the offset xs[i] and cell 2i+1 for the bytes strictly between
// xs[i] and xs[i+1]. A replacement [xs[i], xs[j]) occupies cells 2i+1 to
// 2j-1 (its bytes and the offsets strictly inside it); an insertion at xs[i]
// occupies cell 2i. An edit conflicts with anything occupying one of its cells.
type occupancy struct {
	xs    []int
	cells segments
}

func newOccupancy(points []int) *occupancy {
	slices.Sort(points)
	xs := slices.Compact(points)
	return &occupancy{
		xs:    xs,
		cells: newSegments(2*len(xs) - 1),
	}
}

func (o *occupancy) index(offset int) int {
	i, _ := slices.BinarySearch(o.xs, offset)
	return i
}

// cellsOf returns the range of cells e occupies.
func (o *occupancy) cellsOf(e rules.Edit) (l, r int) {
	i, j := o.index(e.Start), o.index(e.End)
	if i == j {
		return 2 * i, 2 * i
	}
	return 2*i + 1, 2*j - 1
}

func (o *occupancy) conflicts(e rules.Edit) bool { return o.cells.any(o.cellsOf(e)) }

func (o *occupancy) take(e rules.Edit) { o.cells.set(o.cellsOf(e)) }

// segments is a segment tree over n cells supporting "mark a range" and "is
// any cell in a range marked", both in O(log n).
type segments struct {
	n        int
	some     []bool // some cell below the node is marked
	complete []bool // every cell below the node is marked
}

func newSegments(n int) segments {
	return segments{n: n, some: make([]bool, 4*n), complete: make([]bool, 4*n)}
}

func (s *segments) set(l, r int) { s.setNode(1, 0, s.n-1, l, r) }

func (s *segments) setNode(node, lo, hi, l, r int) {
	if r < lo || hi < l {
		return
	}
	s.some[node] = true
	if l <= lo && hi <= r {
		s.complete[node] = true
		return
	}
	mid := (lo + hi) / 2
	s.setNode(2*node, lo, mid, l, r)
	s.setNode(2*node+1, mid+1, hi, l, r)
}

func (s *segments) any(l, r int) bool { return s.anyNode(1, 0, s.n-1, l, r) }

func (s *segments) anyNode(node, lo, hi, l, r int) bool {
	if r < lo || hi < l || !s.some[node] {
		return false
	}
	if s.complete[node] || (l <= lo && hi <= r) {
		return true
	}
	mid := (lo + hi) / 2
	return s.anyNode(2*node, lo, mid, l, r) || s.anyNode(2*node+1, mid+1, hi, l, r)
}
