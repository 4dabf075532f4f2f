#!/usr/bin/env bash
# The inbox benchmark (bench/run.sh inbox; also a part of make bench). See bench/README.md.
# Usage: bench/inbox.sh [N_INBOX]      default 10000 (also as an environment variable)
# Environment: BENCH_SKIP_BUILD=1 (use the jars already packaged), BENCH_MVN_FLAGS (extra Maven flags, e.g. -o),
#   BENCH_INBOX_TIMEOUT (seconds for the measurement; 1800), VIGIL_KEEP_INFRA=true (leave servers this script started running).
# It runs io.vigil.bench.InboxBenchmark: N_INBOX deploy.started events on a fresh topic, read by a plain Kafka consumer
# and then applied by the packaged ownership-service (database ownership_test, cleaned at its start).
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
cd "$VIGIL_ROOT"

N_INBOX=${1:-${N_INBOX:-10000}}
[[ "$N_INBOX" =~ ^[0-9]+$ ]] && [ "$N_INBOX" -gt 0 ] || die "N_INBOX must be a positive whole number (got '$N_INBOX'); usage: bench/inbox.sh [N_INBOX]"
WORK="$VIGIL_STATE/bench"
mkdir -p "$WORK"

bench_servers_for ownership-service

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "bench: packaging ownership-service and the benchmark"
  MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" timeout 1800 "$MVNW" -q -B ${BENCH_MVN_FLAGS:-} -Pbench \
    -pl bench,ownership-service -am package -DskipTests || die "the build failed"
fi
BENCH_JAR=$(ls "$VIGIL_ROOT"/bench/target/vigil-bench-*.jar 2>/dev/null | head -n 1)
[ -n "$BENCH_JAR" ] && [ -d "$VIGIL_ROOT/bench/target/lib" ] || die "bench/target has no packaged benchmark: run without BENCH_SKIP_BUILD"

log "bench: inbox, N_INBOX=$N_INBOX"
timeout -k 30 "${BENCH_INBOX_TIMEOUT:-1800}" java -Xmx1g $JAVA_UNSAFE_OPT \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbench.n-inbox="$N_INBOX" -Dbench.pg-port="$VIGIL_PG_PORT" -Dbench.kafka-port="$VIGIL_KAFKA_PORT" \
  -Dbench.service-heap=256m -Dbench.work-dir="$WORK" \
  -cp "$BENCH_JAR:$VIGIL_ROOT/bench/target/lib/*" io.vigil.bench.InboxBenchmark
