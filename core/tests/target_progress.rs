#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Kind `target`: aggregates by year and group against goals, with progress in words (the
//! catalogue's), exact shares, pending goals.
#![cfg(feature = "toml")]

use xianjie::{Checker, Dataset, Options, Pack};

fn pack(check: &str) -> Pack {
    let text = format!(
        r#"id = "t"
version = "1"
title_zh = "t"
title_en = "t"
[source]
document = "d"
title = "t"
issuer = "i"
date = "2024-01-01"
[[rules]]
id = "t/goal"
title_zh = "t"
title_en = "t"
clause = "c"
quote = "q"
severity = "target"
wording = {{ metric_zh = "招生人数", metric_en = "enrolment", unit_zh = "名", unit_en = "students" }}
[[rules.checks]]
kind = "target"
entity = "cohorts"
{check}
"#
    );
    Pack::from_toml_str(&text, "test").unwrap()
}

fn run(check: &str, data: &str) -> xianjie::Report {
    let opts = Options {
        packs: vec![],
        extra_packs: vec![pack(check)],
        ..Default::default()
    };
    let ds = Dataset::from_json_str(data).unwrap();
    Checker::new(&opts).unwrap().check(&ds)
}

const DATA: &str = r#"{"reporting_year": 2024, "cohorts": [
        {"project": "P1", "entry_year": 2024, "enrolled": 200},
        {"project": "P2", "entry_year": 2024, "enrolled": 230},
        {"project": "P1", "entry_year": 2023, "enrolled": 999}]}"#;

#[test]
fn sum_by_year_with_pending_goal() {
    let r = run(
        r#"measure = "sum"
field = "enrolled"
year_field = "entry_year"
goals = [{ year = 2024, min = "450" }, { year = 2027, min = "500", stretch = "1000" }]"#,
        DATA,
    );
    assert!(r.ok, "targets never make a report not ok");
    assert!(r.findings.is_empty());
    let t = &r.targets;
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[0].year, t[0].value.as_str(), t[0].met, t[0].pending),
        (2024, "430", false, false)
    );
    assert_eq!(
        t[0].message.zh,
        "2024年招生人数为430名,目标为450名,未达到目标(为目标的95.56%)。"
    );
    assert_eq!((t[1].year, t[1].met, t[1].pending), (2027, false, true));
    assert_eq!(
        t[1].message.zh,
        "2027年目标为500名(力争1000名),尚未到期;截至2024年,招生人数为430名,为目标的86%。"
    );
    assert_eq!(
            t[1].message.en,
            "2027 goal 500 students (stretch goal 1000 students) still to come; as of 2024, enrolment: 430 students, 86% of the goal."
        );
    assert_eq!(r.rules[0].state, xianjie::report::RuleState::Failed);
}

#[test]
fn per_group_distinct_and_listed_groups() {
    let r = run(
        r#"measure = "count"
each = { field = "project", values = ["P9"] }
where = [{ field = "entry_year", equals = 2024 }]
goals = [{ min = "1" }]"#,
        DATA,
    );
    let got: Vec<(Option<&str>, &str, bool)> = r
        .targets
        .iter()
        .map(|t| (t.group.as_deref(), t.value.as_str(), t.met))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("P1"), "1", true),
            (Some("P2"), "1", true),
            (Some("P9"), "0", false)
        ]
    );
}

#[test]
fn share_exact_and_strict() {
    // 2 of 3 cohorts in 2024..: count share with `over`.
    let r = run(
        r#"measure = "share"
part = [{ field = "entry_year", equals = 2024 }]
goals = [{ over = "2/3" }]"#,
        DATA,
    );
    assert!(!r.targets[0].met, "2/3 is not over 2/3");
    let r = run(
        r#"measure = "share"
part = [{ field = "entry_year", equals = 2024 }]
goals = [{ min = "2/3" }]"#,
        DATA,
    );
    assert!(r.targets[0].met);
    assert_eq!(r.rules[0].state, xianjie::report::RuleState::Passed);
}

#[test]
fn bad_params_are_refused() {
    let opts = |c: &str| {
        let text = format!("id = \"t\"\nversion = \"1\"\ntitle_zh = \"t\"\ntitle_en = \"t\"\n[source]\ndocument = \"d\"\ntitle = \"t\"\nissuer = \"i\"\ndate = \"2024-01-01\"\n[[rules]]\nid = \"t/g\"\ntitle_zh = \"t\"\ntitle_en = \"t\"\nclause = \"c\"\nquote = \"q\"\nseverity = \"target\"\n[[rules.checks]]\nkind = \"target\"\nentity = \"cohorts\"\n{c}\n");
        Pack::from_toml_str(&text, "t")
    };
    assert!(opts("measure = \"sum\"\ngoals = [{ min = \"1\" }]").is_err());
    assert!(opts("measure = \"count\"\ngoals = [{ min = \"1\", over = \"1\" }]").is_err());
    assert!(opts("measure = \"count\"\ngoals = []").is_err());
    assert!(opts("measure = \"count\"\nwhere = [{ field = \"enrolled\", equals = \"x\" }]\ngoals = [{ min = \"1\" }]").is_err());
}
