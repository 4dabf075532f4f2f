# Shared by the benchmark scripts that start a packaged service of their own. Source it after infra/lib.sh.

# Stops the benchmark's own service should an earlier run have been killed outright (its command line carries
# -Dbench.service-marker=, so a service of `make up` is never touched).
bench_stop_leftover() { # service name, e.g. ownership-service
  local pid f="$WORK/$1.pid"
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- '-Dbench.service-marker='; then
    log "bench: stopping the benchmark's $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.2; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

# Starts the servers that are down; on exit stops the benchmark's service and, unless VIGIL_KEEP_INFRA=true,
# the servers this script had to start.
bench_servers_for() { # service name
  BENCH_SERVICE=$1
  bench_stop_leftover "$BENCH_SERVICE"
  if "$INFRA/infra.sh" status >/dev/null 2>&1; then BENCH_STARTED_SERVERS=false; else BENCH_STARTED_SERVERS=true; fi
  trap bench_on_exit EXIT
  if [ "$BENCH_STARTED_SERVERS" = true ]; then "$INFRA/infra.sh" start; fi
}
bench_on_exit() {
  bench_stop_leftover "$BENCH_SERVICE"
  if [ "$BENCH_STARTED_SERVERS" = true ] && [ "${VIGIL_KEEP_INFRA:-false}" != true ]; then
    "$INFRA/infra.sh" stop >/dev/null 2>&1 || true
  fi
}
