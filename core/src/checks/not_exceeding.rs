//! `not_exceeding`: one field never exceeds another of the same record (transferred ≤ graduates).

use super::{expect_field, num, open, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location};
use crate::model::{EntityKind, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "not_exceeding"`: `field ≤ limit_field` whenever both are given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotExceeding {
    /// The collection.
    pub entity: EntityKind,
    /// The smaller quantity.
    pub field: String,
    /// The quantity it may not exceed.
    pub limit_field: String,
}

impl Kind for NotExceeding {
    fn validate(&self) -> Result<(), super::CheckError> {
        let n = [ValueKind::Int, ValueKind::Dec];
        expect_field(self.entity, &self.field, &n)?;
        expect_field(self.entity, &self.limit_field, &n)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [a_f, b_f]) = match open(cx.ds, self.entity, [&c.field, &c.limit_field]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let (field, limit) = (FieldRef::from(&a_f), FieldRef::from(&b_f));
        for (i, item) in items.iter().enumerate() {
            let (Some(a), Some(b)) = (a_f.get(item).decimal(), b_f.get(item).decimal()) else {
                continue;
            };
            if a <= b {
                continue;
            }
            let subject = cx.subject(item);
            cx.emit(Draft {
                code: FindingCode::Exceeds,
                subject,
                locations: vec![
                    Location::new(items.kind(), i, Some(&c.field)),
                    Location::new(items.kind(), i, Some(&c.limit_field)),
                ],
                period: item.period(),
                inputs: Inputs::from([(c.field.as_str(), num(a)), (c.limit_field.as_str(), num(b))]),
                detail: Detail::Exceeds {
                    field,
                    limit,
                    value: a,
                    limit_value: b,
                },
            });
        }
        Outcome::Checked(items.len())
    }
}
