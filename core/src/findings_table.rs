//! Findings as a columnar Arrow table ([`Report::to_arrow`]): one row per finding, in report
//! order, with the rule, severity, code and collection as categorical (dictionary) columns, the
//! place of the record, and the exact numbers behind each verdict
//! ([`Detail::values`](crate::finding::Detail::values)) as Decimal128 columns with a Float64 copy
//! each for plotting. Messages are rendered only when asked for
//! ([`FindingsTableOptions::messages`]), by the catalogue.
//!
//! ```
//! use arrow_array::{Array, Decimal128Array, UInt64Array};
//! use xianjie::findings_table::{FindingsTableOptions, Messages};
//! use xianjie::{check, Dataset, Options};
//! let ds = Dataset::from_json_str(r#"{"reporting_year": 2024,
//!   "semester_activities": [{"project": "P1", "semester": "2023-2024-1",
//!                            "meetings": 2, "joint_research": 1, "teachers_dispatched": 5}]}"#).unwrap();
//! let report = check(&ds, &Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() }).unwrap();
//! let opts = FindingsTableOptions { messages: Messages::En, ..Default::default() };
//! let table = report.to_arrow(&opts).unwrap();
//! assert_eq!(table.num_rows(), report.findings.len());
//! let value = table.column_by_name("value").unwrap();
//! let value = value.as_any().downcast_ref::<Decimal128Array>().unwrap();
//! // 1 joint research activity, exact, at the table's common scale.
//! assert_eq!(value.value_as_string(0), "1");
//! let index = table.column_by_name("index").unwrap();
//! assert_eq!(index.as_any().downcast_ref::<UInt64Array>().unwrap().value(0), 0);
//! assert!(table.column_by_name("message").is_some());
//! assert!(table.column_by_name("message_zh").is_none());
//! ```
//!
//! Columns, in order:
//!
//! | column | type | |
//! |---|---|---|
//! | `rule_id`, `severity`, `code`, `entity` | Dictionary(Int32, Utf8) | `entity`: the collection of the first location (else the subject's) |
//! | `index` | UInt64 | the record's index in its collection (first location); null for a finding on no record |
//! | `path` | Utf8 | the first location's path, `semester_activities[0].meetings` |
//! | `subject_id` | Utf8 | who the finding is about |
//! | `cell` | Utf8 | `学期活动!D17` when the input was a workbook or CSV file, else null |
//! | `value`, `bound`, `numerator`, `denominator`, `shortfall` | Decimal128(38, s) | exact ([`Values`](crate::finding::Values)); null where the detail has none |
//! | `bound_text` | Dictionary(Int32, Utf8) | the bound exactly as the rule writes it: `1/3`, `60%`, `15` |
//! | `value_f64` … `shortfall_f64` | Float64 | plotting copies; `value_f64` of a quotient is numerator ÷ denominator |
//! | `message`, `remedy` | Utf8 | with [`Messages::Zh`] or [`Messages::En`] |
//! | `message_zh`, `remedy_zh`, `message_en`, `remedy_en` | Utf8 | with [`Messages::Both`] |
//!
//! **Scale.** The decimal columns share one scale `s`, so they can be compared and subtracted
//! as they are. By default it is the smallest that holds every value of the table exactly (2 for
//! money in cents); [`FindingsTableOptions::scale`] fixes it instead, for a stream of tables that
//! must share one schema ([`FIXED_SCALE`]). A value that cannot be held exactly (more decimal
//! places than a fixed scale, or more than 38 digits in all) is an error naming the finding and
//! the column, never rounded.
//!
//! **Bounds that do not terminate.** A bound such as 1/3 has no exact decimal: its `bound`
//! cell is null, `bound_text` says `1/3` and `bound_f64` is 0.333…; a bound with an exact decimal
//! (60% → 0.6) fills all three.

use crate::finding::{Finding, Lang};
use crate::report::Report;
use crate::rules::Fraction;
use arrow_array::builder::{
    Decimal128Builder, Float64Builder, Int32Builder, StringBuilder, UInt64Builder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{Array, ArrayRef, DictionaryArray, Int32Array, RecordBatch, StringArray};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::fmt::Write;
use std::hash::Hash;
use std::sync::Arc;

/// Which messages a findings table carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Messages {
    /// None: the table holds data only (the fastest).
    #[default]
    None,
    /// `message` and `remedy` in Chinese.
    Zh,
    /// `message` and `remedy` in English.
    En,
    /// `message_zh`, `remedy_zh`, `message_en`, `remedy_en`.
    Both,
}

