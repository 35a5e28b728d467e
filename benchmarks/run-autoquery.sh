#!/usr/bin/env bash
# The platform against an independent hand-written server (../shared/baseline: its own process, CreateSlimBuilder,
# Dapper on the raw driver), on SQLite and on PostgreSQL. Not run in CI.
#
#   benchmarks/run-autoquery.sh [seconds] [runs]          wrk, 16 connections: get by id, a filtered sorted page of 20
#                                                          with its total, create; sides alternating per operation;
#                                                          medians of [runs] (default 10 s x 3)
#   benchmarks/run-autoquery.sh --pocketbase [max-seconds] PocketBase's 2-vCPU recipe: 1,000 list calls at 1,000
#                                                          connections over 100,000 rows, with and without the total,
#                                                          then 50,000 creates at 500 connections (each phase cut off
#                                                          at max-seconds, default 240)
#   benchmarks/run-autoquery.sh --startup [runs]           MyApp: cold start to its first answer on an existing
#                                                          database, idle and loaded RSS (default 5 runs)
#   benchmarks/run-autoquery.sh --profile [seconds]        where each side's CPU goes, per operation: perf samples of
#                                                          the server under wrk, split into request stages
#                                                          (benchmarks/profile-stages.py), in µs per request, and the
#                                                          bytes allocated per request (dotnet-counters); default 12 s
#   benchmarks/run-autoquery.sh --cache [seconds] [runs]  SQLite, against the baseline: the default rate limit off, on
#                                                          with in-memory counters, on with Redis counters (three
#                                                          platform processes), and a cached page against the same
#                                                          uncached page; sides rotating per round (default 10 s x 3)
#   benchmarks/run-autoquery.sh --logs [seconds] [runs]   request logs off, on, and on with request bodies (three platform
#                                                          processes on copies of one database): server (and PostgreSQL)
#                                                          CPU per request for get by id, the page of 20 + total and
#                                                          create, and the rows each side wrote (default 10 s x 3)
#   benchmarks/run-autoquery.sh --analytics [runs]        request analytics on a month of traffic: the aggregates of 30 days
#                                                          (2.1 million per-minute and 165,000 per-hour rows: 20
#                                                          operations, 200 users, 5 API keys) written straight into
#                                                          the tables, then AdminGetRequestAnalytics timed over HTTP
#                                                          (median of [runs], default 5)
#   benchmarks/run-autoquery.sh --tracing [seconds] [runs] SQLite, against the baseline: OpenTelemetry off (not added:
#                                                          the platform's sources and meters unheard), on (every trace
#                                                          recorded) and sampled (one new trace in ten), the last two
#                                                          exporting by OTLP/HTTP to a local sink (benchmarks/otlp-sink.py)
#                                                          (three platform processes); sides rotating per round
#                                                          (default 10 s x 3)
#   benchmarks/run-autoquery.sh --tracing-parts [seconds] [runs]  what 1-in-10 sampling still costs, part by part: off,
#                                                          sampled (traces and metrics), spans (sampled traces, metrics
#                                                          off), metrics (traces off), never (no trace recorded, metrics
#                                                          on); five platform processes, as --tracing
#   BENCH_DBS=postgres (or sqlite) limits the compare, pocketbase, profile, logs and analytics modes to one database.
#   BENCH_PLATFORM_ENV="Name=value ..." adds settings to the platform side of the compare and profile modes, e.g.
#   RequestLogs__Enabled=true to see what request logging costs, stage by stage.
#
# The platform's side is benchmarks/BaaS.AutoQuery.Benchmarks: three AutoQuery DTOs behind JWT sign-in (AddBaaSAuth, a
# user registered at /register signs in at /auth/credentials, the bearer token goes with every request), Production
# environment, logging at Warning, the JWT secret from the environment. The baseline is built unmodified from a copy of
# ../shared/baseline, with a static bearer token (BASELINE_TOKEN), so both sides check a token. Both load the same rows
# (the baseline README's data set), each into its own SQLite file or PostgreSQL database. CPU per request is read from
# /proc around every run: the server process, plus for PostgreSQL every process of the throwaway cluster (the
# postmaster, its children, and the children it reaped during the run).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
BASELINE_SRC=${BASELINE_SRC:-$REPO/../shared/baseline}
MODE=compare
ARG1=${1:-}
DBS=${BENCH_DBS:-sqlite postgres}   # BENCH_DBS=postgres runs one database only
case "${1:-}" in
  --pocketbase) MODE=pocketbase; MAX_SECONDS=${2:-240} ;;
  --startup) MODE=startup; RUNS=${2:-5} ;;
  --profile) MODE=profile; DURATION=${2:-12} ;;
  --cache) MODE=cache; DURATION=${2:-10}; RUNS=${3:-3} ;;
  --logs) MODE=logs; DURATION=${2:-10}; RUNS=${3:-3} ;;
  --analytics) MODE=analytics; RUNS=${2:-5} ;;
  --tracing) MODE=tracing; DURATION=${2:-10}; RUNS=${3:-3}; TRACING_SIDES=(off on sampled) ;;
  --tracing-parts) MODE=tracing; DURATION=${2:-10}; RUNS=${3:-3}; TRACING_SIDES=(off sampled spans metrics never) ;;
  -h|--help) sed -n '2,43p' "$0"; exit 0 ;;
  *) DURATION=${1:-10}; RUNS=${2:-3} ;;
esac
for tool in wrk curl jq sqlite3 python3 openssl bc; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install $tool)" >&2; exit 1; }
done
source .ci/services.sh

WORK=$(mktemp -d /tmp/baas-aq-bench.XXXXXX)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  services_cleanup
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '[bench] %s\n' "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

PLATFORM_DLL=$REPO/benchmarks/BaaS.AutoQuery.Benchmarks/bin/Release/net10.0/BaaS.AutoQuery.Benchmarks.dll
BASELINE_DLL=$WORK/baseline-bin/Baseline.dll
LOADGEN_DLL=$REPO/benchmarks/BaaS.LoadGenerator/bin/Release/net10.0/BaaS.LoadGenerator.dll
TICK_MS=$(echo "scale=6; 1000 / $(getconf CLK_TCK)" | bc)

build_sides() {
  log "building the platform side and the baseline (copied from $BASELINE_SRC, unmodified)"
  dotnet build benchmarks/BaaS.AutoQuery.Benchmarks -c Release -nologo -v q >/dev/null
  cp -r "$BASELINE_SRC" "$WORK/baseline-src"
  chmod -R u+w "$WORK/baseline-src"
  dotnet publish "$WORK/baseline-src" -c Release -o "$WORK/baseline-bin" -nologo -v q >/dev/null
}

# --- processes -------------------------------------------------------------------------------------------------------

