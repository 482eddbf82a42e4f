#!/usr/bin/env bash
# A short coverage-guided fuzzing run of the parser (libFuzzer through
# cargo-fuzz, on the stable toolchain: no sanitizer), seeded with the
# reports in testdata/. Fails on any crash, panic, hang (10 s) or memory
# blow-up, leaving the input in crates/parser/fuzz/artifacts/parse/.
#
# BAOCAO_FUZZ_SECS (default 60) sets the length. Longer runs: see
# crates/parser/fuzz/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../crates/parser/fuzz"

secs="${BAOCAO_FUZZ_SECS:-60}"
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz 0.13.2"
    cargo install cargo-fuzz --version 0.13.2 --locked
fi
mkdir -p corpus/parse
cargo fuzz build -s none -O parse
cargo fuzz run -s none -O parse corpus/parse ../../../testdata/reports ../../../testdata/reports/samples \
    -- -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
