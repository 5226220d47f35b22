//! Reading workbooks (calamine). An `.xlsx` is checked part by part before calamine opens it
//! ([`super::zip_check`]), then each sheet is read cell by cell with calamine's streaming reader
//! and kept sparse (only cells with a value, sorted), so one cell at A1 and one at XFD1048576
//! cost two cells, not a dense 17-billion-cell grid. Merged ranges are spread to the cells they
//! cover after their total area is checked against `merged_cells`. `.xls` and `.ods` files are
//! read whole by calamine when opened (their formats bound a sheet to 65,536 rows × 256 columns
//! for `.xls`; `.ods` parts are checked like `.xlsx` ones); their ranges are checked against the
//! limits before use. The header row is found among the first rows; blank rows are skipped.

use super::cell::Raw;
use super::cellmap::column_letter;
use super::columns::{entity_for_sheet, norm_header, spec, EntitySpec};
use super::rows::Builder;
use super::zip_check::Capped;
use super::{CellIssue, ReadOptions, TableRead};
use crate::finding::Cell;
use crate::input::{InputError, InputErrorKind, InputIssue};
use crate::limits::{Limit, Limits};
use calamine::{Data, DataRef, Dimensions, Reader, Sheets};
use std::collections::HashMap;
use std::io::Cursor;

/// Covered cell → its merged range's first cell.
type Merged = HashMap<(u32, u32), (u32, u32)>;

/// Sheets that hold notes for people, not data.
const NOTE_SHEETS: &[&str] = &["说明", "填表说明", "readme", "instructions", "notes"];
/// The sheet with dataset-level values (name, reporting year).
const DATASET_SHEETS: &[&str] = &["数据集", "dataset"];
/// Rows searched for the header.
const HEADER_SCAN: u32 = 10;
/// Reporting years accepted from a 数据集 sheet.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Reads a workbook's bytes (`.xlsx`, `.xls`, `.ods`) within `opts.limits`.
pub fn read_xlsx(bytes: &[u8], opts: &ReadOptions) -> Result<TableRead, InputError> {
    if bytes.len() as u64 > opts.limits.input_bytes {
        return Err(InputError {
            source_name: None,
            errors: vec![opts
                .limits
                .exceeded(Limit::InputBytes, "", Some(bytes.len() as u64))],
        });
    }
    let mut b = Builder::default();
    let (year, name) = read_into(bytes, &mut b, &opts.limits)?;
    let (dataset, cells, issues) =
        b.finish(opts.name.clone().or(name), opts.reporting_year.or(year));
    Ok(TableRead {
        dataset,
        cells,
        issues,
        notes: Vec::new(),
    })
}

/// A cell value as the row reader wants it.
trait AsRaw {
    fn raw(&self) -> Raw<'_>;
}

impl AsRaw for Data {
    fn raw(&self) -> Raw<'_> {
        match self {
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
}

impl AsRaw for DataRef<'_> {
    fn raw(&self) -> Raw<'_> {
        match self {
            DataRef::Empty => Raw::Empty,
            DataRef::Int(i) => Raw::Int(*i),
            DataRef::Float(f) => Raw::Float(*f),
            DataRef::Bool(b) => Raw::Bool(*b),
            DataRef::SharedString(s) => Raw::Text(s),
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Raw::Text(s),
            DataRef::DateTime(d) if d.is_datetime() => Raw::Serial(d.as_f64()),
            DataRef::DateTime(d) => Raw::Float(d.as_f64()),
            DataRef::Error(_) => Raw::Text("#ERROR!"),
        }
    }
}

impl<T: AsRaw> AsRaw for &T {
    fn raw(&self) -> Raw<'_> {
        (*self).raw()
    }
}

/// A sheet's cells with a value, sorted by (row, column), 0-based; merged cells map to their
/// range's first cell.
struct Grid<V> {
    cells: Vec<(u32, u32, V)>,
    merged: Merged,
    /// Rows with a value or a merged cell, sorted.
    rows: Vec<u32>,
    /// First and last used row and column.
    start: (u32, u32),
    end: (u32, u32),
}

