#!/usr/bin/env bash
# Runs baocao on this host, without Docker, and shows it working:
#
#   1. a RabbitMQ broker: the one at BAOCAO__AMQP__URL when it answers,
#      else Debian's rabbitmq-server (installed with apt-get when missing,
#      which needs root) run as a plain process of this script, its data and
#      logs under deploy/local/run/, never as a system service;
#   2. the release build of baocao-worker, baocao-query and baocao (cargo);
#   3. the worker and the query service on the embedded SQLite database
#      deploy/local/run/baocao.db, with a demo API token made for this
#      checkout (deploy/local/run/demo-token; its hash in run/baocao.toml);
#   4. the sample report testdata/reports/000_5b1c2bc8d5408b7b.txt submitted
#      through the queue with `baocao submit`, followed with `baocao status`
#      until it is parsed, then what the gRPC API answers about it.
#
# It then stays in the foreground until Ctrl-C, which stops everything it
# started; with --detach it returns and deploy/local/down.sh stops them.
# Running it again restarts the services on a fresh build and reuses the
# broker and the database. Logs: deploy/local/run/*.log.
#
#   deploy/local/up.sh [--detach] [--no-build]
#
# --no-build runs the binaries already in target/release as they are.
#
# Settings (environment): BAOCAO__AMQP__URL (default
# amqp://127.0.0.1:5672/%2f), BAOCAO__GRPC__ADDR (127.0.0.1:50051),
# BAOCAO__DATABASE__URL (sqlite://deploy/local/run/baocao.db),
# BAOCAO_LOCAL_WORKER_METRICS_ADDR (127.0.0.1:9101),
# BAOCAO_LOCAL_QUERY_METRICS_ADDR (127.0.0.1:9102),
# BAOCAO_LOCAL_RABBITMQ_MANAGEMENT_PORT (15672), CARGO_TARGET_DIR.
set -euo pipefail

# shellcheck source=deploy/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

detach=0
build=1
for arg in "$@"; do
    case "$arg" in
        -d | --detach) detach=1 ;;
        --no-build) build=0 ;;
        -h | --help)
            sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "up: unknown argument $arg (try --help)" >&2
            exit 2
            ;;
    esac
done

sample="$root/testdata/reports/000_5b1c2bc8d5408b7b.txt"
department="so-khdt"
issuer="UBND tỉnh Bắc Giang"

die() {
    printf '%s %s\n' "${c_err}up:${c_off}" "$*" >&2
    exit 1
}

# --- 0. what this host needs ----------------------------------------------

if [[ $build == 1 ]]; then
    command -v cargo >/dev/null ||
        die "cargo not found: install Rust (https://rustup.rs), then run this again"
fi
for tool in sha256sum od timeout flock setsid; do
    command -v "$tool" >/dev/null || die "$tool not found (coreutils/util-linux)"
done

# --- 1. one run at a time ---------------------------------------------------

mkdir -p "$run" "$pids"
exec 9>"$run/up.lock"
if ! flock -n 9; then
    echo "up: another deploy/local/up.sh runs for this checkout (lock $run/up.lock)" >&2
    exit 1
fi

