//! `implies`: where one flag is true, another must be too (a major is filed only with its
//! set-up conditions met). A missing second flag counts as not shown, hence a finding.

use super::{expect_field, open, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location};
use crate::model::{EntityKind, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "implies"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Implies {
    /// The collection.
    pub entity: EntityKind,
    /// The boolean field that triggers the check.
    pub if_true: String,
    /// The boolean field that must then be true.
    pub then_true: String,
}

impl Kind for Implies {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.if_true, &[ValueKind::Bool])?;
        expect_field(self.entity, &self.then_true, &[ValueKind::Bool])
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [iff, tf]) = match open(cx.ds, self.entity, [&c.if_true, &c.then_true]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let (if_true, then_true) = (FieldRef::from(&iff), FieldRef::from(&tf));
        for (i, item) in items.iter().enumerate() {
            if iff.get(item) != Value::Bool(true) {
                continue;
            }
            let then = tf.get(item);
            if then == Value::Bool(true) {
                continue;
            }
            let subject = cx.subject(item);
            cx.emit(Draft {
                code: FindingCode::Excluded,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.then_true))],
                period: item.period(),
                inputs: Inputs::from([
                    (c.if_true.as_str(), "true".into()),
                    (c.then_true.as_str(), then.display()),
                ]),
                detail: Detail::Implies {
                    if_true,
                    then_true,
                    given: then.is_present(),
                },
            });
        }
        // Every record is checked: one whose first flag is not true passes.
        Outcome::Checked(items.len())
    }
}
