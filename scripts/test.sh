#!/usr/bin/env bash
# Every test: Rust (fmt, clippy, unit, doc, vectors, docs freshness), Python (pytest, stubtest,
# notebook) and JavaScript (Node vectors, headless Chromium). Installs what it needs on a fresh
# machine (Debian + Rust toolchain): Python venv packages, npm packages, wasm tools, Chromium.
# Set XIANJIE_SKIP=py,spark,wasm,fuzz,print to skip parts while developing.
set -euo pipefail
cd "$(dirname "$0")/.."
skip="${XIANJIE_SKIP:-}"
# Each step names the disk space left: a full disk is the one failure a fresh machine can hit
# that no test names (it stopped CI once, in pip, after the Rust steps had filled the disk).
step() { printf '\n==> %s  [%s free]\n' "$*" "$(df -h --output=avail . | tail -n 1 | tr -d ' ')"; }
# A fresh machine gains nothing from incremental caches (several GB under target/debug); a
# developer who sets CARGO_INCREMENTAL keeps theirs.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "Rust: format"
cargo fmt --all -- --check

step "Rust: clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "Rust: API docs (rustdoc warnings are errors)"
# Every feature, as docs.rs builds it (`package.metadata.docs.rs`), and the defaults alone.
RUSTDOCFLAGS="-D warnings" cargo doc -p xianjie --no-deps --all-features --quiet
RUSTDOCFLAGS="-D warnings" cargo doc -p xianjie --no-deps --quiet

if [[ ",$skip," != *",print,"* ]] && ! { command -v soffice && command -v pdftotext; } >/dev/null; then
  step "Installing LibreOffice (headless Calc) and poppler: the summary workbook is printed to PDF"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y libreoffice-calc-nogui poppler-utils fonts-wqy-zenhei \
    || { $SUDO apt-get update && $SUDO apt-get install -y libreoffice-calc-nogui poppler-utils fonts-wqy-zenhei; }
fi

step "Rust: tests (unit, integration, shared vectors, doctests, the summary workbook printed)"
cargo test --workspace --no-fail-fast --quiet 2>&1 | tee target/rust-tests.log
grep -q "test result: ok" target/rust-tests.log

step "Rust: without the embedded reference tables (as in the wasm checking module)"
cargo clippy -p xianjie --no-default-features --quiet -- -D warnings
cargo test -p xianjie --no-default-features --quiet --test reference_loaded_at_run_time
cargo test -p xianjie --no-default-features --features lean-packs --quiet --test lean_packs

step "Rust: default features (a JSON service: no calamine, rust_xlsxwriter or Arrow)"
cargo clippy -p xianjie --lib --quiet -- -D warnings
if cargo tree -p xianjie -e normal --prefix none | grep -E '^(calamine|rust_xlsxwriter|zip|arrow-array) '; then
  echo "the default features of xianjie pull in a table or Arrow crate"; exit 1
fi

step "Rust: the crate as published (cargo package, cargo publish --dry-run)"
cargo package -p xianjie --allow-dirty --quiet --list > target/package-files.txt
for f in README.md LICENSE-MIT LICENSE-APACHE Cargo.toml build.rs packs/bj-3p2-2024.toml examples/service.rs; do
  grep -qx "$f" target/package-files.txt || { echo "cargo package: $f missing"; exit 1; }
done
# Any warning (a missing field, a file left out) fails the step, but the dry run's own notice.
cargo publish -p xianjie --dry-run --allow-dirty 2>&1 | tee target/publish.log
if grep "^warning" target/publish.log | grep -v "aborting upload due to dry run"; then
  echo "cargo publish --dry-run warned"; exit 1
fi

step "Rust: the CLI on the bundled samples"
cargo build --quiet -p xianjie-cli
for s in $(./target/debug/xianjie sample); do
  set +e; ./target/debug/xianjie check <(./target/debug/xianjie sample "$s") >/dev/null; rc=$?; set -e
  [ "$rc" -le 1 ] || { echo "xianjie check on sample $s exited $rc"; exit 1; }
done

step "Hostile input on the CLI: generated bombs and broken files (tests/hostile/cases.json)"
XIANJIE_BIN=target/debug/xianjie tests/hostile/run_cli.sh

if [[ ",$skip," != *",fuzz,"* ]]; then
  step "Fuzz: every cargo-fuzz target, ${XIANJIE_FUZZ_SECONDS:-60} s each (nightly; scripts/fuzz.sh)"
  scripts/fuzz.sh "${XIANJIE_FUZZ_SECONDS:-60}"
fi

if [[ ",$skip," != *",py,"* ]] && [ -x py/test.sh ]; then
  step "Python"
  py/test.sh
fi

if [[ ",$skip," != *",py,"* && ",$skip," != *",spark,"* ]]; then
  step "Python: xianjie.spark in local mode (PySpark, Java 17; py/test_spark.sh)"
  py/test_spark.sh
fi

if [[ ",$skip," != *",wasm,"* ]] && [ -x wasm/test.sh ]; then
  step "JavaScript (wasm, Node, browser)"
  wasm/test.sh
fi

step "All tests passed"
