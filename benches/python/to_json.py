#!/usr/bin/env python3
"""Writes the national Parquet folder as one xianjie JSON document (the issue's "same data as
one JSON document" row), for `xianjie check doc.json --year 2024`, and to cross-check the
columnar reader against the JSON one.

    python to_json.py DIR OUT.json [--year 2024]

Dotted column names become nested objects (`agreement.signed_on` → {"agreement": {"signed_on"}});
money is written as exact decimal text, instants as RFC 3339 with their offset, nulls left out.
"""

import datetime as dt
import decimal
import json
import os
import sys

import pyarrow.parquet as pq

ORDER = [
    "schools", "projects", "cohorts", "semester_activities", "status_reports",
    "quality_monitoring", "finance_settlements", "students",
]
BEIJING = dt.timezone(dt.timedelta(hours=8))


def plain(v):
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, dt.datetime):
        if v.tzinfo is None:
            v = v.replace(tzinfo=BEIJING)
        return v.astimezone(BEIJING).isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, list):
        return [{k: plain(x) for k, x in item.items() if x is not None} for item in v]
    return v


def nest(row):
    out = {}
    for name, v in row.items():
        if v is None:
            continue
        parts = name.split(".")
        o = out
        for p in parts[:-1]:
            o = o.setdefault(p, {})
        o[parts[-1]] = plain(v)
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst = argv[1], argv[2]
    year = int(argv[argv.index("--year") + 1]) if "--year" in argv else 2024
    with open(dst, "w", encoding="utf-8") as f:
        f.write('{"reporting_year": %d' % year)
        for name in ORDER:
            path = os.path.join(src, f"{name}.parquet")
            if not os.path.exists(path):
                continue
            f.write(f',\n"{name}": [')
            first = True
            for batch in pq.ParquetFile(path).iter_batches(batch_size=65536):
                for row in batch.to_pylist():
                    if not first:
                        f.write(",\n")
                    first = False
                    f.write(json.dumps(nest(row), ensure_ascii=False, separators=(",", ":")))
            f.write("]")
        f.write("}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
