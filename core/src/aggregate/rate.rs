//! An exact rate `numerator / denominator`: the fraction as text, the decimal, and whether the
//! data is consistent (numerator ≤ denominator for a share).

use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A share such as a transfer rate, kept exact.
///
/// ```
/// use xianjie::aggregate::Rate;
/// let r = Rate::new(1, 3);
/// assert_eq!(r.fraction, "1/3");
/// assert!(!r.exact); // 0.333… does not terminate: `rate` is rounded to 28 digits
/// assert_eq!(r.percent().as_deref(), Some("33.33%"));
/// assert_eq!(Rate::new(0, 0).rate, None); // zero denominator: no rate, no panic
/// assert!(!Rate::new(5, 4).consistent);   // more transferred than graduated: reported, not clamped
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Rate {
    /// The numerator (e.g. students transferred).
    pub numerator: u64,
    /// The denominator (e.g. secondary graduates).
    pub denominator: u64,
    /// The exact fraction as written from the data, unreduced, e.g. `45/50`.
    pub fraction: String,
    /// The decimal value; `None` when the denominator is zero. Exact when `exact`, otherwise
    /// rounded to 28 significant digits (e.g. 1/3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    /// Whether `rate` is exactly the fraction.
    pub exact: bool,
    /// False when the numerator exceeds the denominator: the data is inconsistent and the rate is
    /// above 1 (reported as is, never clamped).
    pub consistent: bool,
}

impl Default for Rate {
    /// `0/0`: no rate (a group with nothing counted yet).
    fn default() -> Rate {
        Rate::new(0, 0)
    }
}

impl Rate {
    /// `numerator / denominator`.
    pub fn new(numerator: u64, denominator: u64) -> Rate {
        let n = Decimal::from(numerator);
        let d = Decimal::from(denominator);
        let rate = if denominator == 0 {
            None
        } else {
            n.checked_div(d)
        };
        let exact = rate.is_some_and(|r| r.checked_mul(d) == Some(n));
        Rate {
            numerator,
            denominator,
            fraction: format!("{numerator}/{denominator}"),
            rate: rate.map(|r| r.normalize()),
            exact,
            consistent: numerator <= denominator,
        }
    }
    /// The rate as a percentage for display, rounded half-up to 2 decimals, always written (`94.29%`, `90.00%`).
    pub fn percent(&self) -> Option<String> {
        let r = self.rate?;
        let mut p = r
            .checked_mul(Decimal::ONE_HUNDRED)?
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        // Always two decimals, as the summary workbook's `0.00%` shows them: one way to read a
        // rate on every face (90.00%, never 90% beside 66.67%).
        p.rescale(2);
        Some(format!("{p}%"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn exact_and_display() {
        let r = Rate::new(45, 50);
        assert_eq!(r.rate, Some(Decimal::new(9, 1)));
        assert!(r.exact && r.consistent);
        assert_eq!(r.percent().as_deref(), Some("90.00%"));
        assert_eq!(Rate::new(0, 7).rate, Some(Decimal::ZERO));
        let z = Rate::new(3, 0);
        assert_eq!((z.rate, z.exact, z.consistent), (None, false, false));
        assert_eq!(z.percent(), None);
        assert_eq!(Rate::new(2, 3).percent().as_deref(), Some("66.67%"));
    }

    proptest! {
        #[test]
        fn share_stays_in_unit_interval(g in 1u64..10_000_000, t in 0u64..10_000_000) {
            let t = t % (g + 1);
            let r = Rate::new(t, g);
            let v = r.rate.unwrap();
            prop_assert!(v >= Decimal::ZERO && v <= Decimal::ONE, "{t}/{g} = {v}");
            prop_assert!(r.consistent);
        }
    }
}
