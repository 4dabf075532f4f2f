#!/usr/bin/env bash
# GreenMail standalone: a test mail server that accepts every message (no authentication).
# Usage: infra/smtp.sh start|stop|status
# SMTP 127.0.0.1:$VIGIL_SMTP_PORT, IMAP 127.0.0.1:$VIGIL_SMTP_IMAP_PORT, REST API (received
# messages, reset) at http://127.0.0.1:$VIGIL_SMTP_API_PORT.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GREENMAIL_ARTIFACT=com.icegreen:greenmail-standalone:2.1.8

do_prepare() { fetch_artifact "$GREENMAIL_ARTIFACT" >/dev/null; }

do_start() {
  local jar
  if running smtp; then
    log "smtp: already running (pid $(pid_of smtp), 127.0.0.1:$VIGIL_SMTP_PORT)"
  else
    claim_port smtp "$VIGIL_SMTP_PORT"
    claim_port smtp "$VIGIL_SMTP_IMAP_PORT"
    claim_port smtp "$VIGIL_SMTP_API_PORT"
    jar=$(fetch_artifact "$GREENMAIL_ARTIFACT")
    log "smtp: starting GreenMail (SMTP 127.0.0.1:$VIGIL_SMTP_PORT)"
    spawn smtp java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -Dgreenmail.hostname=127.0.0.1 \
      -Dgreenmail.smtp.port="$VIGIL_SMTP_PORT" -Dgreenmail.smtp.hostname=127.0.0.1 \
      -Dgreenmail.imap.port="$VIGIL_SMTP_IMAP_PORT" -Dgreenmail.imap.hostname=127.0.0.1 \
      -Dgreenmail.api.port="$VIGIL_SMTP_API_PORT" -Dgreenmail.api.hostname=127.0.0.1 \
      -Dgreenmail.auth.disabled \
      -jar "$jar"
  fi
  if ! wait_port "$VIGIL_SMTP_PORT" 30 || ! wait_port "$VIGIL_SMTP_API_PORT" 10; then
    show_log_tail smtp
    die "GreenMail did not open its ports"
  fi
  log "smtp: ready: SMTP 127.0.0.1:$VIGIL_SMTP_PORT, IMAP 127.0.0.1:$VIGIL_SMTP_IMAP_PORT, API http://127.0.0.1:$VIGIL_SMTP_API_PORT"
}

do_stop() {
  if running smtp; then
    log "smtp: stopping"
    stop_pid smtp 15
  else
    rm -f "$(pidfile smtp)"
    log "smtp: not running"
  fi
}

do_status() {
  local pid
  if pid=$(pid_of smtp); then
    printf '%-12s %-8s %-7s %6s MB  %s\n' smtp running "$pid" "$(tree_rss_mb "$pid")" \
      "smtp://127.0.0.1:$VIGIL_SMTP_PORT, imap 127.0.0.1:$VIGIL_SMTP_IMAP_PORT, API http://127.0.0.1:$VIGIL_SMTP_API_PORT"
  else
    printf '%-12s %-8s\n' smtp stopped
    return 3
  fi
}

main "$@"
