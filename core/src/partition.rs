//! Checking data split across machines (Spark, Dask) by the checks' scopes
//! ([`crate::checks::scope_of`]): each partition is checked with the checks its part of the
//! data decides, its findings placed by the records' row numbers in the whole data, and the
//! rule statuses of every partition merged into those of one run over the whole data.

use crate::checks::scope_of::{integrity_scopes, CheckScope};
use crate::model::{Dataset, EntityKind};
use crate::report::{Report, RuleState, RuleStatus, TargetProgress};
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
    check_part_with(checker, ds, None, units, rows)
}

/// [`check_part`] with the collections of `held` read from their columns (as
/// [`Checker::check_with_columns`]).
pub fn check_part_with(
    checker: &Checker,
    ds: &Dataset,
    held: Option<&crate::model::Held>,
    units: &[Unit],
    rows: &BTreeMap<EntityKind, Vec<u64>>,
) -> Report {
    let chosen = |id: &str, i: usize| units.iter().any(|(u, c)| u == id && *c == i);
    let only = checker.only(|r: &Rule, i| chosen(&r.id, i));
    let mut report = match held {
        Some(h) => only.check_with_columns(ds, h),
        None => only.check(ds),
    };
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

/// What a partition's check says besides its findings, for [`merge`].
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Part {
    /// The statuses of the rules with a check among the partition's units.
    pub rules: Vec<RuleStatus>,
    /// Target progress.
    pub targets: Vec<TargetProgress>,
    /// The stage the partition belongs to (any name shared by the partitions of one split).
    #[serde(default)]
    pub stage: String,
    /// True for a run of the stage's checks over no record of its collection: what the stage
    /// says when no partition has a record (not in force, no records).
    #[serde(default)]
    pub empty: bool,
    /// Each rule's first check among the units, to order reasons as one run does.
    #[serde(default)]
    pub first: BTreeMap<String, usize>,
}

impl Part {
    /// The part of `report`, a partition's check of `units` in `stage`.
    pub fn of(report: &Report, units: &[Unit], stage: &str, empty: bool) -> Part {
        let mut first = BTreeMap::new();
        for (id, i) in units {
            let e = first.entry(id.clone()).or_insert(*i);
            *e = (*e).min(*i);
        }
        Part {
            rules: report.rules.clone(),
            targets: report.targets.clone(),
            stage: stage.to_string(),
            empty,
            first,
        }
    }
}

/// The statuses and target progress of partitions (each from [`check_part`], as [`Part::of`])
/// merged into those of one run over the whole data, in `checker`'s rule order. Per rule and
/// stage, the empty run counts only when no partition of the stage ran the rule. Records
/// checked and findings are summed; the rule failed if it failed in a partition, else passed if
/// it passed in one, else as the partitions say (not in force, unchecked). A reason stays with
/// the state it explains; an unchecked rule's reasons are those of its stages, in the order of
/// their checks, each once. Target progress is taken in order (targets are judged whole).
///
/// ```
/// use std::collections::BTreeMap;
/// use xianjie::model::EntityKind;
/// use xianjie::partition::{check_part, merge, Part};
/// let c = xianjie::Checker::builtin(&["bj-3p2-2024".into()], &BTreeMap::new()).unwrap();
/// let units = vec![("bj-3p2-2024/semester-meetings".to_string(), 0)];
/// let part = |m: u32| xianjie::Dataset::from_json_str(&format!(r#"{{"reporting_year": 2024,
///   "semester_activities": [{{"project": "P1", "semester": "2023-2024-1", "meetings": {m}}}]}}"#)).unwrap();
/// let rows = |n| BTreeMap::from([(EntityKind::SemesterActivities, vec![n])]);
/// let a = check_part(&c, &part(3), &units, &rows(0));
/// let b = check_part(&c, &part(1), &units, &rows(1));
/// assert_eq!(b.findings[0].path(), "semester_activities[1].meetings");
/// let parts = [Part::of(&a, &units, "s", false), Part::of(&b, &units, "s", false)];
/// let (rules, _) = merge(&c, &parts);
/// let r = rules.iter().find(|r| r.rule_id == "bj-3p2-2024/semester-meetings").unwrap();
/// assert_eq!((r.checked, r.findings), (2, 1));
/// ```
pub fn merge(checker: &Checker, parts: &[Part]) -> (Vec<RuleStatus>, Vec<TargetProgress>) {
    let rank = |s: RuleState| match s {
        RuleState::NotInForce => 0,
        RuleState::Failed => 1,
        RuleState::Passed => 2,
        _ => 3,
    };
    let mut out = Vec::new();
    for rule in checker.packs().iter().flat_map(|p| &p.rules) {
        let id = rule.id.as_str();
        let ran = |p: &&Part| p.rules.iter().any(|s| s.rule_id == id);
        // (first check, status) of the parts that count.
        let mut mine: Vec<(usize, &RuleStatus)> = Vec::new();
        for p in parts.iter().filter(ran) {
            let real = parts
                .iter()
                .filter(ran)
                .any(|q| !q.empty && q.stage == p.stage);
            if p.empty && real {
                continue;
            }
            let first = p.first.get(id).copied().unwrap_or(0);
            mine.extend(
                p.rules
                    .iter()
                    .filter(|s| s.rule_id == id)
                    .map(|s| (first, s)),
            );
        }
        let Some((_, best)) = mine.iter().min_by_key(|(_, s)| rank(s.state)) else {
            continue;
        };
        let mut merged = (*best).clone();
        merged.checked = mine.iter().map(|(_, s)| s.checked).sum();
        merged.findings = mine.iter().map(|(_, s)| s.findings).sum();
        mine.sort_by_key(|(first, _)| *first);
        let mut texts: Vec<crate::Text> = Vec::new();
        for (_, s) in &mine {
            if let Some(t) = s.reason.as_ref().filter(|_| s.state == merged.state) {
                if !texts.contains(t) {
                    texts.push(t.clone());
                }
            }
        }
        merged.reason = match merged.state {
            RuleState::Unchecked if texts.len() > 1 => Some(crate::messages::join_reasons(&texts)),
            _ => texts.into_iter().next(),
        };
        out.push(merged);
    }
    let targets = parts
        .iter()
        .flat_map(|p| p.targets.iter().cloned())
        .collect();
    (out, targets)
}