# start NAME READY-URL COMMAND... : runs COMMAND in the background (environment from the caller), waits up to 60 s for
# READY-URL to answer at all (any status), sets PID_<NAME>.
start() {
  local name=$1 ready=$2; shift 2
  "$@" >"$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  printf -v "PID_$name" '%s' "$pid"
  for _ in $(seq 300); do
    curl -s -o /dev/null "$ready" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  log "$name did not start; its log:"; cat "$WORK/$name.log" >&2; return 1
}
stop() { # NAME
  local var="PID_$1"; local pid=${!var}
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  PIDS=("${PIDS[@]/$pid}")
}

# CPU (user + system, clock ticks) of one process so far; the fields after the command name, which may hold spaces.
proc_ticks() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0; }
# The whole PostgreSQL cluster: the postmaster, its live children, and (cutime + cstime) the children it has reaped, so
# a backend that exits during a run still counts.
pg_ticks() {
  local pm=$POSTGRES_PID total child
  total=$(sed 's/.*) //' "/proc/$pm/stat" | awk '{print $12 + $13 + $14 + $15}')
  for child in $(ps -o pid= --ppid "$pm"); do total=$((total + $(proc_ticks "$child"))); done
  echo "$total"
}
# The database's CPU (PostgreSQL's cluster; for the --cache mode's Redis side, the redis-server's) so far.
db_ticks() { # [SIDE]
  if [ "$DB" = postgres ]; then pg_ticks; elif [ "${1:-}" = redis ]; then proc_ticks "$REDIS_PID"; else echo 0; fi
}

# --- data --------------------------------------------------------------------------------------------------------------

# Rate limits are on by default (600 calls a minute per caller): the platform gets a budget the load never reaches,
# so every request is still counted (the limit's cost is in the figures) and none is refused.
PLATFORM_LIMITS=(BaaS__RateLimits__Default__PermitLimit=1000000000)

# prepare_db DB ROWS: both sides' databases, both loaded with rows 1..ROWS of the baseline README's data set; sets
# BASELINE_ENV and PLATFORM_ENV (env assignments for each side).
prepare_db() {
  local db=$1 rows=$2
  DB=$db
  if [ "$db" = sqlite ]; then
    BASELINE_ENV=(BASELINE_SQLITE="$WORK/baseline.db")
    PLATFORM_ENV=(ConnectionStrings__DefaultConnection="Data Source=$WORK/platform.db" "${PLATFORM_LIMITS[@]}" ${BENCH_PLATFORM_ENV:-})
    rm -f "$WORK"/baseline.db* "$WORK"/platform.db*
  else
    local port; port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$BAAS_TEST_POSTGRES")
    psql_on() { PGOPTIONS='-c client_min_messages=warning' psql "host=127.0.0.1 port=$port user=postgres dbname=$1" -qAt -v ON_ERROR_STOP=1 "${@:2}"; }
    psql_on postgres -c "DROP DATABASE IF EXISTS bench_baseline" -c "DROP DATABASE IF EXISTS bench_platform" \
      -c "CREATE DATABASE bench_baseline" -c "CREATE DATABASE bench_platform" >/dev/null
    BASELINE_ENV=(BASELINE_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=bench_baseline")
    # As a user writes it: no pool or statement settings beyond what Npgsql defaults to.
    PLATFORM_ENV=(ConnectionStrings__DefaultConnection="Host=127.0.0.1;Port=$port;Username=postgres;Database=bench_platform" "${PLATFORM_LIMITS[@]}" ${BENCH_PLATFORM_ENV:-})
  fi
  env "${BASELINE_ENV[@]}" dotnet "$BASELINE_DLL" --db "$db" --init-only >/dev/null
  local gen="i, 'Product ' || i, 'cat-' || (i % 10), ((i * 7919) % 100000) / 100.0, (i * 31) % 500"
  if [ "$db" = sqlite ]; then
    sqlite3 "$WORK/baseline.db" "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $rows)
      INSERT INTO products (id, name, category, price, stock) SELECT $gen FROM s; ANALYZE;"
  else
    psql_on bench_baseline -c "INSERT INTO products (id, name, category, price, stock)
      SELECT $gen FROM generate_series(1, $rows) AS i; SELECT setval(pg_get_serial_sequence('products', 'id'), $rows); ANALYZE products;" >/dev/null
  fi
  env "${PLATFORM_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production PublicUrl=http://127.0.0.1 AllowedHosts=127.0.0.1 dotnet "$PLATFORM_DLL" --seed "$rows" >/dev/null
  if [ "$db" = postgres ]; then psql_on bench_platform -c "ANALYZE" >/dev/null; fi
}

# start_sides: both servers, the platform's user registered; sets BASE_URL, PLAT_URL, BASELINE_TOKEN.
start_sides() {
  local bport pport
  bport=$(free_port 47000); pport=$(free_port 49000)
  BASELINE_TOKEN=$(openssl rand -hex 24)
  BASE_URL="http://127.0.0.1:$bport"; PLAT_URL="http://127.0.0.1:$pport"
  start baseline "$BASE_URL/health" env "${BASELINE_ENV[@]}" BASELINE_TOKEN="$BASELINE_TOKEN" \
    dotnet "$BASELINE_DLL" --db "$DB" --urls "$BASE_URL"
  start platform "$PLAT_URL/metadata/app.json" env "${PLATFORM_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production PublicUrl=http://127.0.0.1 AllowedHosts=127.0.0.1 \
    Auth__Jwt__Secret="$(openssl rand -base64 32)" dotnet "$PLATFORM_DLL" --urls "$PLAT_URL"
  PASSWORD="Bench-$(openssl rand -hex 8)"
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "$PLAT_URL/register" \
    -d "{\"userName\":\"bench\",\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}"
}
# A fresh access token from the platform's own sign-in (tokens live 15 minutes; each run signs in again).
sign_in() {
  curl -fsS -X POST -H 'Content-Type: application/json' "$PLAT_URL/auth/credentials" \
    -d "{\"userName\":\"bench@example.com\",\"password\":\"$PASSWORD\"}" | jq -er .bearerToken
}

LIST_BASE='category=cat-3&priceGt=500&orderBy=-price&take=20'
LIST_PLAT='category=cat-3&priceGreaterThan=500&orderBy=-price&take=20'
CREATE_BODY='{"name":"Bench product","category":"bench","price":12.34,"stock":5}'
url_of() { # SIDE OP (the --cache mode's platform sides off, memory and redis are at URL_<side>)
  local side=$1
  case "$side" in off|memory|redis|logs|bodies|on|sampled|never|metrics|spans) local var="URL_$side"; PLAT_URL=${!var}; side=platform ;; esac
  case "$side.$2" in
    baseline.get) echo "$BASE_URL/products/4242" ;;
    platform.get) echo "$PLAT_URL/products/4242" ;;
    baseline.list) echo "$BASE_URL/products?$LIST_BASE" ;;
    platform.list) echo "$PLAT_URL/api/QueryProducts?$LIST_PLAT&include=total" ;;
    baseline.list-nototal) echo "$BASE_URL/products?$LIST_BASE&skipTotal=1" ;;
    platform.list-nototal) echo "$PLAT_URL/api/QueryProducts?$LIST_PLAT" ;;
    platform.list-cached) echo "$PLAT_URL/api/QueryProductsCached?$LIST_PLAT&include=total" ;;
    baseline.create) echo "$BASE_URL/products" ;;
    platform.create) echo "$PLAT_URL/api/CreateProduct" ;;
  esac
}
token_of() { # SIDE
  case "$1" in
    baseline) echo "$BASELINE_TOKEN" ;;
    off|memory|redis|logs|bodies|on|sampled|never|metrics|spans) local var="URL_$1"; PLAT_URL=${!var}; sign_in ;;
    *) sign_in ;;
  esac
}

