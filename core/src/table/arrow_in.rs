//! Arrow record batches (Parquet and IPC files, pyarrow, polars, duckdb…) read into a dataset.
//!
//! Each row goes straight from the columns into its record through serde: no JSON value, no map
//! per row. The model's own deserializers decide what is valid, so a batch means exactly what the
//! same rows mean in a JSON document. A row that does not read that way is read again as the same
//! row of a CSV file would be (cell by cell, [`super::cell`]): every bad cell is reported at its
//! row and column, the record is read without it, or left out when the field is required. So the
//! fast path costs nothing when data is clean, and bad data gets the CSV face's exact words.
//!
//! Where problems are reported: the collection's name is the sheet, rows are numbered as a
//! spreadsheet of the table would show them (header on row 1, the first record on row 2), columns
//! by letter in the order given. Findings keep the record's index; when records were left out,
//! they also carry the original row (as cells), since indexes then no longer match rows.

use super::cell::{float_text, trim, Raw};
use super::cellmap::column_letter;
use super::columns::{entity_for_sheet, spec, ColumnKind, EntitySpec};
use super::rows::{Builder, SheetReader};
use super::{CellIssue, ReadOptions, TableRead};
use crate::input::{InputError, InputErrorKind};
use crate::model::{beijing, Dataset, EntityKind};
use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, TimestampMicrosecondType};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Decimal128Array, Float64Array, Int32Array,
    Int64Array, ListArray, RecordBatch, StringArray, StringViewArray, StructArray,
};
use arrow_schema::{DataType, TimeUnit};
use chrono::{DateTime, NaiveDate};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use std::fmt::{self, Write as _};
use std::sync::Arc;

/// Reads `collections` (collection name, its batches) into a dataset, reporting every problem.
///
/// Names are the JSON document's (`students`), or the workbooks' sheet names (学生). Columns are
/// the records' dotted paths (`agreement.signed_on`) or the workbooks' Chinese or English
/// headers; struct columns stand for their dotted children. See [`crate::columns`] for the types
/// accepted. Problems with single values are issues of the result (as for CSV); a collection that
/// cannot be read at all (unknown name, a column of a type that cannot hold its field, too many
/// records) is an issue without a cell, which makes [`TableRead::unusable`] say so.
pub fn read_batches<I>(collections: I, opts: &ReadOptions) -> TableRead
where
    I: IntoIterator<Item = (String, Vec<RecordBatch>)>,
{
    let ds = Dataset {
        name: opts.name.clone(),
        reporting_year: opts.reporting_year,
        ..Dataset::default()
    };
    read_batches_onto(ds, collections, opts)
}

/// As [`read_batches`], adding the records read to those of `ds` (records given otherwise, e.g.
/// Python dicts beside DataFrames; a collection in both has `ds`'s records first). `ds`'s name
/// and reporting year are kept.
pub fn read_batches_onto<I>(mut ds: Dataset, collections: I, opts: &ReadOptions) -> TableRead
where
    I: IntoIterator<Item = (String, Vec<RecordBatch>)>,
{
    let mut b = Builder::default();
    for (name, batches) in collections {
        let Some(kind) = EntityKind::parse(&name).or_else(|| entity_for_sheet(&name)) else {
            let known: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
            // A whole table that goes nowhere: unusable, not a column read around.
            b.issues.push(CellIssue::at_sheet(
                &name,
                InputErrorKind::Value,
                format!("未知的数据集合“{name}”,应为:{}", known.join("、")),
                format!(
                    "unknown collection {name:?}; expected one of: {}",
                    known.join(", ")
                ),
            ));
            continue;
        };
        read_collection(&mut ds, kind, &name, &batches, &mut b, opts);
    }
    TableRead {
        dataset: ds,
        cells: b.cells,
        issues: b.issues,
        notes: b.notes,
    }
}

/// Reads `collections` into a dataset, strictly: any problem is an error listing every one.
pub fn dataset_from_batches<I>(
    collections: I,
    limits: &crate::Limits,
) -> Result<Dataset, InputError>
where
    I: IntoIterator<Item = (String, Vec<RecordBatch>)>,
{
    let opts = ReadOptions {
        limits: limits.clone(),
        ..ReadOptions::default()
    };
    let read = read_batches(collections, &opts);
    match read.input_error() {
        Some(e) => Err(e),
        None => Ok(read.dataset),
    }
}

