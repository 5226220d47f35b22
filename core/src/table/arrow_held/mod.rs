//! Large collections held as their Arrow columns, checked without a struct per record.
//!
//! Five million students (or half a million semester activities, 300,000 cohorts) read into
//! row structs cost seconds and gigabytes (every id a `String`); the checks read a few fields of
//! each. Here the columns are kept as Arrow arrays and read through the same [`Records`] view
//! the rows give, so every check kind runs unchanged and decides the same.
//!
//! One generic holder ([`Columns`]) serves every collection held; each collection says, in a
//! small module of its own ([`Concept`]), which columns it reads and how their cells must look,
//! what it derives at load (a student's certificate flags, an activity's semester) and who a
//! record is. Only data the row reader would take without a word is held: every column names a
//! field the concept reads, of a plain type, with the required fields given on every row and
//! every value within the model's range. Anything else (an unknown or badly typed column, a blank
//! required cell, a count below zero, text that is not UTF-8, too many records or columns) makes
//! [`hold`] decline, and the collection is read as rows, whose reader says what is wrong and
//! where. Declining is never an error, only slower.

mod cohorts;
#[cfg(feature = "bulk")]
mod json;
mod semester_activities;
mod students;

#[cfg(feature = "bulk")]
pub use json::{read_json_for_check, read_json_reader_for_check};

use super::arrow_in::{date, date_days, flatten, Vals};
use super::cell::trim;
use crate::model::{Entity, EntityKind, Field, FieldId, Index, Records, Subject, Value};
use arrow_array::{Array, ArrayRef, Int32Array, RecordBatch, StringArray};
use std::sync::Arc;

/// How the cells of a held column must look.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Form {
    /// Text (plain, views or a dictionary), valid UTF-8; read trimmed.
    Text,
    /// Integers within the model's type (`i32` years, `u32` counts).
    Int { min: i64, max: i64 },
    /// Arrow dates within the calendar.
    Date,
    /// Booleans.
    Flag,
    /// Read by the concept itself at load ([`Concept::extra`]), not as a field.
    Custom,
}

/// One column a concept holds: its record path, its form, and whether every row must give it.
pub(super) struct ColumnDef {
    pub(super) path: &'static str,
    pub(super) form: Form,
    pub(super) required: bool,
}

/// A column every row must give.
pub(super) const fn req(path: &'static str, form: Form) -> ColumnDef {
    ColumnDef {
        path,
        form,
        required: true,
    }
}

/// A column rows may leave blank.
pub(super) const fn opt(path: &'static str, form: Form) -> ColumnDef {
    ColumnDef {
        path,
        form,
        required: false,
    }
}

/// A count (`u32` in the model).
pub(super) const COUNT: Form = Form::Int {
    min: 0,
    max: u32::MAX as i64,
};
/// A year (`i32` in the model).
pub(super) const YEAR: Form = Form::Int {
    min: i32::MIN as i64,
    max: i32::MAX as i64,
};

