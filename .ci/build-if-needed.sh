# Sourced by run-local.sh and run-benchmark.sh (after .ci/jdk.sh): builds the jars, tests skipped, when one
# is missing or any source, resource or pom changed since the last build.

launcher=local-platform/target/local-platform-0.1.0-SNAPSHOT-launcher.jar

stale() {
  [ -f "$launcher" ] || return 0
  local module
  for module in gateway case-service membership-service training-service notification-service analytics-service portal; do
    ls "$module"/target/"$module"-*.jar >/dev/null 2>&1 || return 0
  done
  [ -n "$(find . -path ./.local -prune -o -path '*/target' -prune -o -path ./.git -prune -o \
          -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$launcher" -print -quit)" ]
}

if stale; then
  echo "Building Senim (tests skipped; ./mvnw verify runs them)…"
  ./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package
  touch "$launcher"
fi
