//! Exact thresholds: a fraction of two decimals, so that "one third" stays exactly 1/3.

use super::ThresholdError;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// An exact non-negative number `num / den`, written `"15"`, `"6.5"`, `"60%"` or `"1/3"`.
///
/// ```
/// use xianjie::Fraction;
/// let third: Fraction = "1/3".parse().unwrap();
/// // 1000 of 3001 hours is below one third, decided on exact integers.
/// assert!(third.compare(1000.into(), 3001.into()).unwrap().is_gt());
/// assert_eq!("60%".parse::<Fraction>().unwrap(), "3/5".parse().unwrap());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Fraction {
    num: Decimal,
    den: Decimal,
    /// How it was written, kept for display.
    pct: bool,
}

impl Fraction {
    /// A whole or decimal number.
    pub fn from_decimal(d: Decimal) -> Self {
        Fraction {
            num: d,
            den: Decimal::ONE,
            pct: false,
        }
    }
    /// Numerator.
    pub fn num(&self) -> Decimal {
        self.num
    }
    /// Denominator (positive).
    pub fn den(&self) -> Decimal {
        self.den
    }
    /// The fraction as written, digit for digit: equal for `1/3` and `1/3`, not for `1/3` and
    /// `2/6`, `0.6` and `60%`, `3` and `3.0`, which are equal fractions. What is shown of one
    /// fraction is shown of any other with the same bits.
    #[cfg(feature = "arrow")]
    pub(crate) fn bits(&self) -> [u8; 33] {
        let mut b = [0u8; 33];
        let (num, rest) = b.split_at_mut(16);
        let (den, pct) = rest.split_at_mut(16);
        num.copy_from_slice(&self.num.serialize());
        den.copy_from_slice(&self.den.serialize());
        pct.fill(u8::from(self.pct));
        b
    }
    /// Compares `self` with `a / b` (b > 0) exactly: `self.num * b` vs `a * self.den`, on
    /// integers as wide as the products need (never `None`: a product past the decimal type's
    /// 28 digits, such as 70% of 1e28 owed, is still compared, not waved through).
    pub fn compare(&self, a: Decimal, b: Decimal) -> Option<Ordering> {
        Some(cmp_products(&[self.num, b], &[a, self.den]))
    }
    /// `self × x`, exact when the division terminates, else rounded to 28 digits (display only).
    pub fn times(&self, x: Decimal) -> Option<Decimal> {
        self.num.checked_mul(x)?.checked_div(self.den)
    }
    /// Decimal approximation for display.
    pub fn approx(&self) -> Decimal {
        self.num.checked_div(self.den).unwrap_or(Decimal::MAX)
    }
    /// Chinese form for messages: `三分之一` for small fractions, else as written (`60%`, `15`).
    ///
    /// ```
    /// use xianjie::Fraction;
    /// assert_eq!("1/3".parse::<Fraction>().unwrap().zh(), "三分之一");
    /// assert_eq!("60%".parse::<Fraction>().unwrap().zh(), "60%");
    /// ```
    pub fn zh(&self) -> String {
        const DIGITS: [&str; 11] = [
            "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
        ];
        let small = |d: Decimal| {
            (d.trunc() == d && d >= Decimal::ONE && d <= Decimal::TEN)
                .then(|| d.to_string().parse::<usize>().ok())
                .flatten()
                .and_then(|i| DIGITS.get(i))
        };
        if self.pct || self.den == Decimal::ONE {
            return self.to_string();
        }
        match (small(self.num), small(self.den)) {
            (Some(n), Some(d)) => format!("{d}分之{n}"),
            _ => format!("{}分之{}", self.den.normalize(), self.num.normalize()),
        }
    }
    /// True when written as a percentage or a fraction below one, i.e. a share.
    pub fn is_percent(&self) -> bool {
        self.pct
    }
}

/// Compares the product of `l` with the product of `r` exactly, whatever their size: the
/// mantissas are multiplied as wide integers and the scales aligned, so no overflow can turn a
/// comparison into no answer (checks took "no answer" for "met").
///
/// ```
/// use rust_decimal::Decimal;
/// use std::cmp::Ordering;
/// let big = Decimal::from_str_exact("10000000000000000000000000000").unwrap();
/// // 70 × 1e28 > 0 × 100, though 70 × 1e28 does not fit a decimal.
/// assert_eq!(xianjie::rules::cmp_products(&[70.into(), big], &[0.into(), 100.into()]), Ordering::Greater);
/// ```
// Out of line: called from many checks, each would otherwise carry its own copy.
#[inline(never)]
pub fn cmp_products(l: &[Decimal], r: &[Decimal]) -> Ordering {
    // Most comparisons fit 128 bits: exact there, and without allocating.
    if let Some(o) = cmp_products_i128(l, r) {
        return o;
    }
    let (ls, lscale, lmag) = product(l);
    let (rs, rscale, mut rmag) = product(r);
    let mut lmag = lmag;
    if ls != rs {
        return ls.cmp(&rs);
    }
    if ls == 0 {
        return Ordering::Equal;
    }
    // Same scale: multiply the one with fewer decimal places by the difference's power of ten.
    if lscale < rscale {
        scale_up(&mut lmag, rscale - lscale);
    } else {
        scale_up(&mut rmag, lscale - rscale);
    }
    let ord = cmp_mag(&lmag, &rmag);
    if ls < 0 {
        ord.reverse()
    } else {
        ord
    }
}

