#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Messages of the Hohhot, Beijing 2020/2024 and reference packs against FINDINGS.md wording.

use std::collections::BTreeMap;
use xianjie::report::RuleState;
use xianjie::{check, Dataset, Options};

fn run(packs: &[&str], params: &[(&str, &str)], json: &str) -> xianjie::report::Report {
    let ds = Dataset::from_json_str(json).unwrap();
    let opts = Options {
        packs: packs.iter().map(|s| s.to_string()).collect(),
        params: params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        ..Default::default()
    };
    check(&ds, &opts).unwrap()
}

const SMALL: &str = r#"{"reporting_year": 2023,
 "schools": [{"id": "S1", "name": "呼和浩特市XX职业学校", "level": "secondary"}],
 "major_offerings": [
  {"school": "S1", "year": 2021, "major": {"code": "710201", "name": "计算机应用"}, "intake": 12},
  {"school": "S1", "year": 2022, "major": {"code": "710201", "name": "计算机应用"}, "intake": 9},
  {"school": "S1", "year": 2023, "major": {"code": "710201", "name": "计算机应用"}, "intake": 15}]}"#;

#[test]
fn small_major_message_matches_findings_md() {
    let r = run(
        &["hhht-majors-2022"],
        &[("hhht-majors-2022/small-major-discontinue.class_size", "30")],
        SMALL,
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule_id() == "hhht-majors-2022/small-major-discontinue")
        .unwrap();
    assert_eq!(
        f.message().zh,
        "该专业2021、2022、2023年招生分别为12、9、15人,连续3年不能独立成班(班额30人),应停办。"
    );
    assert_eq!(
        f.message().en,
        "Intake in 2021, 2022 and 2023 was 12, 9 and 15: below one class of 30 for 3 consecutive years; the major is to be discontinued."
    );
    assert_eq!(f.subject.zh, "呼和浩特市XX职业学校 710201 计算机应用");
    assert_eq!(f.locations.len(), 3);
}

#[test]
fn small_major_without_class_size_is_unchecked_with_plain_reason() {
    let r = run(&["hhht-majors-2022"], &[], SMALL);
    let s = r
        .rules
        .iter()
        .find(|s| s.rule_id == "hhht-majors-2022/small-major-discontinue")
        .unwrap();
    assert_eq!(s.state, RuleState::Unchecked);
    let why = s.reason.as_ref().unwrap();
    assert_eq!(
        why.zh,
        "来源文件未规定班额,须由使用者提供;未提供,本规则未检查"
    );
    assert_eq!(
        why.en,
        "Parameter class_size not given (the source sets none); this rule was not checked"
    );
}

#[test]
fn class_size_must_be_a_whole_number() {
    let ds = Dataset::from_json_str(SMALL).unwrap();
    for bad in ["0", "30.5", "abc"] {
        let opts = Options {
            packs: vec!["hhht-majors-2022".into()],
            params: [(
                "hhht-majors-2022/small-major-discontinue.class_size".to_string(),
                bad.to_string(),
            )]
            .into(),
            ..Default::default()
        };
        assert!(check(&ds, &opts).is_err(), "{bad} accepted");
    }
}

#[test]
fn workplace_share_is_exact_with_remedy() {
    let r = run(
        &["bj-vet10-2020"],
        &[],
        r#"{"training_plans": [{"major": {"code": "460702"}, "year": 2024, "workplace_practice_hours": 1000, "total_hours": 3001}]}"#,
    );
    let f = &r.findings[0];
    assert_eq!(
        f.message().zh,
        "在用人单位的实践学习1000学时、教学计划总学时3001学时,实践学习占比为33.32%,低于三分之一的要求。"
    );
    assert_eq!(f.remedy().unwrap().zh, "还需增加1学时");
    assert_eq!(f.remedy().unwrap().en, "1 more hour at employers needed");
}

#[test]
fn offset_cap_names_the_smaller_limit() {
    let r = run(
        &["bj-vet10-2020"],
        &[],
        r#"{"enterprise_offsets": [{"enterprise": "某公司", "year": 2023, "investment": "1000000", "surcharges_owed": "200000", "offset_claimed": "250000"}]}"#,
    );
    let f = &r.findings[0];
    assert_eq!(
        f.message().zh,
        "2023年,抵免额为250,000.00元,超过上限200,000.00元(投资额1,000,000.00元的30%为300,000.00元、当年应缴教育费附加和地方教育附加200,000.00元,取其小者)。"
    );
    assert_eq!(f.remedy().unwrap().zh, "需减少抵免50,000.00元");
    assert_eq!(f.locations[1].path, "enterprise_offsets[0].surcharges_owed");
}

