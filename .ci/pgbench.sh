# Sourced by run-benchmark.sh: the write path compares submissions with pgbench on the same PostgreSQL. Installs
# Debian's postgresql-client (which has pgbench) when missing and apt can (as root); otherwise the benchmark
# leaves that ratio out and says so.

if command -v pgbench >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
  :
elif [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing postgresql-client (pgbench) for the write-path ratio…"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql-client \
           || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                  postgresql-client; }; } >/tmp/senim-pgbench-install.log 2>&1; then
    echo "Could not install pgbench (see /tmp/senim-pgbench-install.log): the write-path ratio is left out." >&2
  fi
fi
