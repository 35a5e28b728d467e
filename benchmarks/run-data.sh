#!/usr/bin/env bash
# BaaS.Data vs hand-written Dapper on SQLite (temp file) and PostgreSQL (a throwaway server started here, the same
# way test.sh does, and stopped at the end). Prints a markdown table: microseconds per operation and the ratio
# BaaS.Data / Dapper (below 1 = BaaS.Data is faster). Not run in CI.
#   benchmarks/run-data.sh           full run (21 alternating rounds per case, a few minutes)
#   benchmarks/run-data.sh --quick   5 rounds, for a smoke check
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/services.sh
trap services_cleanup EXIT
services_install
postgres_start
dotnet build benchmarks/BaaS.Data.Benchmarks -c Release -nologo -v q >/dev/null
dotnet run -c Release --no-build --project benchmarks/BaaS.Data.Benchmarks -- --postgres "$BAAS_TEST_POSTGRES" "$@"
