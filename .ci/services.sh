#!/usr/bin/env bash
# Throwaway test servers on loopback, owned by this run: started on a free uncommon port, recorded by pid,
# stopped by that pid only. Sourced by test.sh; safe on a machine other processes share.
#
#   services_install            apt-get the packages the tests need that are missing (PostgreSQL, curl, Redis, Chromium, aiosmtpd)
#   postgres_start / postgres_stop   exports BAAS_TEST_POSTGRES (an Npgsql connection string)
#   redis_start / redis_stop         exports BAAS_TEST_REDIS (a StackExchange.Redis configuration string)
#   s3_start / s3_stop          exports BAAS_TEST_S3 (http://127.0.0.1:PORT of an s3rver with the bucket baas-tests; keys S3RVER/S3RVER);
#                               needs the npm packages of .ci/s3 (test.sh installs them)
#   smtp_start / smtp_stop      exports BAAS_TEST_SMTP (host:port of an SMTP server that accepts everything) and
#                               BAAS_TEST_SMTP_DIR (the folder where it saves each message as a .eml file)

BAAS_SERVICES_DIR="${BAAS_SERVICES_DIR:-}"

# The run's own folder, made on first use (sourcing this file alone leaves nothing behind).
services_dir() {
  if [ -z "$BAAS_SERVICES_DIR" ]; then
    BAAS_SERVICES_DIR=$(mktemp -d /tmp/baas-services.XXXXXX)
    chmod 755 "$BAAS_SERVICES_DIR"  # the postgres user must reach its cluster inside
  fi
  echo "$BAAS_SERVICES_DIR"
}

_log() { printf '[services] %s\n' "$*" >&2; }

# A TCP port on 127.0.0.1 that nothing listens on now, from a range the usual servers do not use.
free_port() {
  python3 - "$1" <<'PY'
import random, socket, sys
lo = int(sys.argv[1])
ports = list(range(lo, lo + 2000)); random.shuffle(ports)
for p in ports:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); s.close(); print(p); break
    except OSError:
        s.close()
else:
    sys.exit("no free port in range")
PY
}

pg_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

