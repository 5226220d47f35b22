#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Invariants, by proptest: lossless JSON, thresholds respected exactly, deterministic reports,
//! no panic on arbitrary input.

mod strategies;

use proptest::prelude::*;
use strategies::{activity, cohort, monitoring, semester};
use xianjie::model::{Semester, SemesterActivity};
use xianjie::report::RuleState;
use xianjie::{check, sample, Dataset, Options};

const PACK: &str = "bj-3p2-2024";

fn bj() -> Options {
    Options {
        packs: vec![PACK.into()],
        ..Default::default()
    }
}

fn round_trip(ds: &Dataset) -> Result<(), TestCaseError> {
    let text = serde_json::to_string(ds).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back = Dataset::from_json_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, ds);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn entities_round_trip(
        acts in proptest::collection::vec(activity(0..u32::MAX, 0..u32::MAX, 0..u32::MAX), 0..8),
        cohorts in proptest::collection::vec(cohort(), 0..8),
        qm in proptest::collection::vec(monitoring(), 0..8),
        year in proptest::option::of(2000i32..=2100),
        name in proptest::option::of("\\PC{0,20}"),
    ) {
        let ds = Dataset {
            name,
            reporting_year: year,
            semester_activities: acts,
            cohorts,
            quality_monitoring: qm,
            ..Default::default()
        };
        round_trip(&ds)?;
    }

    #[test]
    fn semester_display_parses_back(s in semester()) {
        prop_assert_eq!(s.to_string().parse::<Semester>(), Ok(s));
    }

    #[test]
    fn semester_parse_never_panics(s in "\\PC{0,24}") {
        let _ = s.parse::<Semester>();
    }

    #[test]
    fn semester_like_strings_never_panic(a in any::<i64>(), b in any::<i64>(), t in any::<i32>(), sep in "[-—–/ ]") {
        let _ = format!("{a}{sep}{b}{sep}{t}").parse::<Semester>();
    }

    /// Counts at or above every minimum give no finding of the threshold rules.
    #[test]
    fn inside_thresholds_no_finding(acts in proptest::collection::vec(activity(2..1000, 3..1000, 5..1000), 1..20)) {
        // One record per project and semester: a second is a finding of its own (the dataset's
        // integrity), and the generator may draw one.
        let mut seen = std::collections::HashSet::new();
        let acts: Vec<SemesterActivity> = acts
            .into_iter()
            .filter(|a| seen.insert((a.project.clone(), a.semester)))
            .map(|mut a| {
                // Blank counts are findings of their own ("not given"); fill them at the minimum.
                a.meetings.get_or_insert(2);
                a.joint_research.get_or_insert(3);
                a.teachers_dispatched.get_or_insert(5);
                a
            })
            .collect();
        // Only semesters under way on or after the notice's date (2024-01-24) are judged: from
        // 2023-2024-1 on. With none of those, the rules judged nothing.
        let judged = acts.iter().any(|a| a.semester.start_year >= 2023);
        let ds = Dataset { reporting_year: Some(2024), semester_activities: acts, ..Default::default() };
        let report = check(&ds, &bj()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(report.findings.is_empty(), "{:?}", report.findings);
        let want = if judged { RuleState::Passed } else { RuleState::Unchecked };
        for r in ["semester-meetings", "semester-joint-research", "semester-teachers-dispatched"] {
            let id = format!("{PACK}/{r}");
            let st = report.rules.iter().find(|s| s.rule_id == id).map(|s| s.state);
            prop_assert_eq!(st, Some(want));
        }
    }

    /// Below a minimum: exactly one finding per record and rule, located at the field.
    #[test]
    fn below_threshold_one_finding_each(m in 0u32..2, j in 0u32..3, t in 0u32..5) {
        let ds = Dataset {
            reporting_year: Some(2024),
            semester_activities: vec![SemesterActivity {
                project: "P1".into(),
                semester: Semester { start_year: 2023, term: 1 },
                meetings: Some(m),
                joint_research: Some(j),
                teachers_dispatched: Some(t),
            }],
            ..Default::default()
        };
        let report = check(&ds, &bj()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let paths: Vec<&str> = report.findings.iter().map(|f| f.path()).collect();
        prop_assert_eq!(paths.len(), 3);
        for p in ["meetings", "joint_research", "teachers_dispatched"] {
            let want = format!("semester_activities[0].{p}");
            prop_assert!(paths.contains(&want.as_str()), "{:?}", paths);
        }
    }

    /// Arbitrary text never panics the reader, and whatever it accepts, the checker takes.
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        if let Ok(ds) = Dataset::from_json_str(&s) {
            let _ = check(&ds, &bj());
        }
    }

    /// JSON-shaped input built from the model's own field names, with values of any type.
    #[test]
    fn json_ish_never_panics(v in json_ish()) {
        let text = v.to_string();
        if let Ok(ds) = Dataset::from_json_str(&text) {
            let a = check(&ds, &Options::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let b = check(&ds, &Options::default()).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(a, b);
        }
    }
}

proptest! {
    // Each case generates and checks a full 447-project sample: keep the count small.
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// The generator, for any seed: lossless JSON, deterministic reports, every rule fires.
    #[test]
    fn generated_samples(seed in any::<u64>()) {
        let ds = sample::generate(PACK, seed).ok_or_else(|| TestCaseError::fail("no sample"))?;
        prop_assert_eq!(ds.projects.len(), 447);
        round_trip(&ds)?;
        let a = check(&ds, &bj()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let b = check(&ds, &bj()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&a, &b);
        prop_assert!(a.findings.iter().all(|f| !f.rule_id().starts_with("data/")));
        for st in &a.rules {
            // Five-year projects report from the end-2024 campaign (reporting year 2025) on:
            // the sample is of the early-2024 one.
            let want = if st.rule_id == "bj-3p2-2024/five-year-reporting-from-2024" {
                RuleState::Unchecked
            } else {
                RuleState::Failed
            };
            prop_assert_eq!(st.state, want, "{} on seed {}", st.rule_id, seed);
        }
    }
}

/// Field names of every collection, plus a few that do not exist.
const KEYS: &[&str] = &[
    "reporting_year",
    "name",
    "schools",
    "projects",
    "applications",
    "cohorts",
    "semester_activities",
    "status_reports",
    "quality_monitoring",
    "id",
    "level",
    "project",
    "semester",
    "meetings",
    "joint_research",
    "teachers_dispatched",
    "school",
    "year",
    "completed_at",
    "secondary_school",
    "higher_school",
    "higher_major",
    "code",
    "mode",
    "standing",
    "rank",
    "submitted_at",
    "entry_year",
    "enrolled",
    "transferred",
    "graduated_secondary",
    "governance",
    "contact",
    "reported_at",
    "filed_by",
    "mechanisms",
    "independent",
    "colour",
];

fn json_ish() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            Just("2023-2024-1".to_string()),
            Just("2024-02-27T17:00:00+08:00".to_string()),
            Just("secondary".to_string()),
            Just("three_plus_two".to_string()),
            "\\PC{0,12}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((proptest::sample::select(KEYS), inner), 0..6).prop_map(
                |kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            ),
        ]
    })
}
