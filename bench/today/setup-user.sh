#!/usr/bin/env bash
# Registers a bench user on the running server and imports N applications (bench/today/seed.py).
# Writes the auth cookie value to $DATA/auth.cookie. Usage: PORT=5190 DATA=/tmp/followup-bench N=200 bench/today/setup-user.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-5190}; DATA=${DATA:-/tmp/followup-bench}; N=${N:-200}
BASE="http://127.0.0.1:$PORT"
JAR="$DATA/cookies.txt"; rm -f "$JAR"
EMAIL="bench$(date +%s)@example.com"; PASS='Bench-Passw0rd-2026!'
token() { grep -o 'name="__RequestVerificationToken" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }

curl -sS --max-time 30 -c "$JAR" -b "$JAR" "$BASE/account/register" -o "$DATA/register.html"
curl -sS --max-time 30 -c "$JAR" -b "$JAR" -o /dev/null -w 'register: %{http_code}\n' \
  --data-urlencode "_handler=register" --data-urlencode "__RequestVerificationToken=$(token "$DATA/register.html")" \
  --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASS" --data-urlencode "Input.ConfirmPassword=$PASS" \
  "$BASE/account/register"
echo "$EMAIL" > "$DATA/bench.email"   # server.sh names it administrator at its next start
AUTH=$(awk '$6=="followup.auth"{print $7}' "$JAR")
[ -n "$AUTH" ] || { echo "no followup.auth cookie after registering" >&2; exit 1; }
echo "$AUTH" > "$DATA/auth.cookie"

python3 "$HERE/seed.py" "$N" > "$DATA/import.json"
curl -sS --max-time 30 -c "$JAR" -b "$JAR" "$BASE/account/import" -o "$DATA/import.html"
curl -sS --max-time 120 -c "$JAR" -b "$JAR" -o "$DATA/import-result.html" -w 'import: %{http_code} in %{time_total}s\n' \
  -F "_handler=import" -F "__RequestVerificationToken=$(token "$DATA/import.html")" \
  -F "Upload=@$DATA/import.json;type=application/json" "$BASE/account/import"
if ! grep -q 'data-testid="import-done"' "$DATA/import-result.html"; then
  echo "import did not succeed; see $DATA/import-result.html" >&2
  grep -o '<li[^>]*>[^<]*' "$DATA/import-result.html" | head -10 >&2; exit 1
fi
grep -o 'data-testid="import-done"[^<]*' "$DATA/import-result.html"
curl -sS --max-time 30 -H "Cookie: followup.auth=$AUTH" -o "$DATA/today.html" -w 'today: %{http_code} %{size_download} bytes\n' "$BASE/"
# Today shows the most urgent cards of each group and counts the rest; the counts must add up to N.
echo "applications counted on Today: $(grep -o '<span class="fu-count">[0-9]*' "$DATA/today.html" | grep -o '[0-9]*$' | awk '{s+=$1} END {print s}')" \
  "(cards shown: $(grep -o 'data-testid="today-card"' "$DATA/today.html" | wc -l))"
