//! The summary workbook: findings with their clauses, transfer rates by school, major, 大类,
//! district and entry year, each secondary school's ranked applications, semester compliance and
//! target progress. Bold headers, widths, percentage formats, frozen headers, autofilters.
//!
//! Made to be printed and filed: a cover sheet (封面) with the title block (authority, packs and
//! versions, data, counts, when it was generated), and every sheet set up for A4 landscape, one
//! page wide, header row repeated on each page, long text wrapped, a running title and page
//! numbers. Numbers, years, rates and limits are stored as numbers with formats, so they sort,
//! sum and plot; the exact fraction stays beside a rate as text.
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

mod cities;

use super::cellmap::cell_ref;
use super::WriteError;
use crate::aggregate::{self, GroupBy, TransferRow};
use crate::model::Dataset;
use crate::report::Report;
use crate::rules::find_rule;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet};

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
    /// Columns of long text: wrapped, and narrower so that the sheet prints one page wide.
    wrapped: Vec<bool>,
    wrap: Format,
    wrap_quoted: Format,
    /// Plain text aligned with wrapped text at the top of a tall row.
    top: Format,
    /// The cells of the current row, written when the row is complete.
    pending: Vec<(u16, Cell)>,
    /// Columns printed, when not all.
    print_cols: Option<u16>,
}

/// A cell held until its row is complete.
enum Cell {
    Text(String),
    Num(f64, Option<Format>),
}

/// Points per line of 11-point text (Excel's default row height).
const LINE_HEIGHT: f64 = 15.0;

/// What every printed page of the workbook carries.
struct Print {
    /// Running title at the top left of each page (already escaped for Excel's header codes).
    title: String,
}

impl Print {
    /// The print settings of `report`'s sheets: its running title.
    fn of(report: &Report) -> Print {
        Print {
            title: header_text(&title(report)),
        }
    }
}

/// Widest a wrapped column gets, in characters: with the others it keeps a sheet one A4
/// landscape page wide at a readable scale.
const WRAPPED_WIDTH: f64 = 36.0;

/// Excel header/footer text: `&` starts a control code, so a literal one is doubled.
fn header_text(s: &str) -> String {
    s.replace('&', "&&")
}

