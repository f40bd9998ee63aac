#!/usr/bin/env bash
# Reminder delivery measured on the real app (Release, published, SQLite, Hangfire in memory):
#   1. start-up planning with 100,000 Scheduled reminders: the first reconcile run, and one when nothing changed;
#   2. lateness: 200 reminders due 20–80 s after start, from due time to delivery row, p50/p95/max.
# Usage: bench/reminders/run.sh     Env: PORT (5191), DATA (/tmp/followup-reminder-bench, wiped)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd); HERE="$ROOT/bench/reminders"
PORT=${PORT:-5191}; DATA=${DATA:-/tmp/followup-reminder-bench}; OUT="$ROOT/artifacts/reminders-bench"
case "$DATA" in /tmp/*) ;; *) echo "DATA must be under /tmp (it is wiped)" >&2; exit 1;; esac
dotnet publish -c Release "$ROOT/src/FollowUp.Web" -o "$OUT" -v q -nologo
echo "== machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"

start() { # $1: extra env assignments
  cd "$OUT" # content root: the published wwwroot
  env ASPNETCORE_ENVIRONMENT=Production FollowUp__DataDirectory="$DATA" \
    ConnectionStrings__FollowUp="Data Source=$DATA/followup.db" FollowUp__Security__SecureCookies=false \
    FollowUp__Backup__IntervalHours=0 "$@" ./FollowUp.Web --urls "http://127.0.0.1:$PORT" > "$DATA/server.log" 2>&1 &
  echo $! > "$DATA/server.pid"; cd - >/dev/null
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && return 0; sleep 0.25; done
  echo "server did not start" >&2; tail -20 "$DATA/server.log" >&2; exit 1
}
stop() { # SIGTERM, then wait for the process to end (graceful shutdown) before anything reuses the port or file
  local pid; pid=$(cat "$DATA/server.pid" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
}
trap stop EXIT
fresh() { rm -rf "$DATA"; mkdir -p "$DATA"; start; stop; } # migrated, empty
sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print(*r, sep='|') for r in c.execute(sys.argv[2])]" "$DATA/followup.db" "$1"; }
wait_for() { for _ in $(seq 1 "$2"); do [ "$(sql "$1")" != "0" ] && return 0; sleep 1; done; echo "timed out: $1" >&2; exit 1; }

echo "== start-up planning, 100,000 scheduled reminders"
fresh; python3 "$HERE/seed.py" "$DATA/followup.db" planning
t0=$(date +%s.%N); start FollowUp__Reminders__ReconcileMinutes=1; t1=$(date +%s.%N)
wait_for "SELECT COUNT(*) FROM JobRuns WHERE Job='reconcile'" 60
echo "process start to healthy: $(python3 -c "print(f'{($t1-$t0)*1000:.0f} ms')")"
sql "SELECT 'first reconcile (deliver due + plan the next wake-up): ' || CAST(ROUND(DurationMs) AS INT) || ' ms; ' || Detail FROM JobRuns WHERE Job='reconcile' ORDER BY Id LIMIT 1"
wait_for "SELECT COUNT(*) >= 2 FROM JobRuns WHERE Job='reconcile'" 130
sql "SELECT 'reconcile, nothing changed: ' || CAST(ROUND(DurationMs) AS INT) || ' ms' FROM JobRuns WHERE Job='reconcile' ORDER BY Id LIMIT 1 OFFSET 1"
echo "managed heap and RSS: $(ps -o rss= -p "$(cat "$DATA/server.pid")" | awk '{printf "%.0f MB RSS", $1/1024}')"
stop

echo "== lateness, 200 reminders due 20-80 s after start"
fresh; python3 "$HERE/seed.py" "$DATA/followup.db" lateness
start
wait_for "SELECT COUNT(*) >= 200 FROM ReminderDeliveries" 150
python3 - "$DATA/followup.db" <<'PY'
import datetime, sqlite3, statistics, sys
c = sqlite3.connect(sys.argv[1])
p = lambda s: datetime.datetime.fromisoformat(s)
late = sorted((p(d) - p(u)).total_seconds() for u, d in c.execute("SELECT DueAtUtc, DeliveredAtUtc FROM ReminderDeliveries"))
q = lambda f: late[min(len(late) - 1, int(f * len(late)))]
print(f"{len(late)} delivered; lateness p50 {q(0.5):.2f} s, p95 {q(0.95):.2f} s, max {late[-1]:.2f} s, min {late[0]:.2f} s")
runs = c.execute("SELECT COUNT(*) FROM JobRuns WHERE Job='deliver'").fetchone()[0]
print(f"{runs} delivery runs for {len(late)} reminders")
PY
