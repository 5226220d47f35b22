#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Findings as an Arrow table: one row per finding in report order, categorical columns, the
//! exact values of each detail at one scale, cells of workbook input, messages only when asked.
#![cfg(feature = "arrow")]

use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{Array, Decimal128Array, Float64Array, RecordBatch, StringArray, UInt64Array};
use arrow_schema::DataType;
use xianjie::findings_table::{findings_to_arrow, FindingsTableOptions, Messages, FIXED_SCALE};
use xianjie::{check, Dataset, Options, Pack, Report};

fn sample_report(name: &str) -> Report {
    check(&xianjie::sample::load(name).unwrap(), &Options::default()).unwrap()
}

fn table(r: &Report) -> RecordBatch {
    r.to_arrow(&FindingsTableOptions::default()).unwrap()
}

/// The row of the first finding of `rule`.
fn row_of(r: &Report, rule: &str) -> usize {
    r.findings
        .iter()
        .position(|f| f.rule_id() == rule)
        .unwrap_or_else(|| panic!("no finding of {rule}"))
}

fn dict(t: &RecordBatch, col: &str, row: usize) -> Option<String> {
    let c = t.column_by_name(col).unwrap();
    let d = c.as_dictionary::<Int32Type>();
    if d.is_null(row) {
        return None;
    }
    let values = d.values().as_string::<i32>();
    Some(values.value(d.keys().value(row) as usize).to_string())
}

fn text(t: &RecordBatch, col: &str, row: usize) -> Option<String> {
    let c = t.column_by_name(col).unwrap();
    let s = c.as_any().downcast_ref::<StringArray>().unwrap();
    (!s.is_null(row)).then(|| s.value(row).to_string())
}

/// An exact column's cell as text at the table's scale (`0.50`), or none.
fn exact(t: &RecordBatch, col: &str, row: usize) -> Option<String> {
    let c = t.column_by_name(col).unwrap();
    let d = c.as_any().downcast_ref::<Decimal128Array>().unwrap();
    (!d.is_null(row)).then(|| d.value_as_string(row))
}

fn float(t: &RecordBatch, col: &str, row: usize) -> Option<f64> {
    let c = t.column_by_name(col).unwrap();
    let d = c.as_any().downcast_ref::<Float64Array>().unwrap();
    (!d.is_null(row)).then(|| d.value(row))
}

fn scale(t: &RecordBatch) -> i8 {
    match t.schema().field_with_name("value").unwrap().data_type() {
        DataType::Decimal128(38, s) => *s,
        other => panic!("value is {other:?}"),
    }
}

#[test]
fn one_row_per_finding_in_report_order_with_categorical_columns() {
    for name in xianjie::sample::names() {
        let r = sample_report(name);
        let t = table(&r);
        assert_eq!(t.num_rows(), r.findings.len(), "{name}");
        let schema = t.schema();
        for col in ["rule_id", "severity", "code", "entity", "bound_text"] {
            assert_eq!(
                schema.field_with_name(col).unwrap().data_type(),
                &DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)),
                "{col}"
            );
        }
        assert_eq!(
            schema.field_with_name("index").unwrap().data_type(),
            &DataType::UInt64
        );
        let index = t.column_by_name("index").unwrap();
        let index = index.as_any().downcast_ref::<UInt64Array>().unwrap();
        for (i, f) in r.findings.iter().enumerate() {
            assert_eq!(dict(&t, "rule_id", i).as_deref(), Some(f.rule_id()));
            assert_eq!(
                dict(&t, "severity", i).as_deref(),
                Some(f.severity.as_str())
            );
            // The code's dictionary value is its wire name, as in the JSON report.
            let wire = serde_json::to_value(f.code).unwrap();
            assert_eq!(dict(&t, "code", i).as_deref(), wire.as_str());
            assert_eq!(
                text(&t, "subject_id", i).as_deref(),
                Some(f.subject.id.as_str())
            );
            match f.locations.first() {
                Some(l) => {
                    assert_eq!(index.value(i), l.index as u64);
                    assert_eq!(text(&t, "path", i).as_deref(), Some(l.path.as_str()));
                    assert_eq!(dict(&t, "entity", i).as_deref(), Some(l.entity.as_str()));
                }
                None => assert!(index.is_null(i)),
            }
            // JSON input: no cells.
            assert_eq!(text(&t, "cell", i), None);
        }
        // One dictionary entry per rule with findings, not one per row.
        let rules = t.column_by_name("rule_id").unwrap();
        assert_eq!(
            rules.as_dictionary::<Int32Type>().values().len(),
            r.by_rule.len(),
            "{name}"
        );
    }
}

