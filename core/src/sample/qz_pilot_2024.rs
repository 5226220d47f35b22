//! Sample `qz-pilot-2024`: a Quzhou pilot year, 2024. One (fictional) higher school and one
//! (fictional) secondary school per county-level unit of Quzhou (3308xx), five of them in the
//! pilot, with real catalogue majors. Most records comply; a few are made to break each rule once,
//! so that every rule of the pack fires somewhere, and the city-wide targets are reported
//! (2024 enrolment 430 of 450, as in FINDINGS.md).

use super::rng::Rng;
use crate::model::{
    Agreement, Certificate, CertificateKind, CertificateLevel, FinanceSettlement,
    GraduateEmployment, HigherCampus, MajorRef, PilotEnrollment, ProgrammePlan, School,
    SchoolLevel, Stage, Student, Teacher,
};
use crate::reference::catalog::{majors, EducationLevel};
use crate::reference::divisions::counties_of;
use crate::Dataset;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Adds `lo..=hi` percent (in hundredths of a percent) to `base`, two decimals: compliant with a margin.
fn above(rng: &mut Rng, base: Decimal, lo: u32, hi: u32) -> Decimal {
    let pct = Decimal::new(i64::from(rng.range(lo * 100, hi * 100)), 4);
    (base * (Decimal::ONE + pct)).round_dp(2)
}

const SURNAMES: &[&str] = &[
    "徐", "周", "郑", "毛", "姜", "汪", "祝", "方", "吴", "叶", "王", "余",
];
const GIVEN: &[&str] = &[
    "建平", "晓燕", "海军", "丽华", "志强", "文静", "国庆", "雅琴", "伟东", "慧敏", "俊杰", "秀英",
];

fn name(rng: &mut Rng) -> String {
    let s = rng.pick(SURNAMES).copied().unwrap_or("徐");
    let g = rng.pick(GIVEN).copied().unwrap_or("建平");
    format!("{s}{g}")
}

