from __future__ import annotations

import pytest

import xianjie

# Data that names no school (so no region): judged by the pack named (issue 13).
BJ = "bj-3p2-2024"


def test_input_error_shape() -> None:
    data = {"schools": [{"id": "S1", "name": "北京市商业学校", "level": "secondary", "colour": "red"}]}
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check(data, packs=BJ)
    err = info.value
    assert isinstance(err, xianjie.XianjieError) and isinstance(err, ValueError)
    errors = err.errors()
    assert err.error_count() == len(errors) == 1
    e = errors[0]
    assert set(e) >= {"loc", "type", "msg", "input"}
    assert e["loc"] == ("schools", 0, "colour")
    assert e["path"] == "schools[0].colour"
    assert e["type"] == "unknown_field"
    assert e["input"] == "red"
    assert e["msg"] == e["msg_zh"] and e["msg_en"]
    assert e["line"] is None and e["column"] is None  # no text the user saw


def test_input_error_from_json_text_is_located() -> None:
    text = '{"semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": -1}]}'
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check(text, packs=BJ)
    e = info.value.errors()[0]
    assert e["path"] == "semester_activities[0].meetings"
    assert e["line"] == 1 and e["column"] and e["input"] is None


def test_syntax_error() -> None:
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check('{"schools": [', packs=BJ)
    assert info.value.errors()[0]["type"] == "syntax"


def test_missing_file_is_io_error(tmp_path) -> None:
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check(tmp_path / "missing.json", packs=BJ)
    assert info.value.errors()[0]["type"] == "io"
    assert info.value.source_name is not None


def test_fractional_float_in_count_is_refused_not_truncated() -> None:
    data = {"semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 1.5}]}
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check(data, packs=BJ)
    e = info.value.errors()[0]
    assert e["loc"] == ("semester_activities", 0, "meetings")
    assert e["input"] == 1.5


def test_whole_float_is_an_integer() -> None:
    data = {"reporting_year": 2024, "semester_activities": [
        {"project": "P1", "semester": "2023-2024-1", "meetings": 1.0, "joint_research": 3.0,
         "teachers_dispatched": 5.0}]}
    report = xianjie.check(data, packs=BJ)
    assert [f.rule_id for f in report.findings] == ["bj-3p2-2024/semester-meetings"]


def test_nan_is_missing() -> None:
    data = {"reporting_year": 2024, "semester_activities": [
        {"project": "P1", "semester": "2023-2024-1", "meetings": float("nan"), "joint_research": 3,
         "teachers_dispatched": 5}]}
    report = xianjie.check(data, packs=BJ)  # a missing count: not a crash, whatever the rules say of it
    assert report.rules


def test_message_from_python_objects_has_no_text_position() -> None:
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check({"schools": [{"id": "S1", "name": "甲", "level": "nowhere"}]}, packs=BJ)
    assert str(info.value).startswith("input at schools[0].level:")
