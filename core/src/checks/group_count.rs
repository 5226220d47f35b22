//! `group_count`: how many records fall in each group (applications per school and year ≤ 3).

use super::bound::Bound;
use super::filter::{validate_all, Compiled, Filter};
use super::{expect_field, fields_of, key_of, no_records, Arith, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FindingCode, Location};
use crate::messages::relations;
use crate::model::{EntityKind, ValueKind};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use super::groups::Groups;

/// `kind = "group_count"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupCount {
    /// The collection counted.
    pub entity: EntityKind,
    /// Fields whose values form a group, e.g. `["secondary_school", "year"]`.
    pub group_by: Vec<String>,
    /// The field of `group_by` naming the school a group belongs to (for the subject and school-flag bounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_field: Option<String>,
    /// Most records allowed in one group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Bound>,
    /// Fewest records required in one group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Bound>,
    /// Records that count (a refused filing is not a new major); all by default.
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
}

impl Kind for GroupCount {
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
        if self.min.is_none() && self.max.is_none() {
            return Err(super::CheckError::NeedsOneOf {
                params: vec!["min".into(), "max".into()],
            });
        }
        for b in self.min.iter().chain(self.max.iter()) {
            b.validate()?;
        }
        validate_all(&self.filter, self.entity)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        if items.is_empty() {
            return no_records(items.kind());
        }
        let Some(keys) = fields_of(items, &c.group_by) else {
            return no_records(items.kind());
        };
        let Some(only) = Compiled::new(items, &c.filter) else {
            return no_records(items.kind());
        };
        let school_f = c.school_field.as_deref().and_then(|n| items.field(n));
        let mut groups: Groups<Vec<usize>> = Groups::new();
        for (i, item) in items.iter().enumerate() {
            if !only.accepts(item) {
                continue;
            }
            groups.entry(key_of(item, &keys)).push(i);
        }
        for (key, members) in groups {
            let Some(&first) = members.first() else {
                continue;
            };
            let school = school_f.and_then(|f| f.get(items.at(first)).text());
            let known = school.and_then(|id| cx.ix.school(id));
            let count = members.len() as u64;
            let n = Decimal::from(count);
            let group = known.map_or_else(|| key.join(" "), |s| s.name.clone());
            let subject = relations::group_subject(
                school.map_or(items.kind(), |_| EntityKind::Schools),
                &key,
                known.map(|s| s.name.as_str()),
            );
            let locations: Vec<Location> = members
                .iter()
                .map(|&i| Location::new(items.kind(), i, None))
                .collect();
            let inputs = Inputs::from([
                ("group".to_string(), key.join(", ")),
                ("count".to_string(), count.to_string()),
            ]);
            let sides = [
                (&c.max, FindingCode::TooMany),
                (&c.min, FindingCode::TooFew),
            ];
            for (b, code) in sides {
                let Some(b) = b else { continue };
                let (bound, chosen_by) = b.resolve(cx.ix, school);
                let fails = bound.compare(n, Decimal::ONE).is_some_and(|o| {
                    if code == FindingCode::TooMany {
                        o.is_lt()
                    } else {
                        o.is_gt()
                    }
                });
                if !fails {
                    continue;
                }
                // Whole records: one application fewer, not half of one.
                let need = if code == FindingCode::TooMany {
                    n.sat_sub(bound.approx()).ceil_whole()
                } else {
                    bound.approx().sat_sub(n).ceil_whole()
                };
                let mut inputs = inputs.clone();
                if let Some(w) = &chosen_by {
                    inputs.push(&w.flag, if w.value { "true" } else { "false" });
                }
                cx.emit(Draft {
                    code,
                    subject: subject.clone(),
                    locations: locations.clone(),
                    period: None,
                    inputs,
                    detail: Detail::GroupCount {
                        group: group.clone(),
                        count,
                        bound,
                        level: chosen_by.as_ref().and(known.map(|s| s.level)),
                        chosen_by,
                        need,
                    },
                });
            }
        }
        Outcome::Checked(items.len())
    }
}
