#!/usr/bin/env bash
# Sequential latency: COUNT GETs (after WARMUP) of Today (/ with the bench user's cookie) and of three
# minimal pages: /help (the app's smallest signed-in page: same layout, sign-in and interactive set-up as Today,
# no data), /healthz and the static /account/login page; one curl per request, time_total.
# Usage: PORT=5190 DATA=/tmp/followup-bench COUNT=300 WARMUP=500 bench/today/latency.sh
set -euo pipefail
PORT=${PORT:-5190}; DATA=${DATA:-/tmp/followup-bench}; COUNT=${COUNT:-300}; WARMUP=${WARMUP:-500}
BASE="http://127.0.0.1:$PORT"; AUTH=$(cat "$DATA/auth.cookie")
PID=$(cat "$DATA/server.pid")
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }  # utime + stime of the server process (all threads)
measure() { # name url [cookie]
  local name=$1 url=$2 out="$DATA/lat-$1.txt" hdr=()
  [ -n "${3:-}" ] && hdr=(-H "Cookie: followup.auth=$3")
  for _ in $(seq 1 "$WARMUP"); do curl -sS --max-time 10 "${hdr[@]}" -o /dev/null "$url"; done
  : > "$out"
  local c0; c0=$(cpu_ticks)
  for _ in $(seq 1 "$COUNT"); do
    curl -sS --max-time 10 "${hdr[@]}" -o /dev/null -w '%{http_code} %{time_total} %{time_starttransfer} %{size_download}\n' "$url" >> "$out"
  done
  local c1; c1=$(cpu_ticks)
  python3 - "$name" "$out" "$(( (c1 - c0) * 1000 / $(getconf CLK_TCK) ))" <<'PY'
import sys, statistics
name, path, cpu_ms = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [l.split() for l in open(path)]
bad = sum(1 for r in rows if r[0] != "200")
tt = sorted(float(r[1]) * 1000 for r in rows); ttfb = sorted(float(r[2]) * 1000 for r in rows)
pct = lambda a, p: a[min(len(a) - 1, int(round(p / 100 * len(a) + 0.5)) - 1)]
print(f"{name:<8} n={len(tt)} non200={bad} bytes={rows[0][3]:>7}  total ms: p50={pct(tt,50):6.1f} p95={pct(tt,95):6.1f} p99={pct(tt,99):6.1f} max={tt[-1]:6.1f} mean={statistics.mean(tt):6.1f}  ttfb p50={pct(ttfb,50):6.1f} p95={pct(ttfb,95):6.1f}  server CPU/request={cpu_ms/len(tt):6.1f} ms")
PY
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure today "$BASE/" "$AUTH"
measure help "$BASE/help" "$AUTH"
measure healthz "$BASE/healthz"
measure login "$BASE/account/login"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
