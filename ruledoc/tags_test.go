package ruledoc

import (
	"reflect"
	"strings"
)

// fieldTags lists the yaml names of an options struct as ",a,b,c,".
func fieldTags(opts any) string {
	v := reflect.TypeOf(opts)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	names := []string{""}
	for i := range v.NumField() {
		tag := strings.Split(v.Field(i).Tag.Get("yaml"), ",")[0]
		names = append(names, tag)
	}
	return strings.Join(append(names, ""), ",")
}
