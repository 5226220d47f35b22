//! Excel and CSV in and out (feature `tables`, on by default).
//!
//! **In**: one sheet per entity (named by its JSON, Chinese or English name: `学期活动`,
//! `semester_activities`), one header row of Chinese or English column names (derived from the
//! model: see [`columns`]), one record per row. For CSV, one file per entity, named by the file
//! stem or given explicitly; UTF-8 with or without BOM, UTF-16 with BOM, or GB18030 (detected).
//! Every problem names its cell (`学期活动!D17`) and field; a bad cell costs only that field (or,
//! when the field is required, that record): the rest of the sheet is still read and checked.
//! After checking, [`CellMap::locate`] puts the cell on every finding.
//!
//! ```
//! use xianjie::table::{read_csv, ReadOptions};
//! use xianjie::model::EntityKind;
//! let csv = "项目编号,学期,专题业务沟通会次数,双方教师教研活动次数,派出教师人数\n\
//!            P1,2023-2024-1,2,3,5\n\
//!            P2,2023-2024-1,１,three,5\n";
//! let read = read_csv(csv.as_bytes(), "学期活动", &ReadOptions::for_entity(EntityKind::SemesterActivities)).unwrap();
//! assert_eq!(read.dataset.semester_activities.len(), 2);      // the bad cell costs one field
//! assert_eq!(read.issues[0].cell_ref(), "学期活动!D3");
//! let mut report = xianjie::check(&read.dataset, &Default::default()).unwrap();
//! read.cells.locate(&mut report);
//! let f = report.findings.iter().find(|f| f.rule_id.ends_with("semester-meetings")).unwrap();
//! assert_eq!(xianjie::table::cell_ref(f.locations[0].cell.as_ref().unwrap()), "学期活动!C3");
//! ```
//!
//! **Out**: [`template`] (a blank workbook for the entities some packs need) and
//! [`summary_workbook`] (findings and aggregates, formatted).

mod cell;
mod cellmap;
pub mod columns;
mod csv_in;
mod rows;
mod summary;
pub mod template;
mod xlsx_in;

pub use cell::{float_text, halfwidth};
pub use cellmap::{cell_ref, column_letter, CellMap, SheetColumns};
pub use columns::{entity_for_sheet, spec, specs, Column, ColumnKind, EntitySpec};
pub use csv_in::{read_csv, read_csv_batches, Batch, CsvBatches};
pub use summary::summary_workbook;
pub use template::template;
pub use xlsx_in::read_xlsx;

use crate::finding::Cell;
use crate::input::{InputError, InputErrorKind, InputIssue};
use crate::model::{Dataset, EntityKind};
use crate::report::Report;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One problem in tabular input, at a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CellIssue {
    /// The cell (`None` for a problem with the whole file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<Cell>,
    /// The entity of the sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityKind>,
    /// The field (JSON path in the record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What kind of problem.
    #[serde(rename = "type")]
    pub kind: InputErrorKind,
    /// The cell's content as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Chinese message.
    pub msg_zh: String,
    /// English message.
    pub msg_en: String,
}

impl CellIssue {
    pub(crate) fn general(kind: InputErrorKind, zh: String, en: String) -> Self {
        CellIssue {
            cell: None,
            entity: None,
            field: None,
            kind,
            value: None,
            msg_zh: zh,
            msg_en: en,
        }
    }
    /// `学期活动!D17`, or empty.
    pub fn cell_ref(&self) -> String {
        self.cell.as_ref().map(cell_ref).unwrap_or_default()
    }
    /// As an [`InputIssue`]: `loc` is the cell reference, followed by the field path.
    pub fn to_input_issue(&self) -> InputIssue {
        let mut loc = self.cell_ref();
        if let Some(f) = &self.field {
            if !loc.is_empty() {
                loc.push(' ');
            }
            loc.push_str(f);
        }
        InputIssue {
            loc,
            line: self.cell.as_ref().map(|c| c.row as usize),
            column: None,
            kind: self.kind,
            msg_zh: self.msg_zh.clone(),
            msg_en: self.msg_en.clone(),
        }
    }
}