#[test]
fn a_ratio_gives_its_two_sides_and_its_bound_exactly() {
    let r = sample_report("qz-pilot-2024");
    let t = table(&r);
    // Money to the cent (equipment 235013.12) sets the common scale.
    assert_eq!(scale(&t), 2);
    // 5 of 14 full-time teachers hold a master's degree, at least 50%: 4 more needed.
    let i = row_of(&r, "qz-pilot-2024/masters-share");
    assert_eq!(dict(&t, "code", i).as_deref(), Some("below_minimum"));
    assert_eq!(
        text(&t, "path", i).as_deref(),
        Some("higher_campuses[2].masters_teachers")
    );
    assert_eq!(exact(&t, "numerator", i).as_deref(), Some("5.00"));
    assert_eq!(exact(&t, "denominator", i).as_deref(), Some("14.00"));
    assert_eq!(exact(&t, "bound", i).as_deref(), Some("0.50"));
    assert_eq!(dict(&t, "bound_text", i).as_deref(), Some("50%"));
    assert_eq!(exact(&t, "shortfall", i).as_deref(), Some("4.00"));
    // A quotient has no exact value column; its plotting copy is the quotient.
    assert_eq!(exact(&t, "value", i), None);
    assert_eq!(float(&t, "value_f64", i), Some(5.0 / 14.0));
    assert_eq!(float(&t, "bound_f64", i), Some(0.5));
    assert_eq!(float(&t, "numerator_f64", i), Some(5.0));
    assert_eq!(float(&t, "shortfall_f64", i), Some(4.0));

    // An amount passed on out of the amount owed, against the share: 831810.00 of 1398000.
    let i = row_of(&r, "qz-pilot-2024/tuition-share");
    assert_eq!(exact(&t, "numerator", i).as_deref(), Some("831810.00"));
    assert_eq!(exact(&t, "denominator", i).as_deref(), Some("1398000.00"));
    assert_eq!(dict(&t, "bound_text", i).as_deref(), Some("60%"));
    assert_eq!(exact(&t, "bound", i).as_deref(), Some("0.60"));
    assert_eq!(exact(&t, "shortfall", i).as_deref(), Some("6990.00"));

    // m² per student: 1283.4 over 207 students, at least 6.5.
    let i = row_of(&r, "qz-pilot-2024/dorm-area-per-student");
    assert_eq!(exact(&t, "numerator", i).as_deref(), Some("1283.40"));
    assert_eq!(exact(&t, "bound", i).as_deref(), Some("6.50"));
    assert_eq!(exact(&t, "shortfall", i).as_deref(), Some("62.10"));
}

#[test]
fn a_threshold_gives_value_bound_and_shortfall_and_null_where_none() {
    let r = sample_report("bj-3p2-2024");
    let t = table(&r);
    assert_eq!(scale(&t), 0);
    let i = r
        .findings
        .iter()
        .position(|f| matches!(f.detail, xianjie::finding::Detail::Bound { .. }))
        .unwrap();
    let v = r.findings[i].detail.values();
    assert_eq!(exact(&t, "value", i), v.value.map(|d| d.to_string()));
    assert_eq!(dict(&t, "bound_text", i), v.bound.map(|b| b.to_string()));
    let (value, bound, short): (i64, i64, i64) = (
        exact(&t, "value", i).unwrap().parse().unwrap(),
        exact(&t, "bound", i).unwrap().parse().unwrap(),
        exact(&t, "shortfall", i).unwrap().parse().unwrap(),
    );
    // Below a minimum: what is missing is the bound less the value.
    assert_eq!(value + short, bound, "{:?}", r.findings[i].detail);
    assert_eq!(exact(&t, "numerator", i), None);
    assert_eq!(exact(&t, "denominator", i), None);

    // 4 new projects of one school, at most 3: one too many.
    let i = row_of(&r, "bj-3p2-2024/new-projects-per-school");
    assert_eq!(exact(&t, "value", i).as_deref(), Some("4"));
    assert_eq!(exact(&t, "bound", i).as_deref(), Some("3"));
    assert_eq!(exact(&t, "shortfall", i).as_deref(), Some("1"));

    // A finding without numbers (a late submission) has none in any column.
    let i = r
        .findings
        .iter()
        .position(|f| matches!(f.detail, xianjie::finding::Detail::Deadline { .. }))
        .unwrap();
    for (col, plot) in [
        ("value", "value_f64"),
        ("bound", "bound_f64"),
        ("numerator", "numerator_f64"),
        ("denominator", "denominator_f64"),
        ("shortfall", "shortfall_f64"),
    ] {
        assert_eq!(exact(&t, col, i), None, "{col}");
        assert_eq!(float(&t, plot, i), None, "{plot}");
    }
    assert_eq!(dict(&t, "bound_text", i), None);
}

