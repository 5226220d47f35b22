"""xianjie.spark in local mode (local[2]) gives the findings, rule statuses and target progress
of one xianjie.check over the same data, exactly: over the national generator at a small scale,
read from Parquet files whose rows are dealt so that groups (a project's rows, a school's) are
split across files, and over every bundled sample (groups checked both ways)."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import xianjie
import xianjie.spark
from xianjie import _native

pyspark = pytest.importorskip("pyspark")
from pyspark.sql import SparkSession  # noqa: E402

SCALE = float(os.environ.get("XIANJIE_SPARK_SCALE", "0.02"))
PACKS = ["bj-3p2-2024", "qz-pilot-2024"]


@pytest.fixture(scope="module")
def spark() -> Any:
    s = (
        SparkSession.builder.master("local[2]")
        .appName("xianjie-test")
        .config("spark.sql.shuffle.partitions", "3")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.files.maxPartitionBytes", str(256 * 1024))
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    yield s
    s.stop()


def numbered(t: Any) -> pa.Table:
    t = pa.table(t)
    return t.append_column(xianjie.spark.ROW, pa.array(range(t.num_rows), pa.int64()))


def key(row: Dict[str, Any]) -> Tuple[Any, ...]:
    """A finding row comparable across the two tables: decimals by value (the scales differ),
    the plotting floats left out (derived from the decimals)."""
    out = []
    for name in sorted(row):
        if name.endswith("_f64"):
            continue
        v = row[name]
        if isinstance(v, Decimal):
            v = v.normalize()
        out.append((name, "" if v is None else str(v)))
    return tuple(out)


def single(data: Dict[str, Any], packs: List[str], year: Any) -> Any:
    return xianjie.check({"reporting_year": year, **data}, packs=packs)


def same(report: Any, sr: Any) -> int:
    want = sorted(key(r) for r in report.to_arrow().to_pylist())
    got = sorted(key(r.asDict()) for r in sr.findings.collect())
    assert len(got) == len(want)
    assert got == want
    # Same columns, in the same order.
    assert sr.findings.columns == report.to_arrow().column_names
    assert [(r.rule_id, r.state, r.checked, r.findings, r.reason) for r in sr.rules()] == [
        (r.rule_id, r.state, r.checked, r.findings, r.reason) for r in report.rules
    ]
    assert sr.targets() == report.targets
    return len(want)


def test_national_from_parquet_split_across_files(spark: Any, tmp_path: Path) -> None:
    tables = {name: pa.table(t) for name, t in _native.sample_national(SCALE)}
    # Four records of each collection without ids repeated at the end, from where the deal below
    # puts each copy in another file than its original (rows i and j share a file when i − j is
    # a multiple of 3): `data/duplicate-period` must bring each project's period together.
    for name in ("cohorts", "semester_activities", "status_reports"):
        t = tables[name]
        start = 1 if t.num_rows % 3 == 0 else 0
        tables[name] = pa.concat_tables([t, t.slice(start, 4)])
    frames = {}
    for name, t in tables.items():
        t = numbered(t)
        folder = tmp_path / name
        folder.mkdir()
        # Rows dealt over three files by a stride: a project's cohorts, semesters and students
        # (and a school's) end up in several files, so in several partitions.
        deal = pa.array([(i * 7) % 3 for i in range(t.num_rows)])
        for k in range(3):
            pq.write_table(t.filter(pa.compute.equal(deal, k)), folder / f"part-{k}.parquet")
        frames[name] = spark.read.parquet(str(folder))
    assert frames["students"].rdd.getNumPartitions() > 1
    report = single(tables, PACKS, 2024)
    sr = xianjie.spark.check(frames, PACKS, reporting_year=2024)
    n = same(report, sr)
    assert n > 100, n
    assert report.to_arrow().column("rule_id").to_pylist().count("data/duplicate-period") == 12
    kinds = {s["split"] for s in xianjie.spark.scopes(PACKS)}
    assert kinds == {"record", "group", "whole"}


@pytest.mark.parametrize("name", xianjie.sample_names())
@pytest.mark.parametrize("groups", ["partition", "apply"])
def test_samples_with_groups(spark: Any, name: str, groups: str) -> None:
    ds = xianjie.dataset(xianjie.sample(name))
    tables = {n: pa.table(t) for n, t in ds.to_arrow()}
    packs = _native.builtin_ids()
    frames = {n: spark.createDataFrame(numbered(t)).repartition(3) for n, t in tables.items()}
    report = single(tables, packs, ds.reporting_year)
    sr = xianjie.spark.check(frames, packs, reporting_year=ds.reporting_year, groups=groups)
    assert same(report, sr) == len(report.findings)


def test_messages_on_request(spark: Any) -> None:
    ds = xianjie.dataset(xianjie.sample("bj-3p2-2024"))
    tables = {n: pa.table(t) for n, t in ds.to_arrow()}
    frames = {n: spark.createDataFrame(numbered(t)) for n, t in tables.items()}
    sr = xianjie.spark.check(frames, ["bj-3p2-2024"], reporting_year=ds.reporting_year, lang="en")
    report = xianjie.check(ds, packs=["bj-3p2-2024"])
    want = sorted((r["path"] or "", r["message"]) for r in report.to_arrow(lang="en").to_pylist())
    got = sorted((r.path or "", r.message) for r in sr.findings.select("path", "message").collect())
    assert got == want
