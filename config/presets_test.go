package config

import (
	"testing"

	"github.com/listlint/listlint/rules"
)

// Preset data names options as YAML: every snippet must decode into its rule's options
// (for the rules registered in this build; the others are skipped by design).
func TestPresetsDecode(t *testing.T) {
	for _, name := range PresetNames() {
		if _, ok := presets[name]; !ok {
			t.Errorf("preset %q has no data", name)
		}
		if _, errs := presetConfig(name); len(errs) > 0 {
			t.Errorf("preset %s: %v", name, errs)
		}
	}
	if len(presets) != len(PresetNames()) {
		t.Errorf("%d presets have data, %d are named", len(presets), len(PresetNames()))
	}
}

func TestPresets(t *testing.T) {
	def, _ := presetConfig("default")
	for _, r := range rules.All() {
		if got := def.Rules[r.ID].Severity; got != r.Default {
			t.Errorf("default: %s is %v, want its default %v", r.ID, got, r.Default)
		}
	}
	aw, _ := presetConfig("awesome")
	if aw.Rules["sort-order"].Severity == rules.Off || aw.Rules["sort-order"].Options.(*rules.SortOrderOptions).By != "title" {
		t.Error("awesome: sort-order by title should be on")
	}
	kn, _ := presetConfig("knowledge")
	if kn.Rules["duplicate-url"].Options.(*rules.DuplicateURLOptions).Scope != "file" {
		t.Error("knowledge: duplicate-url scope should be file")
	}
	if kn.Rules["description-style"].Options.(*rules.DescriptionStyleOptions).RequireDescription {
		t.Error("knowledge: require-description should be false")
	}
	if kn.Rules["sort-order"].Severity != rules.Off {
		t.Error("knowledge: sort-order stays off")
	}
	// Rules a preset names that are not registered in this build are skipped silently.
	if _, ok := aw.Rules["no-ci-badge"]; ok && rules.Lookup("no-ci-badge") == nil {
		t.Error("awesome: an absent rule got a configuration")
	}
	// Presets give fresh options every time.
	a, _ := presetConfig("knowledge")
	b, _ := presetConfig("knowledge")
	if a.Rules["duplicate-url"].Options == b.Rules["duplicate-url"].Options {
		t.Error("two preset configurations share an options struct")
	}
}

// A preset change for a rule that is not registered is skipped without error.
func TestPresetAbsentRule(t *testing.T) {
	saved := presets["awesome"]
	t.Cleanup(func() { presets["awesome"] = saved })
	presets["awesome"] = append(append([]presetChange{}, saved...), presetChange{id: "not-a-rule-yet", on: true})
	if _, errs := presetConfig("awesome"); len(errs) > 0 {
		t.Errorf("absent rule: %v", errs)
	}
}
