#!/usr/bin/env bash
# Prometheus Alertmanager (Debian's prometheus-alertmanager, installed with apt-get when missing: that needs root),
# configured to send every alert group to escalation-service's POST /integrations/alertmanager.
# Usage: infra/alertmanager.sh start|stop|status
# Web UI and API on http://127.0.0.1:$VIGIL_ALERTMANAGER_PORT (POST /api/v2/alerts to raise an alert); clustering is
# off (its default gossip port, 9094, is not opened; Kafka's controller holds 9093). Configuration:
# infra/alertmanager/alertmanager.yml, rendered into .vigil/alertmanager/ with escalation-service's port and secret;
# silences and notification state in .vigil/alertmanager/data.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

AM_SRC="$VIGIL_ROOT/infra/alertmanager"
AM_HOME="$VIGIL_STATE/alertmanager"
AM_CONF="$AM_HOME/alertmanager.yml"
AM_URL="http://127.0.0.1:$VIGIL_ALERTMANAGER_PORT"

do_prepare() {
  ensure_deb prometheus-alertmanager prometheus-alertmanager
  mkdir -p "$AM_HOME/data"
  (umask 077 && printf '%s' "$VIGIL_ALERTMANAGER_SECRET" >"$AM_HOME/escalation-secret")
  sed -e "s|@ESCALATION_PORT@|$(service_port escalation)|g" -e "s|@USERNAME@|$VIGIL_ALERTMANAGER_USERNAME|g" \
    -e "s|@SECRET_FILE@|$AM_HOME/escalation-secret|g" "$AM_SRC/alertmanager.yml" >"$AM_CONF"
  if command -v amtool >/dev/null 2>&1; then
    amtool check-config "$AM_CONF" >"$VIGIL_STATE/logs/alertmanager-check.log" 2>&1 \
      || { cat "$VIGIL_STATE/logs/alertmanager-check.log" >&2; die "Alertmanager's configuration $AM_CONF is invalid"; }
  fi
}

ready() { curl -fs -o /dev/null --max-time 2 "$AM_URL/-/ready"; }

do_start() {
  if running alertmanager; then
    log "alertmanager: already running (pid $(pid_of alertmanager), $AM_URL)"
  else
    claim_port alertmanager "$VIGIL_ALERTMANAGER_PORT"
    do_prepare
    log "alertmanager: starting on $AM_URL (webhook to escalation-service http://127.0.0.1:$(service_port escalation)/integrations/alertmanager)"
    spawn alertmanager prometheus-alertmanager --config.file="$AM_CONF" --storage.path="$AM_HOME/data" \
      --web.listen-address="127.0.0.1:$VIGIL_ALERTMANAGER_PORT" --web.external-url="$AM_URL" \
      --cluster.listen-address= --log.level=info
  fi
  local i
  for ((i = 0; i < 150; i++)); do
    ready && break
    running alertmanager || { show_log_tail alertmanager; die "alertmanager exited during start-up (log: $VIGIL_STATE/logs/alertmanager.log)"; }
    sleep 0.2
  done
  ready || { show_log_tail alertmanager; die "alertmanager was not ready within 30 s"; }
  log "alertmanager: ready at $AM_URL"
}

do_stop() {
  if running alertmanager; then
    log "alertmanager: stopping"
    stop_pid alertmanager 15
  else
    rm -f "$(pidfile alertmanager)"
    log "alertmanager: not running"
  fi
}

do_status() {
  local pid
  if pid=$(pid_of alertmanager); then
    printf '%-12s %-8s %-7s %6s MB  %s\n' alertmanager "$(ready && echo ready || echo starting)" "$pid" \
      "$(tree_rss_mb "$pid")" "$AM_URL (API /api/v2/alerts) → escalation-service"
  else
    printf '%-12s %-8s\n' alertmanager stopped
    return 3
  fi
}

main "$@"
