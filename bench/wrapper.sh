#!/usr/bin/env bash
# POST /list and /verify latency and throughput: the wrapper (cached, TTL 0, first use) vs one `notary list` process per
# request (notary-wrapper's design), against a Go notary-server. Usage: bench/wrapper.sh [seconds-per-run] [threads]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
mvn -B -q -ntp -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
# Decision lines and INFO logs would cost more than the requests being measured.
exec java -Dlogback.configurationFile="$repo/bench/src/main/resources/logback.xml" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.notary4j.bench.WrapperBenchmark "${1:-10}" "${2:-4}"
