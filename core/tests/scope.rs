#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
//! Where and when rules apply: each pack judges only records in its region (by the schools'
//! GB/T 2260 codes) and in its rules' periods in force; with no pack named, the packs follow the
//! regions of the data.

use std::collections::BTreeMap;
use xianjie::report::RuleState;
use xianjie::rules::builtin;
use xianjie::{check, Checker, Dataset, Options, Pack, Report};

fn chosen(ds: &Dataset) -> Report {
    check(ds, &Options::default()).unwrap()
}

fn named(ds: &Dataset, packs: &[&str]) -> Report {
    let opts = Options {
        packs: packs.iter().map(|p| p.to_string()).collect(),
        ..Default::default()
    };
    check(ds, &opts).unwrap()
}

fn state(r: &Report, rule: &str) -> RuleState {
    r.rules
        .iter()
        .find(|s| s.rule_id == rule)
        .unwrap_or_else(|| panic!("{rule} not in the report"))
        .state
}

fn reason_en(r: &Report, rule: &str) -> String {
    r.rules
        .iter()
        .find(|s| s.rule_id == rule)
        .and_then(|s| s.reason.clone())
        .map(|t| t.en)
        .unwrap_or_default()
}

/// The region code of the pack a finding's rule belongs to (`data/…` integrity rules: none).
fn region_of(rule_id: &str) -> Option<String> {
    let pack = rule_id.split('/').next()?;
    builtin(pack).and_then(|p| p.region.clone()).map(|r| r.code)
}

#[test]
fn every_built_in_pack_declares_its_region() {
    let want = [
        ("bj-3p2-2024", "11"),
        ("bj-vet-2024", "11"),
        ("bj-vet10-2020", "11"),
        ("qz-pilot-2024", "3308"),
        ("hhht-majors-2022", "1501"),
        ("ref-data", "national"),
    ];
    for (id, code) in want {
        let p = builtin(id).unwrap();
        assert_eq!(
            p.region.as_ref().map(|r| r.code.as_str()),
            Some(code),
            "{id}"
        );
    }
    assert_eq!(xianjie::rules::builtin_ids().len(), want.len());
    // Hohhot's plan covers 2022—2025.
    let hhht = builtin("hhht-majors-2022").unwrap();
    assert_eq!(hhht.effective_until, Some("2025-12-31".parse().unwrap()));
}

/// On each bundled sample, with no pack named, every finding comes from that city's notices or
/// the reference pack, and the other cities' packs are not used at all.
#[test]
fn each_sample_is_judged_by_its_own_city_only() {
    for (sample, code, packs) in [
        (
            "bj-3p2-2024",
            "11",
            &["bj-3p2-2024", "bj-vet-2024", "bj-vet10-2020", "ref-data"][..],
        ),
        ("qz-pilot-2024", "3308", &["qz-pilot-2024", "ref-data"][..]),
        (
            "hhht-majors-2022",
            "1501",
            &["hhht-majors-2022", "ref-data"][..],
        ),
    ] {
        let ds = xianjie::sample::load(sample).unwrap();
        let r = chosen(&ds);
        assert!(!r.findings.is_empty(), "{sample}");
        for f in &r.findings {
            let region = region_of(f.rule_id());
            assert!(
                region.as_deref() == Some(code) || region.as_deref() == Some("national"),
                "{sample}: {} comes from region {region:?}",
                f.rule_id()
            );
        }
        let used: Vec<&str> = r.packs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(used, packs, "{sample}");
    }
}

