#!/usr/bin/env bash
# Starts a PostgreSQL server for the store's test suite and bench, without
# systemd: its own data directory, listening on 127.0.0.1:5432, trust
# authentication for the user "postgres". Idempotent: when a server that
# accepts `postgres` without a password already listens there, it does nothing.
#
# Tests connect to $BAOCAO_TEST_PG_URL, by default
# postgres://postgres@127.0.0.1:5432/postgres; nothing is exported here.
#
#   BAOCAO_PG_DATA  data directory (default /tmp/baocao-pg)
#   BAOCAO_PG_PORT  port (default 5432)
set -euo pipefail

data=${BAOCAO_PG_DATA:-/tmp/baocao-pg}
port=${BAOCAO_PG_PORT:-5432}

usable() {
    command -v psql >/dev/null 2>&1 &&
        psql "postgres://postgres@127.0.0.1:$port/postgres" -Atqc 'select 1' >/dev/null 2>&1
}

bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if usable; then
    echo "start-postgres: a server already accepts postgres@127.0.0.1:$port"
    exit 0
fi

if [ -z "$(bindir)" ]; then
    echo "start-postgres: installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi
bin=$(bindir)
if [ -z "$bin" ]; then
    echo "start-postgres: no PostgreSQL binaries under /usr/lib/postgresql" >&2
    exit 1
fi

# Debian's packaged cluster may have been started by the install; it would hold
# the port with peer/password authentication. Stop it: ours is the test server.
if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters --no-header 2>/dev/null | while read -r ver name cport status _; do
        if [ "$cport" = "$port" ] && [ "$status" = online ]; then
            echo "start-postgres: stopping the packaged cluster $ver/$name on port $port"
            pg_ctlcluster "$ver" "$name" stop || true
        fi
    done
fi

# initdb and postgres refuse to run as root.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

mkdir -p "$data"
if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$data"
fi
chmod 700 "$data"

if [ ! -s "$data/PG_VERSION" ]; then
    echo "start-postgres: initdb in $data"
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >/dev/null
fi

if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "start-postgres: starting on 127.0.0.1:$port"
    as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300" >/dev/null
fi

for _ in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
        break
    fi
    sleep 0.5
done
if ! "$bin/psql" "postgres://postgres@127.0.0.1:$port/postgres" -Atqc 'select 1' >/dev/null; then
    echo "start-postgres: the server on 127.0.0.1:$port does not accept postgres; see $data/server.log" >&2
    exit 1
fi
echo "start-postgres: ready at postgres://postgres@127.0.0.1:$port/postgres"