/// A collection that can be held as columns: its columns, what it derives, who a record is.
pub(super) trait Concept: Sized + Send + Sync + 'static {
    /// The row struct whose field table (positions, names, types) the columns answer to.
    type Entity: Entity;
    /// What is derived at load from the [`Form::Custom`] columns.
    type Extra: Send + Sync;
    /// Every column this concept reads; a column naming anything else declines.
    const COLUMNS: &'static [ColumnDef];
    /// Fields of the field table computed at load rather than read from a column.
    const DERIVED: &'static [&'static str] = &[];
    /// Reads the custom columns given (path, values) for `n` rows; `None` declines.
    fn extra(custom: &[(&'static str, &Vals)], n: usize) -> Option<Self::Extra>;
    /// Derived field `k` (a position in [`Concept::DERIVED`]) of record `i`.
    fn derived(cols: &Columns<Self>, k: usize, i: usize) -> Value<'_> {
        let _ = (cols, k, i);
        Value::Missing
    }
    /// Who record `i` is, for findings (as the row struct's [`Entity::subject`]).
    fn subject(cols: &Columns<Self>, i: usize, ix: &Index<'_>) -> Subject;
    /// The period of record `i` (as the row struct's [`Entity::period`]).
    fn period(cols: &Columns<Self>, i: usize) -> Option<crate::finding::Period>;
}

/// Where a field of the field table is read from.
#[derive(Clone, Copy)]
enum Slot {
    /// A column (position in [`Columns::cols`]).
    Col(usize),
    /// A derived field ([`Concept::derived`]).
    Derived(usize),
    /// Not given: missing on every row.
    Absent,
}

/// One collection held as its columns: a [`Records`] over Arrow arrays.
pub(super) struct Columns<C: Concept> {
    n: usize,
    /// The columns given (custom ones excluded).
    cols: Vec<Vals>,
    /// For each of [`Concept::COLUMNS`], its position in `cols` when given.
    at: Vec<Option<usize>>,
    /// Each field of the field table (by [`FieldId`]), where it is read from.
    slots: Vec<Slot>,
    /// What the concept derived at load.
    pub(super) extra: C::Extra,
}

/// Holds `batches` (one collection) as the columns of concept `C`, or `None` when the row reader
/// must read them (see the module's documentation).
fn hold_as<C: Concept>(
    batches: &[RecordBatch],
    limits: &crate::Limits,
    threads: Option<usize>,
) -> Option<Columns<C>> {
    let spec = super::columns::spec(C::Entity::KIND)?;
    let schema = batches.first()?.schema();
    // One batch: several are joined (a DataFrame in chunks); a schema that changes declines.
    // (Nullability may differ between chunks: a chunk without nulls says non-nullable.)
    let shape = |s: &arrow_schema::Schema| -> Vec<(String, arrow_schema::DataType)> {
        s.fields()
            .iter()
            .map(|f| (f.name().clone(), f.data_type().clone()))
            .collect()
    };
    if batches.iter().any(|b| shape(&b.schema()) != shape(&schema)) {
        return None;
    }
    let n: usize = batches.iter().map(RecordBatch::num_rows).sum();
    if n as u64 > limits.records {
        return None;
    }
    // Column by column, side by side on request: joining the chunks of five million students
    // and looking at every row was the one part of a national read left on one core.
    let positions: Vec<usize> = (0..schema.fields().len()).collect();
    let wholes = crate::parallel::map(&positions, threads, 1, |&k| match batches {
        [one] => Some(Arc::clone(one.column(k))),
        _ => {
            let parts: Vec<&dyn Array> = batches.iter().map(|b| b.column(k).as_ref()).collect();
            arrow_select::concat::concat(&parts).ok()
        }
    });
    let mut flat = Vec::new();
    for (field, whole) in schema.fields().iter().zip(wholes) {
        flatten(field.name(), &whole?, &mut flat);
    }
    // The row reader counts every column given, nulls included.
    if flat.len() as u64 > limits.columns {
        return None;
    }
    let mut named: Vec<(usize, ArrayRef)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (name, array) in flat {
        let path = spec.columns.get(spec.column_for(&name)?)?.path_static();
        if seen.contains(&path) {
            return None; // Two columns for one field: the row reader says so.
        }
        if array.data_type() == &arrow_schema::DataType::Null {
            continue; // A column of nulls gives nothing, as for the row reader.
        }
        seen.push(path);
        named.push((C::COLUMNS.iter().position(|c| c.path == path)?, array));
    }
    let read = |(k, array): &(usize, ArrayRef)| {
        let vals = Vals::new(array).ok()?;
        fits(&vals, C::COLUMNS.get(*k)?).then_some(vals)
    };
    // The custom columns first, then what is derived from them beside the other columns' reading
    // (the certificates of five million students took a tenth of a second on one core, while
    // the other waited). Every column must fit and the derivation succeed, whichever ends first.
    let is_custom = |k: usize| C::COLUMNS.get(k).is_some_and(|c| c.form == Form::Custom);
    let (custom, plain): (Vec<_>, Vec<_>) = named.into_iter().partition(|(k, _)| is_custom(*k));
    let custom_vals = crate::parallel::map(&custom, threads, 1, read);
    let mut custom_given: Vec<(&'static str, &Vals)> = Vec::with_capacity(custom.len());
    for ((k, _), vals) in custom.iter().zip(&custom_vals) {
        custom_given.push((C::COLUMNS.get(*k)?.path, vals.as_ref()?));
    }
    let (extra, plain_vals) = crate::parallel::join(
        threads,
        || C::extra(&custom_given, n),
        || crate::parallel::map(&plain, threads, 1, read),
    );
    let extra = extra?;
    let mut given: Vec<Option<Vals>> = C::COLUMNS.iter().map(|_| None).collect();
    for ((k, _), vals) in plain.iter().zip(plain_vals) {
        *given.get_mut(*k)? = Some(vals?);
    }
    for ((k, _), vals) in custom.iter().zip(custom_vals) {
        *given.get_mut(*k)? = Some(vals?);
    }
    if C::COLUMNS
        .iter()
        .zip(&given)
        .any(|(c, g)| c.required && g.is_none())
    {
        return None;
    }
    let mut cols = Vec::new();
    let mut at = Vec::with_capacity(given.len());
    for (c, g) in C::COLUMNS.iter().zip(given) {
        match g {
            Some(v) if c.form != Form::Custom => {
                at.push(Some(cols.len()));
                cols.push(v);
            }
            _ => at.push(None),
        }
    }
    let slots = C::Entity::fields()
        .iter()
        .map(|f| {
            if let Some(k) = C::DERIVED.iter().position(|d| *d == f.name) {
                return Slot::Derived(k);
            }
            C::COLUMNS
                .iter()
                .position(|c| c.path == f.name)
                .and_then(|k| at.get(k).copied().flatten())
                .map_or(Slot::Absent, Slot::Col)
        })
        .collect();
    Some(Columns {
        n,
        cols,
        at,
        slots,
        extra,
    })
}

/// Whether `v` has the form `def` asks for, on every row (see [`Form`]); a row without a value
/// fits unless the column is required. One pass over the column.
fn fits(v: &Vals, def: &ColumnDef) -> bool {
    let n = v.array().len();
    let blank = !def.required;
    match (def.form, v) {
        // An optional text column with no 0xEF byte in its buffers holds no U+FFFD: nothing
        // to look at row by row.
        (Form::Text, _) if blank && is_text(v) && !may_hold_replaced(v) => true,
        // A required text column without a 0xEF byte: only whether each row gives it.
        (Form::Text, Vals::Text(_) | Vals::View(_)) if !may_hold_replaced(v) => {
            blank || (0..n).all(|i| v.present(i))
        }
        (Form::Text, Vals::Dict(keys, values)) => dict_fits(keys, values, blank),
        (Form::Text, _) if is_text(v) => text_fits_by_row(v, blank),
        (Form::Int { min, max }, Vals::Int(a)) => (0..n).all(|i| {
            if a.is_valid(i) {
                (min..=max).contains(&a.value(i))
            } else {
                blank
            }
        }),
        (Form::Date, Vals::Date(a)) => {
            let days = date_days();
            (0..n).all(|i| {
                if a.is_valid(i) {
                    days.contains(&a.value(i))
                } else {
                    blank
                }
            })
        }
        (Form::Flag, Vals::Bool(a)) => blank || a.null_count() == 0,
        (Form::Custom, _) => blank || (0..n).all(|i| v.present(i)),
        _ => false,
    }
}

/// Whether every row of text column `v` is valid UTF-8 when given, and given unless `blank`
/// may be: the definition, row by row.
fn text_fits_by_row(v: &Vals, blank: bool) -> bool {
    (0..v.array().len()).all(|i| {
        if v.present(i) {
            v.text(i).is_some_and(|t| !replaced(t))
        } else {
            blank
        }
    })
}

/// [`text_fits_by_row`] for a dictionary: each distinct text is looked at once (five million
/// students name ten thousand schools), then each row's key. A key past the dictionary is a
/// value given but unreadable, as row by row.
fn dict_fits(keys: &Int32Array, values: &StringArray, blank: bool) -> bool {
    #[derive(Clone, Copy)]
    enum Cell {
        Good,
        Blank,
        Replaced,
    }
    let cells: Vec<Cell> = (0..values.len())
        .map(|j| {
            let t = values.value(j);
            if trim(t).is_empty() {
                Cell::Blank
            } else if replaced(t) {
                Cell::Replaced
            } else {
                Cell::Good
            }
        })
        .collect();
    (0..keys.len()).all(|i| {
        if keys.is_null(i) {
            return blank;
        }
        let cell = usize::try_from(keys.value(i))
            .ok()
            .and_then(|j| cells.get(j));
        match cell {
            Some(Cell::Good) => true,
            Some(Cell::Blank) => blank,
            Some(Cell::Replaced) | None => false,
        }
    })
}

/// Each text of a dictionary as a row holding its code reads it: trimmed, `None` when blank
/// (not given).
pub(super) fn dict_texts(values: &StringArray) -> Vec<Option<&str>> {
    (0..values.len())
        .map(|j| Some(trim(values.value(j))).filter(|t| !t.is_empty()))
        .collect()
}

/// Text the row reader takes as is: valid UTF-8 (no replacement character).
pub(super) fn clean_text(v: &Vals) -> bool {
    fits(v, &opt("", Form::Text))
}

/// Whether some byte of the text column `v` is 0xEF (the first byte of U+FFFD in UTF-8), found
/// by one scan of its buffers rather than a look at each row. A view array's views are scanned
/// too (short texts are kept inside them), so lengths and offsets may answer yes falsely: that
/// only sends the column to the row-by-row look.
fn may_hold_replaced(v: &Vals) -> bool {
    let scan = |b: &[u8]| b.contains(&0xEF);
    match v {
        Vals::Text(a) => scan(a.values().as_slice()),
        Vals::View(a) => {
            scan(a.views().inner().as_slice()) || a.data_buffers().iter().any(|b| scan(b))
        }
        // A dictionary's keys are looked at row by row anyway (one may point past its values).
        _ => true,
    }
}

/// Whether `v` holds text (plain, views or a dictionary).
pub(super) fn is_text(v: &Vals) -> bool {
    matches!(v, Vals::Text(_) | Vals::View(_) | Vals::Dict(..))
}

/// Whether `t` holds U+FFFD (text that was not UTF-8, replaced), which the row reader refuses.
/// Its UTF-8 starts with byte 0xEF, which ids and names almost never hold: a byte scan first.
pub(super) fn replaced(t: &str) -> bool {
    t.as_bytes().contains(&0xEF) && t.contains('\u{fffd}')
}

impl<C: Concept> Columns<C> {
    /// The values of column `k` of [`Concept::COLUMNS`], when given.
    fn col(&self, k: usize) -> Option<&Vals> {
        self.cols.get(self.at.get(k).copied().flatten()?)
    }
    /// Text of column `k` on record `i` (trimmed), when given.
    pub(super) fn text(&self, k: usize, i: usize) -> Option<&str> {
        let v = self.col(k)?;
        if i >= self.n || v.array().is_null(i) {
            return None;
        }
        // A blank text cell is not given, as in a CSV file.
        v.text(i).map(trim).filter(|t| !t.is_empty())
    }
    /// Integer of column `k` on record `i`, when given.
    pub(super) fn int(&self, k: usize, i: usize) -> Option<i64> {
        match self.col(k)? {
            Vals::Int(a) if i < a.len() && a.is_valid(i) => Some(a.value(i)),
            _ => None,
        }
    }
}

impl<C: Concept> Records for Columns<C> {
    fn kind(&self) -> EntityKind {
        C::Entity::KIND
    }
    fn len(&self) -> usize {
        self.n
    }
    fn field(&self, name: &str) -> Option<Field> {
        crate::model::entity_field::<C::Entity>(name)
    }
    fn value(&self, i: usize, f: FieldId) -> Value<'_> {
        if i >= self.n {
            return Value::Missing;
        }
        match self.slots.get(f.0).copied().unwrap_or(Slot::Absent) {
            Slot::Absent => Value::Missing,
            Slot::Derived(k) => C::derived(self, k, i),
            Slot::Col(c) => {
                let Some(v) = self.cols.get(c) else {
                    return Value::Missing;
                };
                if v.array().is_null(i) {
                    return Value::Missing;
                }
                match v {
                    // The text read once (not once to ask whether it is blank, then again).
                    Vals::Text(_) | Vals::View(_) | Vals::Dict(..) => match v.text(i).map(trim) {
                        Some(t) if !t.is_empty() => Value::Text(t),
                        _ => Value::Missing,
                    },
                    Vals::Int(a) => Value::Int(a.value(i)),
                    Vals::Date(a) => date(a.value(i)).map_or(Value::Missing, Value::Date),
                    Vals::Bool(a) => Value::Bool(a.value(i)),
                    _ => Value::Missing,
                }
            }
        }
    }
    fn subject(&self, i: usize, ix: &Index<'_>) -> Subject {
        C::subject(self, i, ix)
    }
    #[cfg(feature = "bulk")]
    fn reader(&self, f: FieldId) -> crate::model::Reader<'_> {
        let n = self.n;
        let col = match self.slots.get(f.0).copied() {
            Some(Slot::Col(c)) => self.cols.get(c),
            _ => None,
        };
        use super::arrow_in::Ints;
        // The integer, date and flag columns as `value` reads them; any other field by `value`.
        match col {
            Some(Vals::Int(Ints::I32(a))) => Box::new(move |i| match i < n && a.is_valid(i) {
                true => Value::Int(i64::from(a.value(i))),
                false => Value::Missing,
            }),
            Some(Vals::Int(Ints::I64(a))) => Box::new(move |i| match i < n && a.is_valid(i) {
                true => Value::Int(a.value(i)),
                false => Value::Missing,
            }),
            Some(Vals::Date(a)) => Box::new(move |i| match i < n && a.is_valid(i) {
                true => date(a.value(i)).map_or(Value::Missing, Value::Date),
                false => Value::Missing,
            }),
            Some(Vals::Bool(a)) => Box::new(move |i| match i < n && a.is_valid(i) {
                true => Value::Bool(a.value(i)),
                false => Value::Missing,
            }),
            _ => Box::new(move |i| self.value(i, f)),
        }
    }
    #[cfg(feature = "bulk")]
    fn text_codes(&self, f: FieldId) -> Option<crate::model::TextCodes<'_>> {
        let Some(Slot::Col(c)) = self.slots.get(f.0).copied() else {
            return None;
        };
        let Some(Vals::Dict(keys, values)) = self.cols.get(c) else {
            return None;
        };
        // As `value` reads a row: a null key, a key past the dictionary and blank text give
        // no value (the last code).
        let none = u32::try_from(values.len()).ok()?;
        let mut texts = dict_texts(values);
        texts.push(None);
        let codes = (0..self.n.min(keys.len()))
            .map(|i| {
                if keys.is_null(i) {
                    return none;
                }
                u32::try_from(keys.value(i))
                    .ok()
                    .filter(|k| *k < none)
                    .unwrap_or(none)
            })
            .collect();
        Some(crate::model::TextCodes { texts, codes })
    }
    fn period(&self, i: usize) -> Option<crate::finding::Period> {
        if i >= self.n {
            return None;
        }
        C::period(self, i)
    }
}

