#!/usr/bin/env bash
# The local servers Vigil needs, as plain processes (no containers): PostgreSQL, Kafka, SMTP
# (GreenMail) and Keycloak. State, logs and pid files live in .vigil/ (git-ignored).
# Usage: infra/infra.sh start|stop|status
#   start   fetches what is missing, then starts all four (Keycloak, the slow one, in parallel
#           with the others); safe to repeat: a running component is left alone.
#   stop    stops them in reverse order (only the processes these scripts started).
#   status  state, address and resident memory of each.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"

start_all() {
  local t0=$SECONDS kc_pid kc_out rc=0
  # Downloads first, one at a time (Maven runs sharing ~/.m2 should not overlap); quick when done.
  "$INFRA/postgres.sh" prepare
  "$INFRA/kafka.sh" prepare
  "$INFRA/smtp.sh" prepare
  "$INFRA/keycloak.sh" prepare
  kc_out="$VIGIL_STATE/logs/keycloak-start.out"
  "$INFRA/keycloak.sh" start >"$kc_out" 2>&1 &
  kc_pid=$!
  "$INFRA/postgres.sh" start || rc=1
  "$INFRA/kafka.sh" start || rc=1
  "$INFRA/smtp.sh" start || rc=1
  wait "$kc_pid" || rc=1
  cat "$kc_out"
  [ "$rc" = 0 ] || die "some components did not start (logs in $VIGIL_STATE/logs)"
  log "all up in $((SECONDS - t0)) s:"
  status_all
}

stop_all() {
  local rc=0
  "$INFRA/keycloak.sh" stop || rc=1
  "$INFRA/smtp.sh" stop || rc=1
  "$INFRA/kafka.sh" stop || rc=1
  "$INFRA/postgres.sh" stop || rc=1
  return $rc
}

status_all() {
  local rc=0 c
  printf '%-12s %-8s %-7s %9s  %s\n' COMPONENT STATE PID RSS ADDRESS
  for c in postgres kafka smtp keycloak; do "$INFRA/$c.sh" status || rc=3; done
  return $rc
}

case "${1:-}" in
  start) start_all ;;
  stop) stop_all ;;
  status) status_all ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
