#!/usr/bin/env bash
# Builds the fedbridge images from the Spring Boot jars (needs a Docker engine with BuildKit).
#
#   k8s/images/build.sh --base eclipse-temurin:17-jre-noble@sha256:<digest> \
#       [--registry registry.example.com/fedbridge] [--tag 0.1.0] [--push] [SERVICE...]
#
# SERVICE is any of bridge-validator sidechain-node relayer admin-api (default: all). The base
# must be pinned by a digest you vetted; with --push the script prints each image's digest, to
# put in your overlay's `images:` (production pins every image by digest).
set -euo pipefail
cd "$(dirname "$0")/../.."
base="" registry="fedbridge" tag="0.1.0" push=false services=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    --registry) registry=$2; shift 2 ;;
    --tag) tag=$2; shift 2 ;;
    --push) push=true; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    bridge-validator|sidechain-node|relayer|admin-api) services+=("$1"); shift ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#services[@]} -gt 0 ] || services=(bridge-validator sidechain-node relayer admin-api)
if ! [[ "$base" =~ @sha256:[0-9a-f]{64}$ ]] || [[ "$base" =~ @sha256:0{64}$ ]]; then
  echo "build.sh: --base must be an image pinned by its real digest (IMAGE@sha256:...)" >&2
  exit 2
fi
modules=$(IFS=,; echo "${services[*]}")
mvn -B -q -DskipTests -pl "$modules" -am package
for s in "${services[@]}"; do
  image="$registry/$s:$tag"
  DOCKER_BUILDKIT=1 docker build -f "k8s/images/$s/Dockerfile" --build-arg JRE_IMAGE="$base" -t "$image" .
  if $push; then
    docker push "$image" >/dev/null
    echo "$s $(docker image inspect --format '{{index .RepoDigests 0}}' "$image")"
  else
    echo "$s $image"
  fi
done
