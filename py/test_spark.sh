#!/usr/bin/env bash
# xianjie.spark in local mode: PySpark from PyPI (py/requirements-spark.txt) on Java 17, the
# tests of py/tests_spark (findings, statuses and targets equal to one xianjie.check). Run after
# py/test.sh (it uses the venv and the wheel that script installs). Installs Java 17 from Debian
# (openjdk-17-jre-headless) when no java is on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
REQS="$ROOT/py/requirements-spark.txt"
STAMP="$VENV/.xianjie-requirements-spark.txt"

if ! command -v java >/dev/null; then
  echo "== installing Java 17 (openjdk-17-jre-headless)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y openjdk-17-jre-headless \
    || { $SUDO apt-get update && $SUDO apt-get install -y openjdk-17-jre-headless; }
fi
if ! cmp -s "$REQS" "$STAMP"; then
  echo "== installing PySpark"
  "$PY" -m pip install --quiet --disable-pip-version-check --no-cache-dir -r "$REQS"
  cp "$REQS" "$STAMP"
fi

cd "$ROOT"
start=$(date +%s)
PYSPARK_PYTHON="$PY" "$PY" -m pytest "$ROOT/py/tests_spark" -q -p no:cacheprovider
echo "   Spark tests in $(( $(date +%s) - start ))s"
