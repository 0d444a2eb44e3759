#!/usr/bin/env bash
# Runs the whole of Senim on this machine with only a JDK >= 21 (no Docker): builds what is missing or
# out of date, then starts PostgreSQL, Kafka, Keycloak, a mail catcher, the gateway and the five services,
# and creates the demo data on the first start. Ctrl-C stops everything.
#   ./run-local.sh            start (data kept in .local/ between runs)
#   ./run-local.sh --wipe     start from empty data (the demo data is created again)
#   ./run-local.sh --no-demo  do not create the demo data
set -euo pipefail
cd "$(dirname "$0")"

. .ci/jdk.sh
. .ci/build-if-needed.sh

# exec: Ctrl-C reaches the launcher, whose shutdown hook stops every process it started.
exec "$JAVA_HOME/bin/java" -Xms32m -Xmx512m -XX:+UseSerialGC -jar "$launcher" "$@"
