"""DataFrames in (pandas, polars, pyarrow; converted column by column) and out."""

from __future__ import annotations

import json
import math
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import xianjie

# Data that names no school (so no region): judged by the pack named (issue 13).
BJ = "bj-3p2-2024"

ROWS = {
    "project": ["P1", "P2", "P3"],
    "semester": ["2023-2024-1", "2023-2024-1", "2023-2024-2"],
    "meetings": [1, 2, None],  # a gap: pandas stores this column as float64 with NaN
    "joint_research": [3, 3, 3],
    "teachers_dispatched": [5, 5, 5],
}
# Row 0 has too few meetings; row 2 gives none.
EXPECTED = {"semester_activities[0].meetings", "semester_activities[2].meetings"}


def _paths(report: xianjie.Report, rule: str) -> set:
    return {f.path for f in report.findings if f.rule_id == rule}


def _dict_report() -> xianjie.Report:
    rows = [
        {k: v[i] for k, v in ROWS.items() if v[i] is not None} for i in range(len(ROWS["project"]))
    ]
    return xianjie.check({"reporting_year": 2024, "semester_activities": rows}, packs=BJ)


def test_pandas_in_matches_dict() -> None:
    df = pd.DataFrame(ROWS)
    assert df["meetings"].dtype == "float64" and math.isnan(df["meetings"][2])
    report = xianjie.check({"reporting_year": 2024, "semester_activities": df}, packs=BJ)
    assert report.to_dict()["findings"] == _dict_report().to_dict()["findings"]
    assert _paths(report, "bj-3p2-2024/semester-meetings") == EXPECTED


def test_polars_in_matches_dict() -> None:
    df = pl.DataFrame(ROWS)
    report = xianjie.check({"reporting_year": 2024, "semester_activities": df}, packs=BJ)
    assert report.to_dict()["findings"] == _dict_report().to_dict()["findings"]


def test_arrow_table_in() -> None:
    table = pa.table(ROWS)
    report = xianjie.check({"reporting_year": 2024, "semester_activities": table}, packs=BJ)
    assert _paths(report, "bj-3p2-2024/semester-meetings") == EXPECTED


def test_nested_columns_by_dotted_name() -> None:
    df = pd.DataFrame(
        {
            "id": ["A1"],
            "year": [2024],
            "secondary_school": ["S1"],
            "higher_school": ["H1"],
            "secondary_major.code": ["700206"],
            "higher_major.code": ["460702"],
            "rank": [1],
            "attachments.sealed_form_pdf": ["form.doc"],
        }
    )
    report = xianjie.check({"reporting_year": 2024, "applications": df}, packs=BJ)
    paths = {f.path for f in report.findings if f.rule_id == "bj-3p2-2024/application-attachments"}
    assert any(p.startswith("applications[0].attachments") for p in paths)


def test_frame_error_shows_the_cell() -> None:
    df = pd.DataFrame({"project": ["P1"], "semester": ["2023-2024-1"], "meetings": [1.5]})
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check({"semester_activities": df}, packs=BJ)
    e = info.value.errors()[0]
    # Read from columns, the core names the cell (row 2: the header is row 1) and the field.
    assert e["path"] == "semester_activities!C2 meetings"
    assert e["input"] == 1.5


def test_unknown_column_is_refused() -> None:
    df = pl.DataFrame({"project": ["P1"], "semester": ["2023-2024-1"], "colour": ["red"]})
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check({"semester_activities": df}, packs=BJ)
    e = info.value.errors()[0]
    assert e["path"] == "semester_activities!C1" and "colour" in e["msg_en"]
    assert e["input"] == "colour"


@pytest.fixture
def report(failing: dict) -> xianjie.Report:
    return xianjie.check(failing, packs=BJ)


def test_to_pandas(report: xianjie.Report) -> None:
    df = report.to_pandas(lang="en")
    assert list(df["rule_id"]) == ["bj-3p2-2024/semester-meetings"]
    assert isinstance(df["rule_id"].dtype, pd.CategoricalDtype)
    assert df["path"][0] == "semester_activities[0].meetings"
    assert df["remedy"][0].startswith("1 more meeting")
    # 1 meeting against a minimum of 2: exact decimals, and float twins that plot.
    assert (df["value"][0], df["bound"][0]) == (Decimal(1), Decimal(2))
    assert df["value_f64"].dtype == "float64" and df["bound_f64"][0] == 2.0


