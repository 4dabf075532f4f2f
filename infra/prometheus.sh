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

do_start() {
  if running prometheus; then
    log "prometheus: already running (pid $(pid_of prometheus), $PROM_URL)"
  else
    claim_port prometheus "$VIGIL_PROMETHEUS_PORT"
    do_prepare
    log "prometheus: starting on $PROM_URL (scraping the services' /q/metrics and Alertmanager)"
    spawn prometheus prometheus --config.file="$PROM_CONF" --storage.tsdb.path="$PROM_HOME/data" \
      --storage.tsdb.retention.time=7d --web.listen-address="127.0.0.1:$VIGIL_PROMETHEUS_PORT" \
      --web.external-url="$PROM_URL" --log.level=info
  fi
  local i
  for ((i = 0; i < 300; i++)); do
    ready && break
    running prometheus || { show_log_tail prometheus; die "prometheus exited during start-up (log: $VIGIL_STATE/logs/prometheus.log)"; }
    sleep 0.2
  done
  ready || { show_log_tail prometheus; die "prometheus was not ready within 60 s"; }
  log "prometheus: ready at $PROM_URL"
}

do_stop() {
  if running prometheus; then
    log "prometheus: stopping"
    stop_pid prometheus 30
  else
    rm -f "$(pidfile prometheus)"
    log "prometheus: not running"
  fi
}

do_status() {
  local pid
  if pid=$(pid_of prometheus); then
    printf '%-12s %-8s %-7s %6s MB  %s\n' prometheus "$(ready && echo ready || echo starting)" "$pid" \
      "$(tree_rss_mb "$pid")" "$PROM_URL (scrapes the services' /q/metrics and Alertmanager)"
  else
    printf '%-12s %-8s\n' prometheus stopped
    return 3
  fi
}

main "$@"
