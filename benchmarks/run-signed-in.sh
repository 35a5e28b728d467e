#!/usr/bin/env bash
# A signed-in GET's cost before and after a change, in one run: benchmarks/BaaS.AutoQuery.Benchmarks (the platform's
# JWT sign-in, Production settings) built from the working tree and from a base commit (default: main), both serving at
# once, each on its own SQLite file; the benchmark program itself is the working tree's on both sides. A user registers
# and signs in on each side, and wrk sends its bearer token with every request, in alternating rounds. Two requests:
#   GET /api/GetSignedInUser   a hand-written service that answers from the token alone (no database): the request path
#   GET /products/4242         an AutoQuery read of one row by id
# Reports requests/s and the server's CPU per request (user + system, from /proc), which other tenants of a shared
# machine disturb far less than requests/s.
#
#   benchmarks/run-signed-in.sh [base-ref] [seconds-per-run] [rounds]
#   BENCH_REDIS=1 benchmarks/run-signed-in.sh ...   both sides' cache on one redis-server of the run's own (each with its
#                                                   own key prefix): the rate-limit counters, and the deny list where the
#                                                   side has one; Redis's CPU per request is reported too.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-main}
DURATION=${2:-8}
ROUNDS=${3:-3}
for tool in wrk curl jq openssl bc; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install $tool)" >&2; exit 1; }
done
source .ci/services.sh   # free_port, redis_start
WORK=$(mktemp -d /tmp/baas-signed-in-bench.XXXXXX)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  services_cleanup
  git worktree remove --force "$WORK/base" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '[bench] %s\n' "$*" >&2; }

git worktree add --detach "$WORK/base" "$BASE" >/dev/null 2>&1
rm -rf "$WORK/base/benchmarks/BaaS.AutoQuery.Benchmarks"
cp -r benchmarks/BaaS.AutoQuery.Benchmarks "$WORK/base/benchmarks/"
rm -rf "$WORK/base/benchmarks/BaaS.AutoQuery.Benchmarks/bin" "$WORK/base/benchmarks/BaaS.AutoQuery.Benchmarks/obj"
log "building both sides"
dotnet build benchmarks/BaaS.AutoQuery.Benchmarks -c Release -nologo -v q >/dev/null
dotnet build "$WORK/base/benchmarks/BaaS.AutoQuery.Benchmarks" -c Release -nologo -v q >/dev/null

REDIS_ENV=()
if [ "${BENCH_REDIS:-0}" = 1 ]; then
  redis_start
  REDIS_ENV=(ConnectionStrings__Redis="$BAAS_TEST_REDIS")
