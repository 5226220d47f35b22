//! The summary workbook: findings with their clauses, transfer rates by school, major, 大类,
//! district and entry year, each secondary school's ranked applications, semester compliance and
//! target progress. Bold headers, widths, percentage formats, frozen headers, autofilters.
//!
//! Safe to open and edit: text that Excel would take for a formula (leading `=`, `+`, `-`, `@`,
//! tab, CR) is written with the quote prefix; text over Excel's 32,767 characters is cut with a
//! visible marker; a sheet with more rows than Excel allows ends with a note row saying how many
//! rows were left out (the JSON report has them all), instead of failing the workbook.
//!
//! Every sheet is written in `rust_xlsxwriter`'s constant-memory mode: rows go in order and each
//! finished row is flushed to an unnamed temporary file (inline strings, no shared-string table),
//! so a report with a million findings costs the report itself plus a few megabytes, not
//! gigabytes of cells. The temporary files are in the system temp directory (`TMPDIR`).

use super::cellmap::cell_ref;
use super::WriteError;
use crate::aggregate::{self, GroupBy, TransferRow};
use crate::model::Dataset;
use crate::report::Report;
use crate::rules::find_rule;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// Excel's rows per sheet.
const EXCEL_ROWS: u32 = 1_048_576;
/// Excel's characters per cell.
const EXCEL_CELL_CHARS: usize = 32_767;

struct Sheet<'w> {
    ws: &'w mut Worksheet,
    row: u32,
    widths: Vec<usize>,
    /// Rows a sheet may hold, the header and the note row included.
    max_rows: u32,
    /// Rows not written because the sheet was full.
    dropped: u64,
    quoted: Format,
}

/// Whether Excel would read `s` as a formula when the cell is edited (OWASP's CSV-injection
/// list: `=`, `+`, `-`, `@`, tab, carriage return).
pub(crate) fn formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `s` cut to Excel's cell size, with a marker saying how much was cut.
fn fit_cell(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(EXCEL_CELL_CHARS - 64) {
        None => std::borrow::Cow::Borrowed(s),
        Some((cut, _)) if s.chars().count() > EXCEL_CELL_CHARS => {
            let rest = s[cut..].chars().count();
            std::borrow::Cow::Owned(format!(
                "{}…[截断,另有{rest}字符 / truncated, {rest} more characters]",
                &s[..cut]
            ))
        }
        Some(_) => std::borrow::Cow::Borrowed(s),
    }
}

impl<'w> Sheet<'w> {
    fn new(
        wb: &'w mut Workbook,
        name: &str,
        headers: &[&str],
        max_rows: u32,
    ) -> Result<Self, WriteError> {
        // Rows are written in order, header first, note last: what constant-memory mode needs.
        let ws = wb.add_worksheet_with_constant_memory();
        ws.set_name(name)?;
        let bold = Format::new().set_bold().set_background_color(0xDDEBF7);
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, i as u16, *h, &bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        let widths = headers.iter().map(|h| width(h)).collect();
        Ok(Sheet {
            ws,
            row: 1,
            widths,
            max_rows: max_rows.clamp(3, EXCEL_ROWS),
            dropped: 0,
            quoted: Format::new().set_quote_prefix(),
        })
    }
    /// The last row is kept for the note.
    fn full(&self) -> bool {
        self.row >= self.max_rows - 1
    }
    fn text(&mut self, col: u16, s: &str) -> Result<(), WriteError> {
        if self.full() {
            return Ok(());
        }
        let s = fit_cell(s);
        if formula_like(&s) {
            self.ws
                .write_string_with_format(self.row, col, s.as_ref(), &self.quoted)?;
        } else if !s.is_empty() {
            self.ws.write_string(self.row, col, s.as_ref())?;
        }
        self.fit(col, width(&s));
        Ok(())
    }
    fn num(&mut self, col: u16, n: f64, fmt: Option<&Format>) -> Result<(), WriteError> {
        if self.full() {
            return Ok(());
        }
        match fmt {
            Some(f) => self.ws.write_number_with_format(self.row, col, n, f)?,
            None => self.ws.write_number(self.row, col, n)?,
        };
        self.fit(col, 8);
        Ok(())
    }
    fn fit(&mut self, col: u16, w: usize) {
        if let Some(x) = self.widths.get_mut(col as usize) {
            *x = (*x).max(w);
        }
    }
    fn next(&mut self) {
        if self.full() {
            self.dropped += 1;
        } else {
            self.row += 1;
        }
    }
    fn done(mut self) -> Result<(), WriteError> {
        if self.dropped > 0 {
            let n = self.dropped;
            let note = format!(
                "另有{n}行超出Excel每表{}行的上限,未写入本表(JSON报告含全部结果) / {n} more rows exceed Excel's limit of {} rows per sheet and were not written (the JSON report has them all)",
                self.max_rows, self.max_rows
            );
            let bold = Format::new().set_bold().set_font_color(0xC00000);
            self.ws
                .write_string_with_format(self.row, 0, &note, &bold)?;
            self.row += 1;
        }
        let last_col = self.widths.len().saturating_sub(1) as u16;
        for (i, w) in self.widths.iter().enumerate() {
            self.ws
                .set_column_width(i as u16, (*w as f64 + 2.0).clamp(6.0, 60.0))?;
        }
        self.ws
            .autofilter(0, 0, self.row.saturating_sub(1).max(1), last_col)?;
        Ok(())
    }
}

