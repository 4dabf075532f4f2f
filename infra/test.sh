#!/usr/bin/env bash
# make test: every test, unit to end to end, against the real servers. Starts the servers it needs and, at the
# end, stops those it had to start (VIGIL_KEEP_INFRA=true leaves them running); a server that was already running,
# e.g. one of `make up`, is left alone. A running `make up` system is not disturbed: tests use the <service>_test
# databases, consumer groups of their own and free ports.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
cd "$VIGIL_ROOT"

# Each component script's status exits non-zero when that server is stopped.
started_here=()
for c in postgres kafka smtp keycloak; do
  "$INFRA/$c.sh" status >/dev/null 2>&1 || started_here+=("$c")
done
if ((${#started_here[@]})); then
  if [ "${VIGIL_KEEP_INFRA:-false}" = true ]; then
    log "starting ${started_here[*]}; left running afterwards (VIGIL_KEEP_INFRA=true)"
  else
    log "starting ${started_here[*]}; stopped again when the tests end"
    trap '"$INFRA/infra.sh" stop "${started_here[@]}" >/dev/null 2>&1 || true' EXIT
  fi
fi
t0=$SECONDS
# Every component, also the running ones: start is a no-op for those, but it still creates a missing
# database, role or topic.
"$INFRA/infra.sh" start
log "servers ready in $((SECONDS - t0)) s; running the tests"
MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" "$MVNW" -B verify "$@"
