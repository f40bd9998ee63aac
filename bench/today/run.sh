#!/usr/bin/env bash
# One command for the whole "Today page under load" measurement:
#   bench/today/run.sh              # build (Release), fresh server + data, 200 applications, latency + wrk
#   CIRCUITS=100 bench/today/run.sh # ...then also RSS per circuit with 100 Chromium pages (needs playwright-core
#                                   #    in $PW_NODE_MODULES, default /tmp/pwbench/node_modules; see docs/performance.md)
# Env: PORT (5190), DATA (/tmp/followup-bench, wiped), N (200 applications), COUNT/WARMUP (latency), CONNS/THREADS/DURATION (wrk).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); HERE="$ROOT/bench/today"
export PORT=${PORT:-5190} DATA=${DATA:-/tmp/followup-bench} N=${N:-200}
case "$DATA" in /tmp/*) ;; *) echo "DATA must be under /tmp (it is wiped)" >&2; exit 1;; esac
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }
dotnet publish -c Release "$ROOT/src/FollowUp.Web" -o "$ROOT/artifacts/today-bench" -v q -nologo
rm -rf "$DATA"; mkdir -p "$DATA"
"$HERE/server.sh"
trap 'kill "$(cat "$DATA/server.pid")" 2>/dev/null || true' EXIT
echo "== machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$HERE/setup-user.sh"
# Restart so the measurement does not share the process with the import's after-effects (reminder planning,
# tier-0 JIT of the import path); the data and the auth cookie stay valid (data-protection keys are in $DATA).
kill "$(cat "$DATA/server.pid")"; sleep 2; "$HERE/server.sh"; sleep 5
echo "== sequential latency"; "$HERE/latency.sh"
echo "== throughput"; "$HERE/throughput.sh"
if [ -n "${CIRCUITS:-}" ]; then
  echo "== circuits (fresh server process, same data)"
  kill "$(cat "$DATA/server.pid")"; sleep 2; "$HERE/server.sh"
  curl -sS --max-time 60 -o /dev/null -H "Cookie: followup.auth=$(cat "$DATA/auth.cookie")" "http://127.0.0.1:$PORT/"
  NODE_PATH=${PW_NODE_MODULES:-/tmp/pwbench/node_modules} N=$CIRCUITS timeout 900 node "$HERE/circuits.cjs"
fi
