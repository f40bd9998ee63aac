#!/usr/bin/env bash
# Throughput with wrk (CONNS connections over THREADS threads), same server: Today (/ with the bench user's cookie)
# against /help (signed in, the app's minimal page) in ROUNDS alternating rounds of DURATION each, so a slow spell
# of the shared machine falls on both pages rather than on one; then /healthz and /account/login once for context.
# Prints requests/s and latency percentiles per run, the Today / help ratio per round and its median.
# Usage: PORT=5190 DATA=/tmp/followup-bench [ROUNDS=5 DURATION=10s CONNS=32 THREADS=2] bench/today/throughput.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-5190}; DATA=${DATA:-/tmp/followup-bench}
CONNS=${CONNS:-32}; THREADS=${THREADS:-2}; DURATION=${DURATION:-10s}; ROUNDS=${ROUNDS:-5}
BASE="http://127.0.0.1:$PORT"; AUTH=$(cat "$DATA/auth.cookie")
COOKIE=(-H "Cookie: followup.auth=$AUTH")
measure() { # name url [wrk args]: one measured run; --timeout keeps slow requests counted, not dropped
  local name=$1 url=$2; shift 2
  local line; line=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 10s -s "$HERE/report.lua" "$@" "$url" | tee "$DATA/wrk-$name.txt" | grep '^SUMMARY')
  echo "$name $line (load $(cut -d' ' -f1 /proc/loadavg))"
  echo "${line#*rps=}" | cut -d' ' -f1 > "$DATA/rps-$name"
}
warm() { wrk -t"$THREADS" -c"$CONNS" -d10s --timeout 10s "$@" > /dev/null; }
echo "wrk -t$THREADS -c$CONNS -d$DURATION, $ROUNDS rounds; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up at the same concurrency (JIT tiering, pools), each page.
warm "${COOKIE[@]}" "$BASE/"; warm "${COOKIE[@]}" "$BASE/help"; warm "$BASE/healthz"; warm "$BASE/account/login"
for r in $(seq 1 "$ROUNDS"); do
  measure "today-$r" "$BASE/" "${COOKIE[@]}"
  measure "help-$r" "$BASE/help" "${COOKIE[@]}"
done
measure healthz "$BASE/healthz"
measure login "$BASE/account/login"
python3 - "$DATA" "$ROUNDS" <<'PY'
import sys, statistics
d, rounds = sys.argv[1], int(sys.argv[2])
rps = lambda n: float(open(f"{d}/rps-{n}").read())
ratios = [100 * rps(f"today-{r}") / rps(f"help-{r}") for r in range(1, rounds + 1)]
today = statistics.median(rps(f"today-{r}") for r in range(1, rounds + 1))
print("Today/help per round: " + ", ".join(f"{x:.1f}%" for x in ratios))
print(f"Today/help median = {statistics.median(ratios):.1f}% (min {min(ratios):.1f}%, goal >= 40%)   "
      f"median Today {today:.0f} req/s: {100 * today / rps('login'):.1f}% of /account/login, {100 * today / rps('healthz'):.1f}% of /healthz")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
