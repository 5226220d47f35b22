#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Loading a pack validates it; every error names the place and what was expected.

use std::collections::BTreeMap;
use xianjie::rules::{CheckError, PackErrorKind, ThresholdError};
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
    // Typed even through the TOML reader.
    match &*e.kind {
        PackErrorKind::Check {
            error: CheckError::UnknownKind { kind, known },
        } => {
            assert_eq!(kind, "telepathy");
            assert_eq!(known.len(), xianjie::rules::Check::KINDS.len());
            assert!(known.iter().any(|k| k == "threshold"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(e.type_name(), "check");
    assert!(e.to_string().contains("telepathy"), "{e}");
    assert!(
        e.message().zh.contains("没有“telepathy”这种检查"),
        "{}",
        e.message().zh
    );
}

#[test]
fn unknown_field_is_named_with_the_known_ones() {
    let text = rule("[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"meeting\"\nmin = \"2\"\n");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert!(
        e.loc.contains("rules[0] (demo-2024/meetings).checks[0]"),
        "{e}"
    );
    match &*e.kind {
        PackErrorKind::Check {
            error:
                CheckError::UnknownField {
                    entity,
                    field,
                    known,
                },
        } => {
            assert_eq!(entity.as_str(), "semester_activities");
            assert_eq!(field, "meeting");
            assert!(known.iter().any(|k| k == "meetings"), "{known:?}");
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("no field `meeting`"), "{e}");
}

#[test]
fn bad_parameter_is_refused() {
    let text = rule("[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"meetings\"\nmin = \"two\"\n");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert_eq!(
        *e.kind,
        PackErrorKind::Check {
            error: CheckError::Threshold {
                kind: "threshold".into(),
                at: "min".into(),
                error: ThresholdError::NotANumber {
                    found: "two".into()
                },
            }
        }
    );
    assert!(e.to_string().contains("exact number"), "{e}");
    assert!(
        e.message().zh.contains("应为精确数值"),
        "{}",
        e.message().zh
    );
}

#[test]
fn a_float_threshold_is_refused_so_it_stays_exact() {
    let text = rule("[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"meetings\"\nmin = 0.1\n");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert!(e.to_string().contains("binary float"), "{e}");
    assert_eq!(
        *e.kind,
        PackErrorKind::Check {
            error: CheckError::Threshold {
                kind: "threshold".into(),
                at: "min".into(),
                error: ThresholdError::Float {
                    found: "0.1".into()
                },
            }
        }
    );
    // The same through a school-flag bound, and for a negative or rounded number.
    for (min, error) in [
        (
            "{ school_field = \"project\", flag = \"national_key\", if_true = 0.5, if_false = \"2\" }",
            ThresholdError::Float {
                found: "0.5".into(),
            },
        ),
        (
            "\"-1\"",
            ThresholdError::Negative {
                found: "-1".into(),
            },
        ),
        (
            "\"1/0\"",
            ThresholdError::Denominator {
                found: "1/0".into(),
            },
        ),
        (
            "\"0.12345678901234567890123456789012\"",
            ThresholdError::TooPrecise {
                found: "0.12345678901234567890123456789012".into(),
            },
        ),
    ] {
        let text = rule(&format!("[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"meetings\"\nmin = {min}\n"));
        match *Pack::from_toml_str(&text, "demo.toml").unwrap_err().kind {
            PackErrorKind::Check {
                error: CheckError::Threshold { error: got, .. },
            } => assert_eq!(got, error),
            other => panic!("{min}: {other:?}"),
        }
    }
}

#[test]
fn duplicate_id_is_refused() {
    let one = rule(GOOD_CHECK);
    let dup = one.clone() + &one[one.find("[[rules]]").unwrap()..];
    let e = Pack::from_toml_str(&dup, "demo.toml").unwrap_err();
    assert_eq!(
        *e.kind,
        PackErrorKind::DuplicateRuleId {
            id: "demo-2024/meetings".into(),
            first: "demo-2024".into(),
            second: "demo-2024".into(),
        }
    );
    assert_eq!(e.loc, "rules[1] (demo-2024/meetings)");
}

#[test]
fn rule_id_must_carry_the_pack_prefix() {
    let text = rule(GOOD_CHECK).replace("demo-2024/meetings", "other/meetings");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert_eq!(
        *e.kind,
        PackErrorKind::RuleId {
            id: "other/meetings".into(),
            pack: "demo-2024".into(),
        }
    );
    assert!(e.to_string().contains("demo-2024/<slug>"), "{e}");
}

#[test]
fn unknown_key_in_a_rule_is_refused() {
    let text = rule(&format!("colour = \"red\"\n{GOOD_CHECK}"));
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    assert_eq!(e.type_name(), "syntax");
    assert!(e.to_string().contains("colour"), "{e}");
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
    let e = Checker::new(&opts).unwrap_err();
    assert_eq!(e.origin, "parameter demo-2024/meetings.min");
    match &*e.kind {
        PackErrorKind::ParamValue {
            key,
            value,
            error: CheckError::Threshold { kind, at, .. },
        } => {
            assert_eq!(key, "demo-2024/meetings.min");
            assert_eq!(value, "lots");
            assert_eq!((kind.as_str(), at.as_str()), ("threshold", "min"));
        }
        other => panic!("{other:?}"),
    }

    let mut bad = BTreeMap::new();
    bad.insert("demo-2024/meetings.colour".to_string(), "red".to_string());
    let opts = Options {
        extra_packs: vec![p.clone()],
        params: bad,
        ..Default::default()
    };
    assert_eq!(
        *Checker::new(&opts).unwrap_err().kind,
        PackErrorKind::UnknownParam {
            rule: "demo-2024/meetings".into(),
            name: "colour".into(),
        }
    );

    let mut stray = BTreeMap::new();
    stray.insert("nowhere/rule.x".to_string(), "1".to_string());
    let opts = Options {
        extra_packs: vec![p],
        params: stray,
        ..Default::default()
    };
    // A parameter naming no rule in use is an error, not ignored.
    assert_eq!(
        *Checker::new(&opts).unwrap_err().kind,
        PackErrorKind::UnknownRule {
            key: "nowhere/rule.x".into(),
        }
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
        assert_eq!(
            *e.kind,
            PackErrorKind::ReservedPackId {
                id: "bj-3p2-2024".into(),
            }
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
    assert_eq!(
        *e.kind,
        PackErrorKind::DuplicatePackId {
            id: "demo-2024".into(),
        }
    );
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

/// The typed error of loading a pack whose one check is `check` (TOML body of `[[rules.checks]]`).
fn check_error(check: &str) -> CheckError {
    let e =
        Pack::from_toml_str(&rule(&format!("[[rules.checks]]\n{check}")), "demo.toml").unwrap_err();
    match *e.kind {
        PackErrorKind::Check { error } => error,
        other => panic!("{other:?}"),
    }
}

#[test]
fn check_validation_errors_are_typed() {
    let act = "entity = \"semester_activities\"\n";
    assert_eq!(
        check_error(&format!(
            "kind = \"threshold\"\n{act}field = \"meetings\"\n"
        )),
        CheckError::NeedsOneOf {
            params: vec!["min".into(), "max".into()]
        }
    );
    match check_error(&format!(
        "kind = \"threshold\"\n{act}field = \"project\"\nmin = \"1\"\n"
    )) {
        CheckError::FieldKind {
            entity,
            field,
            found,
            wanted,
        } => {
            assert_eq!(entity.as_str(), "semester_activities");
            assert_eq!(field, "project");
            assert_eq!(found.name(), "text");
            let w: Vec<&str> = wanted.iter().map(|k| k.name()).collect();
            assert_eq!(w, ["integer", "decimal"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        check_error(&format!(
            "kind = \"group_count\"\n{act}group_by = []\nmax = \"3\"\n"
        )),
        CheckError::Empty {
            param: "group_by".into()
        }
    );
    assert_eq!(
        check_error(&format!(
            "kind = \"threshold\"\n{act}field = \"meetings\"\nmin = {{ school_field = \"project\", flag = \"famous\", if_true = \"3\", if_false = \"2\" }}\n"
        )),
        CheckError::UnknownFlag {
            flag: "famous".into(),
            known: vec!["national_key".into(), "independent".into()]
        }
    );
    assert_eq!(
        check_error("kind = \"any_of\"\nentity = \"students\"\nfields = [\"certificates.senior_worker\"]\nmin = 2\n"),
        CheckError::OutOfRange {
            param: "min".into(),
            found: "2".into(),
            min: Some("1".into()),
            max: Some("1".into()),
        }
    );
}

#[test]
fn pack_errors_serialize_with_a_type_tag_and_typed_fields() {
    let e = Checker::builtin(&["nope".into()], &BTreeMap::new()).unwrap_err();
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["type"], "unknown_pack");
    assert_eq!(v["id"], "nope");
    assert!(v["known"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k == "bj-3p2-2024"));
    assert_eq!(v["origin"], "pack nope");
    assert_eq!(v["loc"], "");
    assert!(v["message"]
        .as_str()
        .unwrap()
        .contains("unknown pack \"nope\""));
    assert!(v["msg_zh"]
        .as_str()
        .unwrap()
        .starts_with("没有标识为“nope”的内置规则包"));
    assert_eq!(v["msg_en"], v["message"]);

    // A check error nests its own tagged error.
    let text = rule("[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"meeting\"\nmin = \"2\"\n");
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["type"], "check");
    assert_eq!(v["error"]["type"], "unknown_field");
    assert_eq!(v["error"]["entity"], "semester_activities");
    assert_eq!(v["error"]["field"], "meeting");
    let text = rule("[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"project\"\nmin = \"2\"\n");
    let v = serde_json::to_value(Pack::from_toml_str(&text, "demo.toml").unwrap_err()).unwrap();
    assert_eq!(v["error"]["found"], "text");
    assert_eq!(
        v["error"]["wanted"],
        serde_json::json!(["integer", "decimal"])
    );

    // Dates stay dates.
    let text = rule(GOOD_CHECK).replace(
        "severity = \"error\"",
        "severity = \"error\"\neffective_from = \"2025-03-01\"\neffective_until = \"2024-01-01\"",
    );
    let e = Pack::from_toml_str(&text, "demo.toml").unwrap_err();
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["type"], "effective_dates");
    assert_eq!(v["from"], "2025-03-01");
    assert_eq!(v["until"], "2024-01-01");
    assert_eq!(
        e.message().zh,
        "生效日期2025年3月1日晚于失效日期2024年1月1日"
    );
}

/// Core errors are read in Python and JavaScript too: no command-line flag in them (the CLI
/// adds its own).
#[test]
fn no_core_error_names_a_cli_flag() {
    let p = Pack::from_toml_str(&rule(GOOD_CHECK), "demo.toml").unwrap();
    let with = |params: &[(&str, &str)]| Options {
        extra_packs: vec![p.clone()],
        params: params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ..Default::default()
    };
    let errors = [
        Checker::builtin(&["nope".into()], &BTreeMap::new()).unwrap_err(),
        Checker::new(&with(&[("nowhere/rule.x", "1")])).unwrap_err(),
        Checker::new(&with(&[("demo-2024/meetings.min", "lots")])).unwrap_err(),
        Checker::new(&with(&[("demo-2024/meetings.colour", "red")])).unwrap_err(),
        Checker::new(&Options {
            extra_packs: vec![p.clone(), p.clone()],
            ..Default::default()
        })
        .unwrap_err(),
        Checker::new(&Options {
            extra_packs: vec![impostor()],
            ..Default::default()
        })
        .unwrap_err(),
        Pack::from_toml_str("id = 1", "x.toml").unwrap_err(),
    ];
    for e in &errors {
        let m = e.message();
        for text in [e.to_string(), m.zh, m.en, serde_json::to_string(e).unwrap()] {
            assert!(!text.contains("--"), "{text}");
        }
    }
}

#[test]
fn rule_level_errors_are_typed() {
    let load = |text: String| *Pack::from_toml_str(&text, "demo.toml").unwrap_err().kind;
    assert_eq!(
        load(rule(GOOD_CHECK).replace("id = \"demo-2024\"", "id = \"Demo\"")),
        PackErrorKind::PackId { id: "Demo".into() }
    );
    assert_eq!(load(rule("checks = []")), PackErrorKind::NoChecks);
    assert_eq!(
        load(rule(GOOD_CHECK).replace("quote = \"每学期至少2次\"", "quote = \" \"")),
        PackErrorKind::NoQuote
    );
    // A rule of the user's taking a built-in data-integrity rule's id.
    let (integrity, _, _) = xianjie::engine::INTEGRITY_RULES[0];
    let pack = integrity.split('/').next().unwrap();
    let text = rule(GOOD_CHECK)
        .replace("demo-2024/meetings", integrity)
        .replace("id = \"demo-2024\"", &format!("id = \"{pack}\""));
    let p = Pack::from_toml_str(&text, "mine.toml").unwrap();
    let e = Checker::new(&Options {
        extra_packs: vec![p],
        ..Default::default()
    })
    .unwrap_err();
    assert_eq!(
        *e.kind,
        PackErrorKind::ReservedRuleId {
            id: integrity.into(),
            pack: None
        }
    );
    assert!(
        e.message().zh.contains("数据完整性规则"),
        "{}",
        e.message().zh
    );
}

/// bj-vet10-2020's seed prints no date: its 2020-01-01 is a placeholder, marked wherever the date
/// is cited (the rule catalogue's date and in-force lines), and never cited bare.
#[test]
fn placeholder_date_is_marked_in_every_citation() {
    let pack = xianjie::rules::builtin("bj-vet10-2020").unwrap();
    assert!(pack.source.date_placeholder);
    assert_eq!(
        pack.source.date_cited(),
        "2020-01-01 (placeholder: the source prints no date)"
    );
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/rules.md")).unwrap();
    let start = docs.find("## Pack `bj-vet10-2020`").unwrap();
    let section = &docs[start..];
    let section = &section[..section[3..]
        .find("\n## Pack ")
        .map_or(section.len(), |i| i + 3)];
    let cited = section.matches("2020-01-01").count();
    let marked = section
        .matches("2020-01-01 (placeholder: the source prints no date)")
        .count();
    assert!(cited > 0);
    assert_eq!(cited, marked, "{section}");
    // Packs with a real date cite it bare.
    let other = xianjie::rules::builtin("bj-vet-2024").unwrap();
    assert_eq!(other.source.date_cited(), "2024-04-29");
}
