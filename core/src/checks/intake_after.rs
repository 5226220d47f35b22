//! `intake_after`: intake of a major after an event that stops it: three years without intake
//! (it must first be filed again as a new major, 重新备案重新审批), or a failed rectification
//! (暂停招生). Both from 呼和浩特市中等职业教育专业建设工作实施方案 四(二)6.

use super::filter::{self, Compiled, Filter};
use super::{expect_field, fields_of, key_of, no_records, CheckError, Cx, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, IntakeCause, Reason};
use crate::model::{EntityKind, Rec, Records, Value, ValueKind};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use super::groups::Groups;
use std::collections::{BTreeMap, HashMap};

/// The filings that allow intake again after a run of years without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Refiled {
    /// The filings' collection, e.g. `new_major_filings`.
    pub entity: EntityKind,
    /// Its fields matching the intake's `group_by`, in the same order.
    pub group_by: Vec<String>,
    /// Its year: a whole year, or a school year such as `2023-2024` (its first year counts).
    pub year_field: String,
    /// Which filings count (e.g. accepted ones: `{ field = "filed", equals = true }`).
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
}

/// `kind = "intake_after"`: exactly one of `after_zero_years` (with `refiled`) and `after_flag`.
///
/// ```toml
/// kind = "intake_after"
/// entity = "major_offerings"
/// group_by = ["school", "major.code"]
/// year_field = "year"
/// field = "intake"
/// after_zero_years = 3
/// refiled = { entity = "new_major_filings", group_by = ["school", "major.code"], year_field = "school_year", where = [{ field = "filed", equals = true }] }
/// ```
///
/// With `after_zero_years = k`: once `k` consecutive years (records of consecutive years, each
/// with an intake of 0) have passed, a later year with intake needs a counted filing whose year
/// lies after the run and no later than that year. With `after_flag`: a year whose flag is true
/// stops intake; any later year with intake is a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IntakeAfter {
    /// The yearly series' collection.
    pub entity: EntityKind,
    /// One series per value of these fields (school and major).
    pub group_by: Vec<String>,
    /// The year of each record.
    pub year_field: String,
    /// The intake.
    pub field: String,
    /// Years in a row without intake that stop a major.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_zero_years: Option<u32>,
    /// The filings that let intake resume (with `after_zero_years`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refiled: Option<Refiled>,
    /// A flag whose year stops intake for good (with no `refiled`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_flag: Option<String>,
}

