"""The tables each city's notice asks for, as frames and typed: Beijing's status-data campaign
and 汇总表 sheets, Quzhou's indicators and settlements, Hohhot's major ledger. The verdicts are
the check's: a failed indicator is a finding of its rule on that record."""

from __future__ import annotations

from decimal import Decimal

import pytest

import xianjie

pd = pytest.importorskip("pandas")


def test_beijing_campaign_and_sheets() -> None:
    data = xianjie.sample("bj-3p2-2024")
    total = xianjie.status_campaign(data, by="total")
    assert list(total[["approved", "filed", "missing", "late", "unlisted"]].iloc[0]) == [
        399, 398, 1, 1, 1]
    districts = xianjie.status_campaign(data, by="district")
    assert districts["approved"].sum() == 399
    assert isinstance(districts["rate"].iloc[0], Decimal)
    schools = xianjie.status_campaign(data)
    assert schools.loc[schools["missing"] > 0, "missing_projects"].iloc[0] == ["P0337"]
    sheets = xianjie.application_sheets(data)
    assert set(sheets["title"]) == {"2024年拟新增“3+2”中高职衔接申报项目汇总表"}
    report = xianjie.check(data)
    attachments = {f.locations[0].index for f in report.findings
                   if f.rule_id == "bj-3p2-2024/application-attachments"}
    marked = {i for i, b in zip(sheets["index"], sheets["breaks"])
              if "bj-3p2-2024/application-attachments" in b}
    assert marked == attachments and marked
    with pytest.raises(ValueError):
        xianjie.status_campaign(data, by="county")


def test_quzhou_indicators_and_settlements() -> None:
    data = xianjie.sample("qz-pilot-2024")
    rows = xianjie.campus_indicators(data)
    floor = rows[(rows["index"] == 0) & (rows["rule_id"] == "qz-pilot-2024/floor-area-per-student")]
    assert list(floor[["shown", "bound", "verdict"]].iloc[0]) == ["14.5", "≥ 15", "failed"]
    report = xianjie.check(data)
    failed = {(f.rule_id, loc.index) for f in report.findings for loc in f.locations
              if loc.entity == "higher_campuses"}
    got = {(r, i) for r, i, v in zip(rows["rule_id"], rows["index"], rows["verdict"])
           if v == "failed"}
    assert got == failed
    money = xianjie.settlements(data)
    assert money.loc[2, "tuition_share"] == Decimal("831810") / Decimal("1398000")
    assert money.loc[2, "qz-pilot-2024/tuition-share"] == "failed"
    # Not the city's pack: no rows.
    assert len(xianjie.campus_indicators(xianjie.sample("bj-3p2-2024"))) == 0


def test_hohhot_ledger_and_typed_summary() -> None:
    data = xianjie.sample("hhht-majors-2022")
    ledger = xianjie.major_ledger(data)
    assert ledger["discontinue"].map(len).sum() == 0
    assert ledger["refile"].map(len).sum() > 0
    with_size = xianjie.major_ledger(
        data, params={"hhht-majors-2022/small-major-discontinue.class_size": 30})
    assert with_size["discontinue"].map(len).sum() > 0
    s = xianjie.city_summary(data)
    assert s.major_ledger is not None and s.pilot is None and s.status_campaign is None
    unchecked = [n for n in s.major_ledger.rules if n.state == "unchecked"]
    assert [n.rule_id for n in unchecked] == ["hhht-majors-2022/small-major-discontinue"]
    assert unchecked[0].reason is not None and "班额" in unchecked[0].reason.zh
