//! Semester compliance: each project's semester activity against the minimums of a pack
//! (by default the Beijing notice's: meetings, joint research, teachers dispatched).

use crate::checks::bound::Bound;
use crate::engine::scope::Source;
use crate::finding::Period;
use crate::model::{Dataset, EntityKind, Field, Held, Semester, Value};
use crate::rules::{builtin, Check, Fraction, Pack};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The pack whose semester minimums [`semester_compliance`] uses.
pub const DEFAULT_PACK: &str = "bj-3p2-2024";

/// One measured item of a semester against its bound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ComplianceItem {
    /// Field, e.g. `meetings`.
    pub field: String,
    /// Chinese label of the field.
    pub label_zh: String,
    /// English label.
    pub label_en: String,
    /// Rule that sets the bound.
    pub rule_id: String,
    /// The value reported; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<u32>,
    /// The minimum, exact, when the rule sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// The maximum, exact, when the rule sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// Given and within its bounds.
    pub compliant: bool,
}

/// One project's activity in one semester.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SemesterCompliance {
    /// The project's id.
    pub project: String,
    /// The semester.
    pub semester: Semester,
    /// Index in `semester_activities`.
    pub index: usize,
    /// One item per bound of the pack.
    pub items: Vec<ComplianceItem>,
    /// Every item compliant.
    pub compliant: bool,
}

/// A fixed bound on a `semester_activities` field, taken from a rule.
struct Limit<'p> {
    field: &'p str,
    rule_id: &'p str,
    min: Option<Fraction>,
    max: Option<Fraction>,
}

