//! The Quzhou pilot's tables (衢州区域中高职一体化试点实施细则): per higher-stage campus, every
//! indicator of the 细则 with its value, bound and verdict; the finance settlement table
//! (细则四, 主要任务5); the targets by year (目标要求).
//!
//! The indicators are the pack's rules on `higher_campuses`, their values read through the same
//! named fields the checks read, their bounds the checks' own; whether one passes is what the
//! check run found (a finding located on the campus), never a second comparison.

use super::marks::{accepts, in_region, rules_on, Marks, RuleVerdict, Verdict};
use crate::checks::bound::Bound;
use crate::finding::Text;
use crate::model::{Dataset, Entity, EntityKind, FinanceSettlement, HigherCampus, Index, Value};
use crate::report::{Report, TargetProgress};
use crate::rules::{builtin, Check, Fraction, Pack};
use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The pack whose indicators, settlements and targets the Quzhou tables show.
pub const QUZHOU_PACK: &str = "qz-pilot-2024";

/// How an indicator's value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorForm {
    /// A quotient per unit (m² per student, CNY per student).
    PerUnit,
    /// A share, shown as a percentage.
    Percent,
    /// Students per teacher, shown as `18.1:1` against `1:18`.
    Colon,
    /// A count (mental-health teachers).
    Count,
    /// How many of several conditions hold (both insurances).
    Conditions,
}

/// One 细则 indicator of one campus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Indicator {
    /// The rule.
    pub rule_id: String,
    /// Its clause, e.g. `细则一`.
    pub clause: String,
    /// What is measured (the rule's title).
    pub title: Text,
    /// How the value reads.
    pub form: IndicatorForm,
    /// The numerator of a quotient, or the count; absent when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Decimal>,
    /// The denominator of a quotient (or the number of conditions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Decimal>,
    /// The value: the quotient (a share as a fraction of 1), exact to 28 digits; absent when a
    /// figure is missing or the denominator is zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    /// The value as printed: `14.5`, `35.71%`, `18.1:1`, `1/2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown: Option<String>,
    /// The bound as printed: `≥ 15`, `≥ 10%`, `≤ 1:18`.
    pub bound: String,
    /// The lower bound, exact (`15`, `10%`), when the rule sets one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// The upper bound, exact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// What the check run found.
    pub verdict: Verdict,
}

/// One higher-stage campus (高职校区) in one year and its indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CampusIndicators {
    /// Index in `higher_campuses`.
    pub index: usize,
    /// The secondary school hosting the campus.
    pub school: String,
    /// Its name, when in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_name: Option<String>,
    /// The partner higher school, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_school: Option<String>,
    /// Its name, when in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_school_name: Option<String>,
    /// The year.
    pub year: i32,
    /// Higher-stage students.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub students: Option<u32>,
    /// Every indicator of the pack on campuses, in the pack's order.
    pub indicators: Vec<Indicator>,
    /// Indicators failed.
    pub failed: usize,
}

/// One yearly finance settlement (每学年据实结算一次).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SettlementRow {
    /// Index in `finance_settlements`.
    pub index: usize,
    /// The higher school collecting the money.
    pub higher_school: String,
    /// Its name, when in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_school_name: Option<String>,
    /// The secondary school (the campus's host).
    pub school: String,
    /// Its name, when in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_name: Option<String>,
    /// The school year settled.
    pub year: i32,
    /// Higher-stage tuition collected (CNY).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tuition_collected: Option<Decimal>,
    /// Tuition passed on to the secondary school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tuition_passed_on: Option<Decimal>,
    /// `tuition_passed_on / tuition_collected`, exact to 28 digits; absent when either is missing
    /// or nothing was collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tuition_share: Option<Decimal>,
    /// Custodial and accommodation fees collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees_collected: Option<Decimal>,
    /// Fees passed on to the campus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees_passed_on: Option<Decimal>,
    /// The per-student appropriation standard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appropriation_per_student: Option<Decimal>,
    /// Students the appropriation is counted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appropriation_students: Option<u32>,
    /// Owed: standard × students.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appropriation_owed: Option<Decimal>,
    /// Received by the higher school from the local finance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appropriation_received: Option<Decimal>,
    /// Paid by the higher school to the campus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appropriation_paid: Option<Decimal>,
    /// The pack's rules on settlements and what the run found on this one.
    pub checks: Vec<RuleVerdict>,
}

