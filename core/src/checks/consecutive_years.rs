//! `consecutive_years`: a condition on a yearly series (one record per group and year) that holds
//! for `years` calendar years in a row: intake below one class, or no intake, 3 years running.

use super::{expect_field, fields_of, key_of, no_records, num, Cx, Draft, Kind, Outcome};
use crate::finding::{
    Detail, FieldRef, FindingCode, Location, Reason, RunCondition, RunWords, YearValue,
};
use crate::model::{EntityKind, Field, Records, Subject, Value, ValueKind};
use crate::rules::Fraction;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use super::groups::Groups;
use std::sync::Arc;

/// `kind = "consecutive_years"`. The condition is `value < class_size` or `value ≤ at_most`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsecutiveYears {
    /// The collection holding the series.
    pub entity: EntityKind,
    /// Fields naming one series, e.g. `["school", "major.code"]`.
    pub group_by: Vec<String>,
    /// The field of `group_by` naming the school (shown by name in the subject).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_field: Option<String>,
    /// A text field shown after the group key, e.g. `major.name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_field: Option<String>,
    /// The year field (integer).
    pub year: String,
    /// The numeric field the condition reads, e.g. `intake`.
    pub field: String,
    /// How many consecutive years make a finding.
    pub years: u32,
    /// Condition `value < class_size`: the intake cannot form one class. Usually a user parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_size: Option<Fraction>,
    /// Condition `value ≤ at_most` (`"0"`: no intake).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<Fraction>,
    /// How the message names the series, e.g. `该专业`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_zh: Option<String>,
    /// What the condition means, `{bound}` replaced, e.g. `不能独立成班(班额{bound}人)`.
    pub condition_zh: String,
    /// e.g. `below one class of {bound}`.
    pub condition_en: String,
    /// What follows, e.g. `应停办`.
    pub consequence_zh: String,
    /// e.g. `the major is to be discontinued`.
    pub consequence_en: String,
    /// A flag field the school reports for the condition (`formed_class`: the intake formed a
    /// class of its own). Where given it decides the year (false: the condition holds); the
    /// class size decides only where it is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<String>,
    /// A run whose every value is zero belongs to another clause (no intake at all: 连续3年未招生)
    /// and is not reported by this check.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_all_zero: bool,
}

impl Kind for ConsecutiveYears {
    fn validate(&self) -> Result<(), super::CheckError> {
        if self.group_by.is_empty() {
            return Err(super::CheckError::Empty {
                param: "group_by".into(),
            });
        }
        for g in &self.group_by {
            expect_field(self.entity, g, &[ValueKind::Text, ValueKind::Int])?;
        }
        if let Some(s) = &self.school_field {
            expect_field(self.entity, s, &[ValueKind::Text])?;
        }
        if let Some(s) = &self.label_field {
            expect_field(self.entity, s, &[ValueKind::Text])?;
        }
        expect_field(self.entity, &self.year, &[ValueKind::Int])?;
        expect_field(self.entity, &self.field, &[ValueKind::Int, ValueKind::Dec])?;
        if let Some(r) = &self.reported {
            expect_field(self.entity, r, &[ValueKind::Bool])?;
        }
        if self.years < 2 {
            return Err(super::CheckError::OutOfRange {
                param: "years".into(),
                found: self.years.to_string(),
                min: Some("2".into()),
                max: None,
            });
        }
        if self.class_size.is_some() && self.at_most.is_some() {
            return Err(super::CheckError::AtMostOneOf {
                params: vec!["class_size".into(), "at_most".into()],
            });
        }
        if let Some(c) = self.class_size {
            let v = c.approx();
            if c.den() != Decimal::ONE || v.trunc() != v || v < Decimal::ONE {
                return Err(super::CheckError::NotWholeNumber {
                    param: "class_size".into(),
                    found: c.to_string(),
                });
            }
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        let Some(condition) = c.condition() else {
            return Outcome::Unchecked(Reason::NoRunCondition);
        };
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(keys), Some(yf), Some(vf)) = (
            fields_of(items, &c.group_by),
            items.field(&c.year),
            items.field(&c.field),
        ) else {
            return no_records(items.kind());
        };
        let reported_f = c.reported.as_deref().and_then(|n| items.field(n));
        let school_f = c.school_field.as_deref().and_then(|n| items.field(n));
        let label_f = c.label_field.as_deref().and_then(|n| items.field(n));
        // Series per group: (year, record index), sorted by year.
        let mut series: Groups<Vec<(i64, usize)>> = Groups::new();
        for (i, item) in items.iter().enumerate() {
            if let Value::Int(y) = yf.get(item) {
                series.entry(key_of(item, &keys)).push((y, i));
            }
        }
        // The pack's words, shared by every finding of the check.
        let words = Arc::new(RunWords {
            lead_zh: c.lead_zh.clone().unwrap_or_default(),
            condition_zh: c.condition_zh.clone(),
            condition_en: c.condition_en.clone(),
            consequence_zh: c.consequence_zh.clone(),
            consequence_en: c.consequence_en.clone(),
        });
        let field = FieldRef::from(&vf);
        let mut checked = 0;
        for (key, mut rows) in series {
            rows.sort();
            checked += rows.len();
            // Maximal runs of consecutive years where the condition holds; a gap year, a missing
            // value or a year that breaks the condition ends a run.
            let mut runs: Vec<Vec<(i64, usize, Decimal)>> = Vec::new();
            let mut cur: Vec<(i64, usize, Decimal)> = Vec::new();
            for &(y, i) in &rows {
                let v = vf.get(items.at(i)).decimal();
                // The school's own report decides where given; the class size elsewhere.
                let holds = |v: Decimal| match reported_f.map(|f| f.get(items.at(i))) {
                    Some(Value::Bool(formed)) => !formed,
                    _ => c.holds(v).unwrap_or(false),
                };
                let ok = v.filter(|&v| holds(v));
                match (ok, cur.last().map(|r| r.0)) {
                    // A repeated year adds nothing to the run.
                    (Some(_), Some(py)) if y == py => {}
                    (Some(v), None) => cur.push((y, i, v)),
                    (Some(v), Some(py)) if y == py + 1 => cur.push((y, i, v)),
                    (ok, _) => {
                        if cur.len() >= c.years as usize {
                            runs.push(std::mem::take(&mut cur));
                        }
                        cur.clear();
                        if let Some(v) = ok {
                            cur.push((y, i, v));
                        }
                    }
                }
            }
            if cur.len() >= c.years as usize {
                runs.push(cur);
            }
            for run in runs {
                // No intake in every year of the run: the other clause's case, not this one's.
                if c.not_all_zero && run.iter().all(|r| r.2.is_zero()) {
                    continue;
                }
                emit(
                    cx,
                    c,
                    items,
                    &key,
                    &run,
                    school_f,
                    label_f,
                    Run {
                        field,
                        condition: &condition,
                        words: &words,
                    },
                );
            }
        }
        if checked == 0 {
            return no_records(items.kind());
        }
        Outcome::Checked(checked)
    }
}

