#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The Quzhou pilot pack: it loads, and its messages read like shared/domain/FINDINGS.md.

use xianjie::rules::{builtin, builtin_source};
use xianjie::{check, Dataset, Options, Pack};

fn run(data: &str) -> xianjie::Report {
    let ds = Dataset::from_json_str(data).unwrap();
    let opts = Options {
        packs: vec!["qz-pilot-2024".into()],
        ..Default::default()
    };
    check(&ds, &opts).unwrap()
}

#[test]
fn pack_loads_with_all_rules() {
    let text = builtin_source("qz-pilot-2024").unwrap();
    let pack = Pack::from_toml_str(text, "qz").unwrap();
    assert_eq!(pack.rules.len(), 21);
    assert_eq!(builtin("qz-pilot-2024").map(|p| p.rules.len()), Some(21));
}

#[test]
fn student_teacher_ratio_reads_like_the_worked_example() {
    let r = run(
        r#"{"reporting_year": 2024, "schools": [{"id": "S1", "name": "衢州中专", "level": "secondary"}],
        "higher_campuses": [{"school": "S1", "year": 2024, "students": 181, "full_time_teachers": 10}]}"#,
    );
    let f = r
        .findings
        .iter()
        .find(|f| f.rule_id() == "qz-pilot-2024/student-teacher-ratio")
        .unwrap();
    assert_eq!(
        f.message().zh,
        "高职阶段在校生181人、专任教师10人,每名专任教师对应18.1名高职阶段在校生,高于18名的上限。"
    );
    assert_eq!(
        f.message().en,
        "181 higher-stage students and 10 full-time teachers: 18.1 higher-stage students for each of the full-time teachers, above the maximum of 18."
    );
    let rem = f.remedy().unwrap();
    assert_eq!(rem.zh, "还需配备1名专任教师(或减少1名学生)");
    assert_eq!(
        rem.en,
        "1 more full-time teacher needed (or 1 fewer student)"
    );
    assert_eq!(f.subject.zh, "衢州中专高职校区 2024年");
}

#[test]
fn zero_teachers_is_its_own_finding() {
    let r = run(r#"{"reporting_year": 2024,
        "higher_campuses": [{"school": "S1", "year": 2024, "students": 181, "full_time_teachers": 0}]}"#);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule_id() == "qz-pilot-2024/student-teacher-ratio")
        .unwrap();
    assert_eq!(f.code, xianjie::finding::FindingCode::ZeroDenominator);
    assert_eq!(f.remedy().unwrap().zh, "还需配备11名专任教师");
    assert_eq!(
        f.message().zh,
        "高职阶段在校生181人,没有专任教师,生师比无法计算,不符合要求。"
    );
    assert_eq!(
        f.message().en,
        "181 higher-stage students and no full-time teachers: the student–teacher ratio cannot be computed, so the rule is not met."
    );
    assert_eq!(f.remedy().unwrap().en, "11 more full-time teachers needed");
}

