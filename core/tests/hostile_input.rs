#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Hostile and careless documents (issue 10): every one a located input error of a stable type,
//! every problem reported once, decided before the big allocation. The documents are made here.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use xianjie::input::{from_json_str_with, InputError, InputErrorKind};
use xianjie::limits::Limits;
use xianjie::Dataset;

fn read(text: &str, limits: &Limits) -> InputError {
    Dataset::from_json_str_with(text, limits).unwrap_err()
}

fn kinds_and_places(e: &InputError) -> Vec<(&'static str, &str)> {
    e.errors
        .iter()
        .map(|i| (i.kind.as_str(), i.loc.as_str()))
        .collect()
}

fn activity(meetings: &str) -> String {
    format!(r#"{{"project": "P1", "semester": "2023-2024-1", "meetings": {meetings}}}"#)
}

#[test]
fn two_bad_records_give_two_errors_in_document_order() {
    let text = format!(
        r#"{{"semester_activities": [{}, {}, {}], "reporting_year": "x"}}"#,
        activity(r#""two""#),
        activity("2"),
        activity("-1"),
    );
    let e = read(&text, &Limits::default());
    assert_eq!(
        kinds_and_places(&e),
        [
            ("type", "semester_activities[0].meetings"),
            ("value", "semester_activities[2].meetings"),
            ("type", "reporting_year"),
        ]
    );
    // Located in the text as well.
    assert_eq!(e.errors[1].line, Some(1));
}

#[test]
fn every_bad_field_of_a_record_is_reported() {
    let text = r#"{"semester_activities": [{"project": "P1", "semester": "2023-2024-9",
        "meetings": "2", "teachers_dispatched": -1}]}"#;
    let e = read(text, &Limits::default());
    let mut got = kinds_and_places(&e);
    got.sort();
    assert_eq!(
        got,
        [
            ("type", "semester_activities[0].meetings"),
            ("value", "semester_activities[0].semester"),
            ("value", "semester_activities[0].teachers_dispatched"),
        ]
    );
}

#[test]
fn a_missing_field_is_not_reported_for_a_bad_one_taken_out() {
    // `project` is required: reported once as a type error, not again as missing.
    let text = r#"{"semester_activities": [{"project": 7, "semester": "2023-2024-1"}]}"#;
    let e = read(text, &Limits::default());
    assert_eq!(
        kinds_and_places(&e),
        [("type", "semester_activities[0].project")]
    );
}

