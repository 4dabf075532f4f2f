# Common settings for the infra scripts. Source it; do not run it.
set -euo pipefail

VIGIL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Everything the scripts create (downloads unpacked, data, logs, pids) lives here; git-ignored.
VIGIL_STATE="${VIGIL_STATE:-$VIGIL_ROOT/.vigil}"
mkdir -p "$VIGIL_STATE/logs" "$VIGIL_STATE/run"

: "${VIGIL_PG_PORT:=55432}"
: "${VIGIL_KAFKA_PORT:=9092}"
: "${VIGIL_KAFKA_CONTROLLER_PORT:=9093}"
: "${VIGIL_KEYCLOAK_PORT:=8180}"
: "${VIGIL_KEYCLOAK_MGMT_PORT:=9000}"
: "${VIGIL_SMTP_PORT:=3025}"
: "${VIGIL_SMTP_IMAP_PORT:=3143}"
: "${VIGIL_SMTP_API_PORT:=8025}"

VIGIL_SERVICES="ownership escalation notification audit"
service_port() {
  case "$1" in
    ownership) echo 8081 ;; escalation) echo 8082 ;; notification) echo 8083 ;; audit) echo 8084 ;;
    *) echo "unknown service $1" >&2; return 1 ;;
  esac
}

log()  { printf '[vigil] %s\n' "$*"; }
die()  { printf '[vigil] ERROR: %s\n' "$*" >&2; exit 1; }

# A JDK >= 21: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return 0
  fi
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(java_major "$d" 2>/dev/null || echo 0)
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best="$d"; best_v=$v; fi
  done
  [ -n "$best" ] || { echo "No JDK >= 21 found: set JAVA_HOME to a JDK 21 or newer (none under /usr/lib/jvm qualifies)." >&2; return 1; }
  echo "$best"
}
JAVA_HOME="$(find_jdk)" || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

MVNW="$VIGIL_ROOT/mvnw"

# Port helpers.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port seconds what
  local i
  for ((i = 0; i < $2 * 5; i++)); do port_open "$1" && return 0; sleep 0.2; done
  return 1
}
pidfile() { echo "$VIGIL_STATE/run/$1.pid"; }
running() { local f; f=$(pidfile "$1"); [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }
# Refuse to start when a port we need is held by a process that is not ours.
claim_port() { # name port
  if port_open "$2" && ! running "$1"; then
    die "port $2 (needed by $1) is already in use by another process; stop it or set the port variable in infra/lib.sh"
  fi
}
stop_pid() { # name [seconds]
  local f pid i; f=$(pidfile "$1")
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < ${2:-30} * 5; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$f"
}
# Fetch an artifact from Maven Central into the local repository and print its path.
fetch_artifact() { # groupId:artifactId:version[:packaging[:classifier]]
  local g a v p c path
  IFS=: read -r g a v p c <<<"$1"; p=${p:-jar}
  path="$HOME/.m2/repository/${g//.//}/$a/$v/$a-$v${c:+-$c}.$p"
  if [ ! -f "$path" ]; then
    "$MVNW" -q -B dependency:get -Dartifact="$1" -Dtransitive=false >&2 || die "could not fetch $1 from Maven Central"
  fi
  echo "$path"
}
