//! `exclusion`: two values of one field must not occur together within a group.

use super::filter::{validate_all, Compiled, Filter};
use super::{expect_field, fields_of, key_of, no_records, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location};
use crate::messages::relations;
use crate::model::{EntityKind, Subject, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use super::groups::Groups;

/// `kind = "exclusion"`: within a `group_by` group, `field` never takes both values of `values`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// The collection.
    pub entity: EntityKind,
    /// Fields forming a group, e.g. `["higher_school", "higher_major.code"]`.
    pub group_by: Vec<String>,
    /// The field compared, e.g. `mode`.
    pub field: String,
    /// The two values that exclude each other, e.g. `["higher_bachelor", "five_year"]`.
    pub values: [String; 2],
    /// Records that count (a discontinued project runs nothing any more); all by default.
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
}

impl Kind for Exclusion {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Text])?;
        for g in &self.group_by {
            expect_field(self.entity, g, &[ValueKind::Text, ValueKind::Int])?;
        }
        validate_all(&self.filter, self.entity)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(keys), Some(f)) = (fields_of(items, &c.group_by), items.field(&c.field)) else {
            return no_records(items.kind());
        };
        let Some(only) = Compiled::new(items, &c.filter) else {
            return no_records(items.kind());
        };
        // Only records carrying one of the two values matter.
        let mut groups: Groups<[Vec<usize>; 2]> = Groups::new();
        for (i, item) in items.iter().enumerate() {
            if !only.accepts(item) {
                continue;
            }
            let Some(v) = f.get(item).text() else {
                continue;
            };
            let Some(which) = c.values.iter().position(|x| x == v) else {
                continue;
            };
            groups.entry(key_of(item, &keys))[which].push(i);
        }
        for (key, [a, b]) in groups {
            if a.is_empty() || b.is_empty() {
                continue;
            }
            let mut locs: Vec<usize> = a.iter().chain(b.iter()).copied().collect();
            locs.sort_unstable();
            // School ids and catalogue codes in the group, spelt out for the reader.
            let group = relations::group_name(cx.ix, &key);
            let subject = Subject {
                entity: items.kind(),
                id: key.join(" "),
                zh: group.clone(),
                en: group.clone(),
            };
            let ids_a: Vec<String> = a.iter().map(|&i| items.at(i).subject(cx.ix).id).collect();
            let ids_b: Vec<String> = b.iter().map(|&i| items.at(i).subject(cx.ix).id).collect();
            cx.emit(Draft {
                code: FindingCode::Excluded,
                subject,
                locations: locs
                    .iter()
                    .map(|&i| Location::new(items.kind(), i, Some(&c.field)))
                    .collect(),
                period: None,
                inputs: Inputs::from([
                    ("group".into(), key.join(", ")),
                    (c.values[0].clone(), ids_a.join(", ")),
                    (c.values[1].clone(), ids_b.join(", ")),
                ]),
                detail: Detail::Exclusion {
                    group,
                    field: FieldRef::from(&f),
                    values: c.values.clone(),
                    ids: [ids_a, ids_b],
                },
            });
        }
        Outcome::Checked(items.len())
    }
}
