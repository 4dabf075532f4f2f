#!/usr/bin/env bash
# The four Vigil services as local processes, run from their packaged quarkus-app (infra/build.sh).
# Usage: infra/services.sh start|stop|status
# Clock control is on for the local system (POST /admin/clock/advance, role admin): demos move time.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

jar_of() { echo "$VIGIL_ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }

ready() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/q/health/ready"; }

start_one() {
  local svc=$1 port jar i
  port=$(service_port "$svc")
  jar=$(jar_of "$svc")
  if running "$svc"; then
    log "$svc-service: already running (pid $(pid_of "$svc"), http://127.0.0.1:$port)"
    return 0
  fi
  [ -f "$jar" ] || die "$jar is missing: run infra/build.sh first"
  claim_port "$svc" "$port"
  log "$svc-service: starting on http://127.0.0.1:$port"
  # audit-service takes records in batches of thousands: a larger heap saves it most of its GC pauses
  # escalation-service takes Alertmanager's webhook with the local secret that infra/alertmanager.sh configures
  local env=()
  [ "$svc" = escalation ] && env=(VIGIL_ESCALATION_ALERTMANAGER_USERNAME="$VIGIL_ALERTMANAGER_USERNAME"
    VIGIL_ESCALATION_ALERTMANAGER_SECRET="$VIGIL_ALERTMANAGER_SECRET")
  spawn "$svc" env "${env[@]}" java "-Xmx$([ "$svc" = audit ] && echo 512m || echo 256m)" $JAVA_UNSAFE_OPT -Dvigil.clock.control-enabled=true -jar "$jar"
}

await_one() {
  local svc=$1 port i
  port=$(service_port "$svc")
  for ((i = 0; i < 300; i++)); do
    ready "$port" && return 0
    running "$svc" || { show_log_tail "$svc" 40; die "$svc-service exited during start-up (log: $VIGIL_STATE/logs/$svc.log)"; }
    sleep 0.3
  done
  show_log_tail "$svc" 40
  die "$svc-service was not ready within 90 s (log: $VIGIL_STATE/logs/$svc.log)"
}

do_start() {
  local svc
  for svc in $VIGIL_SERVICES; do start_one "$svc"; done
  for svc in $VIGIL_SERVICES; do await_one "$svc"; done
  log "services: all ready"
}

do_stop() {
  local svc
  for svc in $VIGIL_SERVICES; do
    if running "$svc"; then
      log "$svc-service: stopping"
      stop_pid "$svc" 20
    else
      rm -f "$(pidfile "$svc")"
    fi
  done
}

do_status() {
  local svc pid port rc=0
  for svc in $VIGIL_SERVICES; do
    port=$(service_port "$svc")
    if pid=$(pid_of "$svc"); then
      printf '%-12s %-8s %-7s %6s MB  %s\n' "$svc" "$(ready "$port" && echo ready || echo starting)" "$pid" \
        "$(tree_rss_mb "$pid")" "http://127.0.0.1:$port"
    else
      printf '%-12s %-8s\n' "$svc" stopped
      rc=3
    fi
  done
  return $rc
}

main "$@"
