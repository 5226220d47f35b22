//! A blank workbook to fill in: one sheet per entity the packs need, a header note per column
//! (meaning, type and unit, example), drop-down lists for enumerations and flags, number and date
//! formats, frozen header.

use super::columns::{spec, Column, ColumnKind, EntitySpec};
use super::WriteError;
use crate::model::EntityKind;
use crate::rules::Pack;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, Note,
    Workbook, Worksheet,
};
use std::collections::BTreeSet;

/// Rows given formats and validation in a template.
const TEMPLATE_ROWS: u32 = 2000;

/// The entities `packs` check, plus the schools and projects they refer to, in document order.
pub fn entities_for(packs: &[&Pack]) -> Vec<EntityKind> {
    let mut set = BTreeSet::new();
    for p in packs {
        for r in &p.rules {
            for c in r.checks.iter() {
                // Every check kind names its collection `entity` (and some a `companion`).
                let v = serde_json::to_value(c).unwrap_or_default();
                for key in ["entity", "companion"] {
                    if let Some(k) = v
                        .get(key)
                        .and_then(|e| e.as_str())
                        .and_then(EntityKind::parse)
                    {
                        set.insert(k);
                    }
                }
            }
        }
    }
    if !set.is_empty() {
        set.insert(EntityKind::Schools);
        let refers_to_projects = set
            .iter()
            .any(|k| spec(*k).is_some_and(|s| s.column_of_path("project").is_some()));
        if refers_to_projects {
            set.insert(EntityKind::Projects);
        }
    }
    set.into_iter().collect()
}

fn example(c: &Column) -> &'static str {
    match &c.kind {
        ColumnKind::Int => "3",
        ColumnKind::Decimal => "6.5 / 60%",
        ColumnKind::Bool => "是 / 否",
        ColumnKind::Semester => "2023-2024-1",
        ColumnKind::DateTime => "2024-02-27 17:00",
        ColumnKind::Date => "2024-02-27",
        ColumnKind::Json => "[]",
        ColumnKind::Enum(_) | ColumnKind::Text => "",
    }
}

fn type_words(c: &Column) -> (&'static str, &'static str) {
    match &c.kind {
        ColumnKind::Int => ("整数", "whole number"),
        ColumnKind::Decimal => (
            "数值(精确小数,可写百分数)",
            "exact decimal (percentages allowed)",
        ),
        ColumnKind::Bool => ("是/否", "yes/no"),
        ColumnKind::Semester => ("学期", "semester"),
        ColumnKind::DateTime => ("日期时间,北京时间", "date and time, Beijing time"),
        ColumnKind::Date => ("日期", "date"),
        ColumnKind::Json => ("JSON列表", "JSON list"),
        ColumnKind::Enum(_) => ("从列表选择", "pick from the list"),
        ColumnKind::Text => ("文本", "text"),
    }
}

fn note_text(c: &Column) -> String {
    let (tz, te) = type_words(c);
    let mut s = format!("{} / {}\n字段 field: {}\n", c.zh, c.en, c.path);
    if c.required {
        s.push_str("必填 required\n");
    }
    s.push_str(&format!("类型 type: {tz} / {te}\n"));
    if !c.description.is_empty() {
        s.push_str(&format!("含义 meaning: {}\n", c.description));
    }
    if let ColumnKind::Enum(v) = &c.kind {
        let vals: Vec<String> = v
            .iter()
            .map(|(c, d)| {
                if d.is_empty() {
                    c.clone()
                } else {
                    format!("{d} {c}")
                }
            })
            .collect();
        s.push_str(&format!("可选 values: {}\n", vals.join("; ")));
    }
    let ex = example(c);
    if !ex.is_empty() {
        s.push_str(&format!("示例 example: {ex}"));
    }
    s
}

/// `s` cut to `n` characters (Excel's limits on a validation's title and message).
fn cut(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The validation of a column's cells: a drop-down list for enumerations and flags, a range for
/// numbers and dates, and for every column an input message saying its type and an example
/// (shown when the cell is selected). Ranges only warn: the clerk may keep an odd value, which
/// the checks then judge with the clause, rather than be stopped by a spreadsheet.
fn validation(c: &Column, list: Option<Vec<String>>) -> Result<DataValidation, WriteError> {
    let (tz, te) = type_words(c);
    let (dv, wrong) = match (&c.kind, list) {
        (_, Some(list)) => (
            DataValidation::new().allow_list_strings(&list)?,
            ("请从列表中选择", "pick a value from the list"),
        ),
        (ColumnKind::Int, None) => (
            DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(0, 999_999_999))
                .set_error_style(DataValidationErrorStyle::Warning),
            ("应为不小于0的整数", "a whole number, 0 or more"),
        ),
        (ColumnKind::Decimal, None) => (
            DataValidation::new()
                .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
                .set_error_style(DataValidationErrorStyle::Warning),
            ("应为不小于0的数值", "a number, 0 or more"),
        ),
        (ColumnKind::Date | ColumnKind::DateTime, None) => {
            let from = ExcelDateTime::from_ymd(2000, 1, 1)?;
            let until = ExcelDateTime::from_ymd(2099, 12, 31)?;
            (
                DataValidation::new()
                    .allow_date(DataValidationRule::Between(from, until))
                    .set_error_style(DataValidationErrorStyle::Warning),
                ("应为2000至2099年间的日期", "a date between 2000 and 2099"),
            )
        }
        _ => (DataValidation::new().allow_any_value(), ("", "")),
    };
    let ex = example(c);
    let mut msg = format!("{tz} / {te}");
    if !ex.is_empty() {
        msg.push_str(&format!("\n示例 example: {ex}"));
    }
    if c.required {
        msg.push_str("\n必填 required");
    }
    let mut dv = dv
        .set_input_title(cut(&c.zh, 32))?
        .set_input_message(cut(&msg, 255))?;
    if !wrong.0.is_empty() {
        dv = dv
            .set_error_title(cut(&c.zh, 32))?
            .set_error_message(cut(&format!("{} / {}", wrong.0, wrong.1), 255))?;
    }
    Ok(dv)
}