# Both sides answer the README's check the same way before anything is measured: 500 in total, first row id 9433.
check_sides() {
  local rows=$1 b p tok; tok=$(sign_in)
  b=$(curl -fsS -H "Authorization: Bearer $BASELINE_TOKEN" "$(url_of baseline list)" | jq -c '[.total, .items[0].id, .items[0].price]')
  p=$(curl -fsS -H "Authorization: Bearer $tok" "$(url_of platform list)" | jq -c '[.total, .results[0].id, .results[0].price]')
  log "list check ($rows rows): baseline $b, platform $p"
  [ "$b" = "$p" ] || { log "the two sides disagree on the list: stopping"; return 1; }
  [ "$rows" != 10000 ] || [ "$b" = "[500,9433,999.27]" ] || { log "expected [500,9433,999.27] (baseline README)"; return 1; }
  curl -fsS -o /dev/null -H "Authorization: Bearer $BASELINE_TOKEN" "$(url_of baseline get)"
  curl -fsS -o /dev/null -H "Authorization: Bearer $tok" "$(url_of platform get)"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$(url_of platform get)")" = 401 ] || { log "platform answers without a token"; return 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$(url_of baseline get)")" = 401 ] || { log "baseline answers without a token"; return 1; }
}

# --- mode: compare (wrk) ---------------------------------------------------------------------------------------------

# The wrk script that makes a run's requests creates (POST with the benchmark's body); prints its path.
post_script() {
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n' "'$CREATE_BODY'" >"$WORK/post.lua"
  echo "$WORK/post.lua"
}

# wrk_run SIDE OP SECONDS RUN: one wrk run, 16 connections, CPU read around it; appends a line to $WORK/runs.tsv.
wrk_run() {
  local side=$1 op=$2 seconds=$3 run=$4 token pid_var="PID_$1" extra=()
  token=$(token_of "$side")
  [ "$op" = create ] && extra=(-s "$(post_script)")
  sleep 1   # the previous run's in-flight requests finish before this one's CPU is read
  local s0 d0 s1 d1 out=$WORK/wrk-$side-$op-$run.txt
  s0=$(proc_ticks "${!pid_var}"); d0=$(db_ticks "$side")
  wrk -t2 -c16 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "${extra[@]}" "$(url_of "$side" "$op")" >"$out"
  s1=$(proc_ticks "${!pid_var}"); d1=$(db_ticks "$side")
  python3 - "$out" "$DB" "$op" "$side" "$run" $((s1 - s0)) $((d1 - d0)) "$TICK_MS" >>"$WORK/runs.tsv" <<'PY'
import re, sys
path, db, op, side, run, sticks, dticks, tick_ms = sys.argv[1:]
text = open(path).read()
def ms(v):
    n, unit = re.match(r'([\d.]+)(us|ms|s|m)', v).groups()
    return float(n) * {'us': 0.001, 'ms': 1, 's': 1000, 'm': 60000}[unit]
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
reqs = int(re.search(r'(\d+) requests in', text).group(1))
p50 = ms(re.search(r'^\s+50%\s+(\S+)', text, re.M).group(1))
p99 = ms(re.search(r'^\s+99%\s+(\S+)', text, re.M).group(1))
non2xx = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
sock = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
t = float(tick_ms)
print('\t'.join(map(str, [db, op, side, run, rps, p50, p99, reqs, errors,
    int(sticks) * t / max(reqs, 1), int(dticks) * t / max(reqs, 1)])))
PY
}

compare_db() { # DB
  prepare_db "$1" 10000
  start_sides
  check_sides 10000
  # 10 s per side and operation: with less, the JIT's tiered compilation was still taking a tenth of the platform's
  # CPU in the first measured run (seen in a profile), which the median of 3 runs only partly hides.
  log "$1: warming up (10 s per side and operation)"
  for op in get list create; do for side in baseline platform; do wrk_run "$side" "$op" 10 0; done; done
  for run in $(seq "$RUNS"); do
    local sides="baseline platform"; [ $((run % 2)) -eq 0 ] && sides="platform baseline"
    for op in get list create; do
      for side in $sides; do wrk_run "$side" "$op" "$DURATION" "$run"; done
    done
    log "$1: run $run of $RUNS done (load $(load))"
  done
  stop baseline; stop platform
}

