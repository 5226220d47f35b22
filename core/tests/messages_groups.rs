#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Messages of the group and relation kinds (group_count, ranking, exclusion, overlap, role,
//! same_as, implies, any_of): the exact Chinese and English text of every detail variant, on the
//! shared vectors' inputs and on small packs of their own.

use serde_json::{json, Value};
use std::path::Path;
use xianjie::finding::{Finding, FindingCode};
use xianjie::report::{Report, RuleState};
use xianjie::{check, Dataset, Options, Pack};

/// A vector's input and packs (tests/vectors/…), with `edit` applied to the input.
fn vector(path: &str, edit: impl FnOnce(&mut Value)) -> Report {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(path);
    let text = std::fs::read_to_string(&file).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let mut input = v["input"].clone();
    edit(&mut input);
    let packs = v["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    let ds = Dataset::from_json_str(&input.to_string()).unwrap();
    check(
        &ds,
        &Options {
            packs,
            ..Default::default()
        },
    )
    .unwrap()
}

/// A pack of one rule (checks and wording given) run over `input`.
fn own(checks: &str, wording: &str, input: Value) -> Report {
    let text = format!(
        r#"
id = "demo-2024"
version = "1"
title_zh = "示例"
title_en = "Demo"
[source]
document = "示例〔2024〕1号"
title = "示例通知"
issuer = "示例"
date = "2020-01-01"
[[rules]]
id = "demo-2024/rule"
title_zh = "示例规则"
title_en = "Demo rule"
clause = "一"
quote = "示例"
severity = "error"
{wording}
{checks}
"#
    );
    let pack = Pack::from_toml_str(&text, "demo.toml").unwrap();
    let ds = Dataset::from_json_str(&input.to_string()).unwrap();
    check(
        &ds,
        &Options {
            extra_packs: vec![pack],
            ..Default::default()
        },
    )
    .unwrap()
}

fn findings<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule_id() == rule).collect()
}

fn one<'a>(r: &'a Report, rule: &str) -> &'a Finding {
    let fs = findings(r, rule);
    assert_eq!(fs.len(), 1, "{rule}: {fs:#?}");
    fs[0]
}

/// Message and remedy, each `zh | en`, for comparing in one assertion.
fn words(f: &Finding) -> [String; 4] {
    let m = f.message();
    let r = f.remedy().unwrap_or_default();
    [m.zh, m.en, r.zh, r.en]
}

/// Chinese text with no ASCII letters other than ids and codes the data itself gives.
fn no_identifiers(zh: &str, allowed: &[&str]) {
    let mut rest = zh.to_string();
    for a in allowed {
        rest = rest.replace(a, "");
    }
    assert!(
        !rest.chars().any(|c| c.is_ascii_alphabetic()),
        "ASCII letters in Chinese text: {zh}"
    );
}

fn schools() -> Value {
    json!([
        {"id": "S1", "name": "北京市示例职业学校", "level": "secondary"},
        {"id": "S2", "name": "北京市第二示例职业学校", "level": "technician"},
        {"id": "H1", "name": "北京示例职业学院", "level": "higher", "independent": true},
        {"id": "H2", "name": "北京示例大学职业技术学院", "level": "higher", "independent": false},
        {"id": "H3", "name": "北京新设职业学院", "level": "higher"}
    ])
}

/// Four applications of `school` in 2024 (ranked 1..4), for group counts.
fn applications(school: &str, n: usize) -> Value {
    let apps: Vec<Value> = (0..n)
        .map(|i| {
            json!({"id": format!("A{i}"), "year": 2024, "secondary_school": school, "higher_school": "H1",
                   "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"}, "rank": i + 1})
        })
        .collect();
    Value::Array(apps)
}

// ---- group_count ----

