#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Checking on several threads gives the one-thread report, order included.
#![cfg(feature = "threads")]

use std::collections::BTreeMap;
use xianjie::Checker;

#[test]
fn threads_give_the_one_thread_report() {
    let mut params = BTreeMap::new();
    params.insert(
        "hhht-majors-2022/small-major-discontinue.class_size".to_string(),
        "40".to_string(),
    );
    let one = Checker::builtin(&[], &params).unwrap();
    for name in xianjie::sample::names() {
        for seed in [0, 1, 2] {
            let ds = match seed {
                0 => xianjie::sample::load(name).unwrap(),
                s => xianjie::sample::generate(name, s)
                    .unwrap_or_else(|| xianjie::sample::load(name).unwrap()),
            };
            let want = one.check(&ds);
            assert!(
                !want.findings.is_empty(),
                "{name} {seed}: no findings to compare"
            );
            for n in [Some(0), Some(2), Some(3)] {
                let got = one.clone().with_threads(n).check(&ds);
                assert_eq!(
                    serde_json::to_string(&got).unwrap(),
                    serde_json::to_string(&want).unwrap(),
                    "{name} {seed} {n:?}"
                );
            }
        }
    }
}

/// The dataset's integrity, checked beside the rules on several threads, gives the one-thread
/// report: its findings in their place among the rules'.
#[test]
fn integrity_beside_the_rules_gives_the_one_thread_report() {
    let one = Checker::builtin(&[], &BTreeMap::new()).unwrap();
    let mut compared = 0;
    for name in xianjie::sample::names() {
        let mut ds = xianjie::sample::load(name).unwrap();
        let Some(first) = ds.schools.first().cloned() else {
            continue;
        };
        ds.schools.push(first);
        let want = one.check(&ds);
        assert!(
            want.findings
                .iter()
                .any(|f| f.rule_id() == "data/duplicate-id"),
            "{name}: no integrity finding"
        );
        assert!(
            want.findings
                .iter()
                .any(|f| !f.rule_id().starts_with("data/")),
            "{name}: no rule's finding"
        );
        for n in [Some(0), Some(2)] {
            let got = one.clone().with_threads(n).check(&ds);
            assert_eq!(
                serde_json::to_string(&got).unwrap(),
                serde_json::to_string(&want).unwrap(),
                "{name} {n:?}"
            );
        }
        compared += 1;
    }
    assert!(compared > 0, "no sample has schools");
}