compare_report() { # [header]
  python3 - "$WORK/runs.tsv" "${1:-}" <<'PY'
import statistics, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
header = sys.argv[2] == 'header'
runs = {}
for db, op, side, run, rps, p50, p99, reqs, errors, scpu, dcpu in rows:
    if run == '0': continue  # warm-up
    runs.setdefault((db, op, side), []).append((float(rps), float(p50), float(p99), int(errors), float(scpu), float(dcpu)))
med = lambda xs: statistics.median(xs)
names = {'get': 'get by id', 'list': 'page of 20 + total', 'create': 'create'}
if header: print('| database | operation | baseline req/s | platform req/s | ratio | baseline p50 / p99 ms | platform p50 / p99 ms | baseline CPU ms/req (server + db) | platform CPU ms/req (server + db) | CPU ratio (platform / baseline) | errors (b / p) |')
if header: print('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for db in ('sqlite', 'postgres'):
    for op in ('get', 'list', 'create'):
        if (db, op, 'baseline') not in runs: continue
        b, p = runs[(db, op, 'baseline')], runs[(db, op, 'platform')]
        def stats(r):
            return (med([x[0] for x in r]), med([x[1] for x in r]), med([x[2] for x in r]),
                    med([x[4] + x[5] for x in r]), med([x[4] for x in r]), med([x[5] for x in r]), sum(x[3] for x in r))
        bs, ps = stats(b), stats(p)
        cpu = lambda s: f'{s[3]:.3f} ({s[4]:.3f} + {s[5]:.3f})' if db == 'postgres' else f'{s[3]:.3f}'
        print(f'| {"SQLite" if db == "sqlite" else "PostgreSQL"} | {names[op]} | {bs[0]:,.0f} | {ps[0]:,.0f} | {ps[0] / bs[0]:.2f} | '
              f'{bs[1]:.2f} / {bs[2]:.2f} | {ps[1]:.2f} / {ps[2]:.2f} | {cpu(bs)} | {cpu(ps)} | {ps[3] / bs[3]:.2f} | {bs[6]} / {ps[6]} |')
PY
}

# --- mode: PocketBase's recipe ---------------------------------------------------------------------------------------

pocketbase_db() { # DB
  prepare_db "$1" 100000
  start_sides
  check_sides 100000
  local ptoken; ptoken=$(sign_in)
  # Warm both servers up on a few hundred requests of each kind first (JIT), outside the measured phases.
  for side in baseline platform; do
    local tok=$BASELINE_TOKEN; [ "$side" = platform ] && tok=$ptoken
    dotnet "$LOADGEN_DLL" --url "$(url_of "$side" list-nototal)" --requests 200 --connections 16 --token "$tok" >/dev/null || true
  done
  local phase side tok sides
  for phase in list list-nototal create; do
    sides="baseline platform"; [ "$phase" = list-nototal ] && sides="platform baseline"
    for side in $sides; do
      tok=$BASELINE_TOKEN; [ "$side" = platform ] && tok=$(sign_in)
      local args=(--url "$(url_of "$side" "$phase")" --token "$tok" --max-seconds "$MAX_SECONDS" --label "$1	$phase	$side")
      if [ "$phase" = create ]; then args+=(--requests 50000 --connections 500 --method POST --body "$CREATE_BODY")
      else args+=(--requests 1000 --connections 1000); fi
      sleep 2
      local pid_var="PID_$side" s0 d0 s1 d1 line
      s0=$(proc_ticks "${!pid_var}"); d0=$(db_ticks)
      line=$(dotnet "$LOADGEN_DLL" "${args[@]}" || true)
      s1=$(proc_ticks "${!pid_var}"); d1=$(db_ticks)
      printf '%s\t%s\n' "$line" "$(echo "scale=1; ($s1 - $s0 + $d1 - $d0) * $TICK_MS / 1000" | bc)" >>"$WORK/pocketbase.tsv"
      log "$(tail -n1 "$WORK/pocketbase.tsv")"
    done
  done
  stop baseline; stop platform
}

pocketbase_report() {
  echo "| database | phase | side | requests answered | errors | total s | req/s | p50 ms | p99 ms | server + db CPU s |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
  local names='list:1,000 lists + total (1,000 conns);list-nototal:1,000 lists, no total (1,000 conns);create:50,000 creates (500 conns)'
  while IFS=$'\t' read -r db phase side sent ok errors secs rps p50 p99 _max cpu; do
    local label; label=$(tr ';' '\n' <<<"$names" | awk -F: -v k="$phase" '$1 == k {print $2}')
    echo "| $db | $label | $side | $ok of $sent | $errors | $secs | $rps | $p50 | $p99 | $cpu |"
  done <"$WORK/pocketbase.tsv"
}

# --- mode: profile ---------------------------------------------------------------------------------------------------

profile_tools() {
  command -v perf >/dev/null || { echo "perf is not installed (apt-get install linux-perf)" >&2; exit 1; }
  COUNTERS=$WORK/tools/dotnet-counters
  dotnet tool install --tool-path "$WORK/tools" dotnet-counters >/dev/null
}

# profile_run SIDE OP: 10 s warm-up, then wrk for $DURATION s while perf samples the server (999 Hz, call stacks) and
# dotnet-counters sums the bytes it allocates; prints the stage table and the totals.
profile_run() {
  local side=$1 op=$2 pid_var="PID_$1" token extra=()
  local pid=${!pid_var}
  token=$(token_of "$side")
  [ "$op" = create ] && extra=(-s "$(post_script)")
  local url; url=$(url_of "$side" "$op")
  wrk -t2 -c16 -d10s -H "Authorization: Bearer $token" "${extra[@]}" "$url" >/dev/null
  sleep 1
  local out=$WORK/profile-$side-$op s0 s1 reqs
  "$COUNTERS" collect -p "$pid" --counters 'System.Runtime[dotnet.gc.heap.total_allocated]' --refresh-interval 1 \
    --format csv -o "$out.csv" --duration "00:00:00:$(printf '%02d' $((DURATION + 1)))" >/dev/null 2>&1 &
  local counters=$!
  s0=$(proc_ticks "$pid")
  wrk -t2 -c16 -d"${DURATION}s" -H "Authorization: Bearer $token" "${extra[@]}" "$url" >"$out.wrk" &
  local load=$!
  sleep 1
  perf record -F 999 -g -p "$pid" -o "$out.perf" -- sleep $((DURATION - 2)) >/dev/null 2>&1
  wait "$load"; s1=$(proc_ticks "$pid")
  wait "$counters" || true
  reqs=$(awk '/requests in/{print $1}' "$out.wrk")
  local cpu_us bytes
  cpu_us=$(echo "scale=1; ($s1 - $s0) * $TICK_MS * 1000 / $reqs" | bc)
  bytes=$(grep total_allocated "$out.csv" | awk -F, '{s += $NF} END {printf "%d", s}')
  perf script -i "$out.perf" 2>/dev/null >"$out.txt"
  echo
  echo "#### $DB, $op, $side: $(awk '/Requests\/sec/{print $2}' "$out.wrk") req/s, server CPU $cpu_us µs per request, $((bytes / reqs)) bytes allocated per request"
  echo
  python3 "$REPO/benchmarks/profile-stages.py" "$out.txt" "$cpu_us"
}

profile_db() { # DB
  prepare_db "$1" 10000
  # perf needs the JIT's symbol map, and code not double-mapped to name it; the same for both sides.
  export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
  start_sides
  check_sides 10000
  for op in get list create; do for side in baseline platform; do profile_run "$side" "$op"; done; done
  stop baseline; stop platform
  unset DOTNET_PerfMapEnabled DOTNET_EnableWriteXorExecute
}

# --- mode: MyApp start and memory ------------------------------------------------------------------------------------

startup_mode() {
  log "building MyApp (Release)"
  dotnet build MyApp -c Release -nologo -v q >/dev/null
  local dll=$REPO/MyApp/bin/Release/net10.0/MyApp.dll
  # How a deployment ships it: published with ReadyToRun (code compiled ahead of time, so the JIT has less to do at
  # start). Measured beside the build output that `dotnet run` uses, alternating.
  log "publishing MyApp with ReadyToRun (linux-x64, framework-dependent)"
  dotnet publish MyApp -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$WORK/myapp-r2r" -nologo -v q >/dev/null
  log "first start: creates and seeds $WORK/myapp.db (not measured)"
  local secret; secret=$(openssl rand -base64 32)
  python3 "$REPO/benchmarks/measure-startup.py" --dll "$dll" --dll "$WORK/myapp-r2r/MyApp.dll" --db "$WORK/myapp.db" \
    --secret "$secret" --runs "$RUNS" --log "$WORK/myapp.log"
}

# --- mode: the default rate limit's cost and response caching --------------------------------------------------------

# Three platform processes on copies of one SQLite file, each with its own settings, beside the baseline: "off" (the
# default rate limit turned off), "memory" (on, counted in memory: the embedded default), "redis" (on, counted in
# Redis, the cache and cached answers there too; the redis-server's CPU is counted with it). Every side gets a budget
# the load never reaches. Ops: get by id, the page of 20 + total, the same page from QueryProductsCached (memory and
# redis only; cached per user for a minute), create (which drops the cached page's answers on those two).
cache_mode() {
  redis_start
  prepare_db sqlite 10000
  local bport side port
  bport=$(free_port 47000)
  BASELINE_TOKEN=$(openssl rand -hex 24)
  BASE_URL="http://127.0.0.1:$bport"
  start baseline "$BASE_URL/health" env "${BASELINE_ENV[@]}" BASELINE_TOKEN="$BASELINE_TOKEN" dotnet "$BASELINE_DLL" --db sqlite --urls "$BASE_URL"
  PASSWORD="Bench-$(openssl rand -hex 8)"
  port=49000
  for side in off memory redis; do
    cp "$WORK/platform.db" "$WORK/$side.db"
    port=$(free_port $((port + 1)))
    printf -v "URL_$side" '%s' "http://127.0.0.1:$port"
    local url="http://127.0.0.1:$port" extra=(BaaS__RateLimits__Default__PermitLimit=1000000000)
    case $side in
      off) extra=(BaaS__RateLimits__Default__Enabled=false) ;;
      redis) extra+=(ConnectionStrings__Redis="$BAAS_TEST_REDIS" BaaS__Cache__KeyPrefix="bench-$side:") ;;
    esac
    start "$side" "$url/metadata/app.json" env ConnectionStrings__DefaultConnection="Data Source=$WORK/$side.db" "${extra[@]}" \
      ASPNETCORE_ENVIRONMENT=Production PublicUrl=http://127.0.0.1 AllowedHosts=127.0.0.1 Auth__Jwt__Secret="$(openssl rand -base64 32)" \
      dotnet "$PLATFORM_DLL" --urls "$url"
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "$url/register" \
      -d "{\"userName\":\"bench\",\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}"
    PLAT_URL=$url check_sides 10000
    local token; token=$(PLAT_URL=$url sign_in)
    [ "$(curl -fsS -H "Authorization: Bearer $token" "$(url_of "$side" list-cached)" | jq -c '[.total, .results[0].id]')" = "[500,9433]" ] \
      || { log "$side: the cached page differs from the baseline's"; return 1; }
  done
  curl -fsS -o /dev/null -D "$WORK/headers" -H "Authorization: Bearer $(PLAT_URL=$URL_memory sign_in)" "$(url_of memory list-cached)"
  curl -fsS -o /dev/null -D "$WORK/headers" -H "Authorization: Bearer $(PLAT_URL=$URL_memory sign_in)" "$(url_of memory list-cached)"
  grep -qi '^X-Cache: HIT' "$WORK/headers" || { log "the cached page was not served from the cache"; return 1; }
  grep -qi '^RateLimit-Remaining' "$WORK/headers" || { log "the memory side does not count calls"; return 1; }
  sides_of() { case $1 in list-cached) echo "memory redis" ;; *) echo "baseline off memory redis" ;; esac; }
  log "warming up (10 s per side and operation)"
  local op
  for op in get list list-cached create; do for side in $(sides_of $op); do wrk_run "$side" "$op" 10 0; done; done
  for run in $(seq "$RUNS"); do
    for op in get list list-cached create; do
      # The side that goes first rotates by round.
      local sides=($(sides_of $op)) n i
      n=${#sides[@]}
      for ((i = 0; i < n; i++)); do wrk_run "${sides[$(((i + run) % n))]}" "$op" "$DURATION" "$run"; done
    done
    log "run $run of $RUNS done (load $(load))"
  done
  for side in baseline off memory redis; do stop "$side"; done
}

