//! `any_of`: at least `min` of several flags hold on each record: a graduate holds a senior-worker
//! certificate or an intermediate X certificate (min 1); an agreement bears all three signatures
//! (min = all).

use super::filter::{self, Compiled, Filter};
use super::{expect_field, no_records, Cx, Draft, Kind, Outcome};
use crate::finding::{Detail, FieldRef, FindingCode, Location, Reason};
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
        // In bulk most records pass: their flags read through the collection's readers and
        // counted without a vector per record (five million students). (Not in the WebAssembly
        // module: one form, and 56 B of its budget.)
        #[cfg(feature = "bulk")]
        let (readers, accepts) = (
            flags.iter().map(|f| items.reader(f.id)).collect::<Vec<_>>(),
            filter.over(items),
        );
        #[cfg(not(feature = "bulk"))]
        let accepts = |i: usize| filter.accepts(items.at(i));
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            if !accepts(i) {
                continue;
            }
            checked += 1;
            #[cfg(feature = "bulk")]
            if readers
                .iter()
                .filter(|read| matches!(read(i), Value::Bool(true)))
                .count()
                >= c.min
            {
                continue;
            }
            let held: Vec<bool> = flags
                .iter()
                .map(|f| matches!(f.get(item), Value::Bool(true)))
                .collect();
            let n = held.iter().filter(|h| **h).count();
            if n >= c.min {
                continue;
            }
            let missing: Vec<FieldRef> = flags
                .iter()
                .zip(&held)
                .filter(|(_, h)| !**h)
                .map(|(f, _)| FieldRef::from(f))
                .collect();
            let place = c.locate.as_deref().or(c.fields.first().map(String::as_str));
            let subject = cx.subject(item);
            cx.emit(Draft {
                code: FindingCode::Missing,
                subject,
                locations: vec![Location::new(items.kind(), i, place)],
                period: item.period(),
                inputs: c
                    .fields
                    .iter()
                    .zip(&held)
                    .map(|(f, h)| (f.clone(), h.to_string()))
                    .collect(),
                detail: Detail::AnyOf {
                    missing,
                    held: n as u64,
                    min: c.min as u64,
                    of: c.fields.len() as u64,
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
