//! The city tables of the summary as text blocks: Beijing's status-data campaign and the rules
//! each 汇总表 entry breaks, Quzhou's indicators, settlements and targets by year, Hohhot's major
//! ledger.

use super::{Block, TextTable};
use crate::aggregate::{
    ApplicationSheet, CampaignRow, MajorLedger, PilotTables, Rate, StatusCampaign, Verdict,
};
use crate::finding::Lang;
use rust_decimal::Decimal;

fn pick(zh: bool, a: &'static str, b: &'static str) -> &'static str {
    if zh {
        a
    } else {
        b
    }
}

fn pct(r: &Rate) -> String {
    r.percent().unwrap_or_else(|| "—".into())
}

fn dec(d: Option<Decimal>) -> String {
    d.map_or_else(|| "—".into(), |d| d.normalize().to_string())
}

fn verdict(v: Verdict, zh: bool) -> String {
    if zh { v.zh() } else { v.en() }.to_string()
}

fn end(out: &mut Vec<Block>, t: TextTable) {
    out.push(Block::Table(t));
    out.push(Block::Text("\n".into()));
}

fn campaign_row(first: String, r: &CampaignRow) -> Vec<String> {
    vec![
        first,
        r.approved.to_string(),
        r.filed.to_string(),
        r.missing.to_string(),
        r.late.to_string(),
        r.unlisted.to_string(),
        r.enrollment.to_string(),
        r.graduated.to_string(),
        r.transferred.to_string(),
        pct(&r.transfer_rate),
    ]
}

/// Beijing's campaign: one table by district (with the city total), one by school.
pub(super) fn campaign(c: &StatusCampaign, zh: bool, out: &mut Vec<Block>) {
    let closes = c.campaign.as_ref().and_then(|k| k.closes).map(|t| {
        t.with_timezone(&crate::model::beijing())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    });
    out.push(Block::Heading(match (zh, closes) {
        (true, Some(t)) => format!("人才培养状态数据填报({}年填报,截止{t})", c.reporting_year),
        (true, None) => format!(
            "人才培养状态数据填报({}年填报,截止时间未定)",
            c.reporting_year
        ),
        (false, Some(t)) => format!(
            "Status-data campaign (reporting year {}, closes {t} Beijing time)",
            c.reporting_year
        ),
        (false, None) => format!(
            "Status-data campaign (reporting year {}, closing time not announced)",
            c.reporting_year
        ),
    }));
    let header = |first: &'static str, first_en: &'static str| -> TextTable {
        TextTable::new(&if zh {
            [
                first,
                "已立项",
                "已填报",
                "未填报",
                "逾期",
                "名单外",
                "招生数",
                "中职毕业",
                "转段",
                "转段率",
            ]
        } else {
            [
                first_en,
                "approved",
                "filed",
                "missing",
                "late",
                "off list",
                "enrolled",
                "graduated",
                "transferred",
                "rate",
            ]
        })
        .keep_whole(&[1, 2, 3, 4, 5, 6, 7, 8, 9])
    };
    let unknown = pick(zh, "(未知)", "(unknown)");
    let mut t = header("区", "district");
    for d in &c.districts {
        let name = d
            .district_name
            .clone()
            .or_else(|| d.district.clone())
            .unwrap_or_else(|| unknown.into());
        t.row(campaign_row(name, d));
    }
    t.row(campaign_row(pick(zh, "合计", "total").into(), &c.total));
    end(out, t);
    let mut t = header("学校", "school");
    for s in &c.schools {
        let name = s
            .school_name
            .clone()
            .or_else(|| s.school.clone())
            .unwrap_or_else(|| unknown.into());
        t.row(campaign_row(name, s));
    }
    end(out, t);
}

/// The 汇总表 entries that break a rule, and the sheets whose upload does.
pub(super) fn sheets(sheets: &[ApplicationSheet], zh: bool, out: &mut Vec<Block>) {
    let marked: Vec<_> = sheets
        .iter()
        .flat_map(|s| {
            let whole = (!s.breaks.is_empty()).then(|| (s, None, s.breaks.join(", ")));
            whole.into_iter().chain(
                s.applications
                    .iter()
                    .filter(|a| !a.breaks.is_empty())
                    .map(move |a| (s, Some(a), a.breaks.join(", "))),
            )
        })
        .collect();
    if marked.is_empty() {
        return;
    }
    out.push(Block::Heading(
        pick(
            zh,
            "汇总表中违反规则的条目",
            "汇总表 entries that break a rule",
        )
        .into(),
    ));
    let mut t = TextTable::new(if zh {
        &["中职学校", "年度", "排序", "申报编号", "违反规则"]
    } else {
        &[
            "secondary school",
            "year",
            "rank",
            "application",
            "rules broken",
        ]
    })
    .keep_whole(&[1, 2, 3]);
    for (s, a, rules) in marked {
        t.row(vec![
            s.secondary_school_name
                .clone()
                .unwrap_or_else(|| s.secondary_school.clone()),
            s.year.to_string(),
            a.and_then(|a| a.application.rank)
                .map_or("—".into(), |r| r.to_string()),
            a.map_or_else(
                || pick(zh, "(汇总表上传)", "(the sheet's upload)").into(),
                |a| a.application.id.clone(),
            ),
            rules,
        ]);
    }
    end(out, t);
}

