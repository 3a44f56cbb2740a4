#!/usr/bin/env bash
# The whole benchmark suite: notary4j server + signer beside the Go notary-server + notary-signer 0.7, on loopback,
# same PostgreSQL server (separate databases). Writes docs/benchmarks.md and docs/benchmarks-scale.png.
# Usage: bench/run-all.sh [wrk-seconds-per-run (default 5)] [largest-scale-size (default 100000)]
# Bounded: about 8-12 minutes on 2 cores.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
wrk_seconds=${1:-5}
max_targets=${2:-100000}
out=bench/target/results
started=$(date -u +%s)

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v gnuplot >/dev/null || need+=(gnuplot-nox)
command -v notary >/dev/null || need+=(notary)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -q && $sudo_cmd apt-get install -y -q "${need[@]}"
fi
bin/setup-test-env >/dev/null
mvn -B -q -ntp -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p "$out" docs
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

java -Dnotary4j.repo="$repo" -cp "$cp" dev.notary4j.bench.ServiceBenchmark "$out" "$wrk_seconds" "$max_targets"
java -Dnotary4j.repo="$repo" -cp "$cp" dev.notary4j.bench.SignerBenchmark 10 16 | tee "$out/signer.txt"
# Workloads other helpers own: included when present.
for extra in client-list wrapper; do
  if [ -x "bench/$extra.sh" ]; then
    "bench/$extra.sh" | tee "$out/$extra.txt" || echo "bench/$extra.sh failed" | tee "$out/$extra.txt"
  fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

gnuplot <<PLOT
set terminal pngcairo size 900,560 noenhanced
set output 'docs/benchmarks-scale.png'
set title 'Scale: one GUN with N targets (PostgreSQL, loopback)'
set logscale xy
set xlabel 'targets'
set ylabel 'seconds (publish, list) / milliseconds (GET targets.json)'
set key top left
set grid
plot '$out/scale.dat' using 1:2 with linespoints title 'Go publish s', \
     '' using 1:3 with linespoints title 'notary4j publish s', \
     '' using 1:4 with linespoints title 'Go GET ms', \
     '' using 1:5 with linespoints title 'notary4j GET ms', \
     '' using 1:6 with linespoints title 'Go server + notary list s', \
     '' using 1:7 with linespoints title 'notary4j server + notary list s'
PLOT

{
  echo "# Benchmarks: notary4j vs Go notary 0.7"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC') ($(( $(date -u +%s) - started )) s for the whole run)"
  echo "- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB memory, PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version' 2>/dev/null || echo '?') on loopback, trust auth"
  echo "- Load average (1/5/15 min) before: $load_before; after: $load_after. Figures taken on a busy machine are noisy."
  echo "- Command: \`bench/run-all.sh $wrk_seconds $max_targets\`"
  if awk -v l="${load_before%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
    echo
    echo "**Warning: the machine was busy with other work (load average ${load_before%% *} on $(nproc) cores): these figures are not representative; rerun on a quiet machine.**"
  fi
  echo "- Both services started by testkit from the same notary config, each server+signer on its own PostgreSQL databases (Go's schema); loads from separate processes (wrk, the Go notary CLI) or, for publishes, also an in-process wire client; runs alternated Go then ours."
  echo
  cat "$out/services.md"
  echo "## Goals: client and wrapper (this run)"
  echo
  for extra in client-list wrapper; do
    grep -E '^- .*: \*\*(met|NOT met)\*\*' "$out/$extra.txt" 2>/dev/null || echo "- bench/$extra.sh: **not measured** (it failed or is missing)"
  done
  echo
  echo "## Signer: Sign RPCs over mutual TLS"
  echo
  sed -n '/^Sign over/,$p' "$out/signer.txt"
  echo
  for extra in client-list wrapper; do
    if [ -f "$out/$extra.txt" ]; then
      echo "## $extra (bench/$extra.sh)"; echo; cat "$out/$extra.txt"; echo
    fi
  done
  echo "## Scale curve"
  echo
  echo "![scale](benchmarks-scale.png)"
} > docs/benchmarks.md
echo "wrote docs/benchmarks.md and docs/benchmarks-scale.png in $(( $(date -u +%s) - started )) s"
