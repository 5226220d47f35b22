#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The Arrow face reads exactly what the JSON face reads: every shared vector's dataset and every
//! bundled sample, turned into record batches and read back, is the same dataset and gets the
//! same report; bad values are reported at their row and column as a CSV file's would be.
#![cfg(feature = "arrow")]

use arrow_array::types::Int32Type;
use arrow_array::Array;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Decimal128Array, DictionaryArray, Float64Array,
    Int32Array, Int64Array, LargeStringArray, ListArray, RecordBatch, StringArray, StructArray,
    TimestampMillisecondArray,
};
use arrow_schema::{DataType, Field, Fields};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use xianjie::columns::{dataset_from_batches, dataset_to_batches, read_batches};
use xianjie::model::EntityKind;
use xianjie::table::ReadOptions;
use xianjie::{Checker, Dataset, Limits};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

fn round_trip(ds: &Dataset) -> Dataset {
    let batches = dataset_to_batches(ds).unwrap();
    let mut back = dataset_from_batches(
        batches
            .into_iter()
            .map(|(k, b)| (k.as_str().to_string(), vec![b])),
        &Limits::default(),
    )
    .unwrap();
    back.name = ds.name.clone();
    back.reporting_year = ds.reporting_year;
    back
}

#[test]
fn every_vector_dataset_reads_back_the_same() {
    let mut paths = Vec::new();
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors"),
        &mut paths,
    );
    let checker = Checker::builtin(&[], &Default::default()).unwrap();
    let mut n = 0;
    for p in paths {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let Ok(ds) = Dataset::from_json_str(&v["input"].to_string()) else {
            continue;
        };
        let back = round_trip(&ds);
        assert_eq!(back, ds, "{}", p.display());
        // Same findings and rule states. (Texts may differ in how a decimal is written: an
        // Arrow decimal column has one scale, so `300000` in a column of cents reads `300000.00`.)
        let key = |r: &xianjie::Report| {
            let f: Vec<_> = r
                .findings
                .iter()
                .map(|f| {
                    (
                        f.rule_id().to_string(),
                        f.code,
                        f.path().to_string(),
                        f.severity,
                    )
                })
                .collect();
            let s: Vec<_> = r
                .rules
                .iter()
                .map(|s| (s.rule_id.clone(), s.state, s.checked))
                .collect();
            (f, s)
        };
        assert_eq!(
            key(&checker.check(&ds)),
            key(&checker.check(&back)),
            "{}",
            p.display()
        );
        n += 1;
    }
    assert!(n > 100, "only {n} vectors read");
}

#[test]
fn every_sample_reads_back_the_same() {
    for name in xianjie::sample::names() {
        let ds = xianjie::sample::load(name).unwrap();
        assert_eq!(round_trip(&ds), ds, "{name}");
        // On two threads: the same records in the same order.
        let opts = ReadOptions {
            threads: Some(2),
            ..ReadOptions::default()
        };
        let batches = dataset_to_batches(&ds).unwrap();
        let read = read_batches(
            batches
                .into_iter()
                .map(|(k, b)| (k.as_str().to_string(), vec![b])),
            &opts,
        );
        assert!(read.issues.is_empty(), "{name}: {:?}", read.issues);
        let mut back = read.dataset;
        back.name = ds.name.clone();
        back.reporting_year = ds.reporting_year;
        assert_eq!(back, ds, "{name} on two threads");
    }
}

fn batch(cols: Vec<(&str, ArrayRef)>) -> RecordBatch {
    RecordBatch::try_from_iter(cols).unwrap()
}

