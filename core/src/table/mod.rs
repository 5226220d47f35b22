//! Excel and CSV in and out (feature `tables`, on by default).
//!
//! **In**: one sheet per entity (named by its JSON, Chinese or English name: `学期活动`,
//! `semester_activities`), one header row of Chinese or English column names (derived from the
//! model: see [`columns`]), one record per row. For CSV, one file per entity, named by the file
//! stem or given explicitly; UTF-8 with or without BOM, UTF-16 with BOM, or GB18030 (detected).
//! Every problem names its cell (`学期活动!D17`) and field; a bad cell costs only that field (or,
//! when the field is required, that record): the rest of the sheet is still read and checked.
//! After checking, [`CellMap::locate`] puts the cell on every finding; [`check_table`] (or
//! [`Origin::apply`]) also puts the cell problems into the report's `input_issues` and withholds
//! the findings on an unreadable field, so every face reports a bad cell the same way.
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
//! let bj = xianjie::Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() };
//! let mut report = xianjie::check(&read.dataset, &bj).unwrap();
//! read.cells.locate(&mut report);
//! let f = report.findings.iter().find(|f| f.rule_id().ends_with("semester-meetings")).unwrap();
//! assert_eq!(xianjie::table::cell_ref(f.locations[0].cell.as_ref().unwrap()), "学期活动!C3");
//! ```
//!
//! **Out**: [`template()`] (a blank workbook for the entities some packs need) and
//! [`summary_workbook`] (findings and aggregates, formatted).

#[cfg(feature = "arrow")]
mod arrow_held;
#[cfg(feature = "arrow")]
mod arrow_in;
mod cell;
mod cellmap;
pub mod columns;
mod csv_in;
mod origin;
mod rows;
mod summary;
pub mod template;
mod xlsx_in;
mod zip_check;

#[cfg(feature = "arrow")]
pub use arrow_held::{read_for_check, CheckRead};
#[cfg(all(feature = "arrow", feature = "bulk"))]
pub use arrow_held::{read_json_for_check, read_json_reader_for_check};
#[cfg(feature = "arrow")]
pub use arrow_in::{dataset_from_batches, read_batches, read_batches_onto};
pub use cell::{float_text, halfwidth};
pub use cellmap::{cell_ref, column_letter, CellMap, SheetColumns};
pub use columns::{entity_for_sheet, spec, specs, Column, ColumnKind, EntitySpec};
pub use csv_in::{read_csv, read_csv_batches, Batch, CsvBatches};
pub use origin::Origin;
pub use summary::{findings_workbook, summary_workbook, summary_workbook_rows};
pub use template::template;
pub use xlsx_in::read_xlsx;

use crate::finding::Cell;
use crate::input::{InputError, InputErrorKind, InputIssue};
use crate::limits::{Limit, Limits};
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
    /// The sheet (or CSV file stem) of a problem with a whole sheet, which has no cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The file, when read from a path ([`read_path`], [`read_paths`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
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
            sheet: None,
            file: None,
        }
    }
    /// A problem with the whole sheet `sheet` (no cell).
    pub(crate) fn at_sheet(sheet: &str, kind: InputErrorKind, zh: String, en: String) -> Self {
        CellIssue {
            sheet: Some(sheet.to_string()),
            ..CellIssue::general(kind, zh, en)
        }
    }
    /// A problem at one cell, without a field.
    pub(crate) fn at_cell(cell: Cell, kind: InputErrorKind, zh: String, en: String) -> Self {
        CellIssue {
            cell: Some(cell),
            ..CellIssue::general(kind, zh, en)
        }
    }
    /// `学期活动!D17`; the sheet's name for a problem with a whole sheet; else empty.
    pub fn cell_ref(&self) -> String {
        match (&self.cell, &self.sheet) {
            (Some(c), _) => cell_ref(c),
            (None, Some(s)) => s.clone(),
            (None, None) => String::new(),
        }
    }
    /// Where, for a person: `file: 学期活动!D17`, `file: 学期活动`, `file`, or the cell alone.
    pub fn place(&self) -> String {
        match (self.file.as_deref(), self.cell_ref()) {
            (Some(f), r) if r.is_empty() => f.to_string(),
            (Some(f), r) => format!("{f}: {r}"),
            (None, r) => r,
        }
    }
    /// As an [`InputIssue`] for a report ([`Report::input_issues`]): as [`Self::to_input_issue`],
    /// `loc` preceded by the file when known (`学期活动.csv: 学期活动!C3 meetings`), since a
    /// report has no source name of its own and may come from several files.
    pub fn to_report_issue(&self) -> InputIssue {
        let mut i = self.to_input_issue();
        if let Some(f) = &self.file {
            i.loc = if i.loc.is_empty() {
                f.clone()
            } else {
                format!("{f}: {}", i.loc)
            };
        }
        i
    }
    /// Whether the problem makes the input unusable (no report): a file or sheet that cannot be
    /// read (no cell to point at), an unreadable file, or a limit exceeded (something was not
    /// read). A bad cell or an unknown column leaves the rest checkable: it is reported in the
    /// report's [`Report::input_issues`].
    pub fn is_unusable(&self) -> bool {
        matches!(self.kind, InputErrorKind::Io | InputErrorKind::Limit)
            || (self.cell.is_none() && self.kind != InputErrorKind::UnknownField)
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
    /// Bounds on what is read (file size, sheet size, zip parts, CSV lines and cells).
    pub limits: Limits,
    /// The field separator of CSV input; `None`: a tab for `.tsv` files, else a comma.
    pub delimiter: Option<u8>,
    /// Threads to read Arrow batches with, as [`crate::Options::threads`] (same records).
    pub threads: Option<usize>,
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
    /// Notes for people, bilingual, one a line: the encoding a CSV file was read in when it was
    /// not UTF-8 (`学期活动: 按GB18030编码读取 / read as GB18030`).
    pub notes: Vec<String>,
}

