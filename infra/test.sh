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
log "servers ready in $((SECONDS - t0)) s"

# The seed scenarios first, on the bus as it is before the module tests publish people and rotations of their own
# to vigil.roster (a system started after them would copy those too): the services packaged and installed, the
# system started the README's way (Alertmanager, the four services, the roster), scenarios 1-4, and what was started
# for them stopped again. VIGIL_SCENARIOS=false leaves them out (make scenarios runs them on their own).
if [ "${VIGIL_SCENARIOS:-true}" = true ]; then
  t1=$SECONDS
  log "packaging the services for the scenarios (./mvnw install, tests skipped)"
  MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" "$MVNW" -B -q install -DskipTests -Dquarkus.log.level=WARN \
    || die "the build failed; run ./mvnw install -DskipTests to see why"
  "$INFRA/scenarios.sh"
  log "scenarios passed in $((SECONDS - t1)) s"
fi

log "running the tests"
MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" "$MVNW" -B verify "$@"
