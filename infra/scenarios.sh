#!/usr/bin/env bash
# The seed scenarios (scenarios/, *IT) against the system the README starts: real Keycloak tokens, Kafka, PostgreSQL,
# SMTP, Alertmanager and the four packaged services, time moved with clock control (make scenarios). Run them on a
# bus the module tests have not written to: the running system copies the roster from vigil.roster, where module
# tests publish people and rotations of their own. Starts what is not running, and stops again what it started.
# Needs the packaged services (infra/build.sh). Usage: infra/scenarios.sh [maven args]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
cd "$VIGIL_ROOT"

started=()
"$INFRA/alertmanager.sh" status >/dev/null 2>&1 || started+=(alertmanager)
"$INFRA/services.sh" status >/dev/null 2>&1 || started+=(services)
stop_started() {
  local c
  for c in services alertmanager; do
    if [[ " ${started[*]:-} " == *" $c "* ]]; then "$INFRA/$c.sh" stop >/dev/null 2>&1 || true; fi
  done
}
trap stop_started EXIT

"$INFRA/alertmanager.sh" start
"$INFRA/services.sh" start
"$INFRA/roster.sh"
log "scenarios: against the system on 127.0.0.1:8081-8084 (its clocks move forward)"
MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" "$MVNW" -B verify -pl scenarios -Dvigil.scenarios.run "$@"
