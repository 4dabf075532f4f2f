#!/usr/bin/env bash
# Packages the four services (quarkus-app layout) without running tests.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$VIGIL_ROOT"
log "building the services (./mvnw package, tests skipped)"
MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" "$MVNW" -B -q package -DskipTests -Dquarkus.log.level=WARN \
  || die "the build failed; run ./mvnw package -DskipTests to see why"
