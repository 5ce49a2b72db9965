#!/usr/bin/env bash
# Makes the local PostgreSQL 15 ready for the tests (idempotent): installs Debian's package when missing, starts
# cluster 15/main on 127.0.0.1 only, and creates role migracidades (password migracidades, CREATEDB) and the
# databases it owns: migracidades_test (the suites) and migracidades_bench (bench:national's kept seed). Runs as root, through sudo otherwise (no systemd needed: pg_ctlcluster starts
# the cluster as the postgres user).
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then exec sudo -E bash "$0" "$@"; fi

VERSION=15
CLUSTER="${PG_CLUSTER:-main}" # another name: a cluster of its own (to try this script beside a running one)
ROLE=migracidades
DB=migracidades_test

if ! command -v pg_ctlcluster >/dev/null || [ ! -x "/usr/lib/postgresql/$VERSION/bin/postgres" ]; then
  echo "postgres-setup: installing postgresql"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  echo "postgres-setup: creating cluster $VERSION/$CLUSTER"
  pg_createcluster "$VERSION" "$CLUSTER"
fi

online() { pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c && $4 == "online" { f = 1 } END { exit !f }'; }
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $3 }')"

# Loopback only: the test database has a known password. Debian's postgresql.conf includes conf.d/.
conf="/etc/postgresql/$VERSION/$CLUSTER/conf.d/migracidades.conf"
wanted="listen_addresses = '127.0.0.1'"
if [ "$(cat "$conf" 2>/dev/null)" != "$wanted" ]; then
  echo "$wanted" >"$conf"
  if online; then pg_ctlcluster "$VERSION" "$CLUSTER" restart; fi
fi

if ! online; then
  echo "postgres-setup: starting cluster $VERSION/$CLUSTER"
  pg_ctlcluster "$VERSION" "$CLUSTER" start
fi

psql_admin() { runuser -u postgres -- psql -X -q -p "$PORT" -v ON_ERROR_STOP=1 "$@"; }

for _ in $(seq 1 30); do
  psql_admin -c 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  echo "postgres-setup: creating role $ROLE"
  psql_admin -c "CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$ROLE'"
fi
for db in "$DB" migracidades_bench; do
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    echo "postgres-setup: creating database $db"
    psql_admin -c "CREATE DATABASE $db OWNER $ROLE"
  fi
done

echo "postgres-setup: ready at postgres://$ROLE:$ROLE@127.0.0.1:$PORT/$DB"
