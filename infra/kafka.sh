#!/usr/bin/env bash
# Apache Kafka (KRaft combined mode: broker + controller, node.id=1) from its Maven Central jars.
# Usage: infra/kafka.sh start|stop|status
# Broker on 127.0.0.1:$VIGIL_KAFKA_PORT, controller on 127.0.0.1:$VIGIL_KAFKA_CONTROLLER_PORT;
# the topics of the contract (events/src/main/resources/topics.txt, the one list) are created (if missing) after every start.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KAFKA_SRC="$VIGIL_ROOT/infra/kafka"
KAFKA_HOME="$VIGIL_STATE/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_CONF="$KAFKA_HOME/server.properties"
KAFKA_DATA="$KAFKA_HOME/data"
KAFKA_BOOTSTRAP="127.0.0.1:$VIGIL_KAFKA_PORT"
TOPICS_FILE="$VIGIL_ROOT/events/src/main/resources/topics.txt"

# The jars: copied once from the local Maven repository; again only when the pom changes.
ensure_libs() {
  local stamp="$KAFKA_LIBS/.pom.sha256" sum
  sum=$(sha256sum "$KAFKA_SRC/pom.xml" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then return 0; fi
  log "kafka: copying the broker's jars into $KAFKA_LIBS (Maven)"
  rm -rf "$KAFKA_LIBS.tmp"
  mvn_standalone -f "$KAFKA_SRC/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIBS.tmp" -DincludeScope=runtime >&2 || die "could not fetch Kafka's jars"
  rm -rf "$KAFKA_LIBS"
  mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
  echo "$sum" >"$stamp"
}

kafka_java() { # main-class args... (tools: warnings only, to stderr)
  java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC $JAVA_UNSAFE_OPT \
    -Dlog4j2.configurationFile="$KAFKA_SRC/tools-log4j2.properties" \
    -cp "$KAFKA_LIBS/*" "$@"
}

do_prepare() {
  running kafka && return 0  # never swap the files of a running broker
  ensure_libs
  mkdir -p "$KAFKA_DATA"
  sed -e "s|@STATE@|$VIGIL_STATE|g" -e "s|@PORT@|$VIGIL_KAFKA_PORT|g" \
    -e "s|@CONTROLLER_PORT@|$VIGIL_KAFKA_CONTROLLER_PORT|g" \
    "$KAFKA_SRC/server.properties" >"$KAFKA_CONF"
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    [ -s "$KAFKA_HOME/cluster-id" ] || kafka_java kafka.tools.StorageTool random-uuid >"$KAFKA_HOME/cluster-id"
    log "kafka: formatting $KAFKA_DATA (cluster id $(cat "$KAFKA_HOME/cluster-id"))"
    kafka_java kafka.tools.StorageTool format --standalone -t "$(cat "$KAFKA_HOME/cluster-id")" -c "$KAFKA_CONF" \
      >"$VIGIL_STATE/logs/kafka-format.log" 2>&1 \
      || { cat "$VIGIL_STATE/logs/kafka-format.log" >&2; die "formatting Kafka's storage failed"; }
  fi
}

# Topics: listed once; the missing ones are created (in parallel, one tool JVM each).
create_topics() {
  local existing name parts rf pids=() failed=0 out
  existing=$(kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --list) \
    || die "could not list Kafka topics"
  while read -r name parts rf; do
    [ -n "$name" ] && [ "${name:0:1}" != "#" ] || continue
    grep -qxF "$name" <<<"$existing" && continue
    log "kafka: creating topic $name"
    kafka_java org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
      --topic "$name" --partitions "${parts:-3}" --replication-factor "${rf:-1}" >/dev/null &
    pids+=($!)
  done <"$TOPICS_FILE"
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  [ "$failed" = 0 ] || die "creating Kafka topics failed"
  topics_sum >"$KAFKA_HOME/.topics.sha256"
}
topics_sum() { sha256sum "$TOPICS_FILE" | cut -d' ' -f1; }

do_start() {
  local fresh=0
  if running kafka; then
    log "kafka: already running (pid $(pid_of kafka), $KAFKA_BOOTSTRAP)"
  else
    claim_port kafka "$VIGIL_KAFKA_PORT"
    claim_port kafka "$VIGIL_KAFKA_CONTROLLER_PORT"
    do_prepare
    log "kafka: starting on $KAFKA_BOOTSTRAP (controller 127.0.0.1:$VIGIL_KAFKA_CONTROLLER_PORT)"
    fresh=1
    spawn kafka java -Xms512m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
      -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true $JAVA_UNSAFE_OPT \
      -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2.properties" -Dkafka.logs.dir="$VIGIL_STATE/logs" \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONF"
  fi
  if ! wait_port "$VIGIL_KAFKA_PORT" 60; then
    show_log_tail kafka
    die "kafka did not open port $VIGIL_KAFKA_PORT within 60 s"
  fi
  running kafka || { show_log_tail kafka; die "kafka exited"; }
  # Topics: on every broker start, and when topics.txt changed since they were last created.
  if ((fresh)) || [ "$(cat "$KAFKA_HOME/.topics.sha256" 2>/dev/null)" != "$(topics_sum)" ]; then
    create_topics
  fi
  log "kafka: ready at $KAFKA_BOOTSTRAP"
}

do_stop() {
  if running kafka; then
    log "kafka: stopping"
    stop_pid kafka 60
  else
    rm -f "$(pidfile kafka)"
    log "kafka: not running"
  fi
}

do_status() {
  local pid
  if pid=$(pid_of kafka); then
    printf '%-12s %-8s %-7s %6s MB  %s\n' kafka running "$pid" "$(tree_rss_mb "$pid")" \
      "bootstrap $KAFKA_BOOTSTRAP (controller 127.0.0.1:$VIGIL_KAFKA_CONTROLLER_PORT)"
  else
    printf '%-12s %-8s\n' kafka stopped
    return 3
  fi
}

main "$@"