macro_rules! by_kind {
    ($ds:ident, $kind:expr, |$v:ident| $body:expr; $($variant:ident => $field:ident),* $(,)?) => {
        match $kind {
            $(EntityKind::$variant => {
                let $v = &mut $ds.$field;
                $body
            })*
        }
    };
}

fn read_collection(
    ds: &mut Dataset,
    kind: EntityKind,
    name: &str,
    batches: &[RecordBatch],
    b: &mut Builder,
    opts: &ReadOptions,
) {
    by_kind!(ds, kind, |v| read_into(v, kind, name, batches, b, opts);
        Schools => schools, Projects => projects, Applications => applications,
        Cohorts => cohorts, SemesterActivities => semester_activities,
        StatusReports => status_reports, QualityMonitoring => quality_monitoring,
        MajorOfferings => major_offerings, NewMajorFilings => new_major_filings,
        TrainingPlans => training_plans, EnterpriseOffsets => enterprise_offsets,
        SocialServiceIncome => social_service_income, CityCapacity => city_capacity,
        HigherCampuses => higher_campuses, Teachers => teachers,
        FinanceSettlements => finance_settlements, Students => students,
        ProgrammePlans => programme_plans, PilotEnrollments => pilot_enrollments,
        GraduateEmployment => graduate_employment, Submissions => submissions,
    )
}

/// Reads every row of `batches` into `out`.
fn read_into<T: DeserializeOwned + Send>(
    out: &mut Vec<T>,
    kind: EntityKind,
    name: &str,
    batches: &[RecordBatch],
    b: &mut Builder,
    opts: &ReadOptions,
) {
    let Some(spec) = spec(kind) else { return };
    let total: usize = batches.iter().map(RecordBatch::num_rows).sum();
    if total as u64 > opts.limits.records {
        b.issues.push(CellIssue::at_sheet(
            name,
            InputErrorKind::Limit,
            format!(
                "记录数{total}超过上限{}(limits.records)",
                opts.limits.records
            ),
            format!(
                "{total} records exceed the limit of {} (limits.records)",
                opts.limits.records
            ),
        ));
        return;
    }
    let first = out.len();
    out.reserve(total);
    let mut rows: Vec<u32> = Vec::with_capacity(total);
    let mut dropped = false;
    let mut offset = 0usize;
    let mut sheet: Option<SheetReader> = None;
    for batch in batches {
        let plan = match Plan::new(spec, name, batch, &opts.limits) {
            Ok(p) => p,
            Err(issues) => {
                b.issues.extend(issues);
                return;
            }
        };
        if sheet.is_none() {
            b.issues.extend(plan.unknown.iter().cloned());
            sheet = Some(b.sheet(spec, name, plan.mapping()));
        }
        let Some(sr) = sheet.as_ref() else { return };
        let read = |i| {
            T::deserialize(Node {
                node: &plan.root,
                cols: &plan.cols,
                row: i,
            })
        };
        // Rows read side by side when asked (then kept in order); on one thread straight into
        // the collection. Those that fail are read again, in order, below.
        let n = batch.num_rows();
        let fast: Box<dyn Iterator<Item = Result<T, Fail>>> =
            if opts.threads.is_some_and(|t| t != 1) {
                Box::new(crate::parallel::map_range(n, opts.threads, read).into_iter())
            } else {
                Box::new((0..n).map(read))
            };
        for (i, fast) in fast.enumerate() {
            // Row numbers as a spreadsheet of the table shows them; past u32 a sheet cannot go.
            let row = u32::try_from(offset + i + 2).unwrap_or(u32::MAX);
            match fast {
                Ok(t) => {
                    out.push(t);
                    rows.push(row);
                }
                Err(Fail) => match slow::<T>(&plan, i, row, kind, sr, b) {
                    Some(t) => {
                        out.push(t);
                        rows.push(row);
                    }
                    None => dropped = true,
                },
            }
        }
        offset += batch.num_rows();
    }
    if dropped {
        if let Some(sr) = &sheet {
            // Indexes no longer match rows: findings get the rows back as cells.
            for _ in b.cells.len_of(kind)..first {
                b.cells.push_row(kind, sr.sheet_index, 0);
            }
            for r in rows {
                b.cells.push_row(kind, sr.sheet_index, r);
            }
        }
    }
}