/// 0 students and 0 teachers is not a pass of "at most 18 per teacher": the campus records no
/// teachers, which a commission must see; nothing to staff, so the remedy is to check the data.
#[test]
fn nothing_recorded_is_a_zero_denominator() {
    let r = run(r#"{"reporting_year": 2024,
        "higher_campuses": [{"school": "S1", "year": 2024, "students": 0, "full_time_teachers": 0,
            "ideology_teachers": 0, "counselors": 0}],
        "finance_settlements": [{"higher_school": "H", "school": "S1", "year": 2024,
            "tuition_collected": "0", "tuition_passed_on": "0"}]}"#);
    let find = |id: &str| {
        r.findings
            .iter()
            .find(|f| f.rule_id() == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    for id in [
        "qz-pilot-2024/student-teacher-ratio",
        "qz-pilot-2024/ideology-teacher-ratio",
        "qz-pilot-2024/counselor-ratio",
        "qz-pilot-2024/tuition-share",
    ] {
        assert_eq!(
            find(id).code,
            xianjie::finding::FindingCode::ZeroDenominator
        );
    }
    let f = find("qz-pilot-2024/student-teacher-ratio");
    assert_eq!(
        f.message().zh,
        "未记录高职阶段在校生,也未记录专任教师(均为零),生师比无法计算,不符合要求。"
    );
    assert_eq!(
        f.message().en,
        "No higher-stage students and no full-time teachers recorded: the student–teacher ratio cannot be computed, so the rule is not met."
    );
    assert_eq!(f.remedy().unwrap().zh, "请核实专任教师,填写实际数字");
    let t = find("qz-pilot-2024/tuition-share");
    assert_eq!(
        t.locations[0].path,
        "finance_settlements[0].tuition_collected"
    );
    assert_eq!(
        t.message().zh,
        "未记录拨付中职学校学费,也未记录高职阶段学费收取(均为零),拨付比例无法计算,不符合要求。"
    );
    assert_eq!(
        t.remedy().unwrap().zh,
        "请核实高职阶段学费收取,填写实际数字"
    );
}

/// A campus with no students recorded: no area per student can be judged, and no amount of
/// area would help; the remedy is to record the students, not to build more.
#[test]
fn no_students_is_not_told_to_build() {
    let r = run(r#"{"reporting_year": 2024,
        "higher_campuses": [{"school": "S1", "year": 2024, "students": 0, "dormitory_area": 900}]}"#);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule_id() == "qz-pilot-2024/dorm-area-per-student")
        .unwrap();
    assert_eq!(f.code, xianjie::finding::FindingCode::ZeroDenominator);
    let (m, rem) = (f.message(), f.remedy().unwrap());
    assert!(m.zh.contains("没有高职阶段在校生"), "{}", m.zh);
    assert_eq!(rem.zh, "请核实高职阶段在校生,填写实际数字");
    assert_eq!(
        rem.en,
        "Check the higher-stage students and enter the actual number"
    );
}

#[test]
fn tuition_share_exact_to_the_cent() {
    let r = run(r#"{"reporting_year": 2024,
        "finance_settlements": [
          {"higher_school": "H", "school": "S1", "year": 2024, "tuition_collected": "100000", "tuition_passed_on": "60000"},
          {"higher_school": "H", "school": "S2", "year": 2024, "tuition_collected": "100000", "tuition_passed_on": "59990.00"},
          {"higher_school": "H", "school": "S3", "year": 2024, "tuition_collected": "1234567.89", "tuition_passed_on": "728395.13"}]}"#);
    let fs: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.rule_id() == "qz-pilot-2024/tuition-share")
        .collect();
    assert_eq!(fs.len(), 2, "{fs:#?}");
    assert_eq!(fs[0].path(), "finance_settlements[1].tuition_passed_on");
    assert_eq!(fs[0].remedy().unwrap().zh, "还需拨付10.00元");
    assert!(
        fs[0].message().zh.contains("(占59.99%)"),
        "{}",
        fs[0].message().zh
    );
    // 60% of 1,234,567.89 = 740,740.734; paid 728,395.13 → 12,345.604 short → 12,345.61.
    assert_eq!(fs[1].remedy().unwrap().zh, "还需拨付12,345.61元");
}

#[test]
fn enrollment_target_progress() {
    let r = run(r#"{"reporting_year": 2024, "pilot_enrollments": [
        {"school": "S1", "year": 2024, "enrolled": 200}, {"school": "S2", "year": 2024, "enrolled": 230}]}"#);
    assert!(r.ok);
    let t: Vec<_> = r
        .targets
        .iter()
        .filter(|t| t.rule_id == "qz-pilot-2024/enrollment-target")
        .collect();
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[0].value.as_str(), t[0].met, t[0].pending),
        ("430", false, false)
    );
    assert_eq!(
        t[0].message.zh,
        "2024年全市区域中高职一体化中职招生人数为430名,目标为450名,未达到目标(为目标的95.56%)。"
    );
    assert!(t[1].pending);
    assert_eq!(t[1].stretch.as_deref(), Some("1000"));
}

/// 新增占比 by the national definition (教发〔2004〕2号): additions ÷ the value before them. New
/// equipment adds to the additions only, so the remedy is 10% of the earlier value less them.
#[test]
fn new_equipment_share_divides_by_the_value_before_the_additions() {
    let r = run(r#"{"reporting_year": 2024,
        "higher_campuses": [{"school": "S1", "year": 2024, "equipment_value": "1100000", "equipment_added": "90000"}]}"#);
    let f = r
        .findings
        .iter()
        .find(|f| f.rule_id() == "qz-pilot-2024/new-equipment-share")
        .unwrap();
    // 90,000 ÷ 1,010,000 = 8.91%; 10% of 1,010,000 is 101,000: 11,000 more.
    assert!(
        f.message().zh.contains("新增前教学科研仪器设备值"),
        "{}",
        f.message().zh
    );
    assert!(f.message().zh.contains("8.91%"), "{}", f.message().zh);
    assert_eq!(
        f.remedy().unwrap().zh,
        "还需新增教学科研仪器设备值11,000.00元"
    );
}
