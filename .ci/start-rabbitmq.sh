#!/usr/bin/env bash
# Starts a RabbitMQ node for the worker's integration tests and bench,
# without systemd: Debian's rabbitmq-server (installed when missing), run as
# the current user with its own node name, database and logs under
# $BAOCAO_RABBITMQ_BASE, listening on 127.0.0.1:5672 with the default guest
# account. Idempotent: when the node this script started last is still up,
# it does nothing.
#
# Tests connect to $BAOCAO_TEST_AMQP_URL, by default amqp://127.0.0.1:5672/%2f;
# nothing is exported here. The tests that restart the broker use the
# control script this writes, $BAOCAO_RABBITMQ_BASE/rabbitmqctl, which talks
# to this node (e.g. `rabbitmqctl stop_app`).
#
#   BAOCAO_RABBITMQ_BASE  state directory (default /tmp/baocao-rabbitmq)
#   BAOCAO_RABBITMQ_PORT  AMQP port (default 5672)
set -euo pipefail

base=${BAOCAO_RABBITMQ_BASE:-/tmp/baocao-rabbitmq}
port=${BAOCAO_RABBITMQ_PORT:-5672}
bin=/usr/lib/rabbitmq/bin
ctl="$base/rabbitmqctl"

listening() {
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

if [ -x "$ctl" ] && "$ctl" -q await_startup --timeout 10 >/dev/null 2>&1 && listening; then
    echo "start-rabbitmq: node $("$ctl" eval 'node().' 2>/dev/null | tr -d "'") already runs on 127.0.0.1:$port"
    exit 0
fi

if listening; then
    echo "start-rabbitmq: port $port is taken by a broker this script did not start;" \
        "tests will use it, but those that restart the broker need $ctl" >&2
    exit 0
fi

if [ ! -x "$bin/rabbitmq-server" ]; then
    echo "start-rabbitmq: installing rabbitmq-server"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq rabbitmq-server >/dev/null
fi

# A node name of its own for this start, so a stale node directory or a
# half-stopped node of an earlier run never gets in the way.
node="baocao-$(date +%s)-$$@localhost"
mkdir -p "$base"
rm -rf "$base"/node-*
dir="$base/node-${node%@*}"
mkdir -p "$dir/mnesia" "$dir/log"
printf '[].\n' >"$dir/enabled_plugins"

cat >"$base/env" <<EOF
export RABBITMQ_NODENAME='$node'
export RABBITMQ_USE_LONGNAME=false
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$port
export RABBITMQ_DIST_PORT=$((port + 20000))
export RABBITMQ_MNESIA_BASE='$dir/mnesia'
export RABBITMQ_LOG_BASE='$dir/log'
export RABBITMQ_ENABLED_PLUGINS_FILE='$dir/enabled_plugins'
export RABBITMQ_CONFIG_FILE='$dir/rabbitmq'
export RABBITMQ_ADVANCED_CONFIG_FILE='$dir/advanced.config'
export RABBITMQ_PID_FILE='$dir/pid'
# Erlang distribution (rabbitmqctl's channel to the node) on loopback only.
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
EOF
# Tests run on a small machine with a full disk cache: keep the node from
# blocking publishers on its default memory and disk alarms.
cat >"$dir/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$port
loopback_users.guest = true
vm_memory_high_watermark.absolute = 2GB
disk_free_limit.absolute = 50MB
EOF
printf '[].\n' >"$dir/advanced.config"

cat >"$ctl" <<EOF
#!/usr/bin/env bash
# rabbitmqctl for the test node started by .ci/start-rabbitmq.sh.
. '$base/env'
exec $bin/rabbitmqctl -n "\$RABBITMQ_NODENAME" "\$@"
EOF
chmod +x "$ctl"

echo "start-rabbitmq: starting node $node on 127.0.0.1:$port"
(
    . "$base/env"
    # The node keeps the directory it starts in as its working directory,
    # and resolves relative paths against it when it stops: started from a
    # checkout that is later deleted, `rabbitmqctl stop_app` fails with
    # enoent. Its own base directory outlives any checkout.
    cd "$base"
    # -detached forks the node and returns at once.
    "$bin/rabbitmq-server" -detached >"$dir/log/startup.log" 2>&1
)

for _ in $(seq 1 90); do
    if "$ctl" -q await_startup --timeout 5 >/dev/null 2>&1 && listening; then
        echo "start-rabbitmq: ready at amqp://127.0.0.1:$port/%2f (control: $ctl)"
        exit 0
    fi
    sleep 1
done
echo "start-rabbitmq: node $node did not start; see $dir/log" >&2
tail -n 30 "$dir"/log/*.log >&2 || true
exit 1
