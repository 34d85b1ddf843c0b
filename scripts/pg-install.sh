#!/usr/bin/env bash
# Installs Debian's PostgreSQL server packages when they are missing (idempotent, quiet).
# Used by .ci/run so that the remote-state tests (test/reliability/pg-backend.e2e.test.ts) run in CI.
# Needs root (CI runs as root); otherwise it only reports what is missing.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "pg-install: PostgreSQL is installed ($(ls -d /usr/lib/postgresql/*/bin | head -n1))"
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "pg-install: WARNING: PostgreSQL is not installed and this is not root; the pg backend tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends postgresql >/dev/null
echo "pg-install: installed $(ls -d /usr/lib/postgresql/*/bin | head -n1)"
