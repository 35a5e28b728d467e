#!/usr/bin/env bash
# AutoQuery against hand-written minimal-API endpoints with Dapper, over HTTP with wrk, on SQLite and PostgreSQL,
# over a 100,000-row table: get by id, a filtered + sorted page of 20 with total, create one. Both sides run in one
# process against one database, in alternating rounds, so the ratio (AutoQuery / hand-written requests per second)
# is what carries over. Not run in CI.
#   benchmarks/run-autoquery.sh [seconds-per-run] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-8}
ROUNDS=${2:-2}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
source .ci/services.sh
trap services_cleanup EXIT
services_install
postgres_start
dotnet build benchmarks/BaaS.AutoQuery.Benchmarks -c Release -nologo -v q >/dev/null
APP=benchmarks/BaaS.AutoQuery.Benchmarks/bin/Release/net10.0/BaaS.AutoQuery.Benchmarks.dll
WORK=$(mktemp -d /tmp/baas-aq-bench.XXXXXX)
trap 'services_cleanup; rm -rf "$WORK"' EXIT   # also when a step fails midway
cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"Bench product","category":"cat7","price":12.34,"stock":5}'
LUA

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
requests() { awk '/requests in/ {print $1}' "$1"; }
# CPU time (user + system, in clock ticks) the server process has used so far: read around each wrk run, it gives the
# server's CPU per request, which other tenants of the machine disturb far less than requests per second.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

bench() { # label db connection-string
  local label=$1 db=$2 cs=$3 port
  port=$(free_port 47000)
  ASPNETCORE_ENVIRONMENT=Production dotnet "$APP" --urls "http://127.0.0.1:$port" --db "$db" --cs "$cs" >"$WORK/$db.log" 2>&1 &
  local pid=$!
  for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/minimal/products/1" >/dev/null 2>&1 && break; sleep 0.5; done
  local base="http://127.0.0.1:$port"
  local list='category=cat7&priceGreaterThan=50&orderBy=-Price&take=20&include=total'
  declare -A paths=(
    [aq_get]="$base/products/4242" [min_get]="$base/minimal/products/4242"
    [aq_list]="$base/api/QueryProducts?$list" [min_list]="$base/minimal/products?category=cat7&priceGreaterThan=50&take=20"
    [aq_create]="$base/api/CreateProduct" [min_create]="$base/minimal/products"
  )
  declare -A total=() ticks=() reqs=()
  for key in "${!paths[@]}"; do total[$key]=0; ticks[$key]=0; reqs[$key]=0; done
  for key in aq_get min_get aq_list min_list; do wrk -t2 -c16 -d2s "${paths[$key]}" >/dev/null; done
  for round in $(seq "$ROUNDS"); do
    for op in get list create; do
      # Which side goes first alternates by round, and each run starts after the previous one's in-flight requests
      # have drained: a SQLite list page costs ~30 ms, and 32 of them still running would be billed to the next run.
      local sides="aq min"; [ $((round % 2)) -eq 0 ] && sides="min aq"
      for side in $sides; do
        sleep 2
        local key="${side}_${op}" extra=() conns=32
        if [ "$op" = create ]; then extra=(-s "$WORK/post.lua"); conns=8; fi
        local before=$(cpu_ticks "$pid")
        wrk -t2 -c"$conns" -d"${DURATION}s" "${extra[@]}" "${paths[$key]}" >"$WORK/$key.txt"
        ticks[$key]=$(( ${ticks[$key]} + $(cpu_ticks "$pid") - before ))
        reqs[$key]=$(( ${reqs[$key]} + $(requests "$WORK/$key.txt") ))
        total[$key]=$(echo "${total[$key]} + $(rps "$WORK/$key.txt")" | bc)
      done
    done
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  for op in get list create; do
    local aq=$(echo "scale=0; ${total[aq_$op]} / $ROUNDS" | bc) mn=$(echo "scale=0; ${total[min_$op]} / $ROUNDS" | bc)
    local ratio=$(echo "scale=2; ${total[aq_$op]} / ${total[min_$op]}" | bc)
    local tick_us=$(( 1000000 / $(getconf CLK_TCK) ))
    local cpu_aq=$(echo "scale=1; ${ticks[aq_$op]} * $tick_us / ${reqs[aq_$op]}" | bc)
    local cpu_mn=$(echo "scale=1; ${ticks[min_$op]} * $tick_us / ${reqs[min_$op]}" | bc)
    local cpu_ratio=$(echo "scale=2; ${ticks[min_$op]} * ${reqs[aq_$op]} / (${ticks[aq_$op]} * ${reqs[min_$op]})" | bc)
    echo "| $label | $op | $mn | $aq | $ratio | $cpu_mn | $cpu_aq | $cpu_ratio |"
  done
}

pg_cs() { sed -E "s/Database=[^;]*/Database=$1/" <<<"$BAAS_TEST_POSTGRES"; }
port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$BAAS_TEST_POSTGRES")
psql "host=127.0.0.1 port=$port user=postgres dbname=postgres" -qc "CREATE DATABASE aq_bench" >/dev/null

echo "| database | operation | hand-written req/s | AutoQuery req/s | ratio | hand-written server CPU µs/req | AutoQuery server CPU µs/req | CPU ratio (hand / AutoQuery) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
bench SQLite sqlite "Data Source=$WORK/bench.db"
bench PostgreSQL postgres "$(pg_cs aq_bench);Maximum Pool Size=100"
rm -rf "$WORK"
