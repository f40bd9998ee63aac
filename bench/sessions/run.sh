#!/usr/bin/env bash
# What checking the session on every request costs (ADR 0017): the real app (Release, published, Production over
# plain HTTP, SQLite in /tmp), one signed-in user, sequential keep-alive GETs of a small private download
# (/account/export.json of an empty account) and of a static file with the cookie, median and p95 latency.
# Usage: bench/sessions/run.sh [REV]   REV: a git revision instead of the working tree (e.g. main, before the change).
# Env: PORT (5193), DATA (/tmp/followup-sessions-bench), N (2000 requests per measure).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); HERE="$ROOT/bench/sessions"
REV=${1:-}; PORT=${PORT:-5193}; DATA=${DATA:-/tmp/followup-sessions-bench}; N=${N:-2000}
case "$DATA" in /tmp/*) ;; *) echo "DATA must be under /tmp (it is wiped)" >&2; exit 1;; esac
SRC="$ROOT"; OUT="$ROOT/artifacts/sessions-bench"
if [ -n "$REV" ]; then
  SRC="/tmp/followup-sessions-src"; OUT="$ROOT/artifacts/sessions-bench-rev"
  rm -rf "$SRC"; mkdir -p "$SRC"; git -C "$ROOT" archive "$REV" | tar -x -C "$SRC"
fi
dotnet publish -c Release "$SRC/src/FollowUp.Web" -o "$OUT" -v q -nologo
echo "== $(git -C "$ROOT" rev-parse --short "${REV:-HEAD}") (${REV:-working tree}); machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$DATA"; mkdir -p "$DATA"
cd "$OUT"
env ASPNETCORE_ENVIRONMENT=Production FollowUp__DataDirectory="$DATA" ConnectionStrings__FollowUp="Data Source=$DATA/followup.db" \
  FollowUp__Security__SecureCookies=false FollowUp__Backup__IntervalHours=0 Logging__LogLevel__Default=Warning \
  ./FollowUp.Web --urls "http://127.0.0.1:$PORT" > "$DATA/server.log" 2>&1 &
PID=$!; cd - >/dev/null
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break; sleep 0.25; done
python3 "$HERE/bench.py" 127.0.0.1 "$PORT" "$N"
