//! Reading workbooks (calamine): merged cells spread to every cell they cover, the header row
//! found among the first rows, blank rows skipped.

use super::cell::Raw;
use super::cellmap::column_letter;
use super::columns::{entity_for_sheet, norm_header, spec, EntitySpec};
use super::rows::Builder;
use super::{CellIssue, ReadOptions, TableRead};
use crate::finding::Cell;
use crate::input::{InputError, InputErrorKind};
use calamine::{Data, Dimensions, Range, Reader, Sheets};
use std::collections::HashMap;
use std::io::Cursor;

/// Sheets that hold notes for people, not data.
const NOTE_SHEETS: &[&str] = &["说明", "填表说明", "readme", "instructions", "notes"];
/// The sheet with dataset-level values (name, reporting year).
const DATASET_SHEETS: &[&str] = &["数据集", "dataset"];
/// Rows searched for the header.
const HEADER_SCAN: u32 = 10;

/// Reads a workbook's bytes (`.xlsx`, `.xls`, `.ods`).
pub fn read_xlsx(bytes: &[u8], opts: &ReadOptions) -> Result<TableRead, InputError> {
    let mut b = Builder::default();
    let (year, name) = read_into(bytes, &mut b)?;
    let (dataset, cells, issues) =
        b.finish(opts.name.clone().or(name), opts.reporting_year.or(year));
    Ok(TableRead {
        dataset,
        cells,
        issues,
    })
}

fn raw(d: &Data) -> Raw<'_> {
    match d {
        Data::Empty => Raw::Empty,
        Data::Int(i) => Raw::Int(*i),
        Data::Float(f) => Raw::Float(*f),
        Data::Bool(b) => Raw::Bool(*b),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Raw::Text(s),
        Data::DateTime(d) if d.is_datetime() => Raw::Serial(d.as_f64()),
        Data::DateTime(d) => Raw::Float(d.as_f64()),
        Data::Error(_) => Raw::Text("#ERROR!"),
    }
}

struct Grid<'a> {
    range: &'a Range<Data>,
    merged: HashMap<(u32, u32), (u32, u32)>,
}

impl Grid<'_> {
    fn at(&self, r: u32, c: u32) -> Raw<'_> {
        let (r, c) = self.merged.get(&(r, c)).copied().unwrap_or((r, c));
        self.range.get_value((r, c)).map_or(Raw::Empty, raw)
    }
    fn text(&self, r: u32, c: u32) -> String {
        match self.at(r, c) {
            Raw::Text(t) => t.trim().to_string(),
            Raw::Empty => String::new(),
            other => other.shown(),
        }
    }
}

/// Reads every sheet into `b`; returns (reporting year, name) from a `数据集` sheet.
pub(crate) fn read_into(
    bytes: &[u8],
    b: &mut Builder,
) -> Result<(Option<i32>, Option<String>), InputError> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        InputError::single(
            InputErrorKind::Syntax,
            format!("不是可读取的Excel工作簿:{e}"),
            format!("not a readable workbook: {e}"),
        )
    })?;
    let mut year = None;
    let mut name = None;
    let mut any = false;
    for sheet in wb.sheet_names() {
        let n = norm_header(&sheet);
        if NOTE_SHEETS.iter().any(|s| norm_header(s) == n) {
            continue;
        }
        let range = match wb.worksheet_range(&sheet) {
            Ok(r) => r,
            Err(e) => {
                b.issues.push(CellIssue::general(
                    InputErrorKind::Syntax,
                    format!("工作表“{sheet}”无法读取:{e}"),
                    format!("sheet {sheet:?} cannot be read: {e}"),
                ));
                continue;
            }
        };
        let merges: Vec<Dimensions> = match &mut wb {
            Sheets::Xlsx(x) => x.worksheet_merge_cells(&sheet).and_then(Result::ok),
            Sheets::Xls(x) => x.worksheet_merge_cells(&sheet),
            _ => None,
        }
        .unwrap_or_default();
        let mut merged = HashMap::new();
        for m in &merges {
            for r in m.start.0..=m.end.0 {
                for c in m.start.1..=m.end.1 {
                    if (r, c) != m.start {
                        merged.insert((r, c), m.start);
                    }
                }
            }
        }
        let grid = Grid {
            range: &range,
            merged,
        };
        if DATASET_SHEETS.iter().any(|s| norm_header(s) == n) {
            dataset_sheet(&grid, &mut year, &mut name);
            continue;
        }
        let Some(kind) = entity_for_sheet(&sheet) else {
            b.issues.push(CellIssue::general(
                InputErrorKind::UnknownField,
                format!("工作表“{sheet}”不对应任何数据类别,未读入(可用名称如 学校、衔接项目、学期活动)"),
                format!("sheet {sheet:?} names no entity and was not read (use e.g. schools, projects, semester_activities)"),
            ));
            continue;
        };
        let Some(spec) = spec(kind) else { continue };
        any = true;
        read_sheet(b, spec, &sheet, &grid);
    }
    if !any && b.issues.is_empty() {
        b.issues.push(CellIssue::general(
            InputErrorKind::Missing,
            "工作簿中没有可读取的数据表".into(),
            "the workbook has no data sheet".into(),
        ));
    }
    Ok((year, name))
}

