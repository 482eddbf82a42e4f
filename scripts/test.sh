#!/usr/bin/env bash
# Runs every test of baocao: the README's test command, and what .ci/run
# runs after its lint steps. Starts what the tests need first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The store's behaviour suite runs against PostgreSQL too (BAOCAO_TEST_PG_URL,
# default postgres://postgres@127.0.0.1:5432/postgres); BAOCAO_SKIP_PG=1 skips it.
if [ "${BAOCAO_SKIP_PG:-}" != 1 ]; then
    bash .ci/start-postgres.sh
fi

# The worker's and the CLI's integration tests run against RabbitMQ
# (BAOCAO_TEST_AMQP_URL, default amqp://127.0.0.1:5672/%2f); BAOCAO_SKIP_RABBITMQ=1
# skips starting one here (the tests still need the broker that URL names).
if [ "${BAOCAO_SKIP_RABBITMQ:-}" != 1 ]; then
    bash .ci/start-rabbitmq.sh
fi

cargo test --workspace --all-targets
