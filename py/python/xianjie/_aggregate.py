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


# The tables each city's notice asks for (issue 13). Verdicts (``passed``, ``failed``,
# ``unchecked``, ``not_in_force``, ``not_applicable``) are what the check with ``packs`` and
# ``params`` found on each record: the core reads them from the findings, Python only flattens.


def _checked(data: Any, packs: Any, params: Any, limits: Any) -> Any:
    from . import check, dataset

    ds = dataset(data, limits=limits)
    return ds, check(ds, packs=packs, params=params, limits=limits)


def city_summary(
    data: Any,
    packs: Optional[Sequence[str]] = None,
    params: Optional[Dict[str, object]] = None,
    limits: Any = None,
) -> "_types.Summary":
    """Everything ``xianjie summary`` prints, typed: rates, the 汇总表, compliance, targets, and
    the tables of the city whose packs the check used (``status_campaign``,
    ``application_sheets``, ``pilot``, ``major_ledger``; ``None``/empty otherwise)."""
    from ._decode import decode

    ds, report = _checked(data, packs, params, limits)
    return decode(_types.Summary, json.loads(_native.summary(ds, report._native)))


_CAMPAIGN_COLUMNS = ("district", "district_name", "school", "school_name", "approved", "filed",
                     "missing", "late", "unlisted", "enrollment", "graduated", "transferred",
                     "reports_incomplete", "missing_projects", "late_projects",
                     "unlisted_projects")


def status_campaign(
    data: Any, by: str = "school", frame: str = "pandas", limits: Any = None
) -> Any:
    """Beijing's status-data campaign of the data's reporting year (campaign, approved list and
    deadline read from the ``bj-3p2-2024`` pack): one row per school (``by="school"``), per
    district (``"district"``) or the city total (``"total"``), with the reports filed, missing,
    late and off the list, the figures of 二(二)1 and the transfer rate (``fraction``, ``rate``
    as ``Decimal``, ``rate_float``). No rows without a reporting year."""
    from . import dataset

    if by not in ("school", "district", "total"):
        raise ValueError(f'by must be "school", "district" or "total", not {by!r}')
    c = json.loads(_native.status_campaign(dataset(data, limits=limits)))
    rows = [] if c is None else ([c["total"]] if by == "total" else c[by + "s"])
    cols: Columns = {name: [r.get(name, [] if name.endswith("_projects") else None)
                            for r in rows] for name in _CAMPAIGN_COLUMNS}
    cols["fraction"] = [r["transfer_rate"]["fraction"] for r in rows]
    cols["rate"] = [_dec(r["transfer_rate"].get("rate")) for r in rows]
    cols["rate_float"] = [None if v is None else float(v) for v in cols["rate"]]
    return _frame(cols, frame)


def application_sheets(
    data: Any,
    packs: Optional[Sequence[str]] = None,
    params: Optional[Dict[str, object]] = None,
    frame: str = "pandas",
    limits: Any = None,
) -> Any:
    """Each secondary school's 汇总表 (one per school and year, as the workbook prints them): one
    row per entry in rank order, with the sheet's ``title`` and ``date``, and ``breaks``, the
    rules the check found broken on the entry (``sheet_breaks``: on the sheet's upload)."""
    ds, report = _checked(data, packs, params, limits)
    sheets = json.loads(_native.application_sheets(ds, report._native))
    names = ("secondary_school", "secondary_school_name", "year", "title", "date", "rank", "id",
             "index", "higher_school", "higher_school_name", "secondary_major", "higher_major",
             "attachments_complete", "submitted_at", "breaks", "sheet_breaks")
    cols: Columns = {name: [] for name in names}
    for s in sheets:
        for m in s["applications"]:
            a = m["application"]
            values = (s["secondary_school"], s.get("secondary_school_name"), s["year"],
                      s["title"], s.get("date"), a.get("rank"), a["id"], a["index"],
                      a["higher_school"], a.get("higher_school_name"),
                      a["secondary_major"]["code"], a["higher_major"]["code"],
                      a["attachments_complete"], _time(a.get("submitted_at")),
                      m.get("breaks", []), s.get("breaks", []))
            for name, value in zip(names, values):
                cols[name].append(value)
    return _frame(cols, frame)


def _pilot(data: Any, packs: Any, params: Any, limits: Any) -> Any:
    ds, report = _checked(data, packs, params, limits)
    return json.loads(_native.pilot_tables(ds, report._native))


