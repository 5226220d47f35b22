//! `any_of`: at least `min` of several flags hold on each record: a graduate holds a senior-worker
//! certificate or an intermediate X certificate (min 1); an agreement bears all three signatures
//! (min = all).

use super::filter::{self, Compiled, Filter};
use super::{expect_field, label, no_records, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

fn one() -> usize {
    1
}

/// `kind = "any_of"`.
///
/// ```toml
/// kind = "any_of"
/// entity = "students"
/// fields = ["certificates.senior_worker", "certificates.x_intermediate_or_above"]
/// where = [{ field = "graduated", equals = true }]   # records the rule applies to
/// locate = "certificates"                            # path shown for the finding
/// min = 1                                            # how many must hold (default 1)
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnyOf {
    /// The collection.
    pub entity: EntityKind,
    /// Flag fields; a missing flag counts as not holding.
    pub fields: Vec<String>,
    /// How many must hold.
    #[serde(default = "one")]
    pub min: usize,
    /// Records the rule applies to.
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
    /// The path a finding points at, when the flags are derived (e.g. `certificates`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locate: Option<String>,
}

impl Kind for AnyOf {
    fn validate(&self) -> Result<(), super::CheckError> {
        if self.fields.is_empty() {
            return Err(super::CheckError::Empty {
                param: "fields".into(),
            });
        }
        for f in &self.fields {
            expect_field(self.entity, f, &[ValueKind::Bool])?;
        }
        if self.min == 0 || self.min > self.fields.len() {
            return Err(super::CheckError::OutOfRange {
                param: "min".into(),
                found: self.min.to_string(),
                min: Some("1".into()),
                max: Some(self.fields.len().to_string()),
            });
        }
        filter::validate_all(&self.filter, self.entity)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(flags), Some(filter)) = (
            c.fields
                .iter()
                .map(|f| items.field(f))
                .collect::<Option<Vec<_>>>(),
            Compiled::new(items, &c.filter),
        ) else {
            return no_records(items.kind());
        };
        let (mz, me) = cx.metric(("", ""));
        let all = c.min == c.fields.len();
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            if !filter.accepts(item) {
                continue;
            }
            checked += 1;
            let held: Vec<bool> = flags
                .iter()
                .map(|f| matches!(f.get(item), Value::Bool(true)))
                .collect();
            let n = held.iter().filter(|h| **h).count();
            if n >= c.min {
                continue;
            }
            let missing: Vec<(&str, &str)> = c
                .fields
                .iter()
                .zip(&held)
                .filter(|(_, h)| !**h)
                .map(|(f, _)| label(items.kind(), f))
                .collect();
            let mzh: Vec<&str> = missing.iter().map(|m| m.0).collect();
            let men: Vec<&str> = missing.iter().map(|m| m.1).collect();
            let (pz, pe) = crate::messages::period_prefix(&item.period());
            let message = if all {
                Text::new(
                    format!("{pz}缺少{}。", mzh.join("、")),
                    format!("{pe}Missing {}.", men.join(", ")),
                )
            } else if c.min == 1 {
                Text::new(
                    format!("{pz}{mz}未取得{}中的任何一项。", mzh.join("或")),
                    format!("{pe}{me}: holds none of: {}.", men.join("; ")),
                )
            } else {
                Text::new(
                    format!(
                        "{pz}{mz}具备{n}项,少于至少{}项的要求;缺少{}。",
                        c.min,
                        mzh.join("、")
                    ),
                    format!(
                        "{pe}{me}: {n} held, at least {} required; missing {}.",
                        c.min,
                        men.join(", ")
                    ),
                )
            };
            let k = (c.min - n).to_string();
            let remedy = cx.remedy(
                &k,
                if all {
                    (
                        format!("补齐{}", mzh.join("、")),
                        format!("add {}", men.join(", ")),
                    )
                } else {
                    (
                        format!("还需具备{k}项:{}", mzh.join("或")),
                        format!("{k} more needed of: {}", men.join("; ")),
                    )
                },
            );
            let place = c.locate.as_deref().or(c.fields.first().map(String::as_str));
            let subject = cx.subject(item);
            cx.emit_legacy(LegacyDraft {
                code: FindingCode::Missing,
                subject,
                locations: vec![Location::new(items.kind(), i, place)],
                message,
                inputs: c
                    .fields
                    .iter()
                    .zip(&held)
                    .map(|(f, h)| (f.clone(), h.to_string()))
                    .collect(),
                computed: Some(format!("held = {n}")),
                threshold: Some(format!("at least {} of {}", c.min, c.fields.len())),
                remedy: Some(remedy),
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(crate::finding::Reason::Legacy(Text::new(
                format!("没有适用本规则的{}记录", items.kind().zh()),
                format!("no {} record the rule applies to", items.kind().en()),
            )));
        }
        Outcome::Checked(checked)
    }
}
