#!/usr/bin/env bash
# Import under abuse, measured on the real app (Release, published, Production over plain HTTP, SQLite in /tmp):
# a 5 MB file of 1.7 million `{}` applications posted through the import form, once alone and three at once;
# time per request, and the server's extra memory (peak RSS during the requests minus RSS before, and RSS 5 s
# after). Usage: bench/import/run.sh [REV]   REV: a git revision to measure instead of the working tree (e.g.
# `bench/import/run.sh main` for the figures before a change). Env: PORT (5192), DATA (/tmp/followup-import-bench).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); HERE="$ROOT/bench/import"
REV=${1:-}; PORT=${PORT:-5192}; DATA=${DATA:-/tmp/followup-import-bench}
case "$DATA" in /tmp/*) ;; *) echo "DATA must be under /tmp (it is wiped)" >&2; exit 1;; esac
SRC="$ROOT"; OUT="$ROOT/artifacts/import-bench"
if [ -n "$REV" ]; then
  SRC="/tmp/followup-import-src"; OUT="$ROOT/artifacts/import-bench-rev"
  rm -rf "$SRC"; mkdir -p "$SRC"; git -C "$ROOT" archive "$REV" | tar -x -C "$SRC"
fi
dotnet publish -c Release "$SRC/src/FollowUp.Web" -o "$OUT" -v q -nologo
echo "== $(git -C "$ROOT" rev-parse --short "${REV:-HEAD}") (${REV:-working tree}); machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"

rm -rf "$DATA"; mkdir -p "$DATA"
cd "$OUT" # content root: the published wwwroot
# SecureCookies=false: releases before the proxy fix answer 500 on plain HTTP in Production without it.
env ASPNETCORE_ENVIRONMENT=Production FollowUp__DataDirectory="$DATA" ConnectionStrings__FollowUp="Data Source=$DATA/followup.db" \
  FollowUp__Security__SecureCookies=false FollowUp__Backup__IntervalHours=0 FollowUp__RateLimit__SignInPermits=1000 \
  ./FollowUp.Web --urls "http://127.0.0.1:$PORT" > "$DATA/server.log" 2>&1 &
PID=$!; cd - >/dev/null
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break; sleep 0.25; done
python3 "$HERE/bench.py" "http://127.0.0.1:$PORT" "$PID" "$DATA"
