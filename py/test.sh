#!/usr/bin/env bash
# Builds the Python package and runs its checks: stubtest, then pytest (vectors, DataFrames,
# errors, GIL release, the notebook). Idempotent; works on a fresh machine with python3 and cargo.
# Creates .venv at the repo root if missing. Exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
REQS="$ROOT/py/requirements-dev.txt"
STAMP="$VENV/.xianjie-requirements-dev.txt"

if [ ! -x "$PY" ]; then
  echo "== creating $VENV"
  python3 -m venv "$VENV"
fi
if ! cmp -s "$REQS" "$STAMP"; then
  echo "== installing development requirements"
  "$PY" -m pip install --quiet --disable-pip-version-check -r "$REQS"
  cp "$REQS" "$STAMP"
fi

echo "== building the wheel (release)"
WHEELS="$ROOT/target/py-wheels"
rm -rf "$WHEELS"
start=$(date +%s)
(cd "$ROOT/py" && "$VENV/bin/maturin" build --release --quiet --interpreter "$PY" --out "$WHEELS")
echo "   wheel built in $(( $(date +%s) - start ))s: $(ls "$WHEELS")"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEELS"/xianjie-*.whl

# Run from the repo root so `import xianjie` is the installed wheel, not the source tree.
cd "$ROOT"
echo "== stubtest"
"$PY" -m mypy.stubtest xianjie --allowlist "$ROOT/py/stubtest-allowlist.txt"

echo "== pytest"
"$PY" -m pytest "$ROOT/py/tests" -q -p no:cacheprovider
