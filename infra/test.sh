#!/usr/bin/env bash
# make test: every test, unit to end to end, against the real servers. Starts the servers it needs and,
# if it had to start them, stops them again at the end. A running `make up` system is not disturbed:
# tests use the <service>_test databases, consumer groups of their own and free ports.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
cd "$VIGIL_ROOT"

if "$INFRA/infra.sh" status >/dev/null 2>&1; then
  started_here=false
else
  started_here=true
fi
if [ "$started_here" = true ] && [ "${VIGIL_KEEP_INFRA:-false}" != true ]; then
  trap '"$INFRA/infra.sh" stop >/dev/null 2>&1 || true' EXIT
fi
t0=$SECONDS
"$INFRA/infra.sh" start
log "servers ready in $((SECONDS - t0)) s; running the tests"
MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" "$MVNW" -B verify "$@"
