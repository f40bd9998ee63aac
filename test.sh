#!/usr/bin/env bash
# The test command: sets up what the tests need on this machine, then runs every test of the solution
# (rules, conformance cases, database, HTTP, browser and cluster tests) on SQLite, and the database tests
# (classes marked [Trait("Database", "Both")]) a second time on PostgreSQL. A private PostgreSQL server runs
# on loopback in a temporary folder for the length of the run. Extra arguments go to `dotnet test` and run the
# first pass only, e.g. ./test.sh --filter Conformance
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests drive; installed only when missing (root, or sudo when available).
install_debian() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "Install these Debian packages first (as root): $*" >&2; exit 1; }
        sudo="sudo"
    fi
    echo "Installing $* (Debian packages)…"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# The browser tests drive Debian's Chromium (Playwright cannot download a browser here); Japanese pages
# need a CJK font so text measures and screenshots read as they do on a phone.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# PostgreSQL (the second provider, shared by several nodes) and nginx (the proxy in front of them).
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] || install_debian "${missing[@]}"

# shellcheck source=deploy/lib/postgres.sh
source deploy/lib/postgres.sh
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/followup-test-pg.XXXXXX")"
pg_port="$(free_port)"
cleanup() { pg_stop "$pg_dir"; rm -rf "$pg_dir"; }
trap cleanup EXIT
# fsync off: a test server that is thrown away at the end; nothing in it must survive a power cut.
PG_FSYNC=off pg_start "$pg_dir" "$pg_port"
export FOLLOWUP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL for the tests on 127.0.0.1:$pg_port"

dotnet test FollowUp.sln "$@"
if [ $# -eq 0 ]; then
    echo "Database tests again, on PostgreSQL…"
    FOLLOWUP_TEST_PROVIDER=Postgres dotnet test tests/FollowUp.Web.Tests/FollowUp.Web.Tests.csproj --no-build --filter "Database=Both"
fi