fn dec(units: u32) -> Decimal {
    Decimal::from(units)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The sample's name.
pub const NAME: &str = "qz-pilot-2024";

/// The seed of the bundled sample.
pub const SEED: u64 = 20_240_529;

/// The bundled sample: [`generate`] with [`SEED`].
pub fn dataset() -> Dataset {
    generate(SEED)
}

/// The sample from `seed`: other names, majors and figures; the same rules broken in the same places.
pub fn generate(seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let higher_id = "QZ-H01".to_string();
    let mut schools = vec![School {
        id: higher_id.clone(),
        name: "衢州示例职业技术学院".into(),
        level: SchoolLevel::Higher,
        district: Some("330802".into()),
        uscc: None,
        moe_code: None,
        national_key: None,
        independent: Some(true),
        governance: None,
    }];
    for (i, county) in counties_of("3308").enumerate() {
        schools.push(School {
            id: format!("QZ-S{:02}", i + 1),
            name: format!("{}示例中等职业学校", county.name),
            level: SchoolLevel::Secondary,
            district: Some(county.code.to_string()),
            uscc: None,
            moe_code: None,
            national_key: Some(i < 2),
            independent: None,
            governance: None,
        });
    }
    // The first five county schools run the pilot in 2024; the sixth is still to join.
    let pilot: Vec<String> = schools[1..].iter().take(5).map(|s| s.id.clone()).collect();
    let secondary_majors: Vec<_> = majors()
        .iter()
        .filter(|m| m.level == EducationLevel::Secondary)
        .collect();
    let pick_major = |rng: &mut Rng| {
        let m = rng.pick(&secondary_majors);
        MajorRef {
            code: m.map_or("710201", |m| m.code).to_string(),
            name: m.map(|m| m.name.to_string()),
        }
    };

    let mut ds = Dataset {
        name: Some("衢州区域中高职一体化试点示例(生成数据,学校为虚构) / Quzhou pilot sample (generated, fictional schools)".into()),
        reporting_year: Some(2024),
        ..Default::default()
    };

    let intake_2024 = [100u32, 95, 90, 80, 65]; // 430 of the 450 goal
    let intake_2023 = [120u32, 110, 100];
    for (k, school) in pilot.iter().enumerate() {
        // Higher-stage campus, compliant with a margin, then one or two rules broken per campus.
        let mut students = rng.range(150, 260);
        if k == 0 {
            students = 181; // the FINDINGS.md example: 181 students, 10 teachers
        }
        if k == 3 {
            students = 230; // one counselor for 230 students
        }
        if k == 4 {
            students = 380; // one ideology teacher for 380 students
        }
        let mut teachers = students.div_ceil(18) + rng.range(0, 2);
        if k == 0 {
            teachers = 10;
        }
        let s = dec(students);
        let mut c = HigherCampus {
            school: school.clone(),
            higher_school: Some(higher_id.clone()),
            year: 2024,
            students: Some(students),
            teaching_admin_area: Some(above(&mut rng, s * dec(15), 1, 20)),
            land_area: Some(above(&mut rng, s * dec(54), 1, 25)),
            dormitory_area: Some(above(&mut rng, s * Decimal::new(65, 1), 1, 20)),
            equipment_value: Some(above(&mut rng, s * dec(10000), 2, 40)),
            equipment_added: None,
            full_time_teachers: Some(teachers),
            masters_teachers: Some(teachers.div_ceil(2) + rng.range(0, 1).min(teachers / 2)),
            senior_title_teachers: Some((teachers * 3).div_ceil(10) + rng.range(0, 1)),
            ideology_teachers: Some(students.div_ceil(350) + rng.range(0, 1)),
            counselors: Some(students.div_ceil(200) + rng.range(0, 1)),
            mental_health_teachers: Some(rng.range(1, 2)),
            liability_insurance: Some(true),
            // One campus lacks internship insurance (细则四).
            internship_insurance: Some(k != 1),
        };
        let eq = c.equipment_value.unwrap_or_default();
        c.equipment_added = Some((eq * Decimal::new(i64::from(rng.range(11, 20)), 2)).round_dp(2));
        match k {
            0 => c.teaching_admin_area = Some(s * Decimal::new(145, 1)), // 14.5 m² per student
            1 => {
                c.dormitory_area = Some(s * Decimal::new(62, 1)); // 6.2 m²
                c.equipment_value = Some(s * dec(9500));
                c.equipment_added = Some(s * dec(1500));
            }
            2 => {
                c.masters_teachers = Some(teachers * 2 / 5); // 40%
                c.equipment_added = Some((eq * Decimal::new(8, 2)).round_dp(2));
                // 8%
            }
            3 => {
                c.mental_health_teachers = Some(0);
                c.counselors = Some(1);
            }
            _ => {
                c.land_area = Some(s * dec(50));
                c.ideology_teachers = Some(1); // 380 students: above 1:350
                c.senior_title_teachers = Some(teachers / 5); // 20%
            }
        }
        // Teachers: the higher-stage staff and part of the secondary staff, as persons.
        let mut staff = Vec::new();
        for n in 0..c.full_time_teachers.unwrap_or(0) {
            staff.push((format!("{:012x}", rng.next_u64() >> 16), Stage::Higher, n));
        }
        for n in 0..8 {
            staff.push((
                format!("{:012x}", rng.next_u64() >> 16),
                Stage::Secondary,
                n,
            ));
        }
        if k == 1 {
            // One person on both full-time staffs (the overlap warning).
            let shared = staff[0].0.clone();
            staff.push((shared, Stage::Secondary, 8));
        }
        let mut names = std::collections::HashMap::new();
        for (person, stage, _) in staff {
            let nm = names
                .entry(person.clone())
                .or_insert_with(|| name(&mut rng))
                .clone();
            ds.teachers.push(Teacher {
                person,
                name: Some(nm),
                school: school.clone(),
                stage,
                full_time: true,
                year: Some(2024),
            });
        }
        let campus_students = c.students.unwrap_or(students);
        ds.higher_campuses.push(c);

        // Money for the 2024–2025 school year.
        let cs = dec(campus_students);
        let tuition = cs * dec(6000);
        let share = if k == 2 {
            Decimal::new(595, 3) // 59.5%
        } else {
            Decimal::new(i64::from(rng.range(60, 70)), 2)
        };
        let fees = cs * dec(2000);
        let per_student = dec(12000);
        ds.finance_settlements.push(FinanceSettlement {
            higher_school: higher_id.clone(),
            school: school.clone(),
            year: 2024,
            tuition_collected: Some(tuition),
            tuition_passed_on: Some((tuition * share).round_dp(2)),
            fees_collected: Some(fees),
            fees_passed_on: Some(if k == 3 {
                fees - Decimal::new(123_450, 2)
            } else {
                fees
            }),
            appropriation_per_student: Some(per_student),
            appropriation_students: Some(campus_students),
            appropriation_paid: Some(if k == 4 {
                per_student * dec(campus_students - 1)
            } else {
                per_student * cs
            }),
            // The local finance pays the higher school in full (主要任务5), but for one school.
            appropriation_received: Some(if k == 2 {
                per_student * cs - dec(60000)
            } else {
                per_student * cs
            }),
        });

        // Two programmes per school; one split 2 + 3 by mistake.
        let plan_majors = [pick_major(&mut rng), pick_major(&mut rng)];
        for (j, major) in plan_majors.iter().enumerate() {
            let wrong = k == 3 && j == 1;
            ds.programme_plans.push(ProgrammePlan {
                school: school.clone(),
                higher_school: Some(higher_id.clone()),
                major: major.clone(),
                entry_year: Some(2024),
                secondary_years: Some(if wrong { 2 } else { 3 }),
                higher_years: Some(if wrong { 3 } else { 2 }),
            });
        }

        // New students of 2024 and their agreements (a sample of each intake).
        for n in 0..12u32 {
            let late = k == 0 && n == 3;
            let unsigned_guardian = k == 2 && n == 5;
            let none = k == 4 && n == 7;
            let signed_on = if late {
                date(2024, 10, 8)
            } else {
                date(2024, 9, rng.range(2, 30))
            };
            ds.students.push(Student {
                id: format!("{}-2024{:03}", school, n + 1),
                name: Some(name(&mut rng)),
                school: school.clone(),
                higher_school: Some(higher_id.clone()),
                major: Some(plan_majors[(n % 2) as usize].clone()),
                entry_year: 2024,
                term_start: date(2024, 9, 1),
                agreement: (!none).then_some(Agreement {
                    signed_on,
                    higher_school: Some(true),
                    secondary_school: Some(true),
                    student_or_guardian: Some(!unsigned_guardian),
                }),
                certificates: Vec::new(),
                graduated: None,
            });
        }
        // The county the school serves (一县一校): its own.
        let district = schools.get(k + 1).and_then(|s| s.district.clone());
        ds.pilot_enrollments.push(PilotEnrollment {
            school: school.clone(),
            year: 2024,
            enrolled: intake_2024[k],
            district: district.clone(),
        });
        if let Some(&n) = intake_2023.get(k) {
            ds.pilot_enrollments.push(PilotEnrollment {
                school: school.clone(),
                year: 2023,
                enrolled: n,
                district: district.clone(),
            });
        }
    }

    // Graduates of 2024 from the three longest-running pilot schools, with their certificates.
    let employment = [(60u32, 36u32), (52, 30), (45, 24)]; // 90 of 157: 57.3%, below the goal
    for (k, (grads, local)) in employment.iter().enumerate() {
        let school = &pilot[k];
        ds.graduate_employment.push(GraduateEmployment {
            school: school.clone(),
            year: 2024,
            graduates: *grads,
            employed_locally: *local,
        });
        for n in 0..8u32 {
            let certificates = match (k, n) {
                (1, 2) => vec![Certificate {
                    kind: CertificateKind::XCertificate,
                    level: Some(CertificateLevel::Elementary),
                    name: Some("智能财税".into()),
                }],
                (2, 6) => Vec::new(),
                (_, n) if n % 2 == 0 => vec![Certificate {
                    kind: CertificateKind::SeniorWorker,
                    level: None,
                    name: Some("电工".into()),
                }],
                _ => vec![Certificate {
                    kind: CertificateKind::XCertificate,
                    level: Some(if rng.range(0, 1) == 0 {
                        CertificateLevel::Intermediate
                    } else {
                        CertificateLevel::Advanced
                    }),
                    name: Some("Web前端开发".into()),
                }],
            };
            ds.students.push(Student {
                id: format!("{}-2019{:03}", school, n + 1),
                name: Some(name(&mut rng)),
                school: school.clone(),
                higher_school: Some(higher_id.clone()),
                major: None,
                entry_year: 2019,
                term_start: date(2019, 9, 1),
                agreement: Some(Agreement {
                    signed_on: date(2019, 9, rng.range(2, 28)),
                    higher_school: Some(true),
                    secondary_school: Some(true),
                    student_or_guardian: Some(true),
                }),
                certificates,
                graduated: Some(true),
            });
        }
    }
    ds.schools = schools;
    ds
}

#[cfg(test)]
mod tests {
    use super::{dataset, generate, SEED};
    use crate::report::RuleState;
    use crate::rules::builtin;
    use crate::{check, Options};

    #[test]
    fn deterministic() {
        assert_eq!(dataset(), dataset());
        assert_ne!(generate(1), dataset());
    }

    #[test]
    fn every_rule_fires_and_targets_are_reported() {
        for seed in [SEED, 1, 2, 3] {
            every_rule_fires(seed);
        }
    }

    fn every_rule_fires(seed: u64) {
        let ds = generate(seed);
        let report = check(
            &ds,
            &Options {
                packs: vec!["qz-pilot-2024".into()],
                ..Default::default()
            },
        )
        .unwrap();
        let pack = builtin("qz-pilot-2024").unwrap();
        for rule in &pack.rules {
            let st = report.rules.iter().find(|s| s.rule_id == rule.id).unwrap();
            let reported = report.targets.iter().any(|t| t.rule_id == rule.id);
            assert!(
                st.state == RuleState::Failed || reported,
                "{} did not fire: {:?}",
                rule.id,
                st
            );
        }
        let data_findings: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule_id().starts_with("data/"))
            .collect();
        assert!(data_findings.is_empty(), "{data_findings:#?}");
        // A minority: far fewer findings than records checked.
        let checked: usize = report.rules.iter().map(|r| r.checked).sum();
        assert!(
            report.findings.len() * 5 < checked,
            "{} findings",
            report.findings.len()
        );
        let enrol = report
            .targets
            .iter()
            .find(|t| t.rule_id == "qz-pilot-2024/enrollment-target" && t.year == 2024)
            .unwrap();
        assert_eq!((enrol.value.as_str(), enrol.met), ("430", false));
        assert!(ds
            .schools
            .iter()
            .skip(1)
            .all(|s| s.district.as_deref().is_some_and(|d| d.starts_with("3308"))));
    }
}
