"""Parquet and Arrow IPC files, and folders of them, read by the core as the CLI reads them
(``xianjie::files``): the findings of the same data given as a dict; ``year`` as the CLI's
``--year``; every bad file an ``InputError`` naming it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Tuple

import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.parquet as pq
import pytest
from test_arrow import arrow_tables

import xianjie


def _found(report: xianjie.Report) -> List[Tuple[str, str]]:
    return sorted((f.rule_id, f.path) for f in report.findings)


def _write(folder: Path, tables: Dict[str, pa.Table], kind: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        if kind == "parquet":
            pq.write_table(table, folder / f"{name}.parquet")
        else:
            feather.write_feather(table, str(folder / f"{name}.arrow"))


@pytest.mark.parametrize("name", ["bj-3p2-2024", "qz-pilot-2024"])
@pytest.mark.parametrize("kind", ["parquet", "arrow"])
def test_a_folder_of_files_gives_the_dicts_findings(tmp_path: Path, name: str, kind: str) -> None:
    data: Dict[str, Any] = xianjie.sample(name)
    expected = _found(xianjie.check(data))
    assert expected, "the sample carries violations"
    folder = tmp_path / "data"
    _write(folder, arrow_tables(data), kind)
    year = data["reporting_year"]
    report = xianjie.check(folder, year=year)
    assert _found(report) == expected
    assert report.reporting_year == year
    # A path as text, on two threads: the same report, order included.
    assert xianjie.check(str(folder), year=year, threads=2).to_json() == report.to_json()
    # Read into rows (nothing held): the same records as the dict gives.
    ds = xianjie.dataset(folder)
    assert ds.reporting_year is None
    read = {n: pa.table(t).num_rows for n, t in ds.to_arrow()}
    given = {k: len(v) for k, v in data.items() if isinstance(v, list) and v}
    assert read == given


def test_one_file_and_the_findings_table(tmp_path: Path) -> None:
    data = xianjie.sample("bj-3p2-2024")
    tables = arrow_tables(data)
    _write(tmp_path, {"semester_activities": tables["semester_activities"]}, "parquet")
    only = {"reporting_year": data["reporting_year"],
            "semester_activities": data["semester_activities"]}
    want = _found(xianjie.check(only, packs="bj-3p2-2024"))
    assert want
    report = xianjie.check(
        tmp_path / "semester_activities.parquet", packs="bj-3p2-2024", year=2024
    )
    assert _found(report) == want
    df = report.to_polars()
    assert df.height == len(want)


def test_year_is_for_files_only() -> None:
    data = xianjie.sample("bj-3p2-2024")
    with pytest.raises(ValueError, match="year= is the reporting year of Parquet"):
        xianjie.check(data, year=2024)


def test_bad_files_are_input_errors_naming_them(tmp_path: Path) -> None:
    garbage = tmp_path / "bad" / "students.parquet"
    garbage.parent.mkdir()
    garbage.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(xianjie.InputError) as e:
        xianjie.check(garbage)
    assert "students.parquet" in str(e.value)
    assert "cannot read the Parquet file" in str(e.value)
    assert e.value.errors()[0]["type"] == "syntax"

    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(xianjie.InputError, match="the folder has no .parquet"):
        xianjie.check(empty)

    data = xianjie.sample("bj-3p2-2024")
    folder = tmp_path / "ok"
    _write(folder, {"semester_activities": arrow_tables(data)["semester_activities"]}, "parquet")
    with pytest.raises(xianjie.InputError) as e:
        xianjie.check(folder, year=2024, limits={"records": 1})
    assert "over the limit records=1" in str(e.value)
    assert e.value.errors()[0]["type"] == "limit"


def test_national_files_read_as_their_tables_and_a_large_report_freed_aside(tmp_path: Path) -> None:
    # Generated national data (scale 0.05: 250,000 students), students in several row groups,
    # read side by side: the report of the same tables given as Arrow.
    tables = {name: pa.table(t) for name, t in xianjie._native.sample_national(0.05)}
    for name, table in tables.items():
        pq.write_table(table, tmp_path / f"{name}.parquet", row_group_size=60_000)
    assert pq.ParquetFile(tmp_path / "students.parquet").num_row_groups > 1
    packs = ["bj-3p2-2024", "qz-pilot-2024"]
    given = xianjie.check({"reporting_year": 2024, **tables}, packs=packs)
    read = xianjie.check(tmp_path, year=2024, packs=packs, threads=2)
    assert len(read.findings) == len(given.findings) > 10_000
    assert read.to_json() == given.to_json()
    # More findings than are freed on the caller's thread: let go, then checked again.
    counts = read.to_polars().group_by("rule_id").len().sort("rule_id")
    del read, given
    again = xianjie.check(tmp_path, year=2024, packs=packs, threads=2)
    assert again.to_polars().group_by("rule_id").len().sort("rule_id").equals(counts)
