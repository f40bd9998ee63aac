#!/usr/bin/env bash
# The test command: sets up what the tests need on this machine, then runs every test of the solution
# (rules, conformance cases, database, HTTP and browser tests). Extra arguments go to `dotnet test`,
# e.g. ./test.sh --filter Conformance
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
[ ${#missing[@]} -eq 0 ] || install_debian "${missing[@]}"

exec dotnet test FollowUp.sln "$@"
