//! `implies`: where one flag is true, another must be too (a major is filed only with its
//! set-up conditions met). A missing second flag counts as not shown, hence a finding.

use super::{expect_field, label, open, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
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
        let (iz, ie) = label(items.kind(), &c.if_true);
        let (tz, te) = label(items.kind(), &c.then_true);
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            checked += 1;
            if iff.get(item) != Value::Bool(true) {
                continue;
            }
            let then = tf.get(item);
            if then == Value::Bool(true) {
                continue;
            }
            let (sz, se) = if then.is_present() {
                ("否", "no")
            } else {
                ("未填写", "not given")
            };
            let (pz, pe) = crate::messages::period_prefix(&item.period());
            let subject = cx.subject(item);
            let remedy = cx.remedy(
                "",
                (format!("{tz}后方可{iz}"), format!("{te} first, then {ie}")),
            );
            cx.emit_legacy(LegacyDraft {
                code: FindingCode::Excluded,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.then_true))],
                message: Text::new(
                    format!("{pz}{iz}为“是”,但{tz}为“{sz}”,不符合要求。"),
                    format!("{pe}{ie} is yes but {te} is {se}; the rule is not met."),
                ),
                inputs: vec![
                    (c.if_true.clone(), "true".into()),
                    (c.then_true.clone(), then.display()),
                ],
                computed: None,
                threshold: Some(format!("{} ⇒ {}", c.if_true, c.then_true)),
                remedy: Some(remedy),
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(crate::finding::Reason::Legacy(Text::new(
                format!("没有{iz}为“是”的{}记录", items.kind().zh()),
                format!("no {} record has {ie} = yes", items.kind().en()),
            )));
        }
        Outcome::Checked(checked)
    }
}
