#!/usr/bin/env bash
# Runs every test of baocao: the README's test command, and what .ci/run
# runs after its lint steps. Starts what the tests need first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo test --workspace --all-targets
