#!/usr/bin/env bash
# make demo: scenarios 1-3 played against the running system (make up), told as they happen, with where to look.
# It moves the system's clocks forward (about two days per run): a local system's, never a shared one's.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
INFRA="$VIGIL_ROOT/infra"
jar=$(require_system_and_scenarios_jar) || exit 1
"$INFRA/roster.sh" >/dev/null   # the rotation reaches past wherever earlier runs moved the clocks
exec java $JAVA_UNSAFE_OPT -jar "$jar"
