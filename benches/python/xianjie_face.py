#!/usr/bin/env python3
"""xianjie from Python on the national Parquet folder, DataFrames in, findings out as a polars
DataFrame: the analyst's path the issue measures against the polars yardstick.

    python xianjie_face.py DIR [--year 2024] [--threads N] [--frames polars|pyarrow|files]

`--frames files` gives xianjie the folder itself, read by the core (`xianjie.check(DIR,
year=...)`), with no DataFrame in between.

Prints `RULE <id> <findings>` and `TOTAL <n>` like the yardsticks (counted from the findings
frame after the check), or exits with status 3 and says why when the Python face is not
installed or does not take frames yet.
"""

import os
import sys

PACKS = ["bj-3p2-2024", "qz-pilot-2024"]
COLLECTIONS = [
    "schools", "projects", "cohorts", "semester_activities", "status_reports",
    "quality_monitoring", "finance_settlements", "students",
]


def unavailable(why):
    print(f"UNAVAILABLE {why}")
    return 3


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    d = argv[1]
    year = int(argv[argv.index("--year") + 1]) if "--year" in argv else 2024
    threads = int(argv[argv.index("--threads") + 1]) if "--threads" in argv else None
    frames = argv[argv.index("--frames") + 1] if "--frames" in argv else "polars"
    try:
        import xianjie
    except ImportError as e:
        return unavailable(f"xianjie is not installed in this Python ({e})")

    if frames == "files":
        read = None
    elif frames == "pyarrow":
        import pyarrow.parquet as pq

        read = pq.read_table
    else:
        import polars as pl

        read = pl.read_parquet
    kwargs = {"packs": PACKS}
    if read is None:
        data = d
        kwargs["year"] = year
    else:
        data = {"reporting_year": year}
        for name in COLLECTIONS:
            path = os.path.join(d, f"{name}.parquet")
            if os.path.exists(path):
                data[name] = read(path)

    if threads is not None:
        kwargs["threads"] = threads
    try:
        report = xianjie.check(data, **kwargs)
    except TypeError as e:
        return unavailable(f"xianjie.check does not take these arguments yet ({e})")
    except Exception as e:  # an old face refusing frames: say so, do not time it
        return unavailable(f"xianjie.check refused the frames: {type(e).__name__}: {e}")

    counts = {}
    try:
        # The findings table straight from the core: `report.findings` would build one Python
        # object per finding (and `hasattr` reads it).
        df = report.to_polars()
        col = next(c for c in ("rule", "rule_id") if c in df.columns)
        import polars as pl

        for rule, n in df.group_by(pl.col(col).cast(pl.String)).len().iter_rows():
            counts[rule] = n
    except Exception:
        # An older face: findings only as a dict.
        for f in report.to_dict().get("findings", []):
            rule = f.get("rule_id") or f.get("rule")
            if isinstance(rule, dict):
                rule = rule.get("id")
            counts[rule] = counts.get(rule, 0) + 1
    for k in sorted(counts):
        print(f"RULE {k} {counts[k]}")
    print(f"TOTAL {sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
