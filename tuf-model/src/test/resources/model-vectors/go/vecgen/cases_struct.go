package main

import "strings"

// Placeholders keep the cases readable: H256/H512 are valid-size digests, PUB an ecdsa public key.
var placeholders = strings.NewReplacer(
	"H256", "\"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\"",
	"H512", "\"z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==\"",
	"PUB", "\"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAENgK7kx/HdvmLUG4733JIJd0Bv6FML8SVEmgGynvhl64nCVmWzTLdziS1bMUgb6hlSkqTYtvyOCC5YMY+GrAH+Q==\"",
	"SIGS", `[{"keyid":"k1","method":"ecdsa","sig":"AAAA"}]`,
)

func c(name, role, input string) roleInput {
	return roleInput{name, role, placeholders.Replace(input)}
}

const rootRoles = `"roles":{"root":{"keyids":["k1"],"threshold":1},"snapshot":{"keyids":["k2"],"threshold":1},"targets":{"keyids":["k2"],"threshold":1},"timestamp":{"keyids":["k3"],"threshold":1}}`
const rootKeys = `"keys":{"k1":{"keytype":"ecdsa-x509","keyval":{"private":null,"public":PUB}},"k2":{"keytype":"ecdsa","keyval":{"private":null,"public":PUB}},"k3":{"keytype":"ecdsa","keyval":{"private":null,"public":PUB}}}`

func root(body string) string {
	return `{"signed":{"_type":"Root","consistent_snapshot":false,"expires":"2036-11-23T00:36:53.1234567Z",` + body + `,"version":1},"signatures":[{"keyid":"k1","method":"ecdsa","sig":"AAAA"}]}`
}

const delegKeys = `"keys":{"d1":{"keytype":"rsa-x509","keyval":{"private":null,"public":PUB}}}`
const meta = `{"hashes":{"sha256":H256,"sha512":H512},"length":1570}`

func targets(delegations, targetsMap string) string {
	return `{"signed":{"_type":"Targets",` + delegations + `"expires":"2030-01-01T00:00:00Z","targets":` + targetsMap + `,"version":5},"signatures":[{"keyid":"k1","method":"ecdsa","sig":"AAAA"}]}`
}

