#!/usr/bin/env bash
# The escalation benchmark (bench/run.sh escalation). See bench/README.md.
# Usage: bench/escalation.sh [N_HTTP [N_KAFKA]]  defaults 5000 and 10000 (also as environment variables);
#   RATE (200 alerts/s) for SECONDS (60) on Kafka for the latency part; CONCURRENCY HTTP clients (16)
# Environment: BENCH_SKIP_BUILD=1 (use the jars already packaged), BENCH_MVN_FLAGS (extra Maven flags, e.g. -o),
#   BENCH_ESCALATION_TIMEOUT (seconds for the measurement; 1800), VIGIL_KEEP_INFRA=true (leave servers this script started running).
# It runs io.vigil.bench.EscalationBenchmark against escalation-service, packaged, on database escalation_bench (cleaned at start).
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
cd "$VIGIL_ROOT"

N_HTTP=${1:-${N_HTTP:-5000}}
N_KAFKA=${2:-${N_KAFKA:-10000}}
RATE=${RATE:-200}
SECONDS_SUSTAINED=${SECONDS_SUSTAINED:-60}
for v in "$N_HTTP" "$N_KAFKA" "$RATE" "$SECONDS_SUSTAINED"; do
  [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -gt 0 ] || die "sizes must be positive whole numbers (got '$v'); usage: bench/escalation.sh [N_HTTP [N_KAFKA]]"
done
WORK="$VIGIL_STATE/bench"
PG_BIN=${VIGIL_PG_BIN:-/usr/lib/postgresql/15/bin}
mkdir -p "$WORK"

bench_servers_for escalation-service

# The benchmark's own database, owned by escalation; Flyway cleans and migrates it at each run (never escalation_test,
# which the service's tests clean at their start).
"$PG_BIN/psql" -X -q -h "$VIGIL_STATE/pgsock" -p "$VIGIL_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -d postgres >/dev/null <<'SQL' \
  || die "creating the database escalation_bench failed"
SELECT 'CREATE DATABASE escalation_bench OWNER escalation' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'escalation_bench') \gexec
ALTER DATABASE escalation_bench OWNER TO escalation;
REVOKE CONNECT ON DATABASE escalation_bench FROM PUBLIC;
SQL

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "bench: packaging escalation-service and the benchmark"
  MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" timeout 1800 "$MVNW" -q -B ${BENCH_MVN_FLAGS:-} -Pbench \
    -pl bench,escalation-service -am package -DskipTests || die "the build failed"
fi
BENCH_JAR=$(ls "$VIGIL_ROOT"/bench/target/vigil-bench-*.jar 2>/dev/null | head -n 1)
[ -n "$BENCH_JAR" ] && [ -d "$VIGIL_ROOT/bench/target/lib" ] || die "bench/target has no packaged benchmark: run without BENCH_SKIP_BUILD"

log "bench: escalation, N_HTTP=$N_HTTP N_KAFKA=$N_KAFKA, then $RATE alerts/s for $SECONDS_SUSTAINED s"
timeout -k 30 "${BENCH_ESCALATION_TIMEOUT:-1800}" java -Xmx1g $JAVA_UNSAFE_OPT \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbench.n-http="$N_HTTP" -Dbench.n-kafka="$N_KAFKA" -Dbench.rate="$RATE" -Dbench.seconds="$SECONDS_SUSTAINED" \
  -Dbench.concurrency="${CONCURRENCY:-16}" -Dbench.pg-port="$VIGIL_PG_PORT" -Dbench.kafka-port="$VIGIL_KAFKA_PORT" \
  -Dbench.keycloak-port="$VIGIL_KEYCLOAK_PORT" -Dbench.service-heap=512m -Dbench.work-dir="$WORK" \
  -cp "$BENCH_JAR:$VIGIL_ROOT/bench/target/lib/*" io.vigil.bench.EscalationBenchmark
