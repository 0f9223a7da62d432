#!/usr/bin/env bash
# bench/run-orders.sh sqlite|postgres — the work-order bench (issue 3) in one go (bench/README.md "Work orders"):
#   build the bench, publish the app (Release), generate the tree and people once, top the work orders up to $ORDERS,
#   start the app on 127.0.0.1:$PORT in Production, run the scenarios (run-orders), stop the app by its PID; then the
#   crash test: start the app, submit from 16 clients and kill -9 it mid-stream, start it again, check every acknowledged order.
# Knobs (env): PORT (5097), ORDERS (10000: total orders wanted; only the missing ones are generated), KEEP_DATA (1 = keep the
#   tree and people if the database exists; 0 = regenerate everything), CLIENTS (16), LOOPS (8),
#   LIST_REQUESTS (200 per list over HTTP), RAW_REQUESTS (100 per list in-process), SECONDS_EACH (20),
#   CRASH (1 = run the crash test after the scenarios; only = only the crash test), KILL_AFTER_MS (8000),
#   BENCH_WORK (/tmp/lianjian-wobench), BENCH_PG (a database whose name contains "bench"), OUT (bench/results/orders-<provider>-<orders>.md),
#   QUIET_WAIT / QUIET_LOAD / NICE as in run.sh.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PROVIDER="${1:-sqlite}"
PORT="${PORT:-5097}"
ORDERS="${ORDERS:-10000}"
WORK="${BENCH_WORK:-/tmp/lianjian-wobench}"
OUT="${OUT:-bench/results/orders-$PROVIDER-$ORDERS.md}"
APP_DIR="$PWD/artifacts/bench-app"
NICE="${NICE:-0}"
CRASH="${CRASH:-1}"
BENCH=(dotnet bench/Lianjian.Bench/bin/Release/net10.0/Lianjian.Bench.dll)
mkdir -p "$WORK"

case "$PROVIDER" in
  sqlite)   APP_PROVIDER=Sqlite;   CONNECTION="Data Source=$WORK/bench.db"; HAVE_DATA=$([[ -f "$WORK/bench.db" ]] && echo 1 || echo 0) ;;
  postgres) APP_PROVIDER=Postgres; CONNECTION="${BENCH_PG:-Host=127.0.0.1;Port=5433;Database=lianjian_wobench;Username=lianjian;Password=lianjian}"
            bash scripts/test.sh pg-start >/dev/null
            HAVE_DATA=$(PGPASSWORD=lianjian psql -h 127.0.0.1 -p 5433 -U lianjian -d lianjian_wobench -tAc 'select 1 from "Organizations" limit 1' 2>/dev/null || echo 0)
            HAVE_DATA=${HAVE_DATA:-0} ;;
  *) echo "usage: $0 sqlite|postgres" >&2; exit 64 ;;
esac

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "==> build bench, publish app"
  dotnet build bench/Lianjian.Bench -c Release -v q -nologo
  dotnet publish src/Lianjian.Web -c Release -o "$APP_DIR" -v q -nologo
fi

if [[ "${KEEP_DATA:-1}" != 1 || "$HAVE_DATA" != 1 ]]; then
  echo "==> generate the tree and people ($PROVIDER)"
  "${BENCH[@]}" generate --provider "$PROVIDER" --connection "$CONNECTION" --reset
fi
echo "==> work orders up to $ORDERS"
"${BENCH[@]}" generate-orders --provider "$PROVIDER" --connection "$CONNECTION" --total "$ORDERS"

APP_PID=""
start_app() {
  ( cd "$APP_DIR" && exec nice -n "$NICE" env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
      Lianjian__Database__Provider="$APP_PROVIDER" Lianjian__Database__ConnectionString="$CONNECTION" Lianjian__DataDirectory="$WORK" \
      dotnet Lianjian.Web.dll >>"$WORK/app-$PROVIDER.log" 2>&1 ) &
  APP_PID=$!
  for _ in $(seq 1 90); do
    curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && { echo "    app pid $APP_PID"; return 0; }
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$WORK/app-$PROVIDER.log" >&2; exit 1; }
    sleep 1
  done
  echo "the app did not answer /healthz" >&2; exit 1
}
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; echo "==> app (pid $APP_PID) stopped"; fi
  APP_PID=""
}
trap stop_app EXIT

if [[ "$CRASH" != only ]]; then
  echo "==> start the app on 127.0.0.1:$PORT"
  start_app
  for _ in $(seq 1 "${QUIET_WAIT:-0}"); do
    awk -v max="${QUIET_LOAD:-1.5}" '{ exit !($1 < max) }' /proc/loadavg && break
    sleep 1
  done
  echo "==> scenarios (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  timeout 1800 nice -n "$NICE" "${BENCH[@]}" run-orders --url "http://127.0.0.1:$PORT" --provider "$PROVIDER" --connection "$CONNECTION" \
    --server-pid "$APP_PID" --clients "${CLIENTS:-16}" --seconds "${SECONDS_EACH:-20}" --loops "${LOOPS:-8}" \
    --list-requests "${LIST_REQUESTS:-200}" --raw-requests "${RAW_REQUESTS:-100}" --out "$OUT"
  stop_app
fi

if [[ "$CRASH" != 0 ]]; then
  echo "==> crash test: submit from 16 clients, kill -9 the app after ${KILL_AFTER_MS:-8000} ms, restart, check"
  start_app
  "${BENCH[@]}" crash-submit --url "http://127.0.0.1:$PORT" --provider "$PROVIDER" --connection "$CONNECTION" --server-pid "$APP_PID" \
    --clients 16 --kill-after-ms "${KILL_AFTER_MS:-8000}" --out "$WORK/acknowledged.tsv"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  start_app
  "${BENCH[@]}" crash-check --url "http://127.0.0.1:$PORT" --provider "$PROVIDER" --connection "$CONNECTION" --in "$WORK/acknowledged.tsv"
  stop_app
fi
