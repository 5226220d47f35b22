//! `group_count`: how many records fall in each group (applications per school and year ≤ 3).

use super::bound::Bound;
use super::{expect_field, fields_of, key_of, no_records, num, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, Subject, ValueKind};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        if items.is_empty() {
            return no_records(items.kind());
        }
        let Some(keys) = fields_of(items, &c.group_by) else {
            return no_records(items.kind());
        };
        let school_f = c.school_field.as_deref().and_then(|n| items.field(n));
        let mut groups: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
        for (i, item) in items.iter().enumerate() {
            groups.entry(key_of(item, &keys)).or_default().push(i);
        }
        let (metric_zh, metric_en) = cx.metric(("记录数", "records"));
        let (unit_zh, unit_en) = (cx.unit().0.to_string(), cx.unit().1.to_string());
        let (per_zh, per_en) = (cx.per().0.to_string(), cx.per().1.to_string());
        for (key, members) in groups {
            let first = items.at(members[0]);
            let school = school_f.and_then(|f| f.get(first).text());
            let n = Decimal::from(members.len());
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
            let locations: Vec<Location> = members
                .iter()
                .map(|&i| Location::new(items.kind(), i, None))
                .collect();
            let inputs = vec![
                ("group".to_string(), key.join(", ")),
                ("count".to_string(), members.len().to_string()),
            ];
            if let Some(b) = &c.max {
                let (max, why) = b.resolve(cx.ix, school);
                if max.compare(n, Decimal::ONE).is_some_and(|o| o.is_lt()) {
                    let over = num((n - max.approx()).ceil());
                    let remedy = cx.remedy(
                        &over,
                        (
                            format!("需减少{over}{unit_zh}"),
                            format!("{over} fewer needed"),
                        ),
                    );
                    let mut inputs = inputs.clone();
                    inputs.extend(why.map(|w| (w.flag, w.value.to_string())));
                    cx.emit_legacy(LegacyDraft {
                        code: FindingCode::TooMany,
                        subject: subject.clone(),
                        locations: locations.clone(),
                        message: Text::new(
                            format!("{who}{metric_zh}为{n}{unit_zh},超过{per_zh}不超过{max}{unit_zh}的要求。"),
                            format!("{who}: {n} {metric_en}; at most {max} {unit_en} {per_en} allowed.").replace("  ", " ").replace(" .", "."),
                        ),
                        inputs,
                        computed: Some(format!("count = {n}")),
                        threshold: Some(format!("maximum = {max}")),
                        remedy: Some(remedy),
                    });
                }
            }
            if let Some(b) = &c.min {
                let (min, why) = b.resolve(cx.ix, school);
                if min.compare(n, Decimal::ONE).is_some_and(|o| o.is_gt()) {
                    let short = num((min.approx() - n).ceil());
                    let remedy = cx.remedy(
                        &short,
                        (
                            format!("还需增加{short}{unit_zh}"),
                            format!("{short} more needed"),
                        ),
                    );
                    let mut inputs = inputs.clone();
                    inputs.extend(why.map(|w| (w.flag, w.value.to_string())));
                    cx.emit_legacy(LegacyDraft {
                        code: FindingCode::TooFew,
                        subject: subject.clone(),
                        locations: locations.clone(),
                        message: Text::new(
                            format!("{who}{metric_zh}为{n}{unit_zh},少于{per_zh}至少{min}{unit_zh}的要求。"),
                            format!("{who}: {n} {metric_en}; at least {min} {unit_en} {per_en} required.").replace("  ", " ").replace(" .", "."),
                        ),
                        inputs,
                        computed: Some(format!("count = {n}")),
                        threshold: Some(format!("minimum = {min}")),
                        remedy: Some(remedy),
                    });
                }
            }
        }
        Outcome::Checked(items.len())
    }
}