/// The Quzhou pack with the master's share set to one third (no built-in rule has a bound
/// without an exact decimal).
fn third_pack() -> Pack {
    let text = xianjie::rules::builtin_source("qz-pilot-2024")
        .unwrap()
        .replace("qz-pilot-2024", "qz-third")
        .replace("min = \"50%\"", "min = \"1/3\"");
    Pack::from_toml_str(&text, "qz-third").unwrap()
}

#[test]
fn one_third_stays_exact_as_text_and_1000_of_3001_is_below_it() {
    let ds = Dataset::from_json_str(
        r#"{"reporting_year": 2024, "higher_campuses": [{"school": "S1", "higher_school": "H1",
            "year": 2024, "full_time_teachers": 3001, "masters_teachers": 1000}]}"#,
    )
    .unwrap();
    let opts = Options {
        packs: vec!["bj-3p2-2024".into()],
        extra_packs: vec![third_pack()],
        ..Default::default()
    };
    let r = check(&ds, &opts).unwrap();
    let i = row_of(&r, "qz-third/masters-share");
    let t = table(&r);
    assert_eq!(exact(&t, "numerator", i).as_deref(), Some("1000"));
    assert_eq!(exact(&t, "denominator", i).as_deref(), Some("3001"));
    // 1/3 has no exact decimal: the exact column is null, the text and the plotting copy say it.
    assert_eq!(exact(&t, "bound", i), None);
    assert_eq!(dict(&t, "bound_text", i).as_deref(), Some("1/3"));
    assert_eq!(float(&t, "bound_f64", i), Some(1.0 / 3.0));
    assert_eq!(float(&t, "value_f64", i), Some(1000.0 / 3001.0));
    // One more master's teacher reaches a third of 3002.
    assert_eq!(exact(&t, "shortfall", i).as_deref(), Some("1"));
}

#[test]
fn a_fixed_scale_for_streams_and_an_error_when_a_value_cannot_be_held() {
    let r = sample_report("qz-pilot-2024");
    let fixed = FindingsTableOptions {
        scale: Some(FIXED_SCALE),
        ..Default::default()
    };
    let t = r.to_arrow(&fixed).unwrap();
    assert_eq!(scale(&t), 9);
    let i = row_of(&r, "qz-pilot-2024/masters-share");
    assert_eq!(exact(&t, "bound", i).as_deref(), Some("0.500000000"));

    // 1283.4000000001 m² needs 10 decimal places: held at the automatic scale, refused at 9.
    let mut doc: serde_json::Value = serde_json::from_str(
        &xianjie::sample::load("qz-pilot-2024")
            .unwrap()
            .to_json_pretty(),
    )
    .unwrap();
    doc["higher_campuses"][1]["dormitory_area"] = "1283.4000000001".into();
    let ds = Dataset::from_json_str(&doc.to_string()).unwrap();
    let r = check(&ds, &Options::default()).unwrap();
    let t = table(&r);
    assert_eq!(scale(&t), 10);
    let i = row_of(&r, "qz-pilot-2024/dorm-area-per-student");
    assert_eq!(
        exact(&t, "numerator", i).as_deref(),
        Some("1283.4000000001")
    );
    let e = r.to_arrow(&fixed).unwrap_err().to_string();
    assert!(
        e.contains("numerator")
            && e.contains("qz-pilot-2024/dorm-area-per-student")
            && e.contains("1283.4000000001")
            && e.contains("more than 9 decimal places"),
        "{e}"
    );
}

