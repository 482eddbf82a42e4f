#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, and only that: the worker, the
# query service, and the RabbitMQ node when up.sh started it (a broker that
# was already running is left alone). Keeps the database, the broker's data
# and the logs in deploy/local/run/; `--purge` deletes that directory too.
#
#   deploy/local/down.sh [--purge]
set -euo pipefail

# shellcheck source=deploy/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

purge=0
for arg in "$@"; do
    case "$arg" in
        --purge) purge=1 ;;
        -h | --help)
            sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "down: unknown argument $arg (try --help)" >&2
            exit 2
            ;;
    esac
done

if [[ -d "$pids" ]]; then
    stop_all
    rmdir "$pids" 2>/dev/null || true
fi
if [[ $purge == 1 && -d "$run" ]]; then
    say "deleting $run (database, broker data, logs, demo token)"
    rm -rf "$run"
fi
say "nothing of up.sh runs"