/// Reads row `i` the way a CSV row is read, reporting each bad cell; `None` when left out.
fn slow<T: DeserializeOwned>(
    plan: &Plan,
    i: usize,
    row: u32,
    kind: EntityKind,
    sr: &SheetReader,
    b: &mut Builder,
) -> Option<T> {
    let owned: Vec<Owned> = plan.cols.iter().map(|c| c.owned(i)).collect();
    let mut v = b.row_value(sr, row, |c| {
        owned.get(c as usize).map_or(Raw::Empty, Owned::raw)
    })?;
    if !b.validate(kind, &mut v, sr.sheet_index, row) {
        return None;
    }
    match crate::input::de::from_value::<T>(&v) {
        Ok(t) => Some(t),
        Err(e) => {
            // The record passed the dataset-level read; a failure here is a model change.
            let (zh, en) = e.problem.words(None);
            b.issues.push(CellIssue::at_cell(
                sr.cell(row, 0),
                e.problem.kind(),
                zh,
                en,
            ));
            None
        }
    }
}

/// How one batch's columns map onto a record.
struct Plan {
    /// The batch's columns that name a field, in batch order.
    cols: Vec<Col>,
    /// The record's shape over `cols`.
    root: Tree,
    /// Columns that name no field (reported once per collection).
    unknown: Vec<CellIssue>,
}

