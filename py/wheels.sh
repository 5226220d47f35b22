#!/usr/bin/env bash
# Builds the Python distributions for where commission staff work, from this one Linux machine,
# and checks each (py/tools/check_wheels.py): manylinux2014 and musllinux_1_2 for x86_64 and
# aarch64, Windows x86_64, macOS x86_64 and arm64 (all cross-built with zig, from PyPI `ziglang`),
# and the sdist (builds anywhere with a Rust toolchain).
#
#   py/wheels.sh [OUT_DIR] [TARGET ...]      (default OUT_DIR: target/py-dist; default: every target)
#
# A target that cannot be built here is reported with the reason and the script goes on; the exit
# status is non-zero if any target failed or any built artifact fails its check. Every wheel is one
# abi3 wheel for CPython ≥ 3.9. Long (a release build per target): not part of the test command,
# which builds and checks the manylinux2014 x86_64 wheel only (py/test.sh).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
OUT="${1:-$ROOT/target/py-dist}"
shift || true
ALL=(x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-unknown-linux-musl
  aarch64-unknown-linux-musl x86_64-pc-windows-gnu x86_64-apple-darwin aarch64-apple-darwin)
TARGETS=("${@:-${ALL[@]}}")

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  "$(grep '^maturin==' "$ROOT/py/requirements-dev.txt")" ziglang==0.17.1 auditwheel==6.8.2 twine==7.0.0
# maturin finds zig through the `ziglang` module of the Python on PATH.
export PATH="$VENV/bin:$PATH"
mkdir -p "$OUT"
rm -f "$OUT"/xianjie-*

failed=()
for target in "${TARGETS[@]}"; do
  case "$target" in
    *-linux-gnu) compat=(--compatibility manylinux2014) ;;
    *-linux-musl) compat=(--compatibility musllinux_1_2) ;;
    *) compat=() ;;
  esac
  echo "== $target"
  rustup target add "$target" >/dev/null 2>&1 || true
  start=$(date +%s)
  if (cd "$ROOT/py" && maturin build --release --quiet --zig --target "$target" "${compat[@]}" --out "$OUT"); then
    echo "   built in $(( $(date +%s) - start ))s"
  else
    echo "   FAILED: $target (see the messages above)" >&2
    failed+=("$target")
  fi
done

echo "== sdist"
(cd "$ROOT/py" && maturin sdist --out "$OUT") || failed+=(sdist)

echo "== checking $OUT"
ls -l "$OUT"
"$VENV/bin/python" "$ROOT/py/tools/check_wheels.py" "$OUT" || failed+=(check)
"$VENV/bin/python" -m twine check --strict "$OUT"/xianjie-* || failed+=(twine)

if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