/// How to read tables.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The entity of a CSV file (otherwise taken from the file stem).
    pub entity: Option<EntityKind>,
    /// The dataset's reporting year (otherwise from a `数据集` sheet, if any).
    pub reporting_year: Option<i32>,
    /// The dataset's name.
    pub name: Option<String>,
}

impl ReadOptions {
    /// Options for a CSV file of `entity`.
    pub fn for_entity(entity: EntityKind) -> Self {
        ReadOptions {
            entity: Some(entity),
            ..Default::default()
        }
    }
}

/// A table read into a dataset, with where each record came from and every problem met.
#[derive(Debug, Clone)]
pub struct TableRead {
    /// The records that could be read.
    pub dataset: Dataset,
    /// Record → cell.
    pub cells: CellMap,
    /// Problems, each at a cell; the records they concern are read without the bad field, or
    /// left out when the field is required.
    pub issues: Vec<CellIssue>,
}

impl TableRead {
    /// The problems as an [`InputError`], if any.
    pub fn input_error(&self) -> Option<InputError> {
        (!self.issues.is_empty()).then(|| InputError {
            source_name: None,
            errors: self.issues.iter().map(CellIssue::to_input_issue).collect(),
        })
    }
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> InputError {
    InputError::single(
        InputErrorKind::Io,
        format!("无法读取文件:{e}"),
        format!("cannot read the file: {e}"),
    )
    .with_source(path.display().to_string())
}

/// Whether `path` looks like a workbook or a CSV file (by extension).
pub fn is_table_path(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("xlsx" | "xlsm" | "xls" | "ods" | "csv" | "tsv")
    )
}

/// Reads a workbook (`.xlsx`, `.xls`, `.ods`) or a CSV file; for CSV the entity comes from
/// `opts.entity` or the file stem (`学期活动.csv`, `semester_activities.csv`). `Err` only when the
/// file cannot be used at all; cell problems are in [`TableRead::issues`].
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<TableRead, InputError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    if ext == "csv" || ext == "tsv" {
        let f = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
        read_csv(std::io::BufReader::new(f), &stem, opts)
            .map_err(|e| e.with_source(path.display().to_string()))
    } else {
        let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
        read_xlsx(&bytes, opts).map_err(|e| e.with_source(path.display().to_string()))
    }
}

/// Reads several table files into one dataset (e.g. one CSV per entity).
pub fn read_paths(paths: &[&Path], opts: &ReadOptions) -> Result<TableRead, InputError> {
    let mut b = rows::Builder::default();
    let mut year = opts.reporting_year;
    let mut name = opts.name.clone();
    for p in paths {
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        if ext == "csv" || ext == "tsv" {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let f = std::fs::File::open(p).map_err(|e| io_error(p, e))?;
            let kind = opts
                .entity
                .filter(|_| paths.len() == 1)
                .or_else(|| entity_for_sheet(stem));
            let mut rows = csv_in::CsvRows::open(std::io::BufReader::new(f), stem, kind)
                .map_err(|e| e.with_source(p.display().to_string()))?;
            rows.fill(&mut b, usize::MAX);
        } else {
            let bytes = std::fs::read(p).map_err(|e| io_error(p, e))?;
            let meta = xlsx_in::read_into(&bytes, &mut b)
                .map_err(|e| e.with_source(p.display().to_string()))?;
            year = year.or(meta.0);
            name = name.or(meta.1);
        }
    }
    let (dataset, cells, issues) = b.finish(name, year);
    Ok(TableRead {
        dataset,
        cells,
        issues,
    })
}

/// Checks `read.dataset` and puts cells on the findings (convenience for the CLI and bindings).
pub fn check_table(read: &TableRead, opts: &crate::Options) -> Result<Report, crate::PackError> {
    let mut report = crate::check(&read.dataset, opts)?;
    read.cells.locate(&mut report);
    Ok(report)
}

/// A workbook could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write the workbook: {0}")]
pub struct WriteError(String);

impl WriteError {
    pub(crate) fn new(s: &str) -> Self {
        WriteError(s.to_string())
    }
}

impl From<rust_xlsxwriter::XlsxError> for WriteError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        WriteError(e.to_string())
    }
}
