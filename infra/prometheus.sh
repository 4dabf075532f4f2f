#!/usr/bin/env bash
# Prometheus (Debian's prometheus, installed with apt-get when missing: that needs root), scraping the four services'
# /q/metrics every 5 s, and Alertmanager. Usage: infra/prometheus.sh start|stop|status
# Web UI and API on http://127.0.0.1:$VIGIL_PROMETHEUS_PORT; configuration infra/prometheus/prometheus.yml, rendered
# into .vigil/prometheus/ with the ports of infra/lib.sh; its time series in .vigil/prometheus/data (kept 7 days).
# The queries for the operator's meters are in README.md ("Monitoring in front").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PROM_SRC="$VIGIL_ROOT/infra/prometheus"
PROM_HOME="$VIGIL_STATE/prometheus"
PROM_CONF="$PROM_HOME/prometheus.yml"
PROM_URL="http://127.0.0.1:$VIGIL_PROMETHEUS_PORT"

do_prepare() {
  ensure_deb prometheus prometheus
  mkdir -p "$PROM_HOME/data"
  sed -e "s|@OWNERSHIP_PORT@|$(service_port ownership)|g" -e "s|@ESCALATION_PORT@|$(service_port escalation)|g" \
    -e "s|@NOTIFICATION_PORT@|$(service_port notification)|g" -e "s|@AUDIT_PORT@|$(service_port audit)|g" \
    -e "s|@ALERTMANAGER_PORT@|$VIGIL_ALERTMANAGER_PORT|g" -e "s|@PROMETHEUS_PORT@|$VIGIL_PROMETHEUS_PORT|g" \
    "$PROM_SRC/prometheus.yml" >"$PROM_CONF"
  if command -v promtool >/dev/null 2>&1; then
    promtool check config "$PROM_CONF" >"$VIGIL_STATE/logs/prometheus-check.log" 2>&1 \
      || { cat "$VIGIL_STATE/logs/prometheus-check.log" >&2; die "Prometheus's configuration $PROM_CONF is invalid"; }
  fi
}

ready() { curl -fs -o /dev/null --max-time 2 "$PROM_URL/-/ready"; }

launch() {
  spawn prometheus prometheus --config.file="$PROM_CONF" --storage.tsdb.path="$PROM_HOME/data" \
    --storage.tsdb.retention.time=7d --web.listen-address="127.0.0.1:$VIGIL_PROMETHEUS_PORT" \
    --web.external-url="$PROM_URL" --log.level=info
}

DAEMON=prometheus DAEMON_PORT=$VIGIL_PROMETHEUS_PORT DAEMON_URL=$PROM_URL DAEMON_START_S=60 DAEMON_STOP_S=30
DAEMON_ROLE="scrapes the services' /q/metrics and Alertmanager"
do_start() { daemon_start; }
do_stop() { daemon_stop; }
do_status() { daemon_status; }

main "$@"
