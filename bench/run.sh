#!/usr/bin/env bash
# bench/run.sh sqlite|postgres — the whole bench in one go (bench/README.md):
#   build the bench, publish the app (Release), generate the data (10,000 organizations, 100,000 people) and the
#   10,000-row import file, start the app on 127.0.0.1:$PORT in Production, run the scenarios, stop the app by its PID.
# Knobs (env): PORT (5084), ORGANIZATIONS (10000), PEOPLE (100000), REQUESTS (400), CLIENTS (4), KEEP_DATA (0 = regenerate),
#   BENCH_WORK (/tmp/lianjian-bench: SQLite file, logs, import file), BENCH_PG (connection string of a database whose name
#   contains "bench"; default on the test cluster 127.0.0.1:5433), OUT (bench/results/<provider>.md),
#   QUIET_WAIT (0: seconds to wait at most for the 1-minute load average to fall below QUIET_LOAD (1.5) before measuring —
#   the machine is shared, and other people's builds inflate the latencies), NICE (0; e.g. -10 as root gives the app and the
#   bench client CPU before other jobs on a shared machine — the PostgreSQL server keeps its own priority).
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PROVIDER="${1:-sqlite}"
PORT="${PORT:-5084}"
ORGANIZATIONS="${ORGANIZATIONS:-10000}"
PEOPLE="${PEOPLE:-100000}"
REQUESTS="${REQUESTS:-400}"
CLIENTS="${CLIENTS:-4}"
WORK="${BENCH_WORK:-/tmp/lianjian-bench}"
OUT="${OUT:-bench/results/$PROVIDER.md}"
APP_DIR="$PWD/artifacts/bench-app"
NICE="${NICE:-0}"
BENCH=(dotnet bench/Lianjian.Bench/bin/Release/net10.0/Lianjian.Bench.dll)
mkdir -p "$WORK"

case "$PROVIDER" in
  sqlite)   APP_PROVIDER=Sqlite;   CONNECTION="Data Source=$WORK/bench.db" ;;
  postgres) APP_PROVIDER=Postgres; CONNECTION="${BENCH_PG:-Host=127.0.0.1;Port=5433;Database=lianjian_bench;Username=lianjian;Password=lianjian}"
            bash scripts/test.sh pg-start >/dev/null ;;
  *) echo "usage: $0 sqlite|postgres" >&2; exit 64 ;;
esac

echo "==> build bench, publish app"
dotnet build bench/Lianjian.Bench -c Release -v q -nologo
dotnet publish src/Lianjian.Web -c Release -o "$APP_DIR" -v q -nologo

if [[ "${KEEP_DATA:-0}" != 1 ]]; then
  echo "==> generate $ORGANIZATIONS organizations, $PEOPLE people ($PROVIDER)"
  "${BENCH[@]}" generate --provider "$PROVIDER" --connection "$CONNECTION" --organizations "$ORGANIZATIONS" --people "$PEOPLE" --reset
fi
"${BENCH[@]}" generate-import-file --rows 10000 --provider "$PROVIDER" --connection "$CONNECTION" --out "$WORK/import-10000.xlsx"

echo "==> start the app on 127.0.0.1:$PORT"
# From its own folder, as deployed (README "Deployment"): appsettings.json applies (request logging at Warning).
( cd "$APP_DIR" && exec nice -n "$NICE" env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
    Lianjian__Database__Provider="$APP_PROVIDER" Lianjian__Database__ConnectionString="$CONNECTION" Lianjian__DataDirectory="$WORK" \
    dotnet Lianjian.Web.dll >"$WORK/app-$PROVIDER.log" 2>&1 ) &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; echo "==> app (pid $APP_PID) stopped"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app-$PROVIDER.log" >&2; exit 1; }
  sleep 1
done
echo "    app pid $APP_PID"

for _ in $(seq 1 "${QUIET_WAIT:-0}"); do
  awk -v max="${QUIET_LOAD:-1.5}" '{ exit !($1 < max) }' /proc/loadavg && break
  sleep 1
done
echo "==> scenarios (load average $(cut -d' ' -f1-3 /proc/loadavg))"
timeout 1200 nice -n "$NICE" "${BENCH[@]}" run --url "http://127.0.0.1:$PORT" --provider "$PROVIDER" --connection "$CONNECTION" --server-pid "$APP_PID" \
  --requests "$REQUESTS" --clients "$CLIENTS" --import-file "$WORK/import-10000.xlsx" --out "$OUT"
