"""The report and its parts, as typed read-only objects built from the core's JSON report."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, List, Optional, Union

from . import _html, _table


@dataclass(frozen=True)
class Text:
    """Text in both languages, Chinese first."""

    zh: str
    en: str

    def get(self, lang: str = "zh") -> str:
        """The text in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.en if lang == "en" else self.zh

    @staticmethod
    def _from(d: Optional[Dict[str, Any]]) -> Optional[Text]:
        return None if d is None else Text(d["zh"], d["en"])


@dataclass(frozen=True)
class Subject:
    """Who a finding is about."""

    entity: str
    id: str
    zh: str
    en: str

    def get(self, lang: str = "zh") -> str:
        """The description in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Cell:
    """A spreadsheet cell, when the input was a workbook or CSV."""

    sheet: str
    row: int
    column: str


@dataclass(frozen=True)
class Location:
    """Where in the input: a record, and the field to blame where there is one."""

    path: str
    entity: str
    index: int
    field: Optional[str] = None
    cell: Optional[Cell] = None


@dataclass(frozen=True)
class NamedValue:
    """A named input value, exact as written."""

    name: str
    value: str


@dataclass(frozen=True)
class Explanation:
    """The inputs, computed value, threshold, clause and quote behind a verdict."""

    inputs: List[NamedValue]
    computed: Optional[str]
    threshold: Optional[str]
    clause: str
    quote: str


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on one record."""

    rule_id: str
    severity: str
    code: str
    subject: Subject
    locations: List[Location]
    message: Text
    explanation: Explanation
    remedy: Optional[Text]

    @property
    def path(self) -> str:
        """The first location's path (empty when the finding concerns the whole dataset)."""
        return self.locations[0].path if self.locations else ""

    @staticmethod
    def _from(d: Dict[str, Any]) -> Finding:
        e = d["explanation"]
        return Finding(
            rule_id=d["rule_id"],
            severity=d["severity"],
            code=d["code"],
            subject=Subject(**d["subject"]),
            locations=[
                Location(
                    path=loc["path"],
                    entity=loc["entity"],
                    index=loc["index"],
                    field=loc.get("field"),
                    cell=Cell(**loc["cell"]) if loc.get("cell") else None,
                )
                for loc in d["locations"]
            ],
            message=Text(d["message"]["zh"], d["message"]["en"]),
            explanation=Explanation(
                inputs=[NamedValue(i["name"], i["value"]) for i in e["inputs"]],
                computed=e.get("computed"),
                threshold=e.get("threshold"),
                clause=e["clause"],
                quote=e["quote"],
            ),
            remedy=Text._from(d.get("remedy")),
        )


@dataclass(frozen=True)
class RuleStatus:
    """What happened to one rule in a check run."""

    rule_id: str
    severity: str
    state: str
    checked: int
    findings: int
    reason: Optional[Text]


def _exact(s: Optional[str]) -> Union[Decimal, str, None]:
    """An exact number from the core's text: a ``Decimal`` when it is one, else the text."""
    if s is None:
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return s


def _exact_required(s: str) -> Union[Decimal, str]:
    v = _exact(s)
    return s if v is None else v


@dataclass(frozen=True)
class TargetProgress:
    """Progress towards a region-wide target (never a form error)."""

    rule_id: str
    year: int
    value: Union[Decimal, str]
    goal: Union[Decimal, str]
    stretch: Union[Decimal, str, None]
    met: bool
    pending: bool
    message: Text


@dataclass(frozen=True)
class Counts:
    """Findings by severity."""

    error: int
    warning: int
    target: int


@dataclass(frozen=True)
class PackRef:
    """A pack used in a run."""

    id: str
    version: str
    document: str
    title: Text


def _input_issue(i: Dict[str, Any], lang: str) -> Dict[str, Any]:
    """One of ``Report.input_issues``: the keys of ``InputError.errors()`` entries, ``loc`` the
    core's text (``"学期活动.csv: 学期活动!C3 meetings"``: file, cell and field, as in the CLI's
    JSON) since a cell is not a path into a document."""
    return {
        "loc": i["loc"],
        "type": i["type"],
        "msg": i["msg_en"] if lang == "en" else i["msg_zh"],
        "msg_zh": i["msg_zh"],
        "msg_en": i["msg_en"],
        "line": i.get("line"),
        "column": i.get("column"),
    }


class Report:
    """The result of checking one dataset: findings, counts, every rule's state, targets.

    ``input_issues`` lists the problems in the input that were read around (cells of a workbook
    or CSV file that could not be read), as dicts like ``InputError.errors()`` entries; the
    records they concern were checked without the bad value, and ``ok`` is then false.
    """

    dataset: Optional[str]
    reporting_year: Optional[int]
    packs: List[PackRef]
    ok: bool
    counts: Counts
    by_rule: Dict[str, int]
    findings: List[Finding]
    rules: List[RuleStatus]
    targets: List[TargetProgress]
    input_issues: List[Dict[str, Any]]
    lang: str

    def __init__(self, report_json: str, lang: str = "zh") -> None:
        self._json = report_json
        d = json.loads(report_json)
        self.lang = lang
        self.dataset = d.get("dataset")
        self.reporting_year = d.get("reporting_year")
        self.packs = [
            PackRef(p["id"], p["version"], p["document"], Text(**p["title"]))
            for p in d["packs"]
        ]
        self.ok = d["ok"]
        self.counts = Counts(**d["counts"])
        self.by_rule = dict(d["by_rule"])
        self.findings = [Finding._from(f) for f in d["findings"]]
        self.rules = [
            RuleStatus(
                r["rule_id"],
                r["severity"],
                r["state"],
                r["checked"],
                r["findings"],
                Text._from(r.get("reason")),
            )
            for r in d["rules"]
        ]
        self.targets = [
            TargetProgress(
                rule_id=t["rule_id"],
                year=t["year"],
                value=_exact_required(t["value"]),
                goal=_exact_required(t["goal"]),
                stretch=_exact(t.get("stretch")),
                met=t["met"],
                pending=t["pending"],
                message=Text(**t["message"]),
            )
            for t in d["targets"]
        ]
        # Cells of a workbook or CSV file that could not be read: the rest was checked.
        self.input_issues = [_input_issue(i, lang) for i in d.get("input_issues", [])]

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
