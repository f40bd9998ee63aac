#!/usr/bin/env bash
# Several nodes on one machine (docs/scaling.md): for 1 and then 2 nodes behind nginx (deploy/local-cluster.sh),
#  1. Today's requests per second through nginx (wrk, the bench user's cookie, no node pin: nginx picks a node per
#     request), ROUNDS rounds of DURATION after a warm-up;
#  2. delivery of REMINDERS reminders all due at one moment (seeded with SQL while the nodes are down, due LEAD seconds
#     after they start): time from the due moment to the last delivery, and the deliveries per node.
# Usage: [ROUNDS=3 DURATION=10s CONNS=32 N=200 REMINDERS=10000 LEAD=40 NODES="1 2" SKIP_TODAY=0 APP=] bench/cluster/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-3}; DURATION=${DURATION:-10s}; CONNS=${CONNS:-32}; N=${N:-200}; REMINDERS=${REMINDERS:-10000}; LEAD=${LEAD:-40}
# shellcheck source=../../deploy/lib/postgres.sh
source deploy/lib/postgres.sh
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }

for nodes in ${NODES:-1 2}; do
    state="${TMPDIR:-/tmp}/followup-cluster-bench-$nodes"
    FOLLOWUP_CLUSTER_DIR="$state" deploy/local-cluster.sh down >/dev/null 2>&1 || true
    rm -rf "$state"
    publish=1
    if [ -n "${APP:-}" ]; then   # an app published earlier (deploy/local-cluster.sh's app folder)
        mkdir -p "$state" && cp -r "$APP" "$state/app" && publish=0
    elif [ "$nodes" -gt 1 ]; then   # the same build as the one-node run
        mkdir -p "$state" && cp -r "${TMPDIR:-/tmp}/followup-cluster-bench-1/app" "$state/app" && publish=0
    fi
    url=$(FOLLOWUP_CLUSTER_DIR="$state" FOLLOWUP_CLUSTER_NODES=$nodes FOLLOWUP_CLUSTER_PUBLISH=$publish deploy/local-cluster.sh up 2>/dev/null | tail -1)
    port=${url##*:}
    data="$state/bench"; mkdir -p "$data"
    PORT=$port DATA=$data N=$N bench/today/setup-user.sh >/dev/null
    cookie="Cookie: followup.auth=$(cat "$data/auth.cookie")"
    if [ "${SKIP_TODAY:-0}" != "1" ]; then
    wrk -t2 -c"$CONNS" -d10s --timeout 10s -H "$cookie" "$url/" >/dev/null   # warm-up
    rates=()
    for r in $(seq 1 "$ROUNDS"); do
        line=$(wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s -s bench/today/report.lua -H "$cookie" "$url/" | grep '^SUMMARY')
        rates+=("$(echo "${line#*rps=}" | cut -d' ' -f1)")
        echo "nodes=$nodes today round $r: $line (load $(cut -d' ' -f1 /proc/loadavg))"
    done
    median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "nodes=$nodes Today through nginx: median $median req/s"
    echo "$median" >"${TMPDIR:-/tmp}/followup-cluster-bench-rps-$nodes"
    fi

    # Reminders: seeded behind the nodes' back while they are down, all due LEAD seconds later; then the nodes start
    # (their start-up sweep arms a wake-up for that moment on each node).
    pg_port=$(sed 's/pg=\([0-9]*\).*/\1/' "$state/ports")
    FOLLOWUP_CLUSTER_DIR="$state" deploy/local-cluster.sh down >/dev/null 2>&1
    pg_start "$state/pg" "$pg_port"
    psql_() { pg_as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d followup -v ON_ERROR_STOP=1 -qtA "$@"; }
    psql_ -c "
        INSERT INTO \"ReminderPreferences\" (\"UserId\", \"EmailEnabled\", \"QuietStart\", \"QuietEnd\")
            SELECT \"Id\", false, '00:00', '00:00' FROM \"AspNetUsers\"
            ON CONFLICT (\"UserId\") DO UPDATE SET \"QuietStart\" = '00:00', \"QuietEnd\" = '00:00';
        UPDATE \"ReminderPlans\" SET \"PlannedVersion\" = \"ChangeVersion\";
        UPDATE \"Reminders\" SET \"State\" = 4 WHERE \"State\" = 0;
        INSERT INTO \"Reminders\" (\"OwnerId\", \"ApplicationId\", \"InterviewId\", \"StepKind\", \"Kind\", \"OpensAt\", \"DueAtUtc\", \"State\", \"CreatedAtUtc\")
            SELECT a.\"OwnerId\", a.\"Id\", 1000000 + g, 1, 1, now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC') + interval '$LEAD seconds', 0, now() AT TIME ZONE 'UTC'
            FROM generate_series(1, $REMINDERS) g, (SELECT \"Id\", \"OwnerId\" FROM \"Applications\" ORDER BY \"Id\" LIMIT 1) a;"
    pg_stop "$state/pg"
    FOLLOWUP_CLUSTER_DIR="$state" FOLLOWUP_CLUSTER_NODES=$nodes FOLLOWUP_CLUSTER_PORT=$port FOLLOWUP_CLUSTER_PUBLISH=0 \
        deploy/local-cluster.sh up >/dev/null 2>&1
    pg_port=$(sed 's/pg=\([0-9]*\).*/\1/' "$state/ports")
    if [ "$(psql_ -c "SELECT count(*) FROM \"ReminderDeliveries\" d JOIN \"Reminders\" r ON r.\"Id\" = d.\"ReminderId\" WHERE r.\"InterviewId\" > 1000000")" != "0" ]; then
        echo "  (the nodes took longer than LEAD=$LEAD s to start: delivery began before they were all up)"
    fi
    # A delivery run stamps all its reminders with the time it started, so the span is read here, on the database's
    # clock: polled every 0.2 s until none of the bench reminders is left scheduled.
    for _ in $(seq 1 3000); do
        row=$(psql_ -c "SELECT count(*) FILTER (WHERE \"State\" = 0), round(extract(epoch FROM (now() AT TIME ZONE 'UTC') - min(\"DueAtUtc\"))::numeric, 1)
                        FROM \"Reminders\" WHERE \"InterviewId\" > 1000000")
        left=${row%%|*}
        [ "$left" = "0" ] && break
        sleep 0.2
    done
    psql_ -c "SELECT 'nodes=$nodes reminders: ' || count(*) || ' delivered (' || count(DISTINCT d.\"ReminderId\") || ' distinct), all within '
                 || '${row#*|} s of the due moment'
              FROM \"ReminderDeliveries\" d JOIN \"Reminders\" r ON r.\"Id\" = d.\"ReminderId\" WHERE r.\"InterviewId\" > 1000000"
    for n in $(seq 1 "$nodes"); do
        echo "  node $n logged: $(grep -o '[0-9]* reminders delivered' "$state/node$n/app.log" | awk '{s+=$1} END {print s+0}') delivered"
    done
    FOLLOWUP_CLUSTER_DIR="$state" deploy/local-cluster.sh down >/dev/null 2>&1
done
[ "${SKIP_TODAY:-0}" = "1" ] && exit 0
one=$(cat "${TMPDIR:-/tmp}/followup-cluster-bench-rps-1"); two=$(cat "${TMPDIR:-/tmp}/followup-cluster-bench-rps-2")
echo "Today through nginx: 1 node $one req/s, 2 nodes $two req/s, ratio $(awk -v a="$one" -v b="$two" 'BEGIN {printf "%.2f", b/a}')"
