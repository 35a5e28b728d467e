#!/usr/bin/env bash
# Runs every test suite of the repository on a fresh Debian machine with the .NET SDK:
# installs what the tests need (PostgreSQL, Redis, Chromium, aiosmtpd, npm packages), starts PostgreSQL, Redis, an SMTP server and an S3-compatible server (s3rver) on loopback for this run only, builds, runs each suite,
# stops what it started, and prints "N passed, N failed, N skipped" as its last line.
# Exit code: 0 only when something ran and nothing failed.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
LOG_DIR="$ROOT/.ci/tmp"
rm -rf "$LOG_DIR"; mkdir -p "$LOG_DIR"

source .ci/services.sh
trap services_cleanup EXIT

passed=0; failed=0; skipped=0

services_install || { echo "0 passed, 1 failed"; exit 1; }
postgres_start || { echo "0 passed, 1 failed"; exit 1; }
redis_start || { echo "0 passed, 1 failed"; exit 1; }
smtp_start || { echo "0 passed, 1 failed"; exit 1; }

# npm packages of the test S3 server (s3rver), from their lock file.
echo "== npm (.ci/s3)"
if [ ! -f .ci/s3/node_modules/.package-lock.json ] || [ .ci/s3/package-lock.json -nt .ci/s3/node_modules/.package-lock.json ]; then
  if ! (cd .ci/s3 && npm ci --no-audit --no-fund) >"$LOG_DIR/npm-s3.log" 2>&1; then
    tail -n 30 "$LOG_DIR/npm-s3.log"; echo "0 passed, 1 failed"; exit 1
  fi
fi
s3_start || { echo "0 passed, 1 failed"; exit 1; }

# npm packages of the native-types tests (tsc, @servicestack/client, an OpenAPI validator), from their lock file;
# skipped when node_modules already matches it.
echo "== npm (tests/BaaS.NativeTypes.Tests)"
if [ ! -f tests/BaaS.NativeTypes.Tests/node_modules/.package-lock.json ] ||
   [ tests/BaaS.NativeTypes.Tests/package-lock.json -nt tests/BaaS.NativeTypes.Tests/node_modules/.package-lock.json ]; then
  if ! (cd tests/BaaS.NativeTypes.Tests && npm ci --no-audit --no-fund) >"$LOG_DIR/npm.log" 2>&1; then
    tail -n 30 "$LOG_DIR/npm.log"; echo "0 passed, 1 failed"; exit 1
  fi
fi

# npm packages of the Admin UI's source, from its lock file: BaaS.Ui.Tests rebuilds it and compares the result with
# the assets BaaS.Ui embeds (running an app needs no Node; only this check does).
echo "== npm (src/BaaS.Ui/client)"
if [ ! -f src/BaaS.Ui/client/node_modules/.package-lock.json ] ||
   [ src/BaaS.Ui/client/package-lock.json -nt src/BaaS.Ui/client/node_modules/.package-lock.json ]; then
  if ! (cd src/BaaS.Ui/client && npm ci --no-audit --no-fund) >"$LOG_DIR/npm-ui.log" 2>&1; then
    tail -n 30 "$LOG_DIR/npm-ui.log"; echo "0 passed, 1 failed"; exit 1
  fi
fi

echo "== build"
if ! dotnet build BaaS.sln -c Release -nologo -v q >"$LOG_DIR/build.log" 2>&1; then
  grep -E 'error|Error' "$LOG_DIR/build.log" | sort -u | head -n 50
  echo "0 passed, 1 failed"
  exit 1
fi

# .NET suites: every *.Tests project in the solution, one after another (each is parallel inside).
for proj in $(dotnet sln BaaS.sln list | grep -E '\.Tests\.csproj$'); do
  name=$(basename "$proj" .csproj)
  echo "== $name"
  dotnet test "$proj" -c Release --no-build -nologo >"$LOG_DIR/$name.log" 2>&1
  line=$(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$LOG_DIR/$name.log" | tail -n1)
  if [ -z "$line" ]; then
    echo "   no summary from $name (crashed or did not run):"; tail -n 30 "$LOG_DIR/$name.log"
    failed=$((failed + 1)); continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
  p=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
  echo "   $line"
  if [ "$f" -gt 0 ]; then grep -E -A12 "^ +Failed " "$LOG_DIR/$name.log" | head -n 120; fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
