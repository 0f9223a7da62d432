#!/usr/bin/env bash
# scripts/test.sh — the README's test command (and what .ci/run calls): installs what the tests need,
# starts a throw-away PostgreSQL, builds, checks both EF providers for model changes without a migration,
# and runs every test project. Debian 12 with the .NET 10 SDK; run as root for apt (or have the packages).
#
#   scripts/test.sh            # = setup + test
#   scripts/test.sh setup      # apt packages (only if missing), dotnet tool restore
#   scripts/test.sh test       # start private PostgreSQL, build, EF drift check, dotnet test every test project
#   scripts/test.sh pg-start | pg-stop | pg-status | pg-destroy
#
# Exit code != 0 on: any apt/restore/build failure, any failed test, any test project that ran
# 0 tests (VSTest exits 0 in that case!), EF model changes without a migration.
#
# Knobs (env): CONFIGURATION (Release), CI_ARTIFACTS (<repo>/artifacts/ci), SOLUTION (auto),
#   PG_PORT (5433), PG_ROOT (/tmp/ci-pg), PG_KEEP (0 = stop PG on exit if we started it),
#   CHROMIUM_PATH (/usr/bin/chromium), CI_SKIP_APT (0), TEST_FILTER (VSTest --filter, optional),
#   TEST_ARGS (extra args appended to every `dotnet test`), COVERAGE (0; 1 = coverlet "XPlat Code Coverage", VSTest only),
#   EF_CONTEXTS ("SqliteAppDbContext PostgresAppDbContext"), EF_PROJECT (src/Lianjian.Web)
#
# Test runner: VSTest by default (xunit 2.x + xunit.runner.visualstudio). If global.json contains
# "test": { "runner": "Microsoft.Testing.Platform" } (xunit.v3 4.x), the MTP command line is used instead.
set -Eeuo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="${CI_REPO_ROOT:-$(cd "$SCRIPT_DIR/.." && pwd)}"
cd "$REPO_ROOT"

CONFIGURATION="${CONFIGURATION:-Release}"
CI_ARTIFACTS="${CI_ARTIFACTS:-$REPO_ROOT/artifacts/ci}"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
PG_PORT="${PG_PORT:-5433}"
PG_ROOT="${PG_ROOT:-/tmp/ci-pg}"
PG_KEEP="${PG_KEEP:-0}"
PG_APP_USER="${PG_APP_USER:-lianjian}"
PG_APP_PASSWORD="${PG_APP_PASSWORD:-lianjian}"
PG_APP_DB="${PG_APP_DB:-lianjian}"
EF_PROJECT="${EF_PROJECT:-src/Lianjian.Web}"
EF_CONTEXTS="${EF_CONTEXTS:-SqliteAppDbContext PostgresAppDbContext}"
APT_PACKAGES=(postgresql chromium fonts-noto-cjk)

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false
# No lingering MSBuild/compiler server processes after the job.
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false DOTNET_CLI_USE_MSBUILD_SERVER=0

T0=$SECONDS
log()  { printf '\n==> [%4ss] %s\n' "$((SECONDS - T0))" "$*"; }
die()  { printf '\n!!! %s\n' "$*" >&2; exit 1; }
step() { # step "label" cmd...   -> runs, prints wall time, propagates failure
  local label="$1" s=$SECONDS; shift
  log "$label"
  "$@" || { local rc=$?; printf '!!! %s failed (rc=%s) after %ss\n' "$label" "$rc" "$((SECONDS - s))" >&2; return "$rc"; }
  printf '    %s: %ss\n' "$label" "$((SECONDS - s))" | tee -a "$CI_ARTIFACTS/timings.txt"
}

