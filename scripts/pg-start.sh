#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests on 127.0.0.1 and prints its connection string.
#
#   scripts/pg-start.sh DIR [PORT]      -> prints postgres://ims@127.0.0.1:PORT/ims_state?sslmode=disable
#   scripts/pg-stop.sh DIR              -> stops it (and removes DIR)
#
# The cluster lives entirely in DIR (data, socket, log), trusts loopback connections only and is
# owned by the `postgres` system user when run as root (initdb refuses to run as root).
set -euo pipefail
dir=${1:?usage: pg-start.sh DIR [PORT]}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-start: PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (run scripts/pg-install.sh)" >&2
  exit 3
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_owner "$bin/initdb" -D "$dir/data" -U ims -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
fi
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off" start >/dev/null || {
  cat "$dir/postgres.log" >&2
  exit 1
}
if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U ims -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='ims_state'" | grep -q 1; then
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U ims ims_state
fi
echo "postgres://ims@127.0.0.1:$port/ims_state?sslmode=disable"