#[test]
fn group_count_over_a_fixed_maximum() {
    let r = vector("bj-3p2-2024/new-projects-per-school-fail.json", |v| {
        v["schools"] = schools()
    });
    let f = one(&r, "bj-3p2-2024/new-projects-per-school");
    assert_eq!(f.code, FindingCode::TooMany);
    assert_eq!(
        words(f),
        [
            "北京市示例职业学校申报新增衔接办学项目为4个,超过每所学校3个的上限。",
            "北京市示例职业学校: 4 new project applications, above the maximum of 3 per school.",
            "需撤回1个申报",
            "Withdraw 1 application",
        ]
    );
    assert_eq!(f.subject.zh, "北京市示例职业学校(S1,2024)");
    assert_eq!(f.explanation().computed.as_deref(), Some("count = 4"));
    assert_eq!(f.explanation().threshold.as_deref(), Some("maximum = 3"));
}

#[test]
fn group_count_of_an_unknown_school_keeps_the_count_apart_from_its_id() {
    let r = vector("bj-3p2-2024/new-projects-per-school-fail.json", |_| {});
    let f = one(&r, "bj-3p2-2024/new-projects-per-school");
    assert_eq!(
        f.message().zh,
        "S1 2024:申报新增衔接办学项目为4个,超过每所学校3个的上限。"
    );
}

#[test]
fn group_count_bound_chosen_by_a_flag_names_the_kind_of_school() {
    let r = vector(
        "hhht-majors-2022/new-majors-per-year-other-fail.json",
        |_| {},
    );
    let f = one(&r, "hhht-majors-2022/new-majors-per-year");
    assert_eq!(
        words(f),
        [
            "呼和浩特市第二职业中等专业学校本学年新设专业为3个,超过非国家级重点中职学校每学年2个的上限。",
            "呼和浩特市第二职业中等专业学校: 3 new majors this school year, above the maximum of 2 per school year (the school is not a national key school).",
            "需减少1个新设专业",
            "1 fewer new major",
        ]
    );
    // The national key school: four filings against its bound of 3.
    let r = vector(
        "hhht-majors-2022/new-majors-per-year-other-fail.json",
        |v| {
            let filings = v["new_major_filings"].as_array_mut().unwrap();
            for f in filings.iter_mut() {
                f["school"] = json!("S1");
            }
            let mut extra = filings[0].clone();
            extra["major"] = json!({"code": "740101", "name": "酒店服务与管理"});
            filings.push(extra);
        },
    );
    let f = one(&r, "hhht-majors-2022/new-majors-per-year");
    assert_eq!(
        words(f),
        [
            "呼和浩特市第一职业中等专业学校本学年新设专业为4个,超过国家级重点中职学校每学年3个的上限。",
            "呼和浩特市第一职业中等专业学校: 4 new majors this school year, above the maximum of 3 per school year (the school is a national key school).",
            "需减少1个新设专业",
            "1 fewer new major",
        ]
    );
    assert!(f.inputs.iter().any(|p| p == ("national_key", "true")));
}

#[test]
fn group_count_under_a_minimum_with_the_catalogues_own_words() {
    let checks = r#"
[[rules.checks]]
kind = "group_count"
entity = "applications"
group_by = ["secondary_school", "year"]
school_field = "secondary_school"
min = "2"
"#;
    let input = json!({"schools": schools(), "applications": applications("S1", 1)});
    let r = own(checks, "", input);
    let f = one(&r, "demo-2024/rule");
    assert_eq!(f.code, FindingCode::TooFew);
    assert_eq!(
        words(f),
        [
            "北京市示例职业学校记录数为1,少于至少2的要求。",
            "北京市示例职业学校: records: 1, below the minimum of 2.",
            "还需增加1",
            "1 more needed",
        ]
    );
    assert_eq!(f.explanation().threshold.as_deref(), Some("minimum = 2"));
}

// ---- ranking ----