impl Kind for IntakeAfter {
    fn validate(&self) -> Result<(), CheckError> {
        let e = self.entity;
        for g in &self.group_by {
            expect_field(e, g, &[ValueKind::Text, ValueKind::Int])?;
        }
        expect_field(e, &self.year_field, &[ValueKind::Int])?;
        expect_field(e, &self.field, &[ValueKind::Int, ValueKind::Dec])?;
        match (self.after_zero_years, &self.refiled, &self.after_flag) {
            (Some(k), Some(r), None) => {
                if k == 0 {
                    return Err(CheckError::OutOfRange {
                        param: "after_zero_years".into(),
                        found: "0".into(),
                        min: Some("1".into()),
                        max: None,
                    });
                }
                if r.group_by.len() != self.group_by.len() {
                    return Err(CheckError::Empty {
                        param: "refiled.group_by".into(),
                    });
                }
                for g in &r.group_by {
                    expect_field(r.entity, g, &[ValueKind::Text, ValueKind::Int])?;
                }
                expect_field(r.entity, &r.year_field, &[ValueKind::Int, ValueKind::Text])?;
                filter::validate_all(&r.filter, r.entity)
            }
            (None, None, Some(flag)) => expect_field(e, flag, &[ValueKind::Bool]),
            _ => Err(CheckError::ExactlyOneOf {
                params: vec!["after_zero_years (with refiled)".into(), "after_flag".into()],
            }),
        }
    }

    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let items = cx.ds.records(self.entity);
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(group), Some(yf), Some(vf)) = (
            fields_of(items, &self.group_by),
            items.field(&self.year_field),
            items.field(&self.field),
        ) else {
            return no_records(items.kind());
        };
        let flag = self.after_flag.as_deref().and_then(|n| items.field(n));
        // Where no record says whether the event happened (no rectification recorded at all), the
        // data cannot tell: unchecked, not passed.
        if let Some(f) = &flag {
            if !items.iter().any(|i| f.get(i).is_present()) {
                return Outcome::Unchecked(Reason::NoneGives {
                    entity: items.kind(),
                    fields: vec![FieldRef::from(f)],
                });
            }
        }
        // Series: group → year → record (the first record of a year; duplicates are data errors).
        let mut series: Groups<BTreeMap<i64, Rec<'_>>> = Groups::new();
        for item in items.iter() {
            if let Value::Int(y) = yf.get(item) {
                series
                    .entry(key_of(item, &group))
                    .entry(y)
                    .or_insert(item);
            }
        }
        // No filings at all is a finding wherever intake resumed, not a reason to skip.
        let filings = self
            .refiled
            .as_ref()
            .and_then(|r| filed_years(cx, r))
            .unwrap_or_default();
        let field = FieldRef::from(&vf);
        let mut drafts = Vec::new();
        for (key, years) in series.iter() {
            // The event that stops intake, once it has happened: its cause.
            let mut stopped: Option<IntakeCause> = None;
            let mut run: Option<(i64, i64)> = None; // the current run of zero years
            for (&y, &item) in years {
                let v = vf.get(item).decimal();
                let positive = v.is_some_and(|d| d > Decimal::ZERO);
                if let (Some(cause), true, Some(v)) = (&stopped, positive, v) {
                    let allowed = match cause {
                        IntakeCause::NoIntake { to, .. } => filings
                            .get(key)
                            .is_some_and(|ys| ys.iter().any(|&f| f > *to && f <= y)),
                        IntakeCause::Flag { .. } => false,
                    };
                    if !allowed {
                        drafts.push((item, v, cause.clone()));
                    }
                    if matches!(cause, IntakeCause::NoIntake { .. }) {
                        // Intake resumed (filed or not): the next stop needs a new run.
                        stopped = None;
                    }
                }
                // Zero runs: consecutive years, each with an intake of exactly 0.
                if let (Some(k), Some(d)) = (self.after_zero_years, v) {
                    if d.is_zero() {
                        run = match run {
                            Some((from, to)) if to + 1 == y => Some((from, y)),
                            _ => Some((y, y)),
                        };
                        if let Some((from, to)) = run {
                            if to - from + 1 >= i64::from(k) {
                                stopped = Some(IntakeCause::NoIntake { from, to });
                            }
                        }
                    } else {
                        run = None;
                    }
                }
                if let Some(f) = &flag {
                    if matches!(f.get(item), Value::Bool(true)) && stopped.is_none() {
                        stopped = Some(IntakeCause::Flag {
                            field: FieldRef::from(f),
                            year: y,
                        });
                    }
                }
            }
        }
        let checked = series.len();
        for (item, v, cause) in drafts {
            cx.emit_at(
                item,
                &self.field,
                FindingCode::NotAllowed,
                Inputs::from([
                    (self.field.as_str(), v.normalize().to_string()),
                    (self.year_field.as_str(), yf.get(item).display()),
                ]),
                Detail::IntakeAfter {
                    field,
                    value: v,
                    cause,
                },
            );
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoneApplies {
                entity: items.kind(),
            });
        }
        Outcome::Checked(checked)
    }
}

/// The first year of a year value: a whole year, or the leading year of `2023-2024`.
fn first_year(v: Value<'_>) -> Option<i64> {
    match v {
        Value::Int(y) => Some(y),
        Value::Text(t) => t.trim().get(..4).and_then(|y| y.parse().ok()),
        _ => None,
    }
}

/// Group → the years of counted filings (`None` only for a hand-built pack naming unknown fields).
fn filed_years(cx: &Cx<'_>, r: &Refiled) -> Option<HashMap<Vec<String>, Vec<i64>>> {
    let items: &dyn Records = cx.ds.records(r.entity);
    if items.is_empty() {
        return Some(HashMap::new());
    }
    let group = fields_of(items, &r.group_by)?;
    let yf = items.field(&r.year_field)?;
    let filter = Compiled::new(items, &r.filter)?;
    let mut out: HashMap<Vec<String>, Vec<i64>> = HashMap::new();
    for item in items.iter().filter(|&i| filter.accepts(i)) {
        if let Some(y) = first_year(yf.get(item)) {
            out.entry(key_of(item, &group)).or_default().push(y);
        }
    }
    Some(out)
}
