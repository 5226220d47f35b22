//! The report: findings in a deterministic order, counts, and what each rule did.

mod batches;
pub use batches::BatchReports;

use crate::finding::{Finding, Severity, Text};
use crate::input::InputIssue;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What happened to one rule in a check run.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleState {
    /// Checked, no finding.
    Passed,
    /// Checked, with findings.
    Failed,
    /// Could not be checked: the data it needs was absent, or a required parameter was not given.
    Unchecked,
    /// Not in force for the data's reporting year.
    NotInForce,
}

/// One rule's status in a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct RuleStatus {
    /// Rule id.
    pub rule_id: String,
    /// Severity of the rule.
    pub severity: Severity,
    /// What happened.
    pub state: RuleState,
    /// Records examined.
    pub checked: usize,
    /// Findings raised.
    pub findings: usize,
    /// Why it was not checked, when it was not; for a rule checked on some records only, how
    /// many it could not judge because a value they need could not be read (see the report's
    /// `input_issues`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
}

/// Progress towards a region-wide target (severity `target`): never a form error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct TargetProgress {
    /// Rule id.
    pub rule_id: String,
    /// The year the goal is for.
    pub year: i32,
    /// The group, for per-group goals (a school id, an industry chain).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The value reached (exact).
    pub value: String,
    /// The goal (exact).
    pub goal: String,
    /// A stretch goal, where the source sets one (力争).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stretch: Option<String>,
    /// Whether the goal is met.
    pub met: bool,
    /// Whether the year is still to come relative to the data (progress, not a verdict).
    pub pending: bool,
    /// Progress in words.
    pub message: Text,
    /// Whether the goal is approximate (左右, "about 12"): reported, never missed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Counts {
    /// Error findings.
    pub error: usize,
    /// Warning findings.
    pub warning: usize,
    /// Target findings.
    pub target: usize,
}

/// A pack used in a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PackRef {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Source document number.
    pub document: String,
    /// Title.
    pub title: Text,
}

/// Puts `items` in the order `order` gives (`order[k]`: the index of the item that goes to `k`),
/// in place: each cycle of the permutation is walked once with swaps, so a million findings of
/// ~450 bytes are neither copied into a second vector nor allocated twice. `order` is left as
/// the identity.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order.get(at).copied().unwrap_or(start);
            if let Some(o) = order.get_mut(at) {
                *o = at;
            }
            if from == start || from >= items.len() {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Findings by severity and by rule.
fn tally(findings: &[Finding]) -> (Counts, BTreeMap<String, usize>) {
    let mut counts = Counts::default();
    let mut by_rule = BTreeMap::new();
    // Counted by runs of one rule (findings come sorted by severity, then rule): one owned id
    // and map entry per run, not per finding.
    let mut run: Option<(&str, usize)> = None;
    for f in findings {
        match f.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Target => counts.target += 1,
        }
        let id = f.rule_id();
        match &mut run {
            Some((r, n)) if *r == id => *n += 1,
            _ => {
                if let Some((r, n)) = run.replace((id, 1)) {
                    *by_rule.entry(r.to_string()).or_insert(0) += n;
                }
            }
        }
    }
    if let Some((r, n)) = run {
        *by_rule.entry(r.to_string()).or_insert(0) += n;
    }
    (counts, by_rule)
}

/// The result of checking one dataset against some packs. Serialized with each finding's words
/// rendered on the way out; read back as plain JSON (its schema is `docs/schema/report.schema.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Report {
    /// The dataset's name, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dataset: Option<String>,
    /// The dataset's reporting year, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting_year: Option<i32>,
    /// Packs used.
    pub packs: Vec<PackRef>,
    /// True when no error-severity finding and no input issue: problems in the input that were
    /// read around (`input_issues`) leave the data not fully judged, so never `ok`.
    pub ok: bool,
    /// Counts by severity.
    pub counts: Counts,
    /// Findings per rule id.
    pub by_rule: BTreeMap<String, usize>,
    /// Findings, sorted by severity, rule id, then place in the input.
    pub findings: Vec<Finding>,
    /// Every rule of the packs and what happened to it.
    pub rules: Vec<RuleStatus>,
    /// Target progress.
    pub targets: Vec<TargetProgress>,
    /// Problems in the input that were read around (a workbook's or CSV file's cells that could
    /// not be read), each located (`file: 学期活动!C3 meetings`). The records they concern were
    /// checked without the bad value: a finding a rule raised on exactly that field (which would
    /// say the value is missing or judge what is not there) is withheld, and the rule's status
    /// says in its `reason` for how many records; a record left out because a required field
    /// was unreadable is covered by its issue alone. Any issue makes `ok` false.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub input_issues: Vec<InputIssue>,
}

