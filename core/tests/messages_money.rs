#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The reference-and-money group's findings in words: codes, catalogue names, categories,
//! pass-through money, caps, values above another field, and target progress, exact in both
//! languages (money with thousands separators and two decimals, no English in Chinese text).

use std::collections::BTreeMap;
use xianjie::report::Report;
use xianjie::{check, Dataset, Options};

fn run(packs: &[&str], params: &[(&str, &str)], json: &str) -> Report {
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

/// (message zh, message en, remedy zh, remedy en) of the finding of `rule` at `path`.
fn words(r: &Report, rule: &str, path: &str) -> [String; 4] {
    let f = r
        .findings
        .iter()
        .find(|f| f.rule_id() == rule && f.path() == path)
        .unwrap_or_else(|| panic!("no finding of {rule} at {path}: {:#?}", r.findings));
    let (m, rem) = (f.message(), f.remedy().unwrap_or_default());
    let out = [m.zh, m.en, rem.zh, rem.en];
    // Chinese words never carry an English identifier (field or wire names).
    for zh in [&out[0], &out[2]] {
        assert!(
            !zh.contains('_') && !zh.contains("null"),
            "identifier in Chinese text: {zh}"
        );
    }
    if std::env::var_os("SHOW").is_some() {
        eprintln!("{rule} {path}\n  {:?}", out);
    }
    out
}

const SCHOOLS: &str = r#"{"reporting_year": 2024, "schools": [
  {"id": "S1", "name": "甲校", "level": "secondary", "district": "330800",
   "uscc": "91350100M000100Y44", "moe_code": "3699000001"},
  {"id": "S2", "name": "乙校", "level": "secondary", "district": "999999",
   "uscc": "9135010000", "moe_code": "36330O0001"}]}"#;

const APPLICATIONS: &str = r#"{"reporting_year": 2024, "applications": [
  {"id": "A1", "year": 2024, "secondary_school": "S1", "higher_school": "H1",
   "secondary_major": {"code": "760203", "name": "影视技术"},
   "higher_major": {"code": "510201", "name": "计算机应用技术"}, "rank": 1},
  {"id": "A2", "year": 2024, "secondary_school": "S1", "higher_school": "H1",
   "secondary_major": {"code": "7602", "name": "x"},
   "higher_major": {"code": "710201", "name": "计算机应用"}, "rank": 2},
  {"id": "A3", "year": 2024, "secondary_school": "S1", "higher_school": "H1",
   "secondary_major": {"code": "12345", "name": "x"},
   "higher_major": {"code": "510201", "name": "计算机应用技术"}, "rank": 3}]}"#;

const FINANCE: &str = r#"{"reporting_year": 2024, "finance_settlements": [
  {"higher_school": "H1", "school": "S1", "year": 2024,
   "tuition_collected": "1398000", "tuition_passed_on": "831810",
   "fees_collected": "460000",
   "appropriation_per_student": "12000", "appropriation_students": 380,
   "appropriation_paid": "4548000"}]}"#;

const OFFSETS: &str = r#"{"enterprise_offsets": [{"enterprise": "某公司", "year": 2023,
  "investment": "1000000", "surcharges_owed": "200000", "offset_claimed": "250000"}]}"#;

const COHORTS: &str = r#"{"reporting_year": 2024, "cohorts": [
  {"project": "P1", "entry_year": 2021, "enrolled": 40, "transferred": 36, "graduated_secondary": 34}]}"#;

const ENROLMENT: &str = r#"{"reporting_year": 2024, "pilot_enrollments": [
  {"school": "S1", "year": 2024, "enrolled": 1000}, {"school": "S2", "year": 2024, "enrolled": 800}]}"#;

#[test]
fn uscc_check() {
    let r = run(&["ref-data"], &[], SCHOOLS);
    assert_eq!(
        words(&r, "ref-data/uscc", "schools[0].uscc"),
        [
            "统一社会信用代码“91350100M000100Y44”校验位不符:按前17位计算,第18位应为3,实为4。",
            "Unified social credit code “91350100M000100Y44”: the check character does not match: from the first 17 characters the 18th should be 3, not 4.",
            "请对照登记证书核对统一社会信用代码",
            "Check the unified social credit code against the registration certificate"
        ]
        .map(String::from)
    );
}

#[test]
fn uscc_length() {
    let r = run(&["ref-data"], &[], SCHOOLS);
    assert_eq!(
        words(&r, "ref-data/uscc", "schools[1].uscc"),
        [
            "统一社会信用代码“9135010000”应为18位,实为10位。",
            "Unified social credit code “9135010000”: 18 characters expected, this one has 10.",
            "请对照登记证书核对统一社会信用代码",
            "Check the unified social credit code against the registration certificate"
        ]
        .map(String::from)
    );
}

