#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The words of the presence-and-time kinds (required, completeness, deadline, within_period,
//! consecutive_years, equals), exactly, in both languages: one test per detail and reason.

use std::collections::BTreeMap;
use xianjie::finding::FindingCode;
use xianjie::report::RuleState;
use xianjie::{check, Dataset, Finding, Options, Pack, Report};

fn run_with(packs: &[&str], extra: Vec<Pack>, params: &[(&str, &str)], json: &str) -> Report {
    let ds = Dataset::from_json_str(json).unwrap();
    let opts = Options {
        packs: packs.iter().map(|s| s.to_string()).collect(),
        extra_packs: extra,
        params: params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        ..Default::default()
    };
    check(&ds, &opts).unwrap()
}

fn run(pack: &str, json: &str) -> Report {
    run_with(&[pack], Vec::new(), &[], json)
}

/// The one finding of `rule` at `path`.
fn at<'r>(r: &'r Report, rule: &str, path: &str) -> &'r Finding {
    let fs: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.rule_id() == rule && f.path() == path)
        .collect();
    assert_eq!(fs.len(), 1, "{rule} at {path}: {:#?}", r.findings);
    fs[0]
}

/// Asserts the message and the remedy, Chinese and English.
fn reads(f: &Finding, zh: &str, en: &str, remedy: Option<(&str, &str)>) {
    let m = f.message();
    assert_eq!(m.zh, zh);
    assert_eq!(m.en, en);
    let r = f.remedy();
    assert_eq!(
        r.as_ref().map(|t| (t.zh.as_str(), t.en.as_str())),
        remedy,
        "remedy of {}",
        m.zh
    );
}

/// The reason a rule was not checked.
fn reason(r: &Report, rule: &str) -> (String, String) {
    let s = r.rules.iter().find(|s| s.rule_id == rule).unwrap();
    assert_eq!(s.state, RuleState::Unchecked, "{rule}");
    let t = s.reason.clone().unwrap();
    (t.zh, t.en)
}

const SCHOOLS: &str = r#"{"reporting_year": 2024, "schools": [
 {"id": "H01", "name": "北京甲职业学院", "level": "higher",
  "governance": {"leading_group": {"head": "谢杰", "head_role": "vice_principal"}, "responsible_office": "继续教育学院",
   "contact": {"name": "邓平", "reported_at": "2024-02-01T10:05:00+08:00"}}},
 {"id": "S01", "name": "北京乙中等职业学校", "level": "secondary",
  "governance": {"leading_group": {"head": "王芳", "head_role": "校长"}, "responsible_office": "教务处",
   "contact": {"name": "李雷"}}},
 {"id": "S02", "name": "北京丙中等职业学校", "level": "secondary",
  "governance": {"leading_group": {"head": "赵强", "head_role": "书记"}, "contact": {"reported_at": "2024-01-31T17:00:00+08:00"}}}],
 "quality_monitoring": [
 {"school": "H01", "year": 2023, "completed_at": "2024-01-05T10:30:00+08:00"},
 {"school": "S01", "year": 2023}]}"#;

#[test]
fn a_role_not_allowed_reads_by_its_labels() {
    let r = run("bj-3p2-2024", SCHOOLS);
    let f = at(
        &r,
        "bj-3p2-2024/leading-group",
        "schools[0].governance.leading_group.head_role",
    );
    assert_eq!(f.code, FindingCode::NotAllowed);
    reads(
        f,
        "领导小组组长职务为副校长,应为校长或党委书记。",
        "The role of the leading group's head is vice principal; it must be principal or party secretary.",
        Some((
            "请将领导小组组长职务改为校长或党委书记",
            "Change the role of the leading group's head to principal or party secretary",
        )),
    );
    // 校长 and 书记, as a form carries them, are the allowed roles.
    assert!(!r
        .findings
        .iter()
        .any(|f| f.rule_id() == "bj-3p2-2024/leading-group"
            && f.path().ends_with("head_role")
            && f.path() != "schools[0].governance.leading_group.head_role"));
}

#[test]
fn a_missing_field_is_to_be_filled_in() {
    let r = run("bj-3p2-2024", SCHOOLS);
    let f = at(
        &r,
        "bj-3p2-2024/leading-group",
        "schools[2].governance.responsible_office",
    );
    assert_eq!(f.code, FindingCode::Missing);
    reads(
        f,
        "未填写负责机构。",
        "The responsible office is not given.",
        Some(("请填写负责机构", "Fill in the responsible office")),
    );
}