/// The targets of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct YearTargets {
    /// The goal year.
    pub year: i32,
    /// Progress toward each target of that year, as the run computed it.
    pub targets: Vec<TargetProgress>,
}

/// The Quzhou pilot's tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PilotTables {
    /// The pack.
    pub pack: String,
    /// Per campus and year, every 细则 indicator.
    pub campuses: Vec<CampusIndicators>,
    /// The finance settlement table.
    pub settlements: Vec<SettlementRow>,
    /// The pack's targets, by goal year.
    pub targets_by_year: Vec<YearTargets>,
}

impl Indicator {
    /// A share (a fraction of 1) as printed, rounded half away from zero to 2 decimals:
    /// `0.595` → `59.5%`.
    pub fn percent_text(share: Decimal) -> String {
        share
            .checked_mul(Decimal::ONE_HUNDRED)
            .map_or_else(|| share.to_string(), |p| format!("{}%", two(p)))
    }
}

fn fixed(b: &Option<Bound>) -> Option<Fraction> {
    match b {
        Some(Bound::Fixed(f)) => Some(*f),
        _ => None,
    }
}

fn dec<T: Entity>(item: &T, field: &str) -> Option<Decimal> {
    T::field(field).and_then(|d| (d.get)(item).decimal())
}

fn two(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r = r.normalize();
    r.to_string()
}

/// `≥ 15`, `≤ 1:18`, `≥ 10%`; `min`, `max` as the pack writes them.
fn bound_text(min: Option<Fraction>, max: Option<Fraction>, colon: bool) -> String {
    let one = |op: &str, f: Fraction| {
        if colon {
            format!("{op} 1:{f}")
        } else {
            format!("{op} {f}")
        }
    };
    match (min, max) {
        (Some(a), Some(b)) => format!("{} {}", one("≥", a), one("≤", b)),
        (Some(a), None) => one("≥", a),
        (None, Some(b)) => one("≤", b),
        (None, None) => String::new(),
    }
}

/// The indicator a check of rule `r` gives on campus `c`.
fn indicator(
    rule: &crate::rules::Rule,
    check: &Check,
    c: &HigherCampus,
    verdict: impl Fn(bool, bool) -> Verdict,
) -> Option<Indicator> {
    let base = |form,
                numerator,
                denominator,
                value: Option<Decimal>,
                shown,
                bound,
                min: Option<String>,
                max: Option<String>,
                applies: bool| {
        let judged = value.is_some();
        Indicator {
            rule_id: rule.id.clone(),
            clause: rule.clause.clone(),
            title: rule.title(),
            form,
            numerator,
            denominator,
            value: value.map(|v| v.normalize()),
            shown,
            bound,
            min,
            max,
            verdict: verdict(applies, judged),
        }
    };
    match check {
        Check::Ratio(r) => {
            let (n, d) = (dec(c, &r.numerator), dec(c, &r.denominator));
            let value = match (n, d) {
                (Some(n), Some(d)) if !d.is_zero() => n.checked_div(d),
                _ => None,
            };
            let (min, max) = (r.min, r.max);
            let form = if r.percent {
                IndicatorForm::Percent
            } else if r.colon {
                IndicatorForm::Colon
            } else {
                IndicatorForm::PerUnit
            };
            let shown = value.map(|v| match form {
                IndicatorForm::Percent => Indicator::percent_text(v),
                IndicatorForm::Colon => format!("{}:1", two(v)),
                _ => two(v),
            });
            Some(base(
                form,
                n,
                d,
                value,
                shown,
                bound_text(min, max, r.colon),
                min.map(|f| f.to_string()),
                max.map(|f| f.to_string()),
                accepts(c, &r.filter),
            ))
        }
        Check::Threshold(t) => {
            let v = dec(c, &t.field);
            let (min, max) = (fixed(&t.min), fixed(&t.max));
            Some(base(
                IndicatorForm::Count,
                v,
                None,
                v,
                v.map(two),
                bound_text(min, max, false),
                min.map(|f| f.to_string()),
                max.map(|f| f.to_string()),
                true,
            ))
        }
        Check::AnyOf(a) => {
            let values: Vec<Value<'_>> = a
                .fields
                .iter()
                .map(|f| HigherCampus::field(f).map_or(Value::Missing, |d| (d.get)(c)))
                .collect();
            let held = values
                .iter()
                .filter(|v| matches!(v, Value::Bool(true)))
                .count();
            let total = a.fields.len();
            let given = values.iter().any(|v| v.is_present());
            let value = given.then(|| Decimal::from(held));
            Some(base(
                IndicatorForm::Conditions,
                value,
                Some(Decimal::from(total)),
                value,
                given.then(|| format!("{held}/{total}")),
                format!("≥ {}/{total}", a.min),
                Some(a.min.to_string()),
                None,
                accepts(c, &a.filter),
            ))
        }
        _ => None,
    }
}

