#!/usr/bin/env bash
# make demo: scenarios 1-3 played against the running system (make up), told as they happen, with where to look.
# It moves the system's clocks forward (about two days per run): a local system's, never a shared one's.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
"$INFRA/services.sh" status >/dev/null 2>&1 || die "the services are not running: start the system with make up first"
"$INFRA/alertmanager.sh" status >/dev/null 2>&1 || die "Alertmanager is not running: start the system with make up first"
jar=$(ls "$VIGIL_ROOT"/scenarios/target/vigil-scenarios-*.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || "$INFRA/build.sh"
jar=$(ls "$VIGIL_ROOT"/scenarios/target/vigil-scenarios-*.jar | head -1)
"$INFRA/roster.sh" >/dev/null   # the rotation reaches past wherever earlier runs moved the clocks
exec java $JAVA_UNSAFE_OPT -jar "$jar"
