#!/usr/bin/env bash
# Throughput with wrk, CONNS connections over THREADS threads for DURATION each, same server, back to back:
# Today (/ with the bench user's cookie), /help (signed in, the app's minimal page), /healthz and /account/login.
# Prints requests/s, p50/p95/p99 and the Today / minimal-page ratios. Usage: PORT=5190 DATA=/tmp/followup-bench bench/today/throughput.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-5190}; DATA=${DATA:-/tmp/followup-bench}
CONNS=${CONNS:-32}; THREADS=${THREADS:-2}; DURATION=${DURATION:-20s}
BASE="http://127.0.0.1:$PORT"; AUTH=$(cat "$DATA/auth.cookie")
run() { # name url [header]
  local name=$1 url=$2; shift 2
  # 5 s warm-up at the same concurrency, then the measured run; --timeout keeps slow requests counted, not dropped.
  wrk -t"$THREADS" -c"$CONNS" -d5s --timeout 10s "$@" "$url" > /dev/null
  local line; line=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 10s -s "$HERE/report.lua" "$@" "$url" | tee "$DATA/wrk-$name.txt" | grep '^SUMMARY')
  echo "$name $line (load $(cut -d' ' -f1 /proc/loadavg))"
  echo "${line#*rps=}" | cut -d' ' -f1 > "$DATA/rps-$name"
}
echo "wrk -t$THREADS -c$CONNS -d$DURATION; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run today "$BASE/" -H "Cookie: followup.auth=$AUTH"
run help "$BASE/help" -H "Cookie: followup.auth=$AUTH"
run healthz "$BASE/healthz"
run login "$BASE/account/login"
python3 - "$DATA" <<'PY'
import sys; d = sys.argv[1]
r = {n: float(open(f"{d}/rps-{n}").read()) for n in ("today", "help", "healthz", "login")}
print(f"Today/help = {100*r['today']/r['help']:.1f}%   Today/login = {100*r['today']/r['login']:.1f}%   Today/healthz = {100*r['today']/r['healthz']:.1f}%   (goal >= 40%)")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
