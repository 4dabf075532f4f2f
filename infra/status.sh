#!/usr/bin/env bash
# make status: state, pid, resident memory and address of every process of the local system.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rc=0
"$VIGIL_ROOT/infra/infra.sh" status || rc=$?
"$VIGIL_ROOT/infra/alertmanager.sh" status || rc=$?
"$VIGIL_ROOT/infra/services.sh" status || rc=$?
"$VIGIL_ROOT/infra/prometheus.sh" status || rc=$?
exit $rc