/// A record's fields: leaves are columns, groups are nested objects (`agreement`).
enum Tree {
    Leaf(usize),
    Group(Vec<(&'static str, Tree)>),
}

impl Tree {
    fn insert(&mut self, path: &'static str, col: usize) {
        let Tree::Group(children) = self else { return };
        match path.split_once('.') {
            Some((head, rest)) => {
                let pos = match children.iter().position(|(k, _)| *k == head) {
                    Some(p) => p,
                    None => {
                        children.push((head, Tree::Group(Vec::new())));
                        children.len() - 1
                    }
                };
                if let Some((_, child)) = children.get_mut(pos) {
                    child.insert(rest, col);
                }
            }
            None => children.push((path, Tree::Leaf(col))),
        }
    }
    fn present(&self, cols: &[Col], row: usize) -> bool {
        match self {
            Tree::Leaf(c) => cols.get(*c).is_some_and(|c| c.present(row)),
            Tree::Group(ch) => ch.iter().any(|(_, t)| t.present(cols, row)),
        }
    }
}

/// One column: its values in one of the forms rows are read from, and how its cells are read.
struct Col {
    /// Its place in the batch (for cell references).
    at: u32,
    /// The model column it fills.
    field: usize,
    kind: ColumnKind,
    vals: Vals,
}

pub(super) enum Vals {
    Int(Ints),
    Float(Float64Array),
    Dec(Decimal128Array, i8),
    Text(StringArray),
    /// Text as views (polars hands strings over so): read in place, not copied into `Text`.
    View(StringViewArray),
    Dict(Int32Array, StringArray),
    Date(Date32Array),
    /// Microseconds; `true` with a time zone (an instant), `false` without (Beijing wall time).
    Time(arrow_array::PrimitiveArray<TimestampMicrosecondType>, bool),
    Bool(BooleanArray),
    List(ListArray, Box<Vals>),
    Struct(StructArray, Vec<(String, Vals)>),
}

/// An integer column as given: 32-bit integers (a year, as polars and pandas hand them over) are
/// read in place rather than widened into a copy (40 MB for five million students); wider or
/// unsigned 32-bit ones as 64-bit.
pub(super) enum Ints {
    I32(arrow_array::Int32Array),
    I64(Int64Array),
}

impl Ints {
    pub(super) fn value(&self, i: usize) -> i64 {
        match self {
            Ints::I32(a) => i64::from(a.value(i)),
            Ints::I64(a) => a.value(i),
        }
    }
    pub(super) fn array(&self) -> &dyn Array {
        match self {
            Ints::I32(a) => a,
            Ints::I64(a) => a,
        }
    }
    pub(super) fn is_valid(&self, i: usize) -> bool {
        self.array().is_valid(i)
    }
    pub(super) fn len(&self) -> usize {
        self.array().len()
    }
}

impl Plan {
    fn new(
        spec: &'static EntitySpec,
        sheet: &str,
        batch: &RecordBatch,
        limits: &crate::Limits,
    ) -> Result<Plan, Vec<CellIssue>> {
        let mut flat = Vec::new();
        for (f, a) in batch.schema().fields().iter().zip(batch.columns()) {
            flatten(f.name(), a, &mut flat);
        }
        if flat.len() as u64 > limits.columns {
            return Err(vec![CellIssue::at_sheet(
                sheet,
                InputErrorKind::Limit,
                format!(
                    "列数{}超过上限{}(limits.columns)",
                    flat.len(),
                    limits.columns
                ),
                format!(
                    "{} columns exceed the limit of {} (limits.columns)",
                    flat.len(),
                    limits.columns
                ),
            )]);
        }
        let mut cols = Vec::new();
        let mut unknown = Vec::new();
        let mut errors = Vec::new();
        let mut root = Tree::Group(Vec::new());
        for (at, (name, array)) in flat.into_iter().enumerate() {
            let at = u32::try_from(at).unwrap_or(u32::MAX);
            let cell = |kind, zh: String, en: String| {
                CellIssue::at_cell(
                    crate::finding::Cell {
                        sheet: sheet.to_string(),
                        row: 1,
                        column: column_letter(at),
                    },
                    kind,
                    zh,
                    en,
                )
            };
            let Some(field) = spec.column_for(&name) else {
                unknown.push(cell(
                    InputErrorKind::UnknownField,
                    format!("未知的列“{name}”,已忽略"),
                    format!("unknown column {name:?}, ignored"),
                ));
                continue;
            };
            let Some(column) = spec.columns.get(field) else {
                continue;
            };
            if cols.iter().any(|c: &Col| c.field == field) {
                errors.push(cell(
                    InputErrorKind::DuplicateKey,
                    format!("列“{name}”与前面的列同为{}", column.zh),
                    format!("column {name:?} repeats {} given before", column.en),
                ));
                continue;
            }
            if array.data_type() == &DataType::Null {
                continue; // A column of nulls gives nothing.
            }
            match Vals::new(&array) {
                Ok(vals) => {
                    root.insert(column.path_static(), cols.len());
                    cols.push(Col {
                        at,
                        field,
                        kind: column.kind.clone(),
                        vals,
                    });
                }
                Err(t) => errors.push(cell(
                    InputErrorKind::Type,
                    format!("列“{name}”({})的类型{t}无法读取", column.zh),
                    format!(
                        "column {name:?} ({}) has type {t}, which cannot be read",
                        column.en
                    ),
                )),
            }
        }
        if errors.is_empty() {
            Ok(Plan {
                cols,
                root,
                unknown,
            })
        } else {
            // Without these columns every row would be wrong the same way: say it once, as a
            // problem with the whole table.
            for e in &mut errors {
                e.sheet = Some(sheet.to_string());
                e.cell = None;
            }
            Err(errors)
        }
    }

    /// (table column, model column) pairs, as the CSV reader registers a sheet.
    fn mapping(&self) -> Vec<(u32, usize)> {
        self.cols.iter().map(|c| (c.at, c.field)).collect()
    }
}

/// Struct columns as their children with dotted names (`agreement` → `agreement.signed_on`).
pub(super) fn flatten(name: &str, a: &ArrayRef, out: &mut Vec<(String, ArrayRef)>) {
    if let DataType::Struct(fields) = a.data_type() {
        if let Some(s) = a.as_struct_opt() {
            for (f, child) in fields.iter().zip(s.columns()) {
                flatten(&format!("{name}.{}", f.name()), child, out);
            }
            return;
        }
    }
    out.push((name.to_string(), Arc::clone(a)));
}

/// The Arrow type's name as written in messages.
fn type_name(t: &DataType) -> String {
    t.to_string()
}

/// A text dictionary with unsigned 32-bit keys (how polars hands over its categoricals) as
/// `Vals::Dict`: the keys are taken bit for bit as signed ones, without a pass over the rows,
/// and only the dictionary's texts are converted. A key at or past 2³¹ (never a valid one: no
/// dictionary is that long) then reads as negative, which every reader of `Vals::Dict` takes as
/// past the dictionary, as it is; a null key stays null.
fn text_dictionary(a: &ArrayRef) -> Result<Vals, arrow_schema::ArrowError> {
    let d = a.as_dictionary::<arrow_array::types::UInt32Type>();
    let keys = d.keys();
    let bits = arrow_buffer::ScalarBuffer::<i32>::new(keys.values().inner().clone(), 0, keys.len());
    let keys = Int32Array::try_new(bits, keys.nulls().cloned())?;
    let texts = arrow_cast::cast(d.values(), &DataType::Utf8)?;
    Ok(Vals::Dict(keys, texts.as_string::<i32>().clone()))
}

impl Vals {
    pub(super) fn new(a: &ArrayRef) -> Result<Vals, String> {
        use DataType as D;
        let cast = |to: &D| {
            let opts = arrow_cast::CastOptions {
                // Overflow is an error, never a null: nothing is dropped silently.
                safe: false,
                ..Default::default()
            };
            arrow_cast::cast_with_options(a, to, &opts)
                .map_err(|e| format!("{} ({e})", type_name(a.data_type())))
        };
        let t = a.data_type();
        Ok(match t {
            D::Int8 | D::Int16 | D::Int32 | D::UInt8 | D::UInt16 => {
                Vals::Int(Ints::I32(cast(&D::Int32)?.as_primitive().clone()))
            }
            D::Int64 | D::UInt32 | D::UInt64 => {
                Vals::Int(Ints::I64(cast(&D::Int64)?.as_primitive().clone()))
            }
            D::Float16 | D::Float32 | D::Float64 => {
                Vals::Float(cast(&D::Float64)?.as_primitive().clone())
            }
            D::Decimal32(_, s) | D::Decimal64(_, s) | D::Decimal128(_, s) | D::Decimal256(_, s) => {
                let a = cast(&D::Decimal128(38, *s))?;
                Vals::Dec(a.as_primitive().clone(), *s)
            }
            D::Utf8View => Vals::View(a.as_string_view().clone()),
            D::Utf8 | D::LargeUtf8 => Vals::Text(cast(&D::Utf8)?.as_string().clone()),
            D::Dictionary(k, v) if matches!(**v, D::Utf8 | D::LargeUtf8 | D::Utf8View) => match **k
            {
                D::UInt32 => text_dictionary(a).map_err(|e| format!("{} ({e})", type_name(t)))?,
                _ => {
                    let a = cast(&D::Dictionary(Box::new(D::Int32), Box::new(D::Utf8)))?;
                    let d = a.as_dictionary::<Int32Type>();
                    Vals::Dict(d.keys().clone(), d.values().as_string().clone())
                }
            },
            D::Dictionary(_, v) => Vals::new(&cast(v)?)?,
            D::Date32 | D::Date64 => Vals::Date(cast(&D::Date32)?.as_primitive().clone()),
            D::Timestamp(_, tz) => {
                let a = cast(&D::Timestamp(TimeUnit::Microsecond, tz.clone()))?;
                Vals::Time(a.as_primitive().clone(), tz.is_some())
            }
            D::Boolean => Vals::Bool(a.as_boolean().clone()),
            D::List(f)
            | D::LargeList(f)
            | D::ListView(f)
            | D::LargeListView(f)
            | D::FixedSizeList(f, _) => {
                let l = cast(&D::List(Arc::clone(f)))?;
                let l = l.as_list::<i32>().clone();
                let inner = Vals::new(l.values())?;
                Vals::List(l, Box::new(inner))
            }
            D::Struct(fields) => {
                let s = a.as_struct().clone();
                let kids = fields
                    .iter()
                    .zip(s.columns())
                    .map(|(f, c)| Ok((f.name().clone(), Vals::new(c)?)))
                    .collect::<Result<Vec<_>, String>>()?;
                Vals::Struct(s, kids)
            }
            _ => return Err(type_name(t)),
        })
    }

    pub(super) fn array(&self) -> &dyn Array {
        match self {
            Vals::Int(a) => a.array(),
            Vals::Float(a) => a,
            Vals::Dec(a, _) => a,
            Vals::Text(a) => a,
            Vals::View(a) => a,
            Vals::Dict(k, _) => k,
            Vals::Date(a) => a,
            Vals::Time(a, _) => a,
            Vals::Bool(a) => a,
            Vals::List(a, _) => a,
            Vals::Struct(a, _) => a,
        }
    }

    pub(super) fn text(&self, row: usize) -> Option<&str> {
        match self {
            Vals::Text(a) => Some(a.value(row)),
            Vals::View(a) => Some(a.value(row)),
            Vals::Dict(k, v) => {
                let i = usize::try_from(k.value(row)).ok()?;
                (i < v.len()).then(|| v.value(i))
            }
            _ => None,
        }
    }

    pub(super) fn present(&self, row: usize) -> bool {
        if self.array().is_null(row) {
            return false;
        }
        // A blank text cell is not given, as in a CSV file.
        self.text(row).is_none_or(|t| !trim(t).is_empty())
    }
}

impl Col {
    fn present(&self, row: usize) -> bool {
        self.vals.present(row)
    }

    /// The value as a raw cell, for the CSV reading of a bad row.
    fn owned(&self, row: usize) -> Owned {
        if !self.present(row) {
            return Owned::Empty;
        }
        match &self.vals {
            Vals::Int(a) => Owned::Int(a.value(row)),
            Vals::Float(a) => Owned::Float(a.value(row)),
            Vals::Bool(a) => Owned::Bool(a.value(row)),
            v @ (Vals::Text(_) | Vals::View(_) | Vals::Dict(..)) => {
                Owned::Text(v.text(row).unwrap_or_default().to_string())
            }
            v => {
                let mut s = String::new();
                match v.json(row) {
                    Some(serde_json::Value::String(t)) => s = t,
                    Some(j) => s = j.to_string(),
                    None => {}
                }
                Owned::Text(s)
            }
        }
    }
}

impl Vals {
    /// The value as JSON (lists, dates, decimals as exact text), for the CSV reading.
    fn json(&self, row: usize) -> Option<serde_json::Value> {
        use serde_json::Value as J;
        if self.array().is_null(row) {
            return None;
        }
        Some(match self {
            Vals::Int(a) => J::from(a.value(row)),
            Vals::Float(a) => J::String(float_text(a.value(row))),
            Vals::Dec(a, s) => J::String(scaled(a.value(row), *s)),
            Vals::Text(_) | Vals::View(_) | Vals::Dict(..) => {
                J::String(self.text(row)?.to_string())
            }
            Vals::Date(a) => J::String(date(a.value(row))?.to_string()),
            Vals::Time(a, tz) => J::String(instant(a.value(row), *tz)?),
            Vals::Bool(a) => J::Bool(a.value(row)),
            Vals::List(l, inner) => {
                let o = l.value_offsets();
                let (from, to) = (*o.get(row)?, *o.get(row + 1)?);
                J::Array(
                    (from..to)
                        .filter_map(|j| inner.json(usize::try_from(j).ok()?))
                        .collect(),
                )
            }
            Vals::Struct(_, kids) => J::Object(
                kids.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.json(row)?)))
                    .collect(),
            ),
        })
    }
}