# On failure or Ctrl-C: stop what was started, keep the logs. SIGPIPE is
# ignored so that a closed pipe (`up.sh | tee log`, then Ctrl-C) fails the
# write instead of killing this script before it has cleaned up.
finished=0
cleanup() {
    local code=$?
    trap - EXIT INT TERM HUP
    set +e
    if [[ $finished == 0 ]]; then
        echo >&2
        if [[ $code != 0 && $code != 130 ]]; then
            warn "failed; logs in $run (worker.log, query.log, rabbitmq.log, build.log)"
        fi
        stop_all
        say "stopped"
    fi
    exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
trap '' PIPE

# The process environment of the services and the command line: no
# BAOCAO__METRICS__ADDR from the caller (each service gets its own).
unset BAOCAO__METRICS__ADDR
export BAOCAO_CONFIG="$run/baocao.toml"
export BAOCAO__AMQP__URL="$amqp_url"
export BAOCAO__GRPC__ADDR="$grpc_addr"
export BAOCAO__DATABASE__URL="$database_url"

rm -f "$pids/stopping"
# A second run restarts the services on the new build.
stop_recorded worker 40
stop_recorded query 15

# --- 2. the broker ----------------------------------------------------------

amqp_host=$(addr_host "$amqp_url")
amqp_port=$(addr_port "$amqp_url" 5672)

start_rabbitmq() {
    case "$amqp_host" in
        127.0.0.1 | localhost | ::1) ;;
        *) die "no broker answers at $amqp_host:$amqp_port, and it is not this host: start it, or unset BAOCAO__AMQP__URL to run one here" ;;
    esac
    if [[ ! -x "$rabbit_bin/rabbitmq-server" ]]; then
        if [[ $(id -u) != 0 ]]; then
            die "no broker answers at $amqp_host:$amqp_port and rabbitmq-server is not installed.
    Installing it needs root: run   sudo apt-get install rabbitmq-server
    (or run this script as root), or set BAOCAO__AMQP__URL to a broker that runs."
        fi
        command -v apt-get >/dev/null || die "rabbitmq-server is not installed and this host has no apt-get"
        say "installing Debian's rabbitmq-server (apt-get)"
        # Keep the package from starting (and enabling) the system service:
        # the broker runs from this script, with its data in $run.
        local policy=/usr/sbin/policy-rc.d made_policy=0
        if [[ ! -e $policy ]]; then
            printf '#!/bin/sh\nexit 101\n' >"$policy"
            chmod +x "$policy"
            made_policy=1
        fi
        local ok=1
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$run/apt.log" 2>&1 &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                rabbitmq-server >>"$run/apt.log" 2>&1 || ok=0
        if [[ $made_policy == 1 ]]; then rm -f "$policy"; fi
        [[ $ok == 1 ]] || die "apt-get install rabbitmq-server failed; see $run/apt.log"
        if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
            systemctl disable --now rabbitmq-server >/dev/null 2>&1 || true
        fi
    fi

    local rdir="$run/rabbitmq"
    mkdir -p "$rdir/mnesia" "$rdir/log" "$rdir/home"
    # The URL's user, password and vhost become the node's defaults (used
    # when its database is first created); guest/guest and / otherwise.
    local rest=${amqp_url#*://} user=guest pass=guest vhost=/
    if [[ "${rest%%/*}" == *@* ]]; then
        local userinfo=${rest%%@*}
        user=$(urldecode "${userinfo%%:*}")
        pass=$(urldecode "${userinfo#*:}")
    fi
    if [[ "$rest" == */?* ]]; then
        vhost=$(urldecode "${rest#*/}")
    fi
    # The management UI, unless its port is taken.
    local mgmt_port=${BAOCAO_LOCAL_RABBITMQ_MANAGEMENT_PORT:-15672} mgmt=""
    if listening 127.0.0.1 "$mgmt_port"; then
        warn "127.0.0.1:$mgmt_port is taken: RabbitMQ runs without its management UI"
        printf '[].\n' >"$rdir/enabled_plugins"
    else
        printf '[rabbitmq_management].\n' >"$rdir/enabled_plugins"
        mgmt=" (management UI: http://127.0.0.1:$mgmt_port, user $user)"
    fi
    cat >"$rdir/rabbitmq.conf" <<EOF
# Written by deploy/local/up.sh for the node $rabbit_node.
listeners.tcp.1 = 127.0.0.1:$amqp_port
default_user = $user
default_pass = $pass
default_vhost = $vhost
management.tcp.ip = 127.0.0.1
management.tcp.port = $mgmt_port
EOF
    if ! epmd -names >/dev/null 2>&1; then
        touch "$pids/epmd.started"
    fi
    say "starting RabbitMQ node $rabbit_node on 127.0.0.1:$amqp_port (data in $rdir)"
    (
        export HOME="$rdir/home"
        export RABBITMQ_NODENAME="$rabbit_node"
        export RABBITMQ_MNESIA_BASE="$rdir/mnesia"
        export RABBITMQ_LOG_BASE="$rdir/log"
        export RABBITMQ_CONFIG_FILE="$rdir/rabbitmq.conf"
        export RABBITMQ_ENABLED_PLUGINS_FILE="$rdir/enabled_plugins"
        export RABBITMQ_PID_FILE="$rdir/rabbitmq.pid"
        export RABBITMQ_DIST_PORT=$((amqp_port + 20000))
        export ERL_EPMD_ADDRESS=127.0.0.1
        export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        # The node works in its own directory, not the caller's: the caller's
        # may be deleted while the node runs, and rabbitmqctl then fails
        # against it with enoent (as .ci/start-rabbitmq.sh found).
        cd "$rdir"
        exec setsid "$rabbit_bin/rabbitmq-server" >"$run/rabbitmq.log" 2>&1 </dev/null 9>&-
    ) &
    echo $! >"$pids/rabbitmq.pid"
    local i pid
    pid=$(cat "$pids/rabbitmq.pid")
    for ((i = 0; i < 120; i++)); do
        amqp_answers 127.0.0.1 "$amqp_port" && break
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$run/rabbitmq.log" >&2
            die "RabbitMQ exited while starting; see $run/rabbitmq.log and $rdir/log"
        fi
        sleep 1
    done
    amqp_answers 127.0.0.1 "$amqp_port" || die "RabbitMQ did not answer in 120s; see $rdir/log"
    say "RabbitMQ is up$mgmt"
}

