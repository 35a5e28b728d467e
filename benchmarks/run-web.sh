#!/usr/bin/env bash
# Throughput of a hand-written BaaS GET service against the same endpoint written as plain minimal API, measured
# with wrk in one run on this machine (ratios, not absolute numbers, are what carry over).
#   benchmarks/run-web.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-32}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
source .ci/services.sh   # for free_port
PORT=$(free_port 47000)

dotnet build benchmarks/BaaS.Web.Benchmarks -c Release -nologo -v q >/dev/null
ASPNETCORE_ENVIRONMENT=Production PublicUrl=http://127.0.0.1 AllowedHosts=127.0.0.1 BaaS__RateLimits__Default__PermitLimit=1000000000 dotnet benchmarks/BaaS.Web.Benchmarks/bin/Release/net10.0/BaaS.Web.Benchmarks.dll \
  --urls "http://127.0.0.1:$PORT" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/minimal/restaurants/1" >/dev/null && break; sleep 0.2; done

run() { # name path -> requests/sec
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$2" > "/tmp/baas-wrk-$1.txt"
  awk '/Requests\/sec/ {print $2}' "/tmp/baas-wrk-$1.txt"
}
p50() { awk '$1=="50%" {print $2}' "/tmp/baas-wrk-$1.txt"; }

# Warm up every path (JIT, tiered compilation), then measure in alternating rounds so drift hits all alike.
for path in /minimal/restaurants/1 /api/GetRestaurant?id=1 /restaurants/1; do wrk -t2 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$PORT$path" >/dev/null; done
declare -A total=( [minimal]=0 [api]=0 [route]=0 )
ROUNDS=2
for round in $(seq $ROUNDS); do
  total[minimal]=$(echo "${total[minimal]} + $(run minimal /minimal/restaurants/1)" | bc)
  total[api]=$(echo "${total[api]} + $(run api '/api/GetRestaurant?id=1')" | bc)
  total[route]=$(echo "${total[route]} + $(run route /restaurants/1)" | bc)
done
avg() { echo "scale=0; ${total[$1]} / $ROUNDS" | bc; }
ratio() { echo "scale=2; ${total[$1]} / ${total[minimal]}" | bc; }
echo "| endpoint | requests/s | p50 latency (last round) | ratio to minimal API |"
echo "|---|---|---|---|"
echo "| minimal API \`GET /minimal/restaurants/1\` | $(avg minimal) | $(p50 minimal) | 1.00 |"
echo "| BaaS \`GET /api/GetRestaurant?id=1\` | $(avg api) | $(p50 api) | $(ratio api) |"
echo "| BaaS \`GET /restaurants/1\` ([Route]) | $(avg route) | $(p50 route) | $(ratio route) |"
