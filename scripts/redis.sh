#!/usr/bin/env bash
# Starts a throwaway Redis (the SignalR backplane of several app nodes) on a free loopback port, without persistence.
# Source it:  . scripts/redis.sh && start_throwaway_redis
# Afterwards DELIBERATION_TEST_REDIS holds its connection string; stop_throwaway_redis stops it.

start_throwaway_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server not found; installing it with apt-get" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 redis-server >/dev/null \
      || { echo "could not install Redis" >&2; return 1; }
  fi
  REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  REDIS_TMP=$(mktemp -d /tmp/deliberation-redis.XXXXXX)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --dir "$REDIS_TMP" --pidfile "$REDIS_TMP/redis.pid" --logfile "$REDIS_TMP/redis.log" || return 1
  for _ in $(seq 50); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  export DELIBERATION_TEST_REDIS="127.0.0.1:$REDIS_PORT"
  echo "Redis on 127.0.0.1:$REDIS_PORT" >&2
}

stop_throwaway_redis() {
  if [ -n "${REDIS_TMP:-}" ]; then
    [ -f "$REDIS_TMP/redis.pid" ] && kill "$(cat "$REDIS_TMP/redis.pid")" 2>/dev/null
    rm -rf "$REDIS_TMP"
    REDIS_TMP=
  fi
}
