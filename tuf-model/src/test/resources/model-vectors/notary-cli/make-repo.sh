#!/usr/bin/env bash
# Builds a small repository with the Go notary CLI against the Go stack of /tmp/model-go.
set -euo pipefail
source /tmp/model-go/env
W=/tmp/model-fx
rm -rf "$W/trust" "$W/files" "$W/deleg"; mkdir -p "$W/files" "$W/deleg"
export NOTARY_ROOT_PASSPHRASE=root-pass NOTARY_TARGETS_PASSPHRASE=targets-pass \
       NOTARY_SNAPSHOT_PASSPHRASE=snapshot-pass NOTARY_DELEGATION_PASSPHRASE=deleg-pass
N="notary -s $NOTARY_URL -d $W/trust --tlscacert $NOTARY_CA"
GUN=example.com/model/vectors
printf 'hello\n' > "$W/files/a.txt"
printf 'second file\n' > "$W/files/b.txt"
printf '{"a":1,"b":[true,null,"x"]}' > "$W/files/custom.json"

$N init "$GUN"
$N add "$GUN" 'caf\u00e9-ünïcödé-☃' "$W/files/a.txt"
$N add "$GUN" 'a<b>&c' "$W/files/a.txt"
$N add "$GUN" 'quote"back\slash' "$W/files/b.txt"
$N add "$GUN" 'with-custom' "$W/files/b.txt" --custom "$W/files/custom.json"
$N publish "$GUN"

# a delegation with an openssl key and certificate
openssl ecparam -name prime256v1 -genkey -noout -out "$W/deleg/ec.pem" 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$W/deleg/ec.pem" -out "$W/deleg/releases.key"
openssl req -new -x509 -key "$W/deleg/releases.key" -subj "/CN=releases" -days 3650 -out "$W/deleg/releases.crt" 2>/dev/null
$N delegation add "$GUN" targets/releases "$W/deleg/releases.crt" --all-paths
$N key import "$W/deleg/releases.key" --role targets/releases
$N publish "$GUN"
$N add "$GUN" 'v1.0<&>' "$W/files/a.txt" --roles targets/releases
$N publish "$GUN"

# a second repository whose only delegation is removed again: notary then writes "roles":null
GUN2=example.com/model/removed
$N init "$GUN2"
$N delegation add "$GUN2" targets/gone "$W/deleg/releases.crt" --all-paths
$N publish "$GUN2"
echo yes | $N delegation remove "$GUN2" targets/gone
$N publish "$GUN2"

# a third repository whose delegation loses its only key: notary then writes "keyids":null
GUN3=example.com/model/nokeys
$N init "$GUN3"
$N delegation add "$GUN3" targets/x "$W/deleg/releases.crt" --all-paths
$N publish "$GUN3"
$N delegation remove "$GUN3" targets/x "$($N delegation list "$GUN3" | grep -o '[0-9a-f]\{64\}' | head -1)"
$N publish "$GUN3"
