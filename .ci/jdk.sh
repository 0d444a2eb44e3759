# Sourced by .ci/run and run-local.sh: sets JAVA_HOME to a JDK >= 21 (JAVA_HOME itself if it is one,
# else the first under /usr/lib/jvm) and puts it first on PATH, or exits with a message.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME="$(pick_jdk)"; then
  echo "No JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*). Install one and set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