if amqp_answers "$amqp_host" "$amqp_port"; then
    if pid=$(recorded_pid rabbitmq) && is_ours rabbitmq "$pid"; then
        say "RabbitMQ: the node up.sh started before (pid $pid) answers at $amqp_host:$amqp_port"
    else
        rm -f "$pids/rabbitmq.pid"
        say "RabbitMQ: using the broker that answers at $amqp_host:$amqp_port (not started by up.sh; left alone)"
    fi
else
    rm -f "$pids/rabbitmq.pid"
    start_rabbitmq
fi

# --- 3. the build -------------------------------------------------------------

if [[ $build == 1 ]]; then
    say "building baocao-worker, baocao-query, baocao (cargo build --release; log $run/build.log)"
    (cd "$root" && cargo build --release -p baocao-worker -p baocao-query -p baocao-cli) 2>&1 |
        tee "$run/build.log" >&2 ||
        die "the build failed; see $run/build.log"
else
    say "--no-build: running the binaries in $bin_dir as they are"
fi
for b in baocao-worker baocao-query baocao; do
    [[ -x "$bin_dir/$b" ]] || die "the build made no $bin_dir/$b"
done
baocao="$bin_dir/baocao"

# --- 4. settings, token, services ---------------------------------------------

token_file="$run/demo-token"
if [[ ! -s "$token_file" ]]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$token_file")
fi
token=$(cat "$token_file")
token_sha256=$(printf %s "$token" | sha256sum | cut -d' ' -f1)
cat >"$run/baocao.toml" <<EOF
# Written by deploy/local/up.sh; rewritten at every run. Every setting:
# deploy/baocao.example.toml. The database, broker and addresses come from
# the environment up.sh sets (BAOCAO__DATABASE__URL, BAOCAO__AMQP__URL,
# BAOCAO__GRPC__ADDR, BAOCAO__METRICS__ADDR).

[log]
format = "text"
level = "info"

# The demo client; its token is in $token_file.
[[auth.clients]]
name = "local-demo"
token_sha256 = "$token_sha256"
scopes = ["read", "submit"]
EOF
# `baocao query` reads the API's address and the token from these.
export BAOCAO_TOKEN="$token"
export BAOCAO_ADDR="http://$grpc_addr"

for a in "$grpc_addr" "$worker_metrics" "$query_metrics"; do
    if listening "$(addr_host "$a")" "$(addr_port "$a" 0)"; then
        die "$a is taken by another program: stop it, or choose another address (BAOCAO__GRPC__ADDR, BAOCAO_LOCAL_WORKER_METRICS_ADDR, BAOCAO_LOCAL_QUERY_METRICS_ADDR)"
    fi
done

start_service() {
    local name=$1 metrics=$2
    say "starting baocao-$name (log $run/$name.log)"
    # NO_COLOR: the logs go to files, without terminal colour codes.
    NO_COLOR=1 BAOCAO__METRICS__ADDR="$metrics" setsid "$bin_dir/baocao-$name" \
        >>"$run/$name.log" 2>&1 </dev/null 9>&- &
    echo $! >"$pids/$name.pid"
}

wait_ready() {
    local name=$1 metrics=$2 i pid
    pid=$(cat "$pids/$name.pid")
    for ((i = 0; i < 600; i++)); do
        [[ "$(http_status "$metrics" /readyz)" == 200 ]] && return 0
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$run/$name.log" >&2
            die "baocao-$name exited; see $run/$name.log"
        fi
        sleep 0.2
    done
    tail -n 20 "$run/$name.log" >&2
    die "baocao-$name was not ready in 120s (http://$metrics/readyz); see $run/$name.log"
}

