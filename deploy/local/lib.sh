# shellcheck shell=bash disable=SC2034
# (SC2034: the variables here are used by the scripts that source this.)
# What deploy/local/up.sh and down.sh share: paths, settings, the checks of
# what runs, and stopping what up.sh started. Sourced, not run.
#
# Everything up.sh starts is recorded under deploy/local/run/pids/; down.sh
# stops only processes recorded there that are still the ones up.sh started
# (checked by their executable or environment), so a recycled pid or a
# broker someone else runs is never touched.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
local_dir="$root/deploy/local"
run="$local_dir/run"
pids="$run/pids"

# The settings the services and the command line read; the defaults are
# those of crates/config, except the database, which lives in the run dir.
amqp_url="${BAOCAO__AMQP__URL:-amqp://127.0.0.1:5672/%2f}"
grpc_addr="${BAOCAO__GRPC__ADDR:-127.0.0.1:50051}"
database_url="${BAOCAO__DATABASE__URL:-sqlite://$run/baocao.db}"
worker_metrics="${BAOCAO_LOCAL_WORKER_METRICS_ADDR:-127.0.0.1:9101}"
query_metrics="${BAOCAO_LOCAL_QUERY_METRICS_ADDR:-127.0.0.1:9102}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
[[ "$target_dir" = /* ]] || target_dir="$root/$target_dir"
bin_dir="$target_dir/release"

# One RabbitMQ node name per checkout, so two checkouts never share one.
rabbit_node="baocao-local-$(printf %s "$root" | sha256sum | cut -c1-8)@localhost"
rabbit_bin=/usr/lib/rabbitmq/bin

# Bold, yellow and red only on a terminal.
if [[ -t 2 ]]; then
    c_bold=$'\033[1m' c_warn=$'\033[1;33m' c_err=$'\033[1;31m' c_off=$'\033[0m'
else
    c_bold="" c_warn="" c_err="" c_off=""
fi
say() { printf '%s %s\n' "${c_bold}up:${c_off}" "$*" >&2; }
warn() { printf '%s %s\n' "${c_warn}up:${c_off}" "$*" >&2; }

# host and port of an address "host:port" or of a URL "scheme://user@host:port/..."
addr_host() {
    local a=${1#*://}
    a=${a##*@}
    a=${a%%/*}
    a=${a%:*}
    a=${a#[}
    printf %s "${a%]}"
}
addr_port() {
    local a=${1#*://}
    a=${a##*@}
    a=${a%%/*}
    if [[ "$a" == *:* ]]; then
        printf %s "${a##*:}"
    else
        printf %s "$2"
    fi
}

# A URL component with its %XX escapes decoded ("%2f" -> "/").
urldecode() {
    local s=${1//+/ }
    printf '%b' "${s//%/\\x}"
}

# Whether something accepts TCP connections at host port.
listening() {
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Whether an AMQP 0-9-1 broker answers at host port: it replies to the
# protocol header with a method frame (type 1).
amqp_answers() {
    local reply
    # shellcheck disable=SC2016 # expanded by the inner bash
    reply=$(timeout 3 bash -c '
        exec 3<>"/dev/tcp/$0/$1" || exit 1
        printf "AMQP\x00\x00\x09\x01" >&3
        head -c 1 <&3 | od -An -tx1' "$1" "$2" 2>/dev/null | tr -d ' \n') || true
    [[ "$reply" == 01 ]]
}

# The HTTP status of GET http://ADDR/PATH ("000" when nothing answers).
http_status() {
    local host port line
    host=$(addr_host "$1")
    port=$(addr_port "$1" 80)
    # shellcheck disable=SC2016 # expanded by the inner bash
    line=$(timeout 3 bash -c '
        exec 3<>"/dev/tcp/$0/$1" || exit 1
        printf "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" "$2" "$0" >&3
        IFS= read -r line <&3 && printf %s "$line"' "$host" "$port" "$2" 2>/dev/null) || true
    line=${line#HTTP/1.? }
    printf %s "${line:0:3}"
    [[ -n "$line" ]] || printf 000
}

# The pid recorded for NAME, if that process still runs.
recorded_pid() {
    local f="$pids/$1.pid" pid
    [[ -f "$f" ]] || return 1
    pid=$(cat "$f")
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    printf %s "$pid"
}

# Whether pid is the process up.sh recorded as NAME: the service binary
# from this checkout's target dir, or the broker node with our node name.
is_ours() {
    local name=$1 pid=$2 exe
    case "$name" in
        worker | query)
            exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
            [[ "${exe% (deleted)}" == "$bin_dir/baocao-$name" ]]
            ;;
        rabbitmq)
            tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null |
                grep -qxF "RABBITMQ_NODENAME=$rabbit_node"
            ;;
        *) return 1 ;;
    esac
}

# Stops the process recorded as NAME with SIGTERM, then SIGKILL after
# GRACE seconds; forgets a record whose process is gone or not ours.
stop_recorded() {
    local name=$1 grace=$2 pid i
    if ! pid=$(recorded_pid "$name"); then
        rm -f "$pids/$name.pid"
        return 0
    fi
    if ! is_ours "$name" "$pid"; then
        warn "pid $pid of $name.pid is not the $name up.sh started; left alone"
        rm -f "$pids/$name.pid"
        return 0
    fi
    say "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        warn "$name did not stop in ${grace}s; killing it"
        if [[ "$name" == rabbitmq ]]; then
            # The script's child is the Erlang VM.
            pkill -KILL -P "$pid" 2>/dev/null || true
        fi
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pids/$name.pid"
}

# Stops everything up.sh started, newest first, and the Erlang port mapper
# when up.sh's broker started it and no other node uses it.
stop_all() {
    # Tells a foreground up.sh that the stop is wanted, not a crash.
    touch "$pids/stopping" 2>/dev/null || true
    stop_recorded worker 40
    stop_recorded query 15
    if [[ -f "$pids/rabbitmq.pid" ]]; then
        stop_recorded rabbitmq 60
    fi
    if [[ -f "$pids/epmd.started" ]]; then
        if command -v epmd >/dev/null && ! epmd -names 2>/dev/null | grep -q '^name '; then
            epmd -kill >/dev/null 2>&1 || true
        fi
        rm -f "$pids/epmd.started"
    fi
    rm -f "$pids/stopping"
}