/// How to make a findings table ([`Report::to_arrow`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FindingsTableOptions {
    /// The message columns to render.
    pub messages: Messages,
    /// The scale of the decimal columns; `None`: the smallest that holds every value exactly.
    pub scale: Option<i8>,
    /// Threads to make the table on, as [`crate::Options::threads`]: `None` one, `Some(0)`
    /// every core. With more than one, a table of more than 32,768 findings is made in parts
    /// side by side and joined; the table is the same either way, byte for byte.
    pub threads: Option<usize>,
}

/// A scale for tables that must share one schema (batches written to one file): 9 decimal
/// places, leaving 29 integer digits, as many as any [`Decimal`] has.
pub const FIXED_SCALE: i8 = 9;

/// Digits of a Decimal128 column.
const PRECISION: u8 = 38;

/// The five exact columns, in order, with their float copies' names.
const NUMBERS: [(&str, &str); 5] = [
    ("value", "value_f64"),
    ("bound", "bound_f64"),
    ("numerator", "numerator_f64"),
    ("denominator", "denominator_f64"),
    ("shortfall", "shortfall_f64"),
];

fn dictionary() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

/// The table's schema for `opts` with decimal columns of `scale` (the same for every table of
/// that scale, with findings or without: what a writer of a stream needs first).
pub fn findings_schema(opts: &FindingsTableOptions, scale: i8) -> Schema {
    let decimal = DataType::Decimal128(PRECISION, scale);
    let mut fields = vec![
        Field::new("rule_id", dictionary(), false),
        Field::new("severity", dictionary(), false),
        Field::new("code", dictionary(), false),
        Field::new("entity", dictionary(), false),
        Field::new("index", DataType::UInt64, true),
        Field::new("path", DataType::Utf8, true),
        Field::new("subject_id", DataType::Utf8, false),
        Field::new("cell", DataType::Utf8, true),
    ];
    for (name, _) in NUMBERS {
        fields.push(Field::new(name, decimal.clone(), true));
    }
    fields.push(Field::new("bound_text", dictionary(), true));
    for (_, name) in NUMBERS {
        fields.push(Field::new(name, DataType::Float64, true));
    }
    for (message, remedy) in message_columns(opts.messages) {
        fields.push(Field::new(message, DataType::Utf8, false));
        fields.push(Field::new(remedy, DataType::Utf8, true));
    }
    Schema::new(fields)
}

/// The message and remedy columns of each language asked for.
fn message_columns(m: Messages) -> Vec<(&'static str, &'static str)> {
    match m {
        Messages::None => vec![],
        Messages::Zh | Messages::En => vec![("message", "remedy")],
        Messages::Both => vec![("message_zh", "remedy_zh"), ("message_en", "remedy_en")],
    }
}

fn langs(m: Messages) -> Vec<Lang> {
    match m {
        Messages::None => vec![],
        Messages::Zh => vec![Lang::Zh],
        Messages::En => vec![Lang::En],
        Messages::Both => vec![Lang::Zh, Lang::En],
    }
}

impl Report {
    /// The findings as one Arrow table, one row per finding in report order (see
    /// [the module](crate::findings_table) for the columns, the scale and non-terminating bounds).
    ///
    /// # Errors
    /// When a value cannot be held exactly at the scale (see the module's documentation).
    pub fn to_arrow(&self, opts: &FindingsTableOptions) -> Result<RecordBatch, ArrowError> {
        findings_to_arrow(&self.findings, opts)
    }
}

/// [`Report::to_arrow`] for any run of findings (a batch's, a filtered selection).
///
/// # Errors
/// When a value cannot be held exactly at the scale.
pub fn findings_to_arrow(
    findings: &[Finding],
    opts: &FindingsTableOptions,
) -> Result<RecordBatch, ArrowError> {
    let scale = match opts.scale {
        Some(s) => s,
        None => auto_scale(findings)?,
    };
    let schema = Arc::new(findings_schema(opts, scale));
    if opts.threads.is_none_or(|t| t == 1) || findings.len() <= PART {
        return part(findings, 0, scale, opts, schema);
    }
    // Parts side by side, then joined: the table of one part, byte for byte.
    let starts: Vec<usize> = (0..findings.len()).step_by(PART).collect();
    let parts = crate::parallel::map(&starts, opts.threads, 1, |&start| {
        let end = (start + PART).min(findings.len());
        let run = findings.get(start..end).unwrap_or_default();
        part(run, start, scale, opts, Arc::clone(&schema))
    });
    let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
    joined(&parts, schema)
}