printf '\n=== %s up.sh\n' "$(date -Is)" >>"$run/worker.log"
printf '\n=== %s up.sh\n' "$(date -Is)" >>"$run/query.log"
start_service worker "$worker_metrics"
start_service query "$query_metrics"
wait_ready worker "$worker_metrics"
say "baocao-worker is ready (http://$worker_metrics/readyz)"
wait_ready query "$query_metrics"
# A real call over gRPC with the demo token: the API answers and the token
# is accepted.
for ((i = 0; i < 50; i++)); do
    "$baocao" query tasks --limit 1 >/dev/null 2>&1 && break
    sleep 0.2
done
"$baocao" query tasks --limit 1 >/dev/null ||
    die "the query service does not answer gRPC calls at $grpc_addr; see $run/query.log"
say "baocao-query is ready (gRPC $grpc_addr, http://$query_metrics/readyz)"

# --- 5. the sample report through the queue -----------------------------------

# A new message id every run, so every run shows the whole path; the same
# content a second time is recorded as a DUPLICATE of the report stored
# first, never stored twice.
say "submitting ${sample#"$root"/} as department $department"
echo "\$ baocao submit ${sample#"$root"/} --department $department"
message_id=$("$baocao" submit "$sample" --department "$department") ||
    die "baocao submit failed"
echo "$message_id"

say "waiting for the worker (baocao status $message_id)"
status=""
for ((i = 0; i < 300; i++)); do
    status=$("$baocao" status "$message_id" 2>/dev/null) || status=""
    case "$status" in
        *PARSED* | *DUPLICATE* | *REJECTED*) break ;;
    esac
    sleep 0.2
done
echo "\$ baocao status $message_id"
echo "$status"
case "$status" in
    *PARSED* | *DUPLICATE*) ;;
    *REJECTED*) die "the worker rejected the sample; see $run/worker.log" ;;
    *) die "no outcome for $message_id after 60s; see $run/worker.log" ;;
esac
report_id=$(printf '%s\n' "$status" | sed -n 's/^report[[:space:]]\{1,\}\([^[:space:]]\{1,\}\).*/\1/p' | head -n 1)

# Runs `baocao ARGS` and shows it as a command line a person can copy.
show() {
    local shown="" a
    for a in "$@"; do
        [[ "$a" == *" "* ]] && a="\"$a\""
        shown+=" $a"
    done
    printf '\n$ baocao%s\n' "$shown"
    "$baocao" "$@" || warn "baocao$shown failed"
}
if [[ -n "$report_id" ]]; then
    show query report "$report_id"
fi
show query series iip --issuer "$issuer"
show query series exports --issuer "$issuer"
show query tasks --issuer "$issuer" --limit 5

cat <<EOF

baocao runs on this host:
  gRPC API        $grpc_addr   (token: $token)
  metrics         http://$worker_metrics/metrics  http://$query_metrics/metrics
  database        $database_url
  broker          $amqp_url
  logs            $run/{worker,query,rabbitmq}.log
  command line    $baocao

Try:
  export BAOCAO_TOKEN=$token BAOCAO_ADDR=http://$grpc_addr
  export BAOCAO_CONFIG=$run/baocao.toml BAOCAO__DATABASE__URL=$database_url
  $baocao query tasks --text "giải ngân" --limit 3
  $baocao query search "giai ngan" --limit 3
  grpcurl -plaintext -H "authorization: Bearer $token" $grpc_addr list
EOF

finished=1
if [[ $detach == 1 ]]; then
    say "detached: deploy/local/down.sh stops everything up.sh started"
    exit 0
fi

# --- 6. foreground until Ctrl-C -----------------------------------------------

finished=0
say "running; Ctrl-C stops everything up.sh started"
while :; do
    if [[ -e "$pids/stopping" || ! -f "$pids/worker.pid" || ! -f "$pids/query.pid" ]]; then
        # deploy/local/down.sh is stopping (or has stopped) everything.
        finished=1
        say "stopped by deploy/local/down.sh"
        exit 0
    fi
    for name in worker query; do
        if ! recorded_pid "$name" >/dev/null; then
            tail -n 20 "$run/$name.log" >&2
            die "baocao-$name stopped; see $run/$name.log"
        fi
    done
    if [[ -f "$pids/rabbitmq.pid" ]] && ! recorded_pid rabbitmq >/dev/null; then
        die "RabbitMQ stopped; see $run/rabbitmq.log"
    fi
    sleep 2 &
    wait $! || true
done
