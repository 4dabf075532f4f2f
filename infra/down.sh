#!/usr/bin/env bash
# make down: stops Prometheus, the services, Alertmanager, then the servers; only processes these scripts started.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$VIGIL_ROOT/infra/prometheus.sh" stop
"$VIGIL_ROOT/infra/services.sh" stop
"$VIGIL_ROOT/infra/alertmanager.sh" stop
"$VIGIL_ROOT/infra/infra.sh" stop