fn width(s: &str) -> usize {
    s.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

fn yes(b: bool) -> &'static str {
    if b {
        "是"
    } else {
        "否"
    }
}

fn findings(wb: &mut Workbook, report: &Report, max_rows: u32) -> Result<(), WriteError> {
    let mut s = Sheet::new(
        wb,
        "问题清单",
        &[
            "严重程度",
            "规则编号",
            "规则",
            "条款",
            "原文",
            "对象",
            "位置",
            "单元格",
            "说明",
            "Message",
            "整改建议",
            "Remedy",
        ],
        max_rows,
    )?;
    for f in &report.findings {
        let title = find_rule(f.rule_id()).map_or(String::new(), |(_, r)| r.title_zh.clone());
        let loc = f.locations.first();
        let cell = loc
            .and_then(|l| l.cell.as_ref())
            .map(cell_ref)
            .unwrap_or_default();
        s.text(0, f.severity.zh())?;
        s.text(1, f.rule_id())?;
        s.text(2, &title)?;
        let why = f.explanation();
        s.text(3, &why.clause)?;
        s.text(4, &why.quote)?;
        s.text(5, &f.subject.zh)?;
        s.text(6, f.path())?;
        s.text(7, &cell)?;
        let (message, remedy) = (f.message(), f.remedy());
        s.text(8, &message.zh)?;
        s.text(9, &message.en)?;
        s.text(10, remedy.as_ref().map_or("", |r| r.zh.as_str()))?;
        s.text(11, remedy.as_ref().map_or("", |r| r.en.as_str()))?;
        s.next();
    }
    s.done()
}

fn rates(
    wb: &mut Workbook,
    name: &str,
    rows: &[TransferRow],
    by: GroupBy,
    max_rows: u32,
) -> Result<(), WriteError> {
    let pct = Format::new().set_num_format("0.00%");
    let mut s = Sheet::new(
        wb,
        name,
        &[
            by.zh(),
            "名称",
            "批次数",
            "招生数",
            "中职毕业人数",
            "转段升学人数",
            "转段率",
            "精确分数",
            "数据一致",
            "缺数批次",
        ],
        max_rows,
    )?;
    for r in rows {
        let k = r.keys.first();
        s.text(0, k.and_then(|k| k.value.as_deref()).unwrap_or("(未知)"))?;
        s.text(1, k.and_then(|k| k.name.as_deref()).unwrap_or(""))?;
        s.num(2, r.cohorts as f64, None)?;
        s.num(3, r.enrolled as f64, None)?;
        s.num(4, r.graduated as f64, None)?;
        s.num(5, r.transferred as f64, None)?;
        // The percentage cell is for reading; the exact fraction sits next to it.
        match r.rate.rate.and_then(|d| d.to_f64()) {
            Some(x) => s.num(6, x, Some(&pct))?,
            None => s.text(6, "—")?,
        }
        s.text(7, &r.rate.fraction)?;
        s.text(8, yes(r.rate.consistent))?;
        s.num(9, r.incomplete as f64, None)?;
        s.next();
    }
    s.done()
}

