package rules

import "testing"

func TestTitleCase(t *testing.T) {
	for in, want := range map[string]string{
		"Awesome Go":                                 "",
		"Awesome Node.js":                            "",
		"Awesome iOS":                                "",
		"Awesome macOS Command Line":                 "",
		"Awesome C++":                                "",
		"Awesome 3D Printing":                        "",
		"Awesome Tools for the Web":                  "",
		"Awesome Self-hosted":                        "",
		"Awesome npm Packages":                       "",
		"Awesome Selfhosted 🚀":                       "",
		"Awesome 中文 Resources":                       "",
		"Awesome Things (and Stuff)":                 "",
		"Awesome Useful `.htaccess` Snippets":        "",
		"Awesome .NET Core":                          "",
		"Awesome Things. more things.":               "Awesome Things. More Things.",
		"Awesome web typography":                     "Awesome Web Typography",
		"Awesome e-commerce":                         "Awesome E-commerce",
		"Awesome Things \"made\" Simple":             "Awesome Things \"Made\" Simple",
		"Awesome react-native and (mobile) things":   "Awesome React-native and (Mobile) Things",
		"Awesome Things: a Guide to everything else": "Awesome Things: a Guide to Everything Else",
	} {
		got, bad := titleCase(in, nil)
		if want == "" {
			if len(bad) > 0 {
				t.Errorf("titleCase(%q) flags %q", in, bad)
			}
			continue
		}
		if got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]bool{
		"Awesome": true, "Awesome Go": true, "Awesome-Selfhosted": true, "Awesome: Things": true,
		"awesome-swift": false, "AwesomeSwift": false, "Curated Things": false, "AWESOME Go": false,
	} {
		if got := startsWithAwesome(in); got != want {
			t.Errorf("startsWithAwesome(%q) = %v, want %v", in, got, want)
		}
	}
}
