//! Students held as their Arrow columns, checked without a struct per student.
//!
//! Five million students read into [`crate::model::Student`] rows cost seconds and gigabytes
//! (every id and school a `String`); the checks read a dozen fields of each. Here the columns
//! are kept as Arrow arrays and read through the same [`Records`] view the rows give, so every
//! check kind runs unchanged and decides the same.
//!
//! Only data the row reader would take without a word is held: every column names a field this
//! module reads, of a plain type (text, integer, date, boolean, a list of certificates), with the
//! required fields given on every row. Anything else (an unknown or badly typed column, a blank
//! required cell, an unknown certificate kind, text that is not UTF-8, too many records) makes
//! [`hold_students`] decline, and the collection is read as rows, whose reader says what is wrong
//! and where. Declining is never an error, only slower.

use super::arrow_in::{date, flatten, Vals};
use super::cell::trim;
use crate::model::{
    Certificate, Entity, EntityKind, Field, FieldId, Index, Records, Student, Subject, Value,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use std::collections::HashMap;

/// What a field of the student table is read from.
#[derive(Clone, Copy)]
enum Slot {
    /// A column (position in [`StudentColumns::cols`]).
    Col(usize),
    /// `certificates.senior_worker`, derived at load.
    Senior,
    /// `certificates.x_intermediate_or_above`, derived at load.
    XInter,
    /// Not given: missing on every row.
    Absent,
}

/// Students as columns: a [`Records`] over Arrow arrays.
pub(crate) struct StudentColumns {
    n: usize,
    /// The columns given, by field.
    cols: Vec<Vals>,
    /// Each field of the student table (by [`FieldId`]), where it is read from.
    slots: Vec<Slot>,
    /// The columns of the subject: id, name, school, entry year.
    id: usize,
    name: Option<usize>,
    school: usize,
    entry: usize,
    /// Derived certificate flags, one bit per student (`None`: no certificate column).
    senior: Option<Vec<bool>>,
    x_inter: Option<Vec<bool>>,
}

/// The fields this module holds, with how their cells must look; any other column declines.
const TEXT: &[&str] = &["id", "name", "school", "higher_school"];
const DATES: &[&str] = &["term_start", "agreement.signed_on"];
const FLAGS: &[&str] = &[
    "agreement.higher_school",
    "agreement.secondary_school",
    "agreement.student_or_guardian",
    "graduated",
];
const REQUIRED: &[&str] = &["id", "school", "entry_year"];

/// Holds `batches` (the `students` collection) as columns, or `None` when the row reader must
/// read them (see the module's documentation). `limit` is the most records allowed.
pub(crate) fn hold_students(batches: &[RecordBatch], limit: u64) -> Option<StudentColumns> {
    let spec = super::columns::spec(EntityKind::Students)?;
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
    if n as u64 > limit {
        return None;
    }
    let mut named: Vec<(&'static str, ArrayRef)> = Vec::new();
    for (k, field) in schema.fields().iter().enumerate() {
        let parts: Vec<ArrayRef> = batches.iter().map(|b| b.column(k).clone()).collect();
        let whole = if parts.len() == 1 {
            parts.into_iter().next()?
        } else {
            let refs: Vec<&dyn Array> = parts.iter().map(|a| a.as_ref()).collect();
            arrow_select::concat::concat(&refs).ok()?
        };
        let mut flat = Vec::new();
        flatten(field.name(), &whole, &mut flat);
        for (name, array) in flat {
            let column = spec.columns.get(spec.column_for(&name)?)?;
            let path = column.path_static();
            if named.iter().any(|(p, _)| *p == path) {
                return None;
            }
            if array.data_type() == &arrow_schema::DataType::Null {
                continue;
            }
            named.push((path, array));
        }
    }
    let table = Student::fields();
    let mut cols = Vec::new();
    let mut slots = vec![Slot::Absent; table.len()];
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut certificates = None;
    let mut majors: Vec<(&str, Vals)> = Vec::new();
    for (path, array) in &named {
        let vals = Vals::new(array).ok()?;
        let path = *path;
        let fits = if TEXT.contains(&path) {
            clean_text(&vals, REQUIRED.contains(&path))
        } else if DATES.contains(&path) {
            clean_dates(&vals)
        } else if FLAGS.contains(&path) {
            matches!(vals, Vals::Bool(_))
        } else if path == "entry_year" {
            clean_years(&vals)
        } else if path == "certificates" {
            certificates = Some(vals);
            continue;
        } else if path == "major.code" || path == "major.name" {
            // Read by no check; only their form matters (a name needs a code, below).
            if !clean_text(&vals, false) {
                return None;
            }
            majors.push((path, vals));
            continue;
        } else {
            false // A field added to the model since: the row reader reads it.
        };
        if !fits {
            return None;
        }
        at.insert(path, cols.len());
        if let Some(f) = table.iter().position(|f| f.name == path) {
            if let Some(s) = slots.get_mut(f) {
                *s = Slot::Col(cols.len());
            }
        }
        cols.push(vals);
    }
    if REQUIRED.iter().any(|r| !at.contains_key(r)) {
        return None;
    }
    // A major given by name alone lacks its code: the row reader says so.
    let code = majors
        .iter()
        .find(|(p, _)| *p == "major.code")
        .map(|m| &m.1);
    if let Some((_, names)) = majors.iter().find(|(p, _)| *p == "major.name") {
        if (0..n).any(|i| names.present(i) && !code.is_some_and(|c| c.present(i))) {
            return None;
        }
    }
    let (senior, x_inter) = match &certificates {
        Some(c) => {
            let (s, x) = certificate_flags(c, n)?;
            (Some(s), Some(x))
        }
        None => (None, None),
    };
    for (f, def) in table.iter().enumerate() {
        let slot = match def.name {
            "certificates.senior_worker" => Slot::Senior,
            "certificates.x_intermediate_or_above" => Slot::XInter,
            _ => continue,
        };
        if let Some(s) = slots.get_mut(f) {
            *s = slot;
        }
    }
    Some(StudentColumns {
        n,
        cols,
        slots,
        id: *at.get("id")?,
        name: at.get("name").copied(),
        school: *at.get("school")?,
        entry: *at.get("entry_year")?,
        senior,
        x_inter,
    })
}

/// Text the row reader takes as is: valid UTF-8 (no replacement character), and given (not
/// blank) on every row when `required`.
fn clean_text(v: &Vals, required: bool) -> bool {
    if !matches!(v, Vals::Text(_) | Vals::View(_) | Vals::Dict(..)) {
        return false;
    }
    (0..v.array().len()).all(|i| {
        if !v.present(i) {
            return !required;
        }
        v.text(i).is_some_and(|t| !replaced(t))
    })
}

/// Whether `t` holds U+FFFD (text that was not UTF-8, replaced), which the row reader refuses.
/// Its UTF-8 starts with byte 0xEF, which ids and names almost never hold: a byte scan first.
fn replaced(t: &str) -> bool {
    t.as_bytes().contains(&0xEF) && t.contains('\u{fffd}')
}

/// Dates the row reader takes: Arrow dates within the calendar.
fn clean_dates(v: &Vals) -> bool {
    match v {
        Vals::Date(a) => (0..a.len()).all(|i| a.is_null(i) || date(a.value(i)).is_some()),
        _ => false,
    }
}

/// Entry years: integers on every row that fit the model's year.
fn clean_years(v: &Vals) -> bool {
    match v {
        Vals::Int(a) => a.null_count() == 0 && a.values().iter().all(|y| i32::try_from(*y).is_ok()),
        _ => false,
    }
}

/// The derived certificate flags of every student, from a list of certificate structs; `None`
/// when a certificate is not one the model reads (the row reader then says which).
fn certificate_flags(v: &Vals, n: usize) -> Option<(Vec<bool>, Vec<bool>)> {
    let (list, inner) = match v {
        Vals::List(list, inner) => (list, inner),
        // The canonical layout writes the list as JSON text.
        Vals::Text(_) | Vals::View(_) | Vals::Dict(..) => return json_certificate_flags(v, n),
        _ => return None,
    };
    let Vals::Struct(items, kids) = &**inner else {
        return None;
    };
    if items.null_count() > 0 {
        return None;
    }
    let mut kind = None;
    let mut level = None;
    for (name, vals) in kids {
        match name.as_str() {
            "kind" => kind = Some(vals),
            "level" => level = Some(vals),
            // A name is free text: any is read.
            "name" if matches!(vals, Vals::Text(_) | Vals::View(_) | Vals::Dict(..)) => {}
            _ => return None,
        }
    }
    let kind = kind?;
    // Each certificate's two flags, read as the JSON reader reads one certificate; the distinct
    // (kind, level) texts are few, so each is read once.
    let mut seen: HashMap<(&str, Option<&str>), (bool, bool)> = HashMap::new();
    let mut flags = Vec::with_capacity(items.len());
    for j in 0..items.len() {
        if !kind.present(j) {
            return None;
        }
        let k = trim(kind.text(j)?);
        let l = match level {
            Some(l) if l.present(j) => Some(trim(l.text(j)?)),
            _ => None,
        };
        let f = match seen.get(&(k, l)) {
            Some(f) => *f,
            None => {
                let mut obj = serde_json::Map::new();
                obj.insert("kind".into(), k.into());
                if let Some(l) = l {
                    obj.insert("level".into(), l.into());
                }
                let c: Certificate =
                    crate::input::de::from_value(&serde_json::Value::Object(obj)).ok()?;
                let f = (c.is_senior_worker(), c.is_x_intermediate());
                seen.insert((k, l), f);
                f
            }
        };
        flags.push(f);
    }
    let offsets = list.value_offsets();
    let mut senior = Vec::with_capacity(n);
    let mut x_inter = Vec::with_capacity(n);
    for i in 0..n {
        let (from, to) = if list.is_null(i) {
            (0, 0)
        } else {
            (
                usize::try_from(*offsets.get(i)?).ok()?,
                usize::try_from(*offsets.get(i + 1)?).ok()?,
            )
        };
        let held = flags.get(from..to)?;
        senior.push(held.iter().any(|f| f.0));
        x_inter.push(held.iter().any(|f| f.1));
    }
    Some((senior, x_inter))
}

/// As [`certificate_flags`], from a column of JSON text (`[{"kind": "senior_worker"}]`), read as
/// the row reader reads it; the distinct texts are read once each.
fn json_certificate_flags(v: &Vals, n: usize) -> Option<(Vec<bool>, Vec<bool>)> {
    let mut seen: HashMap<&str, (bool, bool)> = HashMap::new();
    let mut senior = Vec::with_capacity(n);
    let mut x_inter = Vec::with_capacity(n);
    for i in 0..n {
        let f = if v.present(i) {
            let t = trim(v.text(i)?);
            match seen.get(t) {
                Some(f) => *f,
                None => {
                    if replaced(t) {
                        return None;
                    }
                    let j: serde_json::Value = serde_json::from_str(t).ok()?;
                    let list: Vec<Certificate> = serde::Deserialize::deserialize(j).ok()?;
                    let f = (
                        list.iter().any(Certificate::is_senior_worker),
                        list.iter().any(Certificate::is_x_intermediate),
                    );
                    seen.insert(t, f);
                    f
                }
            }
        } else {
            (false, false)
        };
        senior.push(f.0);
        x_inter.push(f.1);
    }
    Some((senior, x_inter))
}

impl StudentColumns {
    fn text(&self, col: usize, i: usize) -> Option<&str> {
        let v = self.cols.get(col)?;
        if !v.present(i) {
            return None;
        }
        v.text(i).map(trim)
    }
}

impl Records for StudentColumns {
    fn kind(&self) -> EntityKind {
        EntityKind::Students
    }
    fn len(&self) -> usize {
        self.n
    }
    fn field(&self, name: &str) -> Option<Field> {
        crate::model::entity_field::<Student>(name)
    }
    fn value(&self, i: usize, f: FieldId) -> Value<'_> {
        if i >= self.n {
            return Value::Missing;
        }
        let flag = |v: &Option<Vec<bool>>| {
            // Without a certificate column a student holds none, as a row's empty list says.
            Value::Bool(v.as_ref().and_then(|v| v.get(i).copied()).unwrap_or(false))
        };
        match self.slots.get(f.0).copied().unwrap_or(Slot::Absent) {
            Slot::Absent => Value::Missing,
            Slot::Senior => flag(&self.senior),
            Slot::XInter => flag(&self.x_inter),
            Slot::Col(c) => {
                let Some(v) = self.cols.get(c) else {
                    return Value::Missing;
                };
                if !v.present(i) {
                    return Value::Missing;
                }
                match v {
                    Vals::Text(_) | Vals::View(_) | Vals::Dict(..) => {
                        v.text(i).map_or(Value::Missing, |t| Value::Text(trim(t)))
                    }
                    Vals::Int(a) => Value::Int(a.value(i)),
                    Vals::Date(a) => date(a.value(i)).map_or(Value::Missing, Value::Date),
                    Vals::Bool(a) => Value::Bool(a.value(i)),
                    _ => Value::Missing,
                }
            }
        }
    }
    fn subject(&self, i: usize, ix: &Index<'_>) -> Subject {
        let id = self.text(self.id, i).unwrap_or_default();
        let name = self.name.and_then(|c| self.text(c, i));
        let school = self.text(self.school, i).unwrap_or_default();
        let entry = match self.cols.get(self.entry) {
            Some(Vals::Int(a)) if i < a.len() => a.value(i),
            _ => 0,
        };
        crate::model::student_subject(id, name, school, entry, ix)
    }
    fn period(&self, i: usize) -> Option<crate::finding::Period> {
        // A student's row gives no period of its own (see `Entity for Student`).
        let _ = i;
        None
    }
}

/// What [`read_for_check`] gives: the rows read, with every problem found, and the collections
/// held as columns (students, when their columns are clean), for
/// [`crate::Checker::check_with_columns`].
pub struct CheckRead {
    /// The collections read as rows, with their cells and problems, as [`super::read_batches`]
    /// gives them; a held collection has no rows here.
    pub read: super::TableRead,
    /// The collections held as columns.
    pub held: crate::model::Held,
}

/// As [`super::read_batches_onto`], for checking: a large collection whose columns need no
/// word from the reader (today: students) is held as its columns instead of read into rows,
/// which saves most of the time and memory of a national dataset; the report is the same. A
/// collection that `ds` already has records of is read as rows (records are kept in order).
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
    let mut held = crate::model::Held::new();
    let mut rest = Vec::new();
    for (name, batches) in collections {
        let kind = EntityKind::parse(&name).or_else(|| super::entity_for_sheet(&name));
        if kind == Some(EntityKind::Students) && ds.students.is_empty() && held.is_empty() {
            if let Some(cols) = hold_students(&batches, opts.limits.records) {
                held.hold(Box::new(cols));
                continue;
            }
        }
        rest.push((name, batches));
    }
    CheckRead {
        read: super::read_batches_onto(ds, rest, opts),
        held,
    }
}
