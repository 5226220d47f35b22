"""Rules of the built-in packs, as typed read-only objects."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, List, Optional

from . import _native


@dataclass(frozen=True)
class Rule:
    """One rule: id, titles, the clause it transcribes, severity, dates and parameters.

    ``effective_from`` is the rule's own start, ``None`` when it starts with its source document
    (dated ``source_date``)."""

    id: str
    pack: str
    document: str
    source_date: date
    title_zh: str
    title_en: str
    clause: str
    quote: str
    severity: str
    effective_from: Optional[date]
    effective_until: Optional[date]
    required_params: List[str]
    interpretation: Optional[str]
    checks: List[Dict[str, Any]] = field(repr=False, compare=False)

    def explain(self, lang: str = "zh") -> str:
        """The rule explained for a reader (title, source, quote, dates, parameters)."""
        return explain(self.id, lang)


def _date(s: Optional[str]) -> Optional[date]:
    return None if s is None else date.fromisoformat(s)


def rules(pack: Optional[str] = None) -> List[Rule]:
    """Every rule of the built-in packs, or of pack ``pack``."""
    packs = json.loads(_native.packs([] if pack is None else [pack]))
    out = []
    for p in packs:
        for r in p["rules"]:
            out.append(
                Rule(
                    id=r["id"],
                    pack=p["id"],
                    document=p["source"]["document"],
                    source_date=date.fromisoformat(p["source"]["date"]),
                    title_zh=r["title_zh"],
                    title_en=r["title_en"],
                    clause=r["clause"],
                    quote=r["quote"],
                    severity=r["severity"],
                    effective_from=_date(r.get("effective_from")),
                    effective_until=_date(r.get("effective_until")),
                    required_params=list(r.get("required_params", [])),
                    interpretation=r.get("interpretation"),
                    checks=r.get("checks", []),
                )
            )
    return out


def explain(rule_id: str, lang: str = "zh") -> str:
    """Rule ``rule_id`` explained in ``lang``; ``KeyError`` for an unknown id."""
    text = _native.explain(rule_id, lang)
    if text is None:
        raise KeyError(rule_id)
    return text