# ---------------------------------------------------------------- PostgreSQL (private cluster)
# Own data dir + port: idempotent, never touches the distro cluster (15/main on 5432).
pg_bin() { local v; v="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n1)"; [[ -n "$v" ]] || die "PostgreSQL not installed"; echo "/usr/lib/postgresql/$v/bin"; }
as_pg()  { if [[ "$(id -un)" == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi; }
pg_status() { [[ -s "$PG_ROOT/data/PG_VERSION" ]] && as_pg "$(pg_bin)/pg_ctl" -D "$PG_ROOT/data" status >/dev/null 2>&1; }
PG_STARTED_BY_US=0
pg_start() {
  local bin; bin="$(pg_bin)"
  install -d -o postgres -g postgres -m 0700 "$PG_ROOT" "$PG_ROOT/sock"
  if [[ ! -s "$PG_ROOT/data/PG_VERSION" ]]; then
    as_pg "$bin/initdb" -D "$PG_ROOT/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$PG_ROOT/initdb.log"
  fi
  if pg_status; then
    echo "    postgres already running on 127.0.0.1:$PG_PORT"
  else
    # fsync/full_page_writes off: CI only, not crash safe, much faster on slow disks.
    as_pg "$bin/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/postgres.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
      || { tail -n 30 "$PG_ROOT/postgres.log" >&2; return 1; }
    PG_STARTED_BY_US=1
    echo "    postgres started on 127.0.0.1:$PG_PORT (log: $PG_ROOT/postgres.log)"
  fi
  as_pg "$bin/psql" -h "$PG_ROOT/sock" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_APP_USER') THEN
    CREATE ROLE "$PG_APP_USER" LOGIN CREATEDB PASSWORD '$PG_APP_PASSWORD';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE "$PG_APP_DB" OWNER "$PG_APP_USER"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_APP_DB')\gexec
SQL
  export LIANJIAN_PG="Host=127.0.0.1;Port=$PG_PORT;Database=$PG_APP_DB;Username=$PG_APP_USER;Password=$PG_APP_PASSWORD"
}
pg_stop() { if pg_status; then as_pg "$(pg_bin)/pg_ctl" -D "$PG_ROOT/data" -m fast -w stop >/dev/null; echo "    postgres stopped"; else echo "    postgres not running"; fi; }

# ---------------------------------------------------------------- setup
apt_install_missing() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then echo "    apt: all present (${APT_PACKAGES[*]})"; return 0; fi
  [[ $EUID -eq 0 ]] || die "need root for apt-get install ${missing[*]}"
  echo "    apt: installing ${missing[*]}"
  # Lock timeout: other jobs/unattended-upgrades may hold the dpkg lock.
  apt-get -o DPkg::Lock::Timeout=300 update -q
  apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}"
}

setup() {
  mkdir -p "$CI_ARTIFACTS"
  command -v dotnet >/dev/null || die "dotnet SDK not on PATH"
  log "dotnet $(dotnet --version) on $(. /etc/os-release; echo "$PRETTY_NAME"), $(nproc) cores"
  if [[ "${CI_SKIP_APT:-0}" != 1 ]]; then step "apt packages" apt_install_missing; fi
  [[ -x "$CHROMIUM_PATH" ]] || die "chromium not found at $CHROMIUM_PATH"
  step "dotnet tool restore" dotnet tool restore
}

# ---------------------------------------------------------------- test
find_solution() {
  if [[ -n "${SOLUTION:-}" ]]; then echo "$SOLUTION"; return; fi
  local s; s="$(ls -1 ./*.slnx ./*.sln 2>/dev/null | head -n1)"; [[ -n "$s" ]] || die "no .sln/.slnx in $REPO_ROOT"; echo "$s"
}

trx_total() { # prints Counters@total of a TRX file (0 if missing)
  local t; t="$(grep -o '<Counters [^>]*' "$1" 2>/dev/null | grep -o 'total="[0-9]*"' | grep -o '[0-9]*' || true)"; echo "${t:-0}"
}