/// Findings per part of a table made on several threads.
const PART: usize = 32_768;

/// The table of `findings`, the first of them row `start` of the whole table (for errors).
fn part(
    findings: &[Finding],
    start: usize,
    scale: i8,
    opts: &FindingsTableOptions,
    schema: Arc<Schema>,
) -> Result<RecordBatch, ArrowError> {
    let n = findings.len();
    let mut rule_id = Categories::with_capacity(n);
    let mut severity = Categories::with_capacity(n);
    let mut code = Categories::with_capacity(n);
    let mut entity = Categories::with_capacity(n);
    let mut index = UInt64Builder::with_capacity(n);
    // Paths such as `status_reports[12345].transferred`, ids such as `P0012345`.
    let mut path = StringBuilder::with_capacity(n, n * 32);
    let mut subject_id = StringBuilder::with_capacity(n, n * 12);
    let mut cell = StringBuilder::with_capacity(n, 0);
    let mut exact: [Decimal128Builder; 5] = std::array::from_fn(|_| {
        Decimal128Builder::with_capacity(n).with_data_type(DataType::Decimal128(PRECISION, scale))
    });
    let mut floats: [Float64Builder; 5] = std::array::from_fn(|_| Float64Builder::with_capacity(n));
    let mut bounds = Bounds::with_capacity(n);
    let langs = langs(opts.messages);
    let mut words: Vec<(StringBuilder, StringBuilder)> = langs
        .iter()
        .map(|_| (StringBuilder::new(), StringBuilder::new()))
        .collect();
    for (i, f) in findings.iter().enumerate() {
        let first = f.locations.first();
        rule_id.push(f.rule_id())?;
        severity.push(f.severity.as_str())?;
        code.push(f.code.as_str())?;
        entity.push(first.map_or(f.subject.entity, |l| l.entity).as_str())?;
        index.append_option(first.map(|l| l.index as u64));
        path.append_option(first.map(|l| l.path.as_str()));
        subject_id.append_value(&f.subject.id);
        match f.locations.iter().find_map(|l| l.cell.as_ref()) {
            Some(c) => {
                // Written into the column, no text of its own.
                let _ = write!(cell, "{}!{}{}", c.sheet, c.column, c.row);
                cell.append_value("");
            }
            None => cell.append_null(),
        }
        let v = f.detail.values();
        let bound = bounds.push(v.bound.as_ref())?;
        let decimals = [
            v.value,
            bound.exact,
            v.numerator,
            v.denominator,
            v.shortfall,
        ];
        for (k, d) in decimals.iter().enumerate() {
            let m = match d {
                Some(d) => Some(rescale(*d, scale).ok_or_else(|| {
                    not_exact(f, start + i, NUMBERS[k].0, d, scale, opts.scale.is_some())
                })?),
                None => None,
            };
            exact[k].append_option(m);
        }
        let value_f64 = match (v.value, v.numerator, v.denominator) {
            (Some(x), _, _) => x.to_f64(),
            // A quotient's value, for plotting next to its bound.
            (None, Some(a), Some(b)) if b > Decimal::ZERO => {
                a.to_f64().zip(b.to_f64()).map(|(a, b)| a / b)
            }
            _ => None,
        };
        let plots = [
            value_f64,
            bound.float,
            v.numerator.and_then(|x| x.to_f64()),
            v.denominator.and_then(|x| x.to_f64()),
            v.shortfall.and_then(|x| x.to_f64()),
        ];
        for (b, x) in floats.iter_mut().zip(plots) {
            b.append_option(x);
        }
    }
    for (lang, (message, remedy)) in langs.iter().zip(words.iter_mut()) {
        // A chunk at a time: the words of one chunk are held, not of the whole table.
        for chunk in findings.chunks(RENDER_CHUNK) {
            for (m, r) in render(chunk, *lang, opts.threads) {
                message.append_value(m);
                remedy.append_option(r);
            }
        }
    }
    let mut columns: Vec<ArrayRef> = vec![
        rule_id.finish()?,
        severity.finish()?,
        code.finish()?,
        entity.finish()?,
        Arc::new(index.finish()),
        Arc::new(path.finish()),
        Arc::new(subject_id.finish()),
        Arc::new(cell.finish()),
    ];
    for b in &mut exact {
        columns.push(Arc::new(b.finish()));
    }
    columns.push(bounds.finish()?);
    for b in &mut floats {
        columns.push(Arc::new(b.finish()));
    }
    for (message, remedy) in &mut words {
        columns.push(Arc::new(message.finish()));
        columns.push(Arc::new(remedy.finish()));
    }
    RecordBatch::try_new(schema, columns)
}