const MIXED: &str = r#"{"reporting_year": 2024,
  "schools": [
    {"id": "S1", "name": "北京市信息管理学校", "level": "secondary", "district": "110108"},
    {"id": "H1", "name": "北京信息职业技术学院", "level": "higher", "district": "110108"},
    {"id": "S2", "name": "衢州中等专业学校", "level": "secondary", "district": "330802"},
    {"id": "H2", "name": "衢州职业技术学院", "level": "higher", "district": "330802"},
    {"id": "S3", "name": "某中职学校", "level": "secondary"}],
  "projects": [
    {"id": "P1", "mode": "three_plus_two", "secondary_school": "S1", "higher_school": "H1",
     "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"}},
    {"id": "P2", "mode": "three_plus_two", "secondary_school": "S2", "higher_school": "H2",
     "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"}},
    {"id": "P3", "mode": "three_plus_two", "secondary_school": "S3", "higher_school": "S3",
     "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"}}],
  "semester_activities": [
    {"project": "P1", "semester": "2023-2024-1", "meetings": 1, "joint_research": 3, "teachers_dispatched": 5},
    {"project": "P2", "semester": "2023-2024-1", "meetings": 1, "joint_research": 3, "teachers_dispatched": 5},
    {"project": "P3", "semester": "2023-2024-1", "meetings": 1, "joint_research": 3, "teachers_dispatched": 5}]
}"#;

fn meetings(r: &Report) -> Vec<&str> {
    r.findings
        .iter()
        .filter(|f| f.rule_id() == "bj-3p2-2024/semester-meetings")
        .map(|f| f.path())
        .collect()
}

/// A national dataset is checked city by city: the Beijing rule judges the Beijing project, not
/// the Quzhou one; the project of unknown region only when the pack is named.
#[test]
fn mixed_regions_city_by_city() {
    let ds = Dataset::from_json_str(MIXED).unwrap();
    let r = chosen(&ds);
    assert_eq!(meetings(&r), ["semester_activities[0].meetings"]);
    // No finding of a Beijing pack lies on a Quzhou record (schools[2..4], projects[1]).
    for f in r.findings.iter().filter(|f| f.rule_id().starts_with("bj-")) {
        for l in &f.locations {
            assert!(
                ![
                    "schools[2]",
                    "schools[3]",
                    "projects[1]",
                    "semester_activities[1]"
                ]
                .iter()
                .any(|p| l.path == *p || l.path.starts_with(&format!("{p}."))),
                "{} at {}",
                f.rule_id(),
                l.path
            );
        }
    }
    // The record of unknown region is left out, and the rule says how many.
    let why = reason_en(&r, "bj-3p2-2024/semester-meetings");
    assert!(
        why.contains("1 record whose region cannot be told"),
        "{why}"
    );
    // Named, the pack judges it too (but never the Quzhou one).
    let r = named(&ds, &["bj-3p2-2024"]);
    assert_eq!(
        meetings(&r),
        [
            "semester_activities[0].meetings",
            "semester_activities[2].meetings"
        ]
    );
    assert_eq!(reason_en(&r, "bj-3p2-2024/semester-meetings"), "");
}

/// Data whose region cannot be told is not judged by a city's pack unless it is named; the
/// report says why.
#[test]
fn unknown_region_is_said() {
    let ds = Dataset::from_json_str(
        r#"{"reporting_year": 2024, "semester_activities": [
        {"project": "P1", "semester": "2023-2024-1", "meetings": 1, "joint_research": 3, "teachers_dispatched": 5}]}"#,
    )
    .unwrap();
    let r = chosen(&ds);
    assert!(r.findings.is_empty(), "{:#?}", r.findings);
    let rule = "bj-3p2-2024/semester-meetings";
    assert_eq!(state(&r, rule), RuleState::Unchecked);
    let why = reason_en(&r, rule);
    assert!(why.contains("name the pack"), "{why}");
    assert_eq!(named(&ds, &["bj-3p2-2024"]).findings.len(), 1);
}

