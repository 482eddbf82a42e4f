#!/usr/bin/env bash
# Lints the protobuf contract (buf.yaml, proto/baocao/v1/*.proto) with buf:
# `buf lint` (STANDARD + COMMENTS) and `buf format` (no diff allowed).
#
# buf comes from PyPI (package buf-bin, which ships the official binary in
# its wheel), pinned, in a virtualenv under target/; it is installed there
# when missing or of another version. Needs python3 and PyPI, nothing else.
# BUF_VENV overrides the virtualenv's location.
set -euo pipefail

BUF_VERSION="1.75.0"

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

venv="${BUF_VENV:-$root/target/buf-venv}"
buf="$venv/bin/buf"

if [[ ! -x "$buf" ]] || [[ "$("$buf" --version 2>/dev/null || true)" != "$BUF_VERSION" ]]; then
    echo "buf-lint: installing buf $BUF_VERSION (PyPI buf-bin) into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "buf-bin==$BUF_VERSION"
fi

echo "buf-lint: buf $("$buf" --version)" >&2
"$buf" lint
"$buf" format --diff --exit-code
echo "buf-lint: ok" >&2