/// A categorical column's keys and texts, numbered in first appearance as
/// `StringDictionaryBuilder` numbers them, without hashing each row: findings come in runs of
/// one rule, code and collection, so a row's text is most often the last row's.
struct Categories<'a> {
    keys: Vec<i32>,
    /// The texts, by key.
    texts: Vec<&'a str>,
    numbers: HashMap<&'a str, i32>,
    last: Option<(&'a str, i32)>,
}

impl<'a> Categories<'a> {
    fn with_capacity(n: usize) -> Self {
        Categories {
            keys: Vec::with_capacity(n),
            texts: Vec::new(),
            numbers: HashMap::new(),
            last: None,
        }
    }

    fn push(&mut self, text: &'a str) -> Result<(), ArrowError> {
        let key = match self.last {
            // The same text most often at the same address (one rule's id, a `&'static str`):
            // no comparison of bytes.
            Some((last, key)) if std::ptr::eq(last, text) || last == text => key,
            _ => {
                let (key, new) = key_of(&mut self.numbers, text)?;
                if new {
                    self.texts.push(text);
                }
                self.last = Some((text, key));
                key
            }
        };
        self.keys.push(key);
        Ok(())
    }

    fn finish(self) -> Result<ArrayRef, ArrowError> {
        let texts = StringArray::from(self.texts);
        let d =
            DictionaryArray::<Int32Type>::try_new(Int32Array::from(self.keys), Arc::new(texts))?;
        Ok(Arc::new(d))
    }
}

/// A finding's bound as the table shows it: exactly, where its decimal terminates, as a float
/// for plotting, and as the rule writes it.
#[derive(Clone, Copy)]
struct Bound {
    exact: Option<Decimal>,
    float: Option<f64>,
    /// Key of its text in the `bound_text` column.
    key: Option<i32>,
}

/// The `bound_text` column, and each bound worked out once per table.
struct Bounds {
    keys: Int32Builder,
    texts: StringBuilder,
    /// Keys by text: two fractions written differently can show the same (`3`, `3.0`).
    numbers: HashMap<String, i32>,
    known: PerBound<Bound>,
}

impl Bounds {
    fn with_capacity(n: usize) -> Self {
        Bounds {
            keys: Int32Builder::with_capacity(n),
            texts: StringBuilder::new(),
            numbers: HashMap::new(),
            known: PerBound::default(),
        }
    }

    fn push(&mut self, bound: Option<&Fraction>) -> Result<Bound, ArrowError> {
        let Some(b) = bound else {
            self.keys.append_null();
            return Ok(Bound {
                exact: None,
                float: None,
                key: None,
            });
        };
        let (texts, numbers) = (&mut self.texts, &mut self.numbers);
        let known = self.known.get(b, |b| {
            let text = b.to_string();
            // Once per distinct bound of the table: the copy is no cost.
            let (key, new) = key_of(numbers, text.clone())?;
            if new {
                texts.append_value(&text);
            }
            Ok(Bound {
                exact: exact_decimal(b),
                float: b.num().to_f64().zip(b.den().to_f64()).map(|(a, b)| a / b),
                key: Some(key),
            })
        })?;
        self.keys.append_option(known.key);
        Ok(known)
    }

    fn finish(mut self) -> Result<ArrayRef, ArrowError> {
        let d = DictionaryArray::<Int32Type>::try_new(
            self.keys.finish(),
            Arc::new(self.texts.finish()),
        )?;
        Ok(Arc::new(d))
    }
}

/// What a table works out once per bound, found again by the fraction's bits: a rule's
/// findings share its bound, or a few, and a bound's text, exact decimal and float take far
/// longer to make than to look up.
struct PerBound<V> {
    known: HashMap<[u8; 33], V>,
    last: Option<([u8; 33], V)>,
}

impl<V> Default for PerBound<V> {
    fn default() -> Self {
        PerBound {
            known: HashMap::new(),
            last: None,
        }
    }
}

