#!/usr/bin/env bash
# Starts the Release build of FollowUp.Web on 127.0.0.1:$PORT with a fresh data folder $DATA.
# Prints the server PID (the app process itself, not a `dotnet run` wrapper) to $DATA/server.pid. The bench user that
# setup-user.sh registered ($DATA/bench.email) is named administrator (for /ops in circuits.cjs).
# Usage: PORT=5190 DATA=/tmp/followup-bench bench/today/server.sh   (publish first: dotnet publish -c Release src/FollowUp.Web -o artifacts/today-bench)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${PORT:-5190}
DATA=${DATA:-/tmp/followup-bench}
ENVIRONMENT=${ENVIRONMENT:-Production}
mkdir -p "$DATA"
APP_DIR=${APP_DIR:-$ROOT/artifacts/today-bench}
APP="$APP_DIR/FollowUp.Web"
[ -x "$APP" ] || { echo "publish first: dotnet publish -c Release $ROOT/src/FollowUp.Web -o $APP_DIR" >&2; exit 1; }
cd "$APP_DIR"   # content root: the published wwwroot serves the static assets outside Development
ASPNETCORE_ENVIRONMENT=$ENVIRONMENT \
FollowUp__DataDirectory="$DATA" \
ConnectionStrings__FollowUp="Data Source=$DATA/followup.db" \
FollowUp__RateLimit__SignInPermits=100000 \
FollowUp__Security__SecureCookies=false \
FollowUp__Admin__Emails="$(cat "$DATA/bench.email" 2>/dev/null || true)" \
  nohup "$APP" --urls "http://127.0.0.1:$PORT" > "$DATA/server.log" 2>&1 &
echo $! > "$DATA/server.pid"
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && { echo "up: pid $(cat "$DATA/server.pid") port $PORT"; exit 0; }
  kill -0 "$(cat "$DATA/server.pid")" 2>/dev/null || { echo "server exited; see $DATA/server.log" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }
  sleep 0.5
done
echo "server did not answer /healthz within 60 s" >&2; exit 1
