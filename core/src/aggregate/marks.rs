//! Verdicts read back from a report, for the city tables: whether a rule failed on one record is
//! whether the check run put a finding there. The tables never judge a bound a second time, so a
//! table and the findings cannot disagree.

use crate::checks::filter::Filter;
use crate::finding::Text;
use crate::model::{Entity, EntityKind, Index, Value};
use crate::report::{Report, RuleState, RuleStatus};
use crate::rules::{Check, Pack, Rule};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// What the check run said about one rule on one record (or group of records).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Judged, no finding.
    Passed,
    /// A finding of the rule is located here.
    Failed,
    /// The rule could not be judged here: it was unchecked in the run (a parameter or data
    /// missing), or the record lacks the value it needs.
    Unchecked,
    /// The rule was not in force for the data's period.
    NotInForce,
    /// The rule does not apply to this record (its condition does not hold, or the record lies
    /// outside the region the notice binds), or the rule was not run.
    NotApplicable,
}

impl Verdict {
    /// Chinese label, as printed in the tables.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Passed => "达标",
            Self::Failed => "不达标",
            Self::Unchecked => "未检查",
            Self::NotInForce => "不在效期",
            Self::NotApplicable => "不适用",
        }
    }
    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            Self::Passed => "passed",
            Self::Failed => "failed",
            Self::Unchecked => "unchecked",
            Self::NotInForce => "not in force",
            Self::NotApplicable => "not applicable",
        }
    }
}

/// One rule's verdict on a row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RuleVerdict {
    /// Rule id.
    pub rule_id: String,
    /// Where the rule stands in its notice, e.g. `细则四`.
    pub clause: String,
    /// The rule's title.
    pub title: Text,
    /// The verdict.
    pub verdict: Verdict,
}

/// What the run did with a rule, for a table's notes (a rule left unchecked says why).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RuleNote {
    /// Rule id.
    pub rule_id: String,
    /// The rule's title.
    pub title: Text,
    /// What happened to it in the run.
    pub state: RuleState,
    /// Why it was not checked, as the report says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
}

/// The findings of a report by place, and its rules' states.
pub(crate) struct Marks<'r> {
    at: HashMap<(EntityKind, usize), BTreeSet<&'r str>>,
    states: HashMap<&'r str, &'r RuleStatus>,
    packs: BTreeSet<&'r str>,
}

impl<'r> Marks<'r> {
    pub(crate) fn new(report: &'r Report) -> Self {
        let mut at: HashMap<(EntityKind, usize), BTreeSet<&'r str>> = HashMap::new();
        for f in &report.findings {
            for l in &f.locations {
                at.entry((l.entity, l.index))
                    .or_default()
                    .insert(f.rule_id());
            }
        }
        Marks {
            at,
            states: report
                .rules
                .iter()
                .map(|s| (s.rule_id.as_str(), s))
                .collect(),
            packs: report.packs.iter().map(|p| p.id.as_str()).collect(),
        }
    }
    /// Whether the run used pack `id`.
    pub(crate) fn ran(&self, pack: &str) -> bool {
        self.packs.contains(pack)
    }
    /// The rules with a finding located at record `i` of `kind`, by id.
    pub(crate) fn rules_at(&self, kind: EntityKind, i: usize) -> Vec<String> {
        self.at
            .get(&(kind, i))
            .map(|s| s.iter().map(|r| (*r).to_string()).collect())
            .unwrap_or_default()
    }
    /// Whether rule `rule` has a finding located at record `i` of `kind`.
    pub(crate) fn failed_at(&self, rule: &str, kind: EntityKind, i: usize) -> bool {
        self.at.get(&(kind, i)).is_some_and(|s| s.contains(rule))
    }
    /// The state of `rule` in the run, if it ran.
    pub(crate) fn state(&self, rule: &str) -> Option<&'r RuleStatus> {
        self.states.get(rule).copied()
    }
    /// The verdict of `rule` on records `places` (one record, or a group): failed where a
    /// finding is; otherwise what the run did with the rule, `judged` telling whether these
    /// records carry what the rule needs (a passed rule did not judge a record without it).
    pub(crate) fn verdict(
        &self,
        rule: &str,
        places: impl IntoIterator<Item = (EntityKind, usize)>,
        judged: bool,
    ) -> Verdict {
        if places.into_iter().any(|(k, i)| self.failed_at(rule, k, i)) {
            return Verdict::Failed;
        }
        match self.state(rule).map(|s| s.state) {
            None => Verdict::NotApplicable,
            Some(RuleState::NotInForce) => Verdict::NotInForce,
            Some(RuleState::Unchecked) => Verdict::Unchecked,
            Some(_) if judged => Verdict::Passed,
            Some(_) => Verdict::Unchecked,
        }
    }
    /// The run's note on `rule` of `pack`.
    pub(crate) fn note(&self, rule: &Rule) -> Option<RuleNote> {
        self.state(&rule.id).map(|s| RuleNote {
            rule_id: rule.id.clone(),
            title: rule.title(),
            state: s.state,
            reason: s.reason.clone(),
        })
    }
}

