"""xianjie (衔接): China's secondary–higher vocational articulation policy ("3+2" 中高职衔接) as
typed, cited, testable rules.

>>> import xianjie
>>> report = xianjie.check({"reporting_year": 2024, "semester_activities": [
...     {"project": "P1", "semester": "2023-2024-1", "meetings": 1,
...      "joint_research": 3, "teachers_dispatched": 5}]})
>>> report.ok, report.findings[0].rule_id, report.findings[0].path
(False, 'bj-3p2-2024/semester-meetings', 'semester_activities[0].meetings')

Everything is computed by the Rust core; this package converts values and maps errors.

Numbers: ``decimal.Decimal`` values cross exactly. A ``float`` (from a dict or a DataFrame) is
read as the shortest decimal that reads back to the same float, i.e. the digits of
``repr(float)``: ``0.1`` is ``0.1``, never ``0.1000000000000000055511151231257827``. A whole
float (``3.0``) is the integer 3 outside decimal fields. ``None``, ``NaN``, ``NaT`` and pandas
``NA`` are missing values. Dates are ``datetime.date``; instants are aware ``datetime.datetime``
(a naive one is refused, since deadlines are Beijing time).
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from . import _frames, _native
from ._aggregate import (
    application_sheets,
    campus_indicators,
    city_summary,
    enrollment_totals,
    major_ledger,
    semester_compliance,
    settlements,
    status_campaign,
    summary,
    targets,
    transfer_rates,
)
from ._errors import ErrorDetails, InputError, PackError, XianjieError
from ._types import PackErrorDetails
from ._native import Dataset
from ._report import (
    Cell,
    Counts,
    Explanation,
    Finding,
    FindingCode,
    InputErrorKind,
    InputIssue,
    Location,
    NamedValue,
    PackRef,
    Report,
    ReportIssue,
    RuleState,
    RuleStatus,
    Severity,
    Subject,
    TargetProgress,
    Text,
)
from ._rules import Rule, explain, rules

__version__: str = _native.__version__

__all__ = [
    "Cell",
    "Counts",
    "Dataset",
    "ErrorDetails",
    "Explanation",
    "Finding",
    "FindingCode",
    "InputError",
    "InputErrorKind",
    "InputIssue",
    "LimitValues",
    "Location",
    "NamedValue",
    "PackError",
    "PackErrorDetails",
    "PackRef",
    "Report",
    "ReportIssue",
    "Rule",
    "RuleState",
    "RuleStatus",
    "Severity",
    "Subject",
    "TargetProgress",
    "Text",
    "XianjieError",
    "application_sheets",
    "campus_indicators",
    "check",
    "city_summary",
    "dataset",
    "enrollment_totals",
    "explain",
    "major_ledger",
    "rules",
    "sample",
    "sample_names",
    "semester_compliance",
    "settlements",
    "status_campaign",
    "summary",
    "targets",
    "transfer_rates",
]

#: What ``check`` accepts: a dict (values may be DataFrames), JSON text, a path, or a Dataset.
Data = Union[Mapping[str, Any], str, bytes, "os.PathLike[str]", Dataset]


#: Limits on what is read (``{"nesting_depth": 32, "string_chars": "1MiB"}``): the names and
#: defaults of the core's ``Limits`` (``docs/guide.md``); values are whole numbers or text such as
#: ``"64 MiB"``. An unknown name or a bad value is an :class:`InputError` listing the known names.
LimitValues = Optional[Mapping[str, Union[int, str]]]


def _limits(limits: LimitValues) -> Optional[Dict[str, str]]:
    if limits is None:
        return None
    if not isinstance(limits, Mapping):
        raise TypeError(f"limits must be a dict, not {type(limits).__name__}")
    return {str(k): str(v) for k, v in limits.items()}


def dataset(
    data: Data, lang: str = "zh", limits: LimitValues = None, threads: Optional[int] = None
) -> Dataset:
    """Reads ``data`` into a core :class:`Dataset` (validated; every problem located).

    ``data`` is a mapping (collections as lists of dicts, or as anything speaking the Arrow
    PyCapsule interface: pyarrow Tables and RecordBatchReaders, polars DataFrames and LazyFrames,
    duckdb relations, pandas DataFrames through pyarrow; read by the core from their columns,
    named by dotted paths or the workbooks' headers), JSON text, ``bytes`` (UTF-8), a path (``.json``, ``.xlsx``, ``.csv``,
    ``.parquet``, ``.arrow``, or a folder of Parquet and Arrow IPC files: read by the core;
    cells that cannot be read are left out and reported in the report's ``input_issues``, as by
    the CLI), or a ``Dataset``. ``limits`` bound what is read (see
    ``LimitValues``). Raises :class:`InputError` when the data cannot be used at all, and for
    anything else too: text that is neither JSON nor an existing path, bytes that are not UTF-8,
    generators and iterators (pass a list), cyclic or too deeply nested values, non-text keys,
    duplicate DataFrame columns. ``threads`` reads collections given as Arrow on that many
    threads (``0``: every core), with the same result.
    """
    return _read(data, lang, limits, threads, hold=False)


def _files_path(data: object) -> Optional[str]:
    """The path, when ``data`` names Parquet or Arrow IPC files: a folder, or a ``.parquet``,
    ``.arrow``, ``.feather``, ``.ipc`` or ``.arrows`` file (JSON text is never one)."""
    if isinstance(data, os.PathLike):
        path = os.fspath(data)
    elif isinstance(data, str) and len(data) < 4096 and not data.lstrip().startswith(("{", "[")):
        path = data
    else:
        return None
    return path if isinstance(path, str) and _native.is_files_path(path) else None


def _read(
    data: Data,
    lang: str,
    limits: LimitValues,
    threads: Optional[int],
    hold: bool,
    year: Optional[int] = None,
) -> Dataset:
    """``dataset``; with ``hold`` (for ``check`` only), clean large collections given as Arrow
    are held as their columns instead of read into rows (the dataset then lacks their rows).
    ``year``: the reporting year of Parquet and Arrow IPC files, which carry none."""
    if isinstance(data, Dataset):
        if year is not None:
            raise ValueError(_YEAR_FOR_FILES)
        return data
    lim = _limits(limits)
    files = _files_path(data)
    if files is None and year is not None:
        raise ValueError(_YEAR_FOR_FILES)
    try:
        if files is not None:
            return Dataset.read_files([files], lim, threads, year, hold)
        if isinstance(data, bytes):
            return Dataset.from_bytes(data, lim)
        if isinstance(data, str):
            return Dataset.from_text(data, lim)
        if isinstance(data, os.PathLike):
            return Dataset.read_path(os.fspath(data), lim)
        if isinstance(data, Mapping):
            native, arrow, shadow = _frames.split(data)
            try:
                base = Dataset.from_py(native, lim)
                # Collections given as Arrow are read by the core from their columns.
                return Dataset.from_arrow(base, arrow, lim, threads, hold) if arrow else base
            except InputError as e:
                e._lookup = lambda loc: _frames.lookup(shadow, loc)
                raise
        # Anything else (a list, a generator): refused by the converter, with the reason.
        return Dataset.from_py(data, lim)
    except InputError as e:
        e.lang = lang
        raise


_YEAR_FOR_FILES = (
    "year= is the reporting year of Parquet and Arrow IPC files, which carry none; "
    "other data gives its own reporting_year"
)


def _param(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value)
    return str(value)


def check(
    data: Data,
    packs: Union[str, Sequence[str], None] = None,
    params: Optional[Mapping[str, object]] = None,
    lang: str = "zh",
    limits: LimitValues = None,
    threads: Optional[int] = None,
    year: Optional[int] = None,
) -> Report:
    """Checks ``data`` against built-in ``packs`` with ``params``
    (``{"<rule id>.<name>": value}``). ``packs=None`` takes the packs of the regions the data's
    schools lie in (and the national one); records no school places are judged only by packs
    named here, and each rule's status says how many were left out. ``lang`` (``"zh"``/``"en"``) is the language of error
    messages and of the notebook display; findings always carry both. ``limits`` bound what is
    read (``{"nesting_depth": 32}``; names as the CLI's ``--limit``). ``threads``: check on that
    many threads (``0``: every core; ``None``: one); the report is the same, order included.

    ``data`` may also name Parquet or Arrow IPC files, or a folder of them (one file per
    collection, ``students.parquet``), read by the core as the CLI's ``check DIR`` reads them:
    only the files' columns, no DataFrame in between. ``year`` is then their reporting year (as
    the CLI's ``--year``); with any other data it is refused (the data gives its own).

    Raises :class:`InputError` for unusable data and :class:`PackError` for an unknown pack or
    parameter. The GIL is released while the core parses and checks.
    """
    # Students, semester activities and cohorts given as clean Arrow columns are checked from
    # the columns (no row per record).
    ds = _read(data, lang, limits, threads, hold=True, year=year)
    pack_ids = [packs] if isinstance(packs, str) else list(packs or [])
    param_map = {str(k): _param(v) for k, v in (params or {}).items()}
    return Report(_native.check(ds, pack_ids, param_map, lang, threads), lang)


def sample_names() -> List[str]:
    """Names of the bundled sample datasets."""
    return _native.sample_names()


def sample(name: str) -> Dict[str, Any]:
    """The bundled sample dataset ``name`` as a dict (the JSON ``xianjie sample NAME`` prints).
    ``KeyError`` for an unknown name."""
    import json

    ds = _native.sample_load(name)
    if ds is None:
        raise KeyError(name)
    result: Dict[str, Any] = json.loads(ds.to_json_pretty())
    return result
