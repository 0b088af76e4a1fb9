#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for tests and benchmarks: a temp data folder, a free loopback port, fsync off.
# Source it:  . scripts/postgres.sh && start_throwaway_postgres
# Afterwards DELIBERATION_TEST_POSTGRES holds an admin connection string; stop_throwaway_postgres removes everything.
# Tests run with fsync off (nothing to lose); set DELIBERATION_PG_DURABLE=1 for a server with PostgreSQL's durable
# defaults, as the load measurements in docs/performance.md use.

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_throwaway_postgres() {
  local bin
  if ! bin=$(find_pg_bin); then
    echo "PostgreSQL binaries not found; installing them with apt-get" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 postgresql >/dev/null
    bin=$(find_pg_bin) || { echo "could not install PostgreSQL" >&2; return 1; }
  fi
  PG_TMP=$(mktemp -d /tmp/deliberation-pg.XXXXXX)
  chmod 755 "$PG_TMP"
  mkdir -p "$PG_TMP/data" "$PG_TMP/sock"
  local as_postgres=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$PG_TMP"
    as_postgres=(runuser -u postgres --)
  fi
  PG_PORT=$(free_port)
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${DELIBERATION_PG_DURABLE:-}" = 1 ] && speed=""
  "${as_postgres[@]}" "$bin/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$PG_TMP/initdb.log" 2>&1 \
    || { cat "$PG_TMP/initdb.log" >&2; return 1; }
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
    -o "-p $PG_PORT -k $PG_TMP/sock -c listen_addresses=127.0.0.1 $speed -c max_connections=300 -c shared_buffers=256MB" \
    start >/dev/null || { cat "$PG_TMP/server.log" >&2; return 1; }
  PG_CTL_CMD=("${as_postgres[@]}" "$bin/pg_ctl" -D "$PG_TMP/data" -m immediate stop)
  export DELIBERATION_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  echo "PostgreSQL on 127.0.0.1:$PG_PORT ($PG_TMP)" >&2
}

stop_throwaway_postgres() {
  if [ -n "${PG_TMP:-}" ]; then
    "${PG_CTL_CMD[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
    PG_TMP=
  fi
}
