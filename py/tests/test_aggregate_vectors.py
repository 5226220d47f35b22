"""The shared aggregation vectors (tests/aggregate/*.json, also run by the Rust and JS suites): the
core's rows behind ``xianjie.transfer_rates`` and friends are exactly the expected ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

import pytest

import xianjie
from xianjie import _native

ROOT = Path(__file__).resolve().parents[2]
VECTOR_DIR = ROOT / "tests" / "aggregate"
VECTORS = sorted(VECTOR_DIR.glob("*.json"))


def _rows(v: Dict[str, Any]) -> Any:
    ds = xianjie.dataset(v["data"])
    by = v.get("by", ["district"])
    kind = v["aggregate"]
    if kind == "transfer_rates":
        return json.loads(_native.transfer_rates(ds, by))
    if kind == "enrollment_totals":
        return json.loads(_native.enrollment_totals(ds, by))
    if kind == "application_summary":
        return json.loads(_native.application_summary(ds))
    if kind == "semester_compliance":
        return json.loads(_native.semester_compliance(ds))
    if kind == "status_campaign":
        return json.loads(_native.status_campaign(ds))
    if kind in ("summary", "application_sheets", "pilot_tables", "major_ledger"):
        # The report-based tables: the vector's packs and parameters, as the Rust and JS runners.
        report = xianjie.check(ds, packs=v.get("packs", []), params=v.get("params", {}))
        return json.loads(getattr(_native, kind)(ds, report._native))
    raise AssertionError(f"unknown aggregate {kind}")


def test_vectors_found() -> None:
    assert len(VECTORS) >= 10, "no aggregation vectors under tests/aggregate"


@pytest.mark.parametrize("path", VECTORS, ids=lambda p: p.name)
def test_aggregate_vector(path: Path) -> None:
    v = json.loads(path.read_text("utf-8"))
    rows = _rows(v)
    if rows is None:
        pytest.skip("no Python function for this aggregate")
    assert rows == v["expected"]
