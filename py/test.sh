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
  # No wheel cache: these wheels are installed once per venv, and the cache (~0.5-1 GB) only fills disk.
  "$PY" -m pip install --quiet --disable-pip-version-check --no-cache-dir -r "$REQS"
  cp "$REQS" "$STAMP"
fi

echo "== building the manylinux2014 wheel (release, linked with zig)"
WHEELS="$ROOT/target/py-wheels"
rm -rf "$WHEELS"
start=$(date +%s)
# maturin finds zig through the `ziglang` module of the Python on PATH. manylinux2014 (glibc 2.17)
# is what pip on older servers (CentOS 7, 麒麟/统信 builds of that age) still installs.
(cd "$ROOT/py" && PATH="$VENV/bin:$PATH" "$VENV/bin/maturin" build --release --quiet --zig \
  --compatibility manylinux2014 --interpreter "$PY" --out "$WHEELS")
echo "   wheel built in $(( $(date +%s) - start ))s: $(ls "$WHEELS")"
echo "== checking the wheel (tags, files, licences, metadata, auditwheel)"
PATH="$VENV/bin:$PATH" "$PY" "$ROOT/py/tools/check_wheels.py" "$WHEELS" --expect manylinux2014_x86_64
"$VENV/bin/twine" check --strict "$WHEELS"/xianjie-*.whl

echo "== smoke test in a bare venv (no pandas, polars or pyarrow)"
BARE="$ROOT/target/py-bare-venv"
rm -rf "$BARE"
python3 -m venv "$BARE"
"$BARE/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$WHEELS"/xianjie-*.whl
(cd "$ROOT/target" && "$BARE/bin/python" - <<'PY'
import importlib.util, xianjie
for absent in ("pandas", "polars", "pyarrow"):
    assert importlib.util.find_spec(absent) is None, f"{absent} is installed in the bare venv"
report = xianjie.check(xianjie.sample("bj-3p2-2024"))
assert report.findings, "the Beijing sample has findings"
f = report.findings[0]
assert f.rule_id and f.message.zh and f.message.en, f
print(f"   bare venv: {len(report.findings)} findings on the Beijing sample; first {f.rule_id}")
PY
)
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEELS"/xianjie-*.whl

# Run from the repo root so `import xianjie` is the installed wheel, not the source tree.
cd "$ROOT"
echo "== stubtest"
"$PY" -m mypy.stubtest xianjie --allowlist "$ROOT/py/stubtest-allowlist.txt"

echo "== pytest"
"$PY" -m pytest "$ROOT/py/tests" -q -p no:cacheprovider