impl<V: Copy> PerBound<V> {
    fn get(
        &mut self,
        b: &Fraction,
        make: impl FnOnce(&Fraction) -> Result<V, ArrowError>,
    ) -> Result<V, ArrowError> {
        let bits = b.bits();
        if let Some((last, v)) = &self.last {
            if *last == bits {
                return Ok(*v);
            }
        }
        let v = match self.known.get(&bits) {
            Some(v) => *v,
            None => {
                let v = make(b)?;
                self.known.insert(bits, v);
                v
            }
        };
        self.last = Some((bits, v));
        Ok(v)
    }
}

/// The parts as one table. A categorical column's texts are numbered in the order they first
/// appear, as one builder over the whole table numbers them (joining the parts' dictionaries
/// as they are would repeat texts in the dictionary, which pandas refuses as categories).
fn joined(parts: &[RecordBatch], schema: Arc<Schema>) -> Result<RecordBatch, ArrowError> {
    let columns = (0..schema.fields().len())
        .map(|c| {
            let arrays: Vec<&dyn Array> = parts.iter().map(|p| p.column(c).as_ref()).collect();
            match schema.field(c).data_type() {
                DataType::Dictionary(..) => joined_dictionary(&arrays),
                _ => arrow_select::concat::concat(&arrays),
            }
        })
        .collect::<Result<Vec<ArrayRef>, _>>()?;
    RecordBatch::try_new(schema, columns)
}

/// Text dictionaries as one, with one dictionary numbered in first appearance.
fn joined_dictionary(parts: &[&dyn Array]) -> Result<ArrayRef, ArrowError> {
    let mut numbers: HashMap<&str, i32> = HashMap::new();
    let mut texts = StringBuilder::new();
    let mut keys = Int32Builder::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        let d = p.as_dictionary_opt::<Int32Type>().ok_or_else(|| {
            ArrowError::InvalidArgumentError("a categorical column is not one".into())
        })?;
        let words = d.values().as_string_opt::<i32>().ok_or_else(|| {
            ArrowError::InvalidArgumentError("a categorical column's texts are not text".into())
        })?;
        let mut renumbered = Vec::with_capacity(words.len());
        for w in words.iter() {
            let w = w.unwrap_or_default();
            let (k, new) = key_of(&mut numbers, w)?;
            if new {
                texts.append_value(w);
            }
            renumbered.push(k);
        }
        for k in d.keys().iter() {
            keys.append_option(k.and_then(|k| renumbered.get(usize::try_from(k).ok()?).copied()));
        }
    }
    let d = DictionaryArray::<Int32Type>::try_new(keys.finish(), Arc::new(texts.finish()))?;
    Ok(Arc::new(d))
}

/// The key of `text` in a dictionary numbered in first appearance, and whether it is new there
/// (its text then to be added to the dictionary's texts).
fn key_of<K: Hash + Eq>(numbers: &mut HashMap<K, i32>, text: K) -> Result<(i32, bool), ArrowError> {
    let next = i32::try_from(numbers.len()).map_err(|_| ArrowError::DictionaryKeyOverflowError)?;
    Ok(match numbers.entry(text) {
        Entry::Occupied(e) => (*e.get(), false),
        Entry::Vacant(e) => (*e.insert(next), true),
    })
}

/// Findings whose messages are rendered together.
const RENDER_CHUNK: usize = 65_536;

/// The message and remedy of each finding in `lang`, in order; on `threads` threads side by side
/// when asked (the same words either way).
fn render(
    findings: &[Finding],
    lang: Lang,
    threads: Option<usize>,
) -> Vec<(String, Option<String>)> {
    let one = |f: &Finding| {
        (
            crate::messages::message_in(f, lang),
            crate::messages::remedy_in(f, lang),
        )
    };
    crate::parallel::map(findings, threads, 1024, one)
}

/// The smallest scale that holds every value exactly (0 for a table of whole numbers).
fn auto_scale(findings: &[Finding]) -> Result<i8, ArrowError> {
    let mut scale = 0u32;
    let mut exact = PerBound::default();
    for f in findings {
        let v = f.detail.values();
        let bound = match v.bound {
            Some(b) => exact.get(&b, |b| Ok(exact_decimal(b)))?,
            None => None,
        };
        for d in [v.value, bound, v.numerator, v.denominator, v.shortfall]
            .into_iter()
            .flatten()
        {
            // A value's scale bounds its normalized scale: no need to normalize one that fits.
            if d.scale() > scale {
                scale = scale.max(d.normalize().scale());
            }
        }
    }
    // A Decimal's scale is at most 28.
    Ok(i8::try_from(scale).unwrap_or(28))
}

