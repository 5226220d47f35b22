"""The report and its parts: the generated types of ``_types`` (field for field the core's JSON
Schema), built from the core's JSON report by the schema-driven ``_decode``; ``Report`` adds the
conversions and the notebook display."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

from . import _html, _table, _types
from ._decode import fields_of
from ._types import (
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
    RuleState,
    RuleStatus,
    Severity,
    Subject,
    TargetProgress,
    Text,
)

__all__ = [
    "Cell",
    "Counts",
    "Explanation",
    "Finding",
    "FindingCode",
    "InputErrorKind",
    "InputIssue",
    "Location",
    "NamedValue",
    "PackRef",
    "Report",
    "ReportIssue",
    "RuleState",
    "RuleStatus",
    "Severity",
    "Subject",
    "TargetProgress",
    "Text",
]


class ReportIssue(InputIssue):
    """One of ``Report.input_issues``: the core's issue (``loc`` is its text, e.g.
    ``"学期活动.csv: 学期活动!C3 meetings"``: file, cell and field, as in the CLI's JSON, since a
    cell is not a path into a document) and ``msg``, the message in the check's language."""

    msg: str


class Report(_types.Report):
    """The result of checking one dataset: findings, counts, every rule's state, targets.

    Every field of the core's report is an attribute (see ``_types.Report``). ``input_issues``
    lists the problems in the input that were read around (cells of a workbook or CSV file that
    could not be read), as dicts like ``InputError.errors()`` entries; the records they concern
    were checked without the bad value, and ``ok`` is then false.
    """

    input_issues: List[ReportIssue]  # type: ignore[assignment]
    lang: str

    def __init__(self, report_json: str, lang: str = "zh") -> None:
        fields = fields_of(_types.Report, json.loads(report_json))
        # Cells of a workbook or CSV file that could not be read: the rest was checked.
        fields["input_issues"] = [_issue(i, lang) for i in fields.get("input_issues", [])]
        super().__init__(**fields)
        self.lang = lang
        self._json = report_json

    def to_json(self) -> str:
        """The core's JSON report (the same document the CLI prints with ``--format json``)."""
        return self._json

    def to_dict(self) -> Dict[str, Any]:
        """The JSON report as plain Python values."""
        result: Dict[str, Any] = json.loads(self._json)
        return result

    def to_arrow(self) -> Any:
        """Findings as a ``pyarrow.Table``, one row per finding (needs pyarrow)."""
        return _table.to_arrow(self.findings)

    def to_pandas(self) -> Any:
        """Findings as a ``pandas.DataFrame``, one row per finding (needs pandas)."""
        return _table.to_pandas(self.findings)

    def to_polars(self) -> Any:
        """Findings as a ``polars.DataFrame``, one row per finding (needs polars)."""
        return _table.to_polars(self.findings)

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """Arrow PyCapsule stream of the findings table (any Arrow consumer can read a Report)."""
        return self.to_arrow().__arrow_c_stream__(requested_schema)

    def _repr_html_(self) -> str:
        return _html.report_html(self)

    def __repr__(self) -> str:
        c = self.counts
        issues = f" input_issues={len(self.input_issues)}" if self.input_issues else ""
        return (
            f"<Report ok={self.ok} error={c.error} warning={c.warning} "
            f"target={c.target} rules={len(self.rules)}{issues}>"
        )

    def __len__(self) -> int:
        return len(self.findings)


def _issue(i: InputIssue, lang: str) -> ReportIssue:
    issue: Dict[str, Any] = dict(i)
    issue["msg"] = i["msg_en"] if lang == "en" else i["msg_zh"]
    result: ReportIssue = issue  # type: ignore[assignment]
    return result