def test_to_polars(report: xianjie.Report) -> None:
    df = report.to_polars()
    assert df.height == 1 and df["severity"][0] == "error"
    assert "message" not in df.columns  # words only when asked for
    empty = xianjie.check({"reporting_year": 2024}, packs=BJ).to_polars()
    assert empty.height == 0 and empty.schema["rule_id"] == pl.Categorical


def test_to_arrow_and_capsule(report: xianjie.Report) -> None:
    table = report.to_arrow()
    assert table.num_rows == 1 and table.column("code")[0].as_py() == "below_minimum"
    # Any Arrow consumer can read a Report directly through the PyCapsule stream.
    assert pa.table(report).equals(table)
    assert pl.DataFrame(report).height == 1


@pytest.mark.parametrize(
    "value, text",
    [
        (0.1, "0.1"),
        (0.30000000000000004, "0.30000000000000004"),
        (1e-7, "0.0000001"),
        (2.5, "2.5"),
        (Decimal("12.50"), "12.50"),
        (Decimal("1E+2"), "100"),
    ],
)
def test_float_and_decimal_cross_exactly(value: object, text: str) -> None:
    # A text field shows the exact digits that cross: repr(float)'s shortest round-trip digits
    # for floats, every digit for Decimals.
    ds = xianjie.dataset({"name": value})
    assert ds.name == text
    if isinstance(value, float):
        assert float(text) == value and Decimal(text) == Decimal(repr(value))


def test_aware_datetimes_from_frames() -> None:
    bj = timezone(timedelta(hours=8))
    when = [datetime(2023, 12, 1, 10, 0, tzinfo=bj), None]
    rows = {"school": ["S1", "S2"], "year": [2023, 2023], "completed_at": when}
    for frame in (pd.DataFrame(rows), pl.DataFrame(rows)):
        ds = xianjie.dataset({"quality_monitoring": frame})
        qm = json.loads(ds.to_json_pretty())["quality_monitoring"]
        assert qm[0]["completed_at"].startswith("2023-12-01T") and "completed_at" not in qm[1]
    # A column of timestamps without a time zone is Beijing wall time (the core's rule for
    # columns); a naive datetime among Python values is refused (test_api).
    naive = pd.DataFrame({"school": ["S1"], "year": [2023], "completed_at": [datetime(2023, 12, 1, 10)]})
    qm = json.loads(xianjie.dataset({"quality_monitoring": naive}).to_json_pretty())
    assert qm["quality_monitoring"][0]["completed_at"] == "2023-12-01T10:00:00+08:00"


def _campus(dorm: object) -> dict:
    return {
        "school": ["S1"], "higher_school": ["H1"], "year": [2024], "students": [180],
        "teaching_admin_area": [2700.0], "land_area": [9720], "dormitory_area": [dorm],
        "equipment_value": [1800000.0], "equipment_added": [180000],
        "full_time_teachers": [10], "masters_teachers": [5], "senior_title_teachers": [3],
        "ideology_teachers": [1], "counselors": [1], "mental_health_teachers": [1],
    }


@pytest.mark.parametrize("make", [pd.DataFrame, pl.DataFrame])
@pytest.mark.parametrize("dorm, fails", [(1169.99, True), (1170.0, False), (Decimal("1169.99"), True)])
def test_decimal_fields_from_frames_are_exact(make: object, dorm: object, fails: bool) -> None:
    # 1169.99 m² for 180 students is below 6.5 m² each (180 × 6.5 = 1170): decided exactly, so the
    # float 1169.99 must cross as the decimal 1169.99, and 1170.0 as 1170.
    data = {
        "reporting_year": 2024,
        "schools": [{"id": "S1", "name": "衢州中等专业学校", "level": "secondary"},
                    {"id": "H1", "name": "衢州职业技术学院", "level": "higher"}],
        "higher_campuses": make(_campus(dorm)),  # type: ignore[operator]
    }
    ds = xianjie.dataset(data)
    campus = json.loads(ds.to_json_pretty())["higher_campuses"][0]
    assert campus["dormitory_area"] == ("1170" if not fails else "1169.99")
    report = xianjie.check(ds, packs=["qz-pilot-2024"])
    paths = {f.path for f in report.findings if f.rule_id == "qz-pilot-2024/dorm-area-per-student"}
    assert paths == ({"higher_campuses[0].dormitory_area"} if fails else set())