/// [`cmp_products`] on 128-bit integers; `None` when a product or the scaling does not fit.
fn cmp_products_i128(l: &[Decimal], r: &[Decimal]) -> Option<Ordering> {
    let prod = |xs: &[Decimal]| {
        xs.iter().try_fold((1i128, 0u32), |(m, s), x| {
            Some((m.checked_mul(x.mantissa())?, s + x.scale()))
        })
    };
    let ((mut lm, ls), (mut rm, rs)) = (prod(l)?, prod(r)?);
    if ls < rs {
        lm = lm.checked_mul(10i128.checked_pow(rs - ls)?)?;
    } else {
        rm = rm.checked_mul(10i128.checked_pow(ls - rs)?)?;
    }
    Some(lm.cmp(&rm))
}

/// Sign (-1, 0, 1), scale and magnitude (base 2³², least significant first) of a product.
fn product(xs: &[Decimal]) -> (i8, u32, Vec<u32>) {
    let mut sign = 1i8;
    let mut scale = 0u32;
    let mut mag = vec![1u32];
    for x in xs {
        if x.is_zero() {
            return (0, 0, vec![0]);
        }
        if x.is_sign_negative() {
            sign = -sign;
        }
        scale += x.scale();
        let m = x.mantissa().unsigned_abs();
        let limbs: Vec<u32> = (0..4).map(|i| (m >> (32 * i)) as u32).collect();
        mag = mul(&mag, &limbs);
    }
    (sign, scale, mag)
}

fn mul(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = u64::from(x) * u64::from(y) + u64::from(out[i + j]) + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry > 0 {
            let t = u64::from(out[k]) + carry;
            out[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    out
}

fn scale_up(mag: &mut Vec<u32>, mut by: u32) {
    while by > 0 {
        let step = by.min(9);
        let k = 10u64.pow(step);
        let mut carry = 0u64;
        for limb in mag.iter_mut() {
            let t = u64::from(*limb) * k + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            mag.push(carry as u32);
        }
        by -= step;
    }
}

fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    let trim = |x: &[u32]| x.len() - x.iter().rev().take_while(|l| **l == 0).count();
    let (la, lb) = (trim(a), trim(b));
    la.cmp(&lb)
        .then_with(|| a[..la].iter().rev().cmp(b[..lb].iter().rev()))
}

impl PartialEq for Fraction {
    fn eq(&self, o: &Self) -> bool {
        self.compare(o.num, o.den) == Some(Ordering::Equal)
    }
}

// Equality is exact cross-multiplication on wide integers: total, so `Eq` holds.
impl Eq for Fraction {}

impl FromStr for Fraction {
    type Err = ThresholdError;
    fn from_str(s: &str) -> Result<Self, ThresholdError> {
        let t = s.trim();
        // Quoted abbreviated: a pack's value may be long.
        let q = crate::input::quote(s);
        let found = || q.to_string();
        let bad = || ThresholdError::NotANumber { found: found() };
        // Exactly as written: a 40-digit threshold rounded would let 1 meeting pass a bound of
        // 1.000…01, so it is refused instead.
        let dec = |x: &str| {
            Decimal::from_str_exact(x.trim()).map_err(|_| match Decimal::from_str(x.trim()) {
                Ok(_) => ThresholdError::TooPrecise { found: found() },
                Err(_) => bad(),
            })
        };
        let f = if let Some(p) = t.strip_suffix('%') {
            Fraction {
                num: dec(p)?,
                den: Decimal::ONE_HUNDRED,
                pct: true,
            }
        } else if let Some((a, b)) = t.split_once('/') {
            Fraction {
                num: dec(a)?,
                den: dec(b)?,
                pct: false,
            }
        } else {
            Fraction::from_decimal(dec(t)?)
        };
        if f.den <= Decimal::ZERO {
            return Err(ThresholdError::Denominator { found: found() });
        }
        if f.num < Decimal::ZERO {
            return Err(ThresholdError::Negative { found: found() });
        }
        Ok(f)
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pct {
            write!(f, "{}%", self.num.normalize())
        } else if self.den == Decimal::ONE {
            write!(f, "{}", self.num.normalize())
        } else {
            write!(f, "{}/{}", self.num.normalize(), self.den.normalize())
        }
    }
}

impl Serialize for Fraction {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Fraction;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an exact number as a string (\"15\", \"60%\", \"1/3\") or an integer")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Fraction, E> {
                v.parse().map_err(threshold_error)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Fraction, E> {
                v.to_string().parse().map_err(threshold_error)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Fraction, E> {
                Ok(Fraction::from_decimal(v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Fraction, E> {
                Err(threshold_error(ThresholdError::Float {
                    found: crate::messages::numbers::float(v),
                }))
            }
        }
        d.deserialize_any(V)
    }
}

thread_local! {
    /// The last threshold that could not be read, typed: serde carries it as text, so the reader
    /// of a check takes it back from here (`Check::from_value`).
    static THRESHOLD_ERROR: std::cell::RefCell<Option<ThresholdError>> = const { std::cell::RefCell::new(None) };
}

/// A serde error for a threshold, the typed error kept for [`take_threshold_error`].
pub(crate) fn threshold_error<E: serde::de::Error>(e: ThresholdError) -> E {
    let text = e.to_string();
    THRESHOLD_ERROR.with(|r| r.replace(Some(e)));
    E::custom(text)
}

/// Takes the typed error of the last threshold that could not be read on this thread, if any.
pub(crate) fn take_threshold_error() -> Option<ThresholdError> {
    THRESHOLD_ERROR.with(|r| r.take())
}

impl JsonSchema for Fraction {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Fraction".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "An exact number: \"15\", \"6.5\", \"60%\" or \"1/3\"",
            "pattern": "^\\s*[0-9]+(\\.[0-9]+)?\\s*(%|/\\s*[0-9]+(\\.[0-9]+)?)?\\s*$"
        })
    }
}
