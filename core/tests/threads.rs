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
