//! `threshold`: a number on each record is at least / at most a bound.

use super::bound::Bound;
use super::{expect_field, num, open, Arith, Cx, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode};
use crate::model::{EntityKind, Rec, Value, ValueKind};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "threshold"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// The collection checked.
    pub entity: EntityKind,
    /// The numeric field.
    pub field: String,
    /// Smallest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Bound>,
    /// Largest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Bound>,
}

impl Kind for Threshold {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Int, ValueKind::Dec])?;
        if self.min.is_none() && self.max.is_none() {
            return Err(super::CheckError::NeedsOneOf {
                params: vec!["min".into(), "max".into()],
            });
        }
        for b in self.min.iter().chain(self.max.iter()) {
            b.validate()?;
            if let Some(f) = b.school_field() {
                expect_field(self.entity, f, &[ValueKind::Text])?;
            }
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [f]) = match open(cx.ds, self.entity, [&c.field]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let field = FieldRef::from(&f);
        let school_of = |item: Rec<'_>, b: &Bound| {
            b.school_field()
                .and_then(|n| items.field(n))
                .and_then(|sf| sf.get(item).text().map(str::to_string))
        };
        for item in items.iter() {
            let v = f.get(item);
            let Some(x) = v.decimal() else {
                if matches!(v, Value::Missing) {
                    cx.emit_at(
                        item,
                        &c.field,
                        FindingCode::Missing,
                        Inputs::from([(c.field.as_str(), "—")]),
                        Detail::Missing { field },
                    );
                }
                continue;
            };
            let sides = [
                (&c.min, FindingCode::BelowMinimum),
                (&c.max, FindingCode::AboveMaximum),
            ];
            for (b, code) in sides {
                let Some(b) = b else { continue };
                let (bound, chosen_by) = b.resolve(cx.ix, school_of(item, b).as_deref());
                let fails = bound.compare(x, Decimal::ONE).is_some_and(|o| {
                    if code == FindingCode::BelowMinimum {
                        o.is_gt()
                    } else {
                        o.is_lt()
                    }
                });
                if !fails {
                    continue;
                }
                // Whole units: a meeting more, not 0.5 of one.
                let need = if code == FindingCode::BelowMinimum {
                    bound.approx().sat_sub(x).ceil_whole()
                } else {
                    x.sat_sub(bound.approx()).ceil_whole()
                };
                let mut inputs = Inputs::from([(c.field.as_str(), num(x))]);
                if let Some(w) = &chosen_by {
                    inputs.push(&w.flag, if w.value { "true" } else { "false" });
                }
                cx.emit_at(
                    item,
                    &c.field,
                    code,
                    inputs,
                    Detail::Bound {
                        field,
                        value: x,
                        bound,
                        chosen_by,
                        need,
                    },
                );
            }
        }
        Outcome::Checked(items.len())
    }
}