cache_report() {
  python3 - "$WORK/runs.tsv" "${TRACING_SIDES[@]}" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    db, op, side, run, rps, p50, p99, reqs, errors, scpu, dcpu = line.rstrip('\n').split('\t')
    if run == '0': continue
    runs.setdefault((op, side), []).append((float(rps), float(p50), float(p99), int(errors), float(scpu), float(dcpu)))
med = statistics.median
def stats(r):
    return dict(rps=med([x[0] for x in r]), p50=med([x[1] for x in r]), p99=med([x[2] for x in r]),
                cpu=med([x[4] + x[5] for x in r]), server=med([x[4] for x in r]), db=med([x[5] for x in r]), errors=sum(x[3] for x in r))
names = {'get': 'get by id', 'list': 'page of 20 + total', 'list-cached': 'the same page, cached', 'create': 'create'}
labels = {'baseline': 'baseline', 'off': 'platform, rate limit off', 'memory': 'platform, limit counted in memory',
          'redis': 'platform, limit counted in Redis'}
print('| operation | side | req/s | p50 / p99 ms | CPU ms/req | CPU ratio (side / baseline) | errors |')
print('|---|---|---:|---:|---:|---:|---:|')
for op in ('get', 'list', 'list-cached', 'create'):
    base = stats(runs[('list' if op == 'list-cached' else op, 'baseline')])
    for side in ('baseline', 'off', 'memory', 'redis'):
        if (op, side) not in runs: continue
        s = stats(runs[(op, side)])
        cpu = f"{s['cpu']:.3f} ({s['server']:.3f} + Redis {s['db']:.3f})" if side == 'redis' else f"{s['cpu']:.3f}"
        ratio = f"{s['cpu'] / base['cpu']:.2f}" + (' (vs its uncached page: %.2f)' % (s['cpu'] / stats(runs[('list', side)])['cpu']) if op == 'list-cached' else '')
        print(f"| {names[op]} | {labels[side]} | {s['rps']:,.0f} | {s['p50']:.2f} / {s['p99']:.2f} | {cpu} | {ratio} | {s['errors']} |")
PY
}

# --- mode: the cost of request logs ----------------------------------------------------------------------------------

# Three platform processes on copies of one SQLite file: "off" (no request logs), "logs" (every call recorded, in the
# app's own file, as MyApp does) and "bodies" (recorded with the request DTO as JSON). Each writes its log into its own
# copy, so the log's writes compete with the app's for SQLite's one writer, as they would in production. Sides rotate per
# round; the rows each side wrote are counted at the end against the calls it answered.
# psql on the run's PostgreSQL, whatever the caller's local variables are called.
bench_psql() { # DATABASE ARGS...
  PGOPTIONS='-c client_min_messages=warning' psql "host=127.0.0.1 port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$BAAS_TEST_POSTGRES") user=postgres dbname=$1" \
    -qAt -v ON_ERROR_STOP=1 "${@:2}"
}

