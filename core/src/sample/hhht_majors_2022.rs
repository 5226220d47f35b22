//! Sample `hhht-majors-2022`: eight Hohhot secondary vocational schools, their major offerings and
//! intake 2021–2024, and new-major filings. Deterministic (own seeded PRNG). A minority of records
//! break a rule, so every rule of the pack has something to say (the class-size rule once
//! `class_size` is given, e.g. 30).

use crate::model::{
    beijing, Dataset, MajorOffering, MajorRef, NewMajorFiling, School, SchoolLevel, Submission,
    SubmissionKind,
};
use crate::reference::{divisions, uscc};
use chrono::TimeZone;

/// xorshift64*: tiny, fixed, the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `lo..=hi` (small ranges; the modulo bias is irrelevant for sample data).
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }
}

/// Real secondary majors of the 2021 catalogue, with the key chain each serves (if any).
const MAJORS: &[(&str, &str, Option<&str>)] = &[
    ("690101", "食品加工工艺", Some("绿色食品加工")),
    ("690103", "民族食品加工技术", Some("绿色食品加工")),
    ("610301", "畜禽生产技术", Some("绿色食品加工")),
    ("630301", "光伏工程技术与应用", Some("新能源")),
    ("660204", "新能源装备运行与维护", Some("新能源")),
    ("700209", "新能源汽车运用与维修", Some("新能源")),
    ("690202", "生物制药工艺", Some("现代生物医药")),
    ("690204", "药品食品检验", Some("现代生物医药")),
    ("710201", "计算机应用", Some("信息技术")),
    ("710202", "计算机网络技术", Some("信息技术")),
    ("710203", "软件与信息服务", Some("信息技术")),
    ("730801", "物流服务与管理", Some("现代物流")),
    ("730701", "电子商务", Some("现代物流")),
    ("740101", "旅游服务与管理", Some("文化旅游")),
    ("750301", "民族音乐与舞蹈", Some("文化旅游")),
    ("740201", "中餐烹饪", None),
    ("730301", "会计事务", None),
    ("720201", "护理", None),
    ("770101", "幼儿保育", None),
    ("660301", "机电技术应用", None),
];

const SCHOOLS: &[&str] = &[
    "呼和浩特市第一职业中等专业学校",
    "呼和浩特市第二职业中等专业学校",
    "呼和浩特市财贸职业学校",
    "呼和浩特市交通职业学校",
    "呼和浩特市卫生职业学校",
    "呼和浩特市旅游职业学校",
    "呼和浩特市信息技术职业学校",
    "呼和浩特市农牧职业学校",
];

fn major(i: usize) -> MajorRef {
    let (code, name, _) = MAJORS[i % MAJORS.len()];
    MajorRef {
        code: code.into(),
        name: Some(name.into()),
    }
}

