#!/usr/bin/env bash
# Starts the Release build of FollowUp.Web on 127.0.0.1:$PORT with a fresh data folder $DATA.
# Prints the server PID (the app process itself, not a `dotnet run` wrapper) to $DATA/server.pid.
# Usage: PORT=5190 DATA=/tmp/followup-bench bench/today/server.sh   (build first: dotnet build -c Release src/FollowUp.Web)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${PORT:-5190}
DATA=${DATA:-/tmp/followup-bench}
ENVIRONMENT=${ENVIRONMENT:-Production}
mkdir -p "$DATA"
APP="$ROOT/src/FollowUp.Web/bin/Release/net9.0/linux-x64/FollowUp.Web"
[ -x "$APP" ] || { echo "build first: dotnet build -c Release $ROOT/src/FollowUp.Web" >&2; exit 1; }
cd "$ROOT/src/FollowUp.Web"   # content root, as with dotnet run --project
ASPNETCORE_ENVIRONMENT=$ENVIRONMENT \
FollowUp__DataDirectory="$DATA" \
ConnectionStrings__FollowUp="Data Source=$DATA/followup.db" \
FollowUp__RateLimit__SignInPermits=100000 \
FollowUp__Security__SecureCookies=false \
  nohup "$APP" --urls "http://127.0.0.1:$PORT" > "$DATA/server.log" 2>&1 &
echo $! > "$DATA/server.pid"
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && { echo "up: pid $(cat "$DATA/server.pid") port $PORT"; exit 0; }
  kill -0 "$(cat "$DATA/server.pid")" 2>/dev/null || { echo "server exited; see $DATA/server.log" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }
  sleep 0.5
done
echo "server did not answer /healthz within 60 s" >&2; exit 1
