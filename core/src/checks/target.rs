//! `target`: a region-wide aggregate over one collection compared with goals by year (severity
//! `target`). It reports progress ([`TargetProgress`] in `Cx::targets`), never findings: a city
//! falling short of its 2027 enrolment goal is not an error in any one school's form.
//!
//! Parameters (TOML), all but `entity`, `measure` and `goals` optional:
//!
//! ```toml
//! kind = "target"
//! entity = "pilot_enrollments"
//! measure = "sum"                 # sum | count | count_distinct | share
//! field = "enrolled"              # sum: the summed field; count_distinct: the field whose
//!                                 # distinct values are counted; share: the numerator (summed)
//! of = "graduates"                # share only: the denominator field (summed)
//! part = [{ field = "chain", in = ["新能源"] }]  # share by count: count(where ∧ part) ÷ count(where)
//! where = [{ field = "pilot", equals = true }]  # records counted at all
//! year_field = "year"             # group by this year field; goals then read that year's value
//! each = { field = "chain", values = ["新能源", "现代物流"] }  # per-group goal (see below)
//! goals = [{ year = 2024, min = "450" }, { year = 2027, min = "500", stretch = "1000" }]
//! ```
//!
//! - A goal has `min` (reached at `value ≥ min`, "达到…以上") or `over` (`value > over`, "超过"),
//!   an optional `stretch` (力争, reported, never required), an optional `year` and `about`
//!   (左右: approximate, reported, never missed). A goal without `year` applies to every year in
//!   the data (with `year_field`) or to the reporting year; a goal the text dates ("到2027年")
//!   carries its year.
//! - A goal year after the reporting year (or, without one, the latest year in the data) is
//!   `pending`: its progress toward the goal is the latest year's value, never a verdict ("not
//!   met" only once the year has come).
//! - `each`: the goal applies to every group separately, one progress entry per group, e.g. each key
//!   industry chain served by ≥ 2 distinct schools (`measure = "count_distinct"`, `field = "school"`,
//!   `each.field = "chain"`, `each.values` = the chains, so a chain nobody serves shows as 0), or each
//!   school with ≥ 1 matching record (`measure = "count"`, `where` = the match, `each.field = "school"`:
//!   groups come from all records, before `where`, so a school with none shows as 0).
//! - Shares are decided exactly (cross-multiplication); a zero denominator is "no data", not met.

use super::filter::{self, Compiled, Filter};
use super::{expect_field, no_records, num, Arith, Cx, Kind, Outcome};
use crate::messages::{Progress, Reached};
use crate::model::{EntityKind, Value, ValueKind};
use crate::report::TargetProgress;
use crate::rules::Fraction;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// What is aggregated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Sum of `field`.
    Sum,
    /// Number of records.
    Count,
    /// Number of distinct values of `field`.
    CountDistinct,
    /// `sum(field) ÷ sum(of)`, or `count(part) ÷ count` when `part` is given instead.
    Share,
}

/// One goal: `{ year = 2027, min = "500", stretch = "1000" }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The year the goal is for; absent: every year of the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Reached when the value is at least this (达到…以上).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Fraction>,
    /// Reached when the value is strictly above this (超过).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub over: Option<Fraction>,
    /// A stretch goal (力争), reported only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stretch: Option<Fraction>,
    /// An approximate goal (左右, "about 12"): its progress is reported, and falling short of
    /// it is not missing it (it is no hard minimum).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub about: bool,
}

impl Goal {
    fn bound(&self) -> Option<(Fraction, bool)> {
        self.min
            .map(|m| (m, false))
            .or(self.over.map(|o| (o, true)))
    }
}

/// Per-group goals: the goal applies to each value of `field`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Each {
    /// The grouping field (a school id, an industry chain).
    pub field: String,
    /// Groups that must appear even when no record has them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// `values` are the only groups: records of any other value (a chain the plan does not
    /// name, 其他, 无) form no group of their own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub only: bool,
}

/// `kind = "target"`; see the module documentation for the parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The collection aggregated.
    pub entity: EntityKind,
    /// What is aggregated.
    pub measure: Measure,
    /// Summed field (`sum`, `share`), or the field whose distinct values are counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Denominator field of a `share` of sums.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// The part of a `share` of counts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub part: Vec<Filter>,
    /// Records aggregated at all.
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
    /// Year field to group by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_field: Option<String>,
    /// Per-group goals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub each: Option<Each>,
    /// Goals by year.
    pub goals: Vec<Goal>,
}