var structCases = []roleInput{
	c("root-basic", "root", root(rootKeys+","+rootRoles)),
	c("root-method-uppercase", "root", strings.Replace(root(rootKeys+","+rootRoles), `"method":"ecdsa"`, `"method":"ECDSA"`, 1)),
	c("root-keyids-null", "root", root(rootKeys+`,"roles":{"root":{"keyids":["k1"],"threshold":1},"snapshot":{"keyids":null,"threshold":1},"targets":{"keyids":[],"threshold":1},"timestamp":{"keyids":["k3"],"threshold":1}}`)),
	c("root-extra-role", "root", root(rootKeys+`,"roles":{"mirror":{"keyids":["k2"],"threshold":2},"root":{"keyids":["k1"],"threshold":1},"snapshot":{"keyids":["k2"],"threshold":1},"targets":{"keyids":["k2"],"threshold":1},"timestamp":{"keyids":["k3"],"threshold":1}}`)),
	c("root-unknown-fields-dropped", "root", `{"signed":{"_type":"Root","zzz":[1,2],"consistent_snapshot":true,"expires":"2036-11-23T00:36:53Z",`+rootKeys+`,`+rootRoles+`,"version":3,"aaa":{"b":null}},"signatures":SIGS,"extra":1}`),
	c("root-case-folded-fields", "root", `{"Signed":{"_TYPE":"Root","CONSISTENT_SNAPSHOT":false,"Expires":"2036-11-23T00:36:53Z","KEYS":{"k1":{"KeyType":"ecdsa-x509","KEYVAL":{"Public":PUB}},"k2":{"keytype":"ecdsa","keyval":{"public":PUB}},"k3":{"keytype":"ecdsa","keyval":{"public":PUB}}},"Roles":{"root":{"KEYIDS":["k1"],"Threshold":1},"snapshot":{"keyids":["k2"],"threshold":1},"targets":{"keyids":["k2"],"threshold":1},"timestamp":{"keyids":["k3"],"threshold":1}},"Version":1},"SIGNATURES":[{"KeyID":"k1","METHOD":"ecdsa","Sig":"AAAA"}]}`),
	c("root-kelvin-and-long-s-fold", "root", `{"signed":{"_type":"Root","con\u017fistent_snapshot":true,"expires":"2036-11-23T00:36:53Z","\u212aeys":{"k1":{"keytype":"ecdsa-x509","keyval":{"private":null,"public":PUB}},"k2":{"keytype":"ecdsa","keyval":{"private":null,"public":PUB}},"k3":{"keytype":"ecdsa","keyval":{"private":null,"public":PUB}}},`+rootRoles+`,"version":1},"signatures":SIGS}`),
	c("root-last-duplicate-wins", "root", `{"signed":{"_type":"Root","version":7,"consistent_snapshot":false,"expires":"2036-11-23T00:36:53Z",`+rootKeys+`,`+rootRoles+`,"version":1},"signatures":SIGS}`),
	c("root-offset-plus-zero", "root", strings.Replace(root(rootKeys+","+rootRoles), "2036-11-23T00:36:53.1234567Z", "2036-11-23T00:36:53+00:00", 1)),
	c("root-offset-minus-five", "root", strings.Replace(root(rootKeys+","+rootRoles), "2036-11-23T00:36:53.1234567Z", "2116-07-03T17:56:36.027379879-05:00", 1)),
	c("root-expires-null", "root", strings.Replace(root(rootKeys+","+rootRoles), `"2036-11-23T00:36:53.1234567Z"`, `null`, 1)),
	c("root-expires-missing", "root", strings.Replace(root(rootKeys+","+rootRoles), `"expires":"2036-11-23T00:36:53.1234567Z",`, ``, 1)),
	c("root-expires-escaped", "root", strings.Replace(root(rootKeys+","+rootRoles), `"2036-11-23T00:36:53.1234567Z"`, `"2036\u002d11-23T00:36:53Z"`, 1)),
	c("root-expires-bad", "root", strings.Replace(root(rootKeys+","+rootRoles), `"2036-11-23T00:36:53.1234567Z"`, `"2036-11-23"`, 1)),
	c("root-keys-null", "root", root(`"keys":null,"roles":{"root":{"keyids":[],"threshold":1},"snapshot":{"keyids":[],"threshold":1},"targets":{"keyids":[],"threshold":1},"timestamp":{"keyids":[],"threshold":1}}`)),
	c("root-html-key-id", "root", `{"signed":{"_type":"Root","consistent_snapshot":false,"expires":"2036-11-23T00:36:53Z","keys":{"a<b&c>":{"keytype":"ecdsa","keyval":{"private":null,"public":PUB}}},"roles":{"root":{"keyids":["a<b&c>"],"threshold":1},"snapshot":{"keyids":["a<b&c>"],"threshold":1},"targets":{"keyids":["a<b&c>"],"threshold":1},"timestamp":{"keyids":["a<b&c>"],"threshold":1}},"version":1},"signatures":[{"keyid":"a<b&c>\u2028","method":"ecdsa","sig":"AAAA"}]}`),
	c("root-signatures-null", "root", strings.Replace(root(rootKeys+","+rootRoles), `"signatures":[{"keyid":"k1","method":"ecdsa","sig":"AAAA"}]`, `"signatures":null`, 1)),
	c("root-signatures-missing", "root", strings.Replace(root(rootKeys+","+rootRoles), `,"signatures":[{"keyid":"k1","method":"ecdsa","sig":"AAAA"}]`, ``, 1)),
	c("root-signature-null-entry", "root", strings.Replace(root(rootKeys+","+rootRoles), `"signatures":[{"keyid":"k1","method":"ecdsa","sig":"AAAA"}]`, `"signatures":[null,{"keyid":"k1","method":"eddsa","sig":null},{"keyid":"k1","method":"eddsa","sig":""}]`, 1)),
	c("root-sig-with-newlines", "root", strings.Replace(root(rootKeys+","+rootRoles), `"sig":"AAAA"`, `"sig":"AAAA\r\nAAAA"`, 1)),
	c("root-sig-no-padding", "root", strings.Replace(root(rootKeys+","+rootRoles), `"sig":"AAAA"`, `"sig":"AAA"`, 1)),
	c("root-sig-bad-char", "root", strings.Replace(root(rootKeys+","+rootRoles), `"sig":"AAAA"`, `"sig":"AA*A"`, 1)),
	c("root-sig-not-string", "root", strings.Replace(root(rootKeys+","+rootRoles), `"sig":"AAAA"`, `"sig":12`, 1)),
	c("root-signatures-object", "root", strings.Replace(root(rootKeys+","+rootRoles), `"signatures":[{"keyid":"k1","method":"ecdsa","sig":"AAAA"}]`, `"signatures":{}`, 1)),
	c("root-signed-missing", "root", `{"signatures":SIGS}`),
	c("root-signed-null", "root", `{"signed":null,"signatures":SIGS}`),
	c("root-signed-array", "root", `{"signed":[],"signatures":SIGS}`),
	c("root-envelope-array", "root", `[]`),
	c("root-not-json", "root", `{"signed":`),
	c("root-missing-timestamp-role", "root", root(rootKeys+`,"roles":{"root":{"keyids":["k1"],"threshold":1},"snapshot":{"keyids":["k2"],"threshold":1},"targets":{"keyids":["k2"],"threshold":1}}`)),
	c("root-null-role", "root", root(rootKeys+`,"roles":{"root":{"keyids":["k1"],"threshold":1},"snapshot":{"keyids":["k2"],"threshold":1},"targets":null,"timestamp":{"keyids":["k3"],"threshold":1}}`)),
	c("root-threshold-zero", "root", strings.Replace(root(rootKeys+","+rootRoles), `"targets":{"keyids":["k2"],"threshold":1}`, `"targets":{"keyids":["k2"],"threshold":0}`, 1)),
	c("root-threshold-missing", "root", strings.Replace(root(rootKeys+","+rootRoles), `"targets":{"keyids":["k2"],"threshold":1}`, `"targets":{"keyids":["k2"]}`, 1)),
	c("root-unknown-key-id", "root", strings.Replace(root(rootKeys+","+rootRoles), `"timestamp":{"keyids":["k3"]`, `"timestamp":{"keyids":["k3","k9"]`, 1)),
	c("root-wrong-type", "root", strings.Replace(root(rootKeys+","+rootRoles), `"_type":"Root"`, `"_type":"root"`, 1)),
	c("root-type-missing", "root", strings.Replace(root(rootKeys+","+rootRoles), `"_type":"Root",`, ``, 1)),
	c("root-version-zero", "root", strings.Replace(root(rootKeys+","+rootRoles), `"version":1}`, `"version":0}`, 1)),
	c("root-version-missing", "root", strings.Replace(root(rootKeys+","+rootRoles), `,"version":1}`, `}`, 1)),
	c("root-version-string", "root", strings.Replace(root(rootKeys+","+rootRoles), `"version":1}`, `"version":"1"}`, 1)),
	c("root-version-float", "root", strings.Replace(root(rootKeys+","+rootRoles), `"version":1}`, `"version":1.0}`, 1)),
	c("root-threshold-exponent", "root", strings.Replace(root(rootKeys+","+rootRoles), `"targets":{"keyids":["k2"],"threshold":1}`, `"targets":{"keyids":["k2"],"threshold":1e0}`, 1)),
	c("root-keyids-string", "root", strings.Replace(root(rootKeys+","+rootRoles), `"targets":{"keyids":["k2"]`, `"targets":{"keyids":"k2"`, 1)),
	c("root-consistent-snapshot-string", "root", strings.Replace(root(rootKeys+","+rootRoles), `"consistent_snapshot":false`, `"consistent_snapshot":"false"`, 1)),
	c("root-key-public-bad-base64", "root", strings.Replace(root(rootKeys+","+rootRoles), `"k3":{"keytype":"ecdsa","keyval":{"private":null,"public":PUB}}`, `"k3":{"keytype":"ecdsa","keyval":{"private":null,"public":"!!"}}`, 1)),
	c("root-non-integral-number-in-unknown-field", "root", strings.Replace(root(rootKeys+","+rootRoles), `"_type":"Root",`, `"_type":"Root","x":1.5,`, 1)),

	c("targets-basic", "targets", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1"],"name":"targets/releases","paths":[""],"threshold":1}]},`, `{"1.17":`+meta+`,"latest":{"hashes":{"sha256":H256},"length":0}}`)),
	c("targets-names-escaping", "targets", targets(`"delegations":{"keys":{},"roles":[]},`, `{"a<b>&c":`+meta+`,"quote\"back\\slash":`+meta+`,"caf\u00e9 \u2028 \u2029 \ud83d\ude00 \u007f":`+meta+`,"\u00e9\u0041/\u003c":`+meta+`}`)),
	c("targets-no-delegations", "targets", targets(``, `{}`)),
	c("targets-delegations-null", "targets", targets(`"delegations":null,`, `{}`)),
	c("targets-delegation-roles-null", "targets", targets(`"delegations":{`+delegKeys+`,"roles":null},`, `{}`)),
	c("targets-delegation-keys-null", "targets", targets(`"delegations":{"keys":null,"roles":[]},`, `{}`)),
	c("targets-paths-empty-omitted", "targets", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1"],"name":"targets/a","paths":[],"threshold":1},{"keyids":null,"name":"targets/b","paths":null,"threshold":2},{"name":"targets/c","threshold":1}]},`, `{}`)),
	c("targets-custom-canonical", "targets", targets(`"delegations":{"keys":{},"roles":[]},`, `{"t":{"custom":{"a":1,"b":[true,null,"x",{"c":{}}]},"hashes":{"sha256":H256},"length":3}}`)),
	c("targets-custom-html-and-space", "targets", targets(`"delegations":{"keys":{},"roles":[]},`, `{"t":{"custom": { "a" : "<x>&" , "b" : [ 1 , 2 ] },"hashes":{"sha256":H256},"length":3}}`)),
	c("targets-custom-null-omitted", "targets", targets(`"delegations":{"keys":{},"roles":[]},`, `{"t":{"custom":null,"hashes":{"sha256":H256},"length":3}}`)),
	c("targets-custom-empty-object-kept", "targets", targets(`"delegations":{"keys":{},"roles":[]},`, `{"t":{"custom":{},"hashes":{"sha256":H256},"length":3}}`)),
	c("targets-custom-non-integral", "targets", targets(`"delegations":{"keys":{},"roles":[]},`, `{"t":{"custom":{"a":1.5},"hashes":{"sha256":H256},"length":3}}`)),
	c("targets-extra-hash-algorithms", "targets", targets(`"delegations":{"keys":{},"roles":[]},`, `{"t":{"hashes":{"md5":"AAAA","sha256":H256},"length":3}}`)),
	c("targets-large-length", "targets", targets(`"delegations":{"keys":{},"roles":[]},`, `{"t":{"hashes":{"sha256":H256},"length":9007199254740993}}`)),
	c("targets-weird-offset", "targets", strings.Replace(targets(`"delegations":{"keys":{},"roles":[]},`, `{}`), `"2030-01-01T00:00:00Z"`, `"2030-01-01T00:00:00+-1:00"`, 1)),
	c("targets-delegation-not-child", "targets", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1"],"name":"targets/a/b","paths":[""],"threshold":1}]},`, `{}`)),
	c("targets-delegation-bad-name", "targets", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1"],"name":"targets/Rel","paths":[""],"threshold":1}]},`, `{}`)),
	c("targets-delegation-dot-name", "targets", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1"],"name":"targets/a.b","paths":[""],"threshold":1}]},`, `{}`)),
	c("targets-delegation-trailing-slash", "targets", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1"],"name":"targets/a/","paths":[""],"threshold":1}]},`, `{}`)),
	c("targets-delegation-threshold-zero", "targets", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1"],"name":"targets/a","paths":[""],"threshold":0}]},`, `{}`)),
	c("targets-delegation-unknown-key", "targets", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1","d2"],"name":"targets/a","paths":[""],"threshold":1}]},`, `{}`)),
	c("targets-delegation-null-entry", "targets", targets(`"delegations":{`+delegKeys+`,"roles":[null]},`, `{}`)),
	c("targets-wrong-type", "targets", strings.Replace(targets(``, `{}`), `"_type":"Targets"`, `"_type":"Root"`, 1)),
	c("targets-map-is-array", "targets", targets(``, `[]`)),
	c("targets-length-float", "targets", targets(``, `{"t":{"hashes":{"sha256":H256},"length":1.5}}`)),
	c("targets-hash-not-base64", "targets", targets(``, `{"t":{"hashes":{"sha256":"zz"},"length":1}}`)),
	c("delegation-file", "targets/releases", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1"],"name":"targets/releases/x","paths":["a/"],"threshold":1}]},`, `{"a/b":`+meta+`}`)),
	c("delegation-file-sibling-listed", "targets/a", targets(`"delegations":{`+delegKeys+`,"roles":[{"keyids":["d1"],"name":"targets/b","paths":[""],"threshold":1}]},`, `{}`)),
	c("delegation-file-invalid-role-name", "targets/A", targets(``, `{}`)),

	c("snapshot-basic", "snapshot", `{"signed":{"_type":"Snapshot","expires":"2029-11-23T00:36:53.5Z","meta":{"root":`+meta+`,"targets":`+meta+`,"targets/releases":{"hashes":{"sha256":H256},"length":790}},"version":5},"signatures":SIGS}`),
	c("snapshot-extra-algorithm", "snapshot", `{"signed":{"_type":"Snapshot","expires":"2029-11-23T00:36:53Z","meta":{"root":{"hashes":{"md5":"AAAA","sha256":H256},"length":1},"targets":`+meta+`},"version":1},"signatures":SIGS}`),
	c("snapshot-missing-targets", "snapshot", `{"signed":{"_type":"Snapshot","expires":"2029-11-23T00:36:53Z","meta":{"root":`+meta+`},"version":1},"signatures":SIGS}`),
	c("snapshot-root-only-sha512", "snapshot", `{"signed":{"_type":"Snapshot","expires":"2029-11-23T00:36:53Z","meta":{"root":{"hashes":{"sha512":H512},"length":1},"targets":`+meta+`},"version":1},"signatures":SIGS}`),
	c("snapshot-short-sha256", "snapshot", `{"signed":{"_type":"Snapshot","expires":"2029-11-23T00:36:53Z","meta":{"root":`+meta+`,"targets":{"hashes":{"sha256":"AAAA"},"length":1}},"version":1},"signatures":SIGS}`),
	c("snapshot-short-sha512", "snapshot", `{"signed":{"_type":"Snapshot","expires":"2029-11-23T00:36:53Z","meta":{"root":{"hashes":{"sha256":H256,"sha512":"AAAA"},"length":1},"targets":`+meta+`},"version":1},"signatures":SIGS}`),
	c("snapshot-version-zero", "snapshot", `{"signed":{"_type":"Snapshot","expires":"2029-11-23T00:36:53Z","meta":{"root":`+meta+`,"targets":`+meta+`},"version":0},"signatures":SIGS}`),
	c("snapshot-wrong-type", "snapshot", `{"signed":{"_type":"Timestamp","expires":"2029-11-23T00:36:53Z","meta":{"root":`+meta+`,"targets":`+meta+`},"version":1},"signatures":SIGS}`),

	c("timestamp-basic", "timestamp", `{"signed":{"_type":"Timestamp","expires":"2026-12-07T00:24:39.562571463Z","meta":{"snapshot":`+meta+`},"version":1},"signatures":SIGS}`),
	c("timestamp-missing-snapshot", "timestamp", `{"signed":{"_type":"Timestamp","expires":"2026-12-07T00:24:39Z","meta":{},"version":1},"signatures":SIGS}`),
	c("timestamp-short-sha512", "timestamp", `{"signed":{"_type":"Timestamp","expires":"2026-12-07T00:24:39Z","meta":{"snapshot":{"hashes":{"sha256":H256,"sha512":"AAAA"},"length":1}},"version":1},"signatures":SIGS}`),
	c("timestamp-version-negative", "timestamp", `{"signed":{"_type":"Timestamp","expires":"2026-12-07T00:24:39Z","meta":{"snapshot":`+meta+`},"version":-3},"signatures":SIGS}`),
}
