//! Exact thresholds: a fraction of two decimals, so that "one third" stays exactly 1/3.

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
    /// Compares `self` with `a / b` (b > 0) exactly: `self.num * b` vs `a * self.den`.
    /// `None` only on decimal overflow (beyond 28 significant digits).
    pub fn compare(&self, a: Decimal, b: Decimal) -> Option<Ordering> {
        let left = self.num.checked_mul(b)?;
        let right = a.checked_mul(self.den)?;
        Some(left.cmp(&right))
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
            (d.fract().is_zero() && d >= Decimal::ONE && d <= Decimal::TEN)
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

impl PartialEq for Fraction {
    fn eq(&self, o: &Self) -> bool {
        self.compare(o.num, o.den) == Some(Ordering::Equal)
    }
}

impl FromStr for Fraction {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let bad = || {
            format!(
                "expected an exact number such as \"15\", \"6.5\", \"60%\" or \"1/3\", found {s:?}"
            )
        };
        let dec = |x: &str| Decimal::from_str(x.trim()).map_err(|_| bad());
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
            return Err(format!("denominator must be positive in {s:?}"));
        }
        if f.num < Decimal::ZERO {
            return Err(format!("thresholds are non-negative, found {s:?}"));
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
                v.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Fraction, E> {
                v.to_string().parse().map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Fraction, E> {
                Ok(Fraction::from_decimal(v.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Fraction, E> {
                Err(E::custom(format!(
                    "{v} is a binary float; write thresholds as strings so they stay exact, e.g. \"{v}\""
                )))
            }
        }
        d.deserialize_any(V)
    }
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
