"""The report and its parts: the generated types of ``_types`` (field for field the core's JSON
Schema), built from the core's JSON report by the schema-driven ``_decode``; ``Report`` adds the
conversions and the notebook display."""

from __future__ import annotations

import json
from importlib import import_module
from typing import Any, Dict, List, Optional

from . import _html, _types
from ._decode import decode, fields_of
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


#: Findings shown by ``repr`` and the notebook display; the rest is counted, never rendered.
SHOWN = 20

_LAZY: Any = object()


class Report(_types.Report):
    """The result of checking one dataset: findings, counts, every rule's state, targets.

    Every field of the core's report is an attribute (see ``_types.Report``). The report stays
    in the core: ``findings`` (one dataclass per finding) is built on first access only;
    ``to_arrow``, ``to_polars`` and ``to_pandas`` give the findings as a table built by the core,
    with no Python object per finding. ``input_issues`` lists the problems in the input that were
    read around (cells of a workbook or CSV file that could not be read), as dicts like
    ``InputError.errors()`` entries; the records they concern were checked without the bad
    value, and ``ok`` is then false.
    """

    input_issues: List[ReportIssue]  # type: ignore[assignment]
    lang: str
    #: The core's report (``_native.Report``).
    _native: Any

    def __init__(self, native: Any, lang: str = "zh") -> None:
        object.__setattr__(self, "_native", native)
        object.__setattr__(self, "_json", None)
        fields = fields_of(_types.Report, json.loads(native.summary_json()))
        # Cells of a workbook or CSV file that could not be read: the rest was checked.
        fields["input_issues"] = [_issue(i, lang) for i in fields.get("input_issues", [])]
        fields["findings"] = _LAZY
        super().__init__(**fields)
        self.lang = lang

    @property  # type: ignore[override]
    def findings(self) -> List[Finding]:
        """Every finding, as dataclasses (built from the core on first access, then kept)."""
        found: Optional[List[Finding]] = self.__dict__.get("_findings")
        if found is None:
            found = self._decoded(0, None)
            object.__setattr__(self, "_findings", found)
        return found

    @findings.setter
    def findings(self, value: Any) -> None:
        # Reached from the dataclass's ``__init__`` only (the report is frozen).
        object.__setattr__(self, "_findings", None if value is _LAZY else list(value))

    def _decoded(self, start: int, stop: Optional[int]) -> List[Finding]:
        rows = json.loads(self._native.findings_json(start, stop))
        return [decode(Finding, r) for r in rows]

    def head(self, n: int = SHOWN) -> List[Finding]:
        """The first ``n`` findings (only those are built)."""
        found: Optional[List[Finding]] = self.__dict__.get("_findings")
        return found[:n] if found is not None else self._decoded(0, n)

    def to_json(self) -> str:
        """The core's JSON report (the same document the CLI prints with ``--format json``)."""
        text: Optional[str] = self.__dict__.get("_json")
        if text is None:
            text = self._native.to_json_pretty()
            object.__setattr__(self, "_json", text)
        return text

    def to_dict(self) -> Dict[str, Any]:
        """The JSON report as plain Python values."""
        result: Dict[str, Any] = json.loads(self.to_json())
        return result

    def to_arrow(self, lang: Optional[str] = None) -> Any:
        """Findings as an Arrow table built by the core, one row per finding: rule id, severity
        and code dictionary-encoded (categorical), values as exact decimal columns with a float
        twin for plotting; ``message`` and ``remedy`` columns only when ``lang`` is given
        (``"zh"``, ``"en"``; ``"both"``: ``message_zh``, ``remedy_zh``, ``message_en``,
        ``remedy_en``). A ``pyarrow.Table`` when pyarrow is installed, else an Arrow table
        object that any Arrow consumer reads (``__arrow_c_stream__``). Columns: see
        ``docs/guide.md`` §2 (the findings table)."""
        table = self._native.to_arrow(lang)
        try:
            pa = import_module("pyarrow")
        except ImportError:
            return table
        return pa.table(table)

    def to_polars(self, lang: Optional[str] = None) -> Any:
        """Findings as a ``polars.DataFrame`` (see :meth:`to_arrow`; categorical ids, decimal and
        float values), read from the core's Arrow table without a Python object per finding."""
        pl = import_module("polars")
        return pl.DataFrame(self._native.to_arrow(lang))

    def to_pandas(self, lang: Optional[str] = None) -> Any:
        """Findings as a ``pandas.DataFrame`` (see :meth:`to_arrow`; needs pyarrow): ids as
        ``category``, exact values as ``Decimal`` objects beside ``float64`` twins."""
        pa = import_module("pyarrow")
        return pa.table(self._native.to_arrow(lang)).to_pandas()

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """Arrow PyCapsule stream of the findings table (any Arrow consumer can read a Report)."""
        return self._native.to_arrow(None).__arrow_c_stream__(requested_schema)

    def _repr_html_(self) -> str:
        return _html.report_html(self)

    def __repr__(self) -> str:
        c = self.counts
        issues = f" input_issues={len(self.input_issues)}" if self.input_issues else ""
        head = (
            f"<Report ok={self.ok} error={c.error} warning={c.warning} "
            f"target={c.target} rules={len(self.rules)}{issues}>"
        )
        shown = self.head(SHOWN)
        lines = [head] + [f"  {f.severity:<7} {f.rule_id}  {f.path}" for f in shown]
        more = len(self) - len(shown)
        if more > 0:
            lines.append(f"  … {more} more (report.to_polars() for all)")
        return "\n".join(lines)

    def __len__(self) -> int:
        return len(self._native)


def _issue(i: InputIssue, lang: str) -> ReportIssue:
    issue: Dict[str, Any] = dict(i)
    issue["msg"] = i["msg_en"] if lang == "en" else i["msg_zh"]
    result: ReportIssue = issue  # type: ignore[assignment]
    return result
