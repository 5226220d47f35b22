#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Without the `embedded-reference` feature (the WebAssembly build loaded first), rules needing a
//! reference table are unchecked, saying why, until the table is loaded; then they run as usual.
//! Run with `cargo test -p xianjie --no-default-features --test reference_loaded_at_run_time`.
#![cfg(not(feature = "embedded-reference"))]

use xianjie::reference::source::{load, Table};
use xianjie::report::RuleState;
use xianjie::{check, Dataset, Options};

fn state(report: &xianjie::Report, id: &str) -> RuleState {
    report
        .rules
        .iter()
        .find(|r| r.rule_id == id)
        .map(|r| r.state)
        .expect("rule in report")
}

#[test]
fn rules_wait_for_their_table_then_run() {
    let ds = Dataset::from_json_str(
        r#"{"schools": [{"id": "S1", "name": "甲", "level": "secondary", "district": "150199",
                          "uscc": "91350100M000100Y43", "moe_code": "4111010001"}]}"#,
    )
    .unwrap();
    let opts = Options {
        packs: vec!["ref-data".into()],
        ..Default::default()
    };
    assert!(!Table::Divisions.is_loaded());
    let before = check(&ds, &opts).unwrap();
    assert!(before.findings.is_empty(), "{:?}", before.findings);
    assert_eq!(
        state(&before, "ref-data/district-code"),
        RuleState::Unchecked
    );
    let why = before
        .rules
        .iter()
        .find(|r| r.rule_id == "ref-data/district-code")
        .and_then(|r| r.reason.clone())
        .expect("a reason");
    assert!(
        why.zh.contains("divisions.tsv") && why.en.contains("loadReference"),
        "{why:?}"
    );

    // A wrong text is refused and changes nothing.
    assert!(load("divisions.tsv", "110000\t北京市\tprovince\t-\n".into()).is_err());
    assert!(!Table::Divisions.is_loaded());

    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/divisions.tsv"))
        .unwrap();
    load("divisions.tsv", text.clone()).unwrap();
    load("divisions.tsv", text).unwrap(); // again: a no-op
    let after = check(&ds, &opts).unwrap();
    assert_eq!(state(&after, "ref-data/district-code"), RuleState::Failed);
    assert_eq!(state(&after, "ref-data/moe-code"), RuleState::Passed);
    assert_eq!(after.findings[0].rule_id(), "ref-data/district-code");
    assert!(!Table::Catalog.is_loaded());
}
