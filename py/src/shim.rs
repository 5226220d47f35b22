//! TEMPORARY stand-ins for core functions of issue 12 that land in main later
//! (`xianjie::columns::dataset_from_batches`, `Report::to_arrow`). Deleted at the merge.

use arrow_array::builder::{StringBuilder, StringDictionaryBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::*;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use serde_json::{Map, Value};
use std::sync::Arc;
use xianjie::{Dataset, InputError, Limits};

pub fn merged(
    base: &Dataset,
    given: Vec<(String, Vec<RecordBatch>)>,
    limits: &Limits,
) -> Result<Dataset, InputError> {
    let mut doc = serde_json::to_value(base).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut doc {
        for (name, batches) in given {
            let mut rows = Vec::new();
            for b in &batches {
                let schema = b.schema();
                let keys: Vec<Option<Vec<usize>>> = b
                    .columns()
                    .iter()
                    .map(|c| match c.data_type() {
                        DataType::Dictionary(_, _) => Some(c.as_any_dictionary().normalized_keys()),
                        _ => None,
                    })
                    .collect();
                for i in 0..b.num_rows() {
                    let mut row = Map::new();
                    for ((f, c), k) in schema.fields().iter().zip(b.columns()).zip(&keys) {
                        let v = match k {
                            Some(k) if c.is_valid(i) => {
                                cell(c.as_any_dictionary().values().as_ref(), k[i])
                            }
                            _ => cell(c.as_ref(), i),
                        };
                        if let Some(v) = v {
                            insert(&mut row, &f.name().split('.').collect::<Vec<_>>(), v);
                        }
                    }
                    rows.push(Value::Object(row));
                }
            }
            map.insert(name, Value::Array(rows));
        }
    }
    xianjie::input::from_value_with(doc, limits)
}

fn insert(map: &mut Map<String, Value>, path: &[&str], v: Value) {
    match path {
        [] => {}
        [last] => {
            map.insert((*last).to_string(), v);
        }
        [first, rest @ ..] => {
            if let Value::Object(inner) = map
                .entry((*first).to_string())
                .or_insert_with(|| Value::Object(Map::new()))
            {
                insert(inner, rest, v);
            }
        }
    }
}

fn cell(a: &dyn Array, i: usize) -> Option<Value> {
    if a.is_null(i) {
        return None;
    }
    Some(match a.data_type() {
        DataType::Int8 => a.as_primitive::<Int8Type>().value(i).into(),
        DataType::Int16 => a.as_primitive::<Int16Type>().value(i).into(),
        DataType::Int32 => a.as_primitive::<Int32Type>().value(i).into(),
        DataType::Int64 => a.as_primitive::<Int64Type>().value(i).into(),
        DataType::UInt8 => a.as_primitive::<UInt8Type>().value(i).into(),
        DataType::UInt16 => a.as_primitive::<UInt16Type>().value(i).into(),
        DataType::UInt32 => a.as_primitive::<UInt32Type>().value(i).into(),
        DataType::UInt64 => a.as_primitive::<UInt64Type>().value(i).into(),
        DataType::Boolean => a.as_boolean().value(i).into(),
        DataType::Utf8 => a.as_string::<i32>().value(i).into(),
        DataType::LargeUtf8 => a.as_string::<i64>().value(i).into(),
        DataType::Utf8View => a.as_string_view().value(i).into(),
        DataType::Decimal128(_, _) => a.as_primitive::<Decimal128Type>().value_as_string(i).into(),
        DataType::Date32 => a
            .as_primitive::<Date32Type>()
            .value_as_date(i)?
            .to_string()
            .into(),
        DataType::Timestamp(unit, tz) => {
            let t = match unit {
                TimeUnit::Second => a.as_primitive::<TimestampSecondType>().value_as_datetime(i),
                TimeUnit::Millisecond => a
                    .as_primitive::<TimestampMillisecondType>()
                    .value_as_datetime(i),
                TimeUnit::Microsecond => a
                    .as_primitive::<TimestampMicrosecondType>()
                    .value_as_datetime(i),
                TimeUnit::Nanosecond => a
                    .as_primitive::<TimestampNanosecondType>()
                    .value_as_datetime(i),
            }?;
            if tz.is_some() {
                t.and_utc().to_rfc3339().into()
            } else {
                format!("{}+08:00", t.format("%Y-%m-%dT%H:%M:%S%.f")).into()
            }
        }
        DataType::Dictionary(_, _) => {
            let d = a.as_any_dictionary();
            let k = *d.normalized_keys().get(i)?;
            return cell(d.values().as_ref(), k);
        }
        other => format!("<{other}>").into(),
    })
}

pub fn report_to_arrow(
    report: &xianjie::Report,
    lang: Option<xianjie::Lang>,
) -> Result<RecordBatch, arrow_schema::ArrowError> {
    let mut rule = StringDictionaryBuilder::<Int32Type>::new();
    let mut severity = StringDictionaryBuilder::<Int32Type>::new();
    let mut code = StringDictionaryBuilder::<Int32Type>::new();
    let mut path = StringBuilder::new();
    let mut message = StringBuilder::new();
    for f in &report.findings {
        rule.append_value(f.rule_id());
        let v = serde_json::to_value(f).unwrap_or(Value::Null);
        severity.append_value(v["severity"].as_str().unwrap_or(""));
        code.append_value(v["code"].as_str().unwrap_or(""));
        path.append_value(f.path());
        let key = if lang == Some(xianjie::Lang::En) {
            "en"
        } else {
            "zh"
        };
        message.append_value(v["message"][key].as_str().unwrap_or(""));
    }
    let dict = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
    let mut fields = vec![
        Field::new("rule_id", dict.clone(), false),
        Field::new("severity", dict.clone(), false),
        Field::new("code", dict, false),
        Field::new("path", DataType::Utf8, false),
    ];
    let mut cols: Vec<ArrayRef> = vec![
        Arc::new(rule.finish()),
        Arc::new(severity.finish()),
        Arc::new(code.finish()),
        Arc::new(path.finish()),
    ];
    if lang.is_some() {
        fields.push(Field::new("message", DataType::Utf8, false));
        cols.push(Arc::new(message.finish()));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), cols)
}