impl Kind for Target {
    fn validate(&self) -> Result<(), super::CheckError> {
        let n = [ValueKind::Int, ValueKind::Dec];
        let e = self.entity;
        match self.measure {
            Measure::Sum => {
                let f = self
                    .field
                    .as_deref()
                    .ok_or_else(|| super::CheckError::MeasureNeeds {
                        measure: "sum".into(),
                        needs: vec![vec!["field".into()]],
                    })?;
                expect_field(e, f, &n)?;
            }
            Measure::Count => {
                if self.field.is_some() {
                    return Err(super::CheckError::MeasureForbids {
                        measure: "count".into(),
                        params: vec!["field".into()],
                    });
                }
            }
            Measure::CountDistinct => {
                let f = self
                    .field
                    .as_deref()
                    .ok_or_else(|| super::CheckError::MeasureNeeds {
                        measure: "count_distinct".into(),
                        needs: vec![vec!["field".into()]],
                    })?;
                expect_field(e, f, &[ValueKind::Text, ValueKind::Int])?;
            }
            Measure::Share => match (&self.field, &self.of, self.part.is_empty()) {
                (Some(f), Some(o), true) => {
                    expect_field(e, f, &n)?;
                    expect_field(e, o, &n)?;
                }
                (None, None, false) => filter::validate_all(&self.part, e)?,
                _ => {
                    return Err(super::CheckError::MeasureNeeds {
                        measure: "share".into(),
                        needs: vec![vec!["field".into(), "of".into()], vec!["part".into()]],
                    })
                }
            },
        }
        if self.measure != Measure::Share && (self.of.is_some() || !self.part.is_empty()) {
            return Err(super::CheckError::MeasureForbids {
                measure: match self.measure {
                    Measure::Sum => "sum",
                    Measure::Count => "count",
                    Measure::CountDistinct => "count_distinct",
                    Measure::Share => "share",
                }
                .into(),
                params: vec!["of".into(), "part".into()],
            });
        }
        filter::validate_all(&self.filter, e)?;
        if let Some(y) = &self.year_field {
            expect_field(e, y, &[ValueKind::Int])?;
        }
        if let Some(g) = &self.each {
            expect_field(e, &g.field, &[ValueKind::Text, ValueKind::Int])?;
        }
        if self.goals.is_empty() {
            return Err(super::CheckError::Empty {
                param: "goals".into(),
            });
        }
        for g in &self.goals {
            if g.min.is_some() == g.over.is_some() {
                return Err(super::CheckError::ExactlyOneOf {
                    params: vec!["min".into(), "over".into()],
                });
            }
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(filter), Some(part)) = (
            Compiled::new(items, &c.filter),
            Compiled::new(items, &c.part),
        ) else {
            return no_records(items.kind());
        };
        let value_f = c.field.as_deref().and_then(|n| items.field(n));
        let of_f = c.of.as_deref().and_then(|n| items.field(n));
        let year_f = c.year_field.as_deref().and_then(|n| items.field(n));
        let group_f = c.each.as_ref().and_then(|g| items.field(&g.field));

        let mut cells: BTreeMap<(Option<i64>, Option<Cow<'_, str>>), Acc<'_>> = BTreeMap::new();
        let mut groups: BTreeSet<Cow<'_, str>> = BTreeSet::new();
        if let Some(each) = &c.each {
            groups.extend(each.values.iter().map(|v| Cow::Borrowed(v.as_str())));
        }
        let mut years: BTreeSet<i64> = BTreeSet::new();
        for item in items.iter() {
            let group = group_f.and_then(|g| key(g.get(item)));
            let listed = |g: &Cow<'_, str>| c.each.as_ref().is_some_and(|e| e.values.iter().any(|v| v == g));
            if c.each.as_ref().is_some_and(|e| e.only) && !group.as_ref().is_some_and(listed) {
                continue;
            }
            if let Some(g) = &group {
                // Groups come from every record, so a group with no matching record shows as 0.
                groups.insert(g.clone());
            }
            if !filter.accepts(item) {
                continue;
            }
            let year = match year_f.map(|f| f.get(item)) {
                None => None,
                Some(Value::Int(y)) => Some(y),
                Some(_) => continue,
            };
            years.extend(year);
            let acc = cells.entry((year, group)).or_default();
            acc.count += 1;
            if !c.part.is_empty() && part.accepts(item) {
                acc.part += 1;
            }
            if let Some(f) = value_f {
                let v = f.get(item);
                if c.measure == Measure::CountDistinct {
                    acc.distinct.extend(key(v));
                } else if let Some(d) = v.decimal() {
                    acc.sum = acc.sum.ck_add(d).unwrap_or(Decimal::MAX);
                }
            }
            if let Some(d) = of_f.and_then(|f| f.get(item).decimal()) {
                acc.of = acc.of.ck_add(d).unwrap_or(Decimal::MAX);
            }
        }

        let latest = years.last().and_then(|y| i32::try_from(*y).ok());
        let Some(ref_year) = cx.ds.reporting_year.or(latest) else {
            return Outcome::Unchecked(crate::finding::Reason::NoReportingYear);
        };
        let group_list: Vec<Option<&Cow<'_, str>>> = if c.each.is_some() {
            groups.iter().map(Some).collect()
        } else {
            vec![None]
        };
        for goal in &c.goals {
            let Some((bound, strict)) = goal.bound() else {
                continue;
            };
            let goal_years: Vec<i32> = match goal.year {
                Some(y) => vec![y],
                None if year_f.is_some() => years
                    .iter()
                    .filter_map(|y| i32::try_from(*y).ok())
                    .collect(),
                None => vec![ref_year],
            };
            for y in goal_years {
                let pending = y > ref_year;
                // Which year's data stands for goal year `y`: its own, or for a goal still to come
                // without data yet, the latest year up to the reporting year.
                let as_of: Option<i64> = year_f.map(|_| {
                    let own = i64::from(y);
                    if years.contains(&own) || !pending {
                        own
                    } else {
                        years
                            .range(..=i64::from(ref_year))
                            .next_back()
                            .or(years.last())
                            .copied()
                            .unwrap_or(own)
                    }
                });
                for g in &group_list {
                    let acc = cells.get(&(as_of, g.cloned()));
                    let v = c.value(acc);
                    let met = reaches(&v, bound, strict);
                    let stretch_met = goal.stretch.is_some_and(|s| reaches(&v, s, true));
                    let group_name =
                        g.map(|g| cx.ix.school(g).map_or(g.to_string(), |s| s.name.clone()));
                    let message = crate::messages::progress(
                        &Progress {
                            year: y,
                            as_of: as_of.unwrap_or(i64::from(ref_year)),
                            group: group_name.as_deref(),
                            value: match &v {
                                Agg::Num(x) => Reached::Number(*x),
                                Agg::Share(n, d) => Reached::Share(*n, *d),
                            },
                            bound,
                            strict,
                            stretch: goal.stretch,
                            stretch_met,
                            met,
                            pending,
                            approximate: goal.about,
                        },
                        &cx.rule.wording,
                    );
                    cx.targets.push(TargetProgress {
                        rule_id: cx.rule.id.clone(),
                        year: y,
                        group: g.map(|g| g.to_string()),
                        value: shown(&v),
                        goal: if strict {
                            format!(">{bound}")
                        } else {
                            bound.to_string()
                        },
                        stretch: goal.stretch.map(|s| s.to_string()),
                        met,
                        pending,
                        message,
                        approximate: goal.about,
                    });
                }
            }
        }
        Outcome::Checked(items.len())
    }
}

