#!/usr/bin/env bash
# The services the test suite needs, started if they are down: PostgreSQL on 127.0.0.1:5432
# (trust authentication for the postgres role, as on the project's machines). Idempotent;
# `make test` runs it first. Override the address with PGHOST / PGPORT.
set -euo pipefail

host="${PGHOST:-127.0.0.1}"
port="${PGPORT:-5432}"

ready() { pg_isready -q -h "$host" -p "$port"; }

if ! command -v pg_isready >/dev/null; then
  # A machine without PostgreSQL: install Debian's server and let local TCP connections in
  # without a password (for the test suite only; never do this on a shared server).
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "services.sh: PostgreSQL is not installed: install it (e.g. apt-get install postgresql)" >&2
    exit 1
  fi
  echo "services.sh: installing PostgreSQL" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  for conf in /etc/postgresql/*/main/pg_hba.conf; do
    sed -i -E 's/^(host +all +all +(127\.0\.0\.1\/32|::1\/128) +)[a-z0-9-]+$/\1trust/' "$conf"
    sed -i -E 's/^(local +all +(postgres|all) +)[a-z]+$/\1trust/' "$conf"
  done
  for version in $(ls /etc/postgresql); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main restart || true
  done
fi

if ! ready; then
  echo "services.sh: starting PostgreSQL" >&2
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
  else
    echo "services.sh: no pg_ctlcluster here; start PostgreSQL on $host:$port yourself" >&2
    exit 1
  fi
  for _ in $(seq 1 60); do
    ready && break
    sleep 0.5
  done
fi

if ! ready; then
  echo "services.sh: PostgreSQL does not answer on $host:$port" >&2
  exit 1
fi

# The tests connect as postgres without a password and create (then drop) their own database.
if ! psql -h "$host" -p "$port" -U postgres -d postgres -qtAc "SELECT 1" >/dev/null; then
  echo "services.sh: cannot connect as postgres on $host:$port (trust authentication expected)" >&2
  exit 1
fi
echo "services.sh: PostgreSQL is up on $host:$port" >&2