def campus_indicators(
    data: Any,
    packs: Optional[Sequence[str]] = None,
    params: Optional[Dict[str, object]] = None,
    frame: str = "pandas",
    limits: Any = None,
) -> Any:
    """Quzhou: every 细则 indicator of each higher-stage campus, one row per campus and
    indicator: ``numerator``, ``denominator``, ``value`` (``Decimal``), ``shown``, ``bound``,
    ``min``/``max`` and the ``verdict``. No rows when the check did not use the Quzhou pack."""
    p = _pilot(data, packs, params, limits)
    names = ("index", "school", "school_name", "higher_school", "year", "students", "rule_id",
             "clause", "title_zh", "title_en", "form", "numerator", "denominator", "value",
             "shown", "bound", "min", "max", "verdict")
    cols: Columns = {name: [] for name in names}
    for c in [] if p is None else p["campuses"]:
        for x in c["indicators"]:
            values = (c["index"], c["school"], c.get("school_name"), c.get("higher_school"),
                      c["year"], c.get("students"), x["rule_id"], x["clause"], x["title"]["zh"],
                      x["title"]["en"], x["form"], _dec(x.get("numerator")),
                      _dec(x.get("denominator")), _dec(x.get("value")), x.get("shown"),
                      x["bound"], x.get("min"), x.get("max"), x["verdict"])
            for name, value in zip(names, values):
                cols[name].append(value)
    return _frame(cols, frame)


_MONEY = ("tuition_collected", "tuition_passed_on", "tuition_share", "fees_collected",
          "fees_passed_on", "appropriation_per_student", "appropriation_owed",
          "appropriation_received", "appropriation_paid")


def settlements(
    data: Any,
    packs: Optional[Sequence[str]] = None,
    params: Optional[Dict[str, object]] = None,
    frame: str = "pandas",
    limits: Any = None,
) -> Any:
    """Quzhou's finance settlement table: one row per settlement, amounts as ``Decimal``
    (``tuition_share`` the exact fraction of 1), and one column per rule on settlements (its id)
    holding the verdict the check gave."""
    p = _pilot(data, packs, params, limits)
    rows = [] if p is None else p["settlements"]
    cols: Columns = {}
    for name in ("index", "higher_school", "higher_school_name", "school", "school_name", "year"):
        cols[name] = [r.get(name) for r in rows]
    for name in _MONEY:
        cols[name] = [_dec(r.get(name)) for r in rows]
    cols["appropriation_students"] = [r.get("appropriation_students") for r in rows]
    for rule in (rows[0]["checks"] if rows else []):
        cols[rule["rule_id"]] = [next((c["verdict"] for c in r["checks"]
                                       if c["rule_id"] == rule["rule_id"]), None) for r in rows]
    return _frame(cols, frame)


def major_ledger(
    data: Any,
    packs: Optional[Sequence[str]] = None,
    params: Optional[Dict[str, object]] = None,
    frame: str = "pandas",
    limits: Any = None,
) -> Any:
    """Hohhot's major ledger (专业调整台账): one row per school and school year, the majors (by
    code) filed new, refused, to discontinue and to file again, the verdict on the new-major
    limit, and the key-chain coverage (``key_chain_share`` as ``Decimal``). Without the class
    size (``params={"hhht-majors-2022/small-major-discontinue.class_size": 30}``) no major is
    listed to discontinue: that rule is then unchecked (``city_summary`` says why)."""
    ds, report = _checked(data, packs, params, limits)
    ledger = json.loads(_native.major_ledger(ds, report._native))
    rows = [] if ledger is None else ledger["rows"]
    cols: Columns = {}
    for name in ("school", "school_name", "school_year"):
        cols[name] = [r.get(name) for r in rows]
    for name in ("new_majors", "refused", "discontinue", "refile"):
        cols[name] = [[m["code"] for m in r.get(name, [])] for r in rows]
    cols["new_majors_verdict"] = [r["new_majors_verdict"] for r in rows]
    cols["offerings"] = [r["offerings"] for r in rows]
    cols["key_chain_offerings"] = [r["key_chain_offerings"] for r in rows]
    cols["chains"] = [r.get("chains", []) for r in rows]
    cols["key_chain_fraction"] = [r["key_chain_share"]["fraction"] for r in rows]
    cols["key_chain_share"] = [_dec(r["key_chain_share"].get("rate")) for r in rows]
    return _frame(cols, frame)
