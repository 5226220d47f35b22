"""The Python types are the core's: every class of ``xianjie._types`` has exactly the fields of the
core's JSON Schema (``docs/schema/report.schema.json``, which ``cargo test -p xianjie --test docs``
keeps current), every enum the same values, and a report decoded into them gives back the
core's JSON unchanged (nothing dropped, nothing invented)."""

from __future__ import annotations

import dataclasses
import json
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Set

import pytest

import xianjie
from xianjie import _types
from xianjie._decode import decode
from xianjie._errors import loc_tuple

from conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "schema" / "report.schema.json").read_text("utf-8"))
DEFS: Dict[str, Any] = {**SCHEMA["$defs"], "Report": SCHEMA}

#: The report types every face must carry field for field (issue 11).
FACES = ["Report", "Finding", "RuleStatus", "TargetProgress", "InputIssue", "PackRef", "Counts"]


def _json_name(f: Any) -> str:
    """The core's name of a field (``in`` for the Python field ``in_``)."""
    name: str = f.metadata.get("json", f.name)
    return name


def _fields(cls: Any) -> Set[str]:
    if dataclasses.is_dataclass(cls):
        return {_json_name(f) for f in dataclasses.fields(cls)}
    return set(typing.get_type_hints(cls, vars(_types)))


def _literals(tp: Any) -> List[Any]:
    if typing.get_origin(tp) is typing.Literal:
        return list(typing.get_args(tp))
    return [v for a in typing.get_args(tp) for v in _literals(a)]


def test_the_faces_are_in_the_schema() -> None:
    for name in FACES:
        assert DEFS[name].get("properties"), name


@pytest.mark.parametrize("name", sorted(n for n, d in DEFS.items() if "properties" in d))
def test_every_class_has_every_field_of_the_core(name: str) -> None:
    cls = getattr(_types, name)
    assert _fields(cls) == set(DEFS[name]["properties"]), name


@pytest.mark.parametrize(
    "name",
    # Enums are unions of constants; tagged unions (Detail, Period) are classes, checked above.
    sorted(n for n, d in DEFS.items() if "oneOf" in d and all("const" in a for a in d["oneOf"])),
)
def test_every_enum_has_the_core_values(name: str) -> None:
    values = [alt["const"] for alt in DEFS[name]["oneOf"]]
    assert _literals(getattr(_types, name)) == values


def test_the_public_types_are_the_generated_ones() -> None:
    # No hand-written copy in between: what users import is the generated class (or a subclass
    # adding methods only).
    for name in ["Cell", "Counts", "Explanation", "Finding", "Location", "NamedValue", "PackRef",
                 "RuleStatus", "Subject", "TargetProgress", "Text", "InputIssue"]:
        assert getattr(xianjie, name) is getattr(_types, name), name
    assert issubclass(xianjie.Report, _types.Report)
    assert _fields(xianjie.Report) == set(SCHEMA["properties"])
    assert xianjie.Severity == _types.Severity and xianjie.FindingCode == _types.FindingCode


def test_error_dicts_carry_every_key_of_the_core_issue() -> None:
    issue = set(DEFS["InputIssue"]["properties"])
    assert issue <= set(typing.get_type_hints(xianjie.ErrorDetails))
    assert issue <= set(typing.get_type_hints(xianjie.ReportIssue))
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check({"schools": [{"id": "S1", "colour": 1}]})
    for e in info.value.errors():
        assert set(e) == set(typing.get_type_hints(xianjie.ErrorDetails))
        assert e["loc"] == loc_tuple(e["path"])


def _encode(value: Any) -> Any:
    """A decoded value back to the core's JSON: fields the core leaves out when empty (None, an
    empty ``input_issues``) left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if v is None or (f.name == "input_issues" and v == []):
                continue
            out[_json_name(f)] = _encode(v)
        return out
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items() if v is not None and k != "msg"}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


def _reports(tmp_path: Path) -> List[xianjie.Report]:
    out = [xianjie.check(xianjie.sample(name)) for name in xianjie.sample_names()]
    bad = tmp_path / "semester_activities.csv"
    bad.write_text("project,semester,meetings\nP1,2023-2024-1,many\n", "utf-8")
    out.append(xianjie.check(bad, packs=["bj-3p2-2024"]))
    return out


def test_a_decoded_report_is_the_core_json(tmp_path: Path) -> None:
    reports = _reports(tmp_path)
    assert any(r.targets for r in reports) and any(r.input_issues for r in reports)
    for report in reports:
        assert _encode(report) == report.to_dict()
        # And the generic decoder on its own gives the same objects.
        assert decode(_types.Report, report.to_dict()).findings == report.findings


def test_exact_values_are_decimals() -> None:
    t = decode(_types.TargetProgress, {
        "rule_id": "r", "year": 2024, "value": "1.50", "goal": ">3", "met": False,
        "pending": False, "message": {"zh": "甲", "en": "a"},
    })
    assert t.value == Decimal("1.50") and str(t.value) == "1.50"
    assert t.goal == ">3" and t.stretch is None and t.group is None
    assert isinstance(t.message, xianjie.Text) and t.message.get("en") == "a"


def test_targets_frame_has_every_field(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    df = xianjie.targets({"reporting_year": 2024})
    texts = {"message"}
    want = set()
    for name in DEFS["TargetProgress"]["properties"]:
        want |= {f"{name}_zh", f"{name}_en"} if name in texts else {name}
    assert set(df.columns) == want


@dataclasses.dataclass(frozen=True)
class _Below:
    code: typing.Literal["below_minimum"]
    value: _types.Exact
    bound: str


@dataclasses.dataclass(frozen=True)
class _Missing:
    code: typing.Literal["missing"]
    field: typing.Optional[str] = None


def test_a_tagged_union_is_decoded_by_its_tag() -> None:
    # The shape the generator gives a detail tagged by code (py/tests/generated.rs).
    detail = typing.Union[_Below, _Missing]
    got = decode(typing.List[detail], [  # type: ignore[arg-type]
        {"code": "missing"},
        {"code": "below_minimum", "value": "1.5", "bound": "2"},
    ])
    assert got == [_Missing("missing"), _Below("below_minimum", Decimal("1.5"), "2")]


def test_pack_errors_carry_the_core_error() -> None:
    with pytest.raises(xianjie.PackError) as info:
        xianjie.check({}, params={"nope.x": 1})
    e = info.value
    assert isinstance(e.details, xianjie.PackErrorDetails)
    for f in dataclasses.fields(xianjie.PackErrorDetails):
        assert getattr(e, f.name) == getattr(e.details, f.name)
    assert e.origin == "parameter nope.x" and e.message
    with pytest.raises(AttributeError):
        e.no_such_field  # noqa: B018


@dataclasses.dataclass(frozen=True)
class _Node:
    name: str
    children: typing.List[_Node] = dataclasses.field(default_factory=list)
    of: typing.Optional[_Node] = None


def test_a_type_containing_itself_is_decoded() -> None:
    got = decode(_Node, {"name": "a", "children": [{"name": "b", "of": {"name": "c"}}]})
    assert got == _Node("a", [_Node("b", [], _Node("c"))])
