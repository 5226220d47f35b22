#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Exactness: thresholds are fractions decided on integers; deadlines are exact to the second.

use xianjie::{check, Dataset, Fraction, Options};

#[test]
fn one_third_is_exact() {
    let third: Fraction = "1/3".parse().unwrap();
    // 1000/3001 < 1/3 < 1001/3001 … decided by cross-multiplication, not 0.3333.
    assert!(third.compare(1000.into(), 3001.into()).unwrap().is_gt());
    assert!(third.compare(1001.into(), 3003.into()).unwrap().is_eq());
    assert!(third.compare(1001.into(), 3001.into()).unwrap().is_lt());
}

#[test]
fn percentages_and_decimals_parse_exactly() {
    let sixty: Fraction = "60%".parse().unwrap();
    assert_eq!(sixty, "0.6".parse().unwrap());
    assert_eq!(sixty, "3/5".parse().unwrap());
    assert!("1/0".parse::<Fraction>().is_err());
    assert!("-1".parse::<Fraction>().is_err());
    assert_eq!(sixty.to_string(), "60%");
}

fn deadline_findings(ts: &str) -> usize {
    let ds = Dataset::from_json_str(&format!(
        r#"{{"reporting_year": 2024, "applications": [{{"id": "A1", "year": 2024, "secondary_school": "S", "higher_school": "H",
        "secondary_major": {{"code": "700206"}}, "higher_major": {{"code": "460702"}}, "rank": 1,
        "attachments": {{"sealed_form_pdf": "a.pdf", "training_plan": "p.docx", "demand_research": "r.docx"}},
        "submitted_at": "{ts}"}}]}}"#
    ))
    .unwrap();
    let r = check(
        &ds,
        &Options {
            packs: vec!["bj-3p2-2024".into()],
            ..Default::default()
        },
    )
    .unwrap();
    r.findings
        .iter()
        .filter(|f| f.rule_id() == "bj-3p2-2024/upload-deadline")
        .count()
}

#[test]
fn the_deadline_is_beijing_time_to_the_second() {
    assert_eq!(deadline_findings("2024-02-27T17:00:00+08:00"), 0);
    assert_eq!(deadline_findings("2024-02-27T09:00:00Z"), 0);
    assert_eq!(deadline_findings("2024-02-27T09:00:01Z"), 1);
    assert_eq!(deadline_findings("2024-02-27T17:00:01+08:00"), 1);
}

#[test]
fn the_late_message_is_in_beijing_time() {
    let ds = Dataset::from_json_str(
        r#"{"status_reports": [{"project": "P1", "reporting_year": 2024, "submitted_at": "2024-02-27T09:00:01Z"}]}"#,
    )
    .unwrap();
    let r = check(
        &ds,
        &Options {
            packs: vec!["bj-3p2-2024".into()],
            ..Default::default()
        },
    )
    .unwrap();
    let f = r
        .findings
        .iter()
        .find(|f| f.rule_id() == "bj-3p2-2024/upload-deadline")
        .unwrap();
    // To the second, in Beijing time, the deadline as the notice states it.
    assert_eq!(
        f.message().zh,
        "平台数据上传于北京时间2024年2月27日17时0分1秒,晚于截止时间2024年2月27日17时。"
    );
    assert_eq!(
        f.message().en,
        "Uploaded at 2024-02-27 17:00:01, after the deadline of 2024-02-27 17:00 (Beijing time)."
    );
}

fn rule_state(ds: &Dataset, pack: &str, rule: &str) -> xianjie::report::RuleState {
    let r = check(
        ds,
        &Options {
            packs: vec![pack.into()],
            ..Default::default()
        },
    )
    .unwrap();
    r.rules
        .iter()
        .find(|s| s.rule_id == rule)
        .map(|s| s.state)
        .unwrap()
}

fn settlement(collected: &str, passed_on: &str) -> Dataset {
    Dataset::from_json_str(&format!(
        r#"{{"reporting_year": 2024, "finance_settlements": [{{"higher_school": "H", "school": "S", "year": 2024,
        "tuition_collected": "{collected}", "tuition_passed_on": "{passed_on}"}}]}}"#
    ))
    .unwrap()
}

#[test]
fn money_past_the_decimal_range_in_a_product_is_compared_not_passed() {
    use xianjie::report::RuleState;
    const RULE: &str = "qz-pilot-2024/tuition-share";
    // 60% of 1e28 does not fit a decimal (the products do not): it must still fail.
    let owed = "10000000000000000000000000000";
    assert_eq!(
        rule_state(&settlement(owed, "0"), "qz-pilot-2024", RULE),
        RuleState::Failed
    );
    assert_eq!(
        rule_state(
            &settlement(owed, "6000000000000000000000000000"),
            "qz-pilot-2024",
            RULE
        ),
        RuleState::Passed
    );
    assert_eq!(
        rule_state(
            &settlement(owed, "5999999999999999999999999999"),
            "qz-pilot-2024",
            RULE
        ),
        RuleState::Failed
    );
    // The largest amounts, even negative ones, give a verdict and no panic.
    let max = "79228162514264337593543950335";
    assert_eq!(
        rule_state(&settlement(max, &format!("-{max}")), "qz-pilot-2024", RULE),
        RuleState::Failed
    );
}