#[test]
fn ranking_duplicate_gap_and_missing() {
    let r = vector("bj-3p2-2024/application-ranking-fail-duplicate.json", |v| {
        v["schools"] = schools()
    });
    let f = one(&r, "bj-3p2-2024/application-ranking");
    assert_eq!(
        words(f),
        [
            "北京市示例职业学校3个新申报项目的排序为1、1、2,排序须从1开始连续且不重复(应为1、2、3)。",
            "北京市示例职业学校: applications ranked 1, 1 and 2; ranks must run from 1 to 3, each used once.",
            "请将排序改为1、2、3",
            "Rank them 1, 2 and 3",
        ]
    );
    let r = vector("bj-3p2-2024/application-ranking-fail-gap.json", |_| {});
    let f = one(&r, "bj-3p2-2024/application-ranking");
    assert_eq!(
        words(f),
        [
            "S1 2024:2个新申报项目的排序为1、3,排序须从1开始连续且不重复(应为1、2)。",
            "S1 2024: applications ranked 1 and 3; ranks must run from 1 to 2, each used once.",
            "请将排序改为1、2",
            "Rank them 1 and 2",
        ]
    );
    let r = vector("bj-3p2-2024/application-ranking-fail-missing.json", |v| {
        v["schools"] = schools()
    });
    let f = one(&r, "bj-3p2-2024/application-ranking");
    assert_eq!(
        words(f)[..2],
        [
            "北京市示例职业学校2个新申报项目的排序为1(另有1个未填写排序),排序须从1开始连续且不重复(应为1、2)。",
            "北京市示例职业学校: applications ranked 1 (1 without a rank); ranks must run from 1 to 2, each used once.",
        ]
    );
}

#[test]
fn ranking_without_any_rank_and_a_long_run() {
    let checks = r#"
[[rules.checks]]
kind = "ranking"
entity = "applications"
group_by = ["secondary_school", "year"]
school_field = "secondary_school"
field = "rank"
"#;
    let mut apps = applications("S1", 2);
    for a in apps.as_array_mut().unwrap() {
        a.as_object_mut().unwrap().remove("rank");
    }
    let r = own(
        checks,
        "",
        json!({"schools": schools(), "applications": apps}),
    );
    let f = one(&r, "demo-2024/rule");
    assert_eq!(
        words(f),
        [
            "北京市示例职业学校2个记录均未填写排序,排序须从1开始连续且不重复(应为1、2)。",
            "北京市示例职业学校: none of the records has a rank; ranks must run from 1 to 2, each used once.",
            "请将排序改为1、2",
            "Rank them 1 and 2",
        ]
    );
    let mut apps = applications("S1", 12);
    apps[11]["rank"] = json!(11);
    let r = own(
        checks,
        "",
        json!({"schools": schools(), "applications": apps}),
    );
    let f = one(&r, "demo-2024/rule");
    assert_eq!(words(f)[2..], ["请将排序改为1至12", "Rank them 1 to 12"]);
    assert_eq!(f.locations.len(), 2);
}

// ---- exclusion ----

#[test]
fn exclusion_names_the_modes_in_words() {
    let r = vector(
        "bj-3p2-2024/bachelor-track-excludes-five-year-fail.json",
        |v| v["schools"] = schools(),
    );
    let f = one(&r, "bj-3p2-2024/bachelor-track-excludes-five-year");
    assert_eq!(
        words(f),
        [
            "北京示例职业学院 510201 计算机应用技术:同一专业既有高本贯通又有五年一贯制招生(高本贯通:P1;五年一贯制:P3)。",
            "北京示例职业学院 510201 计算机应用技术: one major runs both a higher-to-bachelor and a five-year programme (higher-to-bachelor programme: P1; five-year integrated programme: P3).",
            "高本贯通与五年一贯制只能保留其一",
            "Keep only one: the higher-to-bachelor programme or the five-year integrated programme",
        ]
    );
    no_identifiers(&words(f)[0], &["P1", "P3"]);
}