impl Report {
    /// Assembles a report, sorting findings deterministically.
    pub fn new(
        dataset: Option<String>,
        reporting_year: Option<i32>,
        packs: Vec<PackRef>,
        findings: Vec<Finding>,
        rules: Vec<RuleStatus>,
        targets: Vec<TargetProgress>,
    ) -> Report {
        // Sort compact keys, not the findings: moving large structs n·log n times, and chasing
        // pointers to compare rule ids, dominated reports with millions of findings.
        // Findings come in runs of one rule (a rule's checks push them together), so a rule's
        // rank is looked up once per run, not hashed per finding.
        let mut ids: Vec<&str> = Vec::new();
        let mut last: Option<&str> = None;
        for f in &findings {
            let id = f.rule_id();
            if last != Some(id) {
                ids.push(id);
                last = Some(id);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        let rank = |id: &str| ids.binary_search(&id).unwrap_or(ids.len()) as u32;
        let mut last: Option<(&str, u32)> = None;
        let mut keys: Vec<_> = findings
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let loc = f
                    .locations
                    .first()
                    .map(|l| (l.entity, l.index, l.field.as_deref()));
                let id = f.rule_id();
                let r = match last {
                    Some((l, r)) if l == id => r,
                    _ => {
                        let r = rank(id);
                        last = Some((id, r));
                        r
                    }
                };
                (f.severity, r, loc, f.subject.id.as_str(), i)
            })
            .collect();
        keys.sort_unstable();
        let mut order: Vec<usize> = keys.into_iter().map(|k| k.4).collect();
        let mut findings = findings;
        permute(&mut findings, &mut order);
        let (counts, by_rule) = tally(&findings);
        Report {
            dataset,
            reporting_year,
            packs,
            ok: counts.error == 0,
            counts,
            by_rule,
            findings,
            rules,
            targets,
            input_issues: Vec::new(),
        }
    }
    /// Removes the findings for which `withhold` is true (order kept) and recounts; `ok` also
    /// stays false while there are input issues.
    #[cfg(feature = "tables")]
    pub(crate) fn withhold(&mut self, mut withhold: impl FnMut(&Finding) -> bool) {
        self.findings.retain(|f| !withhold(f));
        let (counts, by_rule) = tally(&self.findings);
        self.counts = counts;
        self.by_rule = by_rule;
        self.ok = counts.error == 0 && self.input_issues.is_empty();
    }
    /// Pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
    /// Rules in a given state.
    pub fn rules_in(&self, state: RuleState) -> impl Iterator<Item = &RuleStatus> {
        self.rules.iter().filter(move |r| r.state == state)
    }
}

#[cfg(test)]
mod tests {
    use super::permute;
    use proptest::prelude::*;

    proptest! {
        /// Permuting in place gives what building a new vector in that order gives.
        #[test]
        fn permute_matches_a_copy(order in Just(()).prop_flat_map(|_| (0usize..200).prop_flat_map(|n| Just((0..n).collect::<Vec<_>>()).prop_shuffle()))) {
            let items: Vec<String> = (0..order.len()).map(|i| format!("item {i}")).collect();
            let expected: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
            let (mut got, mut o) = (items, order.clone());
            permute(&mut got, &mut o);
            prop_assert_eq!(got, expected);
            prop_assert!(o.iter().enumerate().all(|(k, &i)| k == i));
        }
    }
}