#[test]
fn late_and_missing_against_a_fixed_deadline() {
    let r = run("bj-3p2-2024", SCHOOLS);
    let f = at(
        &r,
        "bj-3p2-2024/contact-deadline",
        "schools[0].governance.contact.reported_at",
    );
    assert_eq!(f.code, FindingCode::Late);
    reads(
        f,
        "联系人信息反馈于北京时间2024年2月1日10时5分,晚于截止时间2024年1月31日17时。",
        "Contact reported at 2024-02-01 10:05, after the deadline of 2024-01-31 17:00 (Beijing time).",
        None,
    );
    assert_eq!(f.explanation().computed.as_deref(), Some("late by 61500 s"));
    assert_eq!(
        f.explanation().threshold.as_deref(),
        Some("deadline = 2024-01-31T17:00:00+08:00")
    );
    let f = at(
        &r,
        "bj-3p2-2024/contact-deadline",
        "schools[1].governance.contact.reported_at",
    );
    assert_eq!(f.code, FindingCode::Missing);
    reads(
        f,
        "未填写联系人信息反馈时间,无法确认是否已在北京时间2024年1月31日17时前完成。",
        "The contact report time is not given, so it cannot be confirmed that the deadline of 2024-01-31 17:00 (Beijing time) was met.",
        Some(("请填写联系人信息反馈时间", "Fill in the contact report time")),
    );
    // Exactly on time is on time.
    assert!(!r
        .findings
        .iter()
        .any(|f| f.path() == "schools[2].governance.contact.reported_at"));
}

#[test]
fn a_year_end_deadline_is_24_oclock_and_an_absent_record_names_its_year() {
    let r = run("bj-3p2-2024", SCHOOLS);
    let f = at(
        &r,
        "bj-3p2-2024/annual-quality-monitoring",
        "quality_monitoring[0].completed_at",
    );
    reads(
        f,
        "质量监测和总结完成于北京时间2024年1月5日10时30分,晚于截止时间2023年12月31日24时。",
        "Monitoring completed at 2024-01-05 10:30, after the deadline of 2023-12-31 24:00 (Beijing time).",
        None,
    );
    let f = at(
        &r,
        "bj-3p2-2024/annual-quality-monitoring",
        "quality_monitoring[1].completed_at",
    );
    reads(
        f,
        "未填写完成时间,无法确认是否已在北京时间2023年12月31日24时前完成。",
        "The completion time is not given, so it cannot be confirmed that the deadline of 2023-12-31 24:00 (Beijing time) was met.",
        Some(("请填写完成时间", "Fill in the completion time")),
    );
    let f = at(&r, "bj-3p2-2024/annual-quality-monitoring", "schools[2]");
    assert_eq!(f.code, FindingCode::Absent);
    reads(
        f,
        "北京丙中等职业学校缺少2023年度的质量监测记录。",
        "北京丙中等职业学校 has no 2023 record in quality monitoring.",
        Some((
            "请补报2023年度的质量监测",
            "File the 2023 record in quality monitoring",
        )),
    );
}

const APPLICATIONS: &str = r#"{"reporting_year": 2024,
 "schools": [{"id": "S01", "name": "北京乙中等职业学校", "level": "secondary"}, {"id": "H01", "name": "北京甲职业学院", "level": "higher"}],
 "applications": [
  {"id": "A1", "year": 2024, "secondary_school": "S01", "higher_school": "H01", "rank": 1,
   "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"},
   "attachments": {"training_plan": "方案.docx", "demand_research": "调研.pdf"}},
  {"id": "A2", "year": 2024, "secondary_school": "S01", "higher_school": "H01", "rank": 2,
   "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"},
   "attachments": {"sealed_form_pdf": "申报书盖章页扫描件.jpg", "training_plan": "方案.docx", "demand_research": "  "}}]}"#;