logs_mode() { # DB
  local db=$1
  prepare_db "$db" 10000
  PASSWORD="Bench-$(openssl rand -hex 8)"
  local port=49000 side connection
  for side in off logs bodies; do
    if [ "$db" = sqlite ]; then
      cp "$WORK/platform.db" "$WORK/$side.db"
      connection="Data Source=$WORK/$side.db"
    else
      bench_psql postgres -c "DROP DATABASE IF EXISTS bench_logs_$side" -c "CREATE DATABASE bench_logs_$side TEMPLATE bench_platform" >/dev/null
      connection="Host=127.0.0.1;Port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$BAAS_TEST_POSTGRES");Username=postgres;Database=bench_logs_$side"
    fi
    port=$(free_port $((port + 1)))
    printf -v "URL_$side" '%s' "http://127.0.0.1:$port"
    local url="http://127.0.0.1:$port" extra=()
    case $side in
      logs) extra=(RequestLogs__Enabled=true) ;;
      bodies) extra=(RequestLogs__Enabled=true RequestLogs__IncludeBodies=true) ;;
    esac
    start "$side" "$url/metadata/app.json" env ConnectionStrings__DefaultConnection="$connection" "${PLATFORM_LIMITS[@]}" "${extra[@]}" \
      ASPNETCORE_ENVIRONMENT=Production PublicUrl=http://127.0.0.1 AllowedHosts=127.0.0.1 Auth__Jwt__Secret="$(openssl rand -base64 32)" \
      dotnet "$PLATFORM_DLL" --urls "$url"
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "$url/register" \
      -d "{\"userName\":\"bench\",\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}"
    local token; token=$(PLAT_URL=$url sign_in)
    [ "$(curl -fsS -H "Authorization: Bearer $token" "$url/api/QueryProducts?$LIST_PLAT&include=total" | jq -c '[.total, .results[0].id]')" = "[500,9433]" ] \
      || { log "$side: the list differs from the baseline README's"; return 1; }
  done
  log "$db: warming up (10 s per side and operation)"
  local op
  for op in get list create; do for side in off logs bodies; do wrk_run "$side" "$op" 10 0; done; done
  for run in $(seq "$RUNS"); do
    for op in get list create; do
      local sides=(off logs bodies) i
      for ((i = 0; i < 3; i++)); do wrk_run "${sides[$(((i + run) % 3))]}" "$op" "$DURATION" "$run"; done
    done
    log "$db: run $run of $RUNS done (load $(load))"
  done
  sleep 3   # the writers' last batches
  local count="SELECT COUNT(*) FROM baas_request_log" bodies="SELECT COUNT(*) FROM baas_request_log WHERE request_body IS NOT NULL"
  for side in logs bodies; do
    if [ "$db" = sqlite ]; then printf '%s\t%s\t%s\t%s\n' "$db" "$side" "$(sqlite3 "$WORK/$side.db" "$count")" "$(sqlite3 "$WORK/$side.db" "$bodies")"
    else printf '%s\t%s\t%s\t%s\n' "$db" "$side" "$(bench_psql "bench_logs_$side" -c "$count")" "$(bench_psql "bench_logs_$side" -c "$bodies")"; fi
  done >>"$WORK/rows.tsv"
  for side in off logs bodies; do stop "$side"; done
}

logs_report() {
  python3 - "$WORK/runs.tsv" "$WORK/rows.tsv" <<'PY'
import statistics, sys
runs, answered = {}, {}
for line in open(sys.argv[1]):
    db, op, side, run, rps, p50, p99, reqs, errors, scpu, dcpu = line.rstrip('\n').split('\t')
    answered[(db, side)] = answered.get((db, side), 0) + int(reqs)
    if run == '0': continue
    runs.setdefault((db, op, side), []).append((float(rps), float(p50), float(p99), int(errors), float(scpu), float(dcpu)))
med = statistics.median
names = {'get': 'get by id', 'list': 'page of 20 + total', 'create': 'create'}
labels = {'off': 'request logs off', 'logs': 'request logs on', 'bodies': 'on, with bodies'}
print('| database | operation | side | req/s | p50 / p99 ms | server CPU µs/req | server vs off | database CPU µs/req | total vs off | errors |')
print('|---|---|---|---:|---:|---:|---:|---:|---:|---:|')
for db in ('sqlite', 'postgres'):
    for op in ('get', 'list', 'create'):
        if (db, op, 'off') not in runs: continue
        off = runs[(db, op, 'off')]
        off_server, off_total = med([x[4] for x in off]), med([x[4] + x[5] for x in off])
        for side in ('off', 'logs', 'bodies'):
            r = runs[(db, op, side)]
            server, database, total = med([x[4] for x in r]), med([x[5] for x in r]), med([x[4] + x[5] for x in r])
            vs = lambda a, b: '' if side == 'off' else f'{(a - b) * 1000:+.0f} µs ({(a / b - 1) * 100:+.1f}%)'
            print(f"| {'SQLite' if db == 'sqlite' else 'PostgreSQL'} | {names[op]} | {labels[side]} | {med([x[0] for x in r]):,.0f} | "
                  f"{med([x[1] for x in r]):.2f} / {med([x[2] for x in r]):.2f} | {server * 1000:.0f} | {vs(server, off_server)} | "
                  f"{'in process' if db == 'sqlite' else f'{database * 1000:.0f}'} | {vs(total, off_total)} | {sum(x[3] for x in r)} |")
print()
for line in open(sys.argv[2]):
    db, side, rows, bodies = line.split()
    print(f"{db}, {labels[side]}: {int(rows):,} rows written ({int(bodies):,} with a body) for {answered[(db, side)]:,} calls answered under wrk "
          f"(plus each run's sign-in and the checks); {max(0, answered[(db, side)] - int(rows)):,} or more rows dropped when the queue was full")
PY
}

# --- mode: request analytics on a month of traffic -------------------------------------------------------------------

# The SQL that writes 30 days of aggregates ending now into baas_request_stat (the same statements on both databases).
analytics_seed_sql() { # FIRST-MINUTE
  python3 - "$1" <<'PY'
import sys
base = int(sys.argv[1])
cols = ['span', 'dimension', 'dimension_value', 'start_minute', 'label', 'requests', 'errors', 'server_errors', 'total_ms'] + [f'h{i:02d}' for i in range(40)]
def hist(req, bucket):  # every call of the row in one duration bucket
    return [f'CASE WHEN {bucket} = {i} THEN {req} ELSE 0 END' for i in range(40)]
def insert(span, n, extra_from, dim, value, label, req, err, srv, ms, bucket):
    values = [str(span), f"'{dim}'", value, f'{base} + i * {span}', label, req, err, srv, ms] + hist(req, bucket)
    print(f"INSERT INTO baas_request_stat ({', '.join(cols)}) WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < {n - 1}) "
          f"SELECT {', '.join(values)} FROM m{extra_from};")
def numbers(name, first, last):
    return f" CROSS JOIN (WITH RECURSIVE k({name}) AS (SELECT {first} UNION ALL SELECT {name} + 1 FROM k WHERE {name} < {last}) SELECT {name} FROM k) t_{name}"
for span, n, scale, users, uvalue in ((1, 43200, 1, numbers('u', 0, 19), "'u' || ((i * 7 + u) % 200)"), (60, 720, 60, numbers('u', 0, 199), "'u' || u")):
    insert(span, n, '', 'all', "''", 'NULL', str(30 * scale), str(3 * scale), str(scale), str(51.0 * scale), 10)
    insert(span, n, numbers('o', 0, 19), 'operation', "'Op' || o", 'NULL', f'(1 + (i + o) % 3) * {scale}', '0', '0', f'(1 + (i + o) % 3) * {scale} * (1 + o)', '8 + o % 8')
    insert(span, n, users, 'user', uvalue, "'user ' || " + uvalue, str(scale), '0', '0', str(1.5 * scale), 9)
    for status, req, err, srv in (('200', 27, 0, 0), ('404', 2, 2, 0), ('500', 1, 1, 1)):
        insert(span, n, '', 'status', f"'{status}'", 'NULL', str(req * scale), str(err * scale), str(srv * scale), str(req * 1.7 * scale), 10)
    insert(span, n, numbers('a', 1, 5), 'apiKey', "'' || a", "'key user'", str(scale), '0', '0', str(1.2 * scale), 9)
PY
}

