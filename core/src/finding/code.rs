//! The stable codes of findings.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Stable code of what went wrong, for filtering (like pydantic's error `type`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FindingCode {
    /// A value below its minimum.
    BelowMinimum,
    /// A value above its maximum.
    AboveMaximum,
    /// A value the rule needs is absent.
    Missing,
    /// Text present but not meaningful (too short or a placeholder such as 无).
    Placeholder,
    /// Text of the wrong form (e.g. not a PDF file name).
    WrongFormat,
    /// Not among the allowed values.
    NotAllowed,
    /// A ratio's denominator is zero.
    ZeroDenominator,
    /// Later than a deadline.
    Late,
    /// Too many records in a group.
    TooMany,
    /// Too few records in a group.
    TooFew,
    /// Ranks not 1..n each once.
    BadRanking,
    /// A record of the wrong kind in a role.
    WrongRole,
    /// Two values that must agree do not.
    Mismatch,
    /// Two facts that must not hold together do.
    Excluded,
    /// A companion record is absent (e.g. a project without its status report).
    Absent,
    /// A reference to a record that does not exist.
    UnknownReference,
    /// Two records share one identifier.
    DuplicateId,
    /// Two records of a collection without ids are for one project and one period.
    DuplicatePeriod,
    /// One value exceeds another it may not exceed.
    Exceeds,
    /// A condition held for too many consecutive years.
    Consecutive,
    /// A target's progress (not an error).
    Progress,
    /// A code that fails its format or check character.
    InvalidCode,
}

impl FindingCode {
    /// The wire name, as serialized (`below_minimum`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BelowMinimum => "below_minimum",
            Self::AboveMaximum => "above_maximum",
            Self::Missing => "missing",
            Self::Placeholder => "placeholder",
            Self::WrongFormat => "wrong_format",
            Self::NotAllowed => "not_allowed",
            Self::ZeroDenominator => "zero_denominator",
            Self::Late => "late",
            Self::TooMany => "too_many",
            Self::TooFew => "too_few",
            Self::BadRanking => "bad_ranking",
            Self::WrongRole => "wrong_role",
            Self::Mismatch => "mismatch",
            Self::Excluded => "excluded",
            Self::Absent => "absent",
            Self::UnknownReference => "unknown_reference",
            Self::DuplicateId => "duplicate_id",
            Self::DuplicatePeriod => "duplicate_period",
            Self::Exceeds => "exceeds",
            Self::Consecutive => "consecutive",
            Self::Progress => "progress",
            Self::InvalidCode => "invalid_code",
        }
    }
}
