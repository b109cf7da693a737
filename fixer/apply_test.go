package fixer

import (
	"bytes"
	"cmp"
	"slices"
	"testing"

	"github.com/listlint/listlint/rules"
)

func fix(edits ...rules.Edit) *rules.Fix {
	return &rules.Fix{Message: "test", Safe: true, Edits: edits}
}

func sep(edits ...rules.Edit) *rules.Fix {
	return &rules.Fix{Message: "test", Safe: true, Edits: edits, Separable: true}
}

func edit(start, end int, s string) rules.Edit {
	return rules.Edit{Start: start, End: end, New: s}
}

func TestApply(t *testing.T) {
	const src = "0123456789"
	tests := []struct {
		name    string
		fixes   []*rules.Fix
		want    string
		applied []int
	}{
		{"no fixes", nil, src, nil},
		{"one replacement", []*rules.Fix{fix(edit(2, 4, "ab"))}, "01ab456789", []int{0}},
		{"non-overlapping", []*rules.Fix{fix(edit(6, 7, "X")), fix(edit(1, 2, "Y"))}, "0Y2345X789", []int{0, 1}},
		{"adjacent replacements", []*rules.Fix{fix(edit(2, 5, "A")), fix(edit(5, 8, "B"))}, "01AB89", []int{0, 1}},
		{"overlapping second skipped", []*rules.Fix{fix(edit(2, 5, "A")), fix(edit(4, 6, "B"))}, "01A56789", []int{0}},
		{"earlier start wins over input order", []*rules.Fix{fix(edit(4, 6, "B")), fix(edit(2, 5, "A"))}, "01A56789", []int{1}},
		{"tie keeps input order", []*rules.Fix{fix(edit(3, 5, "B")), fix(edit(3, 4, "A"))}, "012B56789", []int{0}},
		{"insertion", []*rules.Fix{fix(edit(3, 3, "++"))}, "012++3456789", []int{0}},
		{"insert at start and end", []*rules.Fix{fix(edit(10, 10, ">")), fix(edit(0, 0, "<"))}, "<0123456789>", []int{0, 1}},
		{"insertions at same offset conflict", []*rules.Fix{fix(edit(3, 3, "a")), fix(edit(3, 3, "b"))}, "012a3456789", []int{0}},
		{"insertion at replacement start goes before it", []*rules.Fix{fix(edit(5, 5, "i")), fix(edit(5, 8, "R"))}, "01234iR89", []int{0, 1}},
		{"insertion at replacement start, replacement first", []*rules.Fix{fix(edit(5, 8, "R")), fix(edit(5, 5, "i"))}, "01234iR89", []int{0, 1}},
		{"deletion and insertion at its start", []*rules.Fix{fix(edit(5, 8, "")), fix(edit(5, 5, "i"))}, "01234i89", []int{0, 1}},
		{"insertions at the same offset conflict", []*rules.Fix{fix(edit(5, 5, "i")), fix(edit(5, 5, "j"))}, "01234i56789", []int{0}},
		{"insertion at replacement end goes after it", []*rules.Fix{fix(edit(5, 8, "R")), fix(edit(8, 8, "i"))}, "01234Ri89", []int{0, 1}},
		{"insertion inside replacement conflicts", []*rules.Fix{fix(edit(2, 8, "R")), fix(edit(5, 5, "i"))}, "01R89", []int{0}},
		{"insertion next to replacement", []*rules.Fix{fix(edit(5, 8, "R")), fix(edit(9, 9, "i"))}, "01234R8i9", []int{0, 1}},
		{"deletion", []*rules.Fix{fix(edit(0, 3, ""))}, "3456789", []int{0}},
		{"deletions", []*rules.Fix{fix(edit(0, 2, "")), fix(edit(8, 10, "")), fix(edit(4, 5, ""))}, "23567", []int{0, 1, 2}},
		{"delete everything", []*rules.Fix{fix(edit(0, 10, ""))}, "", []int{0}},
		{"multi-edit fix", []*rules.Fix{fix(edit(8, 9, "8"), edit(0, 1, "A"), edit(5, 5, "-"))}, "A1234-56789", []int{0}},
		{"multi-edit fix is atomic", []*rules.Fix{
			fix(edit(0, 1, "A"), edit(6, 7, "X")),
			fix(edit(2, 3, "Z"), edit(6, 8, "Y")), // second edit overlaps fix 0
			fix(edit(4, 5, "E")),
		}, "A123E5X789", []int{0, 2}},
		{"later fix blocked by far edit of earlier fix", []*rules.Fix{
			fix(edit(0, 1, "A"), edit(9, 10, "J")),
			fix(edit(8, 10, "Q")),
			fix(edit(4, 5, "E")),
		}, "A123E5678J", []int{0, 2}},
		{"self-overlapping fix rejected", []*rules.Fix{fix(edit(1, 4, "a"), edit(3, 5, "b")), fix(edit(0, 1, "Z"))}, "Z123456789", []int{1}},
		{"self insertion at own boundary", []*rules.Fix{fix(edit(1, 4, "a"), edit(4, 4, "b"))}, "0ab456789", []int{0}},
		{"self insertion inside own replacement rejected", []*rules.Fix{fix(edit(1, 4, "a"), edit(3, 3, "b"))}, src, nil},
		{"out of bounds rejected", []*rules.Fix{fix(edit(8, 11, "x")), fix(edit(0, 1, "A"))}, "A123456789", []int{1}},
		{"negative start rejected", []*rules.Fix{fix(edit(-1, 1, "x"))}, src, nil},
		{"start after end rejected", []*rules.Fix{fix(edit(5, 4, "x"))}, src, nil},
		{"nil and empty fixes rejected", []*rules.Fix{nil, fix(), fix(edit(9, 10, "!"))}, "012345678!", []int{2}},
		{"separable fix applies around a conflict", []*rules.Fix{sep(edit(1, 2, "a"), edit(4, 5, "b"), edit(7, 8, "c")), fix(edit(4, 6, "X"))}, "0a23X6c89", []int{0, 1}},
		{"whole fix first at a separable edit's start", []*rules.Fix{sep(edit(4, 5, "b"), edit(8, 9, "c")), fix(edit(4, 6, "X"))}, "0123X67c9", []int{0, 1}},
		{"separable fix out of bounds rejected whole", []*rules.Fix{sep(edit(1, 2, "a"), edit(9, 11, "b"))}, src, nil},
		{"rejected fix does not block", []*rules.Fix{fix(edit(2, 4, "a"), edit(20, 21, "")), fix(edit(3, 5, "B"))}, "012B56789", []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, applied := Apply([]byte(src), tt.fixes)
			if string(out) != tt.want {
				t.Errorf("out = %q, want %q", out, tt.want)
			}
			if !slices.Equal(applied, tt.applied) {
				t.Errorf("applied = %v, want %v", applied, tt.applied)
			}
		})
	}
}

