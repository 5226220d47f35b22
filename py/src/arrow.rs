//! Arrow in: any object speaking the Arrow PyCapsule interface (`__arrow_c_stream__` or
//! `__arrow_c_array__`: pyarrow, polars, duckdb, …) becomes record batches without a Python
//! object per row, and the core reads them (`xianjie::columns::dataset_from_batches`).
//!
//! The one conversion done here is the one the dict path does too (`convert::float_value`):
//! a float column (pandas keeps integers with gaps as float64, and polars and pandas have no
//! decimal by default) crosses as exact values, never as the float's binary value: a column of
//! whole floats becomes integers, any other as the shortest decimal text that reads back to the
//! same float (`0.1` → `"0.1"`). The core then accepts or refuses each value, located.

use crate::shim;
use arrow_array::builder::{Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Float16Type, Float32Type, Float64Type};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use std::sync::Arc;
use xianjie::{Dataset, InputError, InputIssue, Limits};

/// One collection given as Arrow: its name and its batches.
pub type Collection = (String, Vec<RecordBatch>);

/// The Arrow stream of `obj` (extracted with the GIL held: that only takes the capsule). A
/// failure is an issue located at the collection, with the producer's message.
pub fn stream(
    obj: &Bound<'_, PyAny>,
    name: &str,
) -> Result<Box<dyn arrow_array::RecordBatchReader + Send>, InputIssue> {
    let type_name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    let failed = |e: PyErr| {
        let detail = e.value(obj.py()).str().map(|s| s.to_string());
        xianjie::host::conversion_failed(name, &type_name, &detail.unwrap_or_default())
    };
    let any: AnyRecordBatch = obj.extract().map_err(failed)?;
    any.into_reader().map_err(failed)
}

/// Reads every batch of `reader` (without the GIL: a producer that needs it takes it) and
/// converts its float columns.
pub fn read(
    reader: Box<dyn arrow_array::RecordBatchReader + Send>,
    name: &str,
) -> Result<Vec<RecordBatch>, InputIssue> {
    let mut out = Vec::new();
    for batch in reader {
        let batch = batch
            .map_err(|e| xianjie::host::conversion_failed(name, "Arrow stream", &e.to_string()))?;
        out.push(floats_exact(batch, name)?);
    }
    Ok(out)
}

/// `base` (the values given as Python objects: name, reporting year, collections given as
/// lists) with `given` (the collections given as Arrow) read into one dataset by the core.
pub fn merged(
    base: &Dataset,
    given: Vec<Collection>,
    limits: &Limits,
) -> Result<Dataset, InputError> {
    shim::merged(base, given, limits)
}

/// The batch with each top-level float column as integers (all values whole) or exact
/// decimal text; NaN is missing, as in the dict path. Other columns are untouched (zero copy).
fn floats_exact(batch: RecordBatch, name: &str) -> Result<RecordBatch, InputIssue> {
    let schema = batch.schema();
    if !schema.fields().iter().any(|f| is_float(f.data_type())) {
        return Ok(batch);
    }
    let mut fields = Vec::with_capacity(schema.fields().len());
    let mut columns = Vec::with_capacity(schema.fields().len());
    for (field, column) in schema.fields().iter().zip(batch.columns()) {
        let values: Option<Vec<Option<f64>>> = match field.data_type() {
            DataType::Float64 => Some(
                column
                    .as_primitive::<Float64Type>()
                    .iter()
                    .map(|v| v.filter(|f| !f.is_nan()))
                    .collect(),
            ),
            DataType::Float32 => Some(floats32(column.as_primitive::<Float32Type>().iter())),
            DataType::Float16 => Some(
                column
                    .as_primitive::<Float16Type>()
                    .iter()
                    .map(|v| v.map(f64::from).filter(|f| !f.is_nan()))
                    .collect(),
            ),
            _ => None,
        };
        match values {
            None => {
                fields.push(field.clone());
                columns.push(column.clone());
            }
            Some(values) => {
                let (data_type, array) = exact_column(&values, field.data_type());
                fields.push(Arc::new(Field::new(field.name(), data_type, true)));
                columns.push(array);
            }
        }
    }
    let schema = Arc::new(Schema::new_with_metadata(fields, schema.metadata().clone()));
    RecordBatch::try_new(schema, columns)
        .map_err(|e| xianjie::host::conversion_failed(name, "Arrow batch", &e.to_string()))
}

fn is_float(t: &DataType) -> bool {
    matches!(t, DataType::Float16 | DataType::Float32 | DataType::Float64)
}

/// f32 values kept as their own shortest digits (`0.1f32` is `0.1`, not `0.10000000149…`).
fn floats32(values: impl Iterator<Item = Option<f32>>) -> Vec<Option<f64>> {
    values
        .map(|v| {
            v.filter(|f| !f.is_nan())
                .and_then(|f| format!("{f}").parse::<f64>().ok())
        })
        .collect()
}

/// Whole values below 2^53 (exact as floats) as integers; otherwise Rust's `Display` for f64,
/// the shortest digits that read back to the same float (Python's `repr`). Infinities stay
/// text (`inf`), which the core refuses with the column and row.
fn exact_column(values: &[Option<f64>], original: &DataType) -> (DataType, ArrayRef) {
    let whole = values
        .iter()
        .flatten()
        .all(|f| f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15);
    if whole {
        let mut b = Int64Builder::with_capacity(values.len());
        for v in values {
            b.append_option(v.map(|f| f as i64));
        }
        return (DataType::Int64, Arc::new(b.finish()));
    }
    let mut b = StringBuilder::with_capacity(values.len(), values.len() * 8);
    for v in values {
        match v {
            Some(f) if *original == DataType::Float32 => b.append_value(format!("{}", *f as f32)),
            Some(f) => b.append_value(format!("{f}")),
            None => b.append_null(),
        }
    }
    (DataType::Utf8, Arc::new(b.finish()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
    use super::*;
    use arrow_array::{Float32Array, Float64Array};

    fn batch(column: ArrayRef) -> RecordBatch {
        let schema = Schema::new(vec![Field::new("x", column.data_type().clone(), true)]);
        RecordBatch::try_new(Arc::new(schema), vec![column]).unwrap()
    }

    #[test]
    fn whole_floats_become_integers_with_gaps() {
        let b = floats_exact(
            batch(Arc::new(Float64Array::from(vec![
                Some(1.0),
                None,
                Some(f64::NAN),
                Some(3.0),
            ]))),
            "t",
        )
        .unwrap();
        let ints = b.column(0).as_primitive::<arrow_array::types::Int64Type>();
        assert_eq!(
            ints.iter().collect::<Vec<_>>(),
            vec![Some(1), None, None, Some(3)]
        );
    }

    #[test]
    fn fractional_floats_become_their_shortest_digits() {
        let b = floats_exact(
            batch(Arc::new(Float64Array::from(vec![0.1, 1169.99, 2.0]))),
            "t",
        )
        .unwrap();
        let text = b.column(0).as_string::<i32>();
        assert_eq!(
            text.iter().collect::<Vec<_>>(),
            vec![Some("0.1"), Some("1169.99"), Some("2")]
        );
        let b = floats_exact(batch(Arc::new(Float32Array::from(vec![0.1f32, 2.5]))), "t").unwrap();
        let text = b.column(0).as_string::<i32>();
        assert_eq!(
            text.iter().collect::<Vec<_>>(),
            vec![Some("0.1"), Some("2.5")]
        );
    }
}
