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
: "${VIGIL_ALERTMANAGER_PORT:=9095}"
: "${VIGIL_PROMETHEUS_PORT:=9090}"
# escalation-service's Alertmanager integration (basic auth): infra/services.sh hands it to escalation-service,
# infra/alertmanager.sh to Alertmanager's webhook. A local-development value, public like the realm's passwords.
: "${VIGIL_ALERTMANAGER_USERNAME:=alertmanager}"
: "${VIGIL_ALERTMANAGER_SECRET:=local-dev-only-alertmanager-secret}"

VIGIL_SERVICES="ownership escalation notification audit"
# Databases: one per service, plus platform (the platform module's own tests).
VIGIL_DATABASES="$VIGIL_SERVICES platform"
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
# Checked once per tree of scripts (infra.sh exports the result to the component scripts).
if [ -z "${VIGIL_JAVA_MAJOR:-}" ] || [ "${VIGIL_JDK_CHECKED:-}" != "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(find_jdk)" || exit 1
  VIGIL_JAVA_MAJOR=$(java_major "$JAVA_HOME")
  VIGIL_JDK_CHECKED=$JAVA_HOME
  export JAVA_HOME VIGIL_JAVA_MAJOR VIGIL_JDK_CHECKED
  export PATH="$JAVA_HOME/bin:$PATH"
fi
# JDK 24+ prints a warning when a library uses sun.misc.Unsafe memory access (Kafka, Maven's Guice); allow it quietly.
JAVA_UNSAFE_OPT=""
if [ "$VIGIL_JAVA_MAJOR" -ge 24 ] 2>/dev/null; then JAVA_UNSAFE_OPT="--sun-misc-unsafe-memory-access=allow"; fi

MVNW="$VIGIL_ROOT/mvnw"

# Port helpers.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port seconds
  local i
  for ((i = 0; i < $2 * 5; i++)); do port_open "$1" && return 0; sleep 0.2; done
  return 1
}
# A process that exists and is not a zombie (an orphan's exit is reaped late by init here).
alive() { local st; st=$(ps -o stat= -p "$1" 2>/dev/null) && [ -n "$st" ] && [ "${st:0:1}" != Z ]; }
# Pid files hold "pid starttime" (field 22 of /proc/pid/stat), so a recycled pid is not taken for ours.
pidfile() { echo "$VIGIL_STATE/run/$1.pid"; }
proc_starttime() { local s; s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; s=${s##*) }; set -- $s; echo "${20}"; }
write_pidfile() { # name pid
  echo "$2 $(proc_starttime "$2")" >"$(pidfile "$1")"
}
pid_of() { # name -> pid of our running process (fails when not running)
  local f pid st; f=$(pidfile "$1")
  [ -f "$f" ] || return 1
  read -r pid st <"$f" || true
  [ -n "${pid:-}" ] && alive "$pid" || return 1
  [ -z "${st:-}" ] || [ "$(proc_starttime "$pid")" = "$st" ] || return 1
  echo "$pid"
}
running() { pid_of "$1" >/dev/null; }
# Refuse to start when a port we need is held by a process that is not ours.
claim_port() { # name port
  if port_open "$2" && ! running "$1"; then
    die "port $2 (needed by $1) is already in use by another process; stop it, or pick other ports (the VIGIL_*_PORT variables, see infra/lib.sh)"
  fi
}
# Start a long-running server in its own session (so stop_pid can end its whole process group).
spawn() { # name command...
  local name=$1; shift
  local logf="$VIGIL_STATE/logs/$name.log"
  [ -f "$logf" ] && mv -f "$logf" "$logf.1"
  setsid "$@" </dev/null >"$logf" 2>&1 &
  write_pidfile "$name" "$!"
}
stop_pid() { # name [seconds]
  local f pid i; f=$(pidfile "$1")
  [ -f "$f" ] || return 0
  if pid=$(pid_of "$1"); then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < ${2:-30} * 5; i++)); do alive "$pid" || break; sleep 0.2; done
    if alive "$pid"; then
      log "$1 did not stop in ${2:-30}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}
# Resident memory in MB of a process and all its descendants.
tree_rss_mb() { # pid
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { pp[$1] = $2; rss[$1] = $3 }
    END {
      for (p in pp) { q = p; while (q != "" && q != 0 && q != root) q = pp[q]; if (q == root) sum += rss[p] }
      printf "%d\n", sum / 1024 }'
}
# Log lines for failures: the tail of a component's log.
show_log_tail() { # name [lines]
  local f="$VIGIL_STATE/logs/$1.log"
  [ -f "$f" ] && { echo "---- last lines of $f ----" >&2; tail -n "${2:-30}" "$f" >&2; } || true
}

# Maven, run outside any project: the repository root has a pom.xml (the Vigil build), which
# Maven would otherwise read (and fail on) for goals like dependency:get.
mvn_standalone() { (cd "$VIGIL_STATE" && MAVEN_OPTS="${MAVEN_OPTS:-} $JAVA_UNSAFE_OPT" "$MVNW" -q -B "$@"); }
# Fetch an artifact from Maven Central into the local repository and print its path.
fetch_artifact() { # groupId:artifactId:version[:packaging[:classifier]]
  local g a v p c path
  IFS=: read -r g a v p c <<<"$1"; p=${p:-jar}
  path="$HOME/.m2/repository/${g//.//}/$a/$v/$a-$v${c:+-$c}.$p"
  if [ ! -f "$path" ]; then
    mvn_standalone dependency:get -Dartifact="$1" -Dtransitive=false >&2 || die "could not fetch $1 from Maven Central"
  fi
  echo "$path"
}

# A program from a Debian package (Alertmanager, Prometheus), installed with apt-get when it is missing. That takes
# root; anyone else is told the command to run. A unit the package starts by itself (systemd) is stopped and
# disabled again: it would hold the ports these scripts use (Debian's Alertmanager listens on 9093, Kafka's controller).
ensure_deb() { # package program
  local pkg=$1 prog=$2 aptlog="$VIGIL_STATE/logs/apt-$1.log"
  command -v "$prog" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ]; then
    die "$prog is missing: install Debian's package $pkg (as root: apt-get install --no-install-recommends $pkg), or run make up as root so that infra/ installs it"
  fi
  log "$prog is missing: installing Debian's package $pkg (apt-get install --no-install-recommends $pkg; log $aptlog)"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$pkg" >"$aptlog" 2>&1; then
    log "apt-get install failed; updating the package lists (apt-get update) and trying again"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$pkg"; } >>"$aptlog" 2>&1 \
      || { tail -n 20 "$aptlog" >&2; die "could not install Debian's package $pkg (log: $aptlog)"; }
  fi
  command -v "$prog" >/dev/null 2>&1 || die "Debian's package $pkg is installed but $prog is not on the PATH"
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$pkg" 2>/dev/null; then
    log "stopping and disabling the system service $pkg that the package started (these scripts run their own)"
    systemctl disable --now "$pkg" >>"$aptlog" 2>&1 || true
  fi
  log "installed $pkg ($("$prog" --version 2>&1 | head -n 1))"
}