#[test]
fn school_code_province() {
    let r = run(&["ref-data"], &[], SCHOOLS);
    assert_eq!(
        words(&r, "ref-data/moe-code", "schools[0].moe_code"),
        [
            "学校标识码“3699000001”第3–4位应为省级行政区划代码,“99”不是。",
            "MoE school code “3699000001”: digits 3–4 should be a province code, “99” is not one.",
            "请核对学校标识码",
            "Check the MoE school code"
        ]
        .map(String::from)
    );
}

#[test]
fn school_code_character() {
    let r = run(&["ref-data"], &[], SCHOOLS);
    assert_eq!(
        words(&r, "ref-data/moe-code", "schools[1].moe_code"),
        [
            "学校标识码“36330O0001”应全为数字,第6位为“O”。",
            "MoE school code “36330O0001”: digits only expected, character 6 is “O”.",
            "请核对学校标识码",
            "Check the MoE school code"
        ]
        .map(String::from)
    );
}

#[test]
fn division_tier() {
    let r = run(&["ref-data"], &[], SCHOOLS);
    assert_eq!(
        words(&r, "ref-data/district-code", "schools[0].district"),
        [
            "所在区县代码“330800”是地级行政区划代码(衢州市),此处应填县级(区、县)代码。",
            "District code “330800”: a prefecture-level division code (衢州市); a county-level code is expected here.",
            "请填写所在区县的6位代码",
            "Give the 6-digit code of the county or district"
        ]
        .map(String::from)
    );
}

#[test]
fn division_unknown() {
    let r = run(&["ref-data"], &[], SCHOOLS);
    assert_eq!(
        words(&r, "ref-data/district-code", "schools[1].district"),
        [
            "所在区县代码“999999”不是有效的行政区划代码(国家统计局2023年行政区划代码中没有)。",
            "District code “999999”: not an administrative division code (not among the 2023 division codes of the National Bureau of Statistics).",
            "请核对所在区县代码",
            "Check the district code"
        ]
        .map(String::from)
    );
}

#[test]
fn major_name() {
    let r = run(&["ref-data"], &[], APPLICATIONS);
    assert_eq!(
        words(&r, "ref-data/major-name", "applications[0].secondary_major.name"),
        [
            "中职专业名称“影视技术”与《职业教育专业目录(2021年)》中专业代码760203的名称“影像与影视技术”不一致。",
            "Secondary major name “影视技术” differs from “影像与影视技术”, the 2021 catalogue name of major 760203.",
            "专业名称应为“影像与影视技术”",
            "The name should be “影像与影视技术”"
        ]
        .map(String::from)
    );
}

#[test]
fn category_mismatch() {
    let r = run(&["ref-data"], &[], APPLICATIONS);
    assert_eq!(
        words(&r, "ref-data/major-category-match", "applications[0].secondary_major.code"),
        [
            "中职专业760203 影像与影视技术属新闻传播大类(76),高职专业510201 计算机应用技术属电子与信息大类(51),不属于同一专业大类(与之对应的高职专业大类为新闻传播大类(56))。",
            "The secondary major 760203 影像与影视技术 is in category 76 (新闻传播大类), the higher major 510201 计算机应用技术 in category 51 (电子与信息大类): not parallel categories (the higher category parallel to the secondary one is 56 新闻传播大类).",
            "选择新闻传播大类(56)内的高职专业,或说明跨大类衔接的理由",
            "Choose a higher major in category 56 新闻传播大类, or justify the cross-category pairing"
        ]
        .map(String::from)
    );
}

#[test]
fn major_level() {
    let r = run(&["ref-data"], &[], APPLICATIONS);
    assert_eq!(
        words(&r, "ref-data/major-code", "applications[1].higher_major.code"),
        [
            "高职专业代码“710201”(计算机应用)是中职专业代码,此处应填高职专科专业代码。",
            "Higher major code “710201”: a secondary vocational code (计算机应用); a higher vocational (associate) major code is expected here.",
            "请按《职业教育专业目录(2021年)》填写高职专科专业代码",
            "Use a higher vocational (associate) major code of the 2021 catalogue"
        ]
        .map(String::from)
    );
}

#[test]
fn major_class() {
    let r = run(&["ref-data"], &[], APPLICATIONS);
    assert_eq!(
        words(
            &r,
            "ref-data/major-code",
            "applications[1].secondary_major.code"
        ),
        [
            "中职专业代码“7602”是专业类代码,不是6位的专业代码。",
            "Secondary major code “7602”: a class code, not a 6-digit major code.",
            "请按《职业教育专业目录(2021年)》填写中职专业代码",
            "Use a secondary vocational major code of the 2021 catalogue"
        ]
        .map(String::from)
    );
}

