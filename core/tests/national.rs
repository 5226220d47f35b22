#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
//! The national-scale generator, read through the Arrow reader and checked with both packs:
//! each of the 21 rules it exercises has findings, and its pinned records exactly on a bound
//! (or on a calendar edge, or on a zero denominator) pass while those just past it do not.
#![cfg(feature = "arrow")]

use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use xianjie::sample::national::{national, REPORTING_YEAR};
use xianjie::{Checker, Dataset, Report};

/// The rules of bj-3p2-2024 and qz-pilot-2024 whose collections the generator fills.
/// (`five-year-reporting-from-2024` reads them too, but five-year projects report from the
/// end-2024 campaign on, reporting year 2025: in the early-2024 campaign it judges nothing.)
const RULES: [&str; 21] = [
    "bj-3p2-2024/annual-quality-monitoring",
    "bj-3p2-2024/contact-form",
    "bj-3p2-2024/status-matches-cohort",
    "bj-3p2-2024/bachelor-track-excludes-five-year",
    "bj-3p2-2024/contact-deadline",
    "bj-3p2-2024/leading-group",
    "bj-3p2-2024/semester-joint-research",
    "bj-3p2-2024/semester-meetings",
    "bj-3p2-2024/semester-teachers-dispatched",
    "bj-3p2-2024/status-enrollment-transfer",
    "bj-3p2-2024/status-filer",
    "bj-3p2-2024/status-integrated-training",
    "bj-3p2-2024/status-mechanisms",
    "bj-3p2-2024/status-report-required",
    "bj-3p2-2024/upload-deadline",
    "qz-pilot-2024/fees-pass-through",
    "qz-pilot-2024/graduation-certificate",
    "qz-pilot-2024/per-student-funding-pass-through",
    "qz-pilot-2024/local-appropriation-in-full",
    "qz-pilot-2024/tripartite-agreement",
    "qz-pilot-2024/tuition-share",
];

