#!/usr/bin/env bash
# Alert → page (bench/run.sh alerts): alerts posted to Alertmanager's own API at a steady rate, one group each; the
# time until the on-call primary's page reaches a local webhook receiver, through the running system (make up).
# Usage: bench/alerts.sh [ALERTS [PER_SECOND]]   defaults 1000 and 20. Moves no clock; opens (then ends) one
# incident per alert on the running system.
source "$(dirname "${BASH_SOURCE[0]}")/../infra/lib.sh"
INFRA="$VIGIL_ROOT/infra"
jar=$(require_system_and_scenarios_jar) || exit 1
exec java $JAVA_UNSAFE_OPT -cp "$jar" io.vigil.scenarios.AlertToPageBenchmark "${1:-1000}" "${2:-20}"