# A local server with an HTTP readiness endpoint, as the component scripts for Debian's daemons run it
# (alertmanager.sh, prometheus.sh). Each script sets the name, its URL and what it does, and defines launch and
# ready; do_start, do_stop and do_status then come from here.
#   DAEMON=name DAEMON_PORT=port DAEMON_URL=url DAEMON_ROLE="what status prints after the URL"
#   DAEMON_START_S=seconds to become ready  DAEMON_STOP_S=seconds to stop before SIGKILL
#   launch() { spawn "$DAEMON" command...; }   ready() { curl ... ; }
daemon_start() {
  if running "$DAEMON"; then
    log "$DAEMON: already running (pid $(pid_of "$DAEMON"), $DAEMON_URL)"
  else
    claim_port "$DAEMON" "$DAEMON_PORT"
    do_prepare
    log "$DAEMON: starting on $DAEMON_URL ($DAEMON_ROLE)"
    launch
  fi
  local i
  for ((i = 0; i < DAEMON_START_S * 5; i++)); do
    ready && break
    running "$DAEMON" || { show_log_tail "$DAEMON"; die "$DAEMON exited during start-up (log: $VIGIL_STATE/logs/$DAEMON.log)"; }
    sleep 0.2
  done
  ready || { show_log_tail "$DAEMON"; die "$DAEMON was not ready within $DAEMON_START_S s"; }
  log "$DAEMON: ready at $DAEMON_URL"
}

daemon_stop() {
  if running "$DAEMON"; then
    log "$DAEMON: stopping"
    stop_pid "$DAEMON" "$DAEMON_STOP_S"
  else
    rm -f "$(pidfile "$DAEMON")"
    log "$DAEMON: not running"
  fi
}

daemon_status() {
  local pid
  if pid=$(pid_of "$DAEMON"); then
    printf '%-12s %-8s %-7s %6s MB  %s\n' "$DAEMON" "$(ready && echo ready || echo starting)" "$pid" \
      "$(tree_rss_mb "$pid")" "$DAEMON_URL ($DAEMON_ROLE)"
  else
    printf '%-12s %-8s\n' "$DAEMON" stopped
    return 3
  fi
}

# For what runs against the started system (make demo, bench/run.sh alerts): stops unless the services and
# Alertmanager run, and prints the scenarios jar, building it when it is missing.
require_system_and_scenarios_jar() {
  "$VIGIL_ROOT/infra/services.sh" status >/dev/null 2>&1 || die "the services are not running: start the system with make up first"
  "$VIGIL_ROOT/infra/alertmanager.sh" status >/dev/null 2>&1 || die "Alertmanager is not running: start the system with make up first"
  local jar
  jar=$(ls "$VIGIL_ROOT"/scenarios/target/vigil-scenarios-*.jar 2>/dev/null | head -1 || true)
  [ -n "$jar" ] || "$VIGIL_ROOT/infra/build.sh" >&2
  ls "$VIGIL_ROOT"/scenarios/target/vigil-scenarios-*.jar | head -1
}

# "start|stop|status" dispatch shared by the component scripts (each defines do_start, do_stop, do_status).
main() {
  case "${1:-}" in
    start) do_start ;;
    stop) do_stop ;;
    status) do_status ;;
    prepare) if declare -F do_prepare >/dev/null; then do_prepare; fi ;;
    *) echo "usage: $0 start|stop|status|prepare" >&2; exit 2 ;;
  esac
}