analytics_mode() {
  local db
  for db in $DBS; do
    prepare_db "$db" 100
    local port url admin_password token first
    port=$(free_port 49000); url="http://127.0.0.1:$port"
    admin_password="Bench-$(openssl rand -hex 8)"
    start platform "$url/metadata/app.json" env "${PLATFORM_ENV[@]}" RequestLogs__Enabled=true Auth__Admin__Email=admin@bench.example \
      Auth__Admin__Password="$admin_password" ASPNETCORE_ENVIRONMENT=Production PublicUrl=http://127.0.0.1 AllowedHosts=127.0.0.1 \
      Auth__Jwt__Secret="$(openssl rand -base64 32)" dotnet "$PLATFORM_DLL" --urls "$url"
    first=$(( $(date +%s) / 60 - 43200 ))
    log "$db: writing a month of aggregates"
    local started=$SECONDS
    if [ "$db" = sqlite ]; then analytics_seed_sql "$first" | sqlite3 "$WORK/platform.db"; sqlite3 "$WORK/platform.db" "ANALYZE"
    else analytics_seed_sql "$first" | bench_psql bench_platform >/dev/null; bench_psql bench_platform -c "ANALYZE baas_request_stat" >/dev/null; fi
    log "$db: written in $((SECONDS - started)) s"
    token=$(curl -fsS -X POST -H 'Content-Type: application/json' "$url/auth/credentials" \
      -d "{\"userName\":\"admin@bench.example\",\"password\":\"$admin_password\"}" | jq -er .bearerToken)
    local to from30 from1 name query
    to=$(date -u +%Y-%m-%dT%H:%M:%SZ); from30=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ); from1=$(date -u -d '1 day ago' +%Y-%m-%dT%H:%M:%SZ)
    while IFS='|' read -r name query; do
      local url_q="$url/api/AdminGetRequestAnalytics?$query" times=() i answer
      answer=$(curl -fsS -H "Authorization: Bearer $token" "$url_q")
      for i in $(seq "$RUNS"); do times+=("$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$url_q")"); done
      printf '%s\t%s\t%s\t%s\t%s\n' "$db" "$name" "$(jq -r '.totals.requests' <<<"$answer")" "$(jq -r '.series | length' <<<"$answer")" \
        "${times[*]}" >>"$WORK/analytics.tsv"
    done <<QUERIES
30 days by day|from=$from30&to=$to&bucket=Day
30 days by hour|from=$from30&to=$to&bucket=Hour
30 days of one operation by hour|from=$from30&to=$to&bucket=Hour&operation=Op3
the last 24 hours by minute|from=$from1&to=$to&bucket=Minute
QUERIES
    stop platform
  done
}

analytics_report() {
  python3 - "$WORK/analytics.tsv" <<'PY'
import statistics, sys
print('| database | AdminGetRequestAnalytics | calls counted | points | median ms | slowest ms |')
print('|---|---|---:|---:|---:|---:|')
for line in open(sys.argv[1]):
    db, name, total, points, times = line.rstrip('\n').split('\t')
    ms = [float(t) * 1000 for t in times.split()]
    print(f"| {'SQLite' if db == 'sqlite' else 'PostgreSQL'} | {name} | {int(total):,} | {points} | {statistics.median(ms):.0f} | {max(ms):.0f} |")
PY
}

# --- mode: the cost of tracing ----------------------------------------------------------------------------------------

