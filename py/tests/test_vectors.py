"""Every shared vector in tests/vectors/ (the files the Rust and JS suites run) gives the same
findings here, through both the dict path (Python objects) and the JSON-text path."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import xianjie

ROOT = Path(__file__).resolve().parents[2]
VECTOR_DIR = ROOT / "tests" / "vectors"
VECTORS = sorted(VECTOR_DIR.rglob("*.json"))


def test_vectors_found() -> None:
    assert VECTORS, "no vectors under tests/vectors"


def _load(path: Path) -> Dict[str, Any]:
    result: Dict[str, Any] = json.loads(path.read_text("utf-8"), parse_float=Decimal)
    return result


def _data(v: Dict[str, Any], mode: str) -> Any:
    if "input_text" in v:
        return xianjie.Dataset.from_json_str(v["input_text"])
    if mode == "json":
        return json.dumps(v["input"], default=str, ensure_ascii=False)
    return v["input"]


@pytest.mark.parametrize("mode", ["dict", "json"])
@pytest.mark.parametrize("path", VECTORS, ids=lambda p: str(p.relative_to(VECTOR_DIR)))
def test_vector(path: Path, mode: str) -> None:
    v = _load(path)
    expect = v["expect"]
    packs = v.get("packs")
    params = v.get("params")
    if "error" in expect:
        with pytest.raises(xianjie.InputError) as info:
            xianjie.check(_data(v, mode), packs=packs, params=params)
        want = expect["error"]
        got = [(e["type"], e["path"]) for e in info.value.errors()]
        assert any(
            t == want["type"] and ("loc" not in want or loc == want["loc"]) for t, loc in got
        ), got
        # Optional: every error listed (in any order) and how many there are in all.
        for w in expect.get("errors", []):
            assert (w["type"], w["loc"]) in got, (w, got)
        if "error_count" in expect:
            assert len(got) == expect["error_count"], got
        return
    report = xianjie.check(_data(v, mode), packs=packs, params=params)
    got: List[Tuple[str, str, str]] = sorted((f.rule_id, f.severity, f.path) for f in report.findings)
    want = sorted((f["rule_id"], f["severity"], f["path"]) for f in expect.get("findings", []))
    missing = [w for w in want if w not in got]
    assert not missing, f"missing {missing}; got {got}"
    if expect.get("exact", True):
        assert got == want
    # Optional "paths": every location of the finding, in order (e.g. both duplicate ranks).
    for f in expect.get("findings", []):
        if "paths" in f:
            located = [
                [loc.path for loc in g.locations] for g in report.findings if g.rule_id == f["rule_id"]
            ]
            assert f["paths"] in located, (f, located)
    for rule in expect.get("absent_rules", []):
        assert all(g[0] != rule for g in got), got
    states = {r.rule_id: r.state for r in report.rules}
    for rule, state in expect.get("rule_states", {}).items():
        assert states[rule] == state
