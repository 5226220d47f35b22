//! `equals`: a field has one required value (the stage split: 3 secondary years, then 2 higher).

use super::filter::Scalar;
use super::{expect_field, label, open, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "equals"`: `{ entity = "programme_plans", field = "secondary_years", value = 3 }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Equals {
    /// The collection.
    pub entity: EntityKind,
    /// The field.
    pub field: String,
    /// The required value.
    pub value: Scalar,
}

impl Kind for Equals {
    fn validate(&self) -> Result<(), super::CheckError> {
        let kinds: &[ValueKind] = match self.value {
            Scalar::Bool(_) => &[ValueKind::Bool],
            Scalar::Int(_) => &[ValueKind::Int, ValueKind::Dec],
            Scalar::Text(_) => &[ValueKind::Text],
        };
        expect_field(self.entity, &self.field, kinds)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [f]) = match open(cx.ds, self.entity, [&c.field]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let (lz, le) = label(items.kind(), &c.field);
        let (mz, me) = cx.metric((lz, le));
        let (uz, ue) = (cx.unit().0.to_string(), cx.unit().1.to_string());
        let ue = if ue.is_empty() { ue } else { format!(" {ue}") };
        let want = shown(&c.value);
        for (i, item) in items.iter().enumerate() {
            let v = f.get(item);
            if c.value.matches(v) {
                continue;
            }
            let (pz, pe) = crate::messages::period_prefix(&item.period());
            let (message, code) = if matches!(v, Value::Missing) {
                (
                    Text::new(
                        format!("{pz}未填写{mz},应为{want}{uz}。"),
                        cap(format!("{pe}{me} is not given; it must be {want}{ue}.")),
                    ),
                    FindingCode::Missing,
                )
            } else {
                let got = v.display();
                (
                    Text::new(
                        format!("{pz}{mz}为{got}{uz},应为{want}{uz}。"),
                        cap(format!("{pe}{me} is {got}{ue}; it must be {want}{ue}.")),
                    ),
                    FindingCode::Mismatch,
                )
            };
            let remedy = cx.remedy(
                &want,
                (
                    format!("{lz}应为{want}{uz}"),
                    format!("set {le} to {want}{ue}"),
                ),
            );
            let subject = cx.subject(item);
            cx.emit_legacy(LegacyDraft {
                code,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                message,
                inputs: vec![(c.field.clone(), v.display())],
                computed: None,
                threshold: Some(format!("{} = {want}", c.field)),
                remedy: Some(remedy),
            });
        }
        Outcome::Checked(items.len())
    }
}

fn shown(s: &Scalar) -> String {
    match s {
        Scalar::Bool(b) => b.to_string(),
        Scalar::Int(i) => i.to_string(),
        Scalar::Text(t) => t.clone(),
    }
}

/// Upper-cases the first letter of an English sentence.
fn cap(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}
