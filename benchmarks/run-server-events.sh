#!/usr/bin/env bash
# 2,000 server-events subscribers on one node (in-process bus): the node's memory per subscription, and the delay from
# publishing to receipt for a message to all of them and for a message to one user (p50/p99), beside a plain GET's
# round trip in the same run. The node and the subscribers are two processes on this machine.
#   benchmarks/run-server-events.sh [subscribers] [broadcasts] [messages-to-one-user]
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 65536 2>/dev/null || true
dotnet build benchmarks/BaaS.ServerEvents.Benchmarks -c Release -nologo -v q >/dev/null
dotnet benchmarks/BaaS.ServerEvents.Benchmarks/bin/Release/net10.0/BaaS.ServerEvents.Benchmarks.dll "${1:-2000}" "${2:-20}" "${3:-200}"
