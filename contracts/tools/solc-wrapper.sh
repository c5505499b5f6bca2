#!/usr/bin/env bash
# Lets forge use solc-js (npm, pinned by package-lock.json) as its compiler, fully offline.
# forge calls the compiler with --version, then with --standard-json and the input on stdin.
# solc-js prints ">>>" progress lines before the JSON; drop them. Its output goes to a file,
# not a pipe: node exits before a large piped stdout is flushed (the JSON would be cut at 64 KiB).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ "${1:-}" = "--version" ]; then
  echo "Version: 0.8.30+commit.73712a01.Linux.g++"
  exit 0
fi
# Both ends go through files: forge may hand over a non-blocking stdin (node then fails with
# EAGAIN on large inputs).
in="$(mktemp)"
tmp="$(mktemp)"
trap 'rm -f "$in" "$tmp"' EXIT
cat > "$in"
node "$root/node_modules/solc/solc.js" --standard-json \
  --base-path "$root/contracts" --include-path "$root/node_modules" < "$in" > "$tmp"
grep -v '^>>>' "$tmp"
