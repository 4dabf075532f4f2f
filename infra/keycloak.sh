#!/usr/bin/env bash
# Keycloak (Maven Central distribution) in development mode with the `vigil` realm imported.
# Usage: infra/keycloak.sh start|stop|status
# http://127.0.0.1:$VIGIL_KEYCLOAK_PORT, management/health http://127.0.0.1:$VIGIL_KEYCLOAK_MGMT_PORT.
# Dev only: H2 file database in .vigil/keycloak/data, master realm admin admin/admin.
# infra/keycloak/vigil-realm.json is the source of truth: when it changes, the next start
# drops the dev database and imports it again (changes made in the admin console are lost).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KEYCLOAK_VERSION=26.7.3
KC_HOME="$VIGIL_STATE/keycloak"
REALM_SRC="$VIGIL_ROOT/infra/keycloak/vigil-realm.json"
KC_URL="http://127.0.0.1:$VIGIL_KEYCLOAK_PORT"
KC_MGMT_URL="http://127.0.0.1:$VIGIL_KEYCLOAK_MGMT_PORT"
REALM_URL="$KC_URL/realms/vigil"

do_prepare() {
  local zip
  running keycloak && return 0  # never swap the files of a running server
  # version.txt reads "Keycloak - Version 26.7.3"
  if ! grep -qs " $KEYCLOAK_VERSION\$" "$KC_HOME/version.txt"; then
    zip=$(fetch_artifact "org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip")
    log "keycloak: unpacking $KEYCLOAK_VERSION into $KC_HOME"
    rm -rf "$KC_HOME" "$KC_HOME.tmp"
    mkdir -p "$KC_HOME.tmp"
    # The JDK's jar tool reads zips (no unzip needed), but sets no file modes: the scripts get theirs back.
    (cd "$KC_HOME.tmp" && "$JAVA_HOME/bin/jar" xf "$zip") || die "could not unpack $zip"
    [ -f "$KC_HOME.tmp/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ] || die "$zip holds no keycloak-$KEYCLOAK_VERSION/bin/kc.sh"
    chmod +x "$KC_HOME.tmp/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
    mv "$KC_HOME.tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
    rm -rf "$KC_HOME.tmp"
  fi
}

# Called before a start only (never while Keycloak runs).
sync_realm() {
  # A changed realm file means a fresh dev database, so that --import-realm (which skips an
  # existing realm) imports the new one.
  local sum stamp="$KC_HOME/.vigil-realm.sha256"
  sum=$(sha256sum "$REALM_SRC" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    if [ -d "$KC_HOME/data/h2" ]; then
      log "keycloak: the realm file changed: resetting the dev database"
      rm -rf "$KC_HOME/data/h2"
    fi
    mkdir -p "$KC_HOME/data/import"
    cp "$REALM_SRC" "$KC_HOME/data/import/vigil-realm.json"
    echo "$sum" >"$stamp"
  fi
}

verify_realm() {
  local config iss
  config=$(curl -fsS --max-time 5 "$REALM_URL/.well-known/openid-configuration") \
    || die "keycloak is up but the vigil realm is missing (see $VIGIL_STATE/logs/keycloak.log)"
  # The issuer is a plain URL (no quotes or escapes in it), so sed can take it out of the JSON.
  iss=$(sed -n 's/.*"issuer"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$config")
  [ "$iss" = "$REALM_URL" ] || die "unexpected issuer '${iss:-none}' in $REALM_URL/.well-known/openid-configuration (expected $REALM_URL)"
}

do_start() {
  if running keycloak; then
    log "keycloak: already running (pid $(pid_of keycloak), $KC_URL)"
  else
    claim_port keycloak "$VIGIL_KEYCLOAK_PORT"
    claim_port keycloak "$VIGIL_KEYCLOAK_MGMT_PORT"
    do_prepare
    sync_realm
    log "keycloak: starting on $KC_URL (about 20 s; the first start also builds the server: 1-3 min)"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="${VIGIL_KEYCLOAK_HEAP:--Xms64m -Xmx768m}" \
    JAVA_OPTS_APPEND="$JAVA_UNSAFE_OPT" \
      spawn keycloak "$KC_HOME/bin/kc.sh" start-dev \
        --http-host=127.0.0.1 --http-port="$VIGIL_KEYCLOAK_PORT" \
        --hostname="$KC_URL" \
        --http-management-host=127.0.0.1 --http-management-port="$VIGIL_KEYCLOAK_MGMT_PORT" \
        --health-enabled=true \
        --import-realm
  fi
  # The first start also builds the server: about 1 min on an idle 2-core machine, 2-3 min
  # when a Maven build runs beside it.
  local timeout=${VIGIL_KEYCLOAK_TIMEOUT:-300} deadline
  deadline=$((SECONDS + timeout))
  until curl -fsS --max-time 2 "$KC_MGMT_URL/health/ready" 2>/dev/null | grep -q '"UP"'; do
    running keycloak || { show_log_tail keycloak 40; die "keycloak exited"; }
    ((SECONDS < deadline)) || { show_log_tail keycloak 40; die "keycloak not ready within $timeout s (VIGIL_KEYCLOAK_TIMEOUT)"; }
    sleep 0.5
  done
  verify_realm
  log "keycloak: ready at $KC_URL (realm vigil: $REALM_URL; admin console $KC_URL/admin, master realm admin/admin)"
}

do_stop() {
  if running keycloak; then
    log "keycloak: stopping"
    stop_pid keycloak 30
  else
    rm -f "$(pidfile keycloak)"
    log "keycloak: not running"
  fi
}

do_status() {
  local pid
  if pid=$(pid_of keycloak); then
    local state=running
    curl -fsS --max-time 2 "$KC_MGMT_URL/health/ready" 2>/dev/null | grep -q '"UP"' || state=starting
    printf '%-12s %-8s %-7s %6s MB  %s\n' keycloak "$state" "$pid" "$(tree_rss_mb "$pid")" \
      "$REALM_URL (admin console $KC_URL/admin, master realm admin/admin; health $KC_MGMT_URL/health)"
  else
    printf '%-12s %-8s\n' keycloak stopped
    return 3
  fi
}

main "$@"