/// A raw cell, owned.
enum Owned {
    Empty,
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Owned {
    fn raw(&self) -> Raw<'_> {
        match self {
            Owned::Empty => Raw::Empty,
            Owned::Text(t) => Raw::Text(t),
            Owned::Int(i) => Raw::Int(*i),
            Owned::Float(f) => Raw::Float(*f),
            Owned::Bool(b) => Raw::Bool(*b),
        }
    }
}

/// The Arrow date `days` since 1970-01-01.
pub(super) fn date(days: i32) -> Option<NaiveDate> {
    use chrono::Datelike;
    let common = COMMON_DATES.get_or_init(|| {
        let first = NaiveDate::from_ymd_opt(1900, 1, 1);
        std::iter::successors(first, |d| d.succ_opt())
            .take_while(|d| d.year() <= 2100)
            .collect()
    });
    let at = days
        .checked_sub(FIRST_COMMON_DAY)
        .and_then(|k| usize::try_from(k).ok());
    match at.and_then(|k| common.get(k)) {
        Some(d) => Some(*d),
        None => date_by_calendar(days),
    }
}

/// The days from 1900 to 2100 as dates, made on first use (about 73,000 days, 290 KB): a held
/// column's dates are read record by record, by each rule's scope and checks (five million
/// students, several times over), and the calendar's conversion of a day number was a twentieth
/// of a national check.
static COMMON_DATES: std::sync::OnceLock<Vec<NaiveDate>> = std::sync::OnceLock::new();

