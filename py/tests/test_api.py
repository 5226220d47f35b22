from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import xianjie

# Data that names no school (so no region): judged by the pack named (issue 13).
BJ = "bj-3p2-2024"


def test_check_dict(failing: dict) -> None:
    report = xianjie.check(failing, packs=BJ)
    assert not report.ok
    assert report.counts.error == 1
    f = report.findings[0]
    assert isinstance(f, xianjie.Finding)
    assert f.rule_id == "bj-3p2-2024/semester-meetings"
    assert f.severity == "error"
    assert f.path == "semester_activities[0].meetings"
    assert f.locations[0].field == "meetings"
    assert f.subject.entity == "semester_activities"
    assert f.message.zh and f.message.en
    assert f.remedy is not None and f.remedy.en.startswith("1 more meeting")
    assert f.explanation.clause.startswith("京教函〔2024〕51号")
    assert f.explanation.quote
    assert report.by_rule == {"bj-3p2-2024/semester-meetings": 1}
    states = {r.rule_id: r.state for r in report.rules}
    assert states["bj-3p2-2024/semester-meetings"] == "failed"
    assert states["bj-3p2-2024/semester-joint-research"] == "passed"


def test_json_text_bytes_and_path(failing: dict, tmp_path: Path) -> None:
    text = json.dumps(failing)
    p = tmp_path / "data.json"
    p.write_text(text, "utf-8")
    for data in (text, text.encode(), p, str(p)):
        report = xianjie.check(data, packs=BJ)
        assert [f.rule_id for f in report.findings] == ["bj-3p2-2024/semester-meetings"]


def test_to_dict_and_json_are_the_core_report(failing: dict) -> None:
    report = xianjie.check(failing, packs=BJ)
    d = report.to_dict()
    assert d == json.loads(report.to_json())
    assert d["findings"][0]["rule_id"] == report.findings[0].rule_id
    assert d["ok"] is False


def test_passing_data_is_ok() -> None:
    report = xianjie.check(
        {
            "reporting_year": 2024,
            "semester_activities": [
                {"project": "P1", "semester": "2023-2024-1", "meetings": 2,
                 "joint_research": 3, "teachers_dispatched": 5}
            ],
        },
        packs="bj-3p2-2024",
    )
    assert report.ok and report.findings == [] and len(report) == 0
    assert "ok" in report._repr_html_()


def test_html_is_escaped(failing: dict) -> None:
    failing["semester_activities"][0]["project"] = "<script>alert(1)</script>"
    report = xianjie.check(failing, packs=BJ)
    html = report._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "#c62828" in html  # error colour
    assert "高职学校每学期须牵头召开至少2次" in html  # the clause's text


def test_lang_en_messages_in_errors() -> None:
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check({"schools": [{"id": "S1", "name": "甲", "level": "secondary", "colour": 1}]}, lang="en", packs=BJ)
    assert info.value.errors()[0]["msg"].startswith("unknown field")


def test_bad_lang() -> None:
    with pytest.raises(ValueError):
        xianjie.check({}, lang="fr", packs=BJ)


def test_rules_and_explain() -> None:
    all_rules = xianjie.rules()
    assert all(isinstance(r, xianjie.Rule) for r in all_rules)
    bj = xianjie.rules("bj-3p2-2024")
    assert len(bj) == 22 and all(r.pack == "bj-3p2-2024" for r in bj)
    r = next(r for r in bj if r.id == "bj-3p2-2024/semester-meetings")
    assert r.severity == "error" and r.clause == "三(二)"
    assert r.source_date == date(2024, 1, 24)
    text = r.explain()
    assert "京教函〔2024〕51号" in text and r.quote in text
    assert xianjie.explain(r.id, "en").startswith(r.id)
    five = next(r for r in bj if r.id == "bj-3p2-2024/five-year-reporting-from-2024")
    assert five.effective_from is None or isinstance(five.effective_from, date)
    with pytest.raises(KeyError):
        xianjie.explain("no/such-rule")