#[test]
fn exclusion_without_pack_wording() {
    let checks = r#"
[[rules.checks]]
kind = "exclusion"
entity = "projects"
group_by = ["higher_school"]
field = "mode"
values = ["three_plus_two", "five_year"]
"#;
    let input = vector_input("bj-3p2-2024/bachelor-track-excludes-five-year-fail.json");
    let r = own(checks, "", input);
    let f = one(&r, "demo-2024/rule");
    assert_eq!(
        words(f)[..2],
        [
            "H1:办学模式既有“3+2”中高职衔接又有五年一贯制(“3+2”中高职衔接:P2;五年一贯制:P3)。",
            "H1: the mode is both 3+2 articulation and five-year integrated programme (3+2 articulation: P2; five-year integrated programme: P3).",
        ]
    );
}

// ---- overlap ----

#[test]
fn overlap_in_one_school_and_across_two() {
    let r = vector("qz-pilot-2024/teacher-overlap-fail.json", |_| {});
    let f = one(&r, "qz-pilot-2024/teacher-overlap");
    assert_eq!(
        words(f),
        [
            "周建平(标识id:91c2)同时计入衢州中等专业学校的高职阶段专任教师和中职专任教师。",
            "周建平 (id:91c2) is counted in both the higher-stage full-time staff and the secondary full-time staff of 衢州中等专业学校.",
            "另行配备一名高职阶段专任教师,不与中职专任教师重合",
            "Replace them in the higher-stage full-time staff with someone not also in the secondary full-time staff",
        ]
    );
    let r = vector("qz-pilot-2024/teacher-overlap-fail.json", |v| {
        let t = v["teachers"].as_array_mut().unwrap();
        t[2]["school"] = json!("H1");
        for x in t.iter_mut() {
            x.as_object_mut().unwrap().remove("name");
        }
    });
    let f = one(&r, "qz-pilot-2024/teacher-overlap");
    assert_eq!(
        words(f)[..2],
        [
            "标识为id:91c2的人员同时计入衢州中等专业学校的高职阶段专任教师和衢州职业技术学院的中职专任教师。",
            "The person with id id:91c2 is counted in both the higher-stage full-time staff of 衢州中等专业学校 and the secondary full-time staff of 衢州职业技术学院.",
        ]
    );
}

#[test]
fn overlap_and_any_of_with_no_record_to_check_say_so() {
    let r = vector("qz-pilot-2024/teacher-overlap-fail.json", |v| {
        for x in v["teachers"].as_array_mut().unwrap() {
            x["full_time"] = json!(false);
        }
    });
    let s = r
        .rules
        .iter()
        .find(|s| s.rule_id == "qz-pilot-2024/teacher-overlap")
        .unwrap();
    assert_eq!(s.state, RuleState::Unchecked);
    assert_eq!(s.reason.as_ref().unwrap().zh, "没有适用本规则的教师记录");
}

// ---- role ----

#[test]
fn role_wrong_level_is_not_circular() {
    let r = vector(
        "bj-3p2-2024/applicant-levels-fail-higher-as-secondary.json",
        |_| {},
    );
    let f = one(&r, "bj-3p2-2024/applicant-levels");
    assert_eq!(
        words(f),
        [
            "中职学校一方北京信息职业技术学院是高职学校,须为中职学校或技工学校。",
            "The secondary school 北京信息职业技术学院 is a higher vocational school; this side must be a secondary vocational school or a technician school.",
            "请改填一所中职学校或技工学校",
            "Enter a secondary vocational school or a technician school instead",
        ]
    );
}

#[test]
fn role_flag_not_set_or_not_stated() {
    let r = vector(
        "bj-3p2-2024/applicant-levels-fail-not-independent.json",
        |_| {},
    );
    let f = one(&r, "bj-3p2-2024/applicant-levels");
    assert_eq!(
        words(f),
        [
            "高职学校一方北京京华大学职业技术学院不是独立设置的高职学校。",
            "The higher school 北京京华大学职业技术学院 is not independently established.",
            "请改填一所独立设置的高职学校",
            "Enter an independently established higher vocational school instead",
        ]
    );
    assert_eq!(
        f.explanation().threshold.as_deref(),
        Some("independent = true")
    );
    let r = vector(
        "bj-3p2-2024/applicant-levels-fail-independence-unstated.json",
        |_| {},
    );
    let f = one(&r, "bj-3p2-2024/applicant-levels");
    assert_eq!(
        words(f),
        [
            "高职学校一方北京电子科技职业学院未注明是否独立设置。",
            "The higher school 北京电子科技职业学院 does not state whether it is independently established.",
            "请在学校信息中注明北京电子科技职业学院是否独立设置;如不是,请改填一所独立设置的高职学校",
            "State in the school data whether 北京电子科技职业学院 is independently established; if it is not, enter an independently established higher vocational school instead",
        ]
    );
}