/// Per-record period in force: semesters over before the notice are not judged, the one under
/// way on its date is; Hohhot's plan judges no year after 2025.
#[test]
fn periods_in_force_per_record() {
    let ds = Dataset::from_json_str(
        r#"{"reporting_year": 2024, "semester_activities": [
        {"project": "P1", "semester": "2022-2023-1", "meetings": 0, "joint_research": 3, "teachers_dispatched": 5},
        {"project": "P1", "semester": "2022-2023-2", "meetings": 0, "joint_research": 3, "teachers_dispatched": 5},
        {"project": "P1", "semester": "2023-2024-1", "meetings": 0, "joint_research": 3, "teachers_dispatched": 5},
        {"project": "P1", "semester": "2023-2024-2", "meetings": 0, "joint_research": 3, "teachers_dispatched": 5}]}"#,
    )
    .unwrap();
    let r = named(&ds, &["bj-3p2-2024"]);
    assert_eq!(
        meetings(&r),
        [
            "semester_activities[2].meetings",
            "semester_activities[3].meetings"
        ]
    );
    let st = r
        .rules
        .iter()
        .find(|s| s.rule_id == "bj-3p2-2024/semester-meetings")
        .unwrap();
    assert_eq!(st.checked, 2);

    // Hohhot: three new majors in one school year where two are allowed: judged in 2025–2026
    // (the plan covers 2022—2025, and that school year begins in 2025), not in 2026–2027.
    let filing = |y: &str, code: &str| {
        format!(
            r#"{{"school": "S1", "school_year": "{y}", "major": {{"code": "{code}"}}, "filed": true}}"#
        )
    };
    let years = |y: &str| {
        ["710201", "710202", "710203"]
            .iter()
            .map(|c| filing(y, c))
            .collect::<Vec<_>>()
            .join(",")
    };
    let ds = Dataset::from_json_str(&format!(
        r#"{{"schools": [{{"id": "S1", "name": "呼和浩特市职业学校", "level": "secondary", "district": "150102"}}],
          "new_major_filings": [{}, {}]}}"#,
        years("2025-2026"),
        years("2026-2027")
    ))
    .unwrap();
    let r = chosen(&ds);
    let paths: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.rule_id() == "hhht-majors-2022/new-majors-per-year")
        .flat_map(|f| f.locations.iter().map(|l| l.path.as_str()))
        .collect();
    assert!(!paths.is_empty());
    assert!(
        paths.iter().all(|p| [
            "new_major_filings[0]",
            "new_major_filings[1]",
            "new_major_filings[2]"
        ]
        .contains(p)),
        "{paths:?}"
    );
}

/// The campaign the reporting year selects: the 2024 deadlines do not judge 2025 data, unless
/// the user gives the year's deadline.
#[test]
fn later_campaigns_are_not_judged_by_the_2024_deadlines() {
    let json = |year: i32| {
        format!(
            r#"{{"reporting_year": {year},
            "applications": [{{"id": "A1", "year": {year}, "secondary_school": "S1", "higher_school": "H1", "rank": 1,
              "secondary_major": {{"code": "710201"}}, "higher_major": {{"code": "510201"}},
              "submitted_at": "{year}-03-01T09:00:00+08:00"}}]}}"#
        )
    };
    let rule = "bj-3p2-2024/upload-deadline";
    let late = |r: &Report| r.findings.iter().filter(|f| f.rule_id() == rule).count();
    let r = named(
        &Dataset::from_json_str(&json(2024)).unwrap(),
        &["bj-3p2-2024"],
    );
    assert_eq!(late(&r), 1);
    let ds = Dataset::from_json_str(&json(2025)).unwrap();
    let r = named(&ds, &["bj-3p2-2024"]);
    assert_eq!(late(&r), 0);
    assert_eq!(state(&r, rule), RuleState::Unchecked);
    let why = reason_en(&r, rule);
    assert!(
        why.contains("2024 campaign") && why.contains("bj-3p2-2024/upload-deadline.at"),
        "{why}"
    );
    let params = BTreeMap::from([(
        format!("{rule}.at"),
        "2025-02-28T17:00:00+08:00".to_string(),
    )]);
    let c = Checker::builtin(&["bj-3p2-2024".into()], &params).unwrap();
    assert_eq!(late(&c.check(&ds)), 1);
}

