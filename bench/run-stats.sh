#!/usr/bin/env bash
# bench/run-stats.sh sqlite|postgres — the statistics bench (issue 4) in one go (bench/README.md "Statistics (issue 4)"):
#   build the bench, publish the app (Release), generate the tree and people once, top the work orders up to $ORDERS
#   (three years; roll-ups rebuilt), start the app on 127.0.0.1:$PORT in Production, wait for a quiet machine, run the
#   scenarios (run-stats: dashboard per level of the tree, big screen, quarterly bulletin, memory under 8 and 16 clients),
#   stop the app by its PID.
# Knobs (env): PORT (5203), ORDERS (10000: total orders wanted; only the missing ones are generated), KEEP_DATA (1 = keep
#   the tree and people if the database exists; 0 = regenerate everything), REQUESTS (100 per dashboard scenario),
#   SCREEN_REQUESTS (100), WARM_UP (20 requests per scenario before measuring), BULLETINS (5), LOAD_CLIENTS (8,16), SECONDS_EACH (30), PERIOD (2026-Q3),
#   DASHBOARD_PATH / SCREEN_PATH / DOCUMENTS_PATH (override the endpoints; templates with {org} {from} {to}),
#   BENCH_WORK (/tmp/lianjian-statbench), BENCH_PG (a database whose name contains "bench"),
#   OUT (bench/results/stats-<provider>-<orders>.md), APP_DIR (artifacts/bench-app: the published app), GEN_NICE (10: niceness of the generation), SKIP_BUILD,
#   QUIET_WAIT / QUIET_LOAD / NICE as in run.sh.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PROVIDER="${1:-sqlite}"
PORT="${PORT:-5203}"
ORDERS="${ORDERS:-10000}"
WORK="${BENCH_WORK:-/tmp/lianjian-statbench}"
OUT="${OUT:-bench/results/stats-$PROVIDER-$ORDERS.md}"
APP_DIR="${APP_DIR:-$PWD/artifacts/bench-app}"
NICE="${NICE:-0}"
GEN_NICE="${GEN_NICE:-10}"
BENCH=(dotnet bench/Lianjian.Bench/bin/Release/net10.0/Lianjian.Bench.dll)
mkdir -p "$WORK"

case "$PROVIDER" in
  sqlite)   APP_PROVIDER=Sqlite;   CONNECTION="Data Source=$WORK/bench.db"; HAVE_DATA=$([[ -f "$WORK/bench.db" ]] && echo 1 || echo 0) ;;
  postgres) APP_PROVIDER=Postgres; CONNECTION="${BENCH_PG:-Host=127.0.0.1;Port=5433;Database=lianjian_statbench;Username=lianjian;Password=lianjian}"
            bash scripts/test.sh pg-start >/dev/null
            PG_DB=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$CONNECTION")
            HAVE_DATA=$(PGPASSWORD=lianjian psql -h 127.0.0.1 -p 5433 -U lianjian -d "$PG_DB" -tAc 'select 1 from "Organizations" limit 1' 2>/dev/null || echo 0)
            HAVE_DATA=${HAVE_DATA:-0} ;;
  *) echo "usage: $0 sqlite|postgres" >&2; exit 64 ;;
esac

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "==> build bench, publish app"
  dotnet build bench/Lianjian.Bench -c Release -v q -nologo
  dotnet publish src/Lianjian.Web -c Release -o "$APP_DIR" -v q -nologo
fi

echo "==> disk before: $(df -h / | awk 'NR==2 {print $4 " free of " $2}')"
if [[ "${KEEP_DATA:-1}" != 1 || "$HAVE_DATA" != 1 ]]; then
  echo "==> generate the tree and people ($PROVIDER)"
  nice -n "$GEN_NICE" "${BENCH[@]}" generate --provider "$PROVIDER" --connection "$CONNECTION" --reset
fi
echo "==> work orders up to $ORDERS"
/usr/bin/time -f "    generate-orders: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  nice -n "$GEN_NICE" "${BENCH[@]}" generate-orders --provider "$PROVIDER" --connection "$CONNECTION" --total "$ORDERS"
echo "==> disk after: $(df -h / | awk 'NR==2 {print $4 " free of " $2}')"

APP_PID=""
start_app() {
  ( cd "$APP_DIR" && exec nice -n "$NICE" env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
      Lianjian__Database__Provider="$APP_PROVIDER" Lianjian__Database__ConnectionString="$CONNECTION" Lianjian__DataDirectory="$WORK" \
      Lianjian__Jobs__Enabled=false dotnet Lianjian.Web.dll >>"$WORK/app-$PROVIDER.log" 2>&1 ) &
  APP_PID=$!
  for _ in $(seq 1 300); do
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

echo "==> start the app on 127.0.0.1:$PORT"
start_app
for _ in $(seq 1 "${QUIET_WAIT:-0}"); do
  awk -v max="${QUIET_LOAD:-1.5}" '{ exit !($1 < max) }' /proc/loadavg && break
  sleep 1
done
echo "==> scenarios (load average $(cut -d' ' -f1-3 /proc/loadavg))"
EXTRA=()
[[ -n "${DASHBOARD_PATH:-}" ]] && EXTRA+=(--dashboard-path "$DASHBOARD_PATH")
[[ -n "${SCREEN_PATH:-}" ]] && EXTRA+=(--screen-path "$SCREEN_PATH")
[[ -n "${DOCUMENTS_PATH:-}" ]] && EXTRA+=(--documents-path "$DOCUMENTS_PATH")
timeout 1800 nice -n "$NICE" "${BENCH[@]}" run-stats --url "http://127.0.0.1:$PORT" --provider "$PROVIDER" --connection "$CONNECTION" \
  --server-pid "$APP_PID" --requests "${REQUESTS:-100}" --screen-requests "${SCREEN_REQUESTS:-100}" --bulletins "${BULLETINS:-5}" --warm-up "${WARM_UP:-20}" \
  --load-clients "${LOAD_CLIENTS:-8,16}" --seconds "${SECONDS_EACH:-30}" --period "${PERIOD:-2026-Q3}" "${EXTRA[@]}" --out "$OUT"
stop_app
