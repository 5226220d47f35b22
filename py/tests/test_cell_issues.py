"""A workbook's or CSV file's unreadable cell: the report carries it as an input issue with its
cell (the rules that need the value do not judge that record), exactly as the CLI's JSON."""
import json
import pathlib
import subprocess

import pytest

import xianjie

# Data that names no school (so no region): judged by the pack named (issue 13).
BJ = "bj-3p2-2024"

ROOT = pathlib.Path(__file__).resolve().parents[2]

CSV = (
    "项目编号,学期,专题业务沟通会次数,双方教师教研活动次数,派出教师人数\n"
    "P1,2023-2024-1,1,3,5\n"
    "P2,2023-2024-1,three,3,5\n"
    "P3,bad-sem,2,3,5\n"
)


def cli_json(path: pathlib.Path) -> dict:
    binary = ROOT / "target" / "debug" / "xianjie"
    cmd = [str(binary)] if binary.exists() else ["cargo", "run", "-q", "-p", "xianjie-cli", "--"]
    out = subprocess.run(
        cmd + ["check", str(path), "--pack", BJ, "--format", "json"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 1, out.stderr
    return json.loads(out.stdout)


def test_a_bad_cell_is_an_input_issue_not_an_exception(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "学期活动.csv"
    path.write_text(CSV, encoding="utf-8")
    report = xianjie.check(path, lang="en", packs=BJ)
    assert not report.ok
    assert [i["loc"] for i in report.input_issues] == [
        f"{path}: 学期活动!C3 meetings",
        f"{path}: 学期活动!B4 semester",
    ]
    first = report.input_issues[0]
    assert (first["type"], first["line"]) == ("type", 3)
    assert first["msg"] == first["msg_en"]
    # P2's unreadable meetings are not called missing; P1's real finding stays.
    paths = [f.path for f in report.findings if f.rule_id == "bj-3p2-2024/semester-meetings"]
    assert paths == ["semester_activities[0].meetings"]
    assert "input_issues=2" in repr(report)
    # Exactly the CLI's report.
    cli = cli_json(path)
    assert cli["input_issues"][0]["loc"] == report.input_issues[0]["loc"]
    assert report.to_dict() == cli


def test_a_file_that_cannot_be_used_still_raises(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "学期活动.csv"
    path.write_text("no,such,columns\n1,2,3\n", encoding="utf-8")
    with pytest.raises(xianjie.InputError) as e:
        xianjie.check(path, packs=BJ)
    assert e.value.error_count() >= 1


def test_a_clean_report_has_no_input_issues() -> None:
    report = xianjie.check(xianjie.sample("bj-3p2-2024"))
    assert report.input_issues == []
    assert "input_issues" not in report.to_dict()