/// Columns that say which record a row is: its id, what it belongs to, its period.
const KEY_COLUMNS: &[&str] = &[
    "id",
    "project",
    "school",
    "secondary_school",
    "higher_school",
    "person",
    "enterprise",
    "semester",
    "school_year",
    "year",
    "entry_year",
    "reporting_year",
];

/// The sheet's columns with the key columns first (in model order), so that a clerk fills in
/// which record a row is before its figures; reading goes by header, so order is free.
pub(crate) fn keys_first(spec: &EntitySpec) -> Vec<&Column> {
    let (mut keys, rest): (Vec<&Column>, Vec<&Column>) = spec
        .columns
        .iter()
        .partition(|c| KEY_COLUMNS.contains(&c.path.as_str()));
    keys.extend(rest);
    keys
}

fn sheet(ws: &mut Worksheet, spec: &EntitySpec) -> Result<(), WriteError> {
    ws.set_name(spec.kind.zh())?;
    let head = Format::new().set_bold().set_background_color(0xDDEBF7);
    let head_req = Format::new().set_bold().set_background_color(0xFCE4D6);
    for (i, c) in keys_first(spec).into_iter().enumerate() {
        let col = u16::try_from(i).map_err(|_| WriteError::new("too many columns"))?;
        let label = if c.required {
            format!("{}*", c.zh)
        } else {
            c.zh.clone()
        };
        ws.write_string_with_format(0, col, &label, if c.required { &head_req } else { &head })?;
        ws.insert_note(0, col, &Note::new(note_text(c)).set_author("xianjie"))?;
        let width =
            (unicode_width::UnicodeWidthStr::width(label.as_str()) as f64 + 2.0).clamp(10.0, 40.0);
        ws.set_column_width(col, width)?;
        let fmt = match &c.kind {
            ColumnKind::Int => Some(Format::new().set_num_format("0")),
            ColumnKind::Decimal => Some(Format::new().set_num_format("0.########")),
            ColumnKind::Date => Some(Format::new().set_num_format("yyyy-mm-dd")),
            ColumnKind::DateTime => Some(Format::new().set_num_format("yyyy-mm-dd hh:mm:ss")),
            // Codes and semesters stay text, so leading zeros and dashes survive.
            _ => Some(Format::new().set_num_format("@")),
        };
        if let Some(f) = fmt {
            ws.set_column_format(col, &f)?;
        }
        let list: Option<Vec<String>> = match &c.kind {
            // The Chinese labels: what a clerk writes; reading maps them back to the wire values.
            ColumnKind::Enum(v) => Some(
                v.iter()
                    .map(|(c, d)| if d.is_empty() { c.clone() } else { d.clone() })
                    .collect(),
            ),
            ColumnKind::Bool => Some(vec!["是".into(), "否".into()]),
            _ => None,
        };
        ws.add_data_validation(1, col, TEMPLATE_ROWS, col, &validation(c, list)?)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A blank workbook for the entities `packs` need, plus a `数据集` sheet for the reporting year
/// and a `说明` sheet.
///
/// ```
/// let pack = xianjie::rules::builtin("bj-3p2-2024").unwrap();
/// let bytes = xianjie::table::template(&[pack]).unwrap();
/// // Read back: every sheet is recognized and empty, so no records and no problems.
/// let read = xianjie::table::read_xlsx(&bytes, &Default::default()).unwrap();
/// assert!(read.issues.is_empty(), "{:?}", read.issues);
/// assert_eq!(read.dataset.reporting_year, Some(2024));
/// ```
pub fn template(packs: &[&Pack]) -> Result<Vec<u8>, WriteError> {
    let mut wb = Workbook::new();
    {
        let ws = wb.add_worksheet();
        ws.set_name("说明")?;
        let bold = Format::new().set_bold();
        ws.write_string_with_format(0, 0, "xianjie 填报模板 / data template", &bold)?;
        let ids: Vec<&str> = packs.iter().map(|p| p.id.as_str()).collect();
        let lines = [
            format!("规则包 packs: {}", ids.join(", ")),
            "每个工作表对应一类数据,每行一条记录;表头带*为必填。".to_string(),
            "One sheet per entity, one record per row; headers marked * are required.".to_string(),
            "时间未注明时区即为北京时间;百分数可写 60% 或 0.6。".to_string(),
            "Times without an offset are Beijing time; shares may be written 60% or 0.6."
                .to_string(),
            "将鼠标悬停在表头上查看说明。Hover over a header for its meaning.".to_string(),
        ];
        for (i, l) in lines.iter().enumerate() {
            ws.write_string(i as u32 + 2, 0, l)?;
        }
        ws.set_column_width(0, 90)?;
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("数据集")?;
        let bold = Format::new().set_bold();
        ws.write_string_with_format(0, 0, "填报年度", &bold)?;
        let year = packs
            .iter()
            .map(|p| chrono::Datelike::year(&p.source.date))
            .max()
            .unwrap_or(2024);
        ws.write_number(0, 1, f64::from(year))?;
        ws.write_string_with_format(1, 0, "名称", &bold)?;
        ws.set_column_width(0, 16)?;
        ws.set_column_width(1, 30)?;
    }
    for kind in entities_for(packs) {
        if let Some(s) = spec(kind) {
            sheet(wb.add_worksheet(), s)?;
        }
    }
    Ok(wb.save_to_buffer()?)
}
