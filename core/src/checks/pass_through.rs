//! `pass_through`: money received must be passed on, in full or at least a share
//! (tuition ≥ 60% to the secondary school; fees and per-student appropriations in full).
//! Decided exactly; the remedy is the shortfall rounded up to the cent.

use super::{expect_field, num, open, Arith, Cx, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Reason};
use crate::model::{EntityKind, Value, ValueKind};
use crate::rules::Fraction;
use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "pass_through"`: `paid ≥ share × owed [× times]` on each record.
///
/// ```toml
/// kind = "pass_through"
/// entity = "finance_settlements"
/// owed = "appropriation_per_student"
/// times = "appropriation_students"   # optional: owed = per-unit amount × count
/// paid = "appropriation_paid"
/// share = "60%"                      # optional, default 100% (全额)
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PassThrough {
    /// The collection.
    pub entity: EntityKind,
    /// The amount received (or the per-unit amount, with `times`).
    pub owed: String,
    /// A count the per-unit amount is multiplied by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<String>,
    /// The amount passed on.
    pub paid: String,
    /// Smallest share to pass on; absent means all of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Fraction>,
    /// Nothing owed is a finding of its own (a zero denominator: "no tuition recorded"), not a
    /// pass by 0 ≥ share × 0. For money every settlement has (tuition of a running pilot);
    /// off for fees a year may lack.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub zero_is_finding: bool,
}

impl Kind for PassThrough {
    fn validate(&self) -> Result<(), super::CheckError> {
        let n = [ValueKind::Int, ValueKind::Dec];
        expect_field(self.entity, &self.owed, &n)?;
        expect_field(self.entity, &self.paid, &n)?;
        if let Some(t) = &self.times {
            expect_field(self.entity, t, &n)?;
        }
        if self.share.is_some_and(|s| {
            s.compare(Decimal::ONE, Decimal::ONE)
                .is_some_and(|o| o.is_gt())
        }) {
            return Err(super::CheckError::OutOfRange {
                param: "share".into(),
                found: self.share.map(|s| s.to_string()).unwrap_or_default(),
                min: None,
                max: Some("100%".into()),
            });
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [owed_f, paid_f]) = match open(cx.ds, self.entity, [&c.owed, &c.paid]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let times_f = c.times.as_deref().and_then(|n| items.field(n));
        let share = c.share.unwrap_or(Fraction::from_decimal(Decimal::ONE));
        let owed_field = FieldRef::from(&owed_f);
        let paid_field = FieldRef::from(&paid_f);
        let times_field = times_f.as_ref().map(FieldRef::from);
        let mut checked = 0;
        for item in items.iter() {
            let Some(base) = owed_f.get(item).decimal() else {
                continue;
            };
            let count = match times_f.map(|f| f.get(item)) {
                None => None,
                Some(v) => match v.decimal() {
                    Some(n) => Some(n),
                    None => continue,
                },
            };
            let owed = match count {
                Some(n) => base.ck_mul(n).unwrap_or(Decimal::MAX),
                None => base,
            };
            checked += 1;
            let required = share.times(owed).unwrap_or(Decimal::MAX);
            let mut inputs = Inputs::from([(c.owed.as_str(), num(base))]);
            if let (Some(t), Some(n)) = (&c.times, count) {
                inputs.push(t, &num(n));
            }
            let paid_v = paid_f.get(item);
            if c.zero_is_finding && owed <= Decimal::ZERO {
                // The share of nothing is undefined: the settlement records no money received,
                // which is what needs checking (never a pass by 0 ≥ 60% of 0).
                let paid = paid_v.decimal().unwrap_or(Decimal::ZERO);
                inputs.push(&c.paid, &num(paid));
                cx.emit_at(
                    item,
                    &c.owed,
                    FindingCode::ZeroDenominator,
                    inputs,
                    Detail::ZeroDenominator {
                        numerator: paid_field,
                        denominator: owed_field,
                        num: paid,
                        den: owed,
                        need: None,
                    },
                );
                continue;
            }
            let (code, paid, short) = match paid_v.decimal() {
                None if matches!(paid_v, Value::Missing) => (FindingCode::Missing, None, required),
                None => continue,
                // paid ≥ share × owed  ⇔  paid·den ≥ num·owed (exact).
                Some(paid) if share.compare(paid, owed).is_none_or(|o| o.is_le()) => continue,
                Some(paid) => {
                    // The shortfall rounded up to the cent: paying it always passes.
                    let short = required
                        .sat_sub(paid)
                        .round_dp_with_strategy(2, RoundingStrategy::AwayFromZero)
                        .max(Decimal::new(1, 2));
                    inputs.push(&c.paid, &num(paid));
                    (FindingCode::BelowMinimum, Some(paid), short)
                }
            };
            cx.emit_at(
                item,
                &c.paid,
                code,
                inputs,
                Detail::PassThrough {
                    owed_field,
                    times_field,
                    paid_field,
                    base,
                    count,
                    owed,
                    share: c.share,
                    required,
                    paid,
                    short,
                },
            );
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoneGives {
                entity: items.kind(),
                fields: vec![owed_field],
            });
        }
        Outcome::Checked(checked)
    }
}