#[test]
fn attachments_are_uploaded_not_filled_in() {
    let r = run("bj-3p2-2024", APPLICATIONS);
    let rule = "bj-3p2-2024/application-attachments";
    let f = at(&r, rule, "applications[0].attachments.sealed_form_pdf");
    assert_eq!(f.code, FindingCode::Missing);
    reads(
        f,
        "未上传盖章申报书PDF。",
        "The sealed application form (PDF) is not uploaded.",
        Some((
            "请上传盖章申报书PDF",
            "Upload the sealed application form (PDF)",
        )),
    );
    // Required work, not a listed upload: a warning that says why.
    let f = at(&r, rule, "applications[1].attachments.demand_research");
    assert_eq!(f.severity, xianjie::finding::Severity::Warning);
    reads(
        f,
        "未上传需求调研报告。该项工作须开展,但通知未将其列为须上传的材料,故仅作提示。",
        "The demand research is not uploaded. The work is required, but the notice does not list it among the uploads, so this is a warning only.",
        Some((
            "建议上传需求调研报告,以证明已开展该项工作",
            "Consider uploading the demand research to show the work was done",
        )),
    );
    assert_eq!(
        at(&r, rule, "applications[0].attachments.sealed_form_pdf").severity,
        xianjie::finding::Severity::Error
    );
    let f = at(&r, rule, "applications[1].attachments.sealed_form_pdf");
    assert_eq!(f.code, FindingCode::WrongFormat);
    reads(
        f,
        "盖章申报书PDF应为.pdf文件,上传的是“申报书盖章页扫描件.jpg”。",
        "The sealed application form (PDF) should be a .pdf file; the file given is “申报书盖章页扫描件.jpg”.",
        Some((
            "请上传.pdf格式的盖章申报书PDF",
            "Upload the sealed application form (PDF) as a .pdf file",
        )),
    );
}

const REPORTS: &str = r#"{"reporting_year": 2024,
 "projects": [
  {"id": "P1", "mode": "three_plus_two", "secondary_school": "S01", "higher_school": "H01", "standing": "newly_approved",
   "secondary_major": {"code": "710201", "name": "计算机应用"}, "higher_major": {"code": "510201", "name": "计算机应用技术"}},
  {"id": "P2", "mode": "three_plus_two", "secondary_school": "S01", "higher_school": "H01", "standing": "newly_approved",
   "secondary_major": {"code": "710201", "name": "计算机应用"}, "higher_major": {"code": "510201", "name": "计算机应用技术"}}],
 "status_reports": [{"project": "P1", "reporting_year": 2024, "enrollment": 40, "transferred": 30,
  "mechanisms": {"school_enterprise": "无", "school_school": "已签协议", "teacher_exchange": "高职学校每学期派出教师授课并开展教研",
   "resource_sharing": "共建共享教学资源库与实训基地", "quality_monitoring": "引入第三方开展年度质量评估"}}]}"#;

#[test]
fn placeholders_and_short_texts_ask_for_substance() {
    let r = run("bj-3p2-2024", REPORTS);
    let rule = "bj-3p2-2024/status-mechanisms";
    let f = at(&r, rule, "status_reports[0].mechanisms.school_enterprise");
    assert_eq!(f.code, FindingCode::Placeholder);
    reads(
        f,
        "校企合作机制仅填写了“无”,未作实质说明。",
        "The school–enterprise cooperation says only “无”, which describes nothing.",
        Some((
            "请具体说明校企合作机制",
            "Describe the school–enterprise cooperation in substance",
        )),
    );
    let f = at(&r, rule, "status_reports[0].mechanisms.school_school");
    assert_eq!(f.code, FindingCode::Placeholder);
    reads(
        f,
        "校校合作机制仅4字,过于简略(至少10字)。",
        "The school–school cooperation has only 4 characters; at least 10 are needed.",
        Some((
            "请具体说明校校合作机制,至少10字",
            "Describe the school–school cooperation in at least 10 characters",
        )),
    );
    assert_eq!(f.explanation().threshold.as_deref(), Some("min_chars = 10"));
}

#[test]
fn a_project_without_its_status_report() {
    let r = run("bj-3p2-2024", REPORTS);
    let f = at(&r, "bj-3p2-2024/status-report-required", "projects[1]");
    assert_eq!(f.code, FindingCode::Absent);
    assert!(
        f.message()
            .zh
            .ends_with("缺少2024年度的人才培养状态数据记录。"),
        "{}",
        f.message().zh
    );
    assert!(
        f.message()
            .en
            .ends_with(" has no 2024 record in status reports."),
        "{}",
        f.message().en
    );
    assert_eq!(
        f.remedy().map(|t| t.zh),
        Some("请补报2024年度的人才培养状态数据".to_string())
    );
}

