//! `ranking`: within each group the values of a field run 1..n, each once.

use super::{expect_field, fields_of, key_of, no_records, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FindingCode, Location};
use crate::messages::relations;
use crate::model::{EntityKind, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use super::groups::Groups;
use std::collections::BTreeMap;

/// `kind = "ranking"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ranking {
    /// The collection.
    pub entity: EntityKind,
    /// Fields forming a group, e.g. `["secondary_school", "year"]`.
    pub group_by: Vec<String>,
    /// The rank field.
    pub field: String,
    /// The field of `group_by` naming the school (for the subject).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_field: Option<String>,
}

impl Kind for Ranking {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Int])?;
        for g in &self.group_by {
            expect_field(self.entity, g, &[ValueKind::Text, ValueKind::Int])?;
        }
        if let Some(s) = &self.school_field {
            expect_field(self.entity, s, &[ValueKind::Text])?;
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(keys), Some(rank_f)) = (fields_of(items, &c.group_by), items.field(&c.field))
        else {
            return no_records(items.kind());
        };
        let school_f = c.school_field.as_deref().and_then(|n| items.field(n));
        let mut groups: Groups<Vec<(usize, Option<i64>)>> = Groups::new();
        for (i, item) in items.iter().enumerate() {
            let r = match rank_f.get(item) {
                crate::model::Value::Int(r) => Some(r),
                _ => None,
            };
            groups.entry(key_of(item, &keys)).push((i, r));
        }
        for (key, members) in groups {
            let n = members.len() as i64;
            let mut seen: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
            for &(i, r) in &members {
                if let Some(r) = r {
                    seen.entry(r).or_default().push(i);
                }
            }
            let mut blamed: Vec<usize> = Vec::new();
            for (&r, idx) in &seen {
                if idx.len() > 1 || r < 1 || r > n {
                    blamed.extend(idx);
                }
            }
            let missing: Vec<usize> = members
                .iter()
                .filter(|m| m.1.is_none())
                .map(|m| m.0)
                .collect();
            blamed.extend(&missing);
            if blamed.is_empty() {
                continue;
            }
            blamed.sort_unstable();
            let mut ranks: Vec<i64> = members.iter().filter_map(|m| m.1).collect();
            ranks.sort_unstable();
            let Some(&(first, _)) = members.first() else {
                continue;
            };
            let school = school_f.and_then(|f| f.get(items.at(first)).text());
            let known = school.and_then(|id| cx.ix.school(id));
            let group = known.map_or_else(|| key.join(" "), |s| s.name.clone());
            let subject = relations::group_subject(
                school.map_or(items.kind(), |_| EntityKind::Schools),
                &key,
                known.map(|s| s.name.as_str()),
            );
            // As before: the ranks in order, a record without one as "—".
            let shown: Vec<String> = ranks
                .iter()
                .map(i64::to_string)
                .chain(missing.iter().map(|_| "—".to_string()))
                .collect();
            let missing_count = missing.len() as u64;
            cx.emit(Draft {
                code: FindingCode::BadRanking,
                subject,
                locations: blamed
                    .iter()
                    .map(|&i| Location::new(items.kind(), i, Some(&c.field)))
                    .collect(),
                period: None,
                inputs: Inputs::from([
                    ("ranks", shown.join(", ")),
                    ("count", n.to_string()),
                ]),
                detail: Detail::Ranking {
                    group,
                    ranks,
                    unranked: missing_count,
                },
            });
        }
        Outcome::Checked(items.len())
    }
}