/// Generates the sample.
pub fn generate() -> Dataset {
    let mut rng = Rng(0x0048_4854_2022_0926);
    let counties: Vec<&str> = divisions::counties_of("1501").map(|d| d.code).collect();
    let mut ds = Dataset {
        name: Some("hhht-majors-2022 sample: Hohhot major offerings 2021–2024".into()),
        reporting_year: Some(2024),
        ..Default::default()
    };
    for (i, name) in SCHOOLS.iter().enumerate() {
        let district = counties
            .get(i % counties.len().max(1))
            .map(|c| c.to_string());
        ds.schools.push(School {
            id: format!("HS{:02}", i + 1),
            name: (*name).into(),
            level: SchoolLevel::Secondary,
            uscc: uscc::with_check_char(&format!("1215010{:010}", 4_000_100 + i)),
            moe_code: Some(format!("3615{:06}", 100_001 + i)),
            district,
            national_key: Some(i < 2),
            independent: None,
            governance: None,
        });
    }
    for s in 0..SCHOOLS.len() {
        let school = format!("HS{:02}", s + 1);
        // Five majors per school; school HS08 (the last) only non-chain ones for the targets.
        let picks: Vec<usize> = if s == SCHOOLS.len() - 1 {
            vec![15, 16, 17, 18, 19]
        } else {
            (0..5).map(|k| (s * 3 + k * 4) % MAJORS.len()).collect()
        };
        for (k, &m) in picks.iter().enumerate() {
            for year in 2021..=2024 {
                // Violations: HS03's first major stays below a class of 30 in 2021–2023; HS05's
                // second major enrolls nobody 2021–2023.
                let intake = match (s, k, year) {
                    (2, 0, 2021) => 12,
                    (2, 0, 2022) => 9,
                    (2, 0, 2023) => 15,
                    (4, 1, 2021..=2023) => 0,
                    _ => rng.range(32, 68),
                };
                let chain = MAJORS[m % MAJORS.len()].2.map(String::from);
                ds.major_offerings.push(MajorOffering {
                    school: school.clone(),
                    year,
                    major: major(m),
                    intake: Some(intake),
                    formed_class: Some(intake >= 30),
                    chain,
                    quality_major: Some(year >= 2023 && k == 0 && s != 2),
                    // HS07's first major failed its rectification in 2023, yet enrolls in 2024.
                    rectification_failed: (s == 6 && k == 0 && year == 2023).then_some(true),
                });
            }
        }
    }
    // New-major filings for 2023–2024 and 2024–2025. HS01 (national key) files 3: fine; HS04 files 3:
    // above 2. HS06 has one filed without its conditions met.
    let filings: &[(usize, &str, usize, bool, bool)] = &[
        (0, "2023-2024", 9, true, true),
        (0, "2023-2024", 11, true, true),
        (0, "2023-2024", 4, true, true),
        (3, "2023-2024", 12, true, true),
        (3, "2023-2024", 13, true, true),
        (3, "2023-2024", 8, true, true),
        (5, "2024-2025", 14, false, true),
        (6, "2024-2025", 10, true, true),
        (7, "2024-2025", 3, false, false),
    ];
    for &(s, year, m, conditions, filed) in filings {
        ds.new_major_filings.push(NewMajorFiling {
            school: format!("HS{:02}", s + 1),
            school_year: year.into(),
            major: major(m),
            conditions_met: Some(conditions),
            filed: Some(filed),
        });
    }
    // Year-end reports on 2023 (五(三)): every school's on 20 December but HS08's; every district's,
    // the first one's only on 5 January.
    let at = |y: i32, m: u32, d: u32| beijing().with_ymd_and_hms(y, m, d, 10, 0, 0).single();
    for s in ds.schools.iter().take(SCHOOLS.len() - 1) {
        ds.submissions.push(Submission {
            kind: SubmissionKind::MajorBuildingSummary,
            school: Some(s.id.clone()),
            district: None,
            year: 2023,
            file: Some(format!("{}-2023-zongjie.docx", s.id)),
            submitted_at: at(2023, 12, 20),
        });
    }
    let mut districts: Vec<String> = ds
        .schools
        .iter()
        .filter_map(|s| s.district.clone())
        .collect();
    districts.sort();
    districts.dedup();
    for (i, d) in districts.into_iter().enumerate() {
        ds.submissions.push(Submission {
            kind: SubmissionKind::MajorBuildingSummary,
            school: None,
            file: Some(format!("{d}-2023-zongjie.docx")),
            district: Some(d),
            year: 2023,
            submitted_at: if i == 0 {
                at(2024, 1, 5)
            } else {
                at(2023, 12, 22)
            },
        });
    }
    ds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_every_rule_speaks() {
        assert_eq!(generate(), generate());
        let opts = crate::Options {
            packs: vec!["hhht-majors-2022".into(), "ref-data".into()],
            params: [(
                "hhht-majors-2022/small-major-discontinue.class_size".to_string(),
                "30".to_string(),
            )]
            .into(),
            ..Default::default()
        };
        let report = crate::check(&generate(), &opts).unwrap();
        for rule in crate::rules::builtin("hhht-majors-2022")
            .unwrap()
            .rules
            .iter()
        {
            let s = report.rules.iter().find(|s| s.rule_id == rule.id).unwrap();
            assert_ne!(s.state, crate::report::RuleState::Unchecked, "{}", rule.id);
            let fired = report.findings.iter().any(|f| f.rule_id() == rule.id)
                || report.targets.iter().any(|t| t.rule_id == rule.id);
            assert!(fired, "{} says nothing", rule.id);
        }
        // The reference data is clean: only the deliberate violations above.
        assert!(report
            .findings
            .iter()
            .all(|f| !f.rule_id().starts_with("ref-data/")));
        assert!(report
            .findings
            .iter()
            .all(|f| !f.rule_id().starts_with("data/")));
    }
}
