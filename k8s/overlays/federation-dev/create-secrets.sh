#!/usr/bin/env bash
# Creates the Secrets of the federation-dev overlay (README.md lists them), with fresh random
# passwords. Idempotent: an existing Secret is left as it is, so a second run never changes a
# password a database already uses.
#
#   ./create-secrets.sh NAMESPACE KEYS_DIR
#
# KEYS_DIR holds what must be made by the key tools, not at random:
#   validator-<k>/            identity keystore and share keystores of member k (1..4), and
#   validator-<k>.password    the password that encrypts them;
#   relayer.json + relayer.password   the relayer's gas key (e.g. cast wallet new),
#   pauser.json + pauser.password     the admin console's pauser key.
# It writes KEYS_DIR/operator-token (the validators' operator token) when missing.
# Values never appear on a command line or in this script's output.
set -euo pipefail
ns=${1:?usage: create-secrets.sh NAMESPACE KEYS_DIR}
keys=${2:?usage: create-secrets.sh NAMESPACE KEYS_DIR}
umask 077
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

exists() { kubectl -n "$ns" get secret "$1" >/dev/null 2>&1; }
random() { LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 40; }
create() { # name, then kubectl create secret arguments
  local name=$1; shift
  if exists "$name"; then echo "kept    $name"; return; fi
  kubectl -n "$ns" create secret "$@" --dry-run=client -o yaml | kubectl -n "$ns" apply -f - >/dev/null
  echo "created $name"
}
db_secret() { # secret name, PostgreSQL role
  random >"$tmp/password"; printf '%s' "$2" >"$tmp/username"
  create "$1" generic "$1" --type=kubernetes.io/basic-auth \
    --from-file=username="$tmp/username" --from-file=password="$tmp/password"
}
need() { [ -e "$1" ] || { echo "missing $1 (see the header of this script)" >&2; exit 1; }; }

kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
for k in 1 2 3 4; do
  db_secret "bridge-validator-$k-db" "validator_$k"
  need "$keys/validator-$k"; need "$keys/validator-$k.password"
  create "bridge-validator-$k-keys" generic "bridge-validator-$k-keys" --from-file="$keys/validator-$k"
  create "bridge-validator-$k-keys-password" generic "bridge-validator-$k-keys-password" \
    --from-file=password="$keys/validator-$k.password"
done
# One operator token for the four dev members (docs/operations.md: /api/signing*): the token
# stays in KEYS_DIR/operator-token (owner-only), the cluster gets only its SHA-256.
if ! exists bridge-validator-operator-token; then
  [ -e "$keys/operator-token" ] || random >"$keys/operator-token"
  sha256sum "$keys/operator-token" | cut -c1-64 | tr -d '\n' >"$tmp/sha256"
  create bridge-validator-operator-token generic bridge-validator-operator-token \
    --from-file=sha256="$tmp/sha256"
fi
db_secret sidechain-node-db sidechain
db_secret relayer-db relayer
db_secret admin-api-db admin
need "$keys/relayer.json"; need "$keys/relayer.password"
create relayer-key generic relayer-key --from-file=keystore.json="$keys/relayer.json"
create relayer-key-password generic relayer-key-password --from-file=password="$keys/relayer.password"
need "$keys/pauser.json"; need "$keys/pauser.password"
create admin-api-pauser-key generic admin-api-pauser-key --from-file=keystore.json="$keys/pauser.json"
create admin-api-pauser-key-password generic admin-api-pauser-key-password \
  --from-file=password="$keys/pauser.password"
random >"$tmp/token"
create admin-api-bootstrap-token generic admin-api-bootstrap-token --from-file=token="$tmp/token"
echo "Kafka client certificates (kafka-*) and the CA Secrets (kafka-cluster-ca-cert, postgres-ca)"
echo "are issued by Strimzi and CloudNativePG once the overlay is applied."
