#!/usr/bin/env bash
# The reminder sweep planning from the applications themselves (docs/performance.md, Reminders): N applications with an
# interview and no reminders (what a crash between an import's commit and its planning leaves), then the app starts;
# the start-up sweep plans all of them, the next (periodic) sweep finds nothing changed. Published Release app,
# Production, SQLite in /tmp. Usage: bench/reminders/sweep.sh [N ...] (default: 1000 10000)
# Env: PORT (5194), DATA (/tmp/followup-sweep-bench, wiped)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); HERE="$ROOT/bench/reminders"
PORT=${PORT:-5194}; DATA=${DATA:-/tmp/followup-sweep-bench}; OUT="$ROOT/artifacts/sweep-bench"
case "$DATA" in /tmp/*) ;; *) echo "DATA must be under /tmp (it is wiped)" >&2; exit 1;; esac
dotnet publish -c Release "$ROOT/src/FollowUp.Web" -o "$OUT" -v q -nologo
echo "== $(git -C "$ROOT" rev-parse --short HEAD); machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"

start() {
  cd "$OUT"
  env ASPNETCORE_ENVIRONMENT=Production FollowUp__DataDirectory="$DATA" ConnectionStrings__FollowUp="Data Source=$DATA/followup.db" \
    FollowUp__Backup__IntervalHours=0 FollowUp__Reminders__ReconcileMinutes=1 Logging__LogLevel__Default=Warning "$@" \
    ./FollowUp.Web --urls "http://127.0.0.1:$PORT" > "$DATA/server.log" 2>&1 &
  echo $! > "$DATA/server.pid"; cd - >/dev/null
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && return 0; sleep 0.25; done
  echo "server did not start" >&2; tail -20 "$DATA/server.log" >&2; exit 1
}
stop() {
  local pid; pid=$(cat "$DATA/server.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
}
trap stop EXIT
sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print(*r, sep='|') for r in c.execute(sys.argv[2])]" "$DATA/followup.db" "$1"; }
wait_for() { for _ in $(seq 1 "$2"); do [ "$(sql "$1")" != "0" ] && return 0; sleep 1; done; echo "timed out: $1" >&2; exit 1; }

for n in "${@:-1000 10000}"; do
  for count in $n; do
    echo "== $count applications, none planned"
    rm -rf "$DATA"; mkdir -p "$DATA"; start; stop   # migrated, empty
    python3 "$HERE/sweep.py" "$DATA/followup.db" "$count"
    start
    wait_for "SELECT COUNT(*) FROM JobRuns WHERE Job='reconcile'" 600
    sql "SELECT 'start-up sweep: ' || CAST(ROUND(DurationMs) AS INT) || ' ms (' || Detail || ')' FROM JobRuns WHERE Job='reconcile' ORDER BY Id LIMIT 1"
    sql "SELECT 'applications with reminders: ' || COUNT(DISTINCT ApplicationId) || ', reminders: ' || COUNT(*) FROM Reminders"
    # The first periodic sweep that started after the start-up one had finished.
    after="julianday(StartedAtUtc) > (SELECT julianday(StartedAtUtc) + DurationMs / 86400000.0 FROM JobRuns WHERE Job='reconcile' ORDER BY Id LIMIT 1)"
    wait_for "SELECT COUNT(*) FROM JobRuns WHERE Job='reconcile' AND $after" 130
    sql "SELECT 'periodic sweep, nothing changed: ' || CAST(ROUND(DurationMs) AS INT) || ' ms (' || Detail || ')' FROM JobRuns WHERE Job='reconcile' AND $after ORDER BY Id LIMIT 1"
    stop
  done
done
