#!/usr/bin/env bash
# Installs the pinned JavaScript client libraries (viem, ethers) for JavaScriptClientsTest with
# `npm ci`, unless node_modules already matches package-lock.json.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.fedbridge-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d node_modules/viem ] && [ -d node_modules/ethers ]; then
  exit 0
fi
echo "npm ci in sidechain-node/src/test/js (package-lock.json changed or node_modules missing)"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
