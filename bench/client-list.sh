#!/usr/bin/env bash
# `list` of a GUN with 10,000 targets: our client (CLI process and in-process, cold and warm cache) vs the Go
# `notary list`, against the Go notary-server + notary-signer (memory storage) on loopback.
# Usage: bench/client-list.sh [targets=10000] [runs=10]. Needs hyperfine (Debian package) for the CLI figures.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
targets=${1:-10000}
runs=${2:-10}
work=$(mktemp -d /tmp/client-list-bench.XXXXXX)
gun=bench.example.com/client/list
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cd "$repo"
mvn -B -ntp -q -pl client -am -DskipTests compile >&2
cp="$repo/client/target/classes:$(cat "$repo/client/target/runtime-classpath.txt")"

/work/shared/peers/go-notary-up.sh "$work/go" --server-port "$(free_port)" --signer-port "$(free_port)" \
  --log-level error >&2
trap '/work/shared/peers/go-notary-down.sh "$work/go" >&2 || true; rm -rf "$work"' EXIT
# shellcheck disable=SC1091
source "$work/go/env"

java -cp "$cp" bench/client-list/ClientListBenchmark.java publish "$NOTARY_URL" "$NOTARY_CA" "$work/writer" "$gun" "$targets"

# bin/notary-client's AppCDS archive is made by its first run after a build: let that be a list.
rm -f "$repo/client/target/notary-client.jsa"
ours="$repo/bin/notary-client -s $NOTARY_URL --tlscacert $NOTARY_CA"
go="notary -s $NOTARY_URL --tlscacert $NOTARY_CA"
# Same rows from both (sorted: neither tool orders them).
diff <($ours -d "$work/check-ours" list "$gun" | sort) <($go -d "$work/check-go" list "$gun" | sort) >/dev/null \
  || { echo "outputs differ" >&2; exit 1; }
# notary prints a header line and a dashes line before one row per target.
rows=$(($($go -d "$work/check-go" list "$gun" | wc -l) - 2))
echo "rows listed: $rows"
[ "$rows" -eq "$targets" ] || { echo "listed $rows rows for $targets published targets" >&2; exit 1; }

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$work/cold.md" --export-json "$work/cold.json" \
    --prepare "rm -rf $work/cold-go $work/cold-ours" \
    -n "notary list (cold)" "$go -d $work/cold-go list $gun" \
    -n "notary-client list (cold)" "$ours -d $work/cold-ours list $gun"
  hyperfine -N --warmup 2 --runs "$runs" --export-markdown "$work/warm.md" \
    -n "notary list (warm)" "$go -d $work/check-go list $gun" \
    -n "notary-client list (warm)" "$ours -d $work/check-ours list $gun"
  cat "$work/cold.md" "$work/warm.md"
else
  for name in go ours; do
    cmd=${!name}
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do rm -rf "$work/cold-$name"; $cmd -d "$work/cold-$name" list "$gun" >/dev/null; done
    echo "$name cold: $(( ($(date +%s%N) - start) / runs / 1000000 )) ms/run"
  done
fi

java -cp "$cp" bench/client-list/ClientListBenchmark.java inprocess "$NOTARY_URL" "$NOTARY_CA" "$work" "$gun" "$runs" \
  | tee "$work/inprocess.txt"

# Goal lines (bench/run-all.sh gathers them): our CLI no slower than notary list; in-process cold >= 5x faster.
if [ -f "$work/cold.json" ]; then
  go_ms=$(jq '.results[0].mean * 1000' "$work/cold.json")
  ours_ms=$(jq '.results[1].mean * 1000' "$work/cold.json")
  inprocess_ms=$(sed -n 's/.*cold median \([0-9.]*\) ms.*/\1/p' "$work/inprocess.txt")
  awk -v go="$go_ms" -v ours="$ours_ms" -v inproc="$inprocess_ms" -v n="$targets" 'BEGIN {
    printf "- `list` of %d targets, our CLI no slower than `notary list` (cold): **%s** (measured %.0f ms vs %.0f ms, %.2fx)\n",
      n, (ours <= go ? "met" : "NOT met"), ours, go, ours / go
    printf "- `list` of %d targets in-process (cold cache) >= 5x faster than `notary list`: **%s** (measured %.1f ms vs %.0f ms, %.1fx)\n",
      n, (go / inproc >= 5 ? "met" : "NOT met"), inproc, go, go / inproc
  }'
fi