/// A4 landscape, one page wide, header row on every page, title and page numbers.
fn print_setup(ws: &mut Worksheet, print: &Print, landscape: bool) {
    const A4: u8 = 9;
    ws.set_paper_size(A4);
    if landscape {
        ws.set_landscape();
    }
    // 1 page wide, as many tall as needed.
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.7, 0.6, 0.3, 0.3);
    ws.set_header(format!("&L&9{}&R&9&A", print.title));
    ws.set_footer("&C&9第 &P 页,共 &N 页 / page &P of &N");
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
        print: &Print,
    ) -> Result<Self, WriteError> {
        // Rows are written in order, header first, note last: what constant-memory mode needs.
        let ws = wb.add_worksheet_with_constant_memory();
        ws.set_name(name)?;
        let bold = Format::new()
            .set_bold()
            .set_background_color(0xDDEBF7)
            .set_text_wrap();
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, i as u16, *h, &bold)?;
        }
        ws.set_freeze_panes(1, 0)?;
        print_setup(ws, print, true);
        ws.set_repeat_rows(0, 0)?;
        let widths = headers.iter().map(|h| width(h)).collect();
        Ok(Sheet {
            ws,
            row: 1,
            widths,
            max_rows: max_rows.clamp(3, EXCEL_ROWS),
            dropped: 0,
            quoted: Format::new().set_quote_prefix().set_align(FormatAlign::Top),
            top: Format::new().set_align(FormatAlign::Top),
            wrapped: vec![false; headers.len()],
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            wrap_quoted: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_quote_prefix(),
            pending: Vec::new(),
            print_cols: None,
        })
    }
    /// Prints only the first `n` columns (the rest are for the screen).
    fn print_columns(mut self, n: u16) -> Self {
        self.print_cols = Some(n);
        self
    }
    /// Marks columns of long text (messages, clauses) as wrapped.
    fn wrap_columns(mut self, cols: &[u16]) -> Self {
        for c in cols {
            if let Some(w) = self.wrapped.get_mut(usize::from(*c)) {
                *w = true;
            }
        }
        self
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
        self.fit(col, width(&s));
        if !s.is_empty() {
            self.pending.push((col, Cell::Text(s.into_owned())));
        }
        Ok(())
    }
    fn num(&mut self, col: u16, n: f64, fmt: Option<&Format>) -> Result<(), WriteError> {
        if self.full() {
            return Ok(());
        }
        self.pending.push((col, Cell::Num(n, fmt.cloned())));
        self.fit(col, 8);
        Ok(())
    }
    fn fit(&mut self, col: u16, w: usize) {
        if let Some(x) = self.widths.get_mut(col as usize) {
            *x = (*x).max(w);
        }
    }
    fn is_wrapped(&self, col: u16) -> bool {
        self.wrapped.get(usize::from(col)).copied().unwrap_or(false)
    }
    /// Writes the row held so far. A streamed row cannot be changed once written, so its height
    /// is set first, from the lines its wrapped cells take: a spreadsheet that opens the file does
    /// not grow rows by itself, and wrapped text would be cut off on paper.
    fn flush(&mut self) -> Result<(), WriteError> {
        let per_line = (WRAPPED_WIDTH - 2.0) as usize;
        let lines = self
            .pending
            .iter()
            .filter(|(col, _)| self.is_wrapped(*col))
            .map(|(_, cell)| match cell {
                Cell::Text(t) => t.lines().map(|l| width(l).div_ceil(per_line).max(1)).sum(),
                Cell::Num(..) => 1,
            })
            .max()
            .unwrap_or(1);
        if lines > 1 {
            self.ws
                .set_row_height(self.row, LINE_HEIGHT * lines.min(30) as f64)?;
        }
        for (col, cell) in std::mem::take(&mut self.pending) {
            match cell {
                Cell::Num(n, Some(f)) => self.ws.write_number_with_format(self.row, col, n, &f)?,
                Cell::Num(n, None) => self.ws.write_number(self.row, col, n)?,
                Cell::Text(t) => {
                    let fmt = match (formula_like(&t), self.is_wrapped(col)) {
                        (true, false) => &self.quoted,
                        (true, true) => &self.wrap_quoted,
                        (false, true) => &self.wrap,
                        (false, false) => &self.top,
                    };
                    self.ws.write_string_with_format(self.row, col, &t, fmt)?
                }
            };
        }
        Ok(())
    }
    fn next(&mut self) -> Result<(), WriteError> {
        if self.full() {
            self.dropped += 1;
        } else {
            self.flush()?;
            self.row += 1;
        }
        Ok(())
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
            let max = if self.wrapped.get(i).copied().unwrap_or(false) {
                WRAPPED_WIDTH
            } else {
                40.0
            };
            self.ws
                .set_column_width(i as u16, (*w as f64 + 2.0).clamp(6.0, max))?;
        }
        let last_row = self.row.saturating_sub(1).max(1);
        self.ws.autofilter(0, 0, last_row, last_col)?;
        if let Some(n) = self.print_cols {
            self.ws
                .set_print_area(0, 0, last_row, n.saturating_sub(1).min(last_col))?;
        }
        Ok(())
    }
}

fn width(s: &str) -> usize {
    s.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

/// An exact value as written by the core (`12`, `0.6`, `65%`), stored as a number with a
/// matching format so that it sorts and sums; text it cannot read stays text.
fn exact(s: &mut Sheet<'_>, col: u16, v: Option<&str>) -> Result<(), WriteError> {
    let Some(v) = v else { return Ok(()) };
    let (digits, percent) = match v.strip_suffix('%') {
        Some(d) => (d, true),
        None => (v, false),
    };
    match digits.trim().parse::<Decimal>().ok().and_then(|d| {
        let d = if percent { d / Decimal::ONE_HUNDRED } else { d };
        d.to_f64()
    }) {
        Some(n) if percent => s.num(col, n, Some(&Format::new().set_num_format("0.##%"))),
        Some(n) => s.num(col, n, Some(&Format::new().set_num_format("0.########"))),
        None => s.text(col, v),
    }
}

fn yes(b: bool) -> &'static str {
    if b {
        "是"
    } else {
        "否"
    }
}

