#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The direct path (`Dataset::from_json_str_with`, feature `bulk`; from text or from a reader)
//! held to the generic path
//! (`input::from_json_str_with::<Dataset>`): whenever the direct path reads a document, the
//! generic path reads the same dataset; whenever the generic path refuses one, the direct path
//! does not read it. Every JSON document of the repository (the shared vectors, the samples),
//! hand-written cases for each thing the generic path enforces, and generated documents.
//! `XIANJIE_DIRECT_CORPUS=DIR` adds every file under DIR (fuzz corpora, hostile inputs).

mod strategies;

use proptest::prelude::*;
use std::path::Path;
use strategies::{activity, cohort, monitoring};
use xianjie::input::{from_json_str_with, read_direct, read_direct_from, InputError};
use xianjie::limits::Limits;
use xianjie::{sample, Dataset};

/// Reads `text` both ways and holds them to the rule; true when the direct path read it.
fn agree(text: &str, limits: &Limits) -> bool {
    let direct = read_direct(text, limits);
    let generic: Result<Dataset, InputError> = from_json_str_with(text, limits);
    if let Some(d) = &direct {
        match &generic {
            Ok(g) => assert!(d == g, "different datasets from {:.200}", text),
            Err(e) => {
                panic!("the direct path read what the generic path refuses: {e}\n{text:.300}")
            }
        }
    }
    // Parsed as a reader gives it (the CLI's way with a file), the same.
    assert!(
        read_direct_from(text.as_bytes(), limits) == direct,
        "read from a reader otherwise: {text:.300}"
    );
    // And the dataset's own reader answers as the generic path.
    assert_eq!(
        Dataset::from_json_str_with(text, limits),
        generic,
        "{text:.300}"
    );
    direct.is_some()
}

fn default_agree(text: &str) -> bool {
    agree(text, &Limits::default())
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn every_vector_reads_the_same_both_ways() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut paths = Vec::new();
    files(&root, &mut paths);
    let (mut read, mut all) = (0, 0);
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let texts = match (&v["input_text"], &v["input"]) {
            (serde_json::Value::String(s), _) => vec![s.clone()],
            (_, serde_json::Value::Null) => continue,
            (_, i) => vec![i.to_string(), serde_json::to_string_pretty(i).unwrap()],
        };
        for t in texts {
            all += 1;
            if default_agree(&t) {
                read += 1;
            }
        }
    }
    // Most vectors are valid input: the direct path must read them, not only decline.
    assert!(all > 200 && read * 10 > all * 8, "{read} of {all}");
}

#[test]
fn every_sample_reads_the_same_both_ways() {
    for name in sample::names() {
        let ds = sample::load(name).unwrap();
        for text in [ds.to_json_pretty(), serde_json::to_string(&ds).unwrap()] {
            assert!(default_agree(&text), "{name}");
            assert_eq!(read_direct(&text, &Limits::default()).unwrap(), ds);
        }
    }
}

#[test]
fn every_file_of_the_corpus_reads_the_same_both_ways() {
    let Some(dir) = std::env::var_os("XIANJIE_DIRECT_CORPUS") else {
        return;
    };
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    let (mut read, mut all) = (0, 0);
    for p in paths {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        all += 1;
        if default_agree(&text) {
            read += 1;
        }
    }
    eprintln!("corpus: {read} of {all} files read by the direct path");
}

