# A private PostgreSQL 15 cluster in a folder of its own, on loopback: sourced by test.sh and deploy/local-cluster.sh.
# PostgreSQL refuses to run as root; as root the cluster belongs to the "postgres" user that Debian's package creates.
# Trust authentication, on 127.0.0.1 only: for tests and a local try-out, never for production.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

# pg_as_owner CMD...: runs CMD as the cluster's owner (postgres when we are root).
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# pg_start DIR PORT: initialises DIR/pgdata when new, starts the server on 127.0.0.1:PORT, waits until it answers.
pg_start() {
    local dir="$1" port="$2"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    if [ ! -f "$dir/pgdata/PG_VERSION" ]; then
        pg_as_owner "$PG_BIN/initdb" -D "$dir/pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; return 1; }
    fi
    pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/pgdata" -l "$dir/postgres.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=${PG_FSYNC:-on}" start >/dev/null \
        || { tail -20 "$dir/postgres.log" >&2; return 1; }
}

# pg_stop DIR: stops the server (fast shutdown) if it runs.
pg_stop() {
    local dir="$1"
    if [ -f "$dir/pgdata/postmaster.pid" ]; then
        pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/pgdata" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

# free_port: a TCP port on 127.0.0.1 nobody listens on now.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}
