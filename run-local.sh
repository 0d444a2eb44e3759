#!/usr/bin/env bash
# Runs the whole of Senim on this machine with only a JDK >= 21 (no Docker): builds what is missing or
# out of date, then starts PostgreSQL, Kafka, Keycloak, a mail catcher, the gateway and the four services,
# and creates the demo data on the first start. Ctrl-C stops everything.
#   ./run-local.sh            start (data kept in .local/ between runs)
#   ./run-local.sh --wipe     start from empty data (the demo data is created again)
#   ./run-local.sh --no-demo  do not create the demo data
set -euo pipefail
cd "$(dirname "$0")"

. .ci/jdk.sh

launcher=local-platform/target/local-platform-0.1.0-SNAPSHOT.jar
stale() {
  [ -f "$launcher" ] || return 0
  local module
  for module in gateway case-service membership-service training-service notification-service; do
    ls "$module"/target/"$module"-*.jar >/dev/null 2>&1 || return 0
  done
  # any source, resource or pom changed since the last build
  [ -n "$(find . -path ./.local -prune -o -path '*/target' -prune -o -path ./.git -prune -o \
          -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$launcher" -print -quit)" ]
}

if stale; then
  echo "Building Senim (tests skipped; ./mvnw verify runs them)…"
  ./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package
  touch "$launcher"
fi

# exec: Ctrl-C reaches the launcher, whose shutdown hook stops every process it started.
exec "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -jar "$launcher" "$@"
