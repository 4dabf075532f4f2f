#!/usr/bin/env bash
# The notification-delivery benchmark (bench/run.sh notifications). See bench/README.md.
# Usage: bench/notifications.sh [N_BURST]  default 5000 (also as an environment variable)
# Environment: PEOPLE (1000 webhook receivers' people), N_PACED (200) paced at RATE (20) a second,
#   BENCH_SKIP_BUILD=1 (use the jars already packaged), BENCH_MVN_FLAGS (extra Maven flags, e.g. -o),
#   BENCH_NOTIFICATIONS_TIMEOUT (seconds for the measurement; 1800), VIGIL_KEEP_INFRA=true (leave servers this script started running).
# It runs io.vigil.bench.NotificationBenchmark: people registered on a roster topic of the run's own, each with a webhook
# on a local receiver (127.0.0.1), then incident.escalated pages produced to the run's incidents topic; each page is one
# signed webhook delivery (notification-service, database notification_bench, cleaned at start).
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
cd "$VIGIL_ROOT"

N_BURST=${1:-${N_BURST:-5000}}
for v in "$N_BURST" "${PEOPLE:-1000}" "${N_PACED:-200}" "${RATE:-20}"; do
  [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -gt 0 ] || die "sizes must be positive whole numbers (got '$v'); usage: bench/notifications.sh [N_BURST]"
done
WORK="$VIGIL_STATE/bench"
PG_BIN=${VIGIL_PG_BIN:-/usr/lib/postgresql/15/bin}
mkdir -p "$WORK"

bench_servers_for notification-service

# The benchmark's own database, owned by notification; Flyway cleans and migrates it at each run (never
# notification_test, which the service's tests clean at their start).
"$PG_BIN/psql" -X -q -h "$VIGIL_STATE/pgsock" -p "$VIGIL_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -d postgres >/dev/null <<'SQL' \
  || die "creating the database notification_bench failed"
SELECT 'CREATE DATABASE notification_bench OWNER notification' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'notification_bench') \gexec
ALTER DATABASE notification_bench OWNER TO notification;
REVOKE CONNECT ON DATABASE notification_bench FROM PUBLIC;
SQL

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "bench: packaging notification-service and the benchmark"
  MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" timeout 1800 "$MVNW" -q -B ${BENCH_MVN_FLAGS:-} -Pbench \
    -pl bench,notification-service -am package -DskipTests || die "the build failed"
fi
BENCH_JAR=$(ls "$VIGIL_ROOT"/bench/target/vigil-bench-*.jar 2>/dev/null | head -n 1)
[ -n "$BENCH_JAR" ] && [ -d "$VIGIL_ROOT/bench/target/lib" ] || die "bench/target has no packaged benchmark: run without BENCH_SKIP_BUILD"

log "bench: notifications, PEOPLE=${PEOPLE:-1000} N_PACED=${N_PACED:-200} at ${RATE:-20}/s, N_BURST=$N_BURST"
timeout -k 30 "${BENCH_NOTIFICATIONS_TIMEOUT:-1800}" java -Xmx1g $JAVA_UNSAFE_OPT \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbench.people="${PEOPLE:-1000}" -Dbench.n-paced="${N_PACED:-200}" -Dbench.rate="${RATE:-20}" -Dbench.n-burst="$N_BURST" \
  -Dbench.pg-port="$VIGIL_PG_PORT" -Dbench.kafka-port="$VIGIL_KAFKA_PORT" \
  -Dbench.service-heap=512m -Dbench.work-dir="$WORK" \
  -cp "$BENCH_JAR:$VIGIL_ROOT/bench/target/lib/*" io.vigil.bench.NotificationBenchmark
