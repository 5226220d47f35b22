//! `overlap`: one identity must not appear under two values of a field (a teacher counted in both
//! the higher-stage and the secondary full-time staff).

use super::filter::{self, Compiled, Filter};
use super::{expect_field, fields_of, key_of, no_records, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FindingCode, Location, Reason};
use crate::model::{EntityKind, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use super::groups::Groups;

/// One side: a value of `split` and how to name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Side {
    /// The value of the split field.
    pub value: String,
    /// Chinese name, e.g. `高职阶段专任教师`.
    pub zh: String,
    /// English name.
    pub en: String,
}

/// `kind = "overlap"`.
///
/// ```toml
/// kind = "overlap"
/// entity = "teachers"
/// key = "person"                  # the identity
/// split = "stage"                 # the field whose two values must not share an identity
/// between = [{ value = "higher", zh = "高职阶段专任教师", en = "higher-stage full-time staff" },
///            { value = "secondary", zh = "中职专任教师", en = "secondary full-time staff" }]
/// where = [{ field = "full_time", equals = true }]
/// same = ["year"]                 # optional: only records agreeing on these fields are compared
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overlap {
    /// The collection.
    pub entity: EntityKind,
    /// The identity field.
    pub key: String,
    /// The field whose values are compared.
    pub split: String,
    /// The two values that must not share an identity; a finding points at the first one's record.
    pub between: [Side; 2],
    /// Records considered.
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
    /// Fields that must agree for two records to overlap (e.g. the year of the staff list).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same: Vec<String>,
    /// A field naming the person, for messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_field: Option<String>,
    /// A field holding the school id of each record, for messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_field: Option<String>,
}

impl Kind for Overlap {
    fn validate(&self) -> Result<(), super::CheckError> {
        let keyish = [ValueKind::Text, ValueKind::Int];
        expect_field(self.entity, &self.key, &keyish)?;
        expect_field(self.entity, &self.split, &[ValueKind::Text])?;
        for s in &self.same {
            expect_field(self.entity, s, &keyish)?;
        }
        for f in self.name_field.iter().chain(self.school_field.iter()) {
            expect_field(self.entity, f, &[ValueKind::Text])?;
        }
        if self.between[0].value == self.between[1].value {
            return Err(super::CheckError::SameValues {
                param: "between".into(),
                value: self.between[0].value.clone(),
            });
        }
        filter::validate_all(&self.filter, self.entity)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(kf), Some(sf), Some(same), Some(filter)) = (
            items.field(&c.key),
            items.field(&c.split),
            fields_of(items, &c.same),
            Compiled::new(items, &c.filter),
        ) else {
            return no_records(items.kind());
        };
        // (identity, same-fields) → (records on side 0, records on side 1)
        type Sides = (Vec<usize>, Vec<usize>);
        // Keyed by the identity, then the same-fields: ordered as the pair of them would be.
        let mut by_key: Groups<Sides> = Groups::new();
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            if !filter.accepts(item) {
                continue;
            }
            let Some(side) = sf.get(item).text() else {
                continue;
            };
            let k = kf.get(item);
            if !k.is_present() {
                continue;
            }
            checked += 1;
            let mut key = vec![k.display()];
            key.extend(key_of(item, &same));
            let entry = by_key.entry(key);
            if side == c.between[0].value {
                entry.0.push(i);
            } else if side == c.between[1].value {
                entry.1.push(i);
            }
        }
        let [a, b] = &c.between;
        let name_f = c.name_field.as_deref().and_then(|n| items.field(n));
        let school_f = c.school_field.as_deref().and_then(|n| items.field(n));
        let school_of = |i: usize| {
            school_f
                .and_then(|f| f.get(items.at(i)).text())
                .map(|id| cx.ix.school(id).map_or(id, |s| s.name.as_str()).to_string())
        };
        for (key, (first, second)) in by_key {
            let person = key.into_iter().next().unwrap_or_default();
            let (Some(&fa), Some(&fb)) = (first.first(), second.first()) else {
                continue;
            };
            let name = name_f
                .and_then(|f| f.get(items.at(fa)).text())
                .map(str::to_string);
            let subject = cx.subject(items.at(fa));
            let locations = first
                .iter()
                .chain(second.iter())
                .map(|&i| Location::new(items.kind(), i, Some(&c.key)))
                .collect();
            cx.emit(Draft {
                code: FindingCode::Excluded,
                subject,
                locations,
                period: items.at(fa).period(),
                inputs: Inputs::from([
                    (c.key.as_str(), person.as_str()),
                    (c.split.as_str(), format!("{} + {}", a.value, b.value).as_str()),
                ]),
                detail: Detail::Overlap {
                    person,
                    name,
                    sides_zh: [a.zh.clone(), b.zh.clone()],
                    sides_en: [a.en.clone(), b.en.clone()],
                    schools: [school_of(fa), school_of(fb)],
                },
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoneApplies {
                entity: items.kind(),
            });
        }
        Outcome::Checked(checked)
    }
}