fn checked(scale: f64, seed: u64) -> (Dataset, Report) {
    let batches = national(scale, seed).unwrap();
    let mut ds = xianjie::columns::dataset_from_batches(
        batches
            .into_iter()
            .map(|(k, b)| (k.as_str().to_string(), vec![b])),
        &xianjie::Limits::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    ds.reporting_year = Some(REPORTING_YEAR);
    let checker = Checker::builtin(
        &["bj-3p2-2024".into(), "qz-pilot-2024".into()],
        &BTreeMap::new(),
    )
    .unwrap();
    let report = checker.check(&ds);
    (ds, report)
}

/// Does `rule` have a finding at the record `at` (`students[3]`), or at one of its fields?
fn flagged(r: &Report, rule: &str, at: &str) -> bool {
    let field = format!("{at}.");
    r.findings.iter().filter(|f| f.rule_id() == rule).any(|f| {
        f.locations
            .iter()
            .any(|l| l.path == at || l.path.starts_with(&field))
    })
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn every_rule_has_findings_and_its_bound_passes() {
    let (ds, r) = checked(0.001, 1);
    assert_eq!(ds.schools.len(), 20);
    assert_eq!(ds.projects.len(), 50);
    assert_eq!(ds.cohorts.len(), 300);
    assert_eq!(ds.semester_activities.len(), 500);
    assert_eq!(ds.finance_settlements.len(), 20);
    assert_eq!(ds.students.len(), 5000);

    // Exactly the 21 rules have findings; the data is sound (no duplicate id, no dangling
    // reference), so no integrity rule has any.
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &r.findings {
        *by_rule.entry(f.rule_id()).or_default() += 1;
    }
    let ruled: BTreeSet<&str> = by_rule.keys().copied().collect();
    assert_eq!(ruled, RULES.iter().copied().collect::<BTreeSet<_>>());

    // Contact reported exactly at 2024-01-31 17:00:00 passes; one second later does not; never.
    let at = |i: usize| {
        ds.schools[i]
            .governance
            .as_ref()
            .and_then(|g| g.contact.as_ref())
            .and_then(|c| c.reported_at)
            .map(|t| t.to_rfc3339())
    };
    assert_eq!(at(0).as_deref(), Some("2024-01-31T17:00:00+08:00"));
    assert_eq!(at(1).as_deref(), Some("2024-01-31T17:00:01+08:00"));
    assert_eq!(at(2), None);
    let rule = "bj-3p2-2024/contact-deadline";
    assert!(!flagged(&r, rule, "schools[0]"));
    assert!(flagged(&r, rule, "schools[1]"));
    assert!(flagged(&r, rule, "schools[2]"));

    let rule = "bj-3p2-2024/leading-group";
    assert!(!flagged(&r, rule, "schools[0]"));
    assert!(flagged(
        &r,
        rule,
        "schools[3].governance.leading_group.head_role"
    ));
    assert!(flagged(
        &r,
        rule,
        "schools[3].governance.responsible_office"
    ));
    assert!(flagged(
        &r,
        rule,
        "schools[4].governance.leading_group.head"
    ));
    assert!(flagged(&r, rule, "schools[4].governance.contact.name"));

    // Status reports: project 0 files, 1 (3+2) and 2 (five-year) do not, 3 (five-year) does.
    assert_eq!(ds.status_reports[0].project, "P0000001");
    assert_eq!(ds.status_reports[1].project, "P0000004");
    assert!(!flagged(
        &r,
        "bj-3p2-2024/status-report-required",
        "projects[0]"
    ));
    assert!(flagged(
        &r,
        "bj-3p2-2024/status-report-required",
        "projects[1]"
    ));
    // Five-year projects are not in the early-2024 campaign (三(三): from the end of 2024 on).
    assert!(!flagged(
        &r,
        "bj-3p2-2024/five-year-reporting-from-2024",
        "projects[2]"
    ));
    let five = r
        .rules
        .iter()
        .find(|s| s.rule_id == "bj-3p2-2024/five-year-reporting-from-2024")
        .unwrap();
    assert_eq!(five.state, xianjie::report::RuleState::Unchecked);

    // Submitted exactly at 2024-02-27 17:00:00: on time; one second later: late.
    let sub = |i: usize| ds.status_reports[i].submitted_at.map(|t| t.to_rfc3339());
    assert_eq!(sub(0).as_deref(), Some("2024-02-27T17:00:00+08:00"));
    assert_eq!(sub(1).as_deref(), Some("2024-02-27T17:00:01+08:00"));
    assert!(!flagged(
        &r,
        "bj-3p2-2024/upload-deadline",
        "status_reports[0]"
    ));
    assert!(flagged(
        &r,
        "bj-3p2-2024/upload-deadline",
        "status_reports[1]"
    ));

    // Every description of report 0 is exactly 10 characters: enough.
    let m = &ds.status_reports[0].mechanisms;
    assert_eq!(m.school_enterprise.as_deref(), Some("校企合作机制已经建立"));
    assert_eq!(
        m.school_enterprise.as_deref().map(|t| t.chars().count()),
        Some(10)
    );
    for rule in [
        "bj-3p2-2024/status-mechanisms",
        "bj-3p2-2024/status-integrated-training",
        "bj-3p2-2024/status-enrollment-transfer",
    ] {
        assert!(!flagged(&r, rule, "status_reports[0]"), "{rule}");
    }
    assert_eq!(
        ds.status_reports[0].transferred,
        ds.status_reports[0].graduated_secondary
    );
    // Filed by the secondary school: right; by the higher school: not.
    assert!(!flagged(
        &r,
        "bj-3p2-2024/status-filer",
        "status_reports[0]"
    ));
    assert!(flagged(&r, "bj-3p2-2024/status-filer", "status_reports[1]"));

    // Cohorts: all graduated and all transferred (both bounds met exactly), then one over each,
    // then nobody at all (zero denominators).
    let rule = "bj-3p2-2024/status-enrollment-transfer";
    let c = &ds.cohorts;
    assert_eq!(c[0].graduated_secondary, Some(c[0].enrolled));
    assert_eq!(c[0].transferred, Some(c[0].enrolled));
    assert!(!flagged(&r, rule, "cohorts[0]"));
    assert_eq!(c[1].transferred, c[1].graduated_secondary.map(|g| g + 1));
    assert!(flagged(&r, rule, "cohorts[1].transferred"));
    assert_eq!(c[2].graduated_secondary, Some(c[2].enrolled + 1));
    assert!(flagged(&r, rule, "cohorts[2].graduated_secondary"));
    assert_eq!(
        (c[6].enrolled, c[6].graduated_secondary, c[6].transferred),
        (0, Some(0), Some(0))
    );
    assert!(!flagged(&r, rule, "cohorts[6]"));

    // A five-year and a higher-to-bachelor programme on one major of one school: excluded;
    // the higher-to-bachelor programme with a 3+2 one on another major: allowed.
    let rule = "bj-3p2-2024/bachelor-track-excludes-five-year";
    assert_eq!(ds.projects[4].higher_school, ds.projects[5].higher_school);
    assert_eq!(
        ds.projects[4].higher_major.code,
        ds.projects[5].higher_major.code
    );
    assert!(flagged(&r, rule, "projects[4]") && flagged(&r, rule, "projects[5]"));
    assert!(!flagged(&r, rule, "projects[6]") && !flagged(&r, rule, "projects[7]"));

    // Semester activity exactly 2, 3, 5: passes; one short or not given: findings; nothing given
    // in a semester over before the notice (2022-2023-2): not judged.
    let a = &ds.semester_activities;
    assert_eq!(a[2].semester.to_string(), "2022-2023-2");
    assert_eq!(a[10].semester.to_string(), "2023-2024-2");
    assert_eq!(
        (a[0].meetings, a[0].joint_research, a[0].teachers_dispatched),
        (Some(2), Some(3), Some(5))
    );
    for rule in [
        "bj-3p2-2024/semester-meetings",
        "bj-3p2-2024/semester-joint-research",
        "bj-3p2-2024/semester-teachers-dispatched",
    ] {
        assert!(!flagged(&r, rule, "semester_activities[0]"), "{rule}");
        assert!(flagged(&r, rule, "semester_activities[1]"), "{rule}");
        assert!(!flagged(&r, rule, "semester_activities[2]"), "{rule}");
        assert!(flagged(&r, rule, "semester_activities[10]"), "{rule}");
    }

    // Monitoring completed at 2023-12-31 23:59:59: in time; at 00:00:00 on 1 January: late;
    // school 1 has no record; record 2 gives no time.
    let rule = "bj-3p2-2024/annual-quality-monitoring";
    let q = &ds.quality_monitoring;
    assert_eq!(
        q[0].completed_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2023-12-31T23:59:59+08:00")
    );
    assert_eq!(
        q[1].completed_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2024-01-01T00:00:00+08:00")
    );
    assert!(!flagged(&r, rule, "quality_monitoring[0]"));
    assert!(flagged(&r, rule, "quality_monitoring[1]"));
    assert!(flagged(&r, rule, "quality_monitoring[2]"));
    assert!(flagged(&r, rule, "schools[1]"));
    assert!(!flagged(&r, rule, "schools[0]"));

    // Term start + one calendar month: 31 August → 30 September, 31 January 2025 → 28 February,
    // 29 February 2024 → 29 March. The intake of 29 February 2024 is before the pilot
    // (2024-05-29) and is not judged, whatever its signing date.
    let rule = "qz-pilot-2024/tripartite-agreement";
    let st = &ds.students;
    let signed = |i: usize| st[i].agreement.as_ref().and_then(|a| a.signed_on);
    let cases = [
        (0, "2024-08-31", Some("2024-09-30"), false),
        (1, "2024-08-31", Some("2024-10-01"), true),
        (2, "2025-01-31", Some("2025-02-28"), false),
        (3, "2025-01-31", Some("2025-03-01"), true),
        (4, "2024-02-29", Some("2024-03-29"), false),
        (5, "", None, true),
    ];
    for (i, term, sign, late) in cases {
        if !term.is_empty() {
            assert_eq!(st[i].term_start, Some(date(term)), "students[{i}]");
        }
        assert_eq!(signed(i), sign.map(date), "students[{i}]");
        assert_eq!(
            flagged(&r, rule, &format!("students[{i}]")),
            late,
            "students[{i}]"
        );
    }
    // Signed in time without the guardian's signature.
    assert_eq!(
        st[6].agreement.as_ref().and_then(|a| a.student_or_guardian),
        Some(false)
    );
    assert!(flagged(&r, rule, "students[6]"));

    // A graduate's intermediate X certificate is enough; an elementary one or none is not.
    let rule = "qz-pilot-2024/graduation-certificate";
    assert!(st[7].has_x_intermediate() && st[7].graduated == Some(true));
    assert!(!flagged(&r, rule, "students[7]"));
    assert!(!st[8].has_x_intermediate() && !st[8].certificates.is_empty());
    assert!(flagged(&r, rule, "students[8]"));
    assert!(st[9].certificates.is_empty());
    assert!(flagged(&r, rule, "students[9]"));

    // Money: exactly 60% and exactly in full pass; one cent short fails; nothing owed
    // passes, except tuition (below).
    let f = &ds.finance_settlements;
    let collected = f[0].tuition_collected.unwrap();
    assert_eq!(f[0].tuition_passed_on, Some(collected * dec("0.6")));
    assert_eq!(f[0].fees_passed_on, f[0].fees_collected);
    assert_eq!(
        f[0].appropriation_paid,
        Some(
            f[0].appropriation_per_student.unwrap()
                * Decimal::from(f[0].appropriation_students.unwrap())
        )
    );
    let collected = f[1].tuition_collected.unwrap();
    assert_eq!(
        f[1].tuition_passed_on,
        Some(collected * dec("0.6") - dec("0.01"))
    );
    assert_eq!(f[2].appropriation_students, Some(0));
    assert_eq!(f[2].tuition_collected, Some(Decimal::ZERO));
    for rule in [
        "qz-pilot-2024/tuition-share",
        "qz-pilot-2024/fees-pass-through",
        "qz-pilot-2024/per-student-funding-pass-through",
    ] {
        assert!(!flagged(&r, rule, "finance_settlements[0]"), "{rule}");
        assert!(flagged(&r, rule, "finance_settlements[1]"), "{rule}");
    }
    // No tuition collected is a zero-denominator finding of its own (no tuition recorded),
    // never a pass by 0 ≥ 60% of 0; no appropriated students owes nothing and passes.
    assert!(flagged(
        &r,
        "qz-pilot-2024/tuition-share",
        "finance_settlements[2]"
    ));
    assert!(!flagged(
        &r,
        "qz-pilot-2024/per-student-funding-pass-through",
        "finance_settlements[2]"
    ));
}

#[test]
fn same_seed_same_findings() {
    let (_, a) = checked(0.001, 5);
    let (_, b) = checked(0.001, 5);
    assert_eq!(a.findings.len(), b.findings.len());
    let (_, c) = checked(0.001, 6);
    assert_ne!(a.findings.len(), c.findings.len());
}
