//! `ratio`: numerator ÷ denominator against an exact bound, per record. Covers per-unit bounds
//! (m² per student ≥ 15, students per teacher ≤ 18) and shares (≥ 60%, ≥ 1/3). Decided on exact
//! cross-multiplication, never on a rounded quotient; a zero denominator is a finding of its own.

use super::filter::{validate_all, Compiled, Filter};
use super::{expect_field, num, open, Arith, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location, Notation, Reason};
use crate::model::{EntityKind, Value, ValueKind};
use crate::rules::Fraction;
use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "ratio"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    /// The collection.
    pub entity: EntityKind,
    /// The numerator field.
    pub numerator: String,
    /// The denominator field.
    pub denominator: String,
    /// Smallest allowed quotient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Fraction>,
    /// Largest allowed quotient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Fraction>,
    /// Show the quotient as a percentage (shares) rather than a number (per-unit values).
    #[serde(default)]
    pub percent: bool,
    /// Show the quotient and bound as "18.1:1" and "1:18" (students per teacher, 生师比).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub colon: bool,
    /// The numerator is part of the denominator (teachers with a master's degree among all
    /// teachers; equipment added among all equipment): adding to it adds to both, so the remedy
    /// for a minimum is `x` with `(a + x) / (b + x) ≥ p/q`, i.e. `x ≥ (p·b − q·a) / (q − p)`.
    /// Also `"true"` / `"false"` as text, so that a user parameter (always text) can set it.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "flag"
    )]
    pub included: bool,
    /// Nothing over nothing passes an upper bound (no performance pay drawn from no net income).
    /// Off by default: a zero denominator is a finding of its own, even with a zero numerator
    /// (a campus recording neither students nor teachers is data a commission must see).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nothing_passes: bool,
    /// Records the bound applies to (schools that passed their assessment); all by default. A
    /// record whose condition field is not given is not judged; with none judged for that reason
    /// the rule is unchecked, naming the field.
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
}

