#!/usr/bin/env bash
# The timer-firing benchmark (bench/run.sh timers; also the last part of make bench). See bench/README.md.
# Usage: bench/timers.sh [N_TIMERS]      default 10000 (also as an environment variable)
# Environment: BENCH_MVN_FLAGS (extra Maven flags, e.g. -o), BENCH_TIMERS_TIMEOUT (seconds, build included; 1800),
#   VIGIL_KEEP_INFRA=true (leave servers this script started running).
# It runs io.vigil.platform.bench.DueTimersBenchmark, a @QuarkusTest that no test pattern matches, against the
# database platform_bench; the Maven log and the report go to .vigil/bench/.
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"
INFRA="$VIGIL_ROOT/infra"
cd "$VIGIL_ROOT"

N_TIMERS=${1:-${N_TIMERS:-10000}}
[[ "$N_TIMERS" =~ ^[0-9]+$ ]] && [ "$N_TIMERS" -gt 0 ] || die "N_TIMERS must be a positive whole number (got '$N_TIMERS'); usage: bench/timers.sh [N_TIMERS]"
TIMEOUT=${BENCH_TIMERS_TIMEOUT:-1800}
WORK="$VIGIL_STATE/bench"
mkdir -p "$WORK"
PG_BIN=${VIGIL_PG_BIN:-/usr/lib/postgresql/15/bin}

if "$INFRA/infra.sh" status >/dev/null 2>&1; then started_here=false; else started_here=true; fi
on_exit() {
  if [ "$started_here" = true ] && [ "${VIGIL_KEEP_INFRA:-false}" != true ]; then
    "$INFRA/infra.sh" stop >/dev/null 2>&1 || true
  fi
}
trap on_exit EXIT
if [ "$started_here" = true ]; then "$INFRA/infra.sh" start; fi

# The benchmark's own database, owned by platform like platform_test; Flyway cleans and migrates it at each run.
"$PG_BIN/psql" -X -q -h "$VIGIL_STATE/pgsock" -p "$VIGIL_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -d postgres >/dev/null <<'SQL' \
  || die "creating the database platform_bench failed"
SELECT 'CREATE DATABASE platform_bench OWNER platform' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'platform_bench') \gexec
ALTER DATABASE platform_bench OWNER TO platform;
REVOKE CONNECT ON DATABASE platform_bench FROM PUBLIC;
SQL

run=$(date -u +%Y%m%dT%H%M%SZ)
REPORT="$WORK/timers-report-$run.txt"
BUILD_LOG="$WORK/timers-$run.log"
log "bench: timer firing, N_TIMERS=$N_TIMERS (Maven log: $BUILD_LOG)"
MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" timeout -k 30 "$TIMEOUT" "$MVNW" -B ${BENCH_MVN_FLAGS:-} -pl platform -am verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=DueTimersBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.timers="$N_TIMERS" -Dbench.report="$REPORT" \
  -Dvigil.db.port="$VIGIL_PG_PORT" -Dvigil.kafka.bootstrap-servers="127.0.0.1:$VIGIL_KAFKA_PORT" >"$BUILD_LOG" 2>&1 \
  || { tail -n 40 "$BUILD_LOG" >&2; die "the timer benchmark failed (log: $BUILD_LOG)"; }
[ -s "$REPORT" ] || die "the timer benchmark wrote no report (log: $BUILD_LOG)"
cat "$REPORT"
log "bench: timer report in $REPORT"
