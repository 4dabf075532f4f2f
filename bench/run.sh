#!/usr/bin/env bash
# The benchmarks (make bench): audit-service, then timer firing, then the inbox, then notification delivery. See bench/README.md.
# Usage: bench/run.sh [N_APPEND [N_QUERY]]      every part; defaults 200000 and 1000000 (also as environment variables)
#        bench/run.sh audit [N_APPEND [N_QUERY]]  the audit-service part only
#        bench/run.sh timers [N_TIMERS]           the timer part only (bench/timers.sh; default 10000)
#        bench/run.sh inbox [N_INBOX]             the inbox part only (bench/inbox.sh; default 10000)
#        bench/run.sh windows [N_WINDOWS]         the deploy-window part only (bench/windows.sh; default 10000; not in make bench)
#        bench/run.sh alerts [N [PER_S]]          alert posted to Alertmanager → page at a webhook, against make up's system (bench/alerts.sh; default 1000 at 20/s; not in make bench)
#        bench/run.sh notifications [N_BURST]     the notification-delivery part only (bench/notifications.sh; default 5000)
#        bench/run.sh escalation [N_HTTP [N_KAFKA]] the alert-intake part only (bench/escalation.sh; defaults 5000, 10000)
# Environment: N_QUERIES (per query kind, 500), BENCH_SKIP_BUILD=1 (use the jars already packaged),
#   BENCH_SERVICE_HEAP (512m, as make up runs audit-service), BENCH_SERVICE_JAVA_OPTS (extra -D/-X flags for the service JVM),
#   BENCH_KEEP_EXPORT=true, BENCH_TIMEOUT (seconds for the whole measurement; derived from the sizes),
#   BENCH_MVN_FLAGS (extra Maven flags, e.g. -o), VIGIL_KEEP_INFRA=true (leave servers this script started running).
# Everything runs on 127.0.0.1; work files, the service log and the reports go to .vigil/bench/.
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"
INFRA="$VIGIL_ROOT/infra"
cd "$VIGIL_ROOT"

case "${1:-}" in
  timers) shift; exec "$VIGIL_ROOT/bench/timers.sh" "$@" ;;
  inbox) shift; exec "$VIGIL_ROOT/bench/inbox.sh" "$@" ;;
  windows) shift; exec "$VIGIL_ROOT/bench/windows.sh" "$@" ;;
  notifications) shift; exec "$VIGIL_ROOT/bench/notifications.sh" "$@" ;;
  alerts) shift; exec "$VIGIL_ROOT/bench/alerts.sh" "$@" ;;
  escalation) shift; exec "$VIGIL_ROOT/bench/escalation.sh" "$@" ;;
  audit) shift; WITH_TIMERS=false ;;
  *) WITH_TIMERS=true ;;
esac

N_APPEND=${1:-${N_APPEND:-200000}}
N_QUERY=${2:-${N_QUERY:-1000000}}
N_QUERIES=${N_QUERIES:-500}
for v in "$N_APPEND" "$N_QUERY" "$N_QUERIES"; do
  [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -gt 0 ] || die "sizes must be positive whole numbers (got '$v'); usage: bench/run.sh [N_APPEND [N_QUERY]]"
done
BENCH_TIMEOUT=${BENCH_TIMEOUT:-$((600 + N_APPEND / 250 + N_QUERY / 1000))}
WORK="$VIGIL_STATE/bench"
mkdir -p "$WORK"
PG_BIN=${VIGIL_PG_BIN:-/usr/lib/postgresql/15/bin}
KAFKA_LIBS="$VIGIL_STATE/kafka/libs"