#[test]
fn a_pack_region_is_validated_on_load() {
    let pack = |region: &str| {
        format!(
            "id = \"t\"\nversion = \"1\"\ntitle_zh = \"t\"\ntitle_en = \"t\"\n{region}\n[source]\ndocument = \"d\"\ntitle = \"t\"\nissuer = \"i\"\ndate = \"2024-01-01\"\n[[rules]]\nid = \"t/r\"\ntitle_zh = \"t\"\ntitle_en = \"t\"\nclause = \"c\"\nquote = \"q\"\nseverity = \"error\"\n[[rules.checks]]\nkind = \"threshold\"\nentity = \"semester_activities\"\nfield = \"meetings\"\nmin = 2\n"
        )
    };
    let ok = |r: &str| Pack::from_toml_str(&pack(r), "t.toml");
    assert!(ok("region = { code = \"3308\", zh = \"衢州市\", en = \"Quzhou\" }").is_ok());
    assert!(ok("region = { code = \"national\", zh = \"全国\", en = \"national\" }").is_ok());
    assert!(ok("").is_ok());
    for bad in ["330800", "33x8", "9999", ""] {
        let e = ok(&format!(
            "region = {{ code = \"{bad}\", zh = \"x\", en = \"x\" }}"
        ))
        .unwrap_err();
        assert_eq!(e.kind.type_name(), "region", "{bad}");
        assert_eq!(e.loc, "region.code");
        assert!(e.kind.message().zh.contains("GB/T 2260"));
    }
    // A rule naming a campaign the pack does not declare.
    let text = pack("").replace(
        "severity = \"error\"",
        "severity = \"error\"\ncampaign = \"2030\"",
    );
    let e = Pack::from_toml_str(&text, "t.toml").unwrap_err();
    assert_eq!(e.kind.type_name(), "campaign");
}

/// A national dataset is checked city by city: with its schools spread over Beijing and Quzhou
/// and no pack named, each city's notice judges only records of its own schools.
#[cfg(feature = "arrow")]
#[test]
fn a_national_dataset_city_by_city() {
    let batches = xianjie::sample::national::national(0.001, 7).unwrap();
    let mut ds = xianjie::columns::dataset_from_batches(
        batches
            .into_iter()
            .map(|(k, b)| (k.as_str().to_string(), vec![b])),
        &xianjie::Limits::default(),
    )
    .unwrap();
    ds.reporting_year = Some(xianjie::sample::national::REPORTING_YEAR);
    for (i, s) in ds.schools.iter_mut().enumerate() {
        s.district = Some(if i % 2 == 0 { "110108" } else { "330802" }.into());
    }
    let district = |id: &str| {
        ds.schools
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.district.clone())
            .unwrap_or_default()
    };
    let r = chosen(&ds);
    let used: Vec<&str> = r.packs.iter().map(|p| p.id.as_str()).collect();
    assert!(used.contains(&"bj-3p2-2024") && used.contains(&"qz-pilot-2024"));
    let (mut bj, mut qz) = (0, 0);
    for f in &r.findings {
        let Some(l) = f.locations.first() else {
            continue;
        };
        let schools: Vec<String> = match l.path.split('[').next() {
            Some("semester_activities") => {
                let p = &ds.semester_activities[l.index].project;
                let p = ds.projects.iter().find(|x| &x.id == p).unwrap();
                let mut v = vec![district(&p.higher_school)];
                v.extend(p.secondary_school.as_deref().map(district));
                v
            }
            Some("students") => {
                let s = &ds.students[l.index];
                let mut v = vec![district(&s.school)];
                v.extend(s.higher_school.as_deref().map(district));
                v
            }
            _ => continue,
        };
        if f.rule_id().starts_with("bj-") {
            bj += 1;
            assert!(schools.iter().any(|d| d.starts_with("11")), "{}", l.path);
        } else if f.rule_id().starts_with("qz-") {
            qz += 1;
            assert!(schools.iter().any(|d| d.starts_with("3308")), "{}", l.path);
        }
    }
    assert!(bj > 0 && qz > 0, "{bj} {qz}");
}
