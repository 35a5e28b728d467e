#!/usr/bin/env bash
# Upload throughput (MB/s) and server memory for COUNT concurrent uploads of SIZE_MB each, stored on the local disk and
# on S3 (a throwaway s3rver on loopback, .ci/services.sh), the server in its own process.
#   benchmarks/run-files.sh [count=100] [size-mb=5] [rounds=2]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-100}
SIZE=${2:-5}
ROUNDS=${3:-2}
source .ci/services.sh
WORK=$(mktemp -d /tmp/baas-files-bench.XXXXXX)
# The temporary folder and the servers go away however the run ends (a failed build or upload included).
trap 'services_cleanup; rm -rf "$WORK"' EXIT
[ -x .ci/s3/node_modules/.bin/s3rver ] || (cd .ci/s3 && npm ci --no-audit --no-fund >/dev/null)
s3_start
dotnet build benchmarks/BaaS.Files.Benchmarks -c Release -nologo -v q >/dev/null
DLL=benchmarks/BaaS.Files.Benchmarks/bin/Release/net10.0/BaaS.Files.Benchmarks.dll

run() { # store -> one result line
  local store=$1 port extra=()
  port=$(free_port 47500)
  if [ "$store" = s3 ]; then
    extra=(Files__S3__ServiceUrl="$BAAS_TEST_S3" Files__S3__Bucket=baas-tests Files__S3__AccessKey=S3RVER Files__S3__SecretKey=S3RVER Files__S3__Prefix="bench-$RANDOM/")
  fi
  env ASPNETCORE_ENVIRONMENT=Development BaaS__RateLimits__Default__PermitLimit=1000000000 Files__LocalPath="$WORK/files" Files__TempPath="$WORK/tmp" \
    "${extra[@]}" dotnet "$DLL" --urls "http://127.0.0.1:$port" >"$WORK/server-$store.log" 2>&1 &
  local server=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/bench/memory" >/dev/null && break; sleep 0.2; done
  echo "$store $(dotnet "$DLL" load "http://127.0.0.1:$port" "$COUNT" "$SIZE")"
  kill "$server"; wait "$server" 2>/dev/null || true
  rm -rf "$WORK/files" "$WORK/tmp"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $COUNT uploads of $SIZE MB at once"
for round in $(seq "$ROUNDS"); do
  run local
  run s3
done
