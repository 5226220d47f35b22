"""Aggregations as DataFrames: the core's rows (``xianjie::aggregate``) flattened to columns.

Exact values stay exact: rates are ``Decimal`` (``None`` for a zero denominator), with a float
twin (``rate_float``) that plots; fractions are text such as ``"66/70"``, instants are aware
``datetime``. Counts are integer columns. ``frame`` picks ``"pandas"`` (default)
or ``"polars"``. ``limits`` bound what is read, as for ``xianjie.check``.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from datetime import datetime
from decimal import Decimal
from importlib import import_module
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _native, _types
from ._types import TargetProgress, Text

Columns = Dict[str, List[Any]]


def _frame(cols: Columns, frame: str) -> Any:
    if frame == "polars":
        return import_module("polars").DataFrame(cols, strict=False)
    if frame == "pandas":
        return import_module("pandas").DataFrame(cols)
    raise ValueError(f'frame must be "pandas" or "polars", not {frame!r}')


def _dec(s: Optional[str]) -> Optional[Decimal]:
    return None if s is None else Decimal(s)


def _time(s: Optional[str]) -> Optional[datetime]:
    return None if s is None else datetime.fromisoformat(s)


def _grouped(rows: List[Dict[str, Any]], by: Sequence[str], numbers: Sequence[str]) -> Columns:
    names = [k["by"] for k in rows[0]["keys"]] if rows else list(by)
    cols: Columns = {}
    for name in names:
        cols[name] = []
        cols[f"{name}_name"] = []
    for name in numbers:
        cols[name] = []
    for row in rows:
        for key in row["keys"]:
            cols[key["by"]].append(key.get("value"))
            cols[f"{key['by']}_name"].append(key.get("name"))
        for name in numbers:
            cols[name].append(row[name])
    return cols


def transfer_rates(
    data: Any, by: Sequence[str] = ("district",), frame: str = "pandas", limits: Any = None
) -> Any:
    """Transfer rates (transferred ÷ secondary graduates) by ``by`` (``project``,
    ``secondary_school``, ``higher_school``, ``major``, ``category``, ``district``,
    ``entry_year``): one row per group, with ``<by>``/``<by>_name`` columns, counts, and the rate
    as ``numerator``, ``denominator``, ``fraction``, ``rate`` (``Decimal``), ``exact``,
    ``consistent``, and ``rate_float``, its float twin for plotting."""
    from . import dataset

    rows = json.loads(_native.transfer_rates(dataset(data, limits=limits), list(by)))
    cols = _grouped(rows, by, ("cohorts", "enrolled", "graduated", "transferred", "incomplete"))
    for name in ("numerator", "denominator", "fraction", "rate", "exact", "consistent"):
        cols[name] = [r["rate"].get(name) for r in rows]
    cols["rate"] = [_dec(v) for v in cols["rate"]]
    # The float twin plots; `rate` (Decimal) and `fraction` stay the exact values.
    cols["rate_float"] = [None if r is None else float(r) for r in cols["rate"]]
    return _frame(cols, frame)


def enrollment_totals(
    data: Any, by: Sequence[str] = ("district",), frame: str = "pandas", limits: Any = None
) -> Any:
    """Enrollment totals by ``by`` (groupings as for :func:`transfer_rates`)."""
    from . import dataset

    rows = json.loads(_native.enrollment_totals(dataset(data, limits=limits), list(by)))
    numbers = ("cohorts", "enrolled", "still_enrolled", "still_enrolled_reported", "graduated",
               "transferred")
    return _frame(_grouped(rows, by, numbers), frame)


def summary(data: Any, frame: str = "pandas", limits: Any = None) -> Any:
    """The new-application summary (汇总表): one row per application, by secondary school,
    year and rank."""
    from . import dataset

    schools = json.loads(_native.application_summary(dataset(data, limits=limits)))
    names = ("secondary_school", "secondary_school_name", "year", "rank", "id", "index",
             "higher_school", "higher_school_name", "secondary_major", "secondary_major_name",
             "higher_major", "higher_major_name", "attachments_complete", "submitted_at")
    cols: Columns = {name: [] for name in names}
    for school in schools:
        for a in school["applications"]:
            values = (
                school["secondary_school"], school.get("secondary_school_name"), school["year"],
                a.get("rank"), a["id"], a["index"], a["higher_school"],
                a.get("higher_school_name"), a["secondary_major"]["code"],
                a["secondary_major"].get("name"), a["higher_major"]["code"],
                a["higher_major"].get("name"), a["attachments_complete"],
                _time(a.get("submitted_at")),
            )
            for name, value in zip(names, values):
                cols[name].append(value)
    return _frame(cols, frame)


def semester_compliance(data: Any, frame: str = "pandas", limits: Any = None) -> Any:
    """Each project-semester against the semester minimums: one row per item checked."""
    from . import dataset

    rows = json.loads(_native.semester_compliance(dataset(data, limits=limits)))
    names = ("project", "semester", "index", "field", "rule_id", "value", "min", "max",
             "compliant", "label_zh", "label_en")
    cols: Columns = {name: [] for name in names}
    for row in rows:
        for item in row["items"]:
            values = (row["project"], row["semester"], row["index"], item["field"],
                      item["rule_id"], item.get("value"), _dec(item.get("min")),
                      _dec(item.get("max")), item["compliant"], item["label_zh"],
                      item["label_en"])
            for name, value in zip(names, values):
                cols[name].append(value)
    return _frame(cols, frame)


def targets(
    data: Any,
    packs: Optional[Sequence[str]] = None,
    params: Optional[Dict[str, object]] = None,
    frame: str = "pandas",
    limits: Any = None,
) -> Any:
    """Target progress (severity ``target``) from a check of ``data``: one row per target."""
    from . import check

    report = check(data, packs=packs, params=params, limits=limits)
    # The columns are the core's fields (a text field as two columns, _zh and _en), so a field
    # the core adds (``group``) is a column without an edit here.
    fields = [f.name for f in dataclasses.fields(TargetProgress)]
    texts = set(_text_fields(TargetProgress))
    names: List[str] = []
    for name in fields:
        names.extend([f"{name}_zh", f"{name}_en"] if name in texts else [name])
    cols: Columns = {name: [] for name in names}
    for t in report.targets:
        for name in fields:
            value = getattr(t, name)
            if name in texts:
                cols[f"{name}_zh"].append(value.zh if value is not None else None)
                cols[f"{name}_en"].append(value.en if value is not None else None)
            else:
                cols[name].append(value)
    return _frame(cols, frame)


def _text_fields(cls: Any) -> List[str]:
    """The fields of a generated class holding a :class:`Text` (or ``None``)."""
    hints = typing.get_type_hints(cls, vars(_types))
    return [
        name
        for name, hint in hints.items()
        if hint is Text or (typing.get_origin(hint) is Union and Text in typing.get_args(hint))
    ]
