"""Aggregations (the core's `xianjie::aggregate`) as DataFrames."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import polars as pl
import pytest

import xianjie

COHORTS = {
    "schools": [
        {"id": "S1", "name": "甲校", "level": "secondary", "district": "110101"},
        {"id": "H1", "name": "乙院", "level": "higher", "independent": True},
    ],
    "projects": [
        {"id": "P1", "mode": "three_plus_two", "secondary_school": "S1", "higher_school": "H1",
         "secondary_major": {"code": "700206"}, "higher_major": {"code": "460702"},
         "standing": "newly_approved"},
    ],
    "cohorts": [
        {"project": "P1", "entry_year": 2020, "enrolled": 40, "graduated_secondary": 40,
         "transferred": 36},
        {"project": "P1", "entry_year": 2021, "enrolled": 40, "graduated_secondary": 30,
         "transferred": 30},
    ],
}


def _data() -> dict:
    try:
        xianjie.dataset(COHORTS)
    except xianjie.InputError as e:  # pragma: no cover - model drift shows here first
        pytest.fail(str(e.errors()))
    return COHORTS


def test_transfer_rates_exact() -> None:
    df = xianjie.transfer_rates(_data(), by=["project"])
    assert isinstance(df, pd.DataFrame)
    row = df.iloc[0]
    assert row["project"] == "P1"
    assert row["fraction"] == "66/70"
    assert isinstance(row["rate"], Decimal) and row["rate"] * 70 == pytest.approx(66)
    assert (row["graduated"], row["transferred"]) == (70, 66)
    # The float twin plots.
    assert df["rate_float"].dtype == "float64" and row["rate_float"] == pytest.approx(66 / 70)
    assert df["graduated"].dtype == "int64"


def test_transfer_rates_by_district_polars() -> None:
    df = xianjie.transfer_rates(_data(), by=["district", "entry_year"], frame="polars")
    assert isinstance(df, pl.DataFrame)
    assert df.height == 2 and set(df["district"]) == {"110101"}
    assert list(df["fraction"]) == ["36/40", "30/30"]
    assert df["rate"].to_list() == [Decimal("0.9"), Decimal("1")]
    assert df.schema["rate_float"] == pl.Float64 and df["rate_float"].to_list() == [0.9, 1.0]


def test_unknown_grouping_is_value_error() -> None:
    with pytest.raises(ValueError):
        xianjie.transfer_rates(_data(), by=["colour"])
    with pytest.raises(ValueError):
        xianjie.transfer_rates(_data(), frame="excel")


def test_sample_aggregations() -> None:
    data = xianjie.sample("bj-3p2-2024")
    rates = xianjie.transfer_rates(data, by=["district"])
    assert len(rates) > 1 and rates["district"].is_unique
    assert all(r is None or isinstance(r, Decimal) for r in rates["rate"])
    assert len(xianjie.enrollment_totals(data, by=["category"])) > 0
    summary = xianjie.summary(data)
    assert len(summary) == len(data["applications"])
    assert summary["submitted_at"].dropna().map(lambda t: t.tzinfo is not None).all()
    compliance = xianjie.semester_compliance(data)
    assert set(compliance["field"]) >= {"meetings", "joint_research", "teachers_dispatched"}


def test_targets_frame() -> None:
    df = xianjie.targets({"reporting_year": 2024})
    assert list(df.columns)[:3] == ["rule_id", "year", "value"]
