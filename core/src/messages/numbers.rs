//! The one number formatter of the catalogue: money with thousands separators and two decimals,
//! plain quantities as written, and computed quotients with enough digits that a failing value
//! never displays as the bound it fails.

use crate::checks::Arith;
use crate::rules::Fraction;
use rust_decimal::{Decimal, RoundingStrategy};

/// A given value, exact, without trailing zeros, with thousands separators from 10,000 up
/// (`12,345.5`, `2`, `0.25`). Money goes through [`money`].
pub fn plain(d: Decimal) -> String {
    let s = d.normalize().to_string();
    if d.abs() < Decimal::from(10_000) {
        return s;
    }
    group(&s)
}

/// An amount of money: thousands separators and two decimals (`1,398,000.00`); more decimals
/// only when the amount has them (never rounded into a different amount).
pub fn money(d: Decimal) -> String {
    let d = d.normalize();
    let s = if d.scale() <= 2 {
        let mut x = d;
        x.rescale(2);
        x.to_string()
    } else {
        d.to_string()
    };
    group(&s)
}

/// A value in `unit`: money when the unit is a currency, else [`plain`].
pub fn amount(d: Decimal, unit_zh: &str) -> String {
    if is_money(unit_zh) {
        money(d)
    } else {
        plain(d)
    }
}

/// Whether a unit (Chinese) is a currency.
pub fn is_money(unit_zh: &str) -> bool {
    matches!(unit_zh, "元" | "万元" | "亿元")
}

/// A computed value (a quotient, a percentage) rounded to two decimals, or to as many more as it
/// takes for it not to display as `bound` (599,999.99 of 1,000,000 is 59.999999%, not 60%).
/// Both are in display units (already × 100 for a percentage).
pub fn computed(value: Decimal, bound: Decimal) -> String {
    for dp in 2..=28u32 {
        let r = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        if r != bound || value == bound {
            return plain(r);
        }
    }
    plain(value)
}

/// The quotient `a / b` shown against `bound`, in the notation's units: a percentage (× 100) for
/// shares, a plain number otherwise. `None` when `b` is zero.
pub fn quotient(a: Decimal, b: Decimal, bound: &Fraction, percent: bool) -> Option<String> {
    let q = a.ck_div(b)?;
    let bound = bound.approx();
    Some(if percent {
        computed(
            q.sat_mul(Decimal::ONE_HUNDRED),
            bound.sat_mul(Decimal::ONE_HUNDRED),
        )
    } else {
        computed(q, bound)
    })
}

/// A bound as written in a pack, for messages: `60%`, `15`, `1/3` (Chinese: `三分之一`).
pub fn bound_zh(f: &Fraction) -> String {
    f.zh()
}

/// A bound in English: as written.
pub fn bound_en(f: &Fraction) -> String {
    f.to_string()
}

/// How far a value is towards a goal: so many times it (from twice up) or a percentage of it.
pub enum OfGoal {
    /// `4` (倍): the value is at least twice the goal.
    Times(String),
    /// `95.56` (%): below twice the goal; never shown as 100 unless it is exactly the goal.
    Percent(String),
}

/// `x` against `goal`; `None` for a goal of zero (or below).
pub fn of_goal(x: Decimal, goal: &Fraction) -> Option<OfGoal> {
    if goal.num() <= Decimal::ZERO || goal.den() <= Decimal::ZERO {
        return None;
    }
    // x ÷ (num/den) = x·den ÷ num, exact up to the division.
    let r = x.ck_mul(goal.den())?.ck_div(goal.num())?;
    Some(if r >= Decimal::TWO {
        OfGoal::Times(computed(r, Decimal::TWO))
    } else {
        OfGoal::Percent(computed(
            r.sat_mul(Decimal::ONE_HUNDRED),
            Decimal::ONE_HUNDRED,
        ))
    })
}

/// A binary float as its shortest round-trip text (`2.5`, `1e300`), through serde_json's
/// formatter: `{}` on an f64 would link core's float formatting, some 20 KB of the WebAssembly
/// module, for an error message.
pub fn float(f: f64) -> String {
    serde_json::Number::from_f64(f).map_or_else(|| "NaN".into(), |x| x.to_string())
}

/// A binary float as `{}` on an f64 writes it (`2.5`, `100000000000000000000`, `0.0000001`,
/// `3`, `-0`, `NaN`, `inf`), built from serde_json's shortest round-trip digits (the same
/// digits core's formatter chooses): core's float formatting is some 17 KB of the WebAssembly
/// module, and messages that quote a float the user gave must not change with the build.
pub fn float_plain(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf" } else { "inf" }.into();
    }
    let text = float(f);
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text.as_str()),
    };
    let (mantissa, exp) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The digits without a point, and where the point goes in them.
    let mut digits: String = format!("{int}{frac}");
    let mut point = i32::try_from(int.len()).unwrap_or(0).saturating_add(exp);
    while digits.ends_with('0') {
        digits.pop();
    }
    let leading = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..leading);
    point = point.saturating_sub(i32::try_from(leading).unwrap_or(0));
    // A value exactly halfway between two shortest texts: ryu takes the even last digit, core's
    // formatter the one further from zero.
    if halfway_up(f.abs(), &digits, point) {
        if let Some(last) = digits.pop() {
            digits.push(char::from(last as u8 + 1));
        }
    }
    let mut out = String::from(sign);
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(&digits);
    } else {
        let point = point as usize;
        if point >= digits.len() {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', point - digits.len()));
        } else {
            out.push_str(&digits[..point]);
            out.push('.');
            out.push_str(&digits[point..]);
        }
    }
    out
}