impl TableRead {
    /// The dataset, and what its report needs from the read ([`Origin::apply`]).
    pub fn into_origin(self) -> (Dataset, Origin) {
        (
            self.dataset,
            Origin {
                cells: self.cells,
                issues: self.issues,
            },
        )
    }
    /// The dataset and its origin ([`into_origin`](Self::into_origin)) when the data can be
    /// checked; else every problem ([`unusable`](Self::unusable)).
    ///
    /// # Errors
    /// A problem that makes the input unusable.
    pub fn into_usable(self) -> Result<(Dataset, Origin), InputError> {
        match self.unusable() {
            Some(e) => Err(e),
            None => Ok(self.into_origin()),
        }
    }
    /// When a problem makes the input unusable ([`CellIssue::is_unusable`]): every problem, as
    /// an [`InputError`] (as the CLI prints them all before it exits 2). `None` when the data
    /// can be checked, bad cells and all.
    pub fn unusable(&self) -> Option<InputError> {
        self.issues
            .iter()
            .any(CellIssue::is_unusable)
            .then(|| self.input_error())
            .flatten()
    }
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

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn is_csv(path: &Path) -> bool {
    matches!(extension(path).as_str(), "csv" | "tsv")
}

/// Opens `path`, refusing it before reading when it is larger than `limits.input_bytes`; a
/// stream without a length (a pipe, `/dev/zero`) is bounded as it is read ([`bounded`]).
fn open_bounded(path: &Path, limits: &Limits) -> Result<std::fs::File, InputError> {
    let f = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    if len > limits.input_bytes {
        return Err(too_big(path, limits, Some(len)));
    }
    Ok(f)
}

fn too_big(path: &Path, limits: &Limits, found: Option<u64>) -> InputError {
    let name = path.display().to_string();
    InputError {
        source_name: Some(name.clone()),
        errors: vec![limits.exceeded(Limit::InputBytes, name, found)],
    }
}

/// The whole of `path` (a workbook), at most `limits.input_bytes`.
fn read_all(path: &Path, limits: &Limits) -> Result<Vec<u8>, InputError> {
    let f = open_bounded(path, limits)?;
    let mut bytes = Vec::new();
    std::io::Read::take(f, limits.input_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > limits.input_bytes {
        return Err(too_big(path, limits, None));
    }
    Ok(bytes)
}

/// A reader that fails once more than `max` bytes have come through: a stream whose length is
/// not known up front (stdin, a pipe, `/dev/zero`) is refused at the limit, not read to the end
/// of memory. The error is an [`std::io::ErrorKind::FileTooLarge`]-like `Other` error whose
/// message names the limit; [`read_csv_with`] turns it into a `limit` issue.
pub(crate) struct Bounded<R> {
    inner: R,
    left: u64,
}

pub(crate) const TOO_LARGE: &str = "xianjie: input_bytes limit reached";

impl<R: std::io::Read> std::io::Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            // One byte more would pass the limit: look before failing, so a file of exactly
            // the limit is read.
            let mut one = [0u8; 1];
            return match self.inner.read(&mut one)? {
                0 => Ok(0),
                _ => Err(std::io::Error::other(TOO_LARGE)),
            };
        }
        let want = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        self.left -= n as u64;
        Ok(n)
    }
}

/// `r`, failing past `max` bytes (see [`Bounded`]).
pub(crate) fn bounded<R: std::io::Read>(r: R, max: u64) -> Bounded<R> {
    Bounded {
        inner: r,
        left: max,
    }
}

use std::io::Read as _;

/// Reads a workbook (`.xlsx`, `.xls`, `.ods`) or a CSV file (`.csv`; `.tsv` is split on tabs);
/// for CSV the entity comes from `opts.entity` or the file stem (`学期活动.csv`,
/// `semester_activities.csv`). `Err` when the file cannot be used at all (missing, too large, not
/// a workbook, a sheet or zip part over [`ReadOptions::limits`]); cell problems are in
/// [`TableRead::issues`], each naming the file.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<TableRead, InputError> {
    read_paths(&[path], opts)
}