#[test]
fn messages_only_when_asked_in_the_languages_asked() {
    let r = sample_report("qz-pilot-2024");
    let t = table(&r);
    for col in ["message", "remedy", "message_zh", "message_en"] {
        assert!(t.column_by_name(col).is_none(), "{col}");
    }
    let with = |m| {
        r.to_arrow(&FindingsTableOptions {
            messages: m,
            ..Default::default()
        })
        .unwrap()
    };
    let zh = with(Messages::Zh);
    let en = with(Messages::En);
    let both = with(Messages::Both);
    assert!(zh.column_by_name("message_en").is_none());
    assert_eq!(both.num_columns(), t.num_columns() + 4);
    for (i, f) in r.findings.iter().enumerate() {
        let m = f.message();
        let remedy = f.remedy();
        assert_eq!(text(&zh, "message", i), Some(m.zh.clone()));
        assert_eq!(text(&en, "message", i), Some(m.en.clone()));
        assert_eq!(text(&both, "message_zh", i), Some(m.zh));
        assert_eq!(text(&both, "message_en", i), Some(m.en));
        assert_eq!(
            text(&zh, "remedy", i),
            remedy.as_ref().map(|x| x.zh.clone())
        );
        assert_eq!(
            text(&en, "remedy", i),
            remedy.as_ref().map(|x| x.en.clone())
        );
        assert_eq!(text(&both, "remedy_en", i), remedy.map(|x| x.en));
    }
    // Rendered on two threads: the same table.
    let threaded = r
        .to_arrow(&FindingsTableOptions {
            messages: Messages::Both,
            threads: Some(2),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(threaded, both);
    let i = row_of(&r, "qz-pilot-2024/masters-share");
    assert_eq!(
        text(&zh, "remedy", i).as_deref(),
        Some("还需新聘4名硕士及以上学位专任教师")
    );
}

/// A table of more findings than one part, made in parts on two threads, is the one-thread
/// table: rows, categorical columns (one dictionary, each text once, numbered in first
/// appearance), numbers and messages; an error names the row of the whole table.
#[test]
fn a_table_made_in_parts_on_two_threads_is_the_one_thread_table() {
    let mut all = Vec::new();
    for name in xianjie::sample::names() {
        all.extend(sample_report(name).findings);
    }
    assert!(all.len() > 20, "only {} findings", all.len());
    // Each part sees the rules in another order, so their dictionaries differ.
    let mut findings = Vec::new();
    let mut k = 0;
    while findings.len() < 80_000 {
        findings.push(all[k % all.len()].clone());
        k += 7;
    }
    let with = |messages, threads| FindingsTableOptions {
        messages,
        threads,
        ..Default::default()
    };
    for m in [Messages::None, Messages::Both] {
        let one = findings_to_arrow(&findings, &with(m, None)).unwrap();
        let two = findings_to_arrow(&findings, &with(m, Some(2))).unwrap();
        assert_eq!(one.num_rows(), findings.len());
        assert_eq!(two, one, "{m:?}");
    }
    let t = findings_to_arrow(&findings, &with(Messages::None, Some(2))).unwrap();
    for col in ["rule_id", "severity", "code", "entity", "bound_text"] {
        let d = t.column_by_name(col).unwrap().as_dictionary::<Int32Type>();
        let texts: Vec<&str> = d.values().as_string::<i32>().iter().flatten().collect();
        let mut once = texts.clone();
        once.sort_unstable();
        once.dedup();
        assert_eq!(once.len(), texts.len(), "{col}: {texts:?}");
    }

    // A value no fixed scale of 0 holds, in the third part, after only whole numbers: the same
    // error on two threads, naming the row of the whole table.
    let fixed = |threads| FindingsTableOptions {
        scale: Some(0),
        threads,
        ..Default::default()
    };
    let (whole, fractional): (Vec<_>, Vec<_>) = all
        .iter()
        .partition(|f| findings_to_arrow(std::slice::from_ref(*f), &fixed(None)).is_ok());
    assert!(!whole.is_empty() && !fractional.is_empty());
    let at = 70_000;
    let mut findings: Vec<_> = (0..at).map(|k| whole[k % whole.len()].clone()).collect();
    findings.push(fractional[0].clone());
    let e1 = findings_to_arrow(&findings, &fixed(None)).unwrap_err();
    let e2 = findings_to_arrow(&findings, &fixed(Some(2))).unwrap_err();
    assert_eq!(e2.to_string(), e1.to_string());
    assert!(e1.to_string().contains(&format!("row {at} ")), "{e1}");
}

#[test]
fn cells_of_workbook_input() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/tables/activities.xlsx");
    let read = xianjie::table::read_path(&path, &xianjie::table::ReadOptions::default()).unwrap();
    let r = xianjie::table::check_table(&read, &Options::default()).unwrap();
    assert!(!r.findings.is_empty());
    let t = table(&r);
    for (i, f) in r.findings.iter().enumerate() {
        let c = f.locations[0].cell.as_ref().unwrap();
        assert_eq!(
            text(&t, "cell", i),
            Some(format!("{}!{}{}", c.sheet, c.column, c.row))
        );
    }
    // Semester activities at their sheet's cells (schools' findings at 学校!A2 …).
    let i = r
        .findings
        .iter()
        .position(|f| f.locations[0].entity.as_str() == "semester_activities")
        .unwrap();
    assert!(text(&t, "cell", i).unwrap().starts_with("学期活动!"));
}

#[test]
fn no_findings_no_rows_same_columns() {
    let ds = Dataset::from_json_str(r#"{"reporting_year": 2024}"#).unwrap();
    let r = check(&ds, &Options::default()).unwrap();
    let t = table(&r);
    assert_eq!(t.num_rows(), r.findings.len());
    assert_eq!(
        t.schema().as_ref(),
        &xianjie::findings_table::findings_schema(&FindingsTableOptions::default(), scale(&t))
    );
}