services_install() {
  local need=()
  pg_bindir >/dev/null || need+=(postgresql)
  command -v curl >/dev/null || need+=(curl)   # MyApp.Tests runs the README's curl tour
  command -v redis-server >/dev/null || need+=(redis-server)   # the cache's Redis suites
  [ -x "${BAAS_CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)   # the Admin UI's page tests (Playwright drives it)
  smtp_python -c 'import aiosmtpd' 2>/dev/null || need+=(python3-aiosmtpd)   # the SMTP server of the email tests
  if [ ${#need[@]} -gt 0 ]; then
    _log "installing: ${need[*]}"
    if [ "$(id -u)" -ne 0 ]; then _log "need root to apt-get install ${need[*]}"; return 1; fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
      { _log "apt-get install ${need[*]} failed"; return 1; }
  fi
}

postgres_start() {
  local bin port dir
  bin=$(pg_bindir) || { _log "PostgreSQL is not installed (apt-get install postgresql)"; return 1; }
  port=$(free_port 55400) || return 1
  services_dir >/dev/null   # sets BAAS_SERVICES_DIR in this shell
  dir="$BAAS_SERVICES_DIR/pg"
  mkdir -p "$dir"
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user when we are root.
  local run=()
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$dir"; run=(runuser -u postgres --); fi
  "${run[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { _log "initdb failed:"; cat "$dir/initdb.log" >&2; return 1; }
  # fsync off: a throwaway cluster for tests, speed over durability.
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null ||
    { _log "PostgreSQL did not start:"; cat "$dir/server.log" >&2; return 1; }
  head -n1 "$dir/data/postmaster.pid" >"$dir/pid"
  POSTGRES_PID=$(cat "$dir/pid")
  export BAAS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  _log "PostgreSQL pid $POSTGRES_PID on 127.0.0.1:$port"
}

postgres_stop() {
  [ -n "$BAAS_SERVICES_DIR" ] || return 0
  local dir="$BAAS_SERVICES_DIR/pg" bin pid
  [ -f "$dir/pid" ] || return 0
  pid=$(cat "$dir/pid")
  bin=$(pg_bindir)
  local run=(); [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || kill "$pid" 2>/dev/null
  rm -f "$dir/pid"
}

# A throwaway redis-server: no persistence (--save '' and no AOF), loopback only, its own port, pid and log files.
redis_start() {
  local port dir
  command -v redis-server >/dev/null || { _log "redis-server is not installed (apt-get install redis-server)"; return 1; }
  port=$(free_port 56400) || return 1
  services_dir >/dev/null
  dir="$BAAS_SERVICES_DIR/redis"
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$dir" \
    --daemonize yes --pidfile "$dir/pid" --logfile "$dir/server.log" ||
    { _log "redis-server did not start:"; cat "$dir/server.log" >&2 2>/dev/null; return 1; }
  local i
  for i in $(seq 1 100); do [ -s "$dir/pid" ] && break; sleep 0.05; done
  [ -s "$dir/pid" ] || { _log "redis-server wrote no pid file:"; cat "$dir/server.log" >&2; return 1; }
  REDIS_PID=$(cat "$dir/pid")
  export BAAS_TEST_REDIS="127.0.0.1:$port"
  _log "Redis pid $REDIS_PID on 127.0.0.1:$port"
}

# stop_by_pid_file NAME: stops the server this run started under $BAAS_SERVICES_DIR/NAME, by the pid it recorded.
stop_by_pid_file() {
  [ -n "$BAAS_SERVICES_DIR" ] || return 0
  local file="$BAAS_SERVICES_DIR/$1/pid"
  [ -f "$file" ] || return 0
  kill "$(cat "$file")" 2>/dev/null
  rm -f "$file"
}

redis_stop() { stop_by_pid_file redis; }

# Debian's python3, which apt's python3-aiosmtpd installs into (a pyenv or venv python3 on PATH would not see it).
SMTP_PYTHON=/usr/bin/python3
smtp_python() { "$SMTP_PYTHON" "$@"; }

smtp_start() {
  local port dir here
  smtp_python -c 'import aiosmtpd' 2>/dev/null || { _log "aiosmtpd is not installed (apt-get install python3-aiosmtpd)"; return 1; }
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  port=$(free_port 58200) || return 1
  services_dir >/dev/null
  dir="$BAAS_SERVICES_DIR/smtp"
  mkdir -p "$dir/messages"
  # Started directly (not through the function) so that $! is the server's own pid.
  "$SMTP_PYTHON" "$here/smtp_sink.py" 127.0.0.1 "$port" "$dir/messages" >"$dir/server.log" 2>&1 &
  echo $! >"$dir/pid"
  # Ready when it answers with its SMTP greeting (about 0.2 s).
  local i
  for i in $(seq 1 100); do
    if smtp_python - "$port" <<'PY' 2>/dev/null; then break; fi
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1)
ok = s.recv(64).startswith(b"220"); s.close(); sys.exit(0 if ok else 1)
PY
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then _log "the SMTP server did not start:"; cat "$dir/server.log" >&2; return 1; fi
    sleep 0.1
  done
  [ "$i" -lt 100 ] || { _log "the SMTP server did not answer on 127.0.0.1:$port"; smtp_stop; return 1; }
  SMTP_PID=$(cat "$dir/pid")
  export BAAS_TEST_SMTP="127.0.0.1:$port"
  export BAAS_TEST_SMTP_DIR="$dir/messages"
  _log "SMTP (aiosmtpd) pid $SMTP_PID on $BAAS_TEST_SMTP, messages in $BAAS_TEST_SMTP_DIR"
}

smtp_stop() { stop_by_pid_file smtp; }

# npm s3rver (an S3-compatible server in node), from .ci/s3's lock file: files kept in the run's folder, loopback only.
s3_start() {
  local port dir here
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  [ -x "$here/s3/node_modules/.bin/s3rver" ] || { _log "s3rver is not installed (cd .ci/s3 && npm ci)"; return 1; }
  port=$(free_port 57400) || return 1
  services_dir >/dev/null
  dir="$BAAS_SERVICES_DIR/s3"
  mkdir -p "$dir/data"
  # Started directly (not through npx) so that $! is the server's own pid.
  node "$here/s3/node_modules/s3rver/bin/s3rver.js" -d "$dir/data" -a 127.0.0.1 -p "$port" --configure-bucket baas-tests --silent \
    >"$dir/server.log" 2>&1 &
  echo $! >"$dir/pid"
  local i
  for i in $(seq 1 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/baas-tests" 2>/dev/null; then break; fi
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then _log "s3rver did not start:"; cat "$dir/server.log" >&2; return 1; fi
    sleep 0.1
  done
  [ "$i" -lt 100 ] || { _log "s3rver did not answer on 127.0.0.1:$port"; s3_stop; return 1; }
  S3_PID=$(cat "$dir/pid")
  export BAAS_TEST_S3="http://127.0.0.1:$port"
  _log "S3 (s3rver) pid $S3_PID on $BAAS_TEST_S3"
}

s3_stop() { stop_by_pid_file s3; }

services_cleanup() {
  s3_stop
  redis_stop
  smtp_stop
  postgres_stop
  [ -n "$BAAS_SERVICES_DIR" ] && rm -rf "$BAAS_SERVICES_DIR"
  return 0
}
