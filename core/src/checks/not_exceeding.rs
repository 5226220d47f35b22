//! `not_exceeding`: one field never exceeds another of the same record (transferred ≤ graduates).

use super::{expect_field, label, num, open, Arith, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
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
        let (az, ae) = label(items.kind(), &c.field);
        let (bz, be) = label(items.kind(), &c.limit_field);
        let (uz, _) = cx.unit();
        let uz = uz.to_string();
        for (i, item) in items.iter().enumerate() {
            let (Some(a), Some(b)) = (a_f.get(item).decimal(), b_f.get(item).decimal()) else {
                continue;
            };
            if a <= b {
                continue;
            }
            let (pz, pe) = crate::messages::period_prefix(&item.period());
            let subject = cx.subject(item);
            cx.emit_legacy(LegacyDraft {
                code: FindingCode::Exceeds,
                subject,
                locations: vec![
                    Location::new(items.kind(), i, Some(&c.field)),
                    Location::new(items.kind(), i, Some(&c.limit_field)),
                ],
                message: Text::new(
                    format!(
                        "{pz}{az}{}{uz},超过{bz}{}{uz},数据不可能成立。",
                        num(a),
                        num(b)
                    ),
                    format!(
                        "{pe}{ae} ({}) exceeds {be} ({}), which cannot be.",
                        num(a),
                        num(b)
                    ),
                ),
                inputs: vec![(c.field.clone(), num(a)), (c.limit_field.clone(), num(b))],
                computed: Some(format!("{} − {} = {}", num(a), num(b), num(a.sat_sub(b)))),
                threshold: Some(format!("{} ≤ {}", c.field, c.limit_field)),
                remedy: Some(Text::new(
                    format!("请核对{az}与{bz}"),
                    format!("check the {ae} and the {be}"),
                )),
            });
        }
        Outcome::Checked(items.len())
    }
}
