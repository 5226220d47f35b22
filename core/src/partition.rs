//! Checking data split across machines (Spark, Dask) by the checks' scopes
//! ([`crate::checks::scope_of`]): each partition is checked with the checks its part of the
//! data decides, its findings placed by the records' row numbers in the whole data, and the
//! rule statuses of every partition merged into those of one run over the whole data.

use crate::checks::scope_of::{integrity_scopes, CheckScope};
use crate::model::{Dataset, EntityKind};
use crate::report::{Report, RuleState, RuleStatus};
use crate::rules::Rule;
use crate::Checker;
use std::collections::BTreeMap;

/// A check to run: its rule's id and its position in the rule ([`CheckScope::rule_id`],
/// [`CheckScope::check`]).
pub type Unit = (String, usize);

/// Every check of `checker`'s packs with its scope, the integrity checks first.
///
/// ```
/// let c = xianjie::Checker::builtin(&["bj-3p2-2024".into()], &Default::default()).unwrap();
/// let s = xianjie::partition::scopes(&c);
/// assert!(s.iter().any(|s| s.rule_id == "bj-3p2-2024/semester-meetings"));
/// assert!(s.iter().any(|s| s.rule_id == "data/duplicate-id"));
/// ```
pub fn scopes(checker: &Checker) -> Vec<CheckScope> {
    let mut out = integrity_scopes();
    out.extend(checker.packs().iter().flat_map(crate::Pack::scopes));
    out
}

/// Checks partition `ds` with the checks `units` of `checker` only, as if in one run over the
/// whole data: `rows` gives, for each collection split across partitions, the row number in the
/// whole collection of each of the partition's records (in the partition's order, which should
/// be theirs); collections not in `rows` are whole in `ds`. Integrity findings are kept for the
/// integrity units named only. The report's rules are those with a check among `units`.
pub fn check_part(
    checker: &Checker,
    ds: &Dataset,
    units: &[Unit],
    rows: &BTreeMap<EntityKind, Vec<u64>>,
) -> Report {
    let chosen = |id: &str, i: usize| units.iter().any(|(u, c)| u == id && *c == i);
    let mut report = checker.only(|r: &Rule, i| chosen(&r.id, i)).check(ds);
    let integrity: Vec<(String, EntityKind)> = integrity_scopes()
        .into_iter()
        .filter(|s| chosen(&s.rule_id, s.check))
        .map(|s| (s.rule_id, s.entity))
        .collect();
    let is_integrity = |id: &str| {
        crate::engine::INTEGRITY_RULES
            .iter()
            .any(|(r, _, _)| *r == id)
    };
    report.findings.retain(|f| {
        !is_integrity(f.rule_id())
            || f.locations
                .first()
                .is_some_and(|l| integrity.contains(&(f.rule_id().to_string(), l.entity)))
    });
    report.remap_records(rows);
    // Sorted and counted again: indices and findings changed.
    Report::new(
        report.dataset,
        report.reporting_year,
        report.packs,
        report.findings,
        report.rules,
        report.targets,
    )
}

/// The rule statuses of partitions (each from [`check_part`]) merged into those of one run
/// over the whole data, in `checker`'s rule order: records checked and findings summed; failed
/// if it failed in a partition, else passed if it passed in one, else as in the first
/// partition (not in force, unchecked) with its reason. A reason stays with the state it
/// explains: a rule passed in one partition and unchecked for want of records in another has
/// none. Put a partition with no records of the split collections last: its reasons (no
/// records) are the ones a whole run gives only when no partition had any.
///
/// ```
/// use std::collections::BTreeMap;
/// use xianjie::model::EntityKind;
/// let c = xianjie::Checker::builtin(&["bj-3p2-2024".into()], &BTreeMap::new()).unwrap();
/// let units = vec![("bj-3p2-2024/semester-meetings".to_string(), 0)];
/// let part = |m: u32| xianjie::Dataset::from_json_str(&format!(r#"{{"reporting_year": 2024,
///   "semester_activities": [{{"project": "P1", "semester": "2023-2024-1", "meetings": {m}}}]}}"#)).unwrap();
/// let rows = |n| BTreeMap::from([(EntityKind::SemesterActivities, vec![n])]);
/// let a = xianjie::partition::check_part(&c, &part(3), &units, &rows(0));
/// let b = xianjie::partition::check_part(&c, &part(1), &units, &rows(1));
/// assert_eq!(b.findings[0].path(), "semester_activities[1].meetings");
/// let merged = xianjie::partition::merge_rules(&c, &[a.rules, b.rules]);
/// let r = merged.iter().find(|r| r.rule_id == "bj-3p2-2024/semester-meetings").unwrap();
/// assert_eq!((r.checked, r.findings), (2, 1));
/// ```
pub fn merge_rules(checker: &Checker, parts: &[Vec<RuleStatus>]) -> Vec<RuleStatus> {
    let rank = |s: RuleState| match s {
        RuleState::NotInForce => 0,
        RuleState::Failed => 1,
        RuleState::Passed => 2,
        _ => 3,
    };
    let mut out = Vec::new();
    for rule in checker.packs().iter().flat_map(|p| &p.rules) {
        let mine: Vec<&RuleStatus> = parts
            .iter()
            .flatten()
            .filter(|s| s.rule_id == rule.id)
            .collect();
        let Some(best) = mine.iter().min_by_key(|s| rank(s.state)) else {
            continue;
        };
        let mut merged = (*best).clone();
        merged.checked = mine.iter().map(|s| s.checked).sum();
        merged.findings = mine.iter().map(|s| s.findings).sum();
        merged.reason = mine
            .iter()
            .find(|s| s.state == merged.state && s.reason.is_some())
            .and_then(|s| s.reason.clone());
        out.push(merged);
    }
    out
}
