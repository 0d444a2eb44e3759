#!/usr/bin/env bash
# The platform benchmark (README, "Benchmark"): starts a platform of its own on free ports with throw-away
# data, measures gateway vs direct, request → e-mail with the outbox lag, memory and the write path against
# pgbench, prints the result, stops everything.
#   ./run-benchmark.sh [--seconds=15] [--mail-seconds=60] [--mail-rate=50] [--write-seconds=20] | --district
set -euo pipefail
cd "$(dirname "$0")"

. .ci/jdk.sh
. .ci/build-if-needed.sh
case " $* " in *" --district "*) ;; *) . .ci/pgbench.sh ;; esac

exec "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseSerialGC ${BENCHMARK_JAVA_OPTS:-} -cp "$launcher" kz.senim.local.benchmark.PlatformBenchmark "$@"
