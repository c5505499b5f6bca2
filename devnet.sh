#!/usr/bin/env bash
# Starts the whole bridge locally (see README.md). Builds what is missing or stale first.
# Options go to the launcher: ./devnet.sh --help
set -euo pipefail
cd "$(dirname "$0")"
jars=(devnet/target/devnet.jar sidechain-node/target/sidechain-node.jar
      bridge-validator/target/bridge-validator.jar relayer/target/relayer.jar admin-api/target/admin-api.jar)
stale=0
for jar in "${jars[@]}"; do
  if [ ! -f "$jar" ]; then stale=1; break; fi
done
if [ "$stale" = 0 ]; then
  oldest=$(ls -t "${jars[@]}" | tail -n 1)
  if [ -n "$(find . \( -name node_modules -o -name .devnet -o -name target -o -name .git \) -prune -o \
      \( -name '*.java' -o -name pom.xml -o -name '*.sol' -o -name '*.sql' -o -name '*.yml' -o -name '*.properties' \) \
      -newer "$oldest" -print -quit)" ]; then
    stale=1
  fi
fi
if [ "$stale" = 1 ]; then
  echo "devnet: building the services first (mvn -DskipTests install) ..."
  mvn -B -q -DskipTests -Dspotless.check.skip=true install
fi
exec java -Xmx512m -jar devnet/target/devnet.jar "$@"
