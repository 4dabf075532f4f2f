#!/usr/bin/env bash
# The local servers Vigil needs, as plain processes (no containers): PostgreSQL, Kafka, SMTP
# (GreenMail) and Keycloak. State, logs and pid files live in .vigil/ (git-ignored).
# Usage: infra/infra.sh start|stop|status [component...]     components: postgres kafka smtp keycloak (default: all four)
#   start   fetches what is missing, then starts them (Keycloak, the slow one, in parallel with the
#           others); safe to repeat: a running component is left alone.
#   stop    stops them in reverse order (only the processes these scripts started).
#   status  state, address and resident memory of each; exits non-zero when one is stopped.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
COMPONENTS="postgres kafka smtp keycloak"  # start order; stop goes the other way

# The components named (all when none), checked, in start order.
select_components() {
  local c out=()
  for c in "$@"; do
    [[ " $COMPONENTS " == *" $c "* ]] || die "unknown component '$c' (known: $COMPONENTS)"
  done
  for c in $COMPONENTS; do
    if [ $# -eq 0 ] || [[ " $* " == *" $c "* ]]; then out+=("$c"); fi
  done
  echo "${out[*]}"
}

start_components() {
  local t0=$SECONDS kc_pid="" kc_out rc=0 c
  # Downloads first, one at a time (Maven runs sharing ~/.m2 should not overlap); quick when done.
  for c in "$@"; do "$INFRA/$c.sh" prepare; done
  if [[ " $* " == *" keycloak "* ]]; then
    kc_out="$VIGIL_STATE/logs/keycloak-start.out"
    "$INFRA/keycloak.sh" start >"$kc_out" 2>&1 &
    kc_pid=$!
  fi
  for c in "$@"; do
    [ "$c" = keycloak ] || "$INFRA/$c.sh" start || rc=1
  done
  if [ -n "$kc_pid" ]; then
    wait "$kc_pid" || rc=1
    cat "$kc_out"
  fi
  [ "$rc" = 0 ] || die "some components did not start (logs in $VIGIL_STATE/logs)"
  log "up in $((SECONDS - t0)) s:"
  status_components "$@"
}

stop_components() {
  local rc=0 i c=("$@")
  for ((i = ${#c[@]} - 1; i >= 0; i--)); do "$INFRA/${c[i]}.sh" stop || rc=1; done
  return $rc
}

status_components() {
  local rc=0 c
  printf '%-12s %-8s %-7s %9s  %s\n' COMPONENT STATE PID RSS ADDRESS
  for c in "$@"; do "$INFRA/$c.sh" status || rc=3; done
  return $rc
}

action=${1:-}
shift || true
case "$action" in
  start|stop|status)
    selected=$(select_components "$@") || exit 2
    read -r -a selected <<<"$selected"
    "${action}_components" "${selected[@]}"
    ;;
  *) echo "usage: $0 start|stop|status [component...]   (components: $COMPONENTS; default all)" >&2; exit 2 ;;
esac