/// Holds `batches` as the columns of collection `kind` when it is one that can be held and
/// its columns need no word from the reader; `None` otherwise (read them as rows).
fn hold(
    kind: EntityKind,
    batches: &[RecordBatch],
    limits: &crate::Limits,
    threads: Option<usize>,
) -> Option<Box<dyn Records + Send + Sync>> {
    fn boxed<C: Concept>(c: Columns<C>) -> Box<dyn Records + Send + Sync> {
        Box::new(c)
    }
    match kind {
        EntityKind::Students => hold_as::<students::Students>(batches, limits, threads).map(boxed),
        EntityKind::Cohorts => hold_as::<cohorts::Cohorts>(batches, limits, threads).map(boxed),
        EntityKind::SemesterActivities => {
            hold_as::<semester_activities::Activities>(batches, limits, threads).map(boxed)
        }
        _ => None,
    }
}

/// The collections that can be held as columns.
pub(crate) const HELD_KINDS: [EntityKind; 3] = [
    EntityKind::Students,
    EntityKind::SemesterActivities,
    EntityKind::Cohorts,
];

/// What [`read_for_check`] gives: the rows read, with every problem found, and the collections
/// held as columns (students, semester activities and cohorts, when their columns are clean),
/// for [`crate::Checker::check_with_columns`].
pub struct CheckRead {
    /// The collections read as rows, with their cells and problems, as [`super::read_batches`]
    /// gives them; a held collection has no rows here.
    pub read: super::TableRead,
    /// The collections held as columns.
    pub held: crate::model::Held,
}