// ---- same_as ----

#[test]
fn same_as_mismatch_and_missing() {
    let r = vector("bj-3p2-2024/status-filer-fail.json", |v| {
        v["schools"] = schools()
    });
    let f = one(&r, "bj-3p2-2024/status-filer");
    assert_eq!(f.code, FindingCode::Mismatch);
    assert_eq!(
        words(f),
        [
            "填报学校为北京示例职业学院,应为项目的中职学校北京市示例职业学校。",
            "The filing school is 北京示例职业学院; it should be the project's secondary school, 北京市示例职业学校.",
            "请将填报学校改为北京市示例职业学校",
            "Change the filing school to 北京市示例职业学校",
        ]
    );
    let r = vector("bj-3p2-2024/status-filer-fail-missing.json", |v| {
        v["schools"] = schools()
    });
    let f = one(&r, "bj-3p2-2024/status-filer");
    assert_eq!(f.code, FindingCode::Missing);
    assert_eq!(
        words(f),
        [
            "未填写填报学校,应为项目的中职学校北京市示例职业学校。",
            "The filing school is not given; it should be the project's secondary school, 北京市示例职业学校.",
            "请填写填报学校:北京市示例职业学校",
            "Enter 北京市示例职业学校 as the filing school",
        ]
    );
}

// ---- implies ----

#[test]
fn implies_no_and_not_given() {
    let rule = "hhht-majors-2022/filing-conditions";
    let r = vector("hhht-majors-2022/filing-conditions-fail.json", |_| {});
    let f = findings(&r, rule)
        .into_iter()
        .find(|f| f.code == FindingCode::Excluded)
        .unwrap();
    assert_eq!(
        words(f),
        [
            "2023-2024学年,予以备案为“是”,但达到规定设置条件为“否”,不符合要求。",
            "In school year 2023-2024, filed is “yes” but set-up conditions met is “no”; the rule is not met.",
            "达到规定设置条件后方可备案",
            "File only once the set-up conditions are met",
        ]
    );
    let r = vector("hhht-majors-2022/filing-conditions-fail.json", |v| {
        v["new_major_filings"][0]
            .as_object_mut()
            .unwrap()
            .remove("conditions_met");
    });
    let f = findings(&r, rule)
        .into_iter()
        .find(|f| f.code == FindingCode::Excluded)
        .unwrap();
    assert_eq!(
        words(f)[..2],
        [
            "2023-2024学年,予以备案为“是”,但未填写达到规定设置条件。",
            "In school year 2023-2024, filed is “yes” but set-up conditions met is not given.",
        ]
    );
}

#[test]
fn implies_without_pack_remedy() {
    let checks = r#"
[[rules.checks]]
kind = "implies"
entity = "new_major_filings"
if_true = "filed"
then_true = "conditions_met"
"#;
    let r = own(
        checks,
        "",
        vector_input("hhht-majors-2022/filing-conditions-fail.json"),
    );
    let f = one(&r, "demo-2024/rule");
    assert_eq!(
        words(f)[2..],
        [
            "达到规定设置条件后方可予以备案",
            "Filed requires set-up conditions met to be “yes”",
        ]
    );
}

// ---- any_of ----

