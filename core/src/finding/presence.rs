//! Values held by the presence-and-time details (required, completeness, deadline,
//! within_period, consecutive_years, equals): typed, rendered only by the message catalogue.

use crate::rules::Fraction;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// A value a rule asks for or a record gives, exact: a flag, a number or text (an enumeration's
/// wire name, shown by its label).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(rename = "PlainValue")]
pub enum Literal {
    /// `true` / `false`.
    Bool(bool),
    /// A number, exact.
    Number(Decimal),
    /// Text or an enumeration's wire name.
    Text(String),
}

/// One year of a series and its value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct YearValue {
    /// The year.
    pub year: i64,
    /// The value that year.
    pub value: Decimal,
}

/// What a run of years is a run of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "is", rename_all = "snake_case")]
pub enum RunCondition {
    /// The value is below one class of `size` (the intake cannot form a class).
    BelowClass {
        /// The class size.
        size: Fraction,
    },
    /// The value is at most `bound` (`0`: no intake at all).
    AtMost {
        /// The bound.
        bound: Fraction,
    },
}

impl RunCondition {
    /// The number the condition compares with.
    pub fn bound(&self) -> &Fraction {
        match self {
            RunCondition::BelowClass { size } => size,
            RunCondition::AtMost { bound } => bound,
        }
    }
}

/// A pack's words for a run of years (they belong to the rule, not to the catalogue): how the
/// series is named, what the condition means (`{bound}` filled in when rendered) and what follows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunWords {
    /// How the message names the series, e.g. `该专业`.
    pub lead_zh: String,
    /// e.g. `不能独立成班(班额{bound}人)`.
    pub condition_zh: String,
    /// e.g. `below one class of {bound}`.
    pub condition_en: String,
    /// e.g. `应停办`.
    pub consequence_zh: String,
    /// e.g. `the major is to be discontinued`.
    pub consequence_en: String,
}