func TestApplyEmptySource(t *testing.T) {
	out, applied := Apply(nil, []*rules.Fix{fix(edit(0, 0, "x\n"))})
	if string(out) != "x\n" || !slices.Equal(applied, []int{0}) {
		t.Fatalf("Apply(nil) = %q, %v", out, applied)
	}
}

func TestApplyDoesNotModifyInput(t *testing.T) {
	src := []byte("hello world")
	f := fix(edit(6, 11, "there"), edit(0, 0, ">"))
	out, _ := Apply(src, []*rules.Fix{f})
	if string(src) != "hello world" {
		t.Errorf("src modified: %q", src)
	}
	if f.Edits[0].Start != 6 {
		t.Errorf("fix edits reordered: %v", f.Edits)
	}
	if string(out) != ">hello there" {
		t.Errorf("out = %q", out)
	}
}

// TestApplyMatchesNaive compares Apply with a quadratic reference
// implementation of the same rules on random fixes.
func TestApplyMatchesNaive(t *testing.T) {
	rng := newRand(1)
	for n := range 2000 {
		src := bytes.Repeat([]byte("abcdefghij"), 1+rng.IntN(3))
		var fixes []*rules.Fix
		for range rng.IntN(8) {
			f := &rules.Fix{Separable: rng.IntN(4) == 0}
			for range 1 + rng.IntN(3) {
				s := rng.IntN(len(src) + 2)
				e := s + rng.IntN(4)
				if rng.IntN(3) == 0 {
					e = s
				}
				f.Edits = append(f.Edits, edit(s, e, string(rune('A'+rng.IntN(26)))))
			}
			fixes = append(fixes, f)
		}
		out, applied := Apply(src, fixes)
		wantOut, wantApplied := naiveApply(src, fixes)
		if string(out) != string(wantOut) || !slices.Equal(applied, wantApplied) {
			t.Fatalf("case %d: fixes %v\nApply = %q %v\nnaive = %q %v", n, fixEdits(fixes), out, applied, wantOut, wantApplied)
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func fixEdits(fixes []*rules.Fix) [][]rules.Edit {
	var es [][]rules.Edit
	for _, f := range fixes {
		es = append(es, f.Edits)
	}
	return es
}

func naiveApply(src []byte, fixes []*rules.Fix) ([]byte, []int) {
	// A separable fix is one fix an edit, after the whole fixes that start where it does.
	type unit struct {
		index     int
		edits     []rules.Edit
		separable bool
	}
	var units []unit
	for i, f := range fixes {
		if f.Separable {
			// A fix with an edit out of bounds or overlapping another is refused whole.
			ok := true
			for k, e := range f.Edits {
				ok = ok && e.Start >= 0 && e.Start <= e.End && e.End <= len(src)
				for _, other := range f.Edits[:k] {
					ok = ok && !overlaps(e, other)
				}
			}
			if !ok {
				continue
			}
			for _, e := range f.Edits {
				units = append(units, unit{i, []rules.Edit{e}, true})
			}
		} else {
			units = append(units, unit{i, f.Edits, false})
		}
	}
	minStart := func(edits []rules.Edit) int {
		m := edits[0].Start
		for _, e := range edits {
			m = min(m, e.Start)
		}
		return m
	}
	slices.SortStableFunc(units, func(a, b unit) int {
		return cmp.Or(minStart(a.edits)-minStart(b.edits), cmp.Compare(boolInt(a.separable), boolInt(b.separable)))
	})
	var accepted []rules.Edit
	var applied []int
next:
	for _, u := range units {
		i, edits := u.index, u.edits
		for k, e := range edits {
			if e.Start < 0 || e.Start > e.End || e.End > len(src) {
				continue next
			}
			for _, other := range edits[:k] {
				if overlaps(e, other) {
					continue next
				}
			}
			for _, other := range accepted {
				if overlaps(e, other) {
					continue next
				}
			}
		}
		accepted = append(accepted, edits...)
		applied = append(applied, i)
	}
	slices.Sort(applied)
	applied = slices.Compact(applied)
	// From the end; of an insertion and a replacement at one start, the replacement first.
	slices.SortFunc(accepted, func(a, b rules.Edit) int { return cmp.Or(b.Start-a.Start, b.End-a.End) })
	out := slices.Clone(src)
	for _, e := range accepted { // from the end, so earlier offsets stay valid
		out = slices.Concat(out[:e.Start], []byte(e.New), out[e.End:])
	}
	return out, applied
}

func FuzzApply(f *testing.F) {
	f.Add([]byte("hello world\n"), []byte{0, 5, 1, 6, 11, 2, 3, 3, 0})
	f.Add([]byte("- a\n- b\n"), []byte{4, 4, 3, 4, 5, 0, 0, 8, 1})
	f.Add([]byte(""), []byte{0, 0, 2})
	f.Fuzz(func(t *testing.T, src, ops []byte) {
		// Each 3 bytes make an edit: start, length (or insertion when
		// the high bit is set), replacement length; a byte with its low
		// bit set ends the current fix.
		var fixes []*rules.Fix
		cur := &rules.Fix{}
		for len(ops) >= 3 {
			start := int(ops[0]) - 2 // may be out of bounds
			end := start + int(ops[1]&0x7f) - 1
			if ops[1]&0x80 != 0 {
				end = start
			}
			cur.Edits = append(cur.Edits, edit(start, end, string(bytes.Repeat([]byte{'x'}, int(ops[2]>>4)))))
			if ops[2]&1 == 1 {
				fixes = append(fixes, cur)
				cur = &rules.Fix{}
			}
			ops = ops[3:]
		}
		fixes = append(fixes, cur)

		out, applied := Apply(src, fixes)
		want := len(src)
		for _, i := range applied {
			for _, e := range fixes[i].Edits {
				want += len(e.New) - (e.End - e.Start)
			}
		}
		if len(out) != want {
			t.Fatalf("len(out) = %d, want %d (applied %v)", len(out), want, applied)
		}
		if !slices.IsSorted(applied) {
			t.Fatalf("applied not sorted: %v", applied)
		}
		wantOut, wantApplied := naiveApplyNonEmpty(src, fixes)
		if !bytes.Equal(out, wantOut) || !slices.Equal(applied, wantApplied) {
			t.Fatalf("Apply = %q %v, naive = %q %v", out, applied, wantOut, wantApplied)
		}
	})
}

// naiveApplyNonEmpty is naiveApply for fix lists that may contain fixes
// without edits, which Apply rejects.
func naiveApplyNonEmpty(src []byte, fixes []*rules.Fix) ([]byte, []int) {
	var kept []*rules.Fix
	var index []int
	for i, f := range fixes {
		if len(f.Edits) > 0 {
			kept = append(kept, f)
			index = append(index, i)
		}
	}
	out, applied := naiveApply(src, kept)
	for k, i := range applied {
		applied[k] = index[i]
	}
	return out, applied
}
