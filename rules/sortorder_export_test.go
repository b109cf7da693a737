package rules_test

import (
	"testing"

	"github.com/listlint/listlint/mdsrc"
	"github.com/listlint/listlint/rules"
)

// SortedLists must agree with the rule: a list it calls sorted gets no sort-order report.
func TestSortedListsAgreesWithRule(t *testing.T) {
	src := []byte(`# Sorted

- [Alpha](https://a.example) - A.
- [beta](https://b.example) - B.
- [Go 2](https://g2.example) - G.
- [Go 10](https://g10.example) - G.

# Unsorted

- [Zed (2020)](https://z.example) - Z.
- [Ant (2019)](https://ant.example) - A.
- [Mid (2021)](https://m.example) - M.

# Table of contents, never checked

- [Zed](#zed)
- [Ant](#ant)
`)
	doc, err := mdsrc.Parse("x.md", src)
	if err != nil {
		t.Fatal(err)
	}
	opts := rules.SortOrder.NewOptions().(*rules.SortOrderOptions)
	got := rules.SortedLists(doc, opts)
	if len(got) != 2 {
		t.Fatalf("got %d lists, want 2 (the ToC is not sortable)", len(got))
	}
	if !got[0].Sorted || got[1].Sorted {
		t.Errorf("sorted = %v, %v; want true, false", got[0].Sorted, got[1].Sorted)
	}
	if got[0].WithYear != 0 || got[1].WithYear != 3 {
		t.Errorf("years = %d, %d; want 0, 3", got[0].WithYear, got[1].WithYear)
	}
	var reported []int
	rules.SortOrder.Check(rules.NewPass(rules.SortOrder, doc, opts, rules.Error, fixtureNow, func(d rules.Diagnostic) {
		reported = append(reported, doc.Lines.Line(d.Start))
	}))
	if len(reported) != 1 || reported[0] < 10 {
		t.Errorf("the rule reported lines %v; want one report in the unsorted list", reported)
	}
	// By year, the second list is out of order too; descending it still is.
	opts.By = "year"
	if rules.SortedLists(doc, opts)[1].Sorted {
		t.Error("by year: 2020, 2019, 2021 counted as sorted")
	}
}
