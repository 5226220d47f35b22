//! `threshold`: a number on each record is at least / at most a bound.

use super::bound::Bound;
use super::{expect_field, label, num, open, Arith, Cx, Draft, Kind, Outcome};
use crate::finding::{FindingCode, Location, Text};
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
        let school_of = |item: Rec<'_>, b: &Bound| {
            b.school_field()
                .and_then(|n| items.field(n))
                .and_then(|sf| sf.get(item).text().map(str::to_string))
        };
        let (metric_zh, metric_en) = cx.metric((f.zh, f.en));
        let (unit_zh, unit_en) = {
            let (z, e) = cx.unit();
            (z.to_string(), e.to_string())
        };
        let (per_zh, per_en) = {
            let (z, e) = cx.per();
            (z.to_string(), e.to_string())
        };
        for (i, item) in items.iter().enumerate() {
            let v = f.get(item);
            let Some(x) = v.decimal() else {
                if matches!(v, Value::Missing) {
                    let (pz, pe) = item.period().unwrap_or_default();
                    let subject = cx.subject(item);
                    cx.emit(Draft {
                        code: FindingCode::Missing,
                        subject,
                        locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                        message: Text::new(
                            format!("{pz}未填写{metric_zh}。"),
                            format!("{pe}{metric_en} is not given."),
                        ),
                        inputs: vec![(c.field.clone(), "—".into())],
                        computed: None,
                        threshold: None,
                        remedy: Some(Text::new(
                            format!("请填写{}", label(items.kind(), &c.field).0),
                            format!("fill in the {}", label(items.kind(), &c.field).1),
                        )),
                    });
                }
                continue;
            };
            if let Some(b) = &c.min {
                let (min, why) = b.resolve(cx.ix, school_of(item, b).as_deref());
                if min.compare(x, Decimal::ONE).is_some_and(|o| o.is_gt()) {
                    let (pz, pe) = item.period().unwrap_or_default();
                    let short = min.approx().sat_sub(x).ceil();
                    let n = num(short);
                    let subject = cx.subject(item);
                    let remedy = cx.remedy(
                        &n,
                        (
                            format!("还需增加{n}{unit_zh}"),
                            format!("{n} more {unit_en} needed"),
                        ),
                    );
                    let mut inputs = vec![(c.field.clone(), num(x))];
                    if let Some(w) = why {
                        inputs.push(("bound chosen by".into(), w));
                    }
                    cx.emit(Draft {
                        code: FindingCode::BelowMinimum,
                        subject,
                        locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                        message: Text::new(
                            format!("{pz}{metric_zh}为{}{unit_zh},少于{per_zh}至少{min}{unit_zh}的要求。", num(x)),
                            format!("{pe}{metric_en}: {}; at least {min} {unit_en} {per_en} required.", num(x)).replace("  ", " ").replace(" .", "."),
                        ),
                        inputs,
                        computed: None,
                        threshold: Some(format!("minimum = {min}")),
                        remedy: Some(remedy),
                    });
                }
            }
            if let Some(b) = &c.max {
                let (max, why) = b.resolve(cx.ix, school_of(item, b).as_deref());
                if max.compare(x, Decimal::ONE).is_some_and(|o| o.is_lt()) {
                    let (pz, pe) = item.period().unwrap_or_default();
                    let over = x.sat_sub(max.approx()).ceil();
                    let n = num(over);
                    let subject = cx.subject(item);
                    let remedy = cx.remedy(
                        &n,
                        (
                            format!("需减少{n}{unit_zh}"),
                            format!("{n} fewer {unit_en} needed"),
                        ),
                    );
                    let mut inputs = vec![(c.field.clone(), num(x))];
                    if let Some(w) = why {
                        inputs.push(("bound chosen by".into(), w));
                    }
                    cx.emit(Draft {
                        code: FindingCode::AboveMaximum,
                        subject,
                        locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                        message: Text::new(
                            format!("{pz}{metric_zh}为{}{unit_zh},超过{per_zh}至多{max}{unit_zh}的要求。", num(x)),
                            format!("{pe}{metric_en}: {}; at most {max} {unit_en} {per_en} allowed.", num(x)).replace("  ", " ").replace(" .", "."),
                        ),
                        inputs,
                        computed: None,
                        threshold: Some(format!("maximum = {max}")),
                        remedy: Some(remedy),
                    });
                }
            }
        }
        Outcome::Checked(items.len())
    }
}
