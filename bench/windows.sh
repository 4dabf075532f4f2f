#!/usr/bin/env bash
# The deploy-window benchmark (bench/run.sh windows). See bench/README.md.
# Usage: bench/windows.sh [N_WINDOWS]  default 10000 (also as an environment variable); CONCURRENCY clients (16)
# Environment: BENCH_SKIP_BUILD=1 (use the jars already packaged), BENCH_MVN_FLAGS (extra Maven flags, e.g. -o),
#   BENCH_WINDOWS_TIMEOUT (seconds for the measurement; 1800), VIGIL_KEEP_INFRA=true (leave servers this script started running).
# It runs io.vigil.bench.DeployWindowBenchmark: N_WINDOWS deploys registered with POST /deploys (real tokens), then the
# clock moved 20 min so every first check deadline falls due at once (ownership-service, database ownership_bench, cleaned at start).
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
cd "$VIGIL_ROOT"

N_WINDOWS=${1:-${N_WINDOWS:-10000}}
[[ "$N_WINDOWS" =~ ^[0-9]+$ ]] && [ "$N_WINDOWS" -gt 0 ] || die "N_WINDOWS must be a positive whole number (got '$N_WINDOWS'); usage: bench/windows.sh [N_WINDOWS]"
WORK="$VIGIL_STATE/bench"
PG_BIN=${VIGIL_PG_BIN:-/usr/lib/postgresql/15/bin}
mkdir -p "$WORK"

bench_servers_for ownership-service

# The benchmark's own database, owned by ownership; Flyway cleans and migrates it at each run (never ownership_test,
# which the service's tests clean at their start).
"$PG_BIN/psql" -X -q -h "$VIGIL_STATE/pgsock" -p "$VIGIL_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -d postgres >/dev/null <<'SQL' \
  || die "creating the database ownership_bench failed"
SELECT 'CREATE DATABASE ownership_bench OWNER ownership' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'ownership_bench') \gexec
ALTER DATABASE ownership_bench OWNER TO ownership;
REVOKE CONNECT ON DATABASE ownership_bench FROM PUBLIC;
SQL

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "bench: packaging ownership-service and the benchmark"
  MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" timeout 1800 "$MVNW" -q -B ${BENCH_MVN_FLAGS:-} -Pbench \
    -pl bench,ownership-service -am package -DskipTests || die "the build failed"
fi
BENCH_JAR=$(ls "$VIGIL_ROOT"/bench/target/vigil-bench-*.jar 2>/dev/null | head -n 1)
[ -n "$BENCH_JAR" ] && [ -d "$VIGIL_ROOT/bench/target/lib" ] || die "bench/target has no packaged benchmark: run without BENCH_SKIP_BUILD"

log "bench: deploy windows, N_WINDOWS=$N_WINDOWS"
timeout -k 30 "${BENCH_WINDOWS_TIMEOUT:-1800}" java -Xmx1g $JAVA_UNSAFE_OPT \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbench.n-windows="$N_WINDOWS" -Dbench.concurrency="${CONCURRENCY:-16}" -Dbench.pg-port="$VIGIL_PG_PORT" -Dbench.kafka-port="$VIGIL_KAFKA_PORT" \
  -Dbench.service-heap=512m -Dbench.work-dir="$WORK" \
  -cp "$BENCH_JAR:$VIGIL_ROOT/bench/target/lib/*" io.vigil.bench.DeployWindowBenchmark
