//! `pass_through`: money received must be passed on, in full or at least a share
//! (tuition ≥ 60% to the secondary school; fees and per-student appropriations in full).
//! Decided exactly; the remedy is the shortfall rounded up to the cent.

use super::{expect_field, label, open, Arith, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
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
        let full = c.share.is_none();
        let (oz, oe) = label(items.kind(), &c.owed);
        let (pz, pe) = label(items.kind(), &c.paid);
        let (tz, te) = c
            .times
            .as_deref()
            .map_or(("", ""), |t| label(items.kind(), t));
        let (uz, ue) = (cx.unit().0.to_string(), cx.unit().1.to_string());
        let (uz, ue) = (
            if uz.is_empty() { "元".to_string() } else { uz },
            if ue.is_empty() { "CNY".to_string() } else { ue },
        );
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
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
            let (owed_zh, owed_en) = match count {
                Some(n) => (
                    format!(
                        "{oz}{}{uz}×{tz}{}={}{uz}",
                        money(base),
                        super::num(n),
                        money(owed)
                    ),
                    format!(
                        "{} {ue} {oe} × {} {te} = {} {ue}",
                        money(base),
                        super::num(n),
                        money(owed)
                    ),
                ),
                None => (
                    format!("{oz}{}{uz}", money(owed)),
                    format!("{oe} {} {ue}", money(owed)),
                ),
            };
            let subject = cx.subject(item);
            let paid_v = paid_f.get(item);
            let Some(paid) = paid_v.decimal() else {
                if matches!(paid_v, Value::Missing) {
                    cx.emit_legacy(LegacyDraft {
                        code: FindingCode::Missing,
                        subject,
                        locations: vec![Location::new(items.kind(), i, Some(&c.paid))],
                        message: Text::new(
                            format!("{owed_zh},未填写{pz}。"),
                            format!("{owed_en}; {pe} is not given."),
                        ),
                        inputs: vec![(c.owed.clone(), super::num(owed))],
                        computed: None,
                        threshold: Some(format!("share = {share}")),
                        remedy: Some(Text::new(
                            format!("请填写{pz}"),
                            format!("fill in the {pe}"),
                        )),
                    });
                }
                continue;
            };
            // paid ≥ share × owed  ⇔  paid·den ≥ num·owed (exact).
            if share.compare(paid, owed).is_none_or(|o| o.is_le()) {
                continue;
            }
            let required = share.times(owed).unwrap_or(Decimal::MAX);
            let short = required
                .sat_sub(paid)
                .round_dp_with_strategy(2, RoundingStrategy::AwayFromZero)
                .max(Decimal::new(1, 2));
            let n = money(short);
            let remedy = cx.remedy(
                &n,
                (
                    format!("还需拨付{n}{uz}"),
                    format!("{n} {ue} more to pass on"),
                ),
            );
            let pct = paid
                .ck_div(owed)
                .map(|q| {
                    format!(
                        "{}%",
                        super::num(q.sat_mul(Decimal::ONE_HUNDRED).round_dp(2))
                    )
                })
                .unwrap_or_else(|| "—".into());
            let (mz, me) = if full {
                (
                    format!(
                        "{owed_zh},应全额支付,实际{pz}{}{uz},少{n}{uz}。",
                        money(paid)
                    ),
                    format!(
                        "{owed_en} is to be passed on in full; {pe}: {} {ue}, {n} {ue} short.",
                        money(paid)
                    ),
                )
            } else {
                (
                    format!(
                        "{owed_zh},按不低于{share}的比例应拨付{}{uz},实际{pz}{}{uz}(占{pct}),少{n}{uz}。",
                        money(required),
                        money(paid)
                    ),
                    format!(
                        "{owed_en}; at least {share} ({} {ue}) is to be passed on, {pe}: {} {ue} ({pct}), {n} {ue} short.",
                        money(required),
                        money(paid)
                    ),
                )
            };
            let mut inputs = vec![(c.owed.clone(), super::num(base))];
            if let (Some(t), Some(n)) = (&c.times, count) {
                inputs.push((t.clone(), super::num(n)));
            }
            inputs.push((c.paid.clone(), super::num(paid)));
            cx.emit_legacy(LegacyDraft {
                code: FindingCode::BelowMinimum,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.paid))],
                message: Text::new(mz, me),
                inputs,
                computed: Some(format!(
                    "required = {share} × {} = {}",
                    super::num(owed),
                    super::num(required)
                )),
                threshold: Some(format!("paid ≥ {share} × owed")),
                remedy: Some(remedy),
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(crate::finding::Reason::Legacy(Text::new(
                format!("{}记录均未给出{oz}", items.kind().zh()),
                format!("no {} record gives the {oe}", items.kind().en()),
            )));
        }
        Outcome::Checked(checked)
    }
}

/// Money with thousands separators and two decimals: `12,345.60`.
pub(crate) fn money(d: Decimal) -> String {
    let d = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let s = format!("{:.2}", d.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    let sign = if d.is_sign_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{out}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::money;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn money_format() {
        let m = |s: &str| money(Decimal::from_str(s).unwrap());
        assert_eq!(m("12345.6"), "12,345.60");
        assert_eq!(m("0.01"), "0.01");
        assert_eq!(m("1000000"), "1,000,000.00");
        assert_eq!(m("999.999"), "1,000.00");
        assert_eq!(m("-1234.5"), "-1,234.50");
    }
}