impl<V: AsRaw> Grid<V> {
    /// `cells` sorted; `merged` checked. Duplicates must already be removed.
    fn new(cells: Vec<(u32, u32, V)>, merged: Merged) -> Option<Self> {
        let mut rows: Vec<u32> = cells.iter().map(|c| c.0).collect();
        rows.extend(merged.keys().map(|k| k.0));
        rows.sort_unstable();
        rows.dedup();
        let cols = cells.iter().map(|c| c.1).chain(merged.keys().map(|k| k.1));
        let (c0, c1) = cols.fold((u32::MAX, 0), |(a, b), c| (a.min(c), b.max(c)));
        let (r0, r1) = (*rows.first()?, *rows.last()?);
        Some(Grid {
            cells,
            merged,
            rows,
            start: (r0, c0),
            end: (r1, c1),
        })
    }
    fn at(&self, r: u32, c: u32) -> Raw<'_> {
        let (r, c) = self.merged.get(&(r, c)).copied().unwrap_or((r, c));
        self.cells
            .binary_search_by(|x| (x.0, x.1).cmp(&(r, c)))
            .ok()
            .and_then(|i| self.cells.get(i))
            .map_or(Raw::Empty, |x| x.2.raw())
    }
    fn text(&self, r: u32, c: u32) -> String {
        match self.at(r, c) {
            Raw::Text(t) => t.trim().to_string(),
            Raw::Empty => String::new(),
            other => other.shown(),
        }
    }
}

fn place(sheet: &str, r: u32, c: u32) -> String {
    format!("{sheet}!{}{}", column_letter(c), u64::from(r) + 1)
}

/// Sorts `cells`, reports each duplicated reference (the first value is kept) and returns them.
fn sorted_unique<V>(
    mut cells: Vec<(u32, u32, V)>,
    sheet: &str,
    b: &mut Builder,
) -> Vec<(u32, u32, V)> {
    // Writers emit cells in order: then there is nothing to sort or drop (and a stable sort's
    // scratch buffer, half the sheet, is not allocated).
    if cells
        .windows(2)
        .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1))
    {
        return cells;
    }
    cells.sort_by_key(|x| (x.0, x.1));
    let mut out: Vec<(u32, u32, V)> = Vec::with_capacity(cells.len());
    for x in cells {
        if out.last().is_some_and(|l| (l.0, l.1) == (x.0, x.1)) {
            b.issues.push(CellIssue::at_cell(
                Cell {
                    sheet: sheet.to_string(),
                    row: x.0 + 1,
                    column: column_letter(x.1),
                },
                InputErrorKind::Syntax,
                "单元格在工作表中出现两次;已读入第一次出现的值,请检查此单元格".into(),
                "the cell appears twice in the sheet; its first value was read, check it".into(),
            ));
            continue;
        }
        out.push(x);
    }
    out
}

/// Spreads merged ranges to the cells they cover, after checking their total area (with checked
/// arithmetic: `A1:XFD1048576` is 17 billion cells) against `merged_cells`.
fn spread_merges(
    merges: &[Dimensions],
    sheet: &str,
    limits: &Limits,
) -> Result<Merged, InputIssue> {
    let mut area: u64 = 0;
    for m in merges {
        let rows = u64::from(m.end.0.saturating_sub(m.start.0)) + 1;
        let cols = u64::from(m.end.1.saturating_sub(m.start.1)) + 1;
        area = area.saturating_add(rows.saturating_mul(cols));
        if area > limits.merged_cells {
            let at = format!(
                "{}:{}",
                place(sheet, m.start.0, m.start.1),
                place("", m.end.0, m.end.1).trim_start_matches('!')
            );
            return Err(limits.exceeded(Limit::MergedCells, at, Some(area)));
        }
    }
    let mut merged = HashMap::new();
    for m in merges {
        for r in m.start.0..=m.end.0 {
            for c in m.start.1..=m.end.1 {
                if (r, c) != m.start {
                    merged.insert((r, c), m.start);
                }
            }
        }
    }
    Ok(merged)
}

/// Checks one cell's place and the count so far against the limits.
fn check_cell(
    sheet: &str,
    (r, c): (u32, u32),
    count: u64,
    limits: &Limits,
) -> Result<(), InputIssue> {
    if u64::from(r) >= limits.sheet_rows {
        return Err(limits.exceeded(Limit::SheetRows, place(sheet, r, c), Some(u64::from(r) + 1)));
    }
    if u64::from(c) >= limits.columns {
        return Err(limits.exceeded(Limit::Columns, place(sheet, r, c), Some(u64::from(c) + 1)));
    }
    if count > limits.sheet_cells {
        return Err(limits.exceeded(Limit::SheetCells, place(sheet, r, c), Some(count)));
    }
    Ok(())
}

fn sheet_error(sheet: &str, e: impl std::fmt::Display) -> InputIssue {
    InputIssue {
        loc: sheet.to_string(),
        line: None,
        column: None,
        kind: InputErrorKind::Syntax,
        msg_zh: format!("工作表“{sheet}”无法读取:{e}"),
        msg_en: format!("sheet {sheet:?} cannot be read: {e}"),
    }
}

