#!/usr/bin/env bash
# Starts the PostgreSQL the relay's tests use, on a Debian machine, as root; safe to run again.
# It starts the packaged cluster (listening on 127.0.0.1:5432 only), then makes sure the role
# `mutual` (password `mutual`, CREATEDB) and the database `mutual_test` exist. The tests read
# MUTUAL_TEST_DATABASE_URL, which defaults to postgres://mutual:mutual@127.0.0.1:5432/mutual_test;
# each run works in a schema of its own, so runs do not collide.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "Run this as root (it starts the system's PostgreSQL): sudo $0" >&2
  exit 1
fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL is not installed. On Debian: apt-get install -y postgresql" >&2
  exit 1
fi

# The newest installed cluster (Debian creates "main" when the package is installed).
read -r version cluster port status _ < <(pg_lsclusters --no-header | sort -k1,1V | tail -n 1)
if [ -z "${version:-}" ]; then
  echo "No PostgreSQL cluster exists. Create one: pg_createcluster <version> main" >&2
  exit 1
fi
if [ "$port" != "5432" ]; then
  echo "Warning: cluster $version/$cluster listens on port $port, not 5432; set MUTUAL_TEST_DATABASE_URL to match." >&2
fi

# Loopback only: the tests never need another address.
conf="/etc/postgresql/$version/$cluster/conf.d/mutual-tests.conf"
if [ -d "$(dirname "$conf")" ] && [ ! -f "$conf" ]; then
  printf "listen_addresses = '127.0.0.1'\n" > "$conf"
  status=restart
fi

case "$status" in
  online) ;;
  restart) pg_ctlcluster "$version" "$cluster" restart ;;
  *) pg_ctlcluster "$version" "$cluster" start ;;
esac

# Wait until it accepts connections (a slow machine can take a while after start).
for _ in $(seq 1 60); do
  if su postgres -c "psql -p $port -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

as_postgres() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qAt $*"; }

if [ "$(as_postgres "-c \"select 1 from pg_roles where rolname = 'mutual'\"")" != "1" ]; then
  as_postgres "-c \"create role mutual login createdb password 'mutual'\""
fi
if [ "$(as_postgres "-c \"select 1 from pg_database where datname = 'mutual_test'\"")" != "1" ]; then
  as_postgres "-c \"create database mutual_test owner mutual\""
fi

echo "PostgreSQL $version/$cluster is running: postgres://mutual:mutual@127.0.0.1:$port/mutual_test"