/// Whether `item` passes every condition of `filters` (a pack's `where`), read through the
/// entity's named fields as the checks read them.
pub(crate) fn accepts<T: Entity>(item: &T, filters: &[Filter]) -> bool {
    filters.iter().all(|f| {
        let v = T::field(&f.field).map_or(Value::Missing, |d| (d.get)(item));
        f.present.is_none_or(|p| p == v.is_present())
            && f.equals.as_ref().is_none_or(|s| s.matches(v))
            && (f.one_of.is_empty() || f.one_of.iter().any(|s| s.matches(v)))
            && f.not_equals.as_ref().is_none_or(|s| !s.matches(v))
    })
}

/// Whether `item` passes a `completeness` filter: each named field's text is one of its values.
pub(crate) fn accepts_fields<T: Entity>(
    item: &T,
    filter: &std::collections::BTreeMap<String, Vec<String>>,
) -> bool {
    filter.iter().all(|(f, vals)| {
        T::field(f)
            .and_then(|d| (d.get)(item).text())
            .is_some_and(|v| vals.iter().any(|x| x == v))
    })
}

/// Whether the school `id` lies in the region `pack` binds; a school whose district is not
/// given is taken to lie there (the engine judges it when the pack is named).
pub(crate) fn in_region(ix: &Index<'_>, pack: &Pack, id: Option<&str>) -> bool {
    let Some(region) = pack.region.as_ref().filter(|r| !r.is_national()) else {
        return true;
    };
    id.and_then(|id| ix.school(id))
        .and_then(|s| s.district.as_deref())
        .is_none_or(|d| d.starts_with(region.code.as_str()))
}

/// The rules of `pack` with a check on `kind`, each with those checks.
pub(crate) fn rules_on(pack: &Pack, kind: EntityKind) -> Vec<(&Rule, Vec<&Check>)> {
    pack.rules
        .iter()
        .filter_map(|r| {
            let checks: Vec<&Check> = r
                .checks
                .iter()
                .filter(|c| entity_of(c) == Some(kind))
                .collect();
            (!checks.is_empty()).then_some((r, checks))
        })
        .collect()
}

/// The collection a check of the kinds the city tables show reads (others: `None`).
fn entity_of(c: &Check) -> Option<EntityKind> {
    match c {
        Check::Ratio(r) => Some(r.entity),
        Check::Threshold(t) => Some(t.entity),
        Check::AnyOf(a) => Some(a.entity),
        Check::PassThrough(p) => Some(p.entity),
        Check::GroupCount(g) => Some(g.entity),
        Check::ConsecutiveYears(c) => Some(c.entity),
        _ => None,
    }
}