impl Kind for Ratio {
    fn validate(&self) -> Result<(), super::CheckError> {
        let n = [ValueKind::Int, ValueKind::Dec];
        expect_field(self.entity, &self.numerator, &n)?;
        expect_field(self.entity, &self.denominator, &n)?;
        match (&self.min, &self.max) {
            (None, None) => Err(super::CheckError::NeedsOneOf {
                params: vec!["min".into(), "max".into()],
            }),
            (_, Some(m)) if m.num().is_zero() => Err(super::CheckError::NotPositive {
                param: "max".into(),
            }),
            _ => validate_all(&self.filter, self.entity),
        }
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [nf, df]) = match open(cx.ds, self.entity, [&c.numerator, &c.denominator]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let num_whole = nf.kind == ValueKind::Int;
        let den_whole = df.kind == ValueKind::Int;
        let (numerator, denominator) = (FieldRef::from(&nf), FieldRef::from(&df));
        let notation = if c.colon {
            Notation::PerOne
        } else if c.percent {
            Notation::Percent
        } else {
            Notation::Number
        };
        let Some(only) = Compiled::new(items, &c.filter) else {
            return Outcome::Unchecked(Reason::NoRecords {
                entity: items.kind(),
            });
        };
        let conds: Vec<crate::model::Field> = c
            .filter
            .iter()
            .filter_map(|f| items.field(&f.field))
            .collect();
        let mut checked = 0;
        // Records not judged because a condition is unknown (no assessment result given).
        let mut unknown = false;
        for (i, item) in items.iter().enumerate() {
            if !only.accepts(item) {
                unknown |= conds.iter().any(|f| !f.get(item).is_present());
                continue;
            }
            let (a, b) = match (nf.get(item), df.get(item)) {
                (Value::Missing, _) | (_, Value::Missing) => continue,
                (x, y) => match (x.decimal(), y.decimal()) {
                    (Some(a), Some(b)) => (a, b),
                    _ => continue,
                },
            };
            checked += 1;
            let inputs = || {
                Inputs::from([
                    (c.numerator.as_str(), num(a)),
                    (c.denominator.as_str(), num(b)),
                ])
            };
            // Nothing drawn from nothing meets an upper bound, where the rule says so
            // (no pay from no net income); elsewhere 0/0 is reported below.
            if c.nothing_passes && b <= Decimal::ZERO && a <= Decimal::ZERO && c.min.is_none() {
                continue;
            }
            let both = || {
                vec![
                    Location::new(c.entity, i, Some(&c.numerator)),
                    Location::new(c.entity, i, Some(&c.denominator)),
                ]
            };
            if b <= Decimal::ZERO {
                // With no denominator the quotient is undefined: below any minimum, above any maximum.
                // Under an upper bound, enough denominator for the numerator there is passes
                // (teachers for the students); under a lower bound no denominator helps (an area
                // per student with no students): the data needs checking, not more of anything.
                // With nothing in the numerator either (no students, no teachers) there is
                // nothing to staff: the record needs checking too.
                let need = c.max.filter(|m| !m.num().is_zero() && a > Decimal::ZERO).map(|m| {
                    a.ck_mul(m.den())
                        .and_then(|x| x.ck_div(m.num()))
                        .map_or(Decimal::ONE, |x| ceil_to(x, den_whole))
                        .max(Decimal::ONE)
                });
                cx.emit_at(
                    item,
                    &c.denominator,
                    FindingCode::ZeroDenominator,
                    inputs(),
                    Detail::ZeroDenominator {
                        numerator,
                        denominator,
                        num: a,
                        den: b,
                        need,
                    },
                );
                continue;
            }
            // a/b < p/q  ⇔  p·b > a·q
            let below = c.min.filter(|m| m.compare(a, b).is_some_and(|o| o.is_gt()));
            let below = below.map(|min| {
                let need = if c.included && min.den() > min.num() {
                    let gap = (min.num().sat_mul(b)).sat_sub(min.den().sat_mul(a));
                    gap.ck_div(min.den().sat_sub(min.num()))
                        .map_or(Decimal::MAX, |x| ceil_to(x, num_whole))
                } else {
                    let target = min.times(b).unwrap_or(Decimal::MAX);
                    ceil_to(target.sat_sub(a), num_whole)
                };
                let p = min.num();
                let fewer = (!p.is_zero())
                    .then(|| a.ck_mul(min.den()).and_then(|x| x.ck_div(p)))
                    .flatten();
                let or_less = fewer
                    .map(|f| b.sat_sub(floor_to(f, den_whole)))
                    .filter(|m| *m > Decimal::ZERO);
                (FindingCode::BelowMinimum, min, need, or_less)
            });
            // a/b > p/q  ⇔  p·b < a·q
            let above = c.max.filter(|m| m.compare(a, b).is_some_and(|o| o.is_lt()));
            let above = above.map(|max| {
                let need_den = a
                    .ck_mul(max.den())
                    .and_then(|x| x.ck_div(max.num()))
                    .unwrap_or(Decimal::MAX);
                let need = ceil_to(need_den, den_whole).sat_sub(b);
                let allowed_num = max.times(b).unwrap_or(Decimal::ZERO);
                let or_less = Some(a.sat_sub(floor_to(allowed_num, num_whole)));
                (FindingCode::AboveMaximum, max, need, or_less)
            });
            for (code, bound, need, or_less) in below.into_iter().chain(above) {
                let subject = cx.subject(item);
                cx.emit(Draft {
                    code,
                    subject,
                    locations: both(),
                    period: item.period(),
                    inputs: inputs(),
                    detail: Detail::Ratio {
                        numerator,
                        denominator,
                        num: a,
                        den: b,
                        bound,
                        notation,
                        need,
                        or_less,
                    },
                });
            }
        }
        if checked == 0 && unknown {
            return Outcome::Unchecked(Reason::NoneGives {
                entity: items.kind(),
                fields: conds.iter().map(FieldRef::from).collect(),
            });
        }
        if checked == 0 && !c.filter.is_empty() {
            return Outcome::Unchecked(Reason::NoneApplies {
                entity: items.kind(),
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoneGives {
                entity: items.kind(),
                fields: vec![numerator, denominator],
            });
        }
        Outcome::Checked(checked)
    }
}

/// Rounds up to the field's precision: whole units for counts, cents for decimals.
fn ceil_to(x: Decimal, whole: bool) -> Decimal {
    if whole {
        x.ceil_whole()
    } else {
        x.round_dp_with_strategy(2, RoundingStrategy::AwayFromZero)
    }
}

fn floor_to(x: Decimal, whole: bool) -> Decimal {
    if whole {
        x.floor_whole()
    } else {
        x.round_dp_with_strategy(2, RoundingStrategy::ToZero)
    }
}

/// A flag written as `true` / `false` or, from a user parameter, as the text `"true"` / `"false"`.
fn flag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("true or false")
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<bool, E> {
            match v.trim() {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(E::invalid_value(serde::de::Unexpected::Str(v), &self)),
            }
        }
    }
    d.deserialize_any(V)
}