#[test]
fn completeness_reasons() {
    let r = run("bj-3p2-2024", REPORTS);
    // Five-year projects report from the end-2024 campaign on, the one of reporting year 2025.
    assert_eq!(
        reason(&r, "bj-3p2-2024/five-year-reporting-from-2024"),
        (
            "本规则自2025年度起适用,数据为2024年度".to_string(),
            "This rule applies from reporting year 2025 on; the data is for 2024".to_string()
        )
    );
    let none = REPORTS.replace(
        r#""reporting_year": 2024,
 "projects""#,
        r#""projects""#,
    );
    let r = run("bj-3p2-2024", &none);
    assert_eq!(
        reason(&r, "bj-3p2-2024/status-report-required"),
        (
            "数据未给出填报年度".to_string(),
            "The data gives no reporting year".to_string()
        )
    );
}

const STUDENTS: &str = r#"{"reporting_year": 2024,
 "students": [
  {"id": "X1", "school": "QZ-S01", "entry_year": 2024, "term_start": "2024-09-01",
   "agreement": {"signed_on": "2024-10-09", "higher_school": true, "secondary_school": true, "student_or_guardian": true}},
  {"id": "X2", "school": "QZ-S01", "entry_year": 2024, "term_start": "2024-09-01"},
  {"id": "X3", "school": "QZ-S01", "entry_year": 2024, "term_start": "2024-08-31",
   "agreement": {"signed_on": "2024-09-30", "higher_school": true, "secondary_school": true, "student_or_guardian": true}}],
 "programme_plans": [
  {"school": "QZ-S01", "major": {"code": "660105"}, "entry_year": 2024, "secondary_years": 2, "higher_years": 2},
  {"school": "QZ-S01", "major": {"code": "660105"}, "entry_year": 2024, "higher_years": 2}]}"#;

#[test]
fn a_date_within_a_month_of_another() {
    let r = run("qz-pilot-2024", STUDENTS);
    let rule = "qz-pilot-2024/tripartite-agreement";
    let f = at(&r, rule, "students[0].agreement.signed_on");
    assert_eq!(f.code, FindingCode::Late);
    // 1 October 2024 is in the National Day holiday (1–7 October): the last day moves to the
    // 8th (民法典 第二百零三条), so the 9th is late.
    reads(
        f,
        "三方协议签订日期为2024年10月9日,晚于期限2024年10月8日(开学日期2024年9月1日后1个月;2024年10月1日为法定休假日,依民法典第二百零三条顺延至休假日结束的次日)。",
        "The signing date of the tripartite agreement is 2024-10-09, after the deadline of 2024-10-08 (1 month after the term start of 2024-09-01; 2024-10-01 is a rest day, so the last day moves to the day after the rest days (Civil Code art. 203)).",
        Some((
            "请核实三方协议签订日期;期限为2024年10月8日",
            "Check the signing date of the tripartite agreement; the deadline was 2024-10-08",
        )),
    );
    assert_eq!(
        f.explanation().computed.as_deref(),
        Some("2024-09-01 + P1M = 2024-10-01 → 2024-10-08 (next working day)")
    );
    let f = at(&r, rule, "students[1].agreement.signed_on");
    assert_eq!(f.code, FindingCode::Missing);
    reads(
        f,
        "未填写三方协议签订日期;期限为2024年10月8日(开学日期2024年9月1日后1个月;2024年10月1日为法定休假日,依民法典第二百零三条顺延至休假日结束的次日)。",
        "The signing date of the tripartite agreement is not given; it is due by 2024-10-08 (1 month after the term start of 2024-09-01; 2024-10-01 is a rest day, so the last day moves to the day after the rest days (Civil Code art. 203)).",
        Some((
            "请填写三方协议签订日期(期限为2024年10月8日)",
            "Fill in the signing date of the tripartite agreement (due by 2024-10-08)",
        )),
    );
    // 31 August + one month = 30 September (a Monday, worked): on time.
    assert!(!r
        .findings
        .iter()
        .any(|f| f.path().starts_with("students[2]")));
}