/// As [`super::read_batches_onto`], for checking: a large collection (students, semester
/// activities, cohorts) whose columns need no word from the reader is held as its columns
/// instead of read into rows, which saves most of the time and memory of a national dataset;
/// the report is the same. A collection that `ds` already has records of, or that is given more
/// than once, is read as rows (records are kept in order).
///
/// ```
/// use xianjie::columns::{dataset_to_batches, read_for_check};
/// use xianjie::table::ReadOptions;
/// let ds = xianjie::Dataset::from_json_str(r#"{"reporting_year": 2024, "students": [
///   {"id": "S1", "school": "Z1", "entry_year": 2024, "term_start": "2024-09-01",
///    "agreement": {"signed_on": "2024-10-08"}}]}"#).unwrap();
/// let batches = dataset_to_batches(&ds).unwrap();
/// let input = batches.into_iter().map(|(k, b)| (k.as_str().to_string(), vec![b]));
/// let year = xianjie::Dataset { reporting_year: Some(2024), ..Default::default() };
/// let r = read_for_check(year, input, &ReadOptions::default());
/// assert!(r.read.dataset.students.is_empty());
/// let opts = xianjie::Options { packs: vec!["qz-pilot-2024".into()], ..Default::default() };
/// let checker = xianjie::Checker::new(&opts).unwrap();
/// let held = checker.check_with_columns(&r.read.dataset, &r.held);
/// assert_eq!(held.to_json_pretty(), checker.check(&ds).to_json_pretty());
/// assert!(held.findings.iter().any(|f| f.rule_id() == "qz-pilot-2024/tripartite-agreement"));
/// ```
pub fn read_for_check<I>(
    ds: crate::model::Dataset,
    collections: I,
    opts: &super::ReadOptions,
) -> CheckRead
where
    I: IntoIterator<Item = (String, Vec<RecordBatch>)>,
{
    let given: Vec<(String, Vec<RecordBatch>)> = collections.into_iter().collect();
    let kinds: Vec<Option<EntityKind>> = given
        .iter()
        .map(|(name, _)| EntityKind::parse(name).or_else(|| super::entity_for_sheet(name)))
        .collect();
    // Given once, with no rows beside: rows and columns of one collection are not mixed.
    let once = |k: EntityKind| kinds.iter().filter(|g| **g == Some(k)).count() == 1;
    let mut to_hold = Vec::new();
    let mut rest = Vec::new();
    for (at, ((name, batches), kind)) in given.into_iter().zip(&kinds).enumerate() {
        match kind.filter(|k| HELD_KINDS.contains(k) && once(*k) && ds.len_of(*k) == 0) {
            Some(k) => to_hold.push((at, k, name, batches)),
            None => rest.push((at, name, batches)),
        }
    }
    let hold_all = || -> Vec<_> {
        to_hold
            .iter()
            .map(|(_, k, _, batches)| hold(*k, batches, &opts.limits, opts.threads))
            .collect()
    };
    let side_by_side = matches!(opts.threads, Some(n) if n != 1);
    // `rows`: the rest read (`Ok`), or the dataset it is still to be read onto (`Err`).
    let (holds, rows) = if side_by_side && !to_hold.is_empty() && !rest.is_empty() {
        // The rows read beside the columns held (a fifth of a national read, on one core
        // otherwise); read again, in order, in the rare case that a collection is declined.
        let base = ds.clone();
        let read_rest = || {
            let named = rest.iter().map(|(_, n, b)| (n.clone(), b.clone()));
            super::read_batches_onto(ds, named, opts)
        };
        let (holds, rows) = crate::parallel::join(opts.threads, hold_all, read_rest);
        let rows = match holds.iter().all(Option::is_some) {
            true => Ok(rows),
            false => Err(base),
        };
        (holds, rows)
    } else {
        (hold_all(), Err(ds))
    };
    let mut held = crate::model::Held::new();
    for ((at, _, name, batches), cols) in to_hold.into_iter().zip(holds) {
        match cols {
            Some(cols) => held.hold(cols),
            None => rest.push((at, name, batches)),
        }
    }
    let read = rows.unwrap_or_else(|ds| {
        // Collections in the order given: their problems are listed so.
        rest.sort_by_key(|(at, ..)| *at);
        let named = rest.into_iter().map(|(_, n, b)| (n, b));
        super::read_batches_onto(ds, named, opts)
    });
    CheckRead { read, held }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::columns::{spec, ColumnKind};

    proptest::proptest! {
        /// The day numbers taken as dates are those read as dates.
        #[test]
        fn date_days_are_the_dates(d in proptest::num::i32::ANY) {
            proptest::prop_assert_eq!(date_days().contains(&d), date(d).is_some());
        }

        /// A text column, plain or as views, fits as its rows looked at one by one do.
        #[test]
        fn text_fits_as_row_by_row(
            texts in proptest::collection::vec(
                proptest::option::of(proptest::sample::select(
                    vec!["S1", " S2 ", "", "  ", "\u{3000}", "x\u{fffd}", "中", "a long text past twelve bytes"],
                )),
                0..8,
            ),
            required in proptest::bool::ANY,
        ) {
            let def = if required { req("", Form::Text) } else { opt("", Form::Text) };
            for v in [
                Vals::Text(StringArray::from(texts.clone())),
                Vals::View(arrow_array::StringViewArray::from(texts.clone())),
            ] {
                proptest::prop_assert_eq!(fits(&v, &def), text_fits_by_row(&v, !required));
            }
        }

        /// A dictionary column fits as its rows, looked at one by one, would: null keys, keys
        /// past the dictionary or below zero, blank texts, texts with U+FFFD.
        #[test]
        fn dictionaries_fit_as_row_by_row(
            keys in proptest::collection::vec(proptest::option::of(-1i32..6), 0..12),
            texts in proptest::collection::vec(
                proptest::sample::select(vec!["S1", " S2 ", "", "  ", "\u{3000}", "x\u{fffd}", "中"]),
                0..5,
            ),
            blank in proptest::bool::ANY,
        ) {
            let keys = Int32Array::from(keys);
            let values = StringArray::from(texts);
            let by_row = text_fits_by_row(&Vals::Dict(keys.clone(), values.clone()), blank);
            proptest::prop_assert_eq!(dict_fits(&keys, &values, blank), by_row);
        }
    }

    /// Every concept's table answers the model's: every column of the collection's sheet is
    /// read (so a clean table never declines for want of a column), in the form its kind reads,
    /// required where the model requires it; every field is a column or derived.
    fn answers<C: Concept>() {
        let kind = C::Entity::KIND;
        let sheet = spec(kind).unwrap();
        for col in &sheet.columns {
            let def = C::COLUMNS
                .iter()
                .find(|c| c.path == col.path)
                .unwrap_or_else(|| panic!("{kind:?}: column {} not held", col.path));
            assert_eq!(def.required, col.required, "{kind:?} {}", col.path);
            // A custom column is read by the concept itself, whatever its kind.
            let form = match &col.kind {
                _ if def.form == Form::Custom => Form::Custom,
                ColumnKind::Text => Form::Text,
                ColumnKind::Int if matches!(def.form, Form::Int { .. }) => def.form,
                ColumnKind::Date => Form::Date,
                ColumnKind::Bool => Form::Flag,
                other => panic!(
                    "{kind:?} {}: a {other:?} column held as {:?}",
                    col.path, def.form
                ),
            };
            assert_eq!(def.form, form, "{kind:?} {}", col.path);
        }
        assert_eq!(C::COLUMNS.len(), sheet.columns.len(), "{kind:?}");
        for f in C::Entity::fields() {
            let column = C::COLUMNS
                .iter()
                .any(|c| c.path == f.name && c.form != Form::Custom);
            assert!(
                column || C::DERIVED.contains(&f.name),
                "{kind:?} {}",
                f.name
            );
        }
    }

    #[test]
    fn date_days_end_where_dates_do() {
        let days = date_days();
        for d in [*days.start(), *days.end()] {
            assert!(date(d).is_some(), "{d}");
        }
        for d in [*days.start() - 1, *days.end() + 1, i32::MIN, i32::MAX] {
            assert!(date(d).is_none(), "{d}");
        }
    }

    #[test]
    fn every_concept_answers_its_model() {
        answers::<students::Students>();
        answers::<cohorts::Cohorts>();
        answers::<semester_activities::Activities>();
    }
}