run_tests() {
  local sln; sln="$(find_solution)"
  mkdir -p "$CI_ARTIFACTS"
  export LIANJIAN_ARTIFACTS="$CI_ARTIFACTS/files" CHROMIUM_PATH

  step "postgres start" pg_start
  step "dotnet tool restore" dotnet tool restore
  step "dotnet restore" dotnet restore "$sln"
  step "dotnet build ($CONFIGURATION)" dotnet build "$sln" -c "$CONFIGURATION" --no-restore --disable-build-servers

  local ctx
  for ctx in $EF_CONTEXTS; do
    step "EF drift check $ctx" dotnet ef migrations has-pending-model-changes \
      --project "$EF_PROJECT" --context "$ctx" --configuration "$CONFIGURATION" --no-build
  done

  # Test projects = projects in the solution that reference a test SDK.
  local projects=() p
  while IFS= read -r p; do
    [[ "$p" == *.csproj ]] || continue
    grep -qE 'Microsoft\.NET\.Test\.Sdk|<IsTestProject>true' "$p" && projects+=("$p")
  done < <(dotnet sln "$sln" list | tr '\\' '/')
  ((${#projects[@]})) || die "no test projects found in $sln"

  local runner=vstest
  grep -qs '"Microsoft.Testing.Platform"' global.json && runner=mtp
  log "test runner: $runner, ${#projects[@]} test project(s)"

  local failed=0 name dir total rc args extra=() passed_all=0 failed_all=0 n
  read -r -a extra <<<"${TEST_ARGS:-}"
  for p in "${projects[@]}"; do
    name="$(basename "$p" .csproj)"; dir="$CI_ARTIFACTS/trx/$name"; rm -rf "$dir"
    if [[ $runner == mtp ]]; then
      # MTP: exit 8 = zero tests ran, 2 = failures. TRX via xunit.v3's built-in reporter.
      args=(test --project "$p" -c "$CONFIGURATION" --no-build --results-directory "$dir"
            --report-xunit-trx --report-xunit-trx-filename "$name.trx")
    else
      args=(test "$p" -c "$CONFIGURATION" --no-build --results-directory "$dir"
            --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --blame-hang-timeout 5m)
      [[ -n "${TEST_FILTER:-}" ]] && args+=(--filter "$TEST_FILTER")
      [[ "${COVERAGE:-0}" == 1 ]] && args+=(--collect "XPlat Code Coverage")
    fi
    rc=0
    step "dotnet test $name" dotnet "${args[@]}" "${extra[@]}" 2>&1 | tee "$CI_ARTIFACTS/$name.log" || rc=$?
    # VSTest exits 0 and prints "No test is available in ..." / "No test matches the given testcase
    # filter" when nothing ran, so check the TRX counters as well.
    total="$(trx_total "$dir/$name.trx")"
    n="$(grep -o '<Counters [^>]*' "$dir/$name.trx" 2>/dev/null | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*' || true)"; passed_all=$((passed_all + ${n:-0}))
    n="$(grep -o '<Counters [^>]*' "$dir/$name.trx" 2>/dev/null | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*' || true)"; failed_all=$((failed_all + ${n:-0}))
    if ((rc != 0)); then echo "!!! $name: dotnet test exit $rc"; failed=1
    elif ((total == 0)) || grep -qE 'No test is available|No test matches the given testcase filter' "$CI_ARTIFACTS/$name.log"; then
      echo "!!! $name: ZERO tests ran"; failed=1
    else echo "    $name: $total tests, OK"; fi
  done
  # One closing line for any reader: totals over every test project.
  printf '\ntests: %s passed, %s failed\n' "$passed_all" "$failed_all"
  return "$failed"
}

cleanup() {
  local rc=$?
  if [[ "$PG_STARTED_BY_US" == 1 && "$PG_KEEP" != 1 ]]; then pg_stop || true; fi
  printf '\n==> %s after %ss (exit %s)\n' "$([[ $rc == 0 ]] && echo SUCCESS || echo FAILURE)" "$((SECONDS - T0))" "$rc"
  [[ -d "$CI_ARTIFACTS" ]] && echo "total: $((SECONDS - T0))s rc=$rc" >>"$CI_ARTIFACTS/timings.txt"
  exit "$rc"
}

mkdir -p "$CI_ARTIFACTS"
case "${1:-all}" in
  all)        trap cleanup EXIT; : >"$CI_ARTIFACTS/timings.txt"; setup; run_tests ;;
  setup)      trap cleanup EXIT; setup ;;
  test)       trap cleanup EXIT; run_tests ;;
  pg-start)   PG_KEEP=1; pg_start; echo "$LIANJIAN_PG" ;;
  pg-stop)    pg_stop ;;
  pg-status)  pg_status && echo running || { echo stopped; exit 1; } ;;
  pg-destroy) pg_stop; rm -rf "$PG_ROOT" ;;
  *) echo "usage: $0 [all|setup|test|pg-start|pg-stop|pg-status|pg-destroy]" >&2; exit 64 ;;
esac
