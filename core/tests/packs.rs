//! Loading a pack validates it; every error names the place and what was expected.

use std::collections::BTreeMap;
use xianjie::{Checker, Options, Pack};

const HEAD: &str = r#"
id = "demo-2024"
version = "1"
title_zh = "示例"
title_en = "Demo"
[source]
document = "示例〔2024〕1号"
title = "示例通知"
issuer = "示例"
date = "2024-01-01"
"#;

fn rule(body: &str) -> String {
    format!(
        r#"{HEAD}
[[rules]]
id = "demo-2024/meetings"
title_zh = "会议"
title_en = "Meetings"
clause = "一"
quote = "每学期至少2次"
severity = "error"
{body}
"#
    )
}

const GOOD_CHECK: &str = r#"
[[rules.checks]]
kind = "threshold"
entity = "semester_activities"
field = "meetings"
min = "2"
"#;

#[test]
fn a_good_pack_loads() {
    let p = Pack::from_toml_str(&rule(GOOD_CHECK), "demo.toml").unwrap();
    assert_eq!(p.rules.len(), 1);
}

#[test]
fn unknown_kind_is_located() {
    let text = rule("[[rules.checks]]\nkind = \"telepathy\"\nentity = \"schools\"\n");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert_eq!(e.origin, "demo.toml");
    assert!(e.line.is_some(), "{e}");
    assert!(e.message.contains("telepathy"), "{e}");
}

#[test]
fn unknown_field_is_named_with_the_known_ones() {
    let text = rule("[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"meeting\"\nmin = \"2\"\n");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert!(
        e.loc.contains("rules[0] (demo-2024/meetings).checks[0]"),
        "{e}"
    );
    assert!(
        e.message.contains("no field `meeting`") && e.message.contains("meetings"),
        "{e}"
    );
}

#[test]
fn bad_parameter_is_refused() {
    let text = rule("[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"meetings\"\nmin = \"two\"\n");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert!(e.message.contains("exact number"), "{e}");
}

#[test]
fn a_float_threshold_is_refused_so_it_stays_exact() {
    let text = rule("[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"meetings\"\nmin = 0.1\n");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert!(e.message.contains("binary float"), "{e}");
}

#[test]
fn duplicate_id_is_refused() {
    let one = rule(GOOD_CHECK);
    let dup = one.clone() + &one[one.find("[[rules]]").unwrap()..];
    let e = Pack::from_toml_str(&dup, "demo.toml").unwrap_err();
    assert!(
        e.message.contains("duplicate rule id demo-2024/meetings"),
        "{e}"
    );
}

#[test]
fn rule_id_must_carry_the_pack_prefix() {
    let text = rule(GOOD_CHECK).replace("demo-2024/meetings", "other/meetings");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert!(e.message.contains("demo-2024/<slug>"), "{e}");
}

#[test]
fn unknown_key_in_a_rule_is_refused() {
    let text = rule(&format!("colour = \"red\"\n{GOOD_CHECK}"));
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert!(e.message.contains("colour"), "{e}");
}

#[test]
fn a_user_pack_runs_beside_builtin_ones() {
    let p = Pack::from_toml_str(&rule(GOOD_CHECK), "demo.toml").unwrap();
    let ds = xianjie::Dataset::from_json_str(
        r#"{"semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 1}]}"#,
    )
    .unwrap();
    let opts = Options {
        extra_packs: vec![p],
        ..Default::default()
    };
    let r = Checker::new(&opts).unwrap().check(&ds);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].rule_id, "demo-2024/meetings");
    assert_eq!(r.findings[0].explanation.clause, "示例〔2024〕1号 一");
}

#[test]
fn parameters_override_and_are_validated() {
    let p = Pack::from_toml_str(&rule(GOOD_CHECK), "demo.toml").unwrap();
    let ds = xianjie::Dataset::from_json_str(
        r#"{"semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 2}]}"#,
    )
    .unwrap();
    let mut params = BTreeMap::new();
    params.insert("demo-2024/meetings.min".to_string(), "3".to_string());
    let opts = Options {
        extra_packs: vec![p.clone()],
        params: params.clone(),
        ..Default::default()
    };
    let r = Checker::new(&opts).unwrap().check(&ds);
    assert_eq!(r.findings.len(), 1, "min raised to 3 makes 2 meetings fail");

    params.insert("demo-2024/meetings.min".to_string(), "lots".to_string());
    let opts = Options {
        extra_packs: vec![p.clone()],
        params,
        ..Default::default()
    };
    assert!(Checker::new(&opts).unwrap_err().message.contains("lots"));

    let mut bad = BTreeMap::new();
    bad.insert("demo-2024/meetings.colour".to_string(), "red".to_string());
    let opts = Options {
        extra_packs: vec![p.clone()],
        params: bad,
        ..Default::default()
    };
    assert!(Checker::new(&opts)
        .unwrap_err()
        .message
        .contains("no parameter `colour`"));

    let mut stray = BTreeMap::new();
    stray.insert("nowhere/rule.x".to_string(), "1".to_string());
    let opts = Options {
        extra_packs: vec![p],
        params: stray,
        ..Default::default()
    };
    assert!(
        Checker::new(&opts).is_err(),
        "a parameter naming no rule in use is an error, not ignored"
    );
}

#[test]
fn effective_dates_decide_what_is_in_force() {
    let text = rule(GOOD_CHECK).replace(
        "severity = \"error\"",
        "severity = \"error\"\neffective_from = \"2025-03-01\"",
    );
    let p = Pack::from_toml_str(&text, "demo.toml").unwrap();
    let ds = xianjie::Dataset::from_json_str(
        r#"{"reporting_year": 2024, "semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 0}]}"#,
    )
    .unwrap();
    let opts = Options {
        extra_packs: vec![p],
        ..Default::default()
    };
    let r = Checker::new(&opts).unwrap().check(&ds);
    assert!(r.findings.is_empty());
    assert_eq!(r.rules[0].state, xianjie::report::RuleState::NotInForce);
}