#[test]
fn any_of_one_of_two_and_all_of_three() {
    let r = vector("qz-pilot-2024/graduation-certificate-fail.json", |_| {});
    let f = one(&r, "qz-pilot-2024/graduation-certificate");
    assert_eq!(
        words(f),
        [
            "完成学业时未取得高级工技能等级证书或中级以上X证书中的任何一项。",
            "At graduation: neither a senior-worker skill certificate nor an X certificate at intermediate level or above is held.",
            "须取得高级工技能等级证书或至少1种中级以上X证书",
            "A senior-worker certificate or an intermediate (or higher) X certificate is needed",
        ]
    );
    let r = vector("qz-pilot-2024/tripartite-agreement-fail.json", |v| {
        v["students"][1]["agreement"]["higher_school"] = json!(false);
    });
    let f = findings(&r, "qz-pilot-2024/tripartite-agreement")
        .into_iter()
        .find(|f| f.path() == "students[1].agreement")
        .unwrap();
    assert_eq!(
        words(f),
        [
            "缺少三方协议高职院校签字、三方协议学生(家长)签字。",
            "The higher school's signature on the agreement and the student's or guardian's signature on the agreement are missing.",
            "补齐三方协议高职院校签字、三方协议学生(家长)签字",
            "Add the higher school's signature on the agreement and the student's or guardian's signature on the agreement",
        ]
    );
}

#[test]
fn any_of_two_of_three() {
    let checks = r#"
[[rules.checks]]
kind = "any_of"
entity = "students"
fields = ["agreement.higher_school", "agreement.secondary_school", "agreement.student_or_guardian"]
min = 2
locate = "agreement"
"#;
    let mut input = vector_input("qz-pilot-2024/tripartite-agreement-fail.json");
    input["students"][1]["agreement"]["higher_school"] = json!(false);
    input["students"][0]["agreement"]["higher_school"] = json!(false);
    let r = own(checks, "", input);
    let fs = findings(&r, "demo-2024/rule");
    // Student 2 has only the secondary school's signature; student 3 has no agreement at all.
    assert_eq!(fs.len(), 2, "{fs:#?}");
    assert_eq!(
        words(fs[0]),
        [
            "具备1项,少于至少2项的要求;缺少三方协议高职院校签字、三方协议学生(家长)签字。",
            "1 of 3 held, at least 2 required; missing: the higher school's signature on the agreement and the student's or guardian's signature on the agreement.",
            "还需具备1项:三方协议高职院校签字或三方协议学生(家长)签字",
            "1 more needed from: the higher school's signature on the agreement or the student's or guardian's signature on the agreement",
        ]
    );
    assert_eq!(
        fs[0].explanation().threshold.as_deref(),
        Some("at least 2 of 3")
    );
}

/// Every Chinese message and remedy of these kinds on the bundled samples is free of ASCII
/// identifiers (ids, codes and the X of X证书 aside).
#[test]
fn bundled_samples_read_in_chinese() {
    let kinds = [
        "applicant-levels",
        "new-projects-per-school",
        "application-ranking",
        "status-filer",
        "bachelor-track-excludes-five-year",
        "teacher-overlap",
        "graduation-certificate",
        "tripartite-agreement",
        "new-majors-per-year",
        "filing-conditions",
    ];
    let mut seen = 0;
    for name in xianjie::sample::names() {
        let ds = xianjie::sample::load(name).unwrap();
        let r = check(&ds, &Options::default()).unwrap();
        for f in &r.findings {
            // The tripartite rule's date is another kind's (within_period).
            if !kinds.iter().any(|k| f.rule_id().ends_with(k)) {
                continue;
            }
            seen += 1;
            let [mz, _, rz, _] = words(f);
            for text in [mz, rz] {
                // Ids (P0366, S43), codes and years are data; strip runs of letters+digits.
                let stripped: String = text
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.chars().any(|c| c.is_ascii_digit()) && *w != "X")
                    .collect();
                assert!(
                    !stripped.chars().any(|c| c.is_ascii_alphabetic()),
                    "{}: {text}",
                    f.rule_id()
                );
            }
        }
    }
    assert!(
        seen >= 8,
        "only {seen} findings of these kinds in the samples"
    );
}

/// A vector's input, as is.
fn vector_input(path: &str) -> Value {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(path);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    v["input"].clone()
}
