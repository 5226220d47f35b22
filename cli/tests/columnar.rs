#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Columns in and out on the command line: Parquet and Arrow IPC files (and folders of them) as
//! input; findings as JSON Lines, CSV or Parquet; batch mode's one report at the end.

use arrow_array::types::Int32Type;
use arrow_array::{Array, ArrayRef, DictionaryArray, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

fn xianjie(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xianjie"))
        .args(args)
        .output()
        .expect("run xianjie")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory of the test's own.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir()
        .join(format!("xianjie-columnar-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Semester activities: (project, meetings, joint research, teachers dispatched).
const ROWS: &[(&str, i64, i64, i64)] = &[
    ("P1", 1, 3, 5),
    ("P2", 2, 1, 5),
    ("P3", 2, 3, 5),
    ("P4", 0, 0, 0),
    ("P5", 3, 4, 6),
    ("P6", 1, 1, 1),
    ("P7", 2, 2, 5),
];

fn batch() -> RecordBatch {
    let text = |v: Vec<&str>| Arc::new(StringArray::from(v)) as ArrayRef;
    let int = |f: fn(&(&str, i64, i64, i64)) -> i64| {
        Arc::new(Int64Array::from(ROWS.iter().map(f).collect::<Vec<_>>())) as ArrayRef
    };
    let schema = Schema::new(vec![
        Field::new("project", DataType::Utf8, false),
        Field::new("semester", DataType::Utf8, false),
        Field::new("meetings", DataType::Int64, true),
        Field::new("joint_research", DataType::Int64, true),
        Field::new("teachers_dispatched", DataType::Int64, true),
    ]);
    RecordBatch::try_new(
        Arc::new(schema),
        vec![
            text(ROWS.iter().map(|r| r.0).collect()),
            text(vec!["2023-2024-1"; ROWS.len()]),
            int(|r| r.1),
            int(|r| r.2),
            int(|r| r.3),
        ],
    )
    .unwrap()
}

fn json_doc() -> String {
    let rows: Vec<Value> = ROWS
        .iter()
        .map(|r| {
            serde_json::json!({"project": r.0, "semester": "2023-2024-1", "meetings": r.1,
                "joint_research": r.2, "teachers_dispatched": r.3})
        })
        .collect();
    serde_json::json!({"reporting_year": 2024, "semester_activities": rows}).to_string()
}

fn write_parquet(path: &Path, b: &RecordBatch) {
    let mut w =
        ArrowWriter::try_new(std::fs::File::create(path).unwrap(), b.schema(), None).unwrap();
    w.write(b).unwrap();
    w.close().unwrap();
}

/// `b` with its project column dictionary-encoded, written in row groups of `rows` rows: each
/// group then has a dictionary of its own (as large files do), which a whole-file read must join.
fn write_parquet_in_groups(path: &Path, b: &RecordBatch, rows: usize) {
    let dict: DictionaryArray<Int32Type> = ROWS.iter().map(|r| r.0).collect();
    let mut fields: Vec<Field> = b.schema().fields().iter().map(|f| (**f).clone()).collect();
    fields[0] = Field::new("project", dict.data_type().clone(), false);
    let mut cols = b.columns().to_vec();
    cols[0] = Arc::new(dict);
    let b = RecordBatch::try_new(Arc::new(Schema::new(fields)), cols).unwrap();
    let props = parquet::file::properties::WriterProperties::builder()
        .set_max_row_group_row_count(Some(rows))
        .build();
    let mut w = ArrowWriter::try_new(
        std::fs::File::create(path).unwrap(),
        b.schema(),
        Some(props),
    )
    .unwrap();
    w.write(&b).unwrap();
    w.close().unwrap();
    let groups = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(path).unwrap())
        .unwrap()
        .metadata()
        .num_row_groups();
    assert_eq!(groups, ROWS.len().div_ceil(rows));
}

fn write_ipc(path: &Path, b: &RecordBatch) {
    let mut w =
        arrow_ipc::writer::FileWriter::try_new(std::fs::File::create(path).unwrap(), &b.schema())
            .unwrap();
    w.write(b).unwrap();
    w.finish().unwrap();
}

/// The JSON report of the same data given as one JSON document.
fn json_report(d: &Path, extra: &[&str]) -> Value {
    let f = d.join("data.json");
    std::fs::write(&f, json_doc()).unwrap();
    let out = check_bj(&f, &[&["--format", "json"], extra].concat());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `check INPUT --pack bj-3p2-2024` and `extra`.
fn check_bj(input: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["check", input.to_str().unwrap(), "--pack", "bj-3p2-2024"];
    args.extend_from_slice(extra);
    xianjie(&args)
}

fn jsonl(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_folder_of_parquet_as_json_lines_is_the_json_reports_findings() {
    let d = dir("folder");
    let data = d.join("data");
    std::fs::create_dir_all(&data).unwrap();
    write_parquet(&data.join("semester_activities.parquet"), &batch());
    let report = json_report(&d, &[]);
    let findings = report["findings"].as_array().unwrap();
    assert!(findings.len() >= 4, "{report}");

    let out = xianjie(&[
        "check",
        data.to_str().unwrap(),
        "--year",
        "2024",
        "--pack",
        "bj-3p2-2024",
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // Every line a finding, nothing else; the same findings as the JSON report's, in order.
    assert_eq!(&jsonl(&out), findings);
    assert!(
        stderr(&out).contains(&format!("{} findings", findings.len())),
        "{}",
        stderr(&out)
    );

    // On two threads: the same lines, in the same order.
    let two = check_bj(
        &data,
        &["--year", "2024", "--format", "jsonl", "--threads", "2"],
    );
    assert_eq!(two.stdout, out.stdout);

    // The file itself, an IPC file named after the sheet (学期活动), and an IPC stream, read
    // alike.
    let ipc = d.join("学期活动.arrow");
    write_ipc(&ipc, &batch());
    let stream = d.join("semester_activities.ipc");
    let mut w = arrow_ipc::writer::StreamWriter::try_new(
        std::fs::File::create(&stream).unwrap(),
        &batch().schema(),
    )
    .unwrap();
    w.write(&batch()).unwrap();
    w.finish().unwrap();
    // A Parquet file in row groups, each with its own dictionary (read one batch per group).
    let groups = d.join("groups").join("semester_activities.parquet");
    std::fs::create_dir_all(groups.parent().unwrap()).unwrap();
    write_parquet_in_groups(&groups, &batch(), 2);
    for input in [
        data.join("semester_activities.parquet"),
        ipc,
        stream,
        groups,
    ] {
        // On two threads too: a file's row groups are read side by side.
        for threads in ["1", "2"] {
            let out = check_bj(
                &input,
                &["--year", "2024", "--format", "jsonl", "--threads", threads],
            );
            assert_eq!(&jsonl(&out), findings, "{threads}: {}", stderr(&out));
        }
    }
}

#[test]
fn findings_as_csv_with_messages_in_the_language_asked() {
    let d = dir("csv");
    let input = d.join("semester_activities.parquet");
    write_parquet(&input, &batch());
    let report = json_report(&d, &[]);
    let findings = report["findings"].as_array().unwrap();
    let out = xianjie(&[
        "check",
        input.to_str().unwrap(),
        "--year",
        "2024",
        "--pack",
        "bj-3p2-2024",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "rule_id,severity,code,entity,index,path,subject_id,cell,value,bound,numerator,denominator,shortfall,bound_text,value_f64,bound_f64,numerator_f64,denominator_f64,shortfall_f64,message,remedy"
    );
    assert_eq!(lines.len(), findings.len() + 1);
    // P1 held 1 meeting of at least 2 (the first finding of semester-meetings).
    let i = findings
        .iter()
        .position(|f| f["rule_id"] == "bj-3p2-2024/semester-meetings")
        .unwrap();
    let f = &findings[i];
    let row = lines[i + 1];
    assert!(
        row.starts_with(&format!(
            "bj-3p2-2024/semester-meetings,error,below_minimum,semester_activities,{},{},",
            f["locations"][0]["index"],
            f["locations"][0]["path"].as_str().unwrap()
        )),
        "{row}"
    );
    assert!(
        row.contains(",1,2,,,1,2,"),
        "value 1, bound 2, shortfall 1: {row}"
    );
    assert!(row.contains(f["message"]["en"].as_str().unwrap()), "{row}");

    // To a file with --out: nothing on stdout.
    let file = d.join("findings.csv");
    let out = xianjie(&[
        "check",
        input.to_str().unwrap(),
        "--year",
        "2024",
        "--pack",
        "bj-3p2-2024",
        "--format",
        "csv",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written.lines().count(), findings.len() + 1);
    assert!(written.contains(f["message"]["zh"].as_str().unwrap()));
}

#[test]
fn findings_as_parquet_read_back_with_their_types() {
    let d = dir("parquet");
    let input = d.join("semester_activities.parquet");
    write_parquet(&input, &batch());
    let report = json_report(&d, &[]);
    let n = report["findings"].as_array().unwrap().len();
    let args = [
        "check",
        input.to_str().unwrap(),
        "--year",
        "2024",
        "--pack",
        "bj-3p2-2024",
        "--format",
        "parquet",
    ];
    // A binary format needs a file.
    let out = xianjie(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--out"), "{}", stderr(&out));

    let file = d.join("findings.parquet");
    let mut with_out = args.to_vec();
    with_out.extend(["--out", file.to_str().unwrap()]);
    let out = xianjie(&with_out);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&file).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<RecordBatch> = r.map(Result::unwrap).collect();
    assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), n);
    let schema = batches[0].schema();
    let dict = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
    assert_eq!(
        schema.field_with_name("rule_id").unwrap().data_type(),
        &dict
    );
    assert_eq!(schema.field_with_name("code").unwrap().data_type(), &dict);
    assert_eq!(
        schema.field_with_name("value").unwrap().data_type(),
        &DataType::Decimal128(38, 9)
    );
    assert_eq!(
        schema.field_with_name("value_f64").unwrap().data_type(),
        &DataType::Float64
    );
    assert_eq!(
        schema.field_with_name("index").unwrap().data_type(),
        &DataType::UInt64
    );
    assert_eq!(
        schema.field_with_name("message").unwrap().data_type(),
        &DataType::Utf8
    );
}

#[test]
fn batch_mode_prints_one_report_at_the_end_and_streams_findings() {
    let d = dir("batches");
    // The same rows as CSV, read 2 at a time.
    let mut csv = String::from("project,semester,meetings,joint_research,teachers_dispatched\n");
    for r in ROWS {
        csv.push_str(&format!("{},2023-2024-1,{},{},{}\n", r.0, r.1, r.2, r.3));
    }
    let csv_file = d.join("semester_activities.csv");
    std::fs::write(&csv_file, csv).unwrap();
    let whole = xianjie(&[
        "check",
        csv_file.to_str().unwrap(),
        "--year",
        "2024",
        "--pack",
        "bj-3p2-2024",
        "--format",
        "json",
    ]);
    let whole: Value = serde_json::from_slice(&whole.stdout).unwrap();
    let out = xianjie(&[
        "check",
        csv_file.to_str().unwrap(),
        "--year",
        "2024",
        "--pack",
        "bj-3p2-2024",
        "--format",
        "json",
        "--batch-size",
        "2",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // One JSON document: the report of all batches, records numbered in the whole file.
    let merged: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(merged["findings"], whole["findings"]);
    assert_eq!(merged["counts"], whole["counts"]);
    assert_eq!(merged["by_rule"], whole["by_rule"]);
    assert_eq!(merged["ok"], false);
    let meetings = merged["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule_id"] == "bj-3p2-2024/semester-meetings")
        .unwrap();
    assert_eq!(meetings["checked"], ROWS.len());
    assert_eq!(meetings["state"], "failed");
    // The last row's finding, in the fourth batch, at its index in the file.
    assert!(merged["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(
            |f| f["locations"][0]["path"] == "semester_activities[5].meetings"
                && f["locations"][0]["cell"]["row"] == 7
        ));

    // Parquet input in batches, findings streamed: the same findings, batch by batch.
    let pq = d.join("semester_activities.parquet");
    write_parquet(&pq, &batch());
    let out = xianjie(&[
        "check",
        pq.to_str().unwrap(),
        "--year",
        "2024",
        "--pack",
        "bj-3p2-2024",
        "--format",
        "jsonl",
        "--batch-size",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let key = |f: &Value| {
        (
            f["rule_id"].as_str().unwrap().to_string(),
            f["locations"][0]["path"].as_str().unwrap().to_string(),
        )
    };
    let mut streamed: Vec<_> = jsonl(&out).iter().map(key).collect();
    let mut expected: Vec<_> = whole["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(key)
        .collect();
    streamed.sort();
    expected.sort();
    assert_eq!(streamed, expected);
}

#[test]
fn bad_files_exit_2_naming_the_file() {
    let d = dir("bad");
    let garbage = d.join("students.parquet");
    std::fs::write(&garbage, b"PAR1 this is not parquet").unwrap();
    let out = xianjie(&["check", garbage.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("students.parquet: 无法读取Parquet文件:")
            && stderr(&out).contains(" / cannot read the Parquet file: "),
        "{}",
        stderr(&out)
    );

    let empty = dir("empty");
    let out = xianjie(&["check", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the folder has no .parquet"),
        "{}",
        stderr(&out)
    );

    // Over the limit on records: refused from the footer, before reading.
    let ok = d.join("semester_activities.parquet");
    write_parquet(&ok, &batch());
    let out = xianjie(&["check", ok.to_str().unwrap(), "--limit", "records=3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("semester_activities.parquet")
            && stderr(&out).contains("over the limit records=3"),
        "{}",
        stderr(&out)
    );
    // An IPC file declares no rows: counted as read, also when files are read side by side.
    let ipc = d.join("more").join("学期活动.arrow");
    std::fs::create_dir_all(ipc.parent().unwrap()).unwrap();
    write_ipc(&ipc, &batch());
    write_parquet(
        &d.join("more").join("cohorts.parquet"),
        &batch().slice(0, 3),
    );
    for threads in ["1", "2"] {
        let out = xianjie(&[
            "check",
            ipc.parent().unwrap().to_str().unwrap(),
            "--limit",
            "records=5",
            "--threads",
            threads,
        ]);
        assert_eq!(out.status.code(), Some(2), "{threads}");
        assert!(
            stderr(&out).contains("学期活动.arrow: 行数7,超过限额records=5")
                && stderr(&out).contains("over the limit records=5"),
            "{threads}: {}",
            stderr(&out)
        );
    }
    let out = xianjie(&["check", ok.to_str().unwrap(), "--limit", "input_bytes=100"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("over the limit input_bytes=100"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_value_that_does_not_read_is_an_issue_at_its_cell_and_an_unknown_collection_is_unusable() {
    let d = dir("cells");
    // Meetings as text: "two" does not read; the other rows are checked.
    let b = batch();
    let mut cols = b.columns().to_vec();
    cols[2] = Arc::new(StringArray::from(
        ROWS.iter()
            .enumerate()
            .map(|(i, r)| {
                if i == 1 {
                    "two".to_string()
                } else {
                    r.1.to_string()
                }
            })
            .collect::<Vec<_>>(),
    ));
    let mut fields: Vec<Field> = b
        .schema()
        .fields()
        .iter()
        .map(|f| f.as_ref().clone())
        .collect();
    fields[2] = Field::new("meetings", DataType::Utf8, true);
    let bad = RecordBatch::try_new(Arc::new(Schema::new(fields)), cols).unwrap();
    let f = d.join("semester_activities.parquet");
    write_parquet(&f, &bad);
    let out = xianjie(&[
        "check",
        f.to_str().unwrap(),
        "--year",
        "2024",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("semester_activities.parquet: semester_activities!C3 (meetings)"),
        "{err}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["input_issues"].as_array().unwrap().len(), 1);
    // One row at a time, the bad row is still the file's row 3.
    let out = xianjie(&[
        "check",
        f.to_str().unwrap(),
        "--year",
        "2024",
        "--format",
        "json",
        "--batch-size",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("semester_activities.parquet: semester_activities!C3 (meetings)"),
        "{}",
        stderr(&out)
    );
    let merged: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(merged["input_issues"], report["input_issues"]);

    let unknown = d.join("pupils.parquet");
    write_parquet(&unknown, &batch());
    let out = xianjie(&["check", unknown.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("pupils.parquet") && stderr(&out).contains("unknown collection"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn csv_on_stdout_is_escaped_and_in_a_file_as_is() {
    let d = dir("escape");
    let mut b = batch();
    let mut cols = b.columns().to_vec();
    cols[0] = Arc::new(StringArray::from(
        ROWS.iter()
            .map(|r| format!("{}\u{202e}\u{1b}[31m", r.0))
            .collect::<Vec<_>>(),
    ));
    b = RecordBatch::try_new(b.schema(), cols).unwrap();
    let f = d.join("semester_activities.parquet");
    write_parquet(&f, &b);
    // The records name no school: only a named pack judges them.
    let args = [
        "check",
        f.to_str().unwrap(),
        "--year",
        "2024",
        "--format",
        "csv",
        "--pack",
        "bj-3p2-2024",
    ];
    let out = xianjie(&args);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("P1\\u{202e}\\u{1b}[31m"), "{text}");
    assert!(!text.contains('\u{202e}') && !text.contains('\u{1b}'));
    let file = d.join("f.csv");
    let mut to_file = args.to_vec();
    to_file.extend(["--out", file.to_str().unwrap()]);
    xianjie(&to_file);
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("P1\u{202e}\u{1b}[31m"));
    // JSON Lines keep the data, with what a terminal would obey as JSON escapes.
    let out = xianjie(&[
        "check",
        f.to_str().unwrap(),
        "--year",
        "2024",
        "--format",
        "jsonl",
        "--pack",
        "bj-3p2-2024",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\\u202e") && !text.contains('\u{202e}'),
        "{text}"
    );
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert!(first["subject"]["id"]
        .as_str()
        .unwrap()
        .contains('\u{202e}'));
}

/// A JSON document with students is checked the same whether read from a file (parsed as it is
/// read, students as columns), from standard input (read whole) or with one student whose text
/// the columns would read otherwise (read as rows): the same report, word for word, but for
/// that student's own id.
#[test]
fn a_json_document_reads_the_same_from_a_file_from_stdin_and_as_rows() {
    use std::io::Write as _;
    let d = dir("json-students");
    let text = xianjie::sample::load("qz-pilot-2024")
        .unwrap()
        .to_json_pretty();
    assert!(text.contains("\"students\""));
    let f = d.join("qz.json");
    std::fs::write(&f, &text).unwrap();
    let args = ["--pack", "qz-pilot-2024", "--format", "json"];
    let from_file = xianjie(&[&["check", f.to_str().unwrap()][..], &args[..]].concat());
    let mut child = Command::new(env!("CARGO_BIN_EXE_xianjie"))
        .args([&["check", "-"][..], &args[..]].concat())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let from_stdin = child.wait_with_output().unwrap();
    assert_eq!(from_file.status.code(), from_stdin.status.code());
    let report = String::from_utf8(from_file.stdout).unwrap();
    assert!(report.contains("\"findings\""), "{report:.300}");
    assert_eq!(report, String::from_utf8(from_stdin.stdout).unwrap());
    // A student id with a space after it is read as rows; the report is otherwise the same.
    let first = text.find("\"students\"").unwrap();
    let at = first + text[first..].find("\"id\": \"").unwrap() + "\"id\": \"".len();
    let end = at + text[at..].find('"').unwrap();
    let id = &text[at..end];
    let spaced = format!("{}{id} {}", &text[..at], &text[end..]);
    let g = d.join("spaced.json");
    std::fs::write(&g, spaced).unwrap();
    let as_rows = xianjie(&[&["check", g.to_str().unwrap()][..], &args[..]].concat());
    let as_rows = String::from_utf8(as_rows.stdout).unwrap();
    assert_eq!(
        as_rows.replace(&format!("{id} "), id),
        report,
        "read as rows"
    );
}