/// Reads several table files into one dataset (e.g. one CSV per entity). Every file that cannot
/// be used is reported in one `Err` (not just the first).
pub fn read_paths(paths: &[&Path], opts: &ReadOptions) -> Result<TableRead, InputError> {
    let mut b = rows::Builder::default();
    let mut year = opts.reporting_year;
    let mut name = opts.name.clone();
    let mut refused: Vec<InputError> = Vec::new();
    for p in paths {
        let first_issue = b.issues.len();
        let file = p.display().to_string();
        let res = if is_csv(p) {
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let kind = opts
                .entity
                .filter(|_| paths.len() == 1)
                .or_else(|| entity_for_sheet(stem));
            open_bounded(p, &opts.limits).and_then(|f| {
                let r = bounded(std::io::BufReader::new(f), opts.limits.input_bytes);
                let delim =
                    opts.delimiter
                        .unwrap_or(if extension(p) == "tsv" { b'\t' } else { b',' });
                let mut rows = csv_in::CsvRows::open(r, stem, kind, delim, &opts.limits)?;
                rows.fill(&mut b, usize::MAX);
                b.notes
                    .extend(rows.encoding_note().map(|n| format!("{file}: {n}")));
                rows.finish()
            })
        } else {
            read_all(p, &opts.limits).and_then(|bytes| {
                let meta = xlsx_in::read_into(&bytes, &mut b, &opts.limits)?;
                year = year.or(meta.0);
                if name.is_none() {
                    name = meta.1;
                }
                Ok(())
            })
        };
        if let Err(e) = res {
            refused.push(e.with_source(file.clone()));
        }
        for i in &mut b.issues[first_issue..] {
            i.file = Some(file.clone());
        }
    }
    if !refused.is_empty() {
        let source_name = (refused.len() == 1)
            .then(|| refused[0].source_name.clone())
            .flatten();
        let many = refused.len() > 1;
        let errors = refused
            .into_iter()
            .flat_map(|e| {
                let src = e.source_name.clone().unwrap_or_default();
                e.errors.into_iter().map(move |mut i| {
                    // With several files, each issue names its own.
                    if many && !i.loc.starts_with(&src) {
                        i.loc = if i.loc.is_empty() {
                            src.clone()
                        } else {
                            format!("{src}: {}", i.loc)
                        };
                    }
                    i
                })
            })
            .collect();
        return Err(InputError {
            source_name,
            errors,
        });
    }
    let notes = std::mem::take(&mut b.notes);
    let (dataset, cells, issues) = b.finish(name, year);
    Ok(TableRead {
        dataset,
        cells,
        issues,
        notes,
    })
}

/// Batches of the CSV file at `path` (see [`read_csv_batches`]): the entity from `opts.entity` or
/// the file stem, a tab delimiter for `.tsv`, the file refused before reading when over
/// `limits.input_bytes`.
pub fn read_path_batches(
    path: &Path,
    opts: &ReadOptions,
    size: usize,
) -> Result<CsvBatches<'static>, InputError> {
    let f = open_bounded(path, &opts.limits)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let mut o = opts.clone();
    if o.delimiter.is_none() && extension(path) == "tsv" {
        o.delimiter = Some(b'\t');
    }
    read_csv_batches(std::io::BufReader::new(f), stem, &o, size)
        .map_err(|e| e.with_source(path.display().to_string()))
}

/// Checks a workbook's zip parts against `limits` without reading its cells: declared and real
/// decompressed sizes and ratios, shared strings (count and length), text lengths and cell
/// references of every sheet. [`read_xlsx`] and [`read_path`] do this first; call it alone to
/// vet an upload. Not a zip (`.xls`): `Ok`.
pub fn check_workbook(bytes: &[u8], limits: &Limits) -> Result<(), InputError> {
    zip_check::check(bytes, limits).map_err(|errors| InputError {
        source_name: None,
        errors,
    })
}

/// Checks `read.dataset`, puts cells on the findings and the cell problems into
/// [`Report::input_issues`], withholding the findings on a field whose cell could not be read
/// (see [`Origin`]). The CLI and Python report tables this way ([`Origin::apply`]).
pub fn check_table(read: &TableRead, opts: &crate::Options) -> Result<Report, crate::PackError> {
    Ok(check_table_with(read, &crate::Checker::new(opts)?))
}

/// [`check_table`] with a [`Checker`](crate::Checker) made once for many tables.
pub fn check_table_with(read: &TableRead, checker: &crate::Checker) -> Report {
    let mut report = checker.check(&read.dataset);
    origin::complete(&mut report, &read.cells, &read.issues);
    report
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
