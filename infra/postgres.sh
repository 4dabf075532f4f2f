#!/usr/bin/env bash
# PostgreSQL 15 from the system's binaries, data in .vigil/pgdata, on 127.0.0.1:$VIGIL_PG_PORT.
# Usage: infra/postgres.sh start|stop|status      as root, or as the OS user postgres
# Databases: one per service (<svc>, <svc>_test), each owned by the login role <svc> (password
# vigil-dev); audit also has the role audit_app. TCP logins use scram-sha-256; the superuser
# postgres has trust on the Unix socket only (socket dir .vigil/pgsock).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_BIN=${VIGIL_PG_BIN:-/usr/lib/postgresql/15/bin}
PGDATA="$VIGIL_STATE/pgdata"
PGSOCK="$VIGIL_STATE/pgsock"
PGLOG="$VIGIL_STATE/logs/postgres.log"
DEV_PASSWORD=vigil-dev

# The server runs as the OS user postgres, which owns the data directory: root switches to it with runuser.
as_pg() {
  if [ "$(id -un)" = postgres ]; then (cd / && "$@"); else (cd / && runuser -u postgres -- "$@"); fi
}
need_root_or_postgres() {
  if [ "$(id -u)" = 0 ] || [ "$(id -un)" = postgres ]; then return 0; fi
  die "postgres: infra/postgres.sh needs root (or to be run as the OS user postgres), not '$(id -un)':
  PostgreSQL runs as the user postgres, and its data directory ($PGDATA) is readable by postgres only;
  the script reaches it through 'runuser -u postgres' and hands the data, socket and log files to postgres
  (chown), and both take root. Run it (or make up / make test) as root, e.g. with sudo."
}
pg_ctl() { as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" "$@"; }
pg_up() { [ -f "$PGDATA/PG_VERSION" ] && pg_ctl status >/dev/null 2>&1; }
postmaster_pid() { head -n 1 "$PGDATA/postmaster.pid" 2>/dev/null; }
psql_super() { "$PG_BIN/psql" -X -q -h "$PGSOCK" -p "$VIGIL_PG_PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }

do_prepare() {
  pg_up && return 0  # nothing to prepare while it runs
  [ -x "$PG_BIN/postgres" ] || die "PostgreSQL 15 not found in $PG_BIN (apt-get install postgresql-15)"
  id postgres >/dev/null 2>&1 || die "the OS user postgres does not exist (it comes with the postgresql package)"
  # The postgres user must reach its data dir: make every directory above it traversable.
  local d="$VIGIL_STATE"
  while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
  mkdir -p "$PGSOCK"
  chown postgres:postgres "$PGSOCK"
  chmod 700 "$PGSOCK"
  if [ ! -f "$PGDATA/PG_VERSION" ]; then
    log "postgres: initdb $PGDATA"
    rm -rf "$PGDATA"
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    as_pg "$PG_BIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$VIGIL_STATE/logs/initdb.log" 2>&1 \
      || { cat "$VIGIL_STATE/logs/initdb.log" >&2; die "initdb failed"; }
    echo "include_if_exists = 'vigil.conf'" >>"$PGDATA/postgresql.conf"
  fi
  # Written on every start, so a change here applies at the next restart.
  cat >"$PGDATA/vigil.conf" <<EOF
# Written by infra/postgres.sh; edits are lost.
listen_addresses = '127.0.0.1'
port = $VIGIL_PG_PORT
unix_socket_directories = '$PGSOCK'
max_connections = 200
shared_buffers = 256MB
# Sustained appends (audit-service logs tens of thousands of rows a second): fewer checkpoints, so fewer full-page
# images in the WAL. Durability is unchanged (fsync, full_page_writes and synchronous_commit stay on).
max_wal_size = 4GB
checkpoint_timeout = 15min
wal_buffers = 16MB
password_encryption = scram-sha-256
EOF
  cat >"$PGDATA/pg_hba.conf" <<'EOF'
# Written by infra/postgres.sh; edits are lost.
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 trust
local   all       all                      scram-sha-256
host    all       all       127.0.0.1/32   scram-sha-256
host    all       all       ::1/128        scram-sha-256
EOF
  chown postgres:postgres "$PGDATA/vigil.conf" "$PGDATA/pg_hba.conf"
  touch "$PGLOG"
  chown postgres:postgres "$PGLOG"
}

provision() {
  local svc sql=""
  for svc in $VIGIL_DATABASES; do
    sql+="
SELECT format('CREATE ROLE %I LOGIN', '$svc') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$svc') \\gexec
ALTER ROLE \"$svc\" WITH LOGIN PASSWORD '$DEV_PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', '$svc', '$svc') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$svc') \\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '${svc}_test', '$svc') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${svc}_test') \\gexec
ALTER DATABASE \"$svc\" OWNER TO \"$svc\";
ALTER DATABASE \"${svc}_test\" OWNER TO \"$svc\";
REVOKE CONNECT ON DATABASE \"$svc\", \"${svc}_test\" FROM PUBLIC;
"
  done
  sql+="
SELECT 'CREATE ROLE audit_app LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'audit_app') \\gexec
ALTER ROLE audit_app WITH LOGIN PASSWORD '$DEV_PASSWORD';
GRANT CONNECT ON DATABASE audit, audit_test TO audit_app;
"
  psql_super -d postgres <<<"$sql" >/dev/null || die "creating the service roles and databases failed"
}

do_start() {
  if pg_up; then
    log "postgres: already running (pid $(postmaster_pid), 127.0.0.1:$VIGIL_PG_PORT)"
  else
    if port_open "$VIGIL_PG_PORT"; then
      die "port $VIGIL_PG_PORT (needed by postgres) is already in use by another process; stop it or set VIGIL_PG_PORT"
    fi
    do_prepare
    log "postgres: starting on 127.0.0.1:$VIGIL_PG_PORT"
    # pg_ctl forks the postmaster into its own session (setsid) and tracks it in postmaster.pid.
    pg_ctl -l "$PGLOG" -w -t 60 start >/dev/null || { show_log_tail postgres; die "postgres did not start"; }
  fi
  provision
  log "postgres: ready at postgresql://127.0.0.1:$VIGIL_PG_PORT (roles/databases: $VIGIL_DATABASES + *_test, password $DEV_PASSWORD)"
}

do_stop() {
  if pg_up; then
    log "postgres: stopping"
    pg_ctl -m fast -w -t 60 stop >/dev/null || die "postgres did not stop"
  else
    log "postgres: not running"
  fi
}

do_status() {
  local pid
  if pg_up; then
    pid=$(postmaster_pid)
    printf '%-12s %-8s %-7s %6s MB  %s\n' postgres running "$pid" "$(tree_rss_mb "$pid")" "postgresql://127.0.0.1:$VIGIL_PG_PORT (socket $PGSOCK)"
  else
    printf '%-12s %-8s\n' postgres stopped
    return 3
  fi
}

case "${1:-}" in start|stop|status|prepare) need_root_or_postgres ;; esac
main "$@"
