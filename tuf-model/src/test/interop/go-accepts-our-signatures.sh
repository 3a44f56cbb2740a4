#!/usr/bin/env bash
# Manual interop check: the Go notary-server and Go notary CLI accept a root rotation to a certificate made by
# notary4j, and root/targets/snapshot signatures made by notary4j's TufPrivateKey.
# Usage (from the worktree root, after `mvn -pl tuf-model -am compile`):
#   tuf-model/src/test/interop/go-accepts-our-signatures.sh [WORKDIR] [SERVER_PORT] [SIGNER_PORT]
set -euo pipefail
WORK=${1:-$(mktemp -d)}
SERVER_PORT=${2:-14453}
SIGNER_PORT=${3:-17953}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../../.." && pwd)
PEERS=/work/shared/peers
GUN=example.com/notary4j/interop
export NOTARY_ROOT_PASSPHRASE=rootpass NOTARY_TARGETS_PASSPHRASE=tpass NOTARY_SNAPSHOT_PASSPHRASE=spass

mkdir -p "$WORK"
"$PEERS/certs.sh" "$WORK/pki" >/dev/null
"$PEERS/go-notary-up.sh" "$WORK/stack" --certs "$WORK/pki" --server-port "$SERVER_PORT" --signer-port "$SIGNER_PORT"
trap '"$PEERS/go-notary-down.sh" "$WORK/stack"' EXIT
N=(notary -d "$WORK/trust" -s "https://localhost:$SERVER_PORT" --tlscacert "$WORK/pki/root-ca.crt")
echo hello > "$WORK/file.txt"
"${N[@]}" init "$GUN"
"${N[@]}" add "$GUN" v1 "$WORK/file.txt"
"${N[@]}" publish "$GUN"
"${N[@]}" list "$GUN" >/dev/null   # refresh the cached metadata

(cd "$ROOT" && mvn -B -ntp -q -pl tuf-model dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=compile)
java -cp "$ROOT/tuf-model/target/classes:$(cat "$WORK/cp.txt")" "$HERE/GoAcceptsOurSignatures.java" \
    "$WORK/trust" "$GUN" "$WORK/ours"

# Negative control: the same upload with one bit of the snapshot signature flipped must be refused.
python3 - "$WORK/ours/snapshot.json" "$WORK/bad-snapshot.json" <<'PY'
import base64, json, sys
text = open(sys.argv[1]).read()
sig = json.loads(text)["signatures"][0]["sig"]
raw = bytearray(base64.b64decode(sig)); raw[10] ^= 1
open(sys.argv[2], "w").write(text.replace(sig, base64.b64encode(bytes(raw)).decode()))
PY
bad=$(curl -s -o "$WORK/bad.out" -w '%{http_code}' --cacert "$WORK/pki/root-ca.crt" \
    -F "files=@$WORK/ours/root.json;filename=root" -F "files=@$WORK/ours/targets.json;filename=targets" \
    -F "files=@$WORK/bad-snapshot.json;filename=snapshot" "https://localhost:$SERVER_PORT/v2/$GUN/_trust/tuf/")
[ "$bad" = 400 ] || { echo "Go server accepted a tampered snapshot signature ($bad)"; exit 1; }
echo "tampered snapshot signature refused: $(cat "$WORK/bad.out")"

status=$(curl -s -o "$WORK/upload.out" -w '%{http_code}' --cacert "$WORK/pki/root-ca.crt" \
    -F "files=@$WORK/ours/root.json;filename=root" -F "files=@$WORK/ours/targets.json;filename=targets" \
    -F "files=@$WORK/ours/snapshot.json;filename=snapshot" "https://localhost:$SERVER_PORT/v2/$GUN/_trust/tuf/")
[ "$status" = 200 ] || { echo "Go server rejected the upload ($status): $(cat "$WORK/upload.out")"; exit 1; }
notary -d "$WORK/fresh" -s "https://localhost:$SERVER_PORT" --tlscacert "$WORK/pki/root-ca.crt" list "$GUN" | tee "$WORK/fresh.out"
"${N[@]}" list "$GUN" | tee "$WORK/rotated.out"
grep -q '^v2 ' "$WORK/fresh.out" && grep -q '^v2 ' "$WORK/rotated.out"
echo "OK: Go server and Go CLI (fresh TOFU and root rotation) accepted notary4j's certificate and signatures"