fn limits(pack: &Pack) -> Vec<Limit<'_>> {
    let fixed = |b: &Option<Bound>| match b {
        Some(Bound::Fixed(f)) => Some(*f),
        _ => None,
    };
    let mut out = Vec::new();
    for rule in &pack.rules {
        for check in rule.checks.iter() {
            if let Check::Threshold(t) = check {
                if t.entity == EntityKind::SemesterActivities {
                    let (min, max) = (fixed(&t.min), fixed(&t.max));
                    if min.is_some() || max.is_some() {
                        out.push(Limit {
                            field: &t.field,
                            rule_id: &rule.id,
                            min,
                            max,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Compliance of every semester activity with the minimums of the built-in `bj-3p2-2024` pack,
/// sorted by project, semester, then input order.
///
/// ```
/// let ds = xianjie::Dataset::from_json_str(r#"{"semester_activities": [
///   {"project": "P1", "semester": "2023-2024-1", "meetings": 2, "joint_research": 1, "teachers_dispatched": 5}]}"#).unwrap();
/// let c = xianjie::aggregate::semester_compliance(&ds);
/// let flags: Vec<_> = c[0].items.iter().map(|i| (i.field.as_str(), i.compliant)).collect();
/// assert_eq!(flags, [("meetings", true), ("joint_research", false), ("teachers_dispatched", true)]);
/// assert!(!c[0].compliant);
/// assert_eq!(c[0].items[1].min.as_deref(), Some("3"));
/// ```
pub fn semester_compliance(ds: &Dataset) -> Vec<SemesterCompliance> {
    semester_compliance_iter(ds).collect()
}

/// [`semester_compliance`] with the collections of `held` read from their columns instead of
/// `ds`'s rows (as [`crate::Checker::check_with_columns`]): the same rows as if they were rows
/// of `ds`.
pub fn semester_compliance_with_columns(ds: &Dataset, held: &Held) -> Vec<SemesterCompliance> {
    builtin(DEFAULT_PACK)
        .into_iter()
        .flat_map(|p| compliance_rows(Source::new(ds, Some(held)), p))
        .collect()
}

/// [`semester_compliance`] one row at a time, in the same order: the summary workbook writes a
/// million rows without holding them all.
pub fn semester_compliance_iter(ds: &Dataset) -> impl Iterator<Item = SemesterCompliance> + '_ {
    builtin(DEFAULT_PACK)
        .into_iter()
        .flat_map(move |p| compliance_rows(Source::new(ds, None), p))
}

/// Compliance against the fixed `threshold` bounds on `semester_activities` in `pack`.
pub fn semester_compliance_with(ds: &Dataset, pack: &Pack) -> Vec<SemesterCompliance> {
    compliance_rows(Source::new(ds, None), pack).collect()
}

/// The rows over the semester activities of `src`, read through their fields (rows or held
/// columns alike); the semester is the record's period.
fn compliance_rows<'a>(
    src: Source<'a>,
    pack: &'a Pack,
) -> impl Iterator<Item = SemesterCompliance> + 'a {
    let acts = src.records(EntityKind::SemesterActivities);
    let limits = limits(pack);
    let defs: Vec<Option<Field>> = limits.iter().map(|l| acts.field(l.field)).collect();
    let project_id = acts.field("project").map(|f| f.id);
    let project = move |i: usize| {
        project_id
            .and_then(|f| acts.value(i, f).text())
            .unwrap_or_default()
    };
    let semester = move |i: usize| match acts.period(i) {
        Some(Period::Semester { semester }) => Some(semester),
        _ => None,
    };
    let mut order: Vec<(&str, Option<Semester>, usize)> = (0..acts.len())
        .map(|i| (project(i), semester(i), i))
        .collect();
    order.sort();
    order.into_iter().filter_map(move |(p, semester, index)| {
        let semester = semester?;
        let items: Vec<ComplianceItem> = limits
            .iter()
            .zip(&defs)
            .map(|(l, def)| {
                let value = def.map_or(Value::Missing, |d| acts.value(index, d.id));
                let n = value.decimal();
                let ok = |f: &Option<Fraction>, bad: Ordering| match (f, n) {
                    (None, _) => true,
                    (Some(f), Some(n)) => f.compare(n, 1.into()).is_some_and(|o| o != bad),
                    (Some(_), None) => false,
                };
                let compliant =
                    n.is_some() && ok(&l.min, Ordering::Greater) && ok(&l.max, Ordering::Less);
                ComplianceItem {
                    field: l.field.to_string(),
                    label_zh: def.map_or(l.field, |d| d.zh).to_string(),
                    label_en: def.map_or(l.field, |d| d.en).to_string(),
                    rule_id: l.rule_id.to_string(),
                    value: match value {
                        Value::Int(i) => u32::try_from(i).ok(),
                        _ => None,
                    },
                    min: l.min.map(|f| f.to_string()),
                    max: l.max.map(|f| f.to_string()),
                    compliant,
                }
            })
            .collect();
        Some(SemesterCompliance {
            project: p.to_string(),
            semester,
            index,
            compliant: items.iter().all(|i| i.compliant),
            items,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_come_from_the_pack() {
        let pack = builtin(DEFAULT_PACK).unwrap();
        let l = limits(pack);
        let mins: Vec<_> = l
            .iter()
            .map(|l| (l.field, l.min.map(|f| f.to_string())))
            .collect();
        assert_eq!(
            mins,
            [
                ("meetings", Some("2".to_string())),
                ("joint_research", Some("3".to_string())),
                ("teachers_dispatched", Some("5".to_string()))
            ]
        );
    }

    #[test]
    fn missing_value_is_not_compliant_and_order_is_sorted() {
        let ds = Dataset::from_json_str(
            r#"{"semester_activities": [
            {"project": "P2", "semester": "2023-2024-1", "meetings": 2, "joint_research": 3, "teachers_dispatched": 5},
            {"project": "P1", "semester": "2023-2024-2", "meetings": 3, "joint_research": 3},
            {"project": "P1", "semester": "2023-2024-1", "meetings": 2, "joint_research": 3, "teachers_dispatched": 6}]}"#,
        )
        .unwrap();
        let c = semester_compliance(&ds);
        let order: Vec<_> = c.iter().map(|c| (c.index, c.compliant)).collect();
        assert_eq!(order, [(2, true), (1, false), (0, true)]);
        assert_eq!(c[1].items[2].value, None);
        assert!(!c[1].items[2].compliant);
    }
}
