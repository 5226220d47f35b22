"""Arrow in and out: collections given as Arrow (pyarrow, polars, pandas, duckdb) are read by the
core from their columns and give the findings the dict input gives; findings come back as a
table with no Python object per finding; the report shows its first rows only."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Dict, List, Set, Tuple

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import xianjie

# Data that names no school (so no region): judged by the pack named (issue 13).
BJ = "bj-3p2-2024"

# Fields the samples give as exact decimal text (money, areas): typed Decimal128 here.
DECIMALS = {
    "teaching_admin_area", "land_area", "dormitory_area", "equipment_value", "equipment_added",
    "tuition_collected", "tuition_passed_on", "fees_collected", "fees_passed_on",
    "appropriation_per_student", "appropriation_paid",
}
# Id columns given dictionary-encoded (categorical), as analysts' frames hold them.
IDS = {"school", "higher_school", "secondary_school", "project", "filed_by"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$")


def _flat(record: Dict[str, Any], prefix: str = "") -> Dict[str, Any]:
    """A record with nested objects as dotted columns (`agreement.signed_on`); lists stay."""
    out: Dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, f"{name}."))
        else:
            out[name] = value
    return out


def _typed(name: str, values: List[Any]) -> List[Any]:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, str) for v in present):
        if name.split(".")[-1] in DECIMALS:
            return [None if v is None else Decimal(v) for v in values]
        if all(DATE.match(v) for v in present):
            return [None if v is None else date.fromisoformat(v) for v in values]
        if all(INSTANT.match(v) for v in present):
            return [None if v is None else datetime.fromisoformat(v) for v in values]
    return values


def arrow_tables(data: Dict[str, Any]) -> Dict[str, pa.Table]:
    """Each collection of ``data`` as a typed Arrow table: Decimal128 money and areas, Date32
    dates, timestamps with their offset, dictionary-encoded ids, list<struct> certificates."""
    tables = {}
    for key, rows in data.items():
        if not isinstance(rows, list) or not rows:
            continue
        flat = [_flat(r) for r in rows]
        names: List[str] = []
        for r in flat:
            names.extend(n for n in r if n not in names)
        columns = {n: _typed(n, [r.get(n) for r in flat]) for n in names}
        table = pa.table({n: pa.array(v) for n, v in columns.items()})
        for i, n in enumerate(table.column_names):
            if n in IDS and pa.types.is_string(table.schema.field(n).type):
                table = table.set_column(i, n, table.column(n).dictionary_encode())
        tables[key] = table
    return tables


def _found(report: xianjie.Report) -> List[Tuple[str, str]]:
    return sorted((f.rule_id, f.path) for f in report.findings)


def _with(data: Dict[str, Any], tables: Dict[str, Any]) -> Dict[str, Any]:
    out = {k: v for k, v in data.items() if not isinstance(v, list)}
    out.update(tables)
    return out


@pytest.mark.parametrize("name", ["bj-3p2-2024", "qz-pilot-2024"])
def test_sample_as_arrow_and_polars_matches_dict(name: str) -> None:
    data = xianjie.sample(name)
    expected = _found(xianjie.check(data))
    assert expected, "the sample carries violations"
    tables = arrow_tables(data)
    types = {str(f.type) for t in tables.values() for f in t.schema}
    if name == "qz-pilot-2024":
        assert any(t.startswith("decimal128") for t in types)
        assert "date32[day]" in types
        assert any(t.startswith("list<item: struct") for t in types), types
    else:
        assert any(t.startswith("timestamp[us, tz=+08:00]") for t in types)
    assert any(t.startswith("dictionary") for t in types)
    assert _found(xianjie.check(_with(data, tables))) == expected
    frames = {k: pl.from_arrow(t) for k, t in tables.items()}
    assert _found(xianjie.check(_with(data, frames))) == expected


# The workbook's headers for semester activities (学期活动), as its template writes them.
HEADERS = {
    "project": "项目编号",
    "semester": "学期",
    "meetings": "专题业务沟通会次数",
    "joint_research": "双方教师教研活动次数",
    "teachers_dispatched": "派出教师人数",
}
SEMESTERS = {
    "project": ["P1", "P2", "P3"],
    "semester": ["2023-2024-1", "2023-2024-1", "2023-2024-2"],
    "meetings": [1, 2, 0],
    "joint_research": [3, 3, 3],
    "teachers_dispatched": [5, 5, 5],
}


def _semesters_dict() -> Dict[str, Any]:
    rows = [{k: v[i] for k, v in SEMESTERS.items()} for i in range(3)]
    return {"reporting_year": 2024, "semester_activities": rows}


def test_chinese_headers() -> None:
    expected = _found(xianjie.check(_semesters_dict(), packs=BJ))
    assert ("bj-3p2-2024/semester-meetings", "semester_activities[0].meetings") in expected
    table = pa.table({HEADERS[k]: v for k, v in SEMESTERS.items()})
    got = xianjie.check({"reporting_year": 2024, "semester_activities": table}, packs=BJ)
    assert _found(got) == expected


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: pa.table(SEMESTERS), id="pyarrow-table"),
        pytest.param(lambda: pa.table(SEMESTERS).to_batches()[0], id="pyarrow-batch"),
        pytest.param(lambda: pa.RecordBatchReader.from_batches(
            pa.table(SEMESTERS).schema, pa.table(SEMESTERS).to_batches()), id="pyarrow-reader"),
        pytest.param(lambda: pl.DataFrame(SEMESTERS), id="polars"),
        pytest.param(lambda: pl.DataFrame(SEMESTERS).lazy(), id="polars-lazy"),
        pytest.param(lambda: pd.DataFrame(SEMESTERS), id="pandas"),
    ],
)
def test_every_arrow_source(make: Any) -> None:
    expected = _found(xianjie.check(_semesters_dict(), packs=BJ))
    got = xianjie.check({"reporting_year": 2024, "semester_activities": make()}, packs=BJ)
    assert _found(got) == expected


def test_duckdb_relation() -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    rel = con.sql(
        "select * from (values ('P1', '2023-2024-1', 1, 3, 5), ('P2', '2023-2024-1', 2, 3, 5), "
        "('P3', '2023-2024-2', 0, 3, 5)) t(project, semester, meetings, joint_research, "
        "teachers_dispatched)"
    )
    got = xianjie.check({"reporting_year": 2024, "semester_activities": rel}, packs=BJ)
    assert _found(got) == _found(xianjie.check(_semesters_dict(), packs=BJ))


def test_arrow_and_lists_together() -> None:
    # Schools as a list of dicts, semesters as a polars frame: one dataset.
    data = xianjie.sample("bj-3p2-2024")
    expected = _found(xianjie.check(data, packs=BJ))
    mixed = dict(data)
    mixed["semester_activities"] = pl.from_arrow(arrow_tables(data)["semester_activities"])
    assert _found(xianjie.check(mixed, packs=BJ)) == expected


def _errors(data: Dict[str, Any]) -> List[Any]:
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check(data, packs=BJ)
    return info.value.errors()


def test_bad_column_type_names_column_and_row() -> None:
    table = pa.table({**SEMESTERS, "meetings": [True, False, True]})
    errs = _errors({"semester_activities": table})
    # The core names each cell (the header is row 1), its field and what it expected.
    assert [e["path"] for e in errs] == [f"semester_activities!C{r} meetings" for r in (2, 3, 4)]
    assert "whole number" in errs[0]["msg_en"] and "整数" in errs[0]["msg_zh"]
    assert [e["input"] for e in errs] == [True, False, True]


def test_unknown_column_is_named() -> None:
    table = pa.table({**SEMESTERS, "colour": ["red", "green", "blue"]})
    errs = _errors({"semester_activities": table})
    assert [e["path"] for e in errs] == ["semester_activities!F1"], errs
    assert "colour" in errs[0]["msg_en"] and errs[0]["input"] == "colour"


def test_null_in_required_field_names_row() -> None:
    table = pa.table({**SEMESTERS, "project": ["P1", None, "P3"]})
    errs = _errors({"semester_activities": table})
    # Row 3 of the sheet (the header is row 1): the second record.
    assert [e["path"] for e in errs] == ["semester_activities!A3 project"], errs
    assert errs[0]["type"] == "missing" and errs[0]["input"] is None


def test_floats_cross_exactly() -> None:
    # pandas keeps integers with a gap as float64, and areas come as floats: whole floats are
    # integers and others their shortest digits, decided exactly (180 × 6.5 = 1170 m²).
    data = xianjie.sample("qz-pilot-2024")
    campuses = pd.DataFrame(data["higher_campuses"])
    for col in DECIMALS & set(campuses.columns):
        campuses[col] = campuses[col].astype(float)
    campuses.loc[0, "students"] = 180
    for dorm, fails in ((1169.99, True), (1170.0, False)):
        campuses.loc[0, "dormitory_area"] = dorm
        report = xianjie.check(_with(data, {"higher_campuses": campuses}), packs="qz-pilot-2024")
        paths = {f.path for f in report.findings
                 if f.rule_id == "qz-pilot-2024/dorm-area-per-student"}
        assert ("higher_campuses[0].dormitory_area" in paths) == fails


def _many(n: int) -> pa.Table:
    return pa.table({
        "project": pa.array([f"P{i:06}" for i in range(n)]).dictionary_encode(),
        "semester": ["2023-2024-1"] * n,
        "meetings": pa.array([1] * n, pa.int16()),
        "joint_research": pa.array([3] * n, pa.int8()),
        "teachers_dispatched": pa.array([5] * n, pa.int32()),
    })


def test_repr_is_bounded_and_findings_stay_native() -> None:
    n = 100_000
    report = xianjie.check({"reporting_year": 2024, "semester_activities": _many(n)}, packs=BJ)
    assert len(report) == n and report.counts.error == n
    text, html = repr(report), report._repr_html_()
    assert len(text) < 4_000 and len(html) < 40_000
    assert f"first 20 of {n} findings" in html
    assert "99980 more" in text
    # Nothing above built a finding object beyond the 20 shown.
    assert report.__dict__["_findings"] is None
    table = report.to_arrow()
    assert table.num_rows == n
    assert report.__dict__["_findings"] is None
    first = report.head(1)[0]
    assert first.rule_id == table.column("rule_id")[0].as_py()
    assert first.path == table.column("path")[0].as_py() == "semester_activities[0].meetings"


def test_table_types() -> None:
    report = xianjie.check(_semesters_dict(), packs=BJ)
    table = report.to_arrow()
    schema = table.schema
    for name in ("rule_id", "severity", "code", "entity"):
        assert pa.types.is_dictionary(schema.field(name).type), schema
    for name in ("value", "bound", "numerator", "denominator", "shortfall"):
        assert pa.types.is_decimal(schema.field(name).type), schema
        assert schema.field(f"{name}_f64").type == pa.float64()
    assert not any(n.startswith(("message", "remedy")) for n in schema.names)
    assert table.column("rule_id").to_pylist() == [f.rule_id for f in report.findings]
    assert table.column("path").to_pylist() == [f.path for f in report.findings]
    meetings = [i for i, r in enumerate(table.column("rule_id").to_pylist())
                if r == "bj-3p2-2024/semester-meetings"]
    assert [table.column("value")[i].as_py() for i in meetings] == [Decimal(1), Decimal(0)]
    english = report.to_arrow(lang="en")
    assert english.column("message").to_pylist() == [f.message.en for f in report.findings]
    both = report.to_arrow(lang="both")
    assert both.column("message_zh").to_pylist() == [f.message.zh for f in report.findings]
    frame = report.to_polars()
    assert frame.schema["rule_id"] == pl.Categorical
    assert isinstance(frame.schema["value"], pl.Decimal)
    assert frame.schema["value_f64"] == pl.Float64
    df = report.to_pandas()
    assert isinstance(df["severity"].dtype, pd.CategoricalDtype)
    assert df["value_f64"].dtype == "float64"
    # Any Arrow consumer reads a Report directly through the PyCapsule stream.
    assert pa.table(report).num_rows == len(report)
    assert pl.DataFrame(report).height == len(report)


@pytest.mark.parametrize("name", ["bj-3p2-2024", "qz-pilot-2024", "hhht-majors-2022"])
def test_dataset_to_arrow_round_trip(name: str) -> None:
    # The core's canonical layout out (Decimal128, Date32, timestamps), read back as frames.
    data = xianjie.sample(name)
    tables = xianjie.dataset(data).to_arrow()
    assert [n for n, _ in tables] == [k for k, v in data.items() if isinstance(v, list) and v]
    frames = {n: pl.DataFrame(t) for n, t in tables}
    assert _found(xianjie.check(_with(data, frames), packs=BJ)) == _found(xianjie.check(data, packs=BJ))


def test_threads_give_the_same_report() -> None:
    data = _with(xianjie.sample("bj-3p2-2024"), arrow_tables(xianjie.sample("bj-3p2-2024")))
    one = xianjie.check(data, packs=BJ)
    assert xianjie.check(data, threads=2, packs=BJ).to_json() == one.to_json()
    assert xianjie.check(data, threads=0, packs=BJ).to_json() == one.to_json()


def test_a_failing_producer_is_an_input_error() -> None:
    class Broken:
        def __arrow_c_stream__(self, requested_schema: object = None) -> object:
            raise RuntimeError("disk gone")

    errs = _errors({"reporting_year": 2024, "semester_activities": Broken()})
    assert [e["path"] for e in errs] == ["semester_activities"]
    assert "disk gone" in errs[0]["msg_en"] and errs[0]["type"] == "type"


def test_unknown_collection_is_named() -> None:
    errs = _errors({"reporting_year": 2024, "colours": pa.table({"x": [1]})})
    assert any("colours" in e["path"] or "colours" in e["msg_en"] for e in errs), errs


def test_pandas_without_pyarrow_goes_column_by_column(monkeypatch: pytest.MonkeyPatch) -> None:
    from xianjie import _frames

    real = _frames.import_module

    def no_pyarrow(name: str) -> Any:
        if name == "pyarrow":
            raise ImportError(name)
        return real(name)

    monkeypatch.setattr(_frames, "import_module", no_pyarrow)
    assert _frames.arrow_source(pd.DataFrame(SEMESTERS)) is None
    got = xianjie.check({"reporting_year": 2024, "semester_activities": pd.DataFrame(SEMESTERS)}, packs=BJ)
    assert _found(got) == _found(xianjie.check(_semesters_dict(), packs=BJ))
