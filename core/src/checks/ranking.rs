//! `ranking`: within each group the values of a field run 1..n, each once.

use super::{expect_field, fields_of, key_of, no_records, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, Subject, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
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
        let mut groups: BTreeMap<Vec<String>, Vec<(usize, Option<i64>)>> = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            let r = match rank_f.get(item) {
                crate::model::Value::Int(r) => Some(r),
                _ => None,
            };
            groups.entry(key_of(item, &keys)).or_default().push((i, r));
        }
        let (metric_zh, metric_en) = cx.metric(("记录", "records"));
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
            let ranks: Vec<String> = {
                let mut rs: Vec<Option<i64>> = members.iter().map(|m| m.1).collect();
                rs.sort();
                rs.iter()
                    .map(|r| r.map_or("—".to_string(), |r| r.to_string()))
                    .collect()
            };
            let first = items.at(members[0].0);
            let school = school_f.and_then(|f| f.get(first).text());
            let who = school
                .and_then(|id| cx.ix.school(id))
                .map(|s| s.name.clone())
                .unwrap_or_else(|| key.join(" "));
            let subject = Subject {
                entity: school.map_or(items.kind(), |_| EntityKind::Schools),
                id: key.join(" "),
                zh: format!("{who}({})", key.join(",")),
                en: format!("{who} ({})", key.join(", ")),
            };
            let expected: Vec<String> = (1..=n).map(|r| r.to_string()).collect();
            cx.emit_legacy(LegacyDraft {
                code: FindingCode::BadRanking,
                subject,
                locations: blamed.iter().map(|&i| Location::new(items.kind(), i, Some(&c.field))).collect(),
                message: Text::new(
                    format!("{who}{n}个{metric_zh}的排序为{},排序须从1开始连续且不重复(应为{})。", ranks.join("、"), expected.join("、")),
                    format!("{who}: the {n} {metric_en} are ranked {}; ranks must run 1..{n}, each once.", ranks.join(", ")),
                ),
                inputs: vec![("ranks".into(), ranks.join(", ")), ("count".into(), n.to_string())],
                computed: None,
                threshold: Some(format!("ranks = 1..{n}")),
                remedy: Some(Text::new(
                    format!("请将排序改为{}", expected.join("、")),
                    format!("rank them {}", expected.join(", ")),
                )),
            });
        }
        Outcome::Checked(items.len())
    }
}
