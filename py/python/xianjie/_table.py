"""Findings flattened to columns (one row per finding) for pandas, polars and Arrow."""

from __future__ import annotations

from importlib import import_module

from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence

if TYPE_CHECKING:
    from ._report import Finding

#: Column names of the findings table, in order. Every column holds text (or null).
COLUMNS = (
    "rule_id",
    "severity",
    "code",
    "subject_entity",
    "subject_id",
    "subject_zh",
    "subject_en",
    "path",
    "message_zh",
    "message_en",
    "remedy_zh",
    "remedy_en",
    "clause",
    "computed",
    "threshold",
)


def columns(findings: Sequence[Finding]) -> Dict[str, List[Optional[str]]]:
    """The findings as one list per column."""
    cols: Dict[str, List[Optional[str]]] = {name: [] for name in COLUMNS}
    for f in findings:
        row = (
            f.rule_id,
            f.severity,
            f.code,
            f.subject.entity,
            f.subject.id,
            f.subject.zh,
            f.subject.en,
            f.path,
            f.message.zh,
            f.message.en,
            f.remedy.zh if f.remedy else None,
            f.remedy.en if f.remedy else None,
            f.explanation.clause,
            f.explanation.computed,
            f.explanation.threshold,
        )
        for name, value in zip(COLUMNS, row):
            cols[name].append(value)
    return cols


def to_arrow(findings: Sequence[Finding]) -> Any:
    pa = import_module("pyarrow")

    schema = pa.schema([(name, pa.string()) for name in COLUMNS])
    return pa.table(columns(findings), schema=schema)


def to_pandas(findings: Sequence[Finding]) -> Any:
    pd = import_module("pandas")

    return pd.DataFrame(columns(findings), columns=list(COLUMNS))


def to_polars(findings: Sequence[Finding]) -> Any:
    pl = import_module("polars")

    return pl.DataFrame(columns(findings), schema={name: pl.String for name in COLUMNS})