/// Running totals of one (year, group) cell.
#[derive(Default)]
struct Acc<'a> {
    count: usize,
    part: usize,
    sum: Decimal,
    of: Decimal,
    distinct: BTreeSet<Cow<'a, str>>,
}

/// An aggregate's value: a number, or a share kept as numerator and denominator.
enum Agg {
    Num(Decimal),
    Share(Decimal, Decimal),
}

fn key<'a>(v: Value<'a>) -> Option<Cow<'a, str>> {
    match v {
        Value::Missing => None,
        Value::Text(t) => Some(Cow::Borrowed(t)),
        other => Some(Cow::Owned(other.display())),
    }
}

impl Target {
    fn value(&self, acc: Option<&Acc<'_>>) -> Agg {
        let Some(a) = acc else {
            return match self.measure {
                Measure::Share => Agg::Share(Decimal::ZERO, Decimal::ZERO),
                _ => Agg::Num(Decimal::ZERO),
            };
        };
        match self.measure {
            Measure::Sum => Agg::Num(a.sum),
            Measure::Count => Agg::Num(Decimal::from(a.count)),
            Measure::CountDistinct => Agg::Num(Decimal::from(a.distinct.len())),
            Measure::Share if self.part.is_empty() => Agg::Share(a.sum, a.of),
            Measure::Share => Agg::Share(Decimal::from(a.part), Decimal::from(a.count)),
        }
    }
}

/// Whether `v` reaches `bound` (`strict`: strictly above). A share with no denominator never does.
fn reaches(v: &Agg, bound: Fraction, strict: bool) -> bool {
    let (a, b) = match v {
        Agg::Num(x) => (*x, Decimal::ONE),
        Agg::Share(_, d) if d.is_zero() => return false,
        Agg::Share(n, d) => (*n, *d),
    };
    // bound vs a/b: reached when bound < a/b (strict) or bound ≤ a/b.
    bound
        .compare(a, b)
        .is_some_and(|o| if strict { o.is_lt() } else { o.is_le() })
}

fn shown(v: &Agg) -> String {
    match v {
        Agg::Num(x) => num(*x),
        Agg::Share(_, d) if d.is_zero() => "—".into(),
        // Checked: a share too large to hold as a percentage shows as none, never panics.
        Agg::Share(n, d) => n
            .ck_div(*d)
            .and_then(|q| q.ck_mul(Decimal::ONE_HUNDRED))
            .map_or("—".into(), |p| format!("{}%", num(p.round_dp(2)))),
    }
}