impl ConsecutiveYears {
    /// The bound and whether `v` meets the condition.
    fn holds(&self, v: Decimal) -> Option<bool> {
        match (self.class_size, self.at_most) {
            (Some(c), _) => c.compare(v, Decimal::ONE).map(|o| o.is_gt()),
            (None, Some(m)) => m.compare(v, Decimal::ONE).map(|o| o.is_ge()),
            (None, None) => None,
        }
    }
    fn condition(&self) -> Option<RunCondition> {
        match (self.class_size, self.at_most) {
            (Some(size), _) => Some(RunCondition::BelowClass { size }),
            (None, Some(bound)) => Some(RunCondition::AtMost { bound }),
            (None, None) => None,
        }
    }
}

/// What every finding of one check shares.
struct Run<'s> {
    field: FieldRef,
    condition: &'s RunCondition,
    words: &'s Arc<RunWords>,
}

#[allow(clippy::too_many_arguments)]
fn emit(
    cx: &mut Cx<'_>,
    c: &ConsecutiveYears,
    items: &dyn Records,
    key: &[String],
    run: &[(i64, usize, Decimal)],
    school_f: Option<Field>,
    label_f: Option<Field>,
    w: Run<'_>,
) {
    let Some(&(_, first_i, _)) = run.first() else {
        return;
    };
    let first = items.at(first_i);
    let school = school_f.and_then(|f| f.get(first).text());
    let school_name = school
        .and_then(|id| cx.ix.school(id))
        .map(|s| s.name.clone());
    let label = label_f.and_then(|f| f.get(first).text());
    let mut parts: Vec<String> = Vec::new();
    for k in key {
        if Some(k.as_str()) == school {
            parts.push(school_name.clone().unwrap_or_else(|| k.clone()));
        } else {
            parts.push(k.clone());
        }
    }
    if let Some(l) = label {
        parts.push(l.to_string());
    }
    // Names and codes only, the same in both languages.
    let subject = Subject {
        entity: items.kind(),
        id: key.join(" "),
        zh: parts.join(" "),
        en: parts.join(" "),
    };
    let inputs = run
        .iter()
        .map(|r| (format!("{} {}", c.field, r.0), num(r.2)))
        .collect();
    cx.emit(Draft {
        code: FindingCode::Consecutive,
        subject,
        locations: run
            .iter()
            .map(|r| Location::new(items.kind(), r.1, Some(&c.field)))
            .collect(),
        // The run spans several years: they are named in the message.
        period: None,
        inputs,
        detail: Detail::Consecutive {
            field: w.field,
            series: run
                .iter()
                .map(|r| YearValue {
                    year: r.0,
                    value: r.2,
                })
                .collect(),
            condition: w.condition.clone(),
            years: c.years,
            words: Arc::clone(w.words),
        },
    });
}
