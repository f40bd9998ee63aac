#!/usr/bin/env bash
# A FollowUp cluster on this machine, on loopback only: a PostgreSQL server, two app nodes (the published app,
# `dotnet FollowUp.Web.dll`) sharing its database, Hangfire store and key ring, and nginx in front with sticky
# sessions and WebSockets for Blazor. Everything lives in a state folder (default .cluster/ in the repository).
#
#   deploy/local-cluster.sh up      publish, start everything; the last line printed is the proxy's URL
#   deploy/local-cluster.sh down    stop everything (the data stays in the state folder; delete it to start afresh)
#
# Settings (environment): FOLLOWUP_CLUSTER_DIR (state folder), FOLLOWUP_CLUSTER_NODES (default 2),
# FOLLOWUP_CLUSTER_PORT (nginx's port, default a free one), FOLLOWUP_CLUSTER_PUBLISH=0 (reuse the app published by an
# earlier `up` instead of publishing again). Needs Debian's postgresql and nginx (installed when
# missing, as root). For trying several nodes, not for production: trust authentication on loopback, plain HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
state="${FOLLOWUP_CLUSTER_DIR:-$repo/.cluster}"
nodes="${FOLLOWUP_CLUSTER_NODES:-2}"
# shellcheck source=lib/postgres.sh
source deploy/lib/postgres.sh

log() { echo "local-cluster: $*" >&2; }

ensure_packages() {
    local missing=()
    [ -x "$PG_BIN/postgres" ] || missing+=(postgresql)
    [ -x /usr/sbin/nginx ] || missing+=(nginx)
    [ ${#missing[@]} -eq 0 ] && return
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { log "install these Debian packages first (as root): ${missing[*]}"; exit 1; }
        sudo="sudo"
    fi
    log "installing ${missing[*]} (Debian packages)…"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

wait_http() { # URL SECONDS
    local i
    for ((i = 0; i < $2 * 5; i++)); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true)" = "200" ]; then return 0; fi
        sleep 0.2
    done
    return 1
}

up() {
    ensure_packages
    mkdir -p "$state"
    if [ -f "$state/ports" ]; then
        log "already up (or not cleanly down): run '$0 down' first"; exit 1
    fi

    if [ "${FOLLOWUP_CLUSTER_PUBLISH:-1}" = "0" ] && [ -f "$state/app/FollowUp.Web.dll" ]; then
        log "reusing the app in $state/app (FOLLOWUP_CLUSTER_PUBLISH=0)"
    else
        log "publishing the app to $state/app…"
        dotnet publish src/FollowUp.Web/FollowUp.Web.csproj -c Release -o "$state/app" --nologo -v quiet >"$state/publish.log" 2>&1 \
            || { cat "$state/publish.log" >&2; exit 1; }
    fi

    local pg_port proxy_port
    pg_port="$(free_port)"
    proxy_port="${FOLLOWUP_CLUSTER_PORT:-$(free_port)}"
    log "PostgreSQL on 127.0.0.1:$pg_port…"
    pg_start "$state/pg" "$pg_port"
    pg_as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAq \
        -c "SELECT 1 FROM pg_database WHERE datname = 'followup'" | grep -q 1 \
        || pg_as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres followup
    local cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=followup"
    echo "pg=$pg_port proxy=$proxy_port" >"$state/ports"

    # The first node migrates the database before the others start (EF Core's migration lock would serialise them
    # anyway; one at a time keeps the logs readable).
    local servers="" n port
    for ((n = 1; n <= nodes; n++)); do
        port="$(free_port)"
        mkdir -p "$state/node$n"
        log "node $n on 127.0.0.1:$port…"
        (
            cd "$state/app"
            ASPNETCORE_ENVIRONMENT=Production \
            FollowUp__Database__Provider=Postgres \
            ConnectionStrings__FollowUp="$cs" \
            FollowUp__DataDirectory="$state/node$n/data" \
            Logging__Console__FormatterName=simple \
            nohup dotnet FollowUp.Web.dll --urls "http://127.0.0.1:$port" >"$state/node$n/app.log" 2>&1 &
            echo $! >"$state/node$n/pid"
        )
        wait_http "http://127.0.0.1:$port/healthz" 90 || { log "node $n did not become healthy:"; tail -30 "$state/node$n/app.log" >&2; exit 1; }
        echo "$port" >"$state/node$n/port"
        servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'
    done

    log "nginx on 127.0.0.1:$proxy_port…"
    mkdir -p "$state/nginx/tmp"
    sed -e "s|@STATE@|$state/nginx|g" -e "s|@PORT@|$proxy_port|g" deploy/nginx-cluster.conf \
        | awk -v servers="$servers" '{ if ($0 == "@SERVERS@") printf "%s", servers; else print }' >"$state/nginx/nginx.conf"
    /usr/sbin/nginx -p "$state/nginx" -c "$state/nginx/nginx.conf" -e "$state/nginx/error.log"
    wait_http "http://127.0.0.1:$proxy_port/healthz" 30 || { log "nginx does not answer:"; cat "$state/nginx/error.log" >&2; exit 1; }
    log "up: $nodes nodes, logs in $state/node*/app.log; stop with '$0 down'"
    echo "http://127.0.0.1:$proxy_port"
}

down() {
    if [ -f "$state/nginx/nginx.pid" ]; then
        /usr/sbin/nginx -p "$state/nginx" -c "$state/nginx/nginx.conf" -e "$state/nginx/error.log" -s quit 2>/dev/null || true
    fi
    local pidfile pid
    for pidfile in "$state"/node*/pid; do
        [ -f "$pidfile" ] || continue
        pid="$(cat "$pidfile")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$pidfile"
    done
    pg_stop "$state/pg"
    rm -f "$state/ports"
    log "down (data kept in $state; delete it to start afresh)"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
