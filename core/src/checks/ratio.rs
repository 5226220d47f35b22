//! `ratio`: numerator ÷ denominator against an exact bound, per record. Covers per-unit bounds
//! (m² per student ≥ 15, students per teacher ≤ 18) and shares (≥ 60%, ≥ 1/3). Decided on exact
//! cross-multiplication, never on a rounded quotient; a zero denominator is a finding of its own.

use super::{expect_field, label, num, open, Arith, Cx, Draft, Kind, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, Rec, Value, ValueKind};
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
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub included: bool,
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
            _ => Ok(()),
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
        let (metric_zh, metric_en) = cx.metric(("比值", "ratio"));
        let (nuz, nue) = (cx.unit().0.to_string(), cx.unit().1.to_string());
        let w = &cx.rule.wording;
        let (duz, due) = (
            w.denominator_unit_zh.clone().unwrap_or_default(),
            w.denominator_unit_en.clone().unwrap_or_default(),
        );
        let (nlz, nle) = label(items.kind(), &c.numerator);
        let (dlz, dle) = label(items.kind(), &c.denominator);
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            let (a, b) = match (nf.get(item), df.get(item)) {
                (Value::Missing, _) | (_, Value::Missing) => continue,
                (x, y) => match (x.decimal(), y.decimal()) {
                    (Some(a), Some(b)) => (a, b),
                    _ => continue,
                },
            };
            checked += 1;
            let inputs = vec![
                (c.numerator.clone(), num(a)),
                (c.denominator.clone(), num(b)),
            ];
            let given_zh = format!("{nlz}{}{nuz}、{dlz}{}{duz}", num(a), num(b));
            let of = |u: &str| {
                if u.is_empty() {
                    String::new()
                } else {
                    format!(" {u} of")
                }
            };
            let given_en = format!(
                "{}{} {nle} and {}{} {dle}",
                num(a),
                of(&nue),
                num(b),
                of(&due)
            );
            // Nothing drawn from nothing meets an upper bound (no pay from no net income).
            if b <= Decimal::ZERO && a <= Decimal::ZERO && c.min.is_none() {
                continue;
            }
            if b <= Decimal::ZERO {
                // With no denominator the quotient is undefined: below any minimum, above any maximum.
                let need = match c.max {
                    Some(m) if !m.num().is_zero() => a
                        .ck_mul(m.den())
                        .and_then(|x| x.ck_div(m.num()))
                        .map_or(Decimal::ONE, |x| ceil_to(x, den_whole)),
                    _ => Decimal::ONE,
                };
                let need = need.max(Decimal::ONE);
                let n = num(need);
                let remedy = cx.remedy(
                    &n,
                    (
                        format!("还需{n}{duz}{dlz}"),
                        format!("{n} {due} {dle} needed"),
                    ),
                );
                // With no denominator there is no "or fewer" alternative: drop the part naming {m}.
                let remedy = Text::new(drop_alternative(&remedy.zh), drop_alternative(&remedy.en));
                let subject = cx.subject(item);
                cx.emit(Draft {
                    code: FindingCode::ZeroDenominator,
                    subject,
                    locations: vec![Location::new(items.kind(), i, Some(&c.denominator))],
                    message: Text::new(
                        format!("{given_zh},{dlz}为{},{metric_zh}无法计算,不符合要求。", num(b)),
                        format!("{given_en}: with no {dle} the {metric_en} is undefined and the rule is not met."),
                    ),
                    inputs,
                    computed: Some("undefined (denominator = 0)".into()),
                    threshold: Some(bounds_text(c)),
                    remedy: Some(remedy),
                });
                continue;
            }
            if let Some(min) = c.min {
                // a/b < p/q  ⇔  p·b > a·q
                if min.compare(a, b).is_some_and(|o| o.is_gt()) {
                    let n = if c.included && min.den() > min.num() {
                        let gap = (min.num().sat_mul(b)).sat_sub(min.den().sat_mul(a));
                        gap.ck_div(min.den() - min.num())
                            .map_or(Decimal::MAX, |x| ceil_to(x, num_whole))
                    } else {
                        let target = min.times(b).unwrap_or(Decimal::MAX);
                        ceil_to(target.sat_sub(a), num_whole)
                    };
                    let p = min.num();
                    let fewer = (!p.is_zero())
                        .then(|| a.ck_mul(min.den()).and_then(|x| x.ck_div(p)))
                        .flatten();
                    let m = fewer
                        .map(|f| b.sat_sub(floor_to(f, den_whole)))
                        .filter(|m| *m > Decimal::ZERO);
                    emit_bound(
                        cx,
                        item,
                        i,
                        c,
                        Bounded {
                            code: FindingCode::BelowMinimum,
                            given: (&given_zh, &given_en),
                            metric: (&metric_zh, &metric_en),
                            shown: shown(a, b, c.percent, c.colon, false),
                            exact: format!("{}/{}", num(a), num(b)),
                            dir: ("低于", "below"),
                            bound: min,
                            n: num(n),
                            m: m.map(num),
                            default_remedy: (
                                format!("还需增加{}{nuz}{nlz}", num(n)),
                                format!("{} more {nue} of {nle} needed", num(n)),
                            ),
                            inputs: inputs.clone(),
                        },
                    );
                }
            }
            if let Some(max) = c.max {
                // a/b > p/q  ⇔  p·b < a·q
                if max.compare(a, b).is_some_and(|o| o.is_lt()) {
                    let need_den = a
                        .ck_mul(max.den())
                        .and_then(|x| x.ck_div(max.num()))
                        .unwrap_or(Decimal::MAX);
                    let n = ceil_to(need_den, den_whole).sat_sub(b);
                    let allowed_num = max.times(b).unwrap_or(Decimal::ZERO);
                    let m = a.sat_sub(floor_to(allowed_num, num_whole));
                    emit_bound(
                        cx,
                        item,
                        i,
                        c,
                        Bounded {
                            code: FindingCode::AboveMaximum,
                            given: (&given_zh, &given_en),
                            metric: (&metric_zh, &metric_en),
                            shown: shown(a, b, c.percent, c.colon, true),
                            exact: format!("{}/{}", num(a), num(b)),
                            dir: ("高于", "above"),
                            bound: max,
                            n: num(n),
                            m: Some(num(m)),
                            default_remedy: (
                                format!("还需增加{}{duz}{dlz}", num(n)),
                                format!("{} more {due} of {dle} needed", num(n)),
                            ),
                            inputs,
                        },
                    );
                }
            }
        }
        if checked == 0 {
            return Outcome::Unchecked(Text::new(
                format!("{}记录均未同时给出{nlz}和{dlz}", items.kind().zh()),
                format!("no {} record gives both {nle} and {dle}", items.kind().en()),
            ));
        }
        Outcome::Checked(checked)
    }
}

