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

launch() {
  spawn alertmanager prometheus-alertmanager --config.file="$AM_CONF" --storage.path="$AM_HOME/data" \
    --web.listen-address="127.0.0.1:$VIGIL_ALERTMANAGER_PORT" --web.external-url="$AM_URL" \
    --cluster.listen-address= --log.level=info
}

DAEMON=alertmanager DAEMON_PORT=$VIGIL_ALERTMANAGER_PORT DAEMON_URL=$AM_URL DAEMON_START_S=30 DAEMON_STOP_S=15
DAEMON_ROLE="API /api/v2/alerts, webhook to escalation-service http://127.0.0.1:$(service_port escalation)/integrations/alertmanager"
do_start() { daemon_start; }
do_stop() { daemon_stop; }
do_status() { daemon_status; }

main "$@"