def test_unknown_pack_is_pack_error() -> None:
    with pytest.raises(xianjie.PackError) as info:
        xianjie.check({}, packs=["no-such-pack"])
    assert isinstance(info.value, xianjie.XianjieError)
    assert isinstance(info.value, ValueError)
    assert "no-such-pack" in info.value.message
    # Typed: the kind and its fields; no CLI flag in the text.
    assert info.value.type == "unknown_pack"
    assert info.value.id == "no-such-pack"
    assert "bj-3p2-2024" in info.value.known
    assert info.value.kind["known"] == info.value.known
    assert info.value.msg_zh.startswith("没有标识为“no-such-pack”的内置规则包")
    assert "--pack" not in str(info.value)
    with pytest.raises(xianjie.PackError):
        xianjie.rules("no-such-pack")


def test_unknown_param_is_pack_error() -> None:
    with pytest.raises(xianjie.PackError) as info:
        xianjie.check({}, params={"nope.x": 1}, packs=BJ)
    assert info.value.origin == "parameter nope.x"
    assert info.value.type == "unknown_rule"
    assert info.value.key == "nope.x"


def test_samples() -> None:
    names = xianjie.sample_names()
    for name in names:
        data = xianjie.sample(name)
        assert isinstance(data, dict)
        report = xianjie.check(data, packs=BJ)
        assert report.rules
    with pytest.raises(KeyError):
        xianjie.sample("no-such-sample")


def test_aware_datetime_and_naive_refused() -> None:
    bj = timezone(timedelta(hours=8))
    ok = {"quality_monitoring": [{"school": "S1", "year": 2023,
                                  "completed_at": datetime(2023, 12, 1, 10, 0, tzinfo=bj)}]}
    xianjie.check(ok, packs=BJ)
    naive = {"quality_monitoring": [{"school": "S1", "year": 2023,
                                     "completed_at": datetime(2023, 12, 1, 10, 0)}]}
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check(naive, packs=BJ)
    e = info.value.errors()[0]
    assert e["loc"] == ("quality_monitoring", 0, "completed_at")
    assert e["input"] == datetime(2023, 12, 1, 10, 0)


def test_unsupported_types_are_located_input_errors() -> None:
    # Not a bare TypeError: a place and a type, like every other input problem (issue 10).
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check({"schools": [object()]}, packs=BJ)
    assert [(e["type"], e["loc"]) for e in info.value.errors()] == [("type", ("schools", 0))]
    with pytest.raises(xianjie.InputError) as info:
        xianjie.check(12345, packs=BJ)  # type: ignore[arg-type]
    assert [(e["type"], e["loc"]) for e in info.value.errors()] == [("type", ())]


def test_csv_is_read_by_the_core(tmp_path: Path) -> None:
    p = tmp_path / "semester_activities.csv"
    p.write_text(
        "project,semester,meetings,joint_research,teachers_dispatched\n"
        "P1,2023-2024-1,1,3,5\n",
        "utf-8",
    )
    report = xianjie.check(p, packs=["bj-3p2-2024"])
    assert [f.rule_id for f in report.findings] == ["bj-3p2-2024/semester-meetings"]
    # The finding names its cell, as the CLI's does: row 2 (after the header), column C.
    cell = report.findings[0].locations[0].cell
    assert cell is not None
    assert (cell.row, cell.column) == (2, "C")
    # The findings table has the cell as a column.
    cells = report.to_polars()["cell"].to_list()
    assert len(cells) == 1 and cells[0].endswith("!C2"), cells
    # A file whose entity cannot be told is unusable: raised.
    unnamed = tmp_path / "semester_activities_bad.csv"
    unnamed.write_text("project,semester,meetings\nP1,2023-2024-1,many\n", "utf-8")
    with pytest.raises(xianjie.InputError):
        xianjie.check(unnamed, packs=BJ)
    # A bad cell is an input issue in the report, the rest checked (as by the CLI).
    (tmp_path / "bad").mkdir()
    bad = tmp_path / "bad" / "semester_activities.csv"
    bad.write_text("project,semester,meetings\nP1,2023-2024-1,many\n", "utf-8")
    report = xianjie.check(bad, packs=["bj-3p2-2024"])
    assert [i["loc"] for i in report.input_issues] == [f"{bad}: semester_activities!C2 meetings"]
    assert not report.ok