/// The campuses' indicators, the settlements and the targets by year of the Quzhou pack, as
/// `report` judged them; `None` when the run did not use the pack or the data has none of it.
///
/// ```
/// let ds = xianjie::sample::load("qz-pilot-2024").unwrap();
/// let report = xianjie::check(&ds, &Default::default()).unwrap();
/// let t = xianjie::aggregate::pilot_tables(&ds, &report).unwrap();
/// let failed: usize = t.campuses.iter().map(|c| c.failed).sum();
/// // Each failed indicator is a finding of its rule on that campus.
/// assert!(failed > 0);
/// assert!(t.targets_by_year.windows(2).all(|w| w[0].year < w[1].year));
/// ```
pub fn pilot_tables(ds: &Dataset, report: &Report) -> Option<PilotTables> {
    let marks = Marks::new(report);
    if !marks.ran(QUZHOU_PACK) {
        return None;
    }
    let pack = builtin(QUZHOU_PACK)?;
    let mut targets: BTreeMap<i32, Vec<TargetProgress>> = BTreeMap::new();
    let prefix = format!("{QUZHOU_PACK}/");
    for t in report
        .targets
        .iter()
        .filter(|t| t.rule_id.starts_with(&prefix))
    {
        targets.entry(t.year).or_default().push(t.clone());
    }
    if ds.higher_campuses.is_empty() && ds.finance_settlements.is_empty() && targets.is_empty() {
        return None;
    }
    Some(PilotTables {
        pack: pack.id.clone(),
        campuses: campuses(ds, pack, &marks),
        settlements: settlements(ds, pack, &marks),
        targets_by_year: targets
            .into_iter()
            .map(|(year, targets)| YearTargets { year, targets })
            .collect(),
    })
}

fn campuses(ds: &Dataset, pack: &Pack, marks: &Marks<'_>) -> Vec<CampusIndicators> {
    let ix = Index::new(ds);
    let rules = rules_on(pack, EntityKind::HigherCampuses);
    ds.higher_campuses
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let here = in_region(&ix, pack, Some(&c.school));
            let indicators: Vec<Indicator> = rules
                .iter()
                .filter_map(|(rule, checks)| {
                    let verdict = |applies: bool, judged: bool| {
                        if !here {
                            return Verdict::NotApplicable;
                        }
                        let v = marks.verdict(&rule.id, [(EntityKind::HigherCampuses, i)], judged);
                        // A condition that does not hold is not a pass (insurance not recorded).
                        if !applies && v != Verdict::Failed {
                            Verdict::NotApplicable
                        } else {
                            v
                        }
                    };
                    // Several checks of one rule (the insurance's two cases) are one indicator:
                    // the first whose condition holds, else the first.
                    let all: Vec<Indicator> = checks
                        .iter()
                        .filter_map(|ch| indicator(rule, ch, c, verdict))
                        .collect();
                    let pick = all
                        .iter()
                        .position(|x| x.verdict != Verdict::NotApplicable)
                        .unwrap_or(0);
                    all.into_iter().nth(pick)
                })
                .collect();
            CampusIndicators {
                index: i,
                school_name: ix.school(&c.school).map(|s| s.name.clone()),
                school: c.school.clone(),
                higher_school_name: c
                    .higher_school
                    .as_deref()
                    .and_then(|h| ix.school(h))
                    .map(|s| s.name.clone()),
                higher_school: c.higher_school.clone(),
                year: c.year,
                students: c.students,
                failed: indicators
                    .iter()
                    .filter(|x| x.verdict == Verdict::Failed)
                    .count(),
                indicators,
            }
        })
        .collect()
}

