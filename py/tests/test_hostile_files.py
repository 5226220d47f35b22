"""The generated hostile-input suite (tests/hostile/: make.py writes the files, cases.json says what
each must give) on the Python face: the same files the CLI suite reads, through ``xianjie.check``.

Where the CLI exits 2 (unusable input) Python raises ``InputError`` (of the case's type, when the
case names one); where the CLI reports (exit 0 or 1) Python returns a report. Either way: no
crash, no other exception. The bombs are the small ones (the CLI memory script runs the full).
"""

import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import xianjie

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "hostile"
sys.path.insert(0, str(HOSTILE))
import make  # noqa: E402

CASES: List[Dict[str, Any]] = [
    c
    for c in json.loads((HOSTILE / "cases.json").read_text(encoding="utf-8"))["cases"]
    if "py" in c["faces"] and c.get("file") and c.get("args", [None])[0] == "check"
    # A user pack from a file is a CLI option; the core refusal is tested in core/tests/packs.rs.
    and "--pack-file" not in c["args"]
]


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    make.make(str(d), bombs="small")
    return d


def _packs(args: List[str]) -> Optional[List[str]]:
    packs = [args[i + 1] for i, a in enumerate(args) if a == "--pack"]
    return packs or None


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: Dict[str, Any], outdir: Path) -> None:
    path = outdir / case["file"]
    exits = case["expect"]["exit"]
    try:
        report = xianjie.check(str(path), packs=_packs(case["args"]))
    except xianjie.InputError as e:
        assert 2 in exits, f"refused, the CLI reports: {e.errors()[:3]}"
        errors = e.errors()
        assert errors, "an InputError lists its problems"
        want = case["expect"].get("type")
        if want:
            assert want in {x["type"] for x in errors}, errors[:3]
        return
    assert exits != [2], f"read, the CLI refuses: {report!r}"
    assert isinstance(report.ok, bool)
