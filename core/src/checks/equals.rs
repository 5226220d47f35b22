//! `equals`: a field has one required value (the stage split: 3 secondary years, then 2 higher).

use super::filter::Scalar;
use super::{expect_field, open, Cx, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Literal};
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
        let field = FieldRef::from(&f);
        let want = literal(&c.value);
        for item in items.iter() {
            let v = f.get(item);
            if c.value.matches(v) {
                continue;
            }
            let (code, found) = match v {
                Value::Missing => (FindingCode::Missing, None),
                Value::Bool(b) => (FindingCode::Mismatch, Some(Literal::Bool(b))),
                Value::Text(t) => (FindingCode::Mismatch, Some(Literal::Text(t.to_string()))),
                other => match other.decimal() {
                    Some(d) => (FindingCode::Mismatch, Some(Literal::Number(d))),
                    None => (FindingCode::Mismatch, Some(Literal::Text(other.display()))),
                },
            };
            cx.emit_at(
                item,
                &c.field,
                code,
                Inputs::from([(c.field.as_str(), v.display())]),
                Detail::Unequal {
                    field,
                    found,
                    want: want.clone(),
                },
            );
        }
        Outcome::Checked(items.len())
    }
}

/// The required value as a finding holds it.
fn literal(s: &Scalar) -> Literal {
    match s {
        Scalar::Bool(b) => Literal::Bool(*b),
        Scalar::Int(i) => Literal::Number((*i).into()),
        Scalar::Text(t) => Literal::Text(t.clone()),
    }
}