/// Quzhou: indicators per campus, the settlements, the targets by year.
pub(super) fn pilot(p: &PilotTables, lang: Lang, out: &mut Vec<Block>) {
    let zh = lang == Lang::Zh;
    if !p.campuses.is_empty() {
        out.push(Block::Heading(
            pick(
                zh,
                "高职校区办学条件指标(实施细则)",
                "Higher-stage campus indicators (细则)",
            )
            .into(),
        ));
        let mut t = TextTable::new(if zh {
            &["校区", "年度", "条款", "指标", "数值", "要求", "结论"]
        } else {
            &[
                "campus",
                "year",
                "clause",
                "indicator",
                "value",
                "bound",
                "verdict",
            ]
        })
        .keep_whole(&[1, 2, 4, 5, 6]);
        for c in &p.campuses {
            let name = c.school_name.clone().unwrap_or_else(|| c.school.clone());
            for x in &c.indicators {
                t.row(vec![
                    name.clone(),
                    c.year.to_string(),
                    x.clause.clone(),
                    if zh { &x.title.zh } else { &x.title.en }.clone(),
                    x.shown.clone().unwrap_or_else(|| "—".into()),
                    x.bound.clone(),
                    verdict(x.verdict, zh),
                ]);
            }
        }
        end(out, t);
    }
    if !p.settlements.is_empty() {
        out.push(Block::Heading(
            pick(zh, "经费结算表", "Finance settlements").into(),
        ));
        let mut t = TextTable::new(if zh {
            &[
                "高职院校",
                "中职学校",
                "学年",
                "学费收取",
                "学费拨付",
                "拨付比例",
                "代管住宿费收取",
                "代管住宿费支付",
                "生均拨款应拨",
                "属地财政拨付",
                "支付校区",
                "未达标规则",
            ]
        } else {
            &[
                "higher school",
                "secondary school",
                "year",
                "tuition",
                "passed on",
                "share",
                "fees",
                "fees passed on",
                "appropriation owed",
                "received",
                "paid to campus",
                "rules failed",
            ]
        })
        .keep_whole(&[2, 3, 4, 5, 6, 7, 8, 9, 10]);
        for s in &p.settlements {
            let failed: Vec<&str> = s
                .checks
                .iter()
                .filter(|c| c.verdict == Verdict::Failed)
                .map(|c| c.rule_id.as_str())
                .collect();
            t.row(vec![
                s.higher_school_name
                    .clone()
                    .unwrap_or_else(|| s.higher_school.clone()),
                s.school_name.clone().unwrap_or_else(|| s.school.clone()),
                s.year.to_string(),
                dec(s.tuition_collected),
                dec(s.tuition_passed_on),
                s.tuition_share.map_or("—".into(), |d| {
                    crate::aggregate::Indicator::percent_text(d)
                }),
                dec(s.fees_collected),
                dec(s.fees_passed_on),
                dec(s.appropriation_owed),
                dec(s.appropriation_received),
                dec(s.appropriation_paid),
                if failed.is_empty() {
                    "—".into()
                } else {
                    failed.join(", ")
                },
            ]);
        }
        end(out, t);
    }
    for y in &p.targets_by_year {
        out.push(Block::Heading(if zh {
            format!("{}年目标", y.year)
        } else {
            format!("Targets for {}", y.year)
        }));
        out.push(Block::Table(super::table::targets_table(&y.targets, lang)));
        out.push(Block::Text("\n".into()));
    }
}

/// Hohhot: the ledger, and the rules it could not fill.
pub(super) fn ledger(l: &MajorLedger, zh: bool, out: &mut Vec<Block>) {
    out.push(Block::Heading(
        pick(zh, "专业调整台账", "Major ledger (专业调整台账)").into(),
    ));
    let mut t = TextTable::new(if zh {
        &[
            "学校",
            "学年",
            "新设专业",
            "不予备案",
            "新设数量",
            "应停办",
            "须重新备案",
            "专业布点",
            "服务重点产业链",
            "占比",
            "产业链",
        ]
    } else {
        &[
            "school",
            "school year",
            "new majors",
            "refused",
            "new-major limit",
            "to discontinue",
            "to re-file",
            "offerings",
            "key-chain offerings",
            "share",
            "chains",
        ]
    })
    .keep_whole(&[1, 4, 7, 8, 9]);
    let majors = |v: &[crate::model::MajorRef]| -> String {
        if v.is_empty() {
            "—".into()
        } else {
            v.iter()
                .map(crate::model::MajorRef::label)
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    for r in &l.rows {
        t.row(vec![
            r.school_name.clone().unwrap_or_else(|| r.school.clone()),
            r.school_year.clone(),
            majors(&r.new_majors),
            majors(&r.refused),
            verdict(r.new_majors_verdict, zh),
            majors(&r.discontinue),
            majors(&r.refile),
            r.offerings.to_string(),
            r.key_chain_offerings.to_string(),
            pct(&r.key_chain_share),
            if r.chains.is_empty() {
                "—".into()
            } else {
                r.chains.join("、")
            },
        ]);
    }
    end(out, t);
    for n in l
        .rules
        .iter()
        .filter(|n| n.state == crate::report::RuleState::Unchecked)
    {
        if let Some(why) = &n.reason {
            out.push(Block::Text(format!(
                "{} {}: {}\n",
                n.rule_id,
                verdict(Verdict::Unchecked, zh),
                if zh { &why.zh } else { &why.en }
            )));
        }
    }
    out.push(Block::Text("\n".into()));
}