#[test]
fn major_shape() {
    let r = run(&["ref-data"], &[], APPLICATIONS);
    assert_eq!(
        words(&r, "ref-data/major-code", "applications[2].secondary_major.code"),
        [
            "中职专业代码“12345”不是有效的专业代码:应为6位数字(国家控制专业末尾加K)。",
            "Secondary major code “12345”: not a valid major code: 6 digits expected (state-controlled majors end in K).",
            "请按《职业教育专业目录(2021年)》填写中职专业代码",
            "Use a secondary vocational major code of the 2021 catalogue"
        ]
        .map(String::from)
    );
}

#[test]
fn pass_through_share() {
    let r = run(&["qz-pilot-2024"], &[], FINANCE);
    assert_eq!(
        words(&r, "qz-pilot-2024/tuition-share", "finance_settlements[0].tuition_passed_on"),
        [
            "高职阶段学费收取1,398,000.00元,按不低于60%的比例应拨付838,800.00元,实际拨付中职学校学费831,810.00元(占59.5%),少6,990.00元。",
            "Higher-stage tuition collected 1,398,000.00 CNY; at least 60% (838,800.00 CNY) is to be passed on, tuition passed on to the secondary school: 831,810.00 CNY (59.5%), 6,990.00 CNY short.",
            "还需拨付6,990.00元",
            "6,990.00 CNY more to pass on"
        ]
        .map(String::from)
    );
}

#[test]
fn pass_through_missing() {
    let r = run(&["qz-pilot-2024"], &[], FINANCE);
    assert_eq!(
        words(&r, "qz-pilot-2024/fees-pass-through", "finance_settlements[0].fees_passed_on"),
        [
            "代管费及住宿费收取460,000.00元,未填写支付高职校区代管费及住宿费。",
            "Custodial and accommodation fees collected 460,000.00 CNY; no figure is given for the custodial and accommodation fees passed on.",
            "请填写支付高职校区代管费及住宿费",
            "Fill in the custodial and accommodation fees passed on"
        ]
        .map(String::from)
    );
}

#[test]
fn pass_through_times() {
    let r = run(&["qz-pilot-2024"], &[], FINANCE);
    assert_eq!(
        words(&r, "qz-pilot-2024/per-student-funding-pass-through", "finance_settlements[0].appropriation_paid"),
        [
            "生均财政拨款标准12,000.00元×拨款计算学生数380=4,560,000.00元,应全额拨付,实际支付高职校区生均财政拨款4,548,000.00元,少12,000.00元。",
            "Per-student appropriation 12,000.00 CNY × 380 students counted for the appropriation = 4,560,000.00 CNY is to be passed on in full; appropriation paid to the campus: 4,548,000.00 CNY, 12,000.00 CNY short.",
            "还需支付12,000.00元",
            "12,000.00 CNY more to pass on"
        ]
        .map(String::from)
    );
}

#[test]
fn cap_two_limits() {
    let r = run(&["bj-vet10-2020"], &[], OFFSETS);
    assert_eq!(
        words(&r, "bj-vet10-2020/enterprise-surcharge-offset", "enterprise_offsets[0].offset_claimed"),
        [
            "2023年,抵免额为250,000.00元,超过上限200,000.00元(投资额1,000,000.00元的30%为300,000.00元、当年应缴教育费附加和地方教育附加200,000.00元,取其小者)。",
            "In 2023, offset claimed of 250,000.00 yuan exceeds the limit of 200,000.00 yuan (30% of investment 1,000,000.00 yuan is 300,000.00 yuan; education surcharges owed that year 200,000.00 yuan, whichever is smaller).",
            "需减少抵免50,000.00元",
            "Claim 50,000.00 yuan less"
        ]
        .map(String::from)
    );
}

#[test]
fn exceeds() {
    let r = run(&["bj-3p2-2024"], &[], COHORTS);
    assert_eq!(
        words(&r, "bj-3p2-2024/status-enrollment-transfer", "cohorts[0].transferred"),
        [
            "2021级,转段升学人数为36人,超过中职毕业人数34人,两者不可能同时成立。",
            "For the 2021 cohort, transferred (36 students) exceeds graduated from the secondary stage (34 students), which cannot be.",
            "请核对转段升学人数与中职毕业人数",
            "Check the transferred and the graduated from the secondary stage"
        ]
        .map(String::from)
    );
}