#[test]
fn a_required_value_given_otherwise_or_not_at_all() {
    let r = run("qz-pilot-2024", STUDENTS);
    let rule = "qz-pilot-2024/stage-split";
    let f = at(&r, rule, "programme_plans[0].secondary_years");
    assert_eq!(f.code, FindingCode::Mismatch);
    reads(
        f,
        "中职阶段学制为2年,应为3年。",
        "The length of the secondary stage is 2 years; it must be 3 years.",
        Some((
            "请将中职阶段学制改为3年",
            "Change the length of the secondary stage to 3 years",
        )),
    );
    let f = at(&r, rule, "programme_plans[1].secondary_years");
    assert_eq!(f.code, FindingCode::Missing);
    reads(
        f,
        "未填写中职阶段学制,应为3年。",
        "The length of the secondary stage is not given; it must be 3 years.",
        Some((
            "请填写中职阶段学制,应为3年",
            "Fill in the length of the secondary stage: 3 years",
        )),
    );
    assert_eq!(
        f.explanation().threshold.as_deref(),
        Some("secondary_years = 3")
    );
    let r = run("qz-pilot-2024", r#"{"reporting_year": 2024}"#);
    assert_eq!(
        reason(&r, "qz-pilot-2024/tripartite-agreement"),
        (
            "数据中没有学生记录".to_string(),
            "The data has no records in students".to_string()
        )
    );
}

const INTAKE: &str = r#"{"reporting_year": 2023,
 "schools": [{"id": "S1", "name": "呼和浩特市XX职业学校", "level": "secondary"}],
 "major_offerings": [
  {"school": "S1", "year": 2021, "major": {"code": "710201", "name": "计算机应用"}, "intake": 0},
  {"school": "S1", "year": 2022, "major": {"code": "710201", "name": "计算机应用"}, "intake": 0},
  {"school": "S1", "year": 2023, "major": {"code": "710201", "name": "计算机应用"}, "intake": 0},
  {"school": "S1", "year": 2021, "major": {"code": "730801", "name": "物流服务与管理"}, "intake": 3},
  {"school": "S1", "year": 2022, "major": {"code": "730801", "name": "物流服务与管理"}, "intake": 0},
  {"school": "S1", "year": 2023, "major": {"code": "730801", "name": "物流服务与管理"}, "intake": 5}]}"#;

#[test]
fn no_intake_for_three_years() {
    let r = run_with(
        &["hhht-majors-2022"],
        Vec::new(),
        &[("hhht-majors-2022/small-major-discontinue.class_size", "30")],
        INTAKE,
    );
    let f = at(
        &r,
        "hhht-majors-2022/no-enrollment-reregister",
        "major_offerings[0].intake",
    );
    assert_eq!(f.code, FindingCode::Consecutive);
    reads(
        f,
        "该专业2021、2022、2023年招生分别为0、0、0人,连续3年未招生,须按新设置专业重新备案、重新审批。",
        "Intake in 2021, 2022 and 2023 was 0, 0 and 0: none for 3 consecutive years; the major must be filed and approved again as a new major.",
        Some((
            "按新设置专业重新备案、重新审批后方可招生",
            "File the major again as a new major and obtain approval before enrolling",
        )),
    );
    assert_eq!(
        f.explanation().computed.as_deref(),
        Some("3 consecutive years (2021–2023) with intake ≤ 0")
    );
    // No intake at all is the second clause's case only; a run with some intake is the first's.
    assert!(!r.findings.iter().any(
        |f| f.rule_id() == "hhht-majors-2022/small-major-discontinue"
            && f.path() == "major_offerings[0].intake"
    ));
    let f = at(
        &r,
        "hhht-majors-2022/small-major-discontinue",
        "major_offerings[3].intake",
    );
    // The pack's remedy, its {n} the class size.
    assert_eq!(
        f.remedy().map(|t| (t.zh, t.en)),
        Some((
            "停办该专业;继续开设须年招生达到30人独立成班".to_string(),
            "Discontinue the major; to keep it, an intake of at least 30 forming one class is needed"
                .to_string()
        ))
    );
    assert_eq!(
        f.explanation().threshold.as_deref(),
        Some("intake < class_size = 30 for 3 consecutive years")
    );
}

const DEMO: &str = r#"
id = "demo-2024"
version = "1"
title_zh = "示例"
title_en = "Demo"
[source]
document = "示例〔2024〕1号"
title = "示例通知"
issuer = "示例"
date = "2024-01-01"

[[rules]]
id = "demo-2024/run"
title_zh = "连续年份"
title_en = "A run of years"
clause = "一"
quote = "连续3年"
severity = "error"
[[rules.checks]]
kind = "consecutive_years"
entity = "major_offerings"
group_by = ["school", "major.code"]
year = "year"
field = "intake"
years = 3
condition_zh = "不足{bound}人"
condition_en = "below {bound}"
consequence_zh = "应停办"
consequence_en = "the major is to be discontinued"

