#!/usr/bin/env bash
# Sign RPCs/s over mutual TLS: our signer vs the Go notary-signer 0.7 on the same PostgreSQL.
# Usage: bench/signer.sh [seconds-per-run] [client-threads]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
bin/setup-test-env >/dev/null
mvn -B -q -ntp -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Dnotary4j.repo="$repo" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.notary4j.bench.SignerBenchmark "${1:-10}" "${2:-16}"
