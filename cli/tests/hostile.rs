#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Hostile and broken input at the command line: nothing raw reaches the terminal, a closed pipe
//! ends quietly, reading is bounded, limits are settable, unusable input exits 2 with its place.
//! Every input is generated here.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// CSI colour, an OSC 8 link, a C1 CSI (U+009B) and a right-to-left override.
const HOSTILE: &str = "\u{1b}[31m\u{1b}]8;;http://x\u{7}\u{9b}31m\u{202e}";

fn xianjie(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xianjie"))
        .args(args)
        .output()
        .expect("run xianjie")
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("xianjie-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A file in the test's directory; `/` in `name` (the OSC 8 link has some) becomes `_`.
fn tmp(name: &str, bytes: impl AsRef<[u8]>) -> String {
    let p = dir().join(name.replace('/', "_"));
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

/// A character that must not reach a terminal raw (kept apart from the core's list on purpose:
/// this is the contract, that is the implementation).
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

fn assert_clean(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        if let Some(c) = text.chars().find(|&c| unsafe_char(c)) {
            panic!("{what}: raw {c:?} on {stream}:\n{}", text.escape_debug());
        }
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts `out` is a refusal (exit 2) whose stderr contains `expect`; returns stderr.
fn refused(out: &Output, expect: &str) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(expect), "expected {expect:?} in:\n{err}");
    err
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The bundled sample with the hostile text in its name, every school's name and one
/// application's id.
fn hostile_sample() -> serde_json::Value {
    let out = xianjie(&["sample", "bj-3p2-2024"]);
    let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["name"] = format!("样例{HOSTILE}").into();
    for s in v["schools"].as_array_mut().unwrap() {
        let name = format!("{}{HOSTILE}", s["name"].as_str().unwrap());
        s["name"] = name.into();
    }
    v["applications"][0]["id"] = format!("A{HOSTILE}").into();
    v["applications"][1]["id"] = "A|B".into();
    v
}

#[test]
fn control_and_bidi_characters_never_reach_the_terminal_raw() {
    let sample = tmp("sample.json", hostile_sample().to_string());

    // Ids and names in the findings table and the summary tables: escaped, visibly.
    for args in [
        vec!["check", &sample],
        vec!["check", &sample, "--lang", "en"],
        vec!["check", &sample, "--format", "markdown"],
        vec!["summary", &sample],
    ] {
        let out = xianjie(&args);
        assert_clean(&args.join(" "), &out);
        assert!(
            stdout(&out).contains("\\u{1b}[31m\\u{1b}]8;;http://x\\u{7}\\u{9b}31m\\u{202e}"),
            "{args:?}: {}",
            stdout(&out)
        );
    }

    // A `|` in a Markdown cell is escaped: the table keeps its columns.
    let out = xianjie(&["summary", &sample, "--format", "markdown"]);
    assert!(
        stdout(&out).contains("| A\\|B ") && !stdout(&out).contains("A|B"),
        "{}",
        stdout(&out)
    );

    // JSON output keeps the data (a parser reads the same text) with no C1 or bidi raw.
    for args in [
        vec!["check", &sample, "--format", "json"],
        vec!["summary", &sample, "--format", "json"],
    ] {
        let out = xianjie(&args);
        assert_clean(&args.join(" "), &out);
        assert!(stdout(&out).contains("\\u009b") && stdout(&out).contains("\\u202e"));
    }
    let out = xianjie(&["check", &sample, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["dataset"], format!("样例{HOSTILE}"));

    // An unknown key in JSON, in a file whose name is hostile too: stderr.
    let named = tmp(
        &format!("x{HOSTILE}.json"),
        serde_json::json!({"reporting_year": 2024, format!("k{HOSTILE}"): 1}).to_string(),
    );
    let out = xianjie(&["check", &named]);
    assert_clean("unknown key", &out);
    let err = refused(&out, "k\\u{1b}[31m");
    assert!(err.contains("x\\u{1b}[31m"), "{err}");

    // A file that does not exist, a CSV cell and header, a --param name, a --limit name, an
    // argument clap refuses.
    let csv = tmp(
        &format!("c{HOSTILE}.csv"),
        format!(
            "project,semester,meetings,joint_research,teachers_dispatched,h{HOSTILE}\n\
             P{HOSTILE},2023-2024-1,1,3,5,\n"
        ),
    );
    let missing = format!("{}/no{}.json", dir().display(), HOSTILE.replace('/', "_"));
    let param = format!("bj-3p2-2024/semester-meetings{HOSTILE}.min=2");
    let limit = format!("l{HOSTILE}=1");
    let bad_flag = format!("--x{HOSTILE}");
    for args in [
        vec!["check", &missing],
        // The CSV's records name no school: only a named pack judges them.
        vec![
            "check",
            &csv,
            "--entity",
            "semester_activities",
            "--pack",
            "bj-3p2-2024",
        ],
        vec!["check", &sample, "--param", &param],
        vec!["check", &sample, "--limit", &limit],
        vec!["check", &bad_flag],
        vec!["explain", HOSTILE],
        vec!["rules", "--pack", HOSTILE],
    ] {
        let out = xianjie(&args);
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert_clean(&args.join(" "), &out);
    }
    let out = xianjie(&[
        "check",
        &csv,
        "--entity",
        "semester_activities",
        "--pack",
        "bj-3p2-2024",
    ]);
    assert!(stdout(&out).contains("P\\u{1b}[31m"), "{}", stdout(&out));
    assert!(stderr(&out).contains("h\\u{1b}[31m"), "{}", stderr(&out));
}

#[test]
fn a_closed_pipe_ends_output_quietly_with_the_results_exit_code() {
    let bad = tmp(
        "pipe.json",
        r#"{"reporting_year": 2024, "semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 1, "joint_research": 3, "teachers_dispatched": 5}]}"#,
    );
    // The reader goes away before anything is written, as `| head -0` would: the write fails
    // with EPIPE (Rust ignores SIGPIPE), which must not panic (exit 101).
    for (args, code) in [
        (
            vec!["check", &bad, "--pack", "bj-3p2-2024", "--format", "json"],
            1,
        ),
        (vec!["rules", "--format", "json"], 0),
        (vec!["summary"], 0),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_xianjie"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "{args:?}: {}", stderr(&out));
    }
    // As `| head -1`: one line read, then the pipe closed while output is under way (the
    // catalogue in JSON is larger than a pipe's buffer).
    let mut child = Command::new(env!("CARGO_BIN_EXE_xianjie"))
        .args(["rules", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 2];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    assert_eq!(&first, b"[\n");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

fn with_stdin(args: &[&str], input: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xianjie"))
        .args(args)
        .stdin(input)
        .output()
        .unwrap()
}

#[test]
fn dash_reads_stdin_and_reading_is_bounded() {
    let good = r#"{"reporting_year": 2024, "semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 2, "joint_research": 3, "teachers_dispatched": 5}]}"#;
    let f = tmp("stdin.json", good);
    let out = with_stdin(
        &["check", "-", "--pack", "bj-3p2-2024", "--format", "json"],
        Stdio::from(std::fs::File::open(&f).unwrap()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);

    // /dev/zero, as a file and as stdin: the first byte (NUL) cannot start a JSON document, so
    // the read stops after its first chunk (without that it would read until memory runs out and
    // this test would not end).
    if std::path::Path::new("/dev/zero").exists() {
        let out = xianjie(&["check", "/dev/zero"]);
        let err = refused(&out, "0x00");
        assert!(
            err.starts_with("xianjie: /dev/zero:1:1: 不是JSON文档"),
            "{err}"
        );
        let zero = std::fs::File::open("/dev/zero").unwrap();
        refused(&with_stdin(&["check", "-"], Stdio::from(zero)), "stdin:1:1");
    }

    // Blank text with a JSON start far in: refused at input_bytes + 1 bytes, from a pipe (size
    // unknown) and from a file (by its size, before reading).
    let padded = format!("{}{good}", " ".repeat(4096));
    let mut child = Command::new(env!("CARGO_BIN_EXE_xianjie"))
        .args(["check", "-", "--limit", "input_bytes=1KiB"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // The command may stop reading early; a failed write here is that.
    let _ = child.stdin.take().unwrap().write_all(padded.as_bytes());
    let out = child.wait_with_output().unwrap();
    let err = refused(&out, "stdin: 输入文件大小超过限额1,024字节");
    assert!(err.contains("input_bytes"), "{err}");
    let big = tmp("padded.json", &padded);
    let out = xianjie(&["check", &big, "--limit", "input_bytes=1KiB"]);
    let n = padded.len();
    refused(
        &out,
        &format!(
            "输入文件大小为{},{:03}字节,超过限额1,024字节",
            n / 1000,
            n % 1000
        ),
    );
    // Not UTF-8: located at the byte.
    let latin = tmp("latin.json", b"{\"name\": \"caf\xe9\"}");
    let out = xianjie(&["check", &latin]);
    refused(&out, "latin.json:1:14: 不是UTF-8编码的文本");
}

#[test]
fn limits_are_set_by_name_and_bad_ones_exit_2_listing_the_names() {
    let out = xianjie(&[
        "check",
        "--limit",
        "input_bytes=64MiB",
        "--limit",
        "records=1_000",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = xianjie(&["summary", "--limit", "errors_listed=10"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = xianjie(&[
        "check",
        "--limit",
        "input_byte=1",
        "--limit",
        "records=lots",
    ]);
    let err = refused(&out, "known limits: input_bytes, records,");
    assert!(err.contains("message_chars"), "{err}");
    assert!(err.contains("limit records: \"lots\""), "{err}");
    assert_eq!(
        err.lines().count(),
        2,
        "both bad limits, one line each: {err}"
    );

    let out = xianjie(&["summary", "--limit", "records"]);
    refused(&out, "expected NAME=VALUE");
}

#[test]
fn unusable_tables_exit_2_naming_file_and_place_and_messages_are_capped() {
    // A CSV whose required columns are missing: the sheet is not read at all.
    let d = dir().join("cols");
    std::fs::create_dir_all(&d).unwrap();
    let csv = d.join("semester_activities.csv");
    std::fs::write(&csv, "x,y\n1,2\n").unwrap();
    let out = xianjie(&["check", csv.to_str().unwrap()]);
    let err = refused(&out, "semester_activities.csv: semester_activities!A1: ");
    assert!(out.stdout.is_empty(), "no report for unusable input");
    assert!(
        err.contains(
            "semester_activities.csv: semester_activities: “semester_activities”缺少必填列"
        ),
        "{err}"
    );
    assert!(!err.contains("xianjie: :"), "{err}");
    let out = xianjie(&["check", csv.to_str().unwrap(), "--batch-size", "10"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "no report for unusable input");

    // Not a workbook at all.
    let book = tmp("book.xlsx", "not a zip");
    let out = xianjie(&["check", &book]);
    refused(&out, "book.xlsx: 不是可读取的Excel工作簿");

    // Bad cells leave the rest checked (exit 1); their messages are listed up to errors_listed
    // and the rest counted.
    let d = dir().join("cells");
    std::fs::create_dir_all(&d).unwrap();
    let mut text = String::from("project,semester,meetings,joint_research,teachers_dispatched\n");
    for i in 0..50 {
        text.push_str(&format!("P{i},2023-2024-1,x,3,5\n"));
    }
    let csv = d.join("semester_activities.csv");
    std::fs::write(&csv, text).unwrap();
    let path = csv.to_str().unwrap();
    let out = xianjie(&["check", path, "--limit", "errors_listed=5"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "{err}");
    assert!(lines[0].ends_with("semester_activities!C2 (meetings): 专题业务沟通会次数:应为整数,实际为“x” / joint meetings: expected a whole number, found \"x\""), "{err}");
    assert!(
        lines[5].contains("另有45行未列出") && lines[5].contains("errors_listed"),
        "{err}"
    );
}

#[test]
fn a_huge_header_gives_a_short_message() {
    let d = dir().join("wide");
    std::fs::create_dir_all(&d).unwrap();
    let csv = d.join("semester_activities.csv");
    let header = "x".repeat(1 << 20);
    std::fs::write(
        &csv,
        format!("project,semester,meetings,joint_research,teachers_dispatched,{header}\nP1,2023-2024-1,2,3,5,1\n"),
    )
    .unwrap();
    let out = xianjie(&["check", csv.to_str().unwrap(), "--pack", "bj-3p2-2024"]);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{}", err.len());
    assert!(
        err.len() < 4_000 && err.contains("…[+"),
        "{} bytes",
        err.len()
    );
    assert!(err.contains("semester_activities!F1"), "{}", &err[..200]);
}
