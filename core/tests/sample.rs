#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! The bundled Beijing sample: the committed file matches the generator, and the injected
//! violations make every rule fire while most projects pass.

use std::collections::BTreeSet;
use std::path::Path;
use xianjie::model::{EntityKind, ProgramMode};
use xianjie::report::RuleState;
use xianjie::sample;
use xianjie::{check, Dataset, Options};

const NAME: &str = "bj-3p2-2024";

fn bj_opts() -> Options {
    Options {
        packs: vec![NAME.into()],
        ..Default::default()
    }
}

#[test]
fn is_listed_and_loads() {
    assert!(sample::names().contains(&NAME));
    assert!(sample::load(NAME).is_some());
    assert!(sample::load("no-such-sample").is_none());
}

#[test]
fn committed_file_matches_the_generator() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples/bj-3p2-2024.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let committed = Dataset::from_json_str(&text)
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
    let generated = sample::load(NAME).expect("listed sample");
    assert!(
        committed == generated,
        "samples/bj-3p2-2024.json differs from the generator; regenerate it with \
         `cargo run -p xianjie --example gen_samples` and commit the result"
    );
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(sample::load(NAME), sample::load(NAME));
    assert_ne!(sample::generate(NAME, 1), sample::generate(NAME, 2));
}

#[test]
fn looks_like_beijing_2024() {
    use xianjie::reference::{catalog, divisions, moe_code, uscc};
    let ds = sample::load(NAME).expect("listed sample");
    assert_eq!(ds.reporting_year, Some(2024));
    assert_eq!(ds.projects.len(), 447);
    let districts: BTreeSet<&str> = divisions::counties_of("1101").map(|d| d.code).collect();
    for s in &ds.schools {
        assert!(
            districts.contains(s.district.as_deref().unwrap_or("")),
            "{}",
            s.id
        );
        let code = s.uscc.as_deref().unwrap_or("");
        assert!(uscc::validate(code).is_ok(), "{} {code}", s.id);
        if let Some(m) = &s.moe_code {
            assert!(moe_code::parse(m).is_ok(), "{} {m}", s.id);
        }
    }
    for p in &ds.projects {
        let hi = catalog::major(&p.higher_major.code).expect("higher major in the catalogue");
        if let Some(m) = &p.secondary_major {
            let sec = catalog::major(&m.code).expect("secondary major in the catalogue");
            let (s, h): (u32, u32) = (
                sec.category_code.parse().unwrap(),
                hi.category_code.parse().unwrap(),
            );
            assert_eq!(s, h + 20, "{}: same 大类", p.id);
        }
    }
    let modes: BTreeSet<ProgramMode> = ds.projects.iter().map(|p| p.mode).collect();
    assert_eq!(modes.len(), 4);
    let secondary = ds.schools.iter().filter(|s| s.id.starts_with('S')).count();
    assert!(
        (55..=65).contains(&secondary),
        "{secondary} secondary schools"
    );
}

/// The project a location belongs to, if any.
fn project_of(ds: &Dataset, entity: EntityKind, index: usize) -> Option<&str> {
    match entity {
        EntityKind::Projects => ds.projects.get(index).map(|p| p.id.as_str()),
        EntityKind::SemesterActivities => ds
            .semester_activities
            .get(index)
            .map(|a| a.project.as_str()),
        EntityKind::StatusReports => ds.status_reports.get(index).map(|r| r.project.as_str()),
        EntityKind::Cohorts => ds.cohorts.get(index).map(|c| c.project.as_str()),
        _ => None,
    }
}

#[test]
fn every_rule_fires_and_most_projects_pass() {
    let ds = sample::load(NAME).expect("listed sample");
    let report = check(&ds, &bj_opts()).expect("built-in pack");
    let pack = xianjie::rules::builtin(NAME).expect("built-in pack");
    assert_eq!(pack.rules.len(), 22);
    for rule in &pack.rules {
        let st = report
            .rules
            .iter()
            .find(|s| s.rule_id == rule.id)
            .expect("every rule has a status");
        // Five-year projects report from the end-2024 campaign (reporting year 2025) on: the
        // sample is of the early-2024 one.
        let want = if rule.id == "bj-3p2-2024/five-year-reporting-from-2024" {
            RuleState::Unchecked
        } else {
            RuleState::Failed
        };
        assert_eq!(st.state, want, "{} should fire on the sample", rule.id);
    }
    let integrity: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule_id().starts_with("data/"))
        .collect();
    assert!(integrity.is_empty(), "integrity findings: {integrity:?}");
    let flagged: BTreeSet<&str> = report
        .findings
        .iter()
        .flat_map(|f| f.locations.iter())
        .filter_map(|l| project_of(&ds, l.entity, l.index))
        .collect();
    let share = flagged.len() * 100 / ds.projects.len();
    assert!(
        share < 15,
        "{} of {} projects ({share}%) have a finding; violations should stay a minority",
        flagged.len(),
        ds.projects.len()
    );
}

#[test]
fn remedies_agree_in_number_and_sentences_start_capitalized() {
    let ds = Dataset::from_json_str(
        r#"{"semester_activities": [
            {"project": "P1", "semester": "2023-2024-1", "meetings": 1, "joint_research": 2, "teachers_dispatched": 4},
            {"project": "P1", "semester": "2023-2024-2", "meetings": 0, "joint_research": 1, "teachers_dispatched": 3}]}"#,
    )
    .expect("valid input");
    let report = check(&ds, &bj_opts()).expect("built-in pack");
    let remedies: Vec<String> = report
        .findings
        .iter()
        .filter_map(|f| f.remedy().map(|r| r.en))
        .collect();
    for want in [
        "1 more meeting needed",
        "2 more meetings needed",
        "1 more joint teaching-research activity needed",
        "2 more joint teaching-research activities needed",
        "1 more teacher needed",
        "2 more teachers needed",
    ] {
        assert!(
            remedies.iter().any(|r| r == want),
            "{want:?} not in {remedies:?}"
        );
    }
    let sample = sample::load(NAME).expect("listed sample");
    let report = check(&sample, &bj_opts()).expect("built-in pack");
    for f in &report.findings {
        let first = f.message().en.chars().next().unwrap_or('A');
        assert!(!first.is_ascii_lowercase(), "{}", f.message().en);
    }
}
