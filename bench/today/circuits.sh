#!/usr/bin/env bash
# Managed heap per circuit for one build, on its own fresh data (200 applications): circuits.cjs against it.
# Usage: bench/today/circuits.sh DIR [LABEL]   (DIR holds a FollowUp.Web executable, e.g. a publish output)
# Env: PAGE (/; e.g. /help), CIRCUITS (100), PORT (5191), PW_NODE_MODULES (/tmp/pwbench/node_modules, playwright-core).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
export PORT=${PORT:-5191} N=${N:-200} APP_DIR=$1 DATA=/tmp/followup-circuits-${2:-run}
rm -rf "$DATA"; mkdir -p "$DATA"
"$HERE/server.sh" >/dev/null; "$HERE/setup-user.sh" >/dev/null
kill "$(cat "$DATA/server.pid")"; while kill -0 "$(cat "$DATA/server.pid")" 2>/dev/null; do sleep 0.2; done
"$HERE/server.sh" >/dev/null
trap 'kill "$(cat "$DATA/server.pid")" 2>/dev/null || true' EXIT
curl -sS --max-time 60 -o /dev/null -H "Cookie: followup.auth=$(cat "$DATA/auth.cookie")" "http://127.0.0.1:$PORT/"
echo "=== ${2:-run} ($1), page ${PAGE:-/}"
NODE_PATH=${PW_NODE_MODULES:-/tmp/pwbench/node_modules} PAGE=${PAGE:-/} N=${CIRCUITS:-100} timeout 900 node "$HERE/circuits.cjs"