fn applications(wb: &mut Workbook, ds: &Dataset, max_rows: u32) -> Result<(), WriteError> {
    let mut s = Sheet::new(
        wb,
        "申报汇总",
        &[
            "中职学校",
            "学校名称",
            "年度",
            "排序",
            "申报编号",
            "高职学校",
            "中职专业",
            "高职专业",
            "材料齐全",
            "提交时间(北京时间)",
        ],
        max_rows,
    )?;
    for g in aggregate::application_summary(ds) {
        for a in &g.applications {
            s.text(0, &g.secondary_school)?;
            s.text(1, g.secondary_school_name.as_deref().unwrap_or(""))?;
            s.num(2, f64::from(g.year), None)?;
            match a.rank {
                Some(r) => s.num(3, f64::from(r), None)?,
                None => s.text(3, "未排序")?,
            }
            s.text(4, &a.id)?;
            s.text(
                5,
                a.higher_school_name.as_deref().unwrap_or(&a.higher_school),
            )?;
            s.text(6, &a.secondary_major.label())?;
            s.text(7, &a.higher_major.label())?;
            s.text(8, yes(a.attachments_complete))?;
            let t = a
                .submitted_at
                .map(|t| {
                    t.with_timezone(&crate::model::beijing())
                        .format("%Y-%m-%d %H:%M:%S")
                        .to_string()
                })
                .unwrap_or_default();
            s.text(9, &t)?;
            s.next();
        }
    }
    s.done()
}

fn compliance(wb: &mut Workbook, ds: &Dataset, max_rows: u32) -> Result<(), WriteError> {
    // One row at a time: a million activities are not held as rows as well.
    let mut rows = aggregate::semester_compliance_iter(ds).peekable();
    let mut headers: Vec<String> = vec!["项目".into(), "学期".into()];
    if let Some(first) = rows.peek() {
        for i in &first.items {
            headers.push(i.label_zh.clone());
            headers.push(format!("{}下限", i.label_zh));
            headers.push(format!("{}达标", i.label_zh));
        }
    }
    headers.push("全部达标".into());
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut s = Sheet::new(wb, "学期合规", &refs, max_rows)?;
    for r in rows {
        s.text(0, &r.project)?;
        s.text(1, &r.semester.to_string())?;
        let mut col = 2u16;
        for i in &r.items {
            match i.value {
                Some(v) => s.num(col, f64::from(v), None)?,
                None => s.text(col, "未填")?,
            }
            s.text(col + 1, i.min.as_deref().unwrap_or(""))?;
            s.text(col + 2, yes(i.compliant))?;
            col += 3;
        }
        s.text(col, yes(r.compliant))?;
        s.next();
    }
    s.done()
}

fn targets(wb: &mut Workbook, report: &Report, max_rows: u32) -> Result<(), WriteError> {
    let mut s = Sheet::new(
        wb,
        "目标进度",
        &[
            "规则编号",
            "年度",
            "当前值",
            "目标",
            "力争",
            "已达成",
            "年度未到",
            "说明",
            "Progress",
        ],
        max_rows,
    )?;
    for t in aggregate::targets(report) {
        s.text(0, &t.rule_id)?;
        s.num(1, f64::from(t.year), None)?;
        s.text(2, &t.value)?;
        s.text(3, &t.goal)?;
        s.text(4, t.stretch.as_deref().unwrap_or(""))?;
        s.text(5, yes(t.met))?;
        s.text(6, yes(t.pending))?;
        s.text(7, &t.message.zh)?;
        s.text(8, &t.message.en)?;
        s.next();
    }
    s.done()
}

