#!/usr/bin/env bash
# The operation pipeline's own cost, before and after a change, in one run: the web benchmark's server built from the
# working tree and from a base commit (default: main), both running at once, measured with wrk in alternating rounds.
# Reports requests/s and the server's CPU per request (user + system, from /proc), which other tenants of a shared
# machine disturb far less than requests/s. The benchmark program itself is the working tree's for both sides.
#   benchmarks/run-pipeline.sh [base-ref] [seconds-per-run] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-main}
DURATION=${2:-8}
ROUNDS=${3:-3}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
source .ci/services.sh   # for free_port
WORK=$(mktemp -d /tmp/baas-pipeline-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  git worktree remove --force "$WORK/base" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

git worktree add --detach "$WORK/base" "$BASE" >/dev/null 2>&1
rm -rf "$WORK/base/benchmarks/BaaS.Web.Benchmarks"
cp -r benchmarks/BaaS.Web.Benchmarks "$WORK/base/benchmarks/"
rm -rf "$WORK/base/benchmarks/BaaS.Web.Benchmarks/bin" "$WORK/base/benchmarks/BaaS.Web.Benchmarks/obj"
dotnet build benchmarks/BaaS.Web.Benchmarks -c Release -nologo -v q >/dev/null
dotnet build "$WORK/base/benchmarks/BaaS.Web.Benchmarks" -c Release -nologo -v q >/dev/null

start() { # label dir -> sets PORT_<label>, PID_<label>
  local port; port=$(free_port 47000)
  ASPNETCORE_ENVIRONMENT=Production PublicUrl=http://127.0.0.1 AllowedHosts=127.0.0.1 BaaS__RateLimits__Default__PermitLimit=1000000000 dotnet "$2/benchmarks/BaaS.Web.Benchmarks/bin/Release/net10.0/BaaS.Web.Benchmarks.dll" \
    --urls "http://127.0.0.1:$port" >"$WORK/$1.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/restaurants/1" >/dev/null 2>&1 && break; sleep 0.2; done
  printf -v "PORT_$1" '%s' "$port"; printf -v "PID_$1" '%s' "$pid"
}
start new "$PWD"
start base "$WORK/base"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
declare -A paths=([plain]="/restaurants/1" [api]="/api/GetRestaurant?id=1" [validated]="/restaurants/1/checked")
declare -A rps=() ticks=() reqs=()
for side in base new; do
  port_var="PORT_$side"
  for op in "${!paths[@]}"; do
    rps[$side.$op]=0; ticks[$side.$op]=0; reqs[$side.$op]=0
    wrk -t2 -c32 -d3s "http://127.0.0.1:${!port_var}${paths[$op]}" >/dev/null   # warm up: JIT, tiered compilation
  done
done
for round in $(seq "$ROUNDS"); do
  sides="base new"; [ $((round % 2)) -eq 0 ] && sides="new base"
  for op in plain api validated; do
    for side in $sides; do
      port_var="PORT_$side"; pid_var="PID_$side"
      sleep 1
      before=$(cpu_ticks "${!pid_var}")
      wrk -t2 -c32 -d"${DURATION}s" "http://127.0.0.1:${!port_var}${paths[$op]}" >"$WORK/wrk.txt"
      ticks[$side.$op]=$(( ${ticks[$side.$op]} + $(cpu_ticks "${!pid_var}") - before ))
      reqs[$side.$op]=$(( ${reqs[$side.$op]} + $(awk '/requests in/ {print $1}' "$WORK/wrk.txt") ))
      rps[$side.$op]=$(echo "${rps[$side.$op]} + $(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")" | bc)
    done
  done
done

tick_us=$(( 1000000 / $(getconf CLK_TCK) ))
echo "base: $(git rev-parse --short "$BASE"), new: working tree at $(git rev-parse --short HEAD), $ROUNDS rounds of ${DURATION} s, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| request | base req/s | new req/s | ratio | base CPU µs/req | new CPU µs/req | CPU ratio (new / base) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for op in plain api validated; do
  b=$(echo "scale=0; ${rps[base.$op]} / $ROUNDS" | bc); n=$(echo "scale=0; ${rps[new.$op]} / $ROUNDS" | bc)
  cb=$(echo "scale=1; ${ticks[base.$op]} * $tick_us / ${reqs[base.$op]}" | bc)
  cn=$(echo "scale=1; ${ticks[new.$op]} * $tick_us / ${reqs[new.$op]}" | bc)
  printf '| `GET %s` | %s | %s | %.2f | %s | %s | %.2f |\n' "${paths[$op]}" "$b" "$n" "$(echo "scale=4; $n / $b" | bc)" "$cb" "$cn" "$(echo "scale=4; $cn / $cb" | bc)"
done