# Three platform processes on copies of one SQLite file beside the baseline: "off" (OpenTelemetry not added: the
# platform's ActivitySources and Meters have no listener), "on" (AddBaaSOpenTelemetry, every trace recorded) and
# "sampled" (one new trace in ten, parent-based), the last two with ASP.NET Core and HttpClient instrumentation and the
# OTLP exporter (http/protobuf, the SDK's batch processor) sending to benchmarks/otlp-sink.py, which reads and drops.
# wrk sends no traceparent, so each request is a new trace that the sampler decides.
tracing_mode() {
  prepare_db sqlite 10000
  local bport sport side port
  bport=$(free_port 47000); sport=$(free_port 45000)
  BASELINE_TOKEN=$(openssl rand -hex 24)
  BASE_URL="http://127.0.0.1:$bport"
  start baseline "$BASE_URL/health" env "${BASELINE_ENV[@]}" BASELINE_TOKEN="$BASELINE_TOKEN" dotnet "$BASELINE_DLL" --db sqlite --urls "$BASE_URL"
  start sink "http://127.0.0.1:$sport/" python3 "$REPO/benchmarks/otlp-sink.py" --port "$sport" --stats "$WORK/sink.tsv"
  PASSWORD="Bench-$(openssl rand -hex 8)"
  port=49000
  for side in "${TRACING_SIDES[@]}"; do
    cp "$WORK/platform.db" "$WORK/$side.db"
    port=$(free_port $((port + 1)))
    printf -v "URL_$side" '%s' "http://127.0.0.1:$port"
    local url="http://127.0.0.1:$port" extra=()
    case $side in
      on) extra=(OpenTelemetry__Otlp__Endpoint="http://127.0.0.1:$sport" OpenTelemetry__Sampler=always OTEL_SERVICE_NAME=bench-on) ;;
      sampled) extra=(OpenTelemetry__Otlp__Endpoint="http://127.0.0.1:$sport" OpenTelemetry__Sampler=ratio OpenTelemetry__SamplerRatio=0.1 OTEL_SERVICE_NAME=bench-sampled) ;;
      spans) extra=(OpenTelemetry__Otlp__Endpoint="http://127.0.0.1:$sport" OpenTelemetry__Sampler=ratio OpenTelemetry__SamplerRatio=0.1 OpenTelemetry__Metrics=false OTEL_SERVICE_NAME=bench-spans) ;;
      metrics) extra=(OpenTelemetry__Otlp__Endpoint="http://127.0.0.1:$sport" OpenTelemetry__Traces=false OTEL_SERVICE_NAME=bench-metrics) ;;
      never) extra=(OpenTelemetry__Otlp__Endpoint="http://127.0.0.1:$sport" OpenTelemetry__Sampler=never OTEL_SERVICE_NAME=bench-never) ;;
    esac
    start "$side" "$url/metadata/app.json" env ConnectionStrings__DefaultConnection="Data Source=$WORK/$side.db" "${PLATFORM_LIMITS[@]}" "${extra[@]}" \
      ASPNETCORE_ENVIRONMENT=Production PublicUrl=http://127.0.0.1 AllowedHosts=127.0.0.1 Auth__Jwt__Secret="$(openssl rand -base64 32)" \
      dotnet "$PLATFORM_DLL" --urls "$url"
    curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "$url/register" \
      -d "{\"userName\":\"bench\",\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}"
    PLAT_URL=$url check_sides 10000
    local exporter; exporter=$(curl -fsS "$url/metadata/app.json" | jq -r '.plugins.openTelemetry.exporter // "absent"')
    log "$side: plugins.openTelemetry.exporter = $exporter"
    case $side in off) [ "$exporter" = absent ] ;; *) [ "$exporter" = otlp ] ;; esac || { log "$side: OpenTelemetry is not as the side needs"; return 1; }
  done
  log "warming up (10 s per side and operation)"
  local op
  local sides=(baseline "${TRACING_SIDES[@]}") n=$((${#TRACING_SIDES[@]} + 1)) i
  for op in get list create; do for side in "${sides[@]}"; do wrk_run "$side" "$op" 10 0; done; done
  for run in $(seq "$RUNS"); do
    for op in get list create; do
      for ((i = 0; i < n; i++)); do wrk_run "${sides[$(((i + run) % n))]}" "$op" "$DURATION" "$run"; done
    done
    log "run $run of $RUNS done (load $(load))"
  done
  for side in "${sides[@]}"; do stop "$side"; done
  sleep 6   # the SDK exports its last batch on shutdown; the sink counts it
  stop sink
}

tracing_report() {
  python3 - "$WORK/runs.tsv" "${TRACING_SIDES[@]}" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    db, op, side, run, rps, p50, p99, reqs, errors, scpu, dcpu = line.rstrip('\n').split('\t')
    if run == '0': continue
    runs.setdefault((op, side), []).append((float(rps), float(p50), float(p99), int(errors), float(scpu)))
med = statistics.median
def stats(r):
    return dict(rps=med([x[0] for x in r]), p50=med([x[1] for x in r]), p99=med([x[2] for x in r]), cpu=med([x[4] for x in r]),
                errors=sum(x[3] for x in r))
names = {'get': 'get by id', 'list': 'page of 20 + total', 'create': 'create'}
labels = {'baseline': 'baseline', 'off': 'platform, OpenTelemetry off', 'on': 'platform, tracing on (every trace)',
          'sampled': 'platform, tracing sampled (1 in 10)', 'spans': 'platform, sampled 1 in 10, metrics off',
          'metrics': 'platform, metrics only (traces off)', 'never': 'platform, no trace recorded (sampler never), metrics on'}
print('| operation | side | req/s | p50 / p99 ms | server CPU ms/req | vs baseline | vs off |')
print('|---|---|---:|---:|---:|---:|---:|')
for op in ('get', 'list', 'create'):
    base, off = stats(runs[(op, 'baseline')]), stats(runs[(op, 'off')])
    for side in ['baseline'] + sys.argv[2:]:
        s = stats(runs[(op, side)])
        print(f"| {names[op]} | {labels[side]} | {s['rps']:,.0f} | {s['p50']:.2f} / {s['p99']:.2f} | {s['cpu']:.3f} | "
              f"{s['cpu'] / base['cpu']:.2f} | {'' if side == 'baseline' else '%+.1f%%' % (100 * (s['cpu'] / off['cpu'] - 1))} |")
PY
  if [ -s "$WORK/sink.tsv" ]; then
    echo; echo "OTLP sink received (path, exports, bytes):"; sed 's/^/    /' "$WORK/sink.tsv"
  fi
}

# --- main ------------------------------------------------------------------------------------------------------------

echo "started $(date -u '+%Y-%m-%d %H:%M UTC'), load before: $(load), $(nproc) cores"
case $MODE in
  compare)
    build_sides
    if [[ " $DBS " == *" postgres "* ]]; then services_install; postgres_start; fi
    echo "command: benchmarks/run-autoquery.sh $DURATION $RUNS ($RUNS runs of $DURATION s per side and operation, wrk -t2 -c16 --latency, medians)"
    header=header
    for db in $DBS; do
      : >"$WORK/runs.tsv"
      compare_db "$db"
      compare_report $header; header=
    done
    ;;
  pocketbase)
    build_sides
    dotnet build benchmarks/BaaS.LoadGenerator -c Release -nologo -v q >/dev/null
    if [[ " $DBS " == *" postgres "* ]]; then services_install; postgres_start; fi
    : >"$WORK/pocketbase.tsv"
    for db in $DBS; do pocketbase_db "$db"; done
    echo "command: benchmarks/run-autoquery.sh --pocketbase $MAX_SECONDS"
    pocketbase_report
    ;;
  startup)
    startup_mode
    ;;
  cache)
    build_sides
    services_install
    DB=sqlite
    echo "command: benchmarks/run-autoquery.sh --cache $DURATION $RUNS ($RUNS runs of $DURATION s per side and operation, wrk -t2 -c16 --latency, medians)"
    : >"$WORK/runs.tsv"
    cache_mode
    cache_report
    ;;
  logs)
    build_sides
    if [[ " $DBS " == *" postgres "* ]]; then services_install; postgres_start; fi
    echo "command: benchmarks/run-autoquery.sh --logs $DURATION $RUNS ($RUNS runs of $DURATION s per side and operation, wrk -t2 -c16 --latency, medians)"
    : >"$WORK/runs.tsv"; : >"$WORK/rows.tsv"
    for db in $DBS; do logs_mode "$db"; done
    logs_report
    ;;
  analytics)
    build_sides
    if [[ " $DBS " == *" postgres "* ]]; then services_install; postgres_start; fi
    echo "command: benchmarks/run-autoquery.sh --analytics $RUNS"
    : >"$WORK/analytics.tsv"
    analytics_mode
    analytics_report
    ;;
  tracing)
    build_sides
    DB=sqlite
    echo "command: benchmarks/run-autoquery.sh $ARG1 $DURATION $RUNS ($RUNS runs of $DURATION s per side and operation, wrk -t2 -c16 --latency, medians)"
    : >"$WORK/runs.tsv"
    tracing_mode
    tracing_report
    ;;
  profile)
    build_sides
    profile_tools
    if [[ " $DBS " == *" postgres "* ]]; then services_install; postgres_start; fi
    echo "command: benchmarks/run-autoquery.sh --profile $DURATION"
    for db in $DBS; do profile_db "$db"; done
    ;;
esac
echo "finished $(date -u '+%Y-%m-%d %H:%M UTC'), load after: $(load)"
