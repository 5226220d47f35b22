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
        .filter(|f| f.rule_id == "bj-3p2-2024/upload-deadline")
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
        .find(|f| f.rule_id == "bj-3p2-2024/upload-deadline")
        .unwrap();
    assert!(
        f.message.zh.contains("2024年2月27日17:00:01(北京时间)"),
        "{}",
        f.message.zh
    );
    assert!(
        f.message.zh.contains("截止时间2024年2月27日17:00:00"),
        "{}",
        f.message.zh
    );
}
