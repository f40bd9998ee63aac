#!/usr/bin/env bash
# p95 of logging an event under load, SQLite against PostgreSQL (docs/scaling.md): WORKERS concurrent users each log
# EVENTS missed calls through ApplicationService.LogEventAsync (the app's own code path: validation, insert, triggers,
# reminder re-planning), in one process, on a fresh SQLite file and on a fresh database of a private PostgreSQL server.
# Usage: [WORKERS=16 EVENTS=300] bench/events/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
WORKERS=${WORKERS:-16}; EVENTS=${EVENTS:-300}
# shellcheck source=../../deploy/lib/postgres.sh
source deploy/lib/postgres.sh
work="$(mktemp -d "${TMPDIR:-/tmp}/followup-events.XXXXXX")"
# A folder of its own (as test.sh does): as root the server runs as "postgres", which cannot enter $work (0700).
pg="$(mktemp -d "${TMPDIR:-/tmp}/followup-events-pg.XXXXXX")"
port="$(free_port)"
trap 'pg_stop "$pg"; rm -rf "$work" "$pg"' EXIT
pg_start "$pg" "$port"
pg_as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres events
dotnet build -c Release bench/FollowUp.EventsLoad -v quiet --nologo >/dev/null
mkdir -p "$work/sqlite"
dotnet run -c Release --no-build --project bench/FollowUp.EventsLoad -- sqlite "$work/sqlite" "$WORKERS" "$EVENTS" | tail -1
dotnet run -c Release --no-build --project bench/FollowUp.EventsLoad -- postgres "Host=127.0.0.1;Port=$port;Username=postgres;Database=events" "$WORKERS" "$EVENTS" | tail -1