/// The summary workbook of a checked dataset.
///
/// ```
/// let ds = xianjie::Dataset::from_json_str(r#"{"semester_activities": [
///   {"project": "P1", "semester": "2023-2024-1", "meetings": 1, "joint_research": 3, "teachers_dispatched": 5}]}"#).unwrap();
/// let report = xianjie::check(&ds, &Default::default()).unwrap();
/// let bytes = xianjie::table::summary_workbook(&ds, &report).unwrap();
/// assert_eq!(&bytes[..2], b"PK"); // an .xlsx is a zip file
/// ```
pub fn summary_workbook(ds: &Dataset, report: &Report) -> Result<Vec<u8>, WriteError> {
    summary_workbook_rows(ds, report, EXCEL_ROWS)
}

/// [`summary_workbook`] with at most `max_rows` rows a sheet (at least 3, at most Excel's
/// 1,048,576; the header and the note row included), for tests of the cap.
#[doc(hidden)]
pub fn summary_workbook_rows(
    ds: &Dataset,
    report: &Report,
    max_rows: u32,
) -> Result<Vec<u8>, WriteError> {
    // rust_xlsxwriter writes its temporary files with `expect`: a full disk would panic inside
    // it. Turned into an error here so that no face (CLI, Python) crashes on a large summary.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build(ds, report, max_rows)))
        .unwrap_or_else(|_| {
            Err(WriteError::new(
                "写临时文件失败(磁盘已满?) / could not write the temporary sheet files (disk full?)",
            ))
        })
}

/// The findings alone as a workbook: the 问题清单 sheet of [`summary_workbook`], one row a
/// finding with its clause, quoted text, place, cell and both languages (`xianjie check --out
/// findings.xlsx`).
///
/// ```
/// let ds = xianjie::sample::load("bj-3p2-2024").unwrap();
/// let report = xianjie::check(&ds, &Default::default()).unwrap();
/// let bytes = xianjie::table::findings_workbook(&report).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// ```
pub fn findings_workbook(report: &Report) -> Result<Vec<u8>, WriteError> {
    // As in `summary_workbook_rows`: a temporary-file failure inside rust_xlsxwriter is an error.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut wb = Workbook::new();
        wb.set_tempdir(std::env::temp_dir())?;
        findings(&mut wb, report, EXCEL_ROWS)?;
        Ok(wb.save_to_buffer()?)
    }))
    .unwrap_or_else(|_| {
        Err(WriteError::new(
            "写临时文件失败(磁盘已满?) / could not write the temporary sheet files (disk full?)",
        ))
    })
}

fn build(ds: &Dataset, report: &Report, max_rows: u32) -> Result<Vec<u8>, WriteError> {
    let mut wb = Workbook::new();
    // Each constant-memory sheet opens a temporary file, and rust_xlsxwriter unwraps that: try
    // the directory first so that an unwritable one is an error, not a panic.
    wb.set_tempdir(std::env::temp_dir())?;
    findings(&mut wb, report, max_rows)?;
    for (name, by) in [
        ("转段率-中职学校", GroupBy::SecondarySchool),
        ("转段率-高职学校", GroupBy::HigherSchool),
        ("转段率-专业", GroupBy::Major),
        ("转段率-大类", GroupBy::Category),
        ("转段率-区县", GroupBy::District),
        ("转段率-入学年份", GroupBy::EntryYear),
    ] {
        let rows = aggregate::transfer_rates(ds, &[by]);
        rates(&mut wb, name, &rows, by, max_rows)?;
    }
    applications(&mut wb, ds, max_rows)?;
    compliance(&mut wb, ds, max_rows)?;
    targets(&mut wb, report, max_rows)?;
    Ok(wb.save_to_buffer()?)
}