[[rules]]
id = "demo-2024/within"
title_zh = "期限"
title_en = "Within a period"
clause = "二"
quote = "开学后1个月3天内"
severity = "error"
[[rules.checks]]
kind = "within_period"
entity = "students"
field = "agreement.signed_on"
base = "term_start"
months = 1
days = 3

[[rules]]
id = "demo-2024/later"
title_zh = "自2025年度起"
title_en = "From 2025 on"
clause = "四"
quote = "自2025年度起"
severity = "error"
[[rules.checks]]
kind = "completeness"
entity = "students"
companion = "status_reports"
companion_key = "project"
companion_year = "reporting_year"
from_reporting_year = 2025

[[rules]]
id = "demo-2024/graduated"
title_zh = "已毕业"
title_en = "Graduated"
clause = "三"
quote = "已毕业"
severity = "error"
[[rules.checks]]
kind = "equals"
entity = "students"
field = "graduated"
value = true
"#;

#[test]
fn spans_flags_and_a_run_without_a_condition() {
    let pack = Pack::from_toml_str(DEMO, "demo.toml").unwrap();
    let json = r#"{"reporting_year": 2024,
     "major_offerings": [{"school": "S1", "year": 2021, "major": {"code": "710201"}, "intake": 1}],
     "students": [{"id": "X1", "school": "S1", "entry_year": 2024, "term_start": "2024-09-01", "graduated": false,
       "agreement": {"signed_on": "2024-10-05"}}]}"#;
    let r = run_with(&[], vec![pack], &[], json);
    assert_eq!(
        reason(&r, "demo-2024/run"),
        (
            "规则未给出连续年份的判断条件(班额或上限),本规则未检查".to_string(),
            "The rule gives no condition for the run of years (a class size or an upper bound), so it was not checked".to_string()
        )
    );
    assert_eq!(
        reason(&r, "demo-2024/later"),
        (
            "本规则自2025年度起适用,数据为2024年度".to_string(),
            "This rule applies from reporting year 2025 on; the data is for 2024".to_string()
        )
    );
    let f = at(&r, "demo-2024/within", "students[0].agreement.signed_on");
    reads(
        f,
        "三方协议签订日期为2024年10月5日,晚于期限2024年10月4日(开学日期2024年9月1日后1个月3天)。",
        "The signing date of the tripartite agreement is 2024-10-05, after the deadline of 2024-10-04 (1 month and 3 days after the term start of 2024-09-01).",
        Some((
            "请核实三方协议签订日期;期限为2024年10月4日",
            "Check the signing date of the tripartite agreement; the deadline was 2024-10-04",
        )),
    );
    let f = at(&r, "demo-2024/graduated", "students[0].graduated");
    reads(
        f,
        "已完成学业为否,应为是。",
        "Graduated: no; it must be yes.",
        Some(("请将已完成学业改为是", "Set graduated to yes")),
    );
}

/// The converted kinds write no words: no Chinese string literal, nothing transitional.
#[test]
fn the_presence_kinds_write_no_words() {
    let files = [
        ("required.rs", include_str!("../src/checks/required.rs")),
        (
            "completeness.rs",
            include_str!("../src/checks/completeness.rs"),
        ),
        ("deadline.rs", include_str!("../src/checks/deadline.rs")),
        (
            "within_period.rs",
            include_str!("../src/checks/within_period.rs"),
        ),
        (
            "consecutive_years.rs",
            include_str!("../src/checks/consecutive_years.rs"),
        ),
        ("equals.rs", include_str!("../src/checks/equals.rs")),
        ("filter.rs", include_str!("../src/checks/filter.rs")),
    ];
    let cjk = |c: char| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    for (name, text) in files {
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            // The string literals of the line (no raw strings in these files).
            let lits: Vec<&str> = code.split('"').skip(1).step_by(2).collect();
            for l in lits {
                assert!(!l.chars().any(cjk), "{name}:{}: Chinese text {l:?}", n + 1);
            }
            for t in [
                "LegacyDraft",
                "emit_legacy",
                "Reason::Legacy",
                "period_prefix",
                "cx.metric",
                "cx.unit",
                "cx.per(",
                "cx.remedy",
                "label(",
            ] {
                assert!(!code.contains(t), "{name}:{}: {t}", n + 1);
            }
        }
    }
}