#[test]
fn arrow_types_analysts_use() {
    // Chinese headers, dictionary ids, large strings, Decimal128, floats for decimals, dates,
    // timestamps in milliseconds with a zone, and certificates as a list of structs.
    let ids: DictionaryArray<Int32Type> = vec!["S1", "S2"].into_iter().collect();
    let kind = Field::new("kind", DataType::Utf8, true);
    let level = Field::new("level", DataType::Utf8, true);
    let certs = StructArray::new(
        Fields::from(vec![kind, level]),
        vec![
            Arc::new(StringArray::from(vec!["senior_worker", "x_certificate"])) as ArrayRef,
            Arc::new(StringArray::from(vec![None, Some("intermediate")])) as ArrayRef,
        ],
        None,
    );
    let list = ListArray::new(
        Arc::new(Field::new("item", certs.data_type().clone(), true)),
        arrow_buffer::OffsetBuffer::new(vec![0, 1, 2].into()),
        Arc::new(certs),
        None,
    );
    let students = batch(vec![
        (
            "学号",
            Arc::new(LargeStringArray::from(vec!["A1", "A2"])) as ArrayRef,
        ),
        ("school", Arc::new(ids) as ArrayRef),
        (
            "entry_year",
            Arc::new(Int32Array::from(vec![2024, 2024])) as ArrayRef,
        ),
        (
            "term_start",
            Arc::new(Date32Array::from(vec![19966, 19966])) as ArrayRef, // 2024-08-31
        ),
        ("certificates", Arc::new(list) as ArrayRef),
        (
            "graduated",
            Arc::new(BooleanArray::from(vec![Some(true), None])) as ArrayRef,
        ),
    ]);
    let finance = batch(vec![
        (
            "higher_school",
            Arc::new(StringArray::from(vec!["H1"])) as ArrayRef,
        ),
        (
            "school",
            Arc::new(StringArray::from(vec!["S1"])) as ArrayRef,
        ),
        ("year", Arc::new(Int64Array::from(vec![2024])) as ArrayRef),
        (
            "tuition_collected",
            Arc::new(
                Decimal128Array::from(vec![139_800_000i128])
                    .with_precision_and_scale(38, 2)
                    .unwrap(),
            ) as ArrayRef,
        ),
        (
            "tuition_passed_on",
            Arc::new(Float64Array::from(vec![0.1])) as ArrayRef,
        ),
    ]);
    let reports = batch(vec![
        (
            "project",
            Arc::new(StringArray::from(vec!["P1"])) as ArrayRef,
        ),
        (
            "reporting_year",
            Arc::new(Int64Array::from(vec![2024])) as ArrayRef,
        ),
        (
            "submitted_at",
            Arc::new(
                TimestampMillisecondArray::from(vec![1_709_024_400_000]) // 2024-02-27 09:00 UTC
                    .with_timezone("UTC"),
            ) as ArrayRef,
        ),
    ]);
    let ds = dataset_from_batches(
        [
            ("学生".to_string(), vec![students]),
            ("finance_settlements".to_string(), vec![finance]),
            ("status_reports".to_string(), vec![reports]),
        ],
        &Limits::default(),
    )
    .unwrap();
    let s = &ds.students[0];
    assert_eq!(
        (s.id.as_str(), s.school.as_str(), s.entry_year),
        ("A1", "S1", 2024)
    );
    assert_eq!(s.term_start.unwrap().to_string(), "2024-08-31");
    assert!(s.has_senior_worker() && !s.has_x_intermediate());
    assert!(ds.students[1].has_x_intermediate());
    assert_eq!(ds.students[1].graduated, None);
    let f = serde_json::to_value(&ds.finance_settlements[0]).unwrap();
    assert_eq!(f["tuition_collected"], "1398000.00");
    assert_eq!(f["tuition_passed_on"], "0.1");
    let r = serde_json::to_value(&ds.status_reports[0]).unwrap();
    assert_eq!(r["submitted_at"], "2024-02-27T17:00:00+08:00");
}