/// Whether `x` (finite, not negative) is exactly `0.digits5 × 10^point`, i.e. halfway between
/// `digits` and the next text of as many digits (only a value with a short exact decimal
/// expansion can be; any wider one overflows here and is not).
fn halfway_up(x: f64, digits: &str, point: i32) -> bool {
    let Ok(d) = digits.parse::<u128>() else {
        return false;
    };
    if x == 0.0 || digits.len() > 30 {
        return false;
    }
    // x = mant · 2^exp, exactly.
    let bits = x.to_bits();
    let biased = i32::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let frac = u128::from(bits & ((1 << 52) - 1));
    let (mant, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    // The halfway text: n = digits·10 + 5, times 10^(point - len - 1) = 10^-j.
    let Some(n) = d.checked_mul(10).and_then(|v| v.checked_add(5)) else {
        return false;
    };
    let j = i32::try_from(digits.len())
        .unwrap_or(i32::MAX)
        .saturating_add(1)
        - point;
    let pow = |base: u128, e: i32| base.checked_pow(e.unsigned_abs());
    // Compare mant · 2^exp · 10^j with n, both sides scaled to whole numbers.
    let (mut a, mut b) = (Some(mant), Some(n));
    if exp >= 0 {
        a = a.zip(pow(2, exp)).and_then(|(a, p)| a.checked_mul(p));
    } else {
        b = b.zip(pow(2, exp)).and_then(|(b, p)| b.checked_mul(p));
    }
    if j >= 0 {
        a = a.zip(pow(10, j)).and_then(|(a, p)| a.checked_mul(p));
    } else {
        b = b.zip(pow(10, j)).and_then(|(b, p)| b.checked_mul(p));
    }
    matches!((a, b), (Some(a), Some(b)) if a == b)
}

/// A date in Chinese, `2024年3月1日`. Written out rather than through chrono's `format`, whose
/// pattern interpreter is several kilobytes of the WebAssembly module.
pub fn date_zh(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Inserts thousands separators in the integer part of a decimal's text.
fn group(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `float_plain` writes exactly what `{}` writes.
    #[test]
    // The halfway cases are written as the exact binary values they are.
    #[allow(clippy::excessive_precision)]
    fn float_plain_is_display() {
        let mut cases = vec![
            0.0,
            -0.0,
            1.0,
            -3.0,
            2.5,
            0.1,
            0.3,
            1.0 / 3.0,
            1e20,
            1e21,
            1.5e300,
            -1e-7,
            1.25e-5,
            123_456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            9_007_199_254_740_993.0,
            // Exactly halfway between two shortest texts (ryu and core round them apart).
            1_658_206_780_088_562.25,
            -1_052_730_259_603_333.25,
            233_115_890_514_796.125,
            271_821_092_707_313.625,
            0.5,
            2.5,
            1e23,
        ];
        // A spread of bit patterns, every exponent.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            cases.push(f64::from_bits(x));
            // Whole numbers over small powers of two, where halfway values are common.
            let whole = (x >> 11) as f64;
            cases.push(whole / f64::from(1u32 << (x % 12)));
        }
        for f in cases {
            assert_eq!(float_plain(f), format!("{f}"), "{:#x}", f.to_bits());
        }
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn money_has_separators_and_cents() {
        assert_eq!(money(d("1966500")), "1,966,500.00");
        assert_eq!(money(d("1398000.5")), "1,398,000.50");
        assert_eq!(money(d("0.125")), "0.125");
        assert_eq!(money(d("-1234")), "-1,234.00");
        assert_eq!(money(d("999")), "999.00");
    }

    #[test]
    fn plain_values_stay_as_written() {
        assert_eq!(plain(d("14.99999")), "14.99999");
        assert_eq!(plain(d("2.50")), "2.5");
        assert_eq!(plain(d("123456")), "123,456");
        assert_eq!(plain(d("9999")), "9999");
    }

    #[test]
    fn a_failing_value_never_shows_as_its_bound() {
        // 599,999.99 / 1,000,000 = 59.999999%
        let b: Fraction = "60%".parse().unwrap();
        assert_eq!(
            quotient(d("599999.99"), d("1000000"), &b, true).unwrap(),
            "59.999999"
        );
        let b: Fraction = "15".parse().unwrap();
        assert_eq!(
            quotient(d("1499999"), d("100000"), &b, false).unwrap(),
            "14.99999"
        );
        let b: Fraction = "1/3".parse().unwrap();
        assert_eq!(quotient(d("1000"), d("3001"), &b, true).unwrap(), "33.32");
        assert_eq!(quotient(d("1"), d("0"), &b, true), None);
        // Well away from the bound: two decimals.
        let b: Fraction = "18".parse().unwrap();
        assert_eq!(quotient(d("230"), d("1"), &b, false).unwrap(), "230");
        assert_eq!(quotient(d("200"), d("11"), &b, false).unwrap(), "18.18");
    }
}