fn settlements(ds: &Dataset, pack: &Pack, marks: &Marks<'_>) -> Vec<SettlementRow> {
    let ix = Index::new(ds);
    let rules = rules_on(pack, EntityKind::FinanceSettlements);
    ds.finance_settlements
        .iter()
        .enumerate()
        .map(|(i, s): (usize, &FinanceSettlement)| {
            let here = in_region(&ix, pack, Some(&s.school));
            let checks = rules
                .iter()
                .map(|(rule, checks)| {
                    // Judged where the figures the check compares are given.
                    let judged = checks.iter().all(|ch| match ch {
                        Check::PassThrough(p) => {
                            dec(s, &p.owed).is_some()
                                && dec(s, &p.paid).is_some()
                                && p.times.as_deref().is_none_or(|t| dec(s, t).is_some())
                        }
                        _ => true,
                    });
                    RuleVerdict {
                        rule_id: rule.id.clone(),
                        clause: rule.clause.clone(),
                        title: rule.title(),
                        verdict: if here {
                            marks.verdict(&rule.id, [(EntityKind::FinanceSettlements, i)], judged)
                        } else {
                            Verdict::NotApplicable
                        },
                    }
                })
                .collect();
            let share = match (s.tuition_passed_on, s.tuition_collected) {
                (Some(p), Some(c)) if !c.is_zero() => p.checked_div(c).map(|v| v.normalize()),
                _ => None,
            };
            let owed = s
                .appropriation_per_student
                .zip(s.appropriation_students)
                .and_then(|(a, n)| a.checked_mul(Decimal::from(n)));
            SettlementRow {
                index: i,
                higher_school_name: ix.school(&s.higher_school).map(|x| x.name.clone()),
                higher_school: s.higher_school.clone(),
                school_name: ix.school(&s.school).map(|x| x.name.clone()),
                school: s.school.clone(),
                year: s.year,
                tuition_collected: s.tuition_collected,
                tuition_passed_on: s.tuition_passed_on,
                tuition_share: share,
                fees_collected: s.fees_collected,
                fees_passed_on: s.fees_passed_on,
                appropriation_per_student: s.appropriation_per_student,
                appropriation_students: s.appropriation_students,
                appropriation_owed: owed,
                appropriation_received: s.appropriation_received,
                appropriation_paid: s.appropriation_paid,
                checks,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_agree_with_the_findings() {
        let ds = crate::sample::load(QUZHOU_PACK).unwrap();
        let report = crate::check(&ds, &Default::default()).unwrap();
        let t = pilot_tables(&ds, &report).unwrap();
        assert_eq!(t.campuses.len(), ds.higher_campuses.len());
        // Every finding located on a campus is a failed indicator there, and back.
        for c in &t.campuses {
            for x in &c.indicators {
                let found = report.findings.iter().any(|f| {
                    f.rule_id() == x.rule_id
                        && f.locations
                            .iter()
                            .any(|l| l.entity == EntityKind::HigherCampuses && l.index == c.index)
                });
                assert_eq!(
                    found,
                    x.verdict == Verdict::Failed,
                    "{} on {}",
                    x.rule_id,
                    c.index
                );
            }
        }
        // The floor-area indicator of campus 0 is the finding's 14.5 against ≥ 15.
        let floor = &t.campuses[0].indicators[0];
        assert_eq!(floor.rule_id, "qz-pilot-2024/floor-area-per-student");
        assert_eq!(floor.shown.as_deref(), Some("14.5"));
        assert_eq!(floor.bound, "≥ 15");
        assert_eq!(floor.verdict, Verdict::Failed);
        let ratio = t.campuses[0]
            .indicators
            .iter()
            .find(|x| x.rule_id == "qz-pilot-2024/student-teacher-ratio")
            .unwrap();
        assert_eq!(
            (ratio.shown.as_deref(), ratio.bound.as_str()),
            (Some("18.1:1"), "≤ 1:18")
        );
        assert_eq!(t.settlements.len(), ds.finance_settlements.len());
        let tuition = &t.settlements[2].checks[0];
        assert_eq!(
            (tuition.rule_id.as_str(), tuition.verdict),
            ("qz-pilot-2024/tuition-share", Verdict::Failed)
        );
        assert!(t.settlements[0]
            .checks
            .iter()
            .all(|c| c.verdict == Verdict::Passed));
    }

    #[test]
    fn absent_without_the_pack() {
        let ds = crate::sample::load("bj-3p2-2024").unwrap();
        let report = crate::check(&ds, &Default::default()).unwrap();
        assert_eq!(pilot_tables(&ds, &report), None);
    }
}
