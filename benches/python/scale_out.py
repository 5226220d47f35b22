"""The scale-out figures of docs/scale-out.md: one xianjie.check in one process against
xianjie.spark in Spark's local mode, on the same national Parquet files, same findings.

    python benches/python/scale_out.py prepare DIR --scale 1   # Parquet with row numbers
    python benches/python/scale_out.py single DIR              # one process
    python benches/python/scale_out.py spark DIR --cores 2     # local[2]

Each run prints its wall time, findings and a digest of (rule, path) so that the two runs can be
compared; run each under the system's time command for the peak memory.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import xianjie
from xianjie import _native

PACKS = ["bj-3p2-2024", "qz-pilot-2024"]
YEAR = 2024


def prepare(out: Path, scale: float) -> None:
    for name, t in _native.sample_national(scale):
        t = pa.table(t)
        t = t.append_column("_row", pa.array(range(t.num_rows), pa.int64()))
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        # Several files per collection, rows dealt so that groups span files.
        n = 4
        deal = pa.compute.cast(pa.compute.bit_wise_and(t.column("_row"), n - 1), pa.int64())
        for k in range(n):
            pq.write_table(t.filter(pa.compute.equal(deal, k)), folder / f"part-{k}.parquet")
        print(f"{name}: {t.num_rows} rows")


def digest(pairs: list) -> str:
    h = hashlib.sha256()
    for p in sorted(pairs):
        h.update(repr(p).encode())
    return h.hexdigest()[:16]


def single(folder: Path) -> None:
    start = time.perf_counter()
    data = {}
    for d in sorted(p for p in folder.iterdir() if p.is_dir()):
        t = pq.read_table(d).sort_by("_row")
        data[d.name] = t.drop_columns(["_row"])
    report = xianjie.check({"reporting_year": YEAR, **data}, packs=PACKS)
    table = report.to_arrow()
    pairs = list(zip(table.column("rule_id").to_pylist(), table.column("path").to_pylist()))
    wall = time.perf_counter() - start
    print(f"single: {len(pairs)} findings in {wall:.1f} s, digest {digest(pairs)}")


def spark(folder: Path, cores: int) -> None:
    from pyspark.sql import SparkSession

    import xianjie.spark

    start = time.perf_counter()
    s = (
        SparkSession.builder.master(f"local[{cores}]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(cores * 2))
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    frames = {d.name: s.read.parquet(str(d)) for d in sorted(folder.iterdir()) if d.is_dir()}
    sr = xianjie.spark.check(frames, PACKS, reporting_year=YEAR)
    rows = sr.findings.select("rule_id", "path").collect()
    pairs = [(r.rule_id, r.path) for r in rows]
    rules = sr.rules()
    wall = time.perf_counter() - start
    print(
        f"spark local[{cores}]: {len(pairs)} findings, {len(rules)} rules in {wall:.1f} s, "
        f"digest {digest(pairs)}"
    )
    s.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["prepare", "single", "spark"])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--cores", type=int, default=2)
    a = ap.parse_args()
    if a.mode == "prepare":
        prepare(a.dir, a.scale)
    elif a.mode == "single":
        single(a.dir)
    else:
        spark(a.dir, a.cores)


if __name__ == "__main__":
    main()
