#!/usr/bin/env bash
# A PostgreSQL server for the tests and for trying kehoach on PostgreSQL:
# installs Debian's package if no server is installed, creates a cluster in
# a scratch folder, starts it on 127.0.0.1, and prints its URL on stdout.
#   scripts/postgres.sh          start (or reuse) and print the URL
#   scripts/postgres.sh stop     stop it
# Port and folder: KEHOACH_PG_PORT (54329), KEHOACH_PG_DIR (/tmp/kehoach-pg-PORT).
set -euo pipefail

PORT=${KEHOACH_PG_PORT:-54329}
DIR=${KEHOACH_PG_DIR:-/tmp/kehoach-pg-$PORT}

server_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

BIN=$(server_bin)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "postgres.sh: no PostgreSQL server is installed and installing one needs root (apt-get install postgresql)" >&2
        exit 2
    fi
    echo "postgres.sh: installing Debian's postgresql package" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
    BIN=$(server_bin)
fi

# initdb and the server refuse to run as root: use the package's own user.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "${1:-start}" = stop ]; then
    if [ -f "$DIR/postmaster.pid" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >&2
    fi
    exit 0
fi

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    if [ ! -f "$DIR/PG_VERSION" ]; then
        mkdir -p "$DIR"
        if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; fi
        as_owner "$BIN/initdb" -D "$DIR" -U kehoach --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # A scratch server for tests: durability is not what is tested here, so
    # fsync is off to keep the many short-lived test databases cheap.
    as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w start \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null
fi
echo "postgres://kehoach@127.0.0.1:$PORT/postgres"
