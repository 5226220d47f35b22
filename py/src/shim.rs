//! TEMPORARY stand-ins for core functions of issue 12 that land in main later
//! (`xianjie::columns::dataset_from_batches`, `Report::to_arrow`). Deleted at the merge.

use arrow_array::builder::{StringBuilder, StringDictionaryBuilder};
use arrow_array::types::*;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use serde_json::Value;
use std::sync::Arc;

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
