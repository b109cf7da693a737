package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/listlint/listlint/mdsrc"
)

func TestProgressBar(t *testing.T) {
	var b bytes.Buffer
	if newProgressBar(&b) != nil {
		t.Error("a progress bar on something that is not a terminal")
	}
	bar := &progressBar{w: &b}
	bar.update(1, 4, 0)
	bar.update(2, 4, 1) // within 100ms of the last: not drawn
	bar.update(4, 4, 1) // the last one always is
	bar.finish()
	got := b.String()
	if !strings.Contains(got, "1/4 URLs, 0 failed") || strings.Contains(got, "2/4") ||
		!strings.Contains(got, "[==============================] 4/4 URLs, 1 failed") || !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("progress output %q", got)
	}
}

func TestListLinksSkipsCode(t *testing.T) {
	src := "# L\n\n- [A](https://a.example) - Use `[x](https://code.example)` or ``[y](https://c2.example)`` with [B](https://b.example). ([HN](https://hn.example))\n"
	doc, err := mdsrc.Parse("l.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range listLinks(doc) {
		got = append(got, l.Dest)
	}
	if strings.Join(got, " ") != "https://a.example https://b.example https://hn.example" {
		t.Errorf("links %q", got)
	}
}
