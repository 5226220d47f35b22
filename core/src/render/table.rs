//! Aligned plain-text tables. Widths count display columns, so Chinese text stays aligned.

use super::{escape, escape_markdown};
use crate::finding::{Lang, Severity};
use crate::report::{Report, RuleState, TargetProgress};
use crate::rules::Pack;
use unicode_width::UnicodeWidthStr;

/// A plain-text table: the last column is not padded, so long messages do not widen the others.
/// Every cell is escaped ([`escape`]): a cell is one line, with no control or bidi character raw.
///
/// Besides its cells a table says what a renderer of its own needs (the CLI draws tables to the
/// terminal's width): the severity of the finding a row shows ([`TextTable::severity`]) and the
/// columns whose cells are ids, paths or codes, never to be broken ([`TextTable::is_whole`]).
#[derive(Debug, Clone, Default)]
pub struct TextTable {
    rows: Vec<Vec<String>>,
    /// The severity of each body row's finding, where a row shows one.
    severities: Vec<Option<Severity>>,
    /// Columns of ids, paths and codes.
    whole: Vec<usize>,
}

/// A part of a rendered report or summary ([`report_blocks`],
/// [`summary_blocks`](super::summary_blocks)): for a face that draws tables itself and keeps the
/// words and their order from the core.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Block {
    /// A section title (one line, no newline).
    Heading(String),
    /// Text written as it is, newlines included.
    Text(String),
    /// A table.
    Table(TextTable),
}

