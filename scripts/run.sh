#!/usr/bin/env bash
# The main job: build the CLI and check the bundled Beijing 2024 sample against the Beijing
# "3+2" notice (京教函〔2024〕51号), printing every finding with its clause.
# Extra arguments go to `xianjie check` (e.g. --lang en, --format json, a FILE).
# Exit code: 0 no error finding, 1 error findings (the sample has some on purpose), 2 unusable input.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "cargo not found: install Rust from https://rustup.rs" >&2; exit 2; }
cargo build --release --quiet -p xianjie-cli
if [ "$#" -eq 0 ]; then set -- --pack bj-3p2-2024; fi
exec ./target/release/xianjie check "$@"