#[test]
fn bad_values_are_reported_at_row_and_column() {
    let acts = batch(vec![
        (
            "project",
            Arc::new(StringArray::from(vec![Some("P1"), None, Some("P3")])) as ArrayRef,
        ),
        (
            "semester",
            Arc::new(StringArray::from(vec![
                "2023-2024-1",
                "2023-2024-1",
                "2023-2024-1",
            ])) as ArrayRef,
        ),
        (
            "meetings",
            Arc::new(Int64Array::from(vec![2, 1, -3])) as ArrayRef,
        ),
        (
            "colour",
            Arc::new(Int64Array::from(vec![0, 0, 0])) as ArrayRef,
        ),
    ]);
    let read = read_batches(
        [("semester_activities".to_string(), vec![acts])],
        &ReadOptions::default(),
    );
    // Row 3 (second record) lacks its required project: left out; row 4's negative count is read
    // around; the unknown column is said once.
    assert_eq!(read.dataset.semester_activities.len(), 2);
    assert_eq!(read.dataset.semester_activities[1].meetings, None);
    let refs: Vec<String> = read.issues.iter().map(|i| i.cell_ref()).collect();
    assert_eq!(
        refs,
        [
            "semester_activities!D1",
            "semester_activities!A3",
            "semester_activities!C4"
        ]
    );
    assert_eq!(
        read.issues[0].kind,
        xianjie::input::InputErrorKind::UnknownField
    );
    assert_eq!(read.issues[1].kind, xianjie::input::InputErrorKind::Missing);
    assert!(
        read.issues[2].msg_zh.starts_with("专题业务沟通会次数"),
        "{}",
        read.issues[2].msg_zh
    );
    // With a record left out, findings carry the original rows.
    assert_eq!(
        read.cells.row_of(EntityKind::SemesterActivities, 1),
        Some(("semester_activities", 4))
    );
    // The strict reader refuses with all three problems.
    let acts = batch(vec![
        (
            "project",
            Arc::new(StringArray::from(vec![None::<&str>])) as ArrayRef,
        ),
        (
            "semester",
            Arc::new(StringArray::from(vec!["2023-2024-1"])) as ArrayRef,
        ),
    ]);
    let e = dataset_from_batches(
        [("semester_activities".to_string(), vec![acts])],
        &Limits::default(),
    )
    .unwrap_err();
    assert_eq!(e.errors.len(), 1);
    assert_eq!(e.errors[0].loc, "semester_activities!A2 project");
}

#[test]
fn whole_table_problems_are_unusable() {
    let acts = batch(vec![(
        "project",
        Arc::new(arrow_array::BinaryArray::from(vec![b"P1".as_slice()])) as ArrayRef,
    )]);
    let read = read_batches(
        [("semester_activities".to_string(), vec![acts.clone()])],
        &ReadOptions::default(),
    );
    let e = read
        .unusable()
        .expect("a binary column cannot hold a project id");
    assert!(
        e.errors[0].msg_en.contains("Binary"),
        "{}",
        e.errors[0].msg_en
    );
    let read = read_batches([("nope".to_string(), vec![acts])], &ReadOptions::default());
    assert!(read.unusable().is_some());
    assert!(read.issues[0].msg_zh.contains("未知的数据集合"));
}

#[test]
fn batches_read_onto_records_given_otherwise() {
    let base = Dataset::from_json_str(
        r#"{"name": "mixed", "reporting_year": 2024, "semester_activities": [{"project": "P0", "semester": "2023-2024-1", "meetings": 2}]}"#,
    )
    .unwrap();
    let acts = batch(vec![
        (
            "project",
            Arc::new(StringArray::from(vec!["P1"])) as ArrayRef,
        ),
        (
            "semester",
            Arc::new(StringArray::from(vec!["2023-2024-1"])) as ArrayRef,
        ),
        ("meetings", Arc::new(Int64Array::from(vec![-1])) as ArrayRef),
    ]);
    let read = xianjie::columns::read_batches_onto(
        base,
        [("semester_activities".to_string(), vec![acts])],
        &ReadOptions::default(),
    );
    let ds = &read.dataset;
    assert_eq!(
        (ds.name.as_deref(), ds.reporting_year),
        (Some("mixed"), Some(2024))
    );
    let projects: Vec<&str> = ds
        .semester_activities
        .iter()
        .map(|a| a.project.as_str())
        .collect();
    assert_eq!(projects, ["P0", "P1"]);
    assert_eq!(ds.semester_activities[1].meetings, None);
    assert_eq!(read.issues.len(), 1);
    assert_eq!(read.issues[0].cell_ref(), "semester_activities!C2");
}