# Should the benchmark JVM be killed outright, its service JVM and topic are still removed here.
leftovers() {
  local pid topic
  if [ -f "$WORK/audit-service.pid" ]; then
    pid=$(cat "$WORK/audit-service.pid")
    if [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- '-Dbench.service-marker='; then
      log "bench: stopping the benchmark's audit-service (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.2; done
      alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$WORK/audit-service.pid"
  fi
  if [ -f "$WORK/topic" ] && [ -d "$KAFKA_LIBS" ]; then
    topic=$(cat "$WORK/topic")
    log "bench: deleting topic $topic"
    timeout 60 java -Xmx128m $JAVA_UNSAFE_OPT -Dlog4j2.configurationFile="$INFRA/kafka/tools-log4j2.properties" \
      -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$VIGIL_KAFKA_PORT" \
      --delete --if-exists --topic "$topic" >/dev/null 2>&1 || log "bench: could not delete topic $topic"
    rm -f "$WORK/topic"
  fi
  rm -f "$WORK/export.ndjson"
}
leftovers  # from an earlier run that was killed

if "$INFRA/infra.sh" status >/dev/null 2>&1; then started_here=false; else started_here=true; fi
on_exit() {
  leftovers
  if [ "$started_here" = true ] && [ "${VIGIL_KEEP_INFRA:-false}" != true ]; then
    "$INFRA/infra.sh" stop >/dev/null 2>&1 || true
  fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM  # replaced while the benchmark runs
if [ "$started_here" = true ]; then "$INFRA/infra.sh" start; fi

# The benchmark database: owned by audit (Flyway migrates and cleans it as audit), audit_app may connect.
"$PG_BIN/psql" -X -q -h "$VIGIL_STATE/pgsock" -p "$VIGIL_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -d postgres >/dev/null <<'SQL' \
  || die "creating the database audit_bench failed"
SELECT 'CREATE DATABASE audit_bench OWNER audit' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'audit_bench') \gexec
ALTER DATABASE audit_bench OWNER TO audit;
REVOKE CONNECT ON DATABASE audit_bench FROM PUBLIC;
GRANT CONNECT ON DATABASE audit_bench TO audit_app;
SQL

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "bench: packaging audit-service and the benchmark"
  MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" timeout 1800 "$MVNW" -q -B ${BENCH_MVN_FLAGS:-} -Pbench \
    -pl bench,audit-service -am package -DskipTests || die "the build failed"
fi
BENCH_JAR=$(ls "$VIGIL_ROOT"/bench/target/vigil-bench-*.jar 2>/dev/null | head -n 1)
[ -n "$BENCH_JAR" ] && [ -d "$VIGIL_ROOT/bench/target/lib" ] || die "bench/target has no packaged benchmark: run without BENCH_SKIP_BUILD"

log "bench: N_APPEND=$N_APPEND N_QUERY=$N_QUERY N_QUERIES=$N_QUERIES (at most $BENCH_TIMEOUT s)"
# In the background, so that INT/TERM reach it at once (its shutdown hook stops the service and deletes the topic).
started=$SECONDS
timeout -k 30 "$BENCH_TIMEOUT" java -Xmx2g $JAVA_UNSAFE_OPT \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbench.n-append="$N_APPEND" -Dbench.n-query="$N_QUERY" -Dbench.queries="$N_QUERIES" \
  -Dbench.pg-port="$VIGIL_PG_PORT" -Dbench.kafka-port="$VIGIL_KAFKA_PORT" -Dbench.keycloak-port="$VIGIL_KEYCLOAK_PORT" \
  -Dbench.service-jar="$VIGIL_ROOT/audit-service/target/quarkus-app/quarkus-run.jar" \
  -Dbench.work-dir="$WORK" \
  -cp "$BENCH_JAR:$VIGIL_ROOT/bench/target/lib/*" io.vigil.bench.AuditBenchmark &
bench_pid=$!
trap 'kill -TERM "$bench_pid" 2>/dev/null || true' INT TERM
rc=0
wait "$bench_pid" || rc=$?
if kill -0 "$bench_pid" 2>/dev/null; then rc=0; wait "$bench_pid" || rc=$?; fi  # interrupted: let it clean up
if [ $((SECONDS - started)) -ge "$BENCH_TIMEOUT" ]; then log "bench: stopped after $BENCH_TIMEOUT s (BENCH_TIMEOUT)"; fi
if [ "$WITH_TIMERS" = true ] && [ "$rc" -ne 130 ] && [ "$rc" -ne 143 ]; then  # not after an interrupt
  trap 'exit 130' INT TERM
  "$VIGIL_ROOT/bench/timers.sh" || rc=$?
  BENCH_SKIP_BUILD= "$VIGIL_ROOT/bench/inbox.sh" || rc=$?
  BENCH_SKIP_BUILD= "$VIGIL_ROOT/bench/notifications.sh" || rc=$?
  BENCH_SKIP_BUILD= "$VIGIL_ROOT/bench/escalation.sh" || rc=$?
fi
exit "$rc"