/// The Arrow day number of 1900-01-01, the first of [`COMMON_DATES`].
const FIRST_COMMON_DAY: i32 = -25_567;

/// [`date`] by the calendar's arithmetic: any day the calendar has.
fn date_by_calendar(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(719_163)?)
}

/// The Arrow day number of `d` (days since 1970-01-01): what [`date`] reads back as `d`.
pub(super) fn day_number(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    // The calendar's range (±262,000 years) is well within i32 days either side.
    d.num_days_from_ce() - 719_163
}

/// The Arrow day numbers [`date`] reads as dates (the calendar's range), to check a column
/// without building a date per row.
pub(super) fn date_days() -> std::ops::RangeInclusive<i32> {
    day_number(NaiveDate::MIN)..=day_number(NaiveDate::MAX)
}

/// An instant as RFC 3339 in Beijing time; `tz`: microseconds since the epoch in UTC, else
/// Beijing wall-clock time (the convention of the workbooks for times without an offset).
fn instant(micros: i64, tz: bool) -> Option<String> {
    let utc = DateTime::from_timestamp_micros(micros)?;
    let t = if tz {
        utc.with_timezone(&beijing())
    } else {
        utc.naive_utc().and_local_timezone(beijing()).single()?
    };
    Some(t.to_rfc3339())
}

