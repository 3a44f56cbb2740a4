#!/usr/bin/env bash
# Only the publish workload of ServiceBenchmark (both clients, Go vs ours); prints its table and goals.
# Usage: bench/publish.sh [output-dir (default bench/target/results-publish)]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
out=${1:-bench/target/results-publish}
command -v notary >/dev/null || { echo "bench/publish.sh: the Go notary CLI is missing (apt-get install notary)" >&2; exit 1; }
bin/setup-test-env >/dev/null
mvn -B -q -ntp -DskipTests -pl bench,server,signer -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -Dnotary4j.repo="$repo" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.notary4j.bench.ServiceBenchmark "$out" 0 0 publish
