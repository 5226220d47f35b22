//! The closed set of check kinds. Each kind's parameters and evaluation live in `crate::checks`.

use crate::checks::{
    cap::Cap, catalog_name::CatalogName, code::Code, completeness::Completeness,
    consecutive_years::ConsecutiveYears, deadline::Deadline, exclusion::Exclusion,
    group_count::GroupCount, implies::Implies, not_exceeding::NotExceeding, ranking::Ranking,
    ratio::Ratio, required::Required, role::Role, same_as::SameAs, same_category::SameCategory,
    target::Target, threshold::Threshold,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One check of a rule, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Check {
    /// A number on each record is at least / at most a bound (meetings ≥ 2 per semester).
    Threshold(Threshold),
    /// How many records fall in each group (new applications per school and year ≤ 3).
    GroupCount(GroupCount),
    /// numerator ÷ denominator against an exact bound: per-unit (m² per student) or share (≥ 1/3).
    Ratio(Ratio),
    /// A timestamp no later than a fixed instant or the end of a year (Beijing time).
    Deadline(Deadline),
    /// Fields present and meaningful (non-blank, not a placeholder, right form).
    Required(Required),
    /// A school referenced in a role is of an allowed level.
    Role(Role),
    /// A field equals a field of the referenced project (the filer is the project's secondary school).
    SameAs(SameAs),
    /// Values within a group run 1..n, each once.
    Ranking(Ranking),
    /// Two values of one field must not occur together in one group.
    Exclusion(Exclusion),
    /// Each record has its companion record for the reporting year.
    Completeness(Completeness),
    /// One field never exceeds another (transferred ≤ graduates).
    NotExceeding(NotExceeding),
    /// A condition on a yearly series holding k years in a row (intake below one class 3 years running).
    ConsecutiveYears(ConsecutiveYears),
    /// A value at most the smallest of several limits (offset ≤ min(30% × investment, surcharges owed)).
    Cap(Cap),
    /// An identifier against reference data (catalogue major, division, USCC, MoE school code).
    Code(Code),
    /// The secondary and higher majors of a pairing are in the same 专业大类.
    SameCategory(SameCategory),
    /// A major's name matches the catalogue's name for its code.
    CatalogName(CatalogName),
    /// Where one flag is true, another must be too (filed ⇒ conditions met).
    Implies(Implies),
    /// A region-wide aggregate against goals by year: progress, never findings.
    Target(Target),
}

impl Check {
    /// The kind's name as written in packs.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Check::Threshold(_) => "threshold",
            Check::GroupCount(_) => "group_count",
            Check::Ratio(_) => "ratio",
            Check::Deadline(_) => "deadline",
            Check::Required(_) => "required",
            Check::Role(_) => "role",
            Check::SameAs(_) => "same_as",
            Check::Ranking(_) => "ranking",
            Check::Exclusion(_) => "exclusion",
            Check::Completeness(_) => "completeness",
            Check::NotExceeding(_) => "not_exceeding",
            Check::ConsecutiveYears(_) => "consecutive_years",
            Check::Cap(_) => "cap",
            Check::Code(_) => "code",
            Check::SameCategory(_) => "same_category",
            Check::CatalogName(_) => "catalog_name",
            Check::Implies(_) => "implies",
            Check::Target(_) => "target",
        }
    }

    pub(crate) fn kind(&self) -> &dyn crate::checks::Kind {
        match self {
            Check::Threshold(c) => c,
            Check::GroupCount(c) => c,
            Check::Ratio(c) => c,
            Check::Deadline(c) => c,
            Check::Required(c) => c,
            Check::Role(c) => c,
            Check::SameAs(c) => c,
            Check::Ranking(c) => c,
            Check::Exclusion(c) => c,
            Check::Completeness(c) => c,
            Check::NotExceeding(c) => c,
            Check::ConsecutiveYears(c) => c,
            Check::Cap(c) => c,
            Check::Code(c) => c,
            Check::SameCategory(c) => c,
            Check::CatalogName(c) => c,
            Check::Implies(c) => c,
            Check::Target(c) => c,
        }
    }
}
