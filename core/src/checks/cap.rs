//! `cap`: a value never exceeds the smallest of several limits, each a share of another field
//! (offset ≤ min(30% × investment, surcharges owed)). Decided exactly by cross-multiplication.

use super::{expect_field, no_records, num, open, Arith, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location, Reason};
use crate::model::{EntityKind, ValueKind};
use crate::rules::{cmp_products, Fraction};
use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One limit: `share × of` (share 1 when omitted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// The field the limit is taken from.
    pub of: String,
    /// The share of it allowed, e.g. `"30%"`; the whole of it when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Fraction>,
}

/// `kind = "cap"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    /// The collection.
    pub entity: EntityKind,
    /// The capped field.
    pub field: String,
    /// The limits; the smallest applies.
    pub limits: Vec<Limit>,
}

impl Kind for Cap {
    fn validate(&self) -> Result<(), super::CheckError> {
        let n = [ValueKind::Int, ValueKind::Dec];
        expect_field(self.entity, &self.field, &n)?;
        if self.limits.is_empty() {
            return Err(super::CheckError::Empty {
                param: "limits".into(),
            });
        }
        for l in &self.limits {
            expect_field(self.entity, &l.of, &n)?;
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [f]) = match open(cx.ds, self.entity, [&c.field]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let limit_fields: Option<Vec<_>> = c.limits.iter().map(|l| items.field(&l.of)).collect();
        let Some(limit_fields) = limit_fields else {
            return no_records(items.kind());
        };
        let field = FieldRef::from(&f);
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            let Some(a) = f.get(item).decimal() else {
                continue;
            };
            // Limits whose base is not given are left out; with none left the record is unchecked.
            let applied: Vec<Applied<'_>> = c
                .limits
                .iter()
                .zip(&limit_fields)
                .filter_map(|(l, lf)| {
                    lf.get(item).decimal().map(|base| Applied {
                        limit: l,
                        of: FieldRef::from(lf),
                        share: l.share.unwrap_or(Fraction::from_decimal(Decimal::ONE)),
                        base,
                    })
                })
                .collect();
            let Some(mut least) = applied.first().copied() else {
                continue;
            };
            checked += 1;
            for l in &applied[1..] {
                if l.below(&least).unwrap_or(false) {
                    least = *l;
                }
            }
            if !least.exceeded_by(a).unwrap_or(false) {
                continue;
            }
            let cap = least.amount();
            let mut inputs = Inputs::from([(c.field.as_str(), num(a))]);
            inputs.extend(applied.iter().map(|l| (l.limit.of.clone(), num(l.base))));
            let locations = vec![
                Location::new(items.kind(), i, Some(&c.field)),
                Location::new(items.kind(), i, Some(&least.limit.of)),
            ];
            let subject = cx.subject(item);
            cx.emit(Draft {
                code: FindingCode::AboveMaximum,
                subject,
                locations,
                period: item.period(),
                inputs,
                detail: Detail::Cap {
                    field,
                    value: a,
                    limit: cap,
                    over: a.sat_sub(cap),
                    limits: applied
                        .iter()
                        .map(|l| CapLimit {
                            of: l.of,
                            share: l.limit.share,
                            base: l.base,
                            amount: l.amount(),
                        })
                        .collect(),
                },
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoCapBase {
                entity: items.kind(),
                field,
                limits: limit_fields.iter().map(FieldRef::from).collect(),
            });
        }
        Outcome::Checked(checked)
    }
}

/// One limit as applied to a record, for a finding: `share × base = amount`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CapLimit {
    /// The field the limit is taken from.
    pub of: FieldRef,
    /// The share of it allowed; the whole of it when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Fraction>,
    /// The field's value.
    pub base: Decimal,
    /// The limit, in money (rounded down to the cent).
    pub amount: Decimal,
}

/// One limit evaluated on a record: the share as a fraction and the base value.
#[derive(Clone, Copy)]
struct Applied<'l> {
    limit: &'l Limit,
    of: FieldRef,
    share: Fraction,
    base: Decimal,
}

impl Applied<'_> {
    /// Whether `a > share × base`, exactly: `a·den > num·base`.
    /// (On wide integers: an overflow must not read as "not exceeded".)
    fn exceeded_by(&self, a: Decimal) -> Option<bool> {
        let (s, b) = (self.share, self.base);
        Some(cmp_products(&[a, s.den()], &[s.num(), b]).is_gt())
    }
    /// Whether this limit is below `o`'s, exactly.
    fn below(&self, o: &Applied<'_>) -> Option<bool> {
        let (s, t) = (self.share, o.share);
        Some(cmp_products(&[s.num(), self.base, t.den()], &[t.num(), o.base, s.den()]).is_lt())
    }
    /// The limit in money, rounded down to cents when the share does not divide evenly.
    fn amount(&self) -> Decimal {
        self.share
            .times(self.base)
            .unwrap_or(Decimal::MAX)
            .round_dp_with_strategy(2, RoundingStrategy::ToZero)
    }
}