/// `d` as a Decimal128 of `scale` digits after the point: its mantissa times a power of ten;
/// `None` when `d` has more decimal places than `scale` or the result more than 38 digits.
fn rescale(d: Decimal, scale: i8) -> Option<i128> {
    let scale = u32::try_from(scale).ok()?;
    // Trailing zeros removed only when there are too many places: the same mantissa at `scale`.
    let d = if d.scale() > scale { d.normalize() } else { d };
    let up = scale.checked_sub(d.scale())?;
    let m = d.mantissa().checked_mul(10i128.checked_pow(up)?)?;
    (m.unsigned_abs() < 10u128.pow(u32::from(PRECISION))).then_some(m)
}

fn not_exact(
    f: &Finding,
    row: usize,
    column: &str,
    d: &Decimal,
    scale: i8,
    fixed: bool,
) -> ArrowError {
    let why = if fixed && d.normalize().scale() > u32::try_from(scale).unwrap_or(0) {
        format!("has more than {scale} decimal places (the fixed scale)")
    } else {
        format!("needs more than {PRECISION} digits at scale {scale}")
    };
    ArrowError::InvalidArgumentError(format!(
        "findings table: `{column}` of row {row} ({}, {}): {} {why}; it cannot be held exactly",
        f.rule_id(),
        f.path(),
        d.normalize()
    ))
}

/// The fraction as an exact decimal, if it has one (60% → 0.6; 1/3 → none): reduced to lowest
/// terms, it terminates exactly when the denominator has no prime factor but 2 and 5.
fn exact_decimal(f: &Fraction) -> Option<Decimal> {
    let (num, den) = (f.num().normalize(), f.den().normalize());
    // num / den = (a / 10^p) / (b / 10^q) = (a · 10^q) / (b · 10^p).
    let n = num
        .mantissa()
        .checked_mul(10i128.checked_pow(den.scale())?)?;
    let d = den
        .mantissa()
        .checked_mul(10i128.checked_pow(num.scale())?)?;
    if d <= 0 {
        return None;
    }
    let g = gcd(n.unsigned_abs(), d.unsigned_abs());
    let g = i128::try_from(g).ok()?;
    let (n, d) = (n / g, d / g);
    let (mut rest, mut twos, mut fives) = (d, 0u32, 0u32);
    while rest % 2 == 0 {
        rest /= 2;
        twos += 1;
    }
    while rest % 5 == 0 {
        rest /= 5;
        fives += 1;
    }
    if rest != 1 {
        return None;
    }
    let k = twos.max(fives);
    let m = n.checked_mul(10i128.checked_pow(k)? / d)?;
    Decimal::try_from_i128_with_scale(m, k).ok()
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // test code
    use super::*;

    fn frac(s: &str) -> Fraction {
        s.parse().unwrap()
    }

    #[test]
    fn exact_decimals_of_fractions() {
        assert_eq!(exact_decimal(&frac("60%")), Some(Decimal::new(6, 1)));
        assert_eq!(exact_decimal(&frac("1/3")), None);
        assert_eq!(exact_decimal(&frac("2/3")), None);
        assert_eq!(exact_decimal(&frac("1/8")), Some(Decimal::new(125, 3)));
        assert_eq!(exact_decimal(&frac("15")), Some(Decimal::from(15)));
        assert_eq!(exact_decimal(&frac("6.5")), Some(Decimal::new(65, 1)));
        assert_eq!(exact_decimal(&frac("0.3/0.6")), Some(Decimal::new(5, 1)));
        assert_eq!(exact_decimal(&frac("0")), Some(Decimal::ZERO));
    }

    #[test]
    fn rescaling_is_exact_or_refused() {
        assert_eq!(rescale(Decimal::new(1250, 2), 3), Some(12500));
        assert_eq!(rescale(Decimal::new(125, 2), 1), None);
        // Trailing zeros are not decimal places that matter.
        assert_eq!(rescale(Decimal::new(1200, 2), 0), Some(12));
        assert_eq!(rescale(Decimal::MAX, FIXED_SCALE), {
            let m = Decimal::MAX.mantissa() * 10i128.pow(9);
            Some(m)
        });
        assert_eq!(rescale(Decimal::MAX, 10), None);
    }
}