fn dataset_sheet(grid: &Grid<'_>, year: &mut Option<i32>, name: &mut Option<String>) {
    let Some((r0, c0)) = grid.range.start() else {
        return;
    };
    let Some((r1, _)) = grid.range.end() else {
        return;
    };
    for r in r0..=r1 {
        let key = norm_header(&grid.text(r, c0));
        let val = grid.text(r, c0 + 1);
        match key.as_str() {
            "reporting_year" | "填报年度" | "报告年度" | "年度" => {
                *year = super::cell::halfwidth(&val)
                    .trim()
                    .trim_end_matches(".0")
                    .parse()
                    .ok();
            }
            "name" | "名称" | "数据集名称" if !val.is_empty() => *name = Some(val),
            _ => {}
        }
    }
}

/// Maps header labels to columns; a header cell left blank under a merged group label, or a
/// group label over sub-labels, is matched as `group + label`, then `label`, then `group`.
fn read_sheet(b: &mut Builder, spec: &'static EntitySpec, sheet: &str, grid: &Grid<'_>) {
    let (Some((r0, c0)), Some((r1, c1))) = (grid.range.start(), grid.range.end()) else {
        return;
    };
    let match_at = |r: u32, c: u32| -> Option<usize> {
        let label = grid.text(r, c);
        let group = if r > r0 {
            grid.text(r - 1, c)
        } else {
            String::new()
        };
        [format!("{group}{label}"), label, group]
            .iter()
            .filter(|s| !s.is_empty())
            .find_map(|s| spec.column_for(s))
    };
    let header = (r0..=r1.min(r0 + HEADER_SCAN))
        .map(|r| (r, (c0..=c1).filter(|&c| match_at(r, c).is_some()).count()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .filter(|(_, n)| *n > 0)
        .map(|(r, _)| r);
    let Some(h) = header else {
        b.issues.push(CellIssue::general(
            InputErrorKind::Missing,
            format!("工作表“{sheet}”找不到表头(前{HEADER_SCAN}行没有可识别的列名)"),
            format!("sheet {sheet:?}: no header row found (no known column name in the first {HEADER_SCAN} rows)"),
        ));
        return;
    };
    let cell = |r: u32, c: u32| Cell {
        sheet: sheet.to_string(),
        row: r + 1,
        column: column_letter(c),
    };
    let mut mapping: Vec<(u32, usize)> = Vec::new();
    for c in c0..=c1 {
        match match_at(h, c) {
            Some(i) if mapping.iter().any(|(_, j)| *j == i) => b.issues.push(CellIssue {
                cell: Some(cell(h, c)),
                entity: Some(spec.kind),
                field: spec.columns.get(i).map(|x| x.path.clone()),
                kind: InputErrorKind::UnknownField,
                value: Some(grid.text(h, c)),
                msg_zh: "列重复,已忽略此列".into(),
                msg_en: "duplicate column, ignored".into(),
            }),
            Some(i) => mapping.push((c, i)),
            None => {
                let t = grid.text(h, c);
                if !t.is_empty() {
                    b.issues.push(CellIssue {
                        cell: Some(cell(h, c)),
                        entity: Some(spec.kind),
                        field: None,
                        kind: InputErrorKind::UnknownField,
                        value: Some(t.clone()),
                        msg_zh: format!("列名“{t}”无法识别,此列不会被检查"),
                        msg_en: format!("column {t:?} is not recognized and will not be checked"),
                    });
                }
            }
        }
    }
    if !missing_required(b, spec, sheet, &mapping) {
        return;
    }
    let sr = b.sheet(spec, sheet, mapping);
    for r in h + 1..=r1 {
        b.row(&sr, r + 1, |c| grid.at(r, c));
    }
}

/// Reports required columns that are absent; false when any is.
pub(crate) fn missing_required(
    b: &mut Builder,
    spec: &EntitySpec,
    sheet: &str,
    mapping: &[(u32, usize)],
) -> bool {
    let missing: Vec<&super::columns::Column> = spec
        .columns
        .iter()
        .enumerate()
        .filter(|(i, c)| c.required && !mapping.iter().any(|(_, j)| j == i))
        .map(|(_, c)| c)
        .collect();
    if missing.is_empty() {
        return true;
    }
    b.issues.push(CellIssue {
        cell: None,
        entity: Some(spec.kind),
        field: None,
        kind: InputErrorKind::Missing,
        value: None,
        msg_zh: format!(
            "“{sheet}”缺少必填列:{},整表未读入",
            missing
                .iter()
                .map(|c| c.zh.as_str())
                .collect::<Vec<_>>()
                .join("、")
        ),
        msg_en: format!(
            "{sheet:?} lacks required column(s) {}; the sheet was not read",
            missing
                .iter()
                .map(|c| format!("{} ({})", c.en, c.path))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    });
    false
}
