#!/usr/bin/env bash
# Alert → page (bench/run.sh alerts): alerts posted to Alertmanager's own API at a steady rate, one group each; the
# time until the on-call primary's page reaches a local webhook receiver, through the running system (make up).
# Usage: bench/alerts.sh [ALERTS [PER_SECOND]]   defaults 1000 and 20. Moves no clock; opens (then ends) one
# incident per alert on the running system.
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"
INFRA="$VIGIL_ROOT/infra"
"$INFRA/services.sh" status >/dev/null 2>&1 || die "the services are not running: start the system with make up first"
"$INFRA/alertmanager.sh" status >/dev/null 2>&1 || die "Alertmanager is not running: start the system with make up first"
jar=$(ls "$VIGIL_ROOT"/scenarios/target/vigil-scenarios-*.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || "$INFRA/build.sh"
jar=$(ls "$VIGIL_ROOT"/scenarios/target/vigil-scenarios-*.jar | head -1)
exec java $JAVA_UNSAFE_OPT -cp "$jar" io.vigil.scenarios.AlertToPageBenchmark "${1:-1000}" "${2:-20}"
