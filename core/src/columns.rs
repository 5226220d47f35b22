//! Collections as Arrow columns: the way in for national-scale data (Parquet and IPC files,
//! pyarrow, polars, pandas, duckdb), and the same layout out.
//!
//! A collection is a list of [`RecordBatch`]es named as in the JSON document (`students`) or as
//! the workbooks' sheets (学生). Its columns are the records' dotted paths (`agreement.signed_on`,
//! `higher_major.code`) or the workbooks' Chinese or English headers (`三方协议签订日期`); a struct
//! column stands for its dotted children. Types accepted:
//!
//! | field | Arrow types |
//! |---|---|
//! | counts, years | any integer; a float or decimal that is whole |
//! | money, areas, shares, hours | Decimal32/64/128/256, integers, exact decimal text (`"2700.50"`, `60%`); a float is read as the shortest decimal that gives it back (`0.1`), as a spreadsheet's |
//! | text, ids, enumerations | Utf8, LargeUtf8, Utf8View, Dictionary of them; enumeration values as wire names (`five_year`) or Chinese labels (五年一贯制) |
//! | semesters | text `2023-2024-1` (also `2023—2024学年第一学期`) |
//! | dates | Date32, Date64, ISO text |
//! | instants | Timestamp of any unit, with a time zone (an instant) or without (Beijing wall time), RFC 3339 text |
//! | flags | Boolean, text 是/否 |
//! | lists (a student's `certificates`) | List of Struct (`kind`, `level`, `name`), or JSON text |
//!
//! Nulls and blank text are "not given". Rows read with the model's own rules, so a table means
//! what the same records mean as JSON; a row that does not read is reported cell by cell as a CSV
//! file would be ([`read_batches`]), or refused with every problem listed
//! ([`dataset_from_batches`]).
//!
//! ```
//! use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
//! use std::sync::Arc;
//! let batch = RecordBatch::try_from_iter([
//!     ("project", Arc::new(StringArray::from(vec!["P1", "P2"])) as ArrayRef),
//!     ("semester", Arc::new(StringArray::from(vec!["2023-2024-1", "2023-2024-1"])) as ArrayRef),
//!     ("专题业务沟通会次数", Arc::new(Int64Array::from(vec![Some(1), None])) as ArrayRef),
//! ]).unwrap();
//! let ds = xianjie::columns::dataset_from_batches(
//!     [("semester_activities".to_string(), vec![batch])],
//!     &xianjie::Limits::default(),
//! ).unwrap();
//! assert_eq!(ds.semester_activities[0].meetings, Some(1));
//! assert_eq!(ds.semester_activities[1].meetings, None);
//! ```

pub use crate::table::{
    dataset_from_batches, read_batches, read_batches_onto, read_for_check, CheckRead,
};
#[cfg(feature = "bulk")]
pub use crate::table::{read_json_for_check, read_json_reader_for_check};
pub use arrow_array::RecordBatch;

use crate::model::{Dataset, EntityKind};
use crate::table::{spec, ColumnKind};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Decimal128Builder, Int64Builder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::ArrayRef;
use arrow_schema::{ArrowError, DataType, Field, Schema, TimeUnit};
use rust_decimal::Decimal;
use serde_json::Value;
use std::sync::Arc;

/// The time zone written on instants: Beijing time, as every notice's deadline.
pub const TIME_ZONE: &str = "+08:00";

/// The canonical Arrow type of a column of kind `kind`; decimals at scale `scale`.
fn data_type(kind: &ColumnKind, scale: u32) -> DataType {
    match kind {
        ColumnKind::Int => DataType::Int64,
        ColumnKind::Decimal => DataType::Decimal128(38, i8::try_from(scale).unwrap_or(28)),
        ColumnKind::Bool => DataType::Boolean,
        ColumnKind::Date => DataType::Date32,
        ColumnKind::DateTime => DataType::Timestamp(TimeUnit::Microsecond, Some(TIME_ZONE.into())),
        ColumnKind::Text | ColumnKind::Semester | ColumnKind::Enum(_) | ColumnKind::Json => {
            DataType::Utf8
        }
    }
}

/// The canonical layout of collection `kind`: every column of its records, by dotted path, with
/// the type [`dataset_to_batches`] writes (decimals at scale 6 here; written at the scale their
/// values need). Readers accept more (see the module's table).
///
/// ```
/// use xianjie::model::EntityKind;
/// let s = xianjie::columns::schema(EntityKind::Students);
/// assert!(s.field_with_name("agreement.signed_on").is_ok());
/// assert_eq!(s.field_with_name("entry_year").unwrap().data_type(), &arrow_schema::DataType::Int64);
/// ```
pub fn schema(kind: EntityKind) -> Schema {
    let fields: Vec<Field> = spec(kind)
        .map(|s| {
            s.columns
                .iter()
                .map(|c| Field::new(&c.path, data_type(&c.kind, 6), !c.required))
                .collect()
        })
        .unwrap_or_default();
    Schema::new(fields)
}