/// What to do with a sheet once its cells are in a grid.
enum Role {
    Dataset,
    Entity(&'static EntitySpec),
}

/// Reads every sheet into `b`; returns (reporting year, name) from a `数据集` sheet. A workbook
/// that cannot be opened, or any sheet over a limit or unreadable, is an `Err` naming every such
/// sheet (the other sheets' cell problems are then moot: the file is refused).
pub(crate) fn read_into(
    bytes: &[u8],
    b: &mut Builder,
    limits: &Limits,
) -> Result<(Option<i32>, Option<String>), InputError> {
    if bytes.starts_with(b"PK") {
        super::zip_check::check(bytes, limits).map_err(|errors| InputError {
            source_name: None,
            errors,
        })?;
    }
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
    let mut refused = Capped::new(limits);
    for sheet in wb.sheet_names() {
        let n = norm_header(&sheet);
        if NOTE_SHEETS.iter().any(|s| norm_header(s) == n) {
            continue;
        }
        let role = if DATASET_SHEETS.iter().any(|s| norm_header(s) == n) {
            Role::Dataset
        } else if let Some(spec) = entity_for_sheet(&sheet).and_then(spec) {
            any = true;
            Role::Entity(spec)
        } else {
            b.issues.push(CellIssue::at_sheet(
                &sheet,
                InputErrorKind::UnknownField,
                format!("工作表“{sheet}”不对应任何数据类别,未读入(可用名称如 学校、衔接项目、学期活动)"),
                format!("sheet {sheet:?} names no entity and was not read (use e.g. schools, projects, semester_activities)"),
            ));
            continue;
        };
        let merges: Vec<Dimensions> = match &mut wb {
            Sheets::Xlsx(x) => match x.worksheet_merge_cells(&sheet) {
                Some(Err(e)) => {
                    refused.push(sheet_error(&sheet, e));
                    continue;
                }
                Some(Ok(m)) => m,
                None => Vec::new(),
            },
            Sheets::Xls(x) => x.worksheet_merge_cells(&sheet).unwrap_or_default(),
            _ => Vec::new(),
        };
        let merged = match spread_merges(&merges, &sheet, limits) {
            Ok(m) => m,
            Err(e) => {
                refused.push(e);
                continue;
            }
        };
        let done = match &mut wb {
            Sheets::Xlsx(x) => xlsx_sheet(x, &sheet, merged, limits, b, |g, b| {
                use_grid(g, &role, &sheet, b, &mut year, &mut name)
            }),
            other => range_sheet(other, &sheet, merged, limits, b, |g, b| {
                use_grid(g, &role, &sheet, b, &mut year, &mut name)
            }),
        };
        if let Err(e) = done {
            refused.push(e);
        }
    }
    if !refused.is_empty() {
        return Err(InputError {
            source_name: None,
            errors: refused.into_issues(limits),
        });
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

fn use_grid<V: AsRaw>(
    grid: &Grid<V>,
    role: &Role,
    sheet: &str,
    b: &mut Builder,
    year: &mut Option<i32>,
    name: &mut Option<String>,
) {
    match role {
        Role::Dataset => dataset_sheet(grid, sheet, b, year, name),
        Role::Entity(spec) => read_sheet(b, spec, sheet, grid),
    }
}

/// One `.xlsx` sheet, streamed cell by cell.
fn xlsx_sheet<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsx<RS>,
    sheet: &str,
    merged: Merged,
    limits: &Limits,
    b: &mut Builder,
    then: impl FnOnce(&Grid<DataRef<'_>>, &mut Builder),
) -> Result<(), InputIssue> {
    let mut reader = x
        .worksheet_cells_reader(sheet)
        .map_err(|e| sheet_error(sheet, e))?;
    let mut cells = Vec::new();
    let mut count: u64 = 0;
    while let Some(cell) = reader.next_cell().map_err(|e| sheet_error(sheet, e))? {
        let pos = cell.get_position();
        let value = cell.get_value();
        if matches!(value, DataRef::Empty) {
            continue;
        }
        count += 1;
        check_cell(sheet, pos, count, limits)?;
        // Rich text is several runs in the part (each bounded there), one string here.
        if let Raw::Text(t) = value.raw() {
            if t.len() as u64 > limits.cell_chars {
                let n = t.chars().count() as u64;
                if n > limits.cell_chars {
                    let at = place(sheet, pos.0, pos.1);
                    return Err(limits.exceeded(Limit::CellChars, at, Some(n)));
                }
            }
        }
        cells.push((pos.0, pos.1, value.clone()));
    }
    let cells = sorted_unique(cells, sheet, b);
    if let Some(g) = Grid::new(cells, merged) {
        then(&g, b);
    }
    Ok(())
}

/// One `.xls`/`.ods` sheet, from calamine's range (already in memory when the file was opened;
/// its size is checked before it is used).
fn range_sheet<RS: std::io::Read + std::io::Seek>(
    wb: &mut Sheets<RS>,
    sheet: &str,
    merged: Merged,
    limits: &Limits,
    b: &mut Builder,
    then: impl FnOnce(&Grid<&Data>, &mut Builder),
) -> Result<(), InputIssue> {
    let range = wb
        .worksheet_range(sheet)
        .map_err(|e| sheet_error(sheet, e))?;
    let (Some(start), Some(end)) = (range.start(), range.end()) else {
        return Ok(());
    };
    let (h, w) = range.get_size();
    check_cell(sheet, end, (h as u64).saturating_mul(w as u64), limits)?;
    let cells: Vec<(u32, u32, &Data)> = range
        .used_cells()
        .map(|(r, c, v)| (start.0 + r as u32, start.1 + c as u32, v))
        .collect();
    let _ = end;
    if let Some(g) = Grid::new(sorted_unique(cells, sheet, b), merged) {
        then(&g, b);
    }
    Ok(())
}

/// Name and reporting year from the 数据集 sheet (label in one column, value in the next). A
/// year is a whole number from 2000 to 2100, written `2024`, `2024.0` or `2024年`; anything else is
/// reported at its cell.
fn dataset_sheet<V: AsRaw>(
    grid: &Grid<V>,
    sheet: &str,
    b: &mut Builder,
    year: &mut Option<i32>,
    name: &mut Option<String>,
) {
    let c0 = grid.start.1;
    for &r in &grid.rows {
        let key = norm_header(&grid.text(r, c0));
        let val = grid.text(r, c0 + 1);
        match key.as_str() {
            "reporting_year" | "填报年度" | "报告年度" | "年度" => {
                let t = super::cell::halfwidth(&val);
                let t = t.trim();
                let t = t.strip_suffix('年').unwrap_or(t).trim();
                let t = t.strip_suffix(".0").unwrap_or(t);
                match t.parse::<i32>().ok().filter(|y| YEARS.contains(y)) {
                    Some(y) => *year = Some(y),
                    None => b.issues.push(CellIssue {
                        field: Some("reporting_year".into()),
                        value: Some(val.clone()),
                        ..CellIssue::at_cell(
                            Cell {
                                sheet: sheet.to_string(),
                                row: r + 1,
                                column: column_letter(c0 + 1),
                            },
                            InputErrorKind::Value,
                            format!(
                                "填报年度“{}”不是{}至{}之间的年份",
                                super::super::limits::abbreviate(&val, 40),
                                YEARS.start(),
                                YEARS.end()
                            ),
                            format!(
                                "reporting year {:?} is not a year from {} to {}",
                                super::super::limits::abbreviate(&val, 40),
                                YEARS.start(),
                                YEARS.end()
                            ),
                        )
                    }),
                }
            }
            "name" | "名称" | "数据集名称" if !val.is_empty() => *name = Some(val),
            _ => {}
        }
    }
}

/// Maps header labels to columns; a header cell left blank under a merged group label, or a
/// group label over sub-labels, is matched as `group + label`, then `label`, then `group`.
fn read_sheet<V: AsRaw>(b: &mut Builder, spec: &'static EntitySpec, sheet: &str, grid: &Grid<V>) {
    let ((r0, c0), (r1, c1)) = (grid.start, grid.end);
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
    let header = (r0..=r1.min(r0.saturating_add(HEADER_SCAN)))
        .map(|r| (r, (c0..=c1).filter(|&c| match_at(r, c).is_some()).count()))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .filter(|(_, n)| *n > 0)
        .map(|(r, _)| r);
    let Some(h) = header else {
        b.issues.push(CellIssue::at_sheet(
            sheet,
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
                sheet: None,
                file: None,
            }),
            Some(i) => mapping.push((c, i)),
            None => {
                let full = grid.text(h, c);
                // Messages quote a header cell abbreviated (it may hold 32,767 characters).
                let t = crate::limits::abbreviate(&full, Limits::default().message_chars);
                if !t.is_empty() {
                    b.issues.push(CellIssue {
                        cell: Some(cell(h, c)),
                        entity: Some(spec.kind),
                        field: None,
                        kind: InputErrorKind::UnknownField,
                        value: Some(t.to_string()),
                        msg_zh: format!("列名“{t}”无法识别,此列不会被检查"),
                        msg_en: format!("column {t:?} is not recognized and will not be checked"),
                        sheet: None,
                        file: None,
                    });
                }
            }
        }
    }
    if !missing_required(b, spec, sheet, &mapping) {
        return;
    }
    let sr = b.sheet(spec, sheet, mapping);
    for &r in grid.rows.iter().filter(|&&r| r > h) {
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
        // The whole sheet is the place (no one cell is wrong).
        sheet: Some(sheet.to_string()),
        file: None,
    });
    false
}