impl TextTable {
    /// A table with a header row.
    pub fn new(header: &[&str]) -> Self {
        TextTable {
            rows: vec![header.iter().map(|s| escape(s).into_owned()).collect()],
            severities: Vec::new(),
            whole: Vec::new(),
        }
    }
    /// Marks the columns (from 0) whose cells are ids, paths or codes: a renderer that wraps
    /// cells must not break them.
    pub fn keep_whole(mut self, columns: &[usize]) -> Self {
        self.whole = columns.to_vec();
        self
    }
    /// Whether the cells of `column` are ids, paths or codes, never to be broken.
    pub fn is_whole(&self, column: usize) -> bool {
        self.whole.contains(&column)
    }
    /// The header row (escaped).
    pub fn header(&self) -> &[String] {
        self.rows.first().map_or(&[], Vec::as_slice)
    }
    /// The rows below the header (escaped).
    pub fn body(&self) -> &[Vec<String>] {
        self.rows.get(1..).unwrap_or(&[])
    }
    /// The severity of the finding body row `row` shows, if it shows one.
    ///
    /// ```
    /// use xianjie::{render::TextTable, Severity};
    /// let mut t = TextTable::new(&["级别", "规则"]).keep_whole(&[1]);
    /// t.finding_row(Severity::Error, vec!["错误".into(), "bj-3p2-2024/x".into()]);
    /// t.row(vec!["—".into(), "—".into()]);
    /// assert_eq!((t.severity(0), t.severity(1)), (Some(Severity::Error), None));
    /// assert!(t.is_whole(1) && !t.is_whole(0));
    /// assert_eq!(t.body()[0][1], "bj-3p2-2024/x");
    /// ```
    pub fn severity(&self, row: usize) -> Option<Severity> {
        self.severities.get(row).copied().flatten()
    }
    /// Adds a row showing a finding of `severity`.
    pub fn finding_row(&mut self, severity: Severity, cells: Vec<String>) {
        self.row(cells);
        self.severities
            .resize(self.rows.len().saturating_sub(2), None);
        self.severities.push(Some(severity));
    }
    /// Adds a row.
    ///
    /// ```
    /// let mut t = xianjie::render::TextTable::new(&["id"]);
    /// t.row(vec!["S1\u{1b}[31m\u{202e}".into()]);
    /// assert_eq!(t.render(), "id\nS1\\u{1b}[31m\\u{202e}\n");
    /// ```
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(
            cells
                .into_iter()
                .map(|c| match escape(&c) {
                    std::borrow::Cow::Borrowed(_) => c,
                    std::borrow::Cow::Owned(e) => e,
                })
                .collect(),
        );
    }
    /// Renders with two spaces between columns.
    ///
    /// ```
    /// let mut t = xianjie::render::TextTable::new(&["级别", "id"]);
    /// t.row(vec!["错误".into(), "a".into()]);
    /// t.row(vec!["warn".into(), "b".into()]);
    /// let s = t.render();
    /// let lines: Vec<&str> = s.lines().collect();
    /// assert_eq!(lines[1], "错误  a");
    /// assert_eq!(lines[2], "warn  b");
    /// ```
    pub fn render(&self) -> String {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![0usize; cols];
        for r in &self.rows {
            for (i, c) in r.iter().enumerate() {
                widths[i] = widths[i].max(UnicodeWidthStr::width(c.as_str()));
            }
        }
        let mut out = String::new();
        for r in &self.rows {
            let mut line = String::new();
            for (i, c) in r.iter().enumerate() {
                line.push_str(c);
                if i + 1 < r.len() {
                    let pad = widths[i] - UnicodeWidthStr::width(c.as_str()) + 2;
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// Renders as a Markdown table (preceded by a blank line, as Markdown needs), the column
    /// separator `|` in cells escaped ([`escape_markdown`]; cells are escaped already).
    ///
    /// ```
    /// let mut t = xianjie::render::TextTable::new(&["id", "名称"]);
    /// t.row(vec!["S|1".into(), "甲\u{202e}".into()]);
    /// assert_eq!(t.markdown(), "\n| id | 名称 |\n|---|---|\n| S\\|1 | 甲\\u{202e} |\n");
    /// ```
    pub fn markdown(&self) -> String {
        let mut out = String::from("\n");
        for (n, r) in self.rows.iter().enumerate() {
            for c in r {
                out.push_str("| ");
                out.push_str(&escape_markdown(c));
                out.push(' ');
            }
            out.push_str("|\n");
            if n == 0 {
                out.push_str(&"|---".repeat(r.len()));
                out.push_str("|\n");
            }
        }
        out
    }
}

/// How a report's tables are written: aligned text for a terminal, or Markdown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Text,
    Markdown,
}

impl Style {
    pub(crate) fn table(self, t: &TextTable) -> String {
        match self {
            Style::Text => t.render(),
            Style::Markdown => t.markdown(),
        }
    }
    /// The blocks in this style: a heading on its line, text as it is, tables in the style.
    pub(crate) fn blocks(self, blocks: &[Block]) -> String {
        let mut out = String::new();
        for b in blocks {
            match b {
                Block::Heading(h) => {
                    out.push_str(h);
                    out.push('\n');
                }
                Block::Text(t) => out.push_str(t),
                Block::Table(t) => out.push_str(&self.table(t)),
            }
        }
        out
    }
}

fn state_name(s: RuleState, lang: Lang) -> &'static str {
    match (s, lang) {
        (RuleState::Passed, Lang::Zh) => "通过",
        (RuleState::Failed, Lang::Zh) => "未通过",
        (RuleState::Unchecked, Lang::Zh) => "未检查",
        (RuleState::NotInForce, Lang::Zh) => "未生效",
        (RuleState::Passed, Lang::En) => "passed",
        (RuleState::Failed, Lang::En) => "failed",
        (RuleState::Unchecked, Lang::En) => "unchecked",
        (RuleState::NotInForce, Lang::En) => "not in force",
    }
}

/// The report as text: findings (severity, rule, where, message and remedy, clause), then rules
/// that did not pass or could not be checked, then targets and counts.
pub fn report_table(report: &Report, lang: Lang) -> String {
    report_in(report, lang, Style::Text)
}

/// The report as Markdown: as [`report_table`], the tables in Markdown (`|` in cells escaped).
///
/// ```
/// let ds = xianjie::sample::load("bj-3p2-2024").unwrap();
/// let r = xianjie::check(&ds, &Default::default()).unwrap();
/// let md = xianjie::render::report_markdown(&r, xianjie::Lang::Zh);
/// assert!(md.contains("\n| 级别 | 规则 | 对象 | 位置 | 条款 | 说明 |\n|---|"), "{md}");
/// ```
pub fn report_markdown(report: &Report, lang: Lang) -> String {
    report_in(report, lang, Style::Markdown)
}

/// Target progress, one row a goal: the same table in the report and the summary.
pub(crate) fn targets_table(targets: &[TargetProgress], lang: Lang) -> TextTable {
    let mut t = TextTable::new(if lang == Lang::Zh {
        &["规则", "年份", "进度"]
    } else {
        &["rule", "year", "progress"]
    })
    .keep_whole(&[0, 1]);
    for p in targets {
        t.row(vec![
            p.rule_id.clone(),
            p.year.to_string(),
            p.message.get(lang).to_string(),
        ]);
    }
    t
}

fn report_in(report: &Report, lang: Lang, style: Style) -> String {
    style.blocks(&report_blocks(report, lang))
}

/// The report as blocks: what [`report_table`] and [`report_markdown`] write, for a face that
/// draws the tables itself (finding rows carry their severity; rule ids, subjects and places are
/// kept whole).
pub fn report_blocks(report: &Report, lang: Lang) -> Vec<Block> {
    let zh = lang == Lang::Zh;
    let mut out = Vec::new();
    // The dataset's name and a user pack's id and document are the user's text.
    let title = escape(
        report
            .dataset
            .as_deref()
            .unwrap_or(if zh { "数据" } else { "data" }),
    );
    let packs: Vec<String> = report
        .packs
        .iter()
        .map(|p| escape(&format!("{} ({})", p.id, p.document)).into_owned())
        .collect();
    out.push(Block::Text(if zh {
        format!("检查 {title}:{}\n\n", packs.join("、"))
    } else {
        format!("Checked {title} against {}\n\n", packs.join(", "))
    }));
    if !report.findings.is_empty() {
        let mut t = TextTable::new(if zh {
            &["级别", "规则", "对象", "位置", "条款", "说明"]
        } else {
            &["severity", "rule", "subject", "where", "clause", "finding"]
        })
        .keep_whole(&[0, 1, 2, 3]);
        for f in &report.findings {
            let sev = if zh {
                f.severity.zh().to_string()
            } else {
                f.severity.as_str().to_string()
            };
            let place = f
                .locations
                .first()
                .map(|l| match &l.cell {
                    Some(c) => format!("{}!{}{}", c.sheet, c.column, c.row),
                    None => l.path.clone(),
                })
                .unwrap_or_default();
            let mut msg = f.message().get(lang).to_string();
            if let Some(r) = &f.remedy() {
                msg.push_str(" → ");
                msg.push_str(r.get(lang));
            }
            t.finding_row(
                f.severity,
                vec![
                    sev,
                    f.rule_id().to_string(),
                    f.subject.id.clone(),
                    place,
                    f.explanation().clause,
                    msg,
                ],
            );
        }
        out.push(Block::Table(t));
        out.push(Block::Text("\n".into()));
    }
    if !report.input_issues.is_empty() {
        out.push(Block::Heading(if zh {
            "输入问题(已跳过该值读取其余数据;相关记录未以该值检查):".into()
        } else {
            "Input problems (read around; the records concerned were checked without the value):"
                .into()
        }));
        let mut t = TextTable::new(if zh {
            &["位置", "类型", "说明"]
        } else {
            &["where", "type", "problem"]
        })
        .keep_whole(&[0, 1]);
        for i in &report.input_issues {
            t.row(vec![
                i.loc.clone(),
                i.kind.as_str().into(),
                if zh { &i.msg_zh } else { &i.msg_en }.clone(),
            ]);
        }
        out.push(Block::Table(t));
        out.push(Block::Text("\n".into()));
    }
    // Rules not checked, and rules checked on some records only (a value unreadable).
    let notable: Vec<_> = report
        .rules
        .iter()
        .filter(|r| {
            matches!(r.state, RuleState::Unchecked | RuleState::NotInForce) || r.reason.is_some()
        })
        .collect();
    if !notable.is_empty() {
        out.push(Block::Heading(if zh {
            "未检查的规则:".into()
        } else {
            "Rules not checked:".into()
        }));
        let mut t = TextTable::new(if zh {
            &["规则", "状态", "原因"]
        } else {
            &["rule", "state", "reason"]
        })
        .keep_whole(&[0]);
        for r in notable {
            t.row(vec![
                r.rule_id.clone(),
                state_name(r.state, lang).into(),
                r.reason
                    .as_ref()
                    .map(|x| x.get(lang).to_string())
                    .unwrap_or_default(),
            ]);
        }
        out.push(Block::Table(t));
        out.push(Block::Text("\n".into()));
    }
    if !report.targets.is_empty() {
        out.push(Block::Heading(if zh {
            "目标进度:".into()
        } else {
            "Target progress:".into()
        }));
        out.push(Block::Table(targets_table(&report.targets, lang)));
        out.push(Block::Text("\n".into()));
    }
    let passed = report
        .rules
        .iter()
        .filter(|r| r.state == RuleState::Passed)
        .count();
    let failed = report
        .rules
        .iter()
        .filter(|r| r.state == RuleState::Failed)
        .count();
    let c = report.counts;
    out.push(Block::Text(if zh {
        format!(
            "错误{}条,警告{}条;规则{}条:通过{passed}条,未通过{failed}条,其余未检查或未生效。{}\n",
            c.error,
            c.warning,
            report.rules.len(),
            match (report.ok, c.error) {
                (true, _) => "结论:通过。",
                (false, 0) => "结论:输入有问题,数据未能完整检查。",
                _ => "结论:存在错误。",
            }
        )
    } else {
        format!(
            "{} errors, {} warnings; {} rules: {passed} passed, {failed} failed, the rest unchecked or not in force. {}\n",
            c.error,
            c.warning,
            report.rules.len(),
            match (report.ok, c.error) {
                (true, _) => "Result: OK.",
                (false, 0) => "Result: the input has problems; the data was not fully checked.",
                _ => "Result: errors found.",
            }
        )
    }));
    out
}

/// The rules of `packs` as a table: id, severity, clause, title.
pub fn rules_table(packs: &[&Pack], lang: Lang) -> String {
    rules_text_table(packs, lang).render()
}

/// The table [`rules_table`] writes, for a face that draws it itself.
pub fn rules_text_table(packs: &[&Pack], lang: Lang) -> TextTable {
    let zh = lang == Lang::Zh;
    let mut t = TextTable::new(if zh {
        &["规则", "级别", "条款", "标题"]
    } else {
        &["rule", "severity", "clause", "title"]
    })
    .keep_whole(&[0]);
    for p in packs {
        for r in &p.rules {
            t.row(vec![
                r.id.clone(),
                if zh {
                    r.severity.zh().into()
                } else {
                    r.severity.as_str().into()
                },
                crate::messages::citation(&p.source.document, &r.clause),
                if zh {
                    r.title_zh.clone()
                } else {
                    r.title_en.clone()
                },
            ]);
        }
    }
    t
}
