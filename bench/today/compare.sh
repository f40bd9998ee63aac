#!/usr/bin/env bash
# Today under load for two builds of the app, alternating A B A B on this machine, each on its own fresh data
# (200 applications): sequential latency and the wrk throughput rounds of run.sh.
# Usage: bench/today/compare.sh DIR_A DIR_B   (each a folder holding a FollowUp.Web executable, e.g. a publish output)
# Env: PAIRS (2), plus run.sh's PORT, N, COUNT, WARMUP, ROUNDS, DURATION, CONNS, THREADS.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export PORT=${PORT:-5190} N=${N:-200} ROUNDS=${ROUNDS:-3}
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }
for pair in $(seq 1 "${PAIRS:-2}"); do
  for label in A B; do
    dir=$([ "$label" = A ] && echo "$1" || echo "$2")
    export APP_DIR=$dir DATA=/tmp/followup-compare-$label
    rm -rf "$DATA"; mkdir -p "$DATA"
    echo "=== pair $pair, $label: $dir"
    "$HERE/server.sh" >/dev/null
    "$HERE/setup-user.sh" >/dev/null
    kill "$(cat "$DATA/server.pid")"; while kill -0 "$(cat "$DATA/server.pid")" 2>/dev/null; do sleep 0.2; done
    "$HERE/server.sh" >/dev/null; sleep 5
    "$HERE/latency.sh" | grep -E '^(today|help) '
    "$HERE/throughput.sh" | grep -E '^Today/help'
    kill "$(cat "$DATA/server.pid")"; while kill -0 "$(cat "$DATA/server.pid")" 2>/dev/null; do sleep 0.2; done
  done
done