/// Every collection of `ds` that has records, as one batch each in the canonical layout (columns
/// no record gives are left out). Reading them back with [`dataset_from_batches`] gives `ds`.
///
/// ```
/// let ds = xianjie::sample::load("bj-3p2-2024").unwrap();
/// let batches = xianjie::columns::dataset_to_batches(&ds).unwrap();
/// let back = xianjie::columns::dataset_from_batches(
///     batches.into_iter().map(|(k, b)| (k.as_str().to_string(), vec![b])),
///     &xianjie::Limits::default(),
/// ).unwrap();
/// assert_eq!(back.projects, ds.projects);
/// ```
pub fn dataset_to_batches(ds: &Dataset) -> Result<Vec<(EntityKind, RecordBatch)>, ArrowError> {
    let doc = serde_json::to_value(ds).map_err(|e| ArrowError::ExternalError(Box::new(e)))?;
    let mut out = Vec::new();
    for &kind in EntityKind::ALL {
        let Some(Value::Array(records)) = doc.get(kind.as_str()) else {
            continue;
        };
        if records.is_empty() {
            continue;
        }
        let Some(spec) = spec(kind) else { continue };
        let mut fields = Vec::new();
        let mut arrays: Vec<ArrayRef> = Vec::new();
        for c in &spec.columns {
            let vals: Vec<Option<&Value>> = records
                .iter()
                .map(|r| at_path(r, &c.path).filter(|v| !v.is_null()))
                .collect();
            if vals.iter().all(Option::is_none) {
                continue;
            }
            let (array, t) = column(&c.kind, &vals)?;
            fields.push(Field::new(&c.path, t, true));
            arrays.push(array);
        }
        let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)?;
        out.push((kind, batch));
    }
    Ok(out)
}

fn at_path<'v>(v: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(v, |v, k| v.get(k))
}

fn bad(what: &str, v: &Value) -> ArrowError {
    ArrowError::InvalidArgumentError(format!("{what}: {v}"))
}

/// One column of `vals`, read as `kind`.
fn column(kind: &ColumnKind, vals: &[Option<&Value>]) -> Result<(ArrayRef, DataType), ArrowError> {
    Ok(match kind {
        ColumnKind::Int => {
            let mut b = Int64Builder::with_capacity(vals.len());
            for v in vals {
                match v {
                    Some(v) => b.append_value(v.as_i64().ok_or_else(|| bad("integer", v))?),
                    None => b.append_null(),
                }
            }
            (Arc::new(b.finish()), DataType::Int64)
        }
        ColumnKind::Decimal => {
            let ds: Vec<Option<Decimal>> = vals
                .iter()
                .map(|v| {
                    v.map(|v| {
                        let t = match v {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        };
                        Decimal::from_str_exact(&t).map_err(|_| bad("decimal", v))
                    })
                    .transpose()
                })
                .collect::<Result<_, _>>()?;
            let scale = ds.iter().flatten().map(Decimal::scale).max().unwrap_or(0);
            let mut b = Decimal128Builder::with_capacity(vals.len());
            for d in &ds {
                match d {
                    Some(d) => {
                        let mut d = *d;
                        d.rescale(scale);
                        b.append_value(d.mantissa());
                    }
                    None => b.append_null(),
                }
            }
            let t = data_type(kind, scale);
            let a = b.finish().with_data_type(t.clone());
            (Arc::new(a), t)
        }
        ColumnKind::Bool => {
            let mut b = BooleanBuilder::with_capacity(vals.len());
            for v in vals {
                match v {
                    Some(v) => b.append_value(v.as_bool().ok_or_else(|| bad("flag", v))?),
                    None => b.append_null(),
                }
            }
            (Arc::new(b.finish()), DataType::Boolean)
        }
        ColumnKind::Date => {
            let mut b = Date32Builder::with_capacity(vals.len());
            let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
            for v in vals {
                match v {
                    Some(v) => {
                        let d: chrono::NaiveDate = v
                            .as_str()
                            .and_then(|s| s.parse().ok())
                            .ok_or_else(|| bad("date", v))?;
                        let days =
                            i32::try_from((d - epoch).num_days()).map_err(|_| bad("date", v))?;
                        b.append_value(days);
                    }
                    None => b.append_null(),
                }
            }
            (Arc::new(b.finish()), DataType::Date32)
        }
        ColumnKind::DateTime => {
            let mut b = TimestampMicrosecondBuilder::with_capacity(vals.len());
            for v in vals {
                match v {
                    Some(v) => {
                        let t = v
                            .as_str()
                            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                            .ok_or_else(|| bad("instant", v))?;
                        b.append_value(t.timestamp_micros());
                    }
                    None => b.append_null(),
                }
            }
            let t = data_type(kind, 0);
            (Arc::new(b.finish().with_timezone(TIME_ZONE)), t)
        }
        ColumnKind::Text | ColumnKind::Semester | ColumnKind::Enum(_) | ColumnKind::Json => {
            let mut b = StringBuilder::with_capacity(vals.len(), vals.len() * 8);
            for v in vals {
                match v {
                    Some(Value::String(s)) => b.append_value(s),
                    Some(v) => b.append_value(v.to_string()),
                    None => b.append_null(),
                }
            }
            (Arc::new(b.finish()), DataType::Utf8)
        }
    })
}
