//! `agrees`: a figure of a record equals the figure of its companion record for a year at a
//! fixed offset (a status report's enrollment is the project's cohort of the previous year).

use super::{expect_field, no_records, Cx, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Reason};
use crate::model::{EntityKind, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "agrees"`: `field` of each record equals `companion_field` of the `companion` record
/// whose `companion_key` is the record's `key` and whose `companion_year` is the record's
/// `year_field` plus `year_offset`.
///
/// ```toml
/// kind = "agrees"
/// entity = "status_reports"
/// field = "enrollment"
/// key = "project"
/// year_field = "reporting_year"
/// companion = "cohorts"
/// companion_key = "project"
/// companion_year = "entry_year"
/// companion_field = "enrolled"
/// year_offset = -1
/// ```
///
/// A record without the figure, or without a companion, is not judged here (a missing figure is
/// `required`'s to say), nor one whose companion (the first record of that owner and year) lacks
/// its figure; the rule is unchecked when no record has both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agrees {
    /// The collection.
    pub entity: EntityKind,
    /// The figure checked.
    pub field: String,
    /// The record's field naming the companion's owner (a project id).
    pub key: String,
    /// The record's year field.
    pub year_field: String,
    /// The companion collection.
    pub companion: EntityKind,
    /// The companion's field matching `key`.
    pub companion_key: String,
    /// The companion's year field.
    pub companion_year: String,
    /// The companion's figure the record's must equal.
    pub companion_field: String,
    /// Added to the record's year to find the companion's.
    #[serde(default)]
    pub year_offset: i32,
}

impl Kind for Agrees {
    fn validate(&self) -> Result<(), super::CheckError> {
        let n = [ValueKind::Int, ValueKind::Dec];
        expect_field(self.entity, &self.field, &n)?;
        expect_field(self.entity, &self.key, &[ValueKind::Text])?;
        expect_field(self.entity, &self.year_field, &[ValueKind::Int])?;
        expect_field(self.companion, &self.companion_key, &[ValueKind::Text])?;
        expect_field(self.companion, &self.companion_year, &[ValueKind::Int])?;
        expect_field(self.companion, &self.companion_field, &n)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (items, others) = (cx.ds.records(self.entity), cx.ds.records(self.companion));
        if items.is_empty() {
            return no_records(items.kind());
        }
        if others.is_empty() {
            return no_records(others.kind());
        }
        let (Some(f), Some(k), Some(y), Some(ck), Some(cy), Some(cf)) = (
            items.field(&self.field),
            items.field(&self.key),
            items.field(&self.year_field),
            others.field(&self.companion_key),
            others.field(&self.companion_year),
            others.field(&self.companion_field),
        ) else {
            return no_records(items.kind());
        };
        // (owner, year) → the companion's place: the first record with that pair, whatever its
        // figure, so a later duplicate's figure is never compared.
        let have = cx.by_owner_year(others, &ck, &cy);
        let (field, companion_field) = (FieldRef::from(&f), FieldRef::from(&cf));
        let mut checked = 0;
        for item in items.iter() {
            let (Some(key), Value::Int(year), Some(v)) =
                (k.get(item).text(), y.get(item), f.get(item).decimal())
            else {
                continue;
            };
            let want_year = year + i64::from(self.year_offset);
            let Some(&index) = have.get(&(key, want_year)) else {
                continue;
            };
            let Some(other) = cf.get(others.at(index)).decimal() else {
                continue;
            };
            checked += 1;
            if v == other {
                continue;
            }
            let companion = format!("{}[{index}].{}", self.companion.as_str(), self.companion_field);
            let (value, other_value) = (v.normalize().to_string(), other.normalize().to_string());
            cx.emit_at(
                item,
                &self.field,
                FindingCode::Mismatch,
                Inputs::from([
                    (self.field.as_str(), value.as_str()),
                    (companion.as_str(), other_value.as_str()),
                ]),
                Detail::Disagrees {
                    field,
                    value: v,
                    companion: self.companion,
                    companion_field,
                    companion_value: other,
                    year: want_year,
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
