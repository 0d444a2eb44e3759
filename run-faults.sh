#!/usr/bin/env bash
# The fault suite (docs/reliability.md): starts a platform of its own on free ports with throw-away data, puts it
# under a steady load of mediation requests, injects the faults of issue 18 one after another, prints a table
# and writes it to target/faults/, stops everything.
#   ./run-faults.sh [--quick] [--kafka=30] [--notification=15] [--cases=10] [--smtp=45] [--postgres=10]
#                   [--keycloak=60] [--pause=20] [--warm-up=20] [--out=FILE]
#   ./run-faults.sh --restore      the backup-and-restore check (docs/operations.md §6)
set -euo pipefail
cd "$(dirname "$0")"

. .ci/jdk.sh
. .ci/build-if-needed.sh

exec "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseSerialGC ${FAULTS_JAVA_OPTS:-} -cp "$launcher" kz.senim.local.faults.FaultSuite "$@"