#[test]
fn products_compare_exactly_whatever_their_size() {
    use rust_decimal::Decimal;
    use std::cmp::Ordering::*;
    use xianjie::rules::cmp_products;
    let d = |s: &str| Decimal::from_str_exact(s).unwrap();
    let max = Decimal::MAX;
    assert_eq!(cmp_products(&[max, max, max], &[max, max, max]), Equal);
    assert_eq!(
        cmp_products(&[max, max], &[max, d("79228162514264337593543950334")]),
        Greater
    );
    assert_eq!(cmp_products(&[-max, max], &[d("1"), d("0.5")]), Less);
    assert_eq!(cmp_products(&[-max, max], &[-max, max]), Equal);
    // Scales aligned: 0.0000000000000000000000000001 × 1e28 = 1.
    assert_eq!(
        cmp_products(
            &[
                d("0.0000000000000000000000000001"),
                d("10000000000000000000000000000")
            ],
            &[d("1")]
        ),
        Equal
    );
    assert_eq!(cmp_products(&[d("1.5"), d("2")], &[d("3.000")]), Equal);
    assert_eq!(cmp_products(&[d("0")], &[d("-0.1")]), Greater);
}

#[test]
fn a_decimal_that_does_not_fit_exactly_is_refused_not_rounded() {
    for (amount, what) in [
        ("1234567890123456789012345678901234567890", "40 digits"),
        ("1.00000000000000000000000000001", "29 decimals"),
    ] {
        let e = Dataset::from_json_str(&format!(
            r#"{{"finance_settlements": [{{"higher_school": "H", "school": "S", "year": 2024, "tuition_collected": "{amount}"}}]}}"#
        ))
        .unwrap_err();
        assert_eq!(e.errors.len(), 1, "{what}");
        let i = &e.errors[0];
        assert_eq!(i.kind.as_str(), "value", "{what}");
        assert_eq!(i.loc, "finance_settlements[0].tuition_collected", "{what}");
        assert!(i.msg_en.contains("rounded"), "{what}: {}", i.msg_en);
    }
    // As a JSON number, 40 digits are no exact decimal either.
    let e = Dataset::from_json_str(
        r#"{"finance_settlements": [{"higher_school": "H", "school": "S", "year": 2024, "tuition_collected": 1234567890123456789012345678901234567890}]}"#,
    )
    .unwrap_err();
    assert_eq!(e.errors[0].loc, "finance_settlements[0].tuition_collected");
    // 28 significant digits are kept.
    settlement("1234567890.123456789012345678", "0");
}

#[test]
fn a_threshold_that_does_not_fit_exactly_is_refused_not_rounded() {
    let e = "1.0000000000000000000000000000000000001"
        .parse::<Fraction>()
        .unwrap_err();
    assert!(
        matches!(e, xianjie::rules::ThresholdError::TooPrecise { .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("rounded"), "{e}");
    assert!("1234567890123456789012345678901234567890/3"
        .parse::<Fraction>()
        .is_err());
    assert!("60.0000000000000000000000000001%"
        .parse::<Fraction>()
        .is_err());
}

#[test]
fn a_reporting_year_outside_2000_to_2100_is_refused_at_its_field() {
    for y in ["0", "-2024", "1999", "2101", "99999999999"] {
        let e = Dataset::from_json_str(&format!(r#"{{"reporting_year": {y}}}"#)).unwrap_err();
        assert_eq!(e.errors.len(), 1, "{y}");
        let i = &e.errors[0];
        assert_eq!(
            (i.kind.as_str(), i.loc.as_str()),
            ("value", "reporting_year"),
            "{y}"
        );
        assert!(i.msg_zh.contains("2000至2100年"), "{y}: {}", i.msg_zh);
    }
    for y in ["2000", "2024", "2100", "null"] {
        Dataset::from_json_str(&format!(r#"{{"reporting_year": {y}}}"#)).unwrap();
    }
}

/// Every amount of `v` set to `amount` and every count to `count` (years left alone).
fn extreme(v: &mut serde_json::Value, amount: &str, count: u64, key: &str) {
    use serde_json::Value;
    match v {
        Value::String(s)
            if !s.is_empty()
                && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && s.contains('.') =>
        {
            *s = amount.to_string()
        }
        Value::Number(n) if n.is_u64() && !key.contains("year") => *v = count.into(),
        Value::Array(a) => a.iter_mut().for_each(|x| extreme(x, amount, count, key)),
        Value::Object(o) => o.iter_mut().for_each(|(k, x)| extreme(x, amount, count, k)),
        _ => {}
    }
}

#[test]
fn the_largest_amounts_and_counts_give_a_report_never_a_panic() {
    let max = "79228162514264337593543950335";
    let mut ran = 0;
    for name in xianjie::sample::names() {
        let ds = xianjie::sample::load(name).unwrap();
        for (amount, count) in [
            (max.to_string(), u64::from(u32::MAX)),
            (format!("-{max}"), 0),
            ("0.0000000000000000000000000001".to_string(), 1),
        ] {
            let mut v = serde_json::to_value(&ds).unwrap();
            extreme(&mut v, &amount, count, "");
            let Ok(ds) = Dataset::from_json_str(&v.to_string()) else {
                continue;
            };
            let run = std::panic::catch_unwind(|| check(&ds, &Options::default()).unwrap());
            assert!(
                run.is_ok(),
                "{name} with amounts {amount} and counts {count} panicked"
            );
            ran += 1;
        }
    }
    // Each sample read with every kind of extreme (none was refused as input).
    assert_eq!(ran, 3 * xianjie::sample::names().len());
}
