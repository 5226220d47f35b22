#!/usr/bin/env bash
# The hostile-input suite on the CLI: builds the CLI (debug, unless XIANJIE_BIN is given), writes
# the inputs (tests/hostile/make.py) to a temporary directory and checks every case of
# tests/hostile/cases.json with a 10 s timeout and a 2 GiB memory limit. Last line: N passed, N failed.
#   tests/hostile/run_cli.sh [CASE_ID...]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${XIANJIE_BIN:-}" ]; then
  cargo build --quiet -p xianjie-cli
  export XIANJIE_BIN=target/debug/xianjie
fi
exec python3 tests/hostile/run_cli.py --bin "$XIANJIE_BIN" "$@"