fn school(extra: &str) -> String {
    format!(r#"{{"schools": [{{"id": "S1", "name": "甲", "level": "secondary"{extra}}}]}}"#)
}

fn finance(amount: &str) -> String {
    format!(
        r#"{{"finance_settlements": [{{"higher_school": "H", "school": "S", "year": 2024, "tuition_collected": {amount}}}]}}"#
    )
}

fn offset(amount: &str) -> String {
    format!(
        r#"{{"enterprise_offsets": [{{"enterprise": "E", "year": 2024, "investment": {amount}}}]}}"#
    )
}

#[test]
fn hand_written_cases() {
    let good = [
        school(""),
        school(r#", "district": null"#),
        format!("\u{feff}{}", school("")),
        r#"{"name": "x", "reporting_year": 2024}"#.to_string(),
        r#"{}"#.to_string(),
        r#"  {"schools": []}  "#.to_string(),
        // Exact decimals: text, or a whole number.
        finance(r#""0.1""#),
        finance(r#""2700.50""#),
        finance("100"),
        finance(r#""12345678901234567890.5""#),
        // The loose ones take a binary float too, rounded to its shortest text.
        offset("0.1"),
        offset("1e2"),
        offset("-0"),
        offset("-0.0"),
        offset("12345678901234567890.5"),
        offset("0.33333333333333333333333333333333333333"),
        offset("1.25e-5"),
        offset(r#""1e3""#),
        offset("18446744073709551615"),
        offset("-9223372036854775808"),
        offset("null"),
        r#"{"semester_activities": [{"project": "P\u0031", "semester": "2023-2024-1", "meetings": 2}]}"#.to_string(),
    ];
    for t in &good {
        assert!(default_agree(t), "the direct path declined {t}");
    }
    // The loose decimal from a float is the float's shortest text, both ways.
    let d = read_direct(&offset("0.1"), &Limits::default()).unwrap();
    assert_eq!(
        d.enterprise_offsets[0].investment.unwrap().to_string(),
        "0.1"
    );

    let bad = [
        // A repeated key: in a record, at the top, spelt with an escape.
        school(r#", "id": "S2""#),
        r#"{"schools": [], "schools": []}"#.to_string(),
        school(r#", "\u0069d": "S2""#),
        // Unknown fields, at the top and in a record.
        r#"{"colour": 1}"#.to_string(),
        school(r#", "colour": "red""#),
        // Wrong kinds: a number for text, a struct as an array, a list for text.
        r#"{"schools": [{"id": 1, "name": "甲", "level": "secondary"}]}"#.to_string(),
        r#"{"schools": [["S1", "甲", "secondary"]]}"#.to_string(),
        r#"{"name": ["x"]}"#.to_string(),
        r#"[]"#.to_string(),
        r#""x""#.to_string(),
        // Exact decimals refuse a binary float, and digits past 28.
        finance("0.1"),
        finance("1e2"),
        finance("-0"),
        finance("-0.0"),
        finance("12345678901234567890.5"),
        finance(r#""1234567890123456789012345678901234567890""#),
        // Out of range, syntax.
        r#"{"reporting_year": 0}"#.to_string(),
        r#"{"reporting_year": 1e400}"#.to_string(),
        r#"{"reporting_year": 2024} x"#.to_string(),
        r#"{"reporting_year": 2024,}"#.to_string(),
        r#"{"schools": [{"id": "S1",}]}"#.to_string(),
        "\u{feff}\u{feff}{}".to_string(),
        String::new(),
    ];
    for t in &bad {
        assert!(!default_agree(t), "the direct path read {t}");
        assert!(
            from_json_str_with::<Dataset>(t, &Limits::default()).is_err(),
            "{t}"
        );
    }
}

#[test]
fn limits_just_under_and_just_over() {
    let with = |f: &dyn Fn(&mut Limits)| {
        let mut l = Limits::default();
        f(&mut l);
        l
    };
    let text = school(r#", "district": "abcdefghij""#);
    let n = text.len() as u64;
    for (l, reads) in [
        (with(&|l| l.input_bytes = n), true),
        (with(&|l| l.input_bytes = n - 1), false),
        (with(&|l| l.string_chars = 10), true),
        (with(&|l| l.string_chars = 9), false),
        (with(&|l| l.records = 1), true),
        (with(&|l| l.records = 0), false),
        // The document 1 deep, its collection 2, a school 3.
        (with(&|l| l.nesting_depth = 3), true),
        (with(&|l| l.nesting_depth = 2), false),
    ] {
        assert_eq!(agree(&text, &l), reads, "{l:?}");
        assert_eq!(from_json_str_with::<Dataset>(&text, &l).is_ok(), reads);
    }
    // Characters, not bytes.
    let chinese = school(r#", "district": "甲乙丙丁甲乙丙丁甲乙""#);
    assert!(agree(&chinese, &with(&|l| l.string_chars = 10)));
    assert!(!agree(&chinese, &with(&|l| l.string_chars = 9)));
    // Deep nesting where nothing is expected.
    let deep = format!(r#"{{"name": {}1{}}}"#, "[".repeat(100), "]".repeat(100));
    assert!(!default_agree(&deep));
    let deeper = format!(r#"{{"name": {}1{}}}"#, "[".repeat(5000), "]".repeat(5000));
    assert!(!default_agree(&deeper));
}

// Generated documents.

fn dataset() -> impl Strategy<Value = Dataset> {
    (
        proptest::option::of("\\PC{0,20}"),
        proptest::option::of(2000i32..2100),
        proptest::collection::vec(activity(0..u32::MAX, 0..u32::MAX, 0..u32::MAX), 0..8),
        proptest::collection::vec(cohort(), 0..8),
        proptest::collection::vec(monitoring(), 0..4),
    )
        .prop_map(|(name, year, acts, cohorts, mon)| Dataset {
            name,
            reporting_year: year,
            semester_activities: acts,
            cohorts,
            quality_monitoring: mon,
            ..Default::default()
        })
}

/// A JSON number as a person might write one.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?(0|[1-9][0-9]{0,24})(\\.[0-9]{1,32})?([eE][-+]?[0-9]{1,3})?",
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| serde_json::to_string(&f).unwrap()),
    ]
}

/// A member of a money record: known or not, its value a number, text, null or worse.
fn member() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("enterprise"),
        Just("year"),
        Just("investment"),
        Just("surcharges_owed"),
        Just("offset_claimed"),
        Just("higher_school"),
        Just("school"),
        Just("tuition_collected"),
        Just("fees_passed_on"),
        Just("colour"),
    ];
    let value = prop_oneof![
        4 => number(),
        2 => number().prop_map(|n| format!("\"{n}\"")),
        1 => "\\PC{0,6}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        1 => Just("null".to_string()),
        1 => Just("[1]".to_string()),
        1 => Just("{\"a\": 1, \"a\": 2}".to_string()),
    ];
    (key, value).prop_map(|(k, v)| format!("\"{k}\": {v}"))
}

fn record(required: &'static str) -> impl Strategy<Value = String> {
    proptest::collection::vec(member(), 0..5).prop_map(move |ms| {
        format!(
            "{{{required}{}}}",
            ms.iter().map(|m| format!(", {m}")).collect::<String>()
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any dataset, written compact or pretty, reads back the same both ways.
    #[test]
    fn generated_datasets(ds in dataset()) {
        for text in [ds.to_json_pretty(), serde_json::to_string(&ds).unwrap()] {
            prop_assert!(default_agree(&text));
            prop_assert_eq!(read_direct(&text, &Limits::default()).unwrap(), ds.clone());
        }
    }

    /// Money records as people write them (numbers, decimals in text, strays): whatever the
    /// direct path reads, the generic path reads the same.
    #[test]
    fn generated_money(
        offsets in proptest::collection::vec(record(r#""enterprise": "E", "year": 2024"#), 0..4),
        settlements in proptest::collection::vec(record(r#""higher_school": "H", "school": "S", "year": 2024"#), 0..4),
    ) {
        let text = format!(
            r#"{{"enterprise_offsets": [{}], "finance_settlements": [{}]}}"#,
            offsets.join(", "),
            settlements.join(", ")
        );
        default_agree(&text);
    }
}

proptest! {
    // Each case generates a full 447-project sample: a few only.
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn generated_samples(seed in any::<u64>()) {
        for name in sample::names() {
            let Some(ds) = sample::generate(name, seed) else { continue };
            let text = serde_json::to_string(&ds).unwrap();
            prop_assert!(default_agree(&text));
        }
    }
}

#[test]
fn a_list_of_one_takes_room_for_one() {
    // As on the generic path, which knows each list's length: 5 million students' lists of one
    // certificate would take 330 MB more at serde's first reservation (4).
    let text = r#"{"students": [{"id": "ST1", "school": "S1", "entry_year": 2024,
        "certificates": [{"kind": "x_certificate", "level": "elementary"}]}]}"#;
    let ds = read_direct(text, &Limits::default()).unwrap();
    assert_eq!(ds.students[0].certificates.capacity(), 1);
    assert!(default_agree(text));
}

/// From a reader, what the text would not give is declined: bytes that are not UTF-8, a document
/// past the input limit (even by trailing blanks), a reader that fails; a byte-order mark is
/// skipped as from text.
#[test]
fn a_reader_declines_what_its_text_would_not_give() {
    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk gone"))
        }
    }
    let doc = br#"{"name": "x", "schools": []}"#.as_slice();
    let limits = Limits::default();
    assert!(read_direct_from(doc, &limits).is_some());
    let bom = [b"\xEF\xBB\xBF".as_slice(), doc].concat();
    assert_eq!(
        read_direct_from(bom.as_slice(), &limits),
        read_direct(std::str::from_utf8(&bom).unwrap(), &limits)
    );
    assert!(read_direct_from(bom.as_slice(), &limits).is_some());
    assert!(read_direct_from(br#"{"name": "\xff"}"#.as_slice(), &limits).is_none());
    let mut tight = Limits::default();
    tight.input_bytes = doc.len() as u64;
    assert!(read_direct_from(doc, &tight).is_some());
    let padded = [doc, b"   ".as_slice()].concat();
    assert!(read_direct_from(padded.as_slice(), &tight).is_none());
    assert!(read_direct_from(Failing, &limits).is_none());
}
