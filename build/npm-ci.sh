#!/usr/bin/env bash
# Installs the pinned npm toolchain (anvil, cast, forge, solc-js, OpenZeppelin, noble-curves)
# with `npm ci`, unless node_modules already matches package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.fedbridge-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil ]; then
  exit 0
fi
echo "npm ci (package-lock.json changed or node_modules missing)"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
