#!/usr/bin/env bash
# Generates the PKI a notary4j deployment needs, with openssl only:
#
#   root-ca.crt / root-ca.key              the CA every other certificate chains to (keep root-ca.key offline)
#   notary-server.crt / .key               HTTPS certificate of notary-server (what `notary --tlscacert` checks)
#   notary-signer.crt / .key               gRPC TLS certificate of notary-signer
#   notary-wrapper.crt / .key              HTTPS certificate of the admission wrapper
#   notary-server-client.crt / .key        client certificate notary-server presents to notary-signer (mutual TLS)
#   *-chain.crt                            leaf followed by the CA, for servers that serve a bundle
#
# Usage: certs/generate-certs.sh [-o OUTDIR] [-n NAMESPACE] [-r RELEASE] [-d DAYS] [-a ec|rsa] [-s EXTRA_SAN]...
#   -o OUTDIR     where to write (default ./pki); existing files are overwritten
#   -n NAMESPACE  Kubernetes namespace for the service SANs (default notary)
#   -r RELEASE    helm release name (or fullnameOverride): the chart's services are <RELEASE>-notary-server, ...
#   -d DAYS       validity of the leaf certificates (default 825)
#   -c DAYS       validity of the root CA (default 3650)
#   -a ALG        key type: ec (P-256, default) or rsa (2048; 4096 for the CA)
#   -s SAN        an extra subjectAltName for every service certificate (DNS name or IP), repeatable
#
# Service certificates carry: localhost, 127.0.0.1, ::1, <svc>, <svc>.<ns>, <svc>.<ns>.svc,
# <svc>.<ns>.svc.cluster.local, for svc = notary-<service> and, with -r, <RELEASE>-notary-<service>. Private keys are unencrypted PKCS#8, mode 0600; never commit them.
set -euo pipefail

out=./pki namespace=notary release= days=825 ca_days=3650 alg=ec extra_sans=()
while getopts "o:n:r:d:c:a:s:h" opt; do
  case $opt in
    o) out=$OPTARG ;;
    n) namespace=$OPTARG ;;
    r) release=$OPTARG ;;
    d) days=$OPTARG ;;
    c) ca_days=$OPTARG ;;
    a) alg=$OPTARG ;;
    s) extra_sans+=("$OPTARG") ;;
    h) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
case $alg in ec|rsa) ;; *) echo "generate-certs: -a must be ec or rsa" >&2; exit 2 ;; esac
[[ $days =~ ^[0-9]+$ && $ca_days =~ ^[0-9]+$ ]] || { echo "generate-certs: -d and -c take a number of days" >&2; exit 2; }

mkdir -p "$out"
cd "$out"
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

new_key() { # new_key FILE BITS_FOR_RSA
  if [ "$alg" = rsa ]; then
    openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$2" -out "$1" 2>/dev/null
  else
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
  fi
}

serial() { echo "0x$(openssl rand -hex 16)"; }

new_key root-ca.key 4096
cat > "$work/ca.ext" <<'EXT'
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
EXT
openssl req -new -key root-ca.key -subj "/O=notary4j/CN=notary4j root CA" -out "$work/ca.csr"
openssl x509 -req -in "$work/ca.csr" -signkey root-ca.key -days "$ca_days" -sha256 -set_serial "$(serial)" \
  -extfile "$work/ca.ext" -out root-ca.crt 2>/dev/null

sans_for() { # sans_for SERVICE
  local list="DNS:localhost,IP:127.0.0.1,IP:::1" svc
  local names=("$1")
  if [ -n "$release" ]; then names+=("$release-$1"); fi
  for svc in "${names[@]}"; do
    list+=",DNS:$svc,DNS:$svc.$namespace,DNS:$svc.$namespace.svc,DNS:$svc.$namespace.svc.cluster.local"
  done
  for san in "${extra_sans[@]}"; do
    if [[ $san =~ ^[0-9.]+$ || $san == *:* ]]; then list+=",IP:$san"; else list+=",DNS:$san"; fi
  done
  echo "$list"
}

issue() { # issue NAME CN EXTENDED_KEY_USAGE SANS
  local name=$1 cn=$2 eku=$3 sans=$4
  new_key "$name.key" 2048
  {
    echo "basicConstraints = critical,CA:FALSE"
    echo "keyUsage = critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage = $eku"
    echo "subjectKeyIdentifier = hash"
    echo "authorityKeyIdentifier = keyid,issuer"
    if [ -n "$sans" ]; then echo "subjectAltName = $sans"; fi
  } > "$work/$name.ext"
  openssl req -new -key "$name.key" -subj "/O=notary4j/CN=$cn" -out "$work/$name.csr"
  openssl x509 -req -in "$work/$name.csr" -CA root-ca.crt -CAkey root-ca.key -set_serial "$(serial)" \
    -days "$days" -sha256 -extfile "$work/$name.ext" -out "$name.crt" 2>/dev/null
  cat "$name.crt" root-ca.crt > "$name-chain.crt"
  openssl verify -CAfile root-ca.crt "$name.crt" >/dev/null
}

issue notary-server notary-server serverAuth "$(sans_for notary-server)"
issue notary-signer notary-signer serverAuth "$(sans_for notary-signer)"
issue notary-wrapper notary-wrapper serverAuth "$(sans_for notary-wrapper)"
issue notary-server-client notary-server clientAuth ""

chmod 600 ./*.key
chmod 644 ./*.crt
echo "generate-certs: wrote root CA and the notary-server, notary-signer, notary-wrapper and notary-server-client" \
  "certificates (alg $alg, $days days, namespace $namespace${release:+, release $release}) into $PWD"
