//! Progress towards a region-wide goal (kind `target`), as data: the catalogue's `zh::progress`
//! and `en::progress` say it in words when the progress entry is built.

use crate::finding::Text;
use crate::rules::{Fraction, Wording};
use rust_decimal::Decimal;

/// The value an aggregate reached.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reached {
    /// A sum or a count.
    Number(Decimal),
    /// A share kept exact as numerator and denominator (a zero denominator: no data).
    Share(Decimal, Decimal),
}

/// One goal's progress for one year (and group).
#[derive(Debug, Clone)]
pub(crate) struct Progress<'a> {
    /// The goal's year.
    pub year: i32,
    /// The year whose data stands for it (the latest one for a goal still to come).
    pub as_of: i64,
    /// The group's name, for per-group goals.
    pub group: Option<&'a str>,
    /// The value reached.
    pub value: Reached,
    /// The goal.
    pub bound: Fraction,
    /// Whether the goal is to be exceeded (超过) rather than reached (达到).
    pub strict: bool,
    /// A stretch goal (力争), where the source sets one.
    pub stretch: Option<Fraction>,
    /// Whether the stretch goal is reached.
    pub stretch_met: bool,
    /// Whether the goal is met.
    pub met: bool,
    /// Whether the goal's year is still to come.
    pub pending: bool,
    /// Whether the goal is approximate (左右): reported, never missed.
    pub approximate: bool,
}

/// The progress in both languages.
pub(crate) fn progress(p: &Progress<'_>, w: &Wording) -> Text {
    Text::new(
        super::zh::progress(p, w),
        super::capitalize(&super::plural(&super::en::progress(p, w))),
    )
}
