#!/usr/bin/env bash
# Rebuilds the Admin UI's assets that BaaS.Ui embeds (src/BaaS.Ui/wwwroot) from its source (src/BaaS.Ui/client):
# installs the locked npm packages, type-checks (vue-tsc, strict) and builds with Vite. Commit the result: running an
# app needs no Node. BaaS.Ui.Tests checks that the committed assets are what this builds.
set -euo pipefail
cd "$(dirname "$0")/../src/BaaS.Ui/client"
npm ci --no-audit --no-fund
npm run build