/// `v × 10^-scale` as exact decimal text (`12345`, 2 → `123.45`).
fn scaled(v: i128, scale: i8) -> String {
    let mut s = String::new();
    write_scaled(&mut s, v, scale);
    s
}

fn write_scaled(out: &mut impl fmt::Write, v: i128, scale: i8) {
    let digits = v.unsigned_abs().to_string();
    let sign = if v < 0 { "-" } else { "" };
    let r = if scale <= 0 {
        let zeros = "0".repeat(usize::from(scale.unsigned_abs()));
        write!(out, "{sign}{digits}{zeros}")
    } else {
        let s = usize::from(scale.unsigned_abs());
        if digits.len() > s {
            let (i, f) = digits.split_at(digits.len() - s);
            write!(out, "{sign}{i}.{f}")
        } else {
            write!(out, "{sign}0.{}{digits}", "0".repeat(s - digits.len()))
        }
    };
    // Writing to a String cannot fail.
    let _ = r;
}

/// A failed fast read: the row is read again cell by cell, which says what is wrong.
#[derive(Debug)]
struct Fail;

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("row not read")
    }
}

impl std::error::Error for Fail {}

impl de::Error for Fail {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Fail
    }
}

/// A record (or a nested object) of one row.
struct Node<'a> {
    node: &'a Tree,
    cols: &'a [Col],
    row: usize,
}

struct Fields<'a> {
    items: std::slice::Iter<'a, (&'static str, Tree)>,
    cols: &'a [Col],
    row: usize,
    next: Option<&'a Tree>,
}

impl<'de> de::MapAccess<'de> for Fields<'_> {
    type Error = Fail;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Fail> {
        for (k, t) in self.items.by_ref() {
            if t.present(self.cols, self.row) {
                self.next = Some(t);
                return seed.deserialize((*k).into_deserializer()).map(Some);
            }
        }
        Ok(None)
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Fail> {
        let node = self.next.take().ok_or(Fail)?;
        seed.deserialize(Node {
            node,
            cols: self.cols,
            row: self.row,
        })
    }
}