fi
redis_ticks() { if [ -n "${REDIS_PID:-}" ]; then awk '{print $14 + $15}' "/proc/$REDIS_PID/stat"; else echo 0; fi; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# start SIDE DIR: seeds the side's database, starts its server, registers its user; sets PORT_<side>, PID_<side>.
start() {
  local side=$1 dir=$2 port pid
  local dll="$dir/benchmarks/BaaS.AutoQuery.Benchmarks/bin/Release/net10.0/BaaS.AutoQuery.Benchmarks.dll"
  local env=(ASPNETCORE_ENVIRONMENT=Production PublicUrl=http://127.0.0.1 AllowedHosts=127.0.0.1
    ConnectionStrings__DefaultConnection="Data Source=$WORK/$side.db" Auth__Jwt__Secret="$(openssl rand -base64 32)"
    BaaS__RateLimits__Default__PermitLimit=1000000000 BaaS__Cache__KeyPrefix="bench-$side:" "${REDIS_ENV[@]}")
  env "${env[@]}" dotnet "$dll" --seed 5000 >/dev/null
  port=$(free_port 47000)
  env "${env[@]}" dotnet "$dll" --urls "http://127.0.0.1:$port" >"$WORK/$side.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 150); do curl -fs -o /dev/null "http://127.0.0.1:$port/metadata/app.json" && break; sleep 0.2; done
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$port/register" \
    -d "{\"userName\":\"bench\",\"email\":\"bench@example.com\",\"password\":\"$PASSWORD\"}"
  printf -v "PORT_$side" '%s' "$port"; printf -v "PID_$side" '%s' "$pid"
}
# A fresh access token from the side's own sign-in (tokens live 15 minutes).
token_of() {
  local port_var="PORT_$1"
  curl -fsS -X POST -H 'Content-Type: application/json' "http://127.0.0.1:${!port_var}/auth/credentials" \
    -d "{\"userName\":\"bench@example.com\",\"password\":\"$PASSWORD\"}" | jq -er .bearerToken
}

PASSWORD="Bench-$(openssl rand -hex 8)"
start new "$PWD"
start base "$WORK/base"

declare -A paths=([user]="/api/GetSignedInUser" [row]="/products/4242")
declare -A rps=() ticks=() reqs=() rticks=()
for side in base new; do
  port_var="PORT_$side"; token=$(token_of "$side")
  for op in user row; do
    rps[$side.$op]=0; ticks[$side.$op]=0; reqs[$side.$op]=0; rticks[$side.$op]=0
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:${!port_var}${paths[$op]}")" = 200 ] ||
      { log "$side does not answer ${paths[$op]} with 200 when signed in"; exit 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${!port_var}${paths[$op]}")" = 401 ] ||
      { log "$side answers ${paths[$op]} without a token"; exit 1; }
    wrk -t2 -c32 -d5s -H "Authorization: Bearer $token" "http://127.0.0.1:${!port_var}${paths[$op]}" >/dev/null   # warm up
  done
done
log "measuring: $ROUNDS rounds of ${DURATION} s per side and request"
for round in $(seq "$ROUNDS"); do
  sides="base new"; [ $((round % 2)) -eq 0 ] && sides="new base"
  for op in user row; do
    for side in $sides; do
      port_var="PORT_$side"; pid_var="PID_$side"; token=$(token_of "$side")
      sleep 1   # the previous run's in-flight requests finish before this one's CPU is read
      before=$(cpu_ticks "${!pid_var}"); rbefore=$(redis_ticks)
      wrk -t2 -c32 -d"${DURATION}s" -H "Authorization: Bearer $token" "http://127.0.0.1:${!port_var}${paths[$op]}" >"$WORK/wrk.txt"
      ticks[$side.$op]=$(( ${ticks[$side.$op]} + $(cpu_ticks "${!pid_var}") - before ))
      rticks[$side.$op]=$(( ${rticks[$side.$op]} + $(redis_ticks) - rbefore ))
      reqs[$side.$op]=$(( ${reqs[$side.$op]} + $(awk '/requests in/ {print $1}' "$WORK/wrk.txt") ))
      rps[$side.$op]=$(echo "${rps[$side.$op]} + $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")" | bc)
      if grep -q 'Non-2xx' "$WORK/wrk.txt"; then log "$side ${paths[$op]}: $(grep 'Non-2xx' "$WORK/wrk.txt")"; exit 1; fi
    done
  done
  log "round $round of $ROUNDS done (load $(cut -d' ' -f1-3 /proc/loadavg))"
done

tick_us=$(( 1000000 / $(getconf CLK_TCK) ))
store=memory; [ -n "${REDIS_PID:-}" ] && store=redis
echo "base: $(git rev-parse --short "$BASE"), new: working tree at $(git rev-parse --short HEAD), cache on $store, $ROUNDS rounds of ${DURATION} s, load $(cut -d' ' -f1-3 /proc/loadavg)"
header="| signed-in request | base req/s | new req/s | ratio | base CPU µs/req | new CPU µs/req | CPU ratio (new / base) |"
rule="|---|---:|---:|---:|---:|---:|---:|"
[ "$store" = redis ] && header="$header base Redis µs/req | new Redis µs/req |" && rule="$rule---:|---:|"
echo "$header"; echo "$rule"
for op in user row; do
  b=$(echo "scale=0; ${rps[base.$op]} / $ROUNDS" | bc); n=$(echo "scale=0; ${rps[new.$op]} / $ROUNDS" | bc)
  cb=$(echo "scale=1; ${ticks[base.$op]} * $tick_us / ${reqs[base.$op]}" | bc)
  cn=$(echo "scale=1; ${ticks[new.$op]} * $tick_us / ${reqs[new.$op]}" | bc)
  line=$(printf '| `GET %s` | %s | %s | %.2f | %s | %s | %.2f |' "${paths[$op]}" "$b" "$n" "$(echo "scale=4; $n / $b" | bc)" "$cb" "$cn" "$(echo "scale=4; $cn / $cb" | bc)")
  if [ "$store" = redis ]; then
    rb=$(echo "scale=1; ${rticks[base.$op]} * $tick_us / ${reqs[base.$op]}" | bc)
    rn=$(echo "scale=1; ${rticks[new.$op]} * $tick_us / ${reqs[new.$op]}" | bc)
    line="$line $rb | $rn |"
  fi
  echo "$line"
done