/// Rounds up to the field's precision: whole units for counts, cents for decimals.
fn ceil_to(x: Decimal, whole: bool) -> Decimal {
    if whole {
        x.ceil()
    } else {
        x.round_dp_with_strategy(2, RoundingStrategy::AwayFromZero)
    }
}

fn floor_to(x: Decimal, whole: bool) -> Decimal {
    if whole {
        x.floor()
    } else {
        x.round_dp_with_strategy(2, RoundingStrategy::ToZero)
    }
}

/// Formats a quotient for a message: a percentage, "18.1:1", or a number, 2 decimals at most.
/// Rounded away from the bound (`up` for a value above a maximum), so that a failing 6.4999…
/// never shows as the 6.5 it fails to reach.
fn shown(a: Decimal, b: Decimal, percent: bool, colon: bool, up: bool) -> String {
    let q = a.ck_div(b).unwrap_or(Decimal::MAX);
    let r = |x: Decimal| {
        let s = if up {
            RoundingStrategy::ToPositiveInfinity
        } else {
            RoundingStrategy::ToNegativeInfinity
        };
        num(x.round_dp_with_strategy(2, s))
    };
    if colon {
        format!("{}:1", r(q))
    } else if percent {
        format!("{}%", r(q * Decimal::ONE_HUNDRED))
    } else {
        r(q)
    }
}

/// Removes a bracketed part that contains `{m}` ("还需配备11名专任教师(或减少…{m}名学生)").
fn drop_alternative(t: &str) -> String {
    let Some(at) = t.find("{m}") else {
        return t.to_string();
    };
    let open = t[..at].rfind(['(', '(']);
    let close = t[at..].find([')', ')']).map(|i| {
        let rest = &t[at + i..];
        at + i + rest.chars().next().map_or(1, char::len_utf8)
    });
    match (open, close) {
        (Some(o), Some(c)) => format!("{}{}", t[..o].trim_end(), &t[c..]),
        _ => t.replace("{m}", "—"),
    }
}

fn bounds_text(c: &Ratio) -> String {
    match (c.min, c.max) {
        (Some(a), Some(b)) => format!("{a} ≤ ratio ≤ {b}"),
        (Some(a), None) => format!("minimum = {a}"),
        (None, Some(b)) => format!("maximum = {b}"),
        (None, None) => String::new(),
    }
}

struct Bounded<'s> {
    code: FindingCode,
    given: (&'s str, &'s str),
    metric: (&'s str, &'s str),
    shown: String,
    exact: String,
    dir: (&'s str, &'s str),
    bound: Fraction,
    n: String,
    m: Option<String>,
    default_remedy: (String, String),
    inputs: Vec<(String, String)>,
}

fn emit_bound(cx: &mut Cx<'_>, item: Rec<'_>, i: usize, c: &Ratio, b: Bounded<'_>) {
    let remedy = cx.remedy(&b.n, b.default_remedy);
    let m = b.m.unwrap_or_else(|| "—".into());
    let remedy = Text::new(remedy.zh.replace("{m}", &m), remedy.en.replace("{m}", &m));
    let (pz, pe) = item.period().unwrap_or_default();
    let subject = cx.subject(item);
    // Per-unit values carry the numerator's unit (m² per student → m²); shares and 1:n do not.
    let (qz, qe) = if c.percent || c.colon {
        (String::new(), String::new())
    } else {
        let (z, e) = cx.unit();
        (
            z.to_string(),
            if e.is_empty() {
                String::new()
            } else {
                format!(" {e}")
            },
        )
    };
    let (bound_zh, bound) = if c.colon {
        (format!("1:{}", b.bound), format!("1:{}", b.bound))
    } else {
        (b.bound.zh(), b.bound.to_string())
    };
    let is = if c.colon { "" } else { "为" };
    let verb = if b.code == FindingCode::AboveMaximum {
        "allowed"
    } else {
        "required"
    };
    cx.emit(Draft {
        code: b.code,
        subject,
        locations: vec![
            Location::new(c.entity, i, Some(&c.numerator)),
            Location::new(c.entity, i, Some(&c.denominator)),
        ],
        message: Text::new(
            format!(
                "{pz}{},{}{is}{}{qz},{}{bound_zh}{qz}的要求。",
                b.given.0, b.metric.0, b.shown, b.dir.0
            ),
            format!(
                "{pe}{} give a {} of {}{qe}, {} the {bound}{qe} {verb}.",
                b.given.1, b.metric.1, b.shown, b.dir.1
            ),
        ),
        inputs: b.inputs,
        computed: Some(format!("{} = {}", b.exact, b.shown)),
        threshold: Some(bounds_text(c)),
        remedy: Some(remedy),
    });
}