#[test]
fn target_met_several_times_over_says_how_many_times() {
    let r = run(&["qz-pilot-2024"], &[], ENROLMENT);
    let t: Vec<_> = r
        .targets
        .iter()
        .filter(|t| t.rule_id == "qz-pilot-2024/enrollment-target")
        .collect();
    assert_eq!(
        (t[0].message.zh.as_str(), t[0].message.en.as_str()),
        (
            "2024年全市区域中高职一体化中职招生人数为1800名,目标为450名,已达到目标(为目标的4倍)。",
            "2024, city-wide pilot enrolment: 1800 students against a goal of 450 students: met (4 times the goal)."
        )
    );
    assert_eq!(
        (t[1].message.zh.as_str(), t[1].message.en.as_str()),
        (
            "2027年目标为500名(力争1000名),尚未到期;截至2024年,全市区域中高职一体化中职招生人数为1800名,为目标的3.6倍。",
            "2027 goal 500 students (stretch goal 1000 students) still to come; as of 2024, city-wide pilot enrolment: 1800 students, 3.6 times the goal."
        )
    );
}

#[test]
fn citation_names_each_document_once() {
    let r = run(&["ref-data"], &[], SCHOOLS);
    let clause = |rule: &str| {
        r.findings
            .iter()
            .find(|f| f.rule_id() == rule)
            .map(|f| f.explanation().clause)
            .unwrap()
    };
    assert_eq!(
        clause("ref-data/district-code"),
        "GB/T 2260《中华人民共和国行政区划代码》"
    );
    assert_eq!(clause("ref-data/uscc"), "GB 32100-2015 第4、5章");
}

#[test]
fn reasons_in_words() {
    // Codes outside the catalogue: the name and category checks have nothing to compare.
    let r = run(
        &["ref-data"],
        &[],
        r#"{"reporting_year": 2024, "applications": [
  {"id": "A1", "year": 2024, "secondary_school": "S1", "higher_school": "H1",
   "secondary_major": {"code": "12345", "name": "x"},
   "higher_major": {"code": "99", "name": "y"}, "rank": 1}]}"#,
    );
    let reason = |rule: &str| {
        r.rules
            .iter()
            .find(|s| s.rule_id == rule)
            .and_then(|s| s.reason.clone())
            .unwrap()
    };
    let x = reason("ref-data/major-category-match");
    assert!(
        x.zh.contains("新增项目申报记录均未同时给出中职专业代码和高职专业代码(专业代码须为《职业教育专业目录(2021年)》中的专业)"),
        "{}",
        x.zh
    );
    let r = run(
        &["bj-vet10-2020"],
        &[],
        r#"{"enterprise_offsets": [{"enterprise": "某公司", "year": 2023, "offset_claimed": "250000"}]}"#,
    );
    let x = r
        .rules
        .iter()
        .find(|s| s.rule_id == "bj-vet10-2020/enterprise-surcharge-offset")
        .and_then(|s| s.reason.clone())
        .unwrap();
    assert_eq!(
        x.zh,
        "企业投资与附加抵免记录均未同时给出抵免额及其上限依据(投资额或当年应缴教育费附加和地方教育附加)"
    );
    assert_eq!(
        x.en,
        "No record in enterprise offsets gives both its offset claimed and a base for its limit (investment or education surcharges owed that year)"
    );
}

#[test]
fn converted_checks_write_no_words() {
    // Words are the catalogue's (src/messages): these checks hold data only.
    for name in [
        "code",
        "catalog_name",
        "same_category",
        "pass_through",
        "not_exceeding",
        "cap",
        "target",
    ] {
        let path = format!("{}/src/checks/{name}.rs", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let chinese = code.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(
                !(chinese && code.contains('"')),
                "{path}:{}: Chinese string literal: {line}",
                i + 1
            );
            for legacy in [
                "LegacyDraft",
                "emit_legacy",
                "Reason::Legacy",
                "period_prefix",
            ] {
                assert!(!code.contains(legacy), "{path}:{}: {legacy}", i + 1);
            }
        }
    }
}

/// A well-formed code the embedded catalogue lacks may be a later addition: a warning that names
/// the edition embedded, never an error.
#[test]
fn major_unknown_names_the_2021_edition() {
    let data = r#"{"projects": [{"id": "P1", "secondary_school": "S1", "higher_school": "H1",
        "secondary_major": {"code": "719999"}, "higher_major": {"code": "500211"}}]}"#;
    let r = run(&["ref-data"], &[], data);
    let f = r
        .findings
        .iter()
        .find(|f| f.path() == "projects[0].secondary_major.code")
        .unwrap();
    assert_eq!(f.severity, xianjie::finding::Severity::Warning);
    let w = words(
        &r,
        "ref-data/major-code",
        "projects[0].secondary_major.code",
    );
    assert!(
        w[0].contains("内置的是《职业教育专业目录(2021年)》"),
        "{}",
        w[0]
    );
    assert!(w[1].contains("which is the 2021 edition"), "{}", w[1]);
}
