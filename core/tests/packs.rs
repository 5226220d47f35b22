#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
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
    assert_eq!(r.findings[0].rule_id(), "demo-2024/meetings");
    assert_eq!(r.findings[0].explanation().clause, "示例〔2024〕1号 一");
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

/// A pack of the user's that reuses the built-in `bj-3p2-2024` id and its rule id.
fn impostor() -> Pack {
    let text = rule(GOOD_CHECK)
        .replace("demo-2024/meetings", "bj-3p2-2024/semester-meetings")
        .replace("id = \"demo-2024\"", "id = \"bj-3p2-2024\"");
    Pack::from_toml_str(&text, "mine.toml").unwrap()
}

#[test]
fn a_user_pack_reusing_a_builtin_id_is_refused_naming_both() {
    // Beside the built-in pack (the report listed the rule twice), and alone: ids are a public
    // contract, so the clash is refused even when the built-in pack is not in use.
    for packs in [vec!["bj-3p2-2024".to_string()], vec![]] {
        let opts = Options {
            packs,
            extra_packs: vec![impostor()],
            ..Default::default()
        };
        let e = Checker::new(&opts).unwrap_err();
        assert_eq!(e.origin, "pack bj-3p2-2024");
        assert_eq!(e.loc, "id");
        assert!(
            e.message.contains("built-in pack \"bj-3p2-2024\""),
            "{}",
            e.message
        );
    }
}

#[test]
fn two_user_packs_with_one_id_or_one_rule_id_are_refused() {
    let p = Pack::from_toml_str(&rule(GOOD_CHECK), "demo.toml").unwrap();
    let opts = Options {
        extra_packs: vec![p.clone(), p],
        ..Default::default()
    };
    let e = Checker::new(&opts).unwrap_err();
    assert!(e.message.contains("two packs"), "{}", e.message);
}

#[test]
fn a_params_document_with_a_repeated_key_is_refused() {
    // The CLI's --params-file reads its JSON through this reader.
    let e = xianjie::input::from_json_str::<BTreeMap<String, String>>(
        r#"{"hhht-majors-2022/class-size.class_size": "40",
            "hhht-majors-2022/class-size.class_size": "45"}"#,
    )
    .unwrap_err();
    assert_eq!(e.errors.len(), 1);
    let i = &e.errors[0];
    assert_eq!(i.kind.as_str(), "duplicate_key");
    assert_eq!(i.loc, "hhht-majors-2022/class-size.class_size");
    assert_eq!(i.line, Some(2));
    // Every bad value listed, not just the first.
    let e = xianjie::input::from_json_str::<BTreeMap<String, String>>(
        r#"{"a.b": 1, "c.d": "x", "e.f": true}"#,
    )
    .unwrap_err();
    let locs: Vec<&str> = e.errors.iter().map(|i| i.loc.as_str()).collect();
    assert_eq!(locs, ["a.b", "e.f"]);
}

/// Every value a built-in pack names for a closed-set field (`one_of`, `values`, `equals`, an
/// overlap's `between`) is one of the field's wire names: a typo such as `principle` would
/// otherwise never match and silently fail or pass every record.
#[test]
fn builtin_packs_name_closed_set_values_by_wire_name() {
    use serde_json::Value;
    use xianjie::model::EntityKind;
    fn strings(v: Option<&Value>) -> Vec<String> {
        match v {
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|x| match x {
                    Value::String(s) => Some(s.clone()),
                    Value::Object(o) => o.get("value").and_then(Value::as_str).map(String::from),
                    _ => None,
                })
                .collect(),
            _ => vec![],
        }
    }
    fn walk(v: &Value, entity: Option<EntityKind>, seen: &mut usize, bad: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                let entity = o
                    .get("entity")
                    .and_then(Value::as_str)
                    .and_then(EntityKind::parse)
                    .or(entity);
                if let Some(e) = entity {
                    let pairs = [
                        ("field", ["one_of", "values", "equals"]),
                        ("split", ["between", "", ""]),
                    ];
                    for (key, value_keys) in pairs {
                        let Some(f) = o.get(key).and_then(Value::as_str) else {
                            continue;
                        };
                        let Some(labels) = e.field_values(f) else {
                            continue;
                        };
                        for vk in value_keys.iter().filter(|k| !k.is_empty()) {
                            for s in strings(o.get(*vk)) {
                                *seen += 1;
                                if labels.by_wire(&s).is_none() {
                                    bad.push(format!("{}.{f}: {s}", e.as_str()));
                                }
                            }
                        }
                    }
                }
                for x in o.values() {
                    walk(x, entity, seen, bad);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, entity, seen, bad)),
            _ => {}
        }
    }
    let (mut seen, mut bad) = (0, Vec::new());
    for p in xianjie::rules::builtin_packs() {
        walk(&serde_json::to_value(p).unwrap(), None, &mut seen, &mut bad);
    }
    assert!(bad.is_empty(), "{bad:?}");
    // principal, party_secretary; higher_bachelor, five_year; higher, secondary.
    assert!(seen >= 6, "{seen}");
}