#[test]
fn pay_share_remedy_is_the_excess() {
    let r = run(
        &["bj-vet-2024"],
        &[],
        r#"{"social_service_income": [{"school": "B1", "year": 2024, "income": "150000", "necessary_costs": "50000", "performance_pay": "75000", "assessment_passed": true}]}"#,
    );
    let f = &r.findings[0];
    assert_eq!(f.remedy().unwrap().zh, "需减少提取5,000.00元");
}

#[test]
fn national_key_school_gets_three() {
    let mk = |key: bool| {
        format!(
            r#"{{"schools": [{{"id": "S1", "name": "甲校", "level": "secondary", "national_key": {key}}}],
            "new_major_filings": [
              {{"school": "S1", "school_year": "2023-2024", "major": {{"code": "710201"}}}},
              {{"school": "S1", "school_year": "2023-2024", "major": {{"code": "730801"}}}},
              {{"school": "S1", "school_year": "2023-2024", "major": {{"code": "720201"}}}}]}}"#
        )
    };
    let id = "hhht-majors-2022/new-majors-per-year";
    let key = run(&["hhht-majors-2022"], &[], &mk(true));
    assert!(key.findings.iter().all(|f| f.rule_id() != id));
    let other = run(&["hhht-majors-2022"], &[], &mk(false));
    let f = other.findings.iter().find(|f| f.rule_id() == id).unwrap();
    assert_eq!(f.remedy().unwrap().zh, "需减少1个新设专业");
}

/// The 70% ceiling is for schools 经考核合格: with no assessment result the rule is unchecked and
/// says which field it needs, never passed or failed.
#[test]
fn pay_share_without_an_assessment_result_is_unchecked() {
    let ds = xianjie::Dataset::from_json_str(
        r#"{"social_service_income": [{"school": "B1", "year": 2024, "income": "150000", "necessary_costs": "50000", "performance_pay": "75000"}]}"#,
    )
    .unwrap();
    let opts = xianjie::Options {
        packs: vec!["bj-vet-2024".into()],
        ..Default::default()
    };
    let r = xianjie::check(&ds, &opts).unwrap();
    assert!(r.findings.is_empty());
    let s = r
        .rules
        .iter()
        .find(|s| s.rule_id == "bj-vet-2024/social-service-pay-share")
        .unwrap();
    assert_eq!(s.state, xianjie::report::RuleState::Unchecked);
    let reason = s.reason.as_ref().unwrap();
    assert!(reason.zh.contains("考核合格"), "{}", reason.zh);
}

/// Only the chains the plan names count: 其他 and a tag outside the list are reported and never
/// become chains of their own; 无 says none and is not reported.
#[test]
fn only_the_plans_chains_count() {
    let ds = xianjie::Dataset::from_json_str(
        r#"{"reporting_year": 2025, "major_offerings": [
            {"school": "S1", "year": 2025, "major": {"code": "710201"}, "intake": 40, "chain": "其他"},
            {"school": "S1", "year": 2025, "major": {"code": "730801"}, "intake": 40, "chain": "无"},
            {"school": "S2", "year": 2025, "major": {"code": "720201"}, "intake": 40, "chain": "新能源"}]}"#,
    )
    .unwrap();
    let opts = xianjie::Options {
        packs: vec!["hhht-majors-2022".into()],
        ..Default::default()
    };
    let r = xianjie::check(&ds, &opts).unwrap();
    let groups: Vec<&str> = r
        .targets
        .iter()
        .filter(|t| t.rule_id == "hhht-majors-2022/chain-coverage")
        .filter_map(|t| t.group.as_deref())
        .collect();
    assert_eq!(groups.len(), 6, "{groups:?}");
    assert!(!groups.contains(&"其他") && !groups.contains(&"无"));
    let tagged: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule_id() == "hhht-majors-2022/key-industry-share")
        .map(|f| f.path())
        .collect();
    assert_eq!(tagged, ["major_offerings[0].chain"]);
    let f = &r
        .findings
        .iter()
        .find(|f| f.path() == "major_offerings[0].chain")
        .unwrap();
    assert!(f.message().zh.contains("其他"), "{}", f.message().zh);
    assert!(
        f.message().zh.contains("优势特色产业"),
        "{}",
        f.message().zh
    );
}
