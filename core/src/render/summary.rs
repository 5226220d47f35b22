//! The summary as text tables (what `xianjie summary` prints without `--out`).

use super::table::Style;
use super::{Block, TextTable};
use crate::aggregate::{Summary, TransferRow};
use crate::finding::Lang;

fn rate_rows(title: &str, rows: &[TransferRow], zh: bool, out: &mut Vec<Block>) {
    let mut t = TextTable::new(if zh {
        &[
            "分组",
            "批次",
            "招生",
            "中职毕业",
            "转段",
            "转段率",
            "精确值",
        ]
    } else {
        &[
            "group",
            "cohorts",
            "enrolled",
            "graduated",
            "transferred",
            "rate",
            "exact",
        ]
    })
    .keep_whole(&[1, 2, 3, 4, 5, 6]);
    for r in rows {
        let key = r
            .keys
            .iter()
            .map(|k| {
                k.name
                    .clone()
                    .or_else(|| k.value.clone())
                    .unwrap_or_else(|| "—".into())
            })
            .collect::<Vec<_>>()
            .join(" / ");
        t.row(vec![
            key,
            r.cohorts.to_string(),
            r.enrolled.to_string(),
            r.graduated.to_string(),
            r.transferred.to_string(),
            r.rate.percent().unwrap_or_else(|| "—".into()),
            r.rate.fraction.clone(),
        ]);
    }
    out.push(Block::Heading(title.into()));
    out.push(Block::Table(t));
    out.push(Block::Text("\n".into()));
}

/// Renders `s` as aligned text tables.
pub fn summary_table(s: &Summary, lang: Lang) -> String {
    summary_in(s, lang, Style::Text)
}

/// Renders `s` as Markdown tables (`|` in cells escaped).
pub fn summary_markdown(s: &Summary, lang: Lang) -> String {
    summary_in(s, lang, Style::Markdown)
}

fn summary_in(s: &Summary, lang: Lang, style: Style) -> String {
    style.blocks(&summary_blocks(s, lang))
}

/// The summary as blocks: what [`summary_table`] and [`summary_markdown`] write, for a face that
/// draws the tables itself.
pub fn summary_blocks(s: &Summary, lang: Lang) -> Vec<Block> {
    let zh = lang == Lang::Zh;
    let mut out = Vec::new();
    if !s.transfer_by_year.is_empty() {
        rate_rows(
            if zh {
                "转段升学率(按入学年份)"
            } else {
                "Transfer rate by entry year"
            },
            &s.transfer_by_year,
            zh,
            &mut out,
        );
        rate_rows(
            if zh {
                "转段升学率(按中职学校所在区)"
            } else {
                "Transfer rate by district"
            },
            &s.transfer_by_district,
            zh,
            &mut out,
        );
        rate_rows(
            if zh {
                "转段升学率(按专业大类)"
            } else {
                "Transfer rate by major category"
            },
            &s.transfer_by_category,
            zh,
            &mut out,
        );
    }
    if !s.applications.is_empty() {
        out.push(Block::Heading(if zh {
            "新增项目申报汇总表(按校内排序)".into()
        } else {
            "Application summary (in rank order)".into()
        }));
        let mut t = TextTable::new(if zh {
            &[
                "中职学校",
                "年度",
                "排序",
                "申报编号",
                "高职学校",
                "专业",
                "材料齐全",
            ]
        } else {
            &[
                "secondary school",
                "year",
                "rank",
                "application",
                "higher school",
                "majors",
                "attachments",
            ]
        })
        .keep_whole(&[1, 2, 3]);
        for g in &s.applications {
            for a in &g.applications {
                t.row(vec![
                    g.secondary_school_name
                        .clone()
                        .unwrap_or_else(|| g.secondary_school.clone()),
                    g.year.to_string(),
                    a.rank.map_or("—".into(), |r| r.to_string()),
                    a.id.clone(),
                    a.higher_school_name
                        .clone()
                        .unwrap_or_else(|| a.higher_school.clone()),
                    format!("{} → {}", a.secondary_major.label(), a.higher_major.label()),
                    if a.attachments_complete {
                        "✓".into()
                    } else {
                        "✗".into()
                    },
                ]);
            }
        }
        out.push(Block::Table(t));
        out.push(Block::Text("\n".into()));
    }
    if let Some(c) = &s.status_campaign {
        super::cities::campaign(c, zh, &mut out);
    }
    super::cities::sheets(&s.application_sheets, zh, &mut out);
    if !s.semesters.is_empty() {
        out.push(Block::Heading(if zh {
            "学期衔接活动达标情况".into()
        } else {
            "Semester compliance".into()
        }));
        let mut t = TextTable::new(if zh {
            &["学期", "项目数", "达标", "达标率"]
        } else {
            &["semester", "projects", "compliant", "share"]
        })
        .keep_whole(&[1, 2, 3]);
        for m in &s.semesters {
            let share = crate::aggregate::Rate::new(m.compliant as u64, m.records as u64);
            t.row(vec![
                if zh {
                    m.semester.zh()
                } else {
                    m.semester.to_string()
                },
                m.records.to_string(),
                m.compliant.to_string(),
                share.percent().unwrap_or_else(|| "—".into()),
            ]);
        }
        out.push(Block::Table(t));
        out.push(Block::Text("\n".into()));
    }
    if !s.targets.is_empty() {
        out.push(Block::Heading(if zh {
            "目标进度".into()
        } else {
            "Target progress".into()
        }));
        out.push(Block::Table(super::table::targets_table(&s.targets, lang)));
        out.push(Block::Text("\n".into()));
    }
    if let Some(p) = &s.pilot {
        super::cities::pilot(p, lang, &mut out);
    }
    if let Some(l) = &s.major_ledger {
        super::cities::ledger(l, zh, &mut out);
    }
    out
}