impl<'de> de::Deserializer<'de> for Node<'_> {
    type Error = Fail;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Fail> {
        match self.node {
            Tree::Group(items) => v.visit_map(Fields {
                items: items.iter(),
                cols: self.cols,
                row: self.row,
                next: None,
            }),
            Tree::Leaf(c) => {
                let col = self.cols.get(*c).ok_or(Fail)?;
                Leaf {
                    vals: &col.vals,
                    kind: &col.kind,
                    row: self.row,
                }
                .deserialize_any(v)
            }
        }
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Fail> {
        v.visit_some(self)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Fail> {
        match self.node {
            Tree::Leaf(c) => {
                let col = self.cols.get(*c).ok_or(Fail)?;
                Leaf {
                    vals: &col.vals,
                    kind: &col.kind,
                    row: self.row,
                }
                .deserialize_enum(name, variants, v)
            }
            Tree::Group(_) => Err(Fail),
        }
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// One value of one column.
struct Leaf<'a> {
    vals: &'a Vals,
    kind: &'a ColumnKind,
    row: usize,
}

/// Text written on the stack: dates and decimals are handed over as text without allocating.
struct Buf {
    bytes: [u8; 80],
    len: usize,
}

impl Buf {
    fn new() -> Self {
        Buf {
            bytes: [0; 80],
            len: 0,
        }
    }
    fn as_str(&self) -> Result<&str, Fail> {
        std::str::from_utf8(self.bytes.get(..self.len).ok_or(Fail)?).map_err(|_| Fail)
    }
}

impl fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let dst = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl<'de> de::Deserializer<'de> for Leaf<'_> {
    type Error = Fail;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Fail> {
        let row = self.row;
        match self.vals {
            Vals::Int(a) => v.visit_i64(a.value(row)),
            Vals::Float(a) => {
                let f = a.value(row);
                match self.kind {
                    // 3.0 is a whole number (as in a spreadsheet); 3.5 is refused by the model.
                    ColumnKind::Int if f.fract() == 0.0 && f.abs() < 9.0e15 =>
                    {
                        #[allow(clippy::cast_possible_truncation)]
                        v.visit_i64(f as i64)
                    }
                    // The shortest decimal that reads back as the same double, as for CSV.
                    ColumnKind::Decimal => v.visit_str(&float_text(f)),
                    _ => v.visit_f64(f),
                }
            }
            Vals::Dec(a, s) => {
                let mut b = Buf::new();
                write_scaled(&mut b, a.value(row), *s);
                v.visit_str(b.as_str()?)
            }
            Vals::Text(_) | Vals::View(_) | Vals::Dict(..) => {
                let t = trim(self.vals.text(row).ok_or(Fail)?);
                if t.contains('\u{fffd}') {
                    return Err(Fail);
                }
                if *self.kind == ColumnKind::Json {
                    let j: serde_json::Value = serde_json::from_str(t).map_err(|_| Fail)?;
                    return de::Deserializer::deserialize_any(j, v).map_err(|_| Fail);
                }
                v.visit_str(t)
            }
            Vals::Date(a) => {
                let d = date(a.value(row)).ok_or(Fail)?;
                let mut b = Buf::new();
                write!(b, "{d}").map_err(|_| Fail)?;
                v.visit_str(b.as_str()?)
            }
            Vals::Time(a, tz) => v.visit_string(instant(a.value(row), *tz).ok_or(Fail)?),
            Vals::Bool(a) => v.visit_bool(a.value(row)),
            Vals::List(l, inner) => {
                let o = l.value_offsets();
                let from = usize::try_from(*o.get(row).ok_or(Fail)?).map_err(|_| Fail)?;
                let to = usize::try_from(*o.get(row + 1).ok_or(Fail)?).map_err(|_| Fail)?;
                v.visit_seq(Items {
                    vals: inner,
                    at: from,
                    end: to,
                })
            }
            Vals::Struct(_, kids) => v.visit_map(StructFields {
                kids: kids.iter(),
                row,
                next: None,
            }),
        }
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Fail> {
        if self.vals.present(self.row) {
            v.visit_some(self)
        } else {
            v.visit_none()
        }
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Fail> {
        let t = trim(self.vals.text(self.row).ok_or(Fail)?);
        v.visit_enum(de::value::StrDeserializer::<Fail>::new(t))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// The elements of a list cell.
struct Items<'a> {
    vals: &'a Vals,
    at: usize,
    end: usize,
}

/// Inside lists, values are read by their Arrow type.
const BY_TYPE: ColumnKind = ColumnKind::Text;

impl<'de> de::SeqAccess<'de> for Items<'_> {
    type Error = Fail;
    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Fail> {
        if self.at >= self.end {
            return Ok(None);
        }
        let row = self.at;
        self.at += 1;
        seed.deserialize(Leaf {
            vals: self.vals,
            kind: &BY_TYPE,
            row,
        })
        .map(Some)
    }
}

/// The fields of a struct inside a list.
struct StructFields<'a> {
    kids: std::slice::Iter<'a, (String, Vals)>,
    row: usize,
    next: Option<&'a Vals>,
}

impl<'de> de::MapAccess<'de> for StructFields<'_> {
    type Error = Fail;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Fail> {
        for (k, v) in self.kids.by_ref() {
            if v.present(self.row) {
                self.next = Some(v);
                return seed.deserialize(k.as_str().into_deserializer()).map(Some);
            }
        }
        Ok(None)
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Fail> {
        let vals = self.next.take().ok_or(Fail)?;
        seed.deserialize(Leaf {
            vals,
            kind: &BY_TYPE,
            row: self.row,
        })
    }
}

impl super::columns::Column {
    /// The path, borrowed for the life of the program (columns live in a static table).
    pub(super) fn path_static(&'static self) -> &'static str {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every day of the table, the days either side of it and the calendar's ends read as the
    /// calendar's arithmetic reads them.
    #[test]
    fn the_common_dates_are_the_calendars() {
        let last = FIRST_COMMON_DAY + 73_413; // 2100-12-31
        assert_eq!(
            date(last).map(|d| d.to_string()).as_deref(),
            Some("2100-12-31")
        );
        assert_eq!(
            date(FIRST_COMMON_DAY).map(|d| d.to_string()).as_deref(),
            Some("1900-01-01")
        );
        for d in (FIRST_COMMON_DAY - 3..=last + 3)
            .chain([i32::MIN, i32::MAX, 0, -1])
            .chain([*date_days().start(), *date_days().end()])
            .chain([date_days().start() - 1, date_days().end() + 1])
        {
            assert_eq!(date(d), date_by_calendar(d), "day {d}");
        }
        assert_eq!(COMMON_DATES.get().map(Vec::len), Some(73_414));
    }
}