#[test]
fn errors_past_the_listed_limit_are_counted() {
    let rows: Vec<String> = (0..30).map(|_| activity(r#""x""#)).collect();
    let text = format!(r#"{{"semester_activities": [{}]}}"#, rows.join(","));
    let mut limits = Limits::default();
    limits.errors_listed = 10;
    let e = read(&text, &limits);
    assert_eq!(e.errors.len(), 11);
    assert_eq!(e.errors[9].loc, "semester_activities[9].meetings");
    let last = &e.errors[10];
    assert_eq!(last.kind, InputErrorKind::Type);
    assert!(
        last.msg_en.starts_with("20 more problems"),
        "{}",
        last.msg_en
    );
    assert!(last.msg_zh.contains("另有20个问题"), "{}", last.msg_zh);
}

#[test]
fn distinct_unknown_fields_are_all_listed_or_counted() {
    // 150 distinct misspellings in one record: the old reader named 100 and dropped the rest.
    let extra: Vec<String> = (0..150).map(|i| format!(r#""f{i:03}": 1"#)).collect();
    let text = format!(
        r#"{{"schools": [{{"id": "S1", "name": "甲", "level": "secondary", {}}}]}}"#,
        extra.join(", ")
    );
    let e = read(&text, &Limits::default());
    assert_eq!(e.errors.len(), 150);
    assert!(e
        .errors
        .iter()
        .all(|i| i.kind == InputErrorKind::UnknownField));
    assert_eq!(e.errors[149].loc, "schools[0].f149");
    let mut limits = Limits::default();
    limits.errors_listed = 100;
    let e = read(&text, &limits);
    assert_eq!(e.errors.len(), 101);
    assert!(e.errors[100].msg_en.starts_with("50 more problems"));
}

#[test]
fn text_over_input_bytes_is_refused_before_parsing() {
    let mut limits = Limits::default();
    limits.input_bytes = 10;
    // Not even JSON: refused for its size, not its syntax, so it was never parsed.
    let e = read("{ this is not json at all", &limits);
    assert_eq!(kinds_and_places(&e), [("limit", "")]);
    assert!(e.errors[0].msg_en.contains("input_bytes"));
}

#[test]
fn nesting_past_the_limit_is_ours_to_refuse_with_its_path() {
    let deep = format!(r#"{{"name": {}1{}}}"#, "[".repeat(200), "]".repeat(200));
    let e = read(&deep, &Limits::default());
    assert_eq!(e.errors.len(), 1);
    let i = &e.errors[0];
    assert_eq!(i.kind, InputErrorKind::Limit);
    assert_eq!(i.loc, format!("name{}", "[0]".repeat(63)));
    assert!(i.msg_en.contains("nesting_depth"), "{}", i.msg_en);
    // Deep in a record, too.
    let deep = format!(
        r#"{{"schools": [{{"id": {}1{}}}]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let e = read(&deep, &Limits::default());
    assert_eq!(e.errors[0].kind, InputErrorKind::Limit);
    assert!(e.errors[0].loc.starts_with("schools[0].id[0]"));
}

#[test]
fn a_long_string_is_refused_at_its_path_and_never_copied_into_a_message() {
    let long = "甲".repeat(2_000_000);
    let text =
        format!(r#"{{"schools": [{{"id": "{long}", "name": "甲", "level": "secondary"}}]}}"#);
    let e = read(&text, &Limits::default());
    assert_eq!(kinds_and_places(&e), [("limit", "schools[0].id")]);
    assert!(e.errors[0].msg_en.contains("2,000,000 characters"));
    // Within the limit but wrong: quoted abbreviated.
    let mut limits = Limits::default();
    limits.string_chars = 5_000_000;
    let text = format!(
        r#"{{"semester_activities": [{}]}}"#,
        activity(&format!("\"{long}\""))
    );
    let e = read(&text, &limits);
    assert_eq!(e.errors[0].loc, "semester_activities[0].meetings");
    assert!(
        e.errors[0].msg_en.len() < 1_000,
        "{} bytes",
        e.errors[0].msg_en.len()
    );
    assert!(e.errors[0].msg_zh.len() < 1_000);
    // A long unknown key is named abbreviated.
    let key = "k".repeat(100_000);
    let e = read(&format!(r#"{{"{key}": 1}}"#), &Limits::default());
    assert_eq!(e.errors[0].kind, InputErrorKind::UnknownField);
    assert!(e.errors[0].loc.len() < 200 && e.errors[0].msg_en.len() < 1_000);
}

#[test]
fn a_long_number_is_never_copied_into_a_message() {
    // Too large for a float, and a float that reads (as 0) but is shown as written.
    for digits in [
        "9".repeat(1_000_000),
        format!("0.{}1", "0".repeat(1_000_000)),
    ] {
        let text = format!(r#"{{"semester_activities": [{}]}}"#, activity(&digits));
        let e = read(&text, &Limits::default());
        assert_eq!(e.errors.len(), 1);
        assert!(
            e.errors[0].msg_en.len() < 1_000 && e.errors[0].msg_zh.len() < 1_000,
            "{}",
            e.errors[0].msg_en.len()
        );
    }
}

#[test]
fn more_records_than_the_limit_are_refused_at_the_collection() {
    let rows: Vec<String> = (0..6).map(|_| activity("1")).collect();
    let text = format!(r#"{{"semester_activities": [{}]}}"#, rows.join(","));
    let mut limits = Limits::default();
    limits.records = 5;
    let e = read(&text, &limits);
    assert_eq!(kinds_and_places(&e), [("limit", "semester_activities")]);
    limits.records = 6;
    assert!(Dataset::from_json_str_with(&text, &limits).is_ok());
}

#[test]
fn errors_before_a_syntax_error_are_kept_and_the_syntax_error_located() {
    let text = format!(
        "{{\"semester_activities\": [{},\n{}, {{\"project\": }}]}}",
        activity(r#""x""#),
        activity("1")
    );
    let e = read(&text, &Limits::default());
    assert_eq!(
        kinds_and_places(&e),
        [
            ("type", "semester_activities[0].meetings"),
            ("syntax", "semester_activities[2].project"),
        ]
    );
    assert_eq!(e.errors[1].line, Some(2));
}

#[test]
fn a_repeated_top_level_member_is_refused() {
    let e = read(r#"{"schools": [], "schools": []}"#, &Limits::default());
    assert_eq!(kinds_and_places(&e), [("duplicate_key", "schools")]);
}

#[test]
fn other_documents_report_every_problem_too() {
    // Not a document of optional collections: read whole, still every bad field.
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        a: u32,
        b: u32,
        c: Vec<u32>,
    }
    let e = from_json_str_with::<Doc>(
        r#"{"a": "1", "b": -2, "c": [1], "d": 0}"#,
        &Limits::default(),
    )
    .unwrap_err();
    let mut got = kinds_and_places(&e);
    got.sort();
    assert_eq!(got, [("type", "a"), ("unknown_field", "d"), ("value", "b")]);
}

/// A reader that counts what was taken from it.
struct Counted<R> {
    inner: R,
    taken: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<R: std::io::Read> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.taken.set(self.taken.get() + n as u64);
        Ok(n)
    }
}

fn counted<R: std::io::Read>(inner: R) -> (Counted<R>, std::rc::Rc<std::cell::Cell<u64>>) {
    let taken = std::rc::Rc::new(std::cell::Cell::new(0));
    (
        Counted {
            inner,
            taken: taken.clone(),
        },
        taken,
    )
}

#[test]
fn dev_zero_is_refused_after_its_first_bytes() {
    let (r, taken) = counted(std::io::repeat(0));
    let e = xianjie::api::read_document(r, "/dev/zero", &Limits::default()).unwrap_err();
    assert_eq!(e.source_name.as_deref(), Some("/dev/zero"));
    assert_eq!(e.errors[0].kind, InputErrorKind::Syntax);
    assert!(
        e.errors[0].msg_en.contains("0x00"),
        "{}",
        e.errors[0].msg_en
    );
    // Kilobytes, not the gigabyte of the limit.
    assert!(taken.get() <= 1 << 20, "{} bytes read", taken.get());
}

#[test]
fn endless_blank_input_stops_at_the_limit() {
    let mut limits = Limits::default();
    limits.input_bytes = 1 << 20;
    let (r, taken) = counted(std::io::repeat(b' '));
    let e = xianjie::api::read_document(r, "-", &limits).unwrap_err();
    assert_eq!(kinds_and_places(&e), [("limit", "")]);
    assert!(
        taken.get() <= (1 << 20) + (64 << 10),
        "{} bytes read",
        taken.get()
    );
    // A document that begins well and never ends, too.
    let (r, taken) = counted(std::io::Read::chain(
        &b"{\"name\": \""[..],
        std::io::repeat(b'x'),
    ));
    let e = xianjie::api::read_document(r, "-", &limits).unwrap_err();
    assert_eq!(e.errors[0].kind, InputErrorKind::Limit);
    assert!(taken.get() <= (1 << 20) + (64 << 10));
}

#[test]
fn text_that_is_not_utf8_is_refused_at_its_first_bad_byte() {
    let bytes = b"{\"name\":\n \"\xB1\xB1\xBE\xA9\"}";
    let e = xianjie::api::read_document(&bytes[..], "gbk.json", &Limits::default()).unwrap_err();
    let i = &e.errors[0];
    assert_eq!(i.kind, InputErrorKind::Syntax);
    assert_eq!((i.line, i.column), (Some(2), Some(3)));
    assert!(i.msg_en.contains("0xB1"), "{}", i.msg_en);
}

#[test]
fn a_file_over_the_limit_is_refused_from_its_size() {
    let dir = std::env::temp_dir().join(format!("xianjie-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("big.json");
    std::fs::write(&p, format!(r#"{{"name": "{}"}}"#, "x".repeat(5_000))).unwrap();
    let mut limits = Limits::default();
    limits.input_bytes = 4_096;
    let e = xianjie::api::read_path_with(&p, &limits).unwrap_err();
    assert_eq!(kinds_and_places(&e), [("limit", "")]);
    assert!(
        e.errors[0].msg_en.contains("5,012 bytes"),
        "{}",
        e.errors[0].msg_en
    );
    limits.input_bytes = 5_012;
    xianjie::api::read_path_with(&p, &limits).unwrap();
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_array_where_a_field_is_expected_is_reported_once() {
    let e = read(
        r#"{"name": [1, 2, 3], "reporting_year": [], "schools": 5}"#,
        &Limits::default(),
    );
    assert_eq!(
        kinds_and_places(&e),
        [
            ("type", "name"),
            ("type", "reporting_year"),
            ("type", "schools")
        ]
    );
}

#[test]
fn a_value_taken_out_is_not_reported_again_through_its_container() {
    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Kind {
        Sized(u8),
    }
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        k: Kind,
        n: u32,
    }
    let e = from_json_str_with::<Doc>(r#"{"k": {"sized": 300}, "n": "x"}"#, &Limits::default())
        .unwrap_err();
    let mut got = kinds_and_places(&e);
    got.sort();
    assert_eq!(got, [("type", "n"), ("value", "k.sized")]);
}

/// Bytes allocated and not yet freed on this thread, and their peak: memory measured in bytes,
/// per test thread, not in time.
struct Counting;

thread_local! {
    static LIVE: Cell<i64> = const { Cell::new(0) };
    static PEAK: Cell<i64> = const { Cell::new(0) };
}

// SAFETY: defers to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let _ = LIVE.try_with(|c| {
            c.set(c.get() + l.size() as i64);
            let _ = PEAK.try_with(|p| p.set(p.get().max(c.get())));
        });
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, l: Layout) {
        let _ = LIVE.try_with(|c| c.set(c.get() - l.size() as i64));
        unsafe { System.dealloc(ptr, l) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Peak bytes allocated on this thread while `f` runs, above what was live before.
fn peak_of<T>(f: impl FnOnce() -> T) -> i64 {
    let base = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(base));
    drop(f());
    PEAK.with(Cell::get) - base
}

#[test]
fn one_bad_value_at_the_end_costs_no_more_memory_than_a_good_read() {
    let rows: Vec<String> = (0..40_000).map(|_| activity("2")).collect();
    let good = format!(r#"{{"semester_activities": [{}]}}"#, rows.join(","));
    let bad = format!(
        r#"{{"semester_activities": [{}, {}]}}"#,
        rows.join(","),
        activity(r#""two""#)
    );
    let good_peak = peak_of(|| Dataset::from_json_str(&good).unwrap());
    let bad_peak = peak_of(|| {
        let e = Dataset::from_json_str(&bad).unwrap_err();
        assert_eq!(
            kinds_and_places(&e),
            [("type", "semester_activities[40000].meetings")]
        );
    });
    // Reading the whole document as a JSON value again took several times the good read.
    assert!(
        bad_peak <= good_peak + good_peak / 2,
        "bad {bad_peak} bytes, good {good_peak} bytes (text {} bytes)",
        bad.len()
    );
}
