#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The shared aggregation vectors (`tests/aggregate/*.json`, also run by the JS and Python suites):
//! each gives a dataset, an aggregation (`transfer_rates`, `enrollment_totals` with `by`;
//! `application_summary`, `semester_compliance`, `status_campaign`; `summary`,
//! `application_sheets`, `pilot_tables`, `major_ledger` with `packs` and `params`) and the exact rows
//! expected. Here the core computes them natively; `XIANJIE_BLESS=1` writes `expected`.

use serde_json::Value;
use std::path::Path;
use std::str::FromStr;
use xianjie::aggregate::{self, GroupBy};

fn compute(v: &Value) -> Value {
    let data = serde_json::to_string(&v["data"]).unwrap();
    let ds = xianjie::Dataset::from_json_str(&data).unwrap();
    let by: Vec<GroupBy> = match v.get("by").and_then(Value::as_array) {
        Some(a) => a
            .iter()
            .map(|b| GroupBy::from_str(b.as_str().unwrap()).unwrap())
            .collect(),
        None => vec![GroupBy::District],
    };
    match v["aggregate"].as_str().unwrap() {
        "transfer_rates" => json(&aggregate::transfer_rates(&ds, &by)),
        "enrollment_totals" => json(&aggregate::enrollment_totals(&ds, &by)),
        "application_summary" => json(&aggregate::application_summary(&ds)),
        "semester_compliance" => json(&aggregate::semester_compliance(&ds)),
        "status_campaign" => json(&aggregate::status_campaign(&ds)),
        "summary" => json(&aggregate::summary(&ds, &report(v, &ds))),
        "application_sheets" => json(&aggregate::application_sheets(&ds, &report(v, &ds))),
        "pilot_tables" => json(&aggregate::pilot_tables(&ds, &report(v, &ds))),
        "major_ledger" => json(&aggregate::major_ledger(&ds, &report(v, &ds))),
        other => panic!("unknown aggregate {other}"),
    }
}

/// The check the report-based aggregations read: the vector's `packs` and `params`.
fn report(v: &Value, ds: &xianjie::Dataset) -> xianjie::Report {
    let packs: Vec<String> = v["packs"]
        .as_array()
        .map(|a| a.iter().map(|p| p.as_str().unwrap().to_string()).collect())
        .unwrap_or_default();
    let params: std::collections::BTreeMap<String, String> = v["params"]
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                .collect()
        })
        .unwrap_or_default();
    let checker = xianjie::Checker::builtin(&packs, &params).unwrap();
    checker.check(ds)
}

fn json<T: serde::Serialize>(rows: &T) -> Value {
    serde_json::to_value(rows).unwrap()
}

#[test]
fn aggregate_vectors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/aggregate");
    let bless = std::env::var_os("XIANJIE_BLESS").is_some();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "vectors under {}", dir.display());
    let mut stale = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let mut v: Value = serde_json::from_str(&text).unwrap();
        let got = compute(&v);
        if v["expected"] != got {
            if bless {
                v["expected"] = got;
                let out = serde_json::to_string_pretty(&v).unwrap() + "\n";
                std::fs::write(f, out).unwrap();
            } else {
                stale.push(f.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "aggregation vectors differ (XIANJIE_BLESS=1 rewrites them): {stale:?}"
    );
}