fn findings(
    wb: &mut Workbook,
    report: &Report,
    max_rows: u32,
    print: &Print,
) -> Result<(), WriteError> {
    let mut s = Sheet::new(
        wb,
        "问题清单",
        // What a filed copy needs comes first and is what prints (A–H); the rule's title, the
        // clause's text and the English columns follow for the screen.
        &[
            "严重程度",
            "规则编号",
            "条款",
            "对象",
            "位置",
            "单元格",
            "说明",
            "整改建议",
            "规则",
            "原文",
            "Message",
            "Remedy",
        ],
        max_rows,
        print,
    )?
    .wrap_columns(&[3, 6, 7, 8, 9, 10, 11])
    .print_columns(8);
    for f in &report.findings {
        let title = find_rule(f.rule_id()).map_or(String::new(), |(_, r)| r.title_zh.clone());
        let loc = f.locations.first();
        let cell = loc
            .and_then(|l| l.cell.as_ref())
            .map(cell_ref)
            .unwrap_or_default();
        let why = f.explanation();
        let (message, remedy) = (f.message(), f.remedy());
        s.text(0, f.severity.zh())?;
        s.text(1, f.rule_id())?;
        s.text(2, &why.clause)?;
        s.text(3, &f.subject.zh)?;
        s.text(4, f.path())?;
        s.text(5, &cell)?;
        s.text(6, &message.zh)?;
        s.text(7, remedy.as_ref().map_or("", |r| r.zh.as_str()))?;
        s.text(8, &title)?;
        s.text(9, &why.quote)?;
        s.text(10, &message.en)?;
        s.text(11, remedy.as_ref().map_or("", |r| r.en.as_str()))?;
        s.next()?;
    }
    s.done()
}

fn rates(
    wb: &mut Workbook,
    name: &str,
    rows: &[TransferRow],
    by: GroupBy,
    max_rows: u32,
    print: &Print,
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
        print,
    )?
    .wrap_columns(&[1]);
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
        s.next()?;
    }
    s.done()
}

fn applications(
    wb: &mut Workbook,
    ds: &Dataset,
    max_rows: u32,
    print: &Print,
) -> Result<(), WriteError> {
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
        print,
    )?
    .wrap_columns(&[1, 5, 6, 7]);
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
            s.next()?;
        }
    }
    s.done()
}

fn compliance(
    wb: &mut Workbook,
    ds: &Dataset,
    max_rows: u32,
    print: &Print,
) -> Result<(), WriteError> {
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
    let mut s = Sheet::new(wb, "学期合规", &refs, max_rows, print)?;
    for r in rows {
        s.text(0, &r.project)?;
        s.text(1, &r.semester.to_string())?;
        let mut col = 2u16;
        for i in &r.items {
            match i.value {
                Some(v) => s.num(col, f64::from(v), None)?,
                None => s.text(col, "未填")?,
            }
            exact(&mut s, col + 1, i.min.as_deref())?;
            s.text(col + 2, yes(i.compliant))?;
            col += 3;
        }
        s.text(col, yes(r.compliant))?;
        s.next()?;
    }
    s.done()
}

fn targets(
    wb: &mut Workbook,
    report: &Report,
    max_rows: u32,
    print: &Print,
) -> Result<(), WriteError> {
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
        print,
    )?
    .wrap_columns(&[7, 8]);
    for t in aggregate::targets(report) {
        s.text(0, &t.rule_id)?;
        s.num(1, f64::from(t.year), None)?;
        exact(&mut s, 2, Some(&t.value))?;
        exact(&mut s, 3, Some(&t.goal))?;
        exact(&mut s, 4, t.stretch.as_deref())?;
        s.text(5, yes(t.met))?;
        s.text(6, yes(t.pending))?;
        s.text(7, &t.message.zh)?;
        s.text(8, &t.message.en)?;
        s.next()?;
    }
    s.done()
}

