package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/theupdateframework/notary/tuf/data"
)

var roleNames = []string{"root", "targets", "snapshot", "timestamp", "Root", "targets/", "targets/a",
	"targets/a/b", "targets/releases", "targets/a//b", "targets/a/", "targets/./a", "targets/a/..", "targets/a.b",
	"targets/A", "targets/a-b_c/0", "targets/a b", "targets/\u00e9", "targets", "targetsx", "/targets/a",
	"targets/" + strings.Repeat("a", 247), "targets/" + strings.Repeat("a", 248), "targets/a\n", "", ".", "..",
	"a/../../b", "/..", "//a//b/./c/..", "a/b/", "targets/*", "x/y/z"}

func writeRoles(dir string) {
	var b strings.Builder
	b.WriteString("# name\tIsDelegation\tValidRole\tpath.Clean\tpath.Dir\n")
	for _, n := range roleNames {
		fmt.Fprintf(&b, "%s\t%t\t%t\t%s\t%s\n", b64([]byte(n)), data.IsDelegation(data.RoleName(n)),
			data.ValidRole(data.RoleName(n)), b64([]byte(path.Clean(n))), b64([]byte(path.Dir(n))))
	}
	must(os.WriteFile(filepath.Join(dir, "role-names.tsv"), []byte(b.String()), 0644))
}
