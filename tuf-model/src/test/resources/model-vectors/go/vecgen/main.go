// Command vecgen writes reference vectors from notary 0.7.0's own Go packages (docker/go canonical JSON,
// tuf/data) built with Go 1.19.8, the toolchain of Debian's notary 0.7.0 binaries.
package main

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/docker/go/canonical/json"
	"github.com/theupdateframework/notary/tuf/data"
)

type namedInput struct {
	name  string
	input string
}

func b64(s []byte) string { return base64.StdEncoding.EncodeToString(s) }

func clean(msg string) string {
	return strings.NewReplacer("\t", `\t`, "\n", `\n`, "\r", `\r`).Replace(msg)
}

func canonicalOfDecodedMap(input []byte) ([]byte, error) {
	var decoded map[string]interface{}
	if err := json.Unmarshal(input, &decoded); err != nil {
		return nil, err
	}
	return json.MarshalCanonical(decoded)
}

func writeCanonical(dir string) {
	var b strings.Builder
	b.WriteString("# name\tinput (base64)\tOK:canonical bytes of the Go-map view (base64) | ERR:Go error\n")
	for _, c := range canonicalCases {
		out, err := canonicalOfDecodedMap([]byte(c.input))
		res := "OK:" + b64(out)
		if err != nil {
			res = "ERR:" + clean(err.Error())
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", c.name, b64([]byte(c.input)), res)
	}
	must(os.WriteFile(filepath.Join(dir, "canonical-go-map.tsv"), []byte(b.String()), 0644))
}

func writeTimes(dir string) {
	var b strings.Builder
	b.WriteString("# name\traw JSON token (base64)\tOK:MarshalJSON text|Format(\"Mon Jan 2 15:04:05 MST 2006\")|unix nanos | ERR:Go error\n")
	for _, c := range timeCases {
		var t time.Time
		err := t.UnmarshalJSON([]byte(c.input))
		res := ""
		if err != nil {
			res = "ERR:" + clean(err.Error())
		} else {
			m, merr := t.MarshalJSON()
			if merr != nil {
				res = "ERR:" + clean(merr.Error())
			} else {
				res = fmt.Sprintf("OK:%s|%s|%d", string(m), t.Format("Mon Jan 2 15:04:05 MST 2006"), t.UnixNano())
			}
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", c.name, b64([]byte(c.input)), res)
	}
	must(os.WriteFile(filepath.Join(dir, "go-time.tsv"), []byte(b.String()), 0644))
}

type roleInput struct {
	name  string
	role  string
	input string
}

// reserialize does what notary's server does with an upload before hashing it (tuf/builder.go, tuf/tuf.go):
// unmarshal the envelope, unpack the role with its structure checks, marshal it again.
func reserialize(role string, content []byte) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("panic: %v", r)
		}
	}()
	s := &data.Signed{}
	if err := json.Unmarshal(content, s); err != nil {
		return nil, err
	}
	if s.Signed == nil {
		return nil, fmt.Errorf("signed is nil")
	}
	switch {
	case role == "root":
		r, err := data.RootFromSigned(s)
		if err != nil {
			return nil, err
		}
		return json.Marshal(r)
	case role == "snapshot":
		r, err := data.SnapshotFromSigned(s)
		if err != nil {
			return nil, err
		}
		return json.Marshal(r)
	case role == "timestamp":
		r, err := data.TimestampFromSigned(s)
		if err != nil {
			return nil, err
		}
		return json.Marshal(r)
	default:
		r, err := data.TargetsFromSigned(s, data.RoleName(role))
		if err != nil {
			return nil, err
		}
		return json.Marshal(r)
	}
}

func writeStructs(dir string) {
	var b strings.Builder
	b.WriteString("# name\trole\tfile (base64)\tOK:Go re-serialization of the parsed file (base64)|canonical bytes of the Go-map view of signed (base64, or ERR-prefixed Go error) | ERR:Go error\n")
	for _, c := range structCases {
		out, err := reserialize(c.role, []byte(c.input))
		res := ""
		if err != nil {
			res = "ERR:" + clean(err.Error())
		} else {
			s := &data.Signed{}
			must(json.Unmarshal([]byte(c.input), s))
			canon, cerr := canonicalOfDecodedMap(*s.Signed)
			cs := b64(canon)
			if cerr != nil {
				cs = "ERR-" + clean(cerr.Error())
			}
			res = "OK:" + b64(out) + "|" + cs
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", c.name, c.role, b64([]byte(c.input)), res)
	}
	must(os.WriteFile(filepath.Join(dir, "struct-view.tsv"), []byte(b.String()), 0644))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	dir := os.Args[1]
	writeCanonical(dir)
	writeTimes(dir)
	writeStructs(dir)
	writeRoles(dir)
}