/// The running title of every printed page: what was checked, for which year.
fn title(report: &Report) -> String {
    let mut t = String::from("中高职衔接数据检查汇总");
    if let Some(name) = &report.dataset {
        t.push_str(" · ");
        t.push_str(name);
    }
    if let Some(y) = report.reporting_year {
        t.push_str(&format!(" · {y}年度"));
    }
    t
}

/// When the workbook was made, Beijing time (none on targets without a clock).
fn generated_at() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return None;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs();
        let t = chrono::DateTime::from_timestamp(i64::try_from(secs).ok()?, 0)?;
        Some(
            t.with_timezone(&crate::model::beijing())
                .format("%Y-%m-%d %H:%M:%S")
                .to_string(),
        )
    }
}

/// The cover sheet: the title block a filed copy needs (who set the rules, which packs and
/// versions, which data, when), the counts, and what each sheet holds.
fn cover(
    wb: &mut Workbook,
    ds: &Dataset,
    report: &Report,
    print: &Print,
) -> Result<(), WriteError> {
    // Streamed like the other sheets (rows in order), so the workbook keeps one string layout.
    let ws = wb.add_worksheet_with_constant_memory();
    ws.set_name("封面")?;
    print_setup(ws, print, false);
    let big = Format::new().set_bold().set_font_size(16);
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_background_color(0xDDEBF7);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.write_string_with_format(0, 0, "中高职衔接数据检查汇总", &big)?;
    ws.write_string(
        1,
        0,
        "Secondary–higher vocational articulation: data check summary",
    )?;
    let mut row = 3u32;
    let mut line = |ws: &mut Worksheet, zh: &str, value: &str| -> Result<(), WriteError> {
        ws.write_string_with_format(row, 0, zh, &bold)?;
        ws.write_string(row, 1, value)?;
        row += 1;
        Ok(())
    };
    line(
        ws,
        "数据 / data",
        report.dataset.as_deref().unwrap_or("(未命名 / unnamed)"),
    )?;
    line(
        ws,
        "生成时间(北京时间)/ generated",
        &generated_at().unwrap_or_default(),
    )?;
    line(
        ws,
        "生成工具 / by",
        &format!("xianjie {}", env!("CARGO_PKG_VERSION")),
    )?;
    ws.write_string_with_format(row, 0, "填报年度 / reporting year", &bold)?;
    match report.reporting_year.or(ds.reporting_year) {
        Some(y) => {
            ws.write_number_with_format(row, 1, f64::from(y), &Format::new().set_num_format("0"))?
        }
        None => ws.write_string(row, 1, "—")?,
    };
    row += 2;
    for (i, h) in [
        "规则包 / pack",
        "版本 / version",
        "文号 / document",
        "发文机关 / authority",
        "标题 / title",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(row, i as u16, *h, &head)?;
    }
    row += 1;
    for p in &report.packs {
        let issuer = crate::rules::builtin(&p.id).map_or("", |b| b.source.issuer.as_str());
        ws.write_string(row, 0, &p.id)?;
        ws.write_string(row, 1, &p.version)?;
        ws.write_string(row, 2, &p.document)?;
        ws.write_string(row, 3, issuer)?;
        ws.write_string_with_format(row, 4, &p.title.zh, &wrap)?;
        row += 1;
    }
    row += 1;
    let counts = [
        ("错误 / errors", report.counts.error),
        ("警告 / warnings", report.counts.warning),
        ("目标 / targets", report.counts.target),
        ("输入问题 / input issues", report.input_issues.len()),
    ];
    for (label, n) in counts {
        ws.write_string_with_format(row, 0, label, &bold)?;
        ws.write_number(row, 1, n as f64)?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, "结论 / result", &bold)?;
    ws.write_string(
        row,
        1,
        if report.ok {
            "通过 / passed"
        } else {
            "未通过 / not passed"
        },
    )?;
    row += 2;
    ws.write_string_with_format(row, 0, "工作表 / sheet", &head)?;
    ws.write_string_with_format(row, 1, "内容 / contents", &head)?;
    row += 1;
    for (sheet, what) in [
        ("问题清单", "每条问题的规则、条款原文、对象、位置、说明与整改建议 / findings with clause, place, message and remedy"),
        ("转段率-*", "按中职学校、高职学校、专业、大类、区县、入学年份的转段率 / transfer rates by group"),
        ("申报汇总", "各中职学校申报项目按排序 / each secondary school's applications in rank order"),
        ("学期合规", "各项目各学期的会议、教研、派出教师 / each project's semester activities against the minimums"),
        ("目标进度", "区域目标的当前值与目标 / progress towards the region's goals"),
        ("填报情况-*", "北京:状态数据填报按区县、学校的已填报、未填报、逾期与二(二)1数据 / Beijing: the status-data campaign by district and school"),
        ("汇总表-*", "北京:每所中职学校一页的申报项目汇总表,违反规则的条目标红,留盖章签字栏 / Beijing: one printable 汇总表 per school, with a seal and signature block"),
        ("细则指标 / 经费结算 / 目标-按年度", "衢州:各高职校区细则指标、经费结算表、按年度的目标 / Quzhou: campus indicators, settlements, targets by year"),
        ("专业调整台账", "呼和浩特:各校各学年新设、停办、重新备案专业与重点产业链覆盖 / Hohhot: the major ledger"),
    ] {
        ws.write_string(row, 0, sheet)?;
        ws.write_string_with_format(row, 1, what, &wrap)?;
        row += 1;
    }
    ws.set_column_width(0, 30)?;
    ws.set_column_width(1, 40)?;
    ws.set_column_width(2, 22)?;
    ws.set_column_width(3, 22)?;
    ws.set_column_width(4, 50)?;
    Ok(())
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

/// The findings alone as a workbook: the 问题清单 sheet of [`summary_workbook`] (set up to print
/// the same way), one row a finding with its clause, quoted text, place, cell and both languages (`xianjie check --out
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
        // The same print setup as the summary's sheet (A4 landscape, the title in the header).
        let print = Print::of(report);
        findings(&mut wb, report, EXCEL_ROWS, &print)?;
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
    let print = Print::of(report);
    cover(&mut wb, ds, report, &print)?;
    findings(&mut wb, report, max_rows, &print)?;
    for (name, by) in [
        ("转段率-中职学校", GroupBy::SecondarySchool),
        ("转段率-高职学校", GroupBy::HigherSchool),
        ("转段率-专业", GroupBy::Major),
        ("转段率-大类", GroupBy::Category),
        ("转段率-区县", GroupBy::District),
        ("转段率-入学年份", GroupBy::EntryYear),
    ] {
        let rows = aggregate::transfer_rates(ds, &[by]);
        rates(&mut wb, name, &rows, by, max_rows, &print)?;
    }
    applications(&mut wb, ds, max_rows, &print)?;
    compliance(&mut wb, ds, max_rows, &print)?;
    targets(&mut wb, report, max_rows, &print)?;
    // The tables of the city whose notices the run used.
    let (campaign, sheets) = aggregate::beijing_tables(ds, report);
    if let Some(c) = &campaign {
        cities::campaign(&mut wb, c, max_rows, &print)?;
    }
    cities::application_sheets(&mut wb, &sheets, &print)?;
    if let Some(p) = aggregate::pilot_tables(ds, report) {
        cities::pilot(&mut wb, &p, max_rows, &print)?;
    }
    if let Some(l) = aggregate::major_ledger(ds, report) {
        cities::ledger(&mut wb, &l, max_rows, &print)?;
    }
    Ok(wb.save_to_buffer()?)
}
