//! The closed set of check kinds. Each kind's parameters and evaluation live in `crate::checks`.

use super::CheckError;
use crate::checks::{
    any_of::AnyOf, cap::Cap, catalog_name::CatalogName, code::Code, completeness::Completeness,
    consecutive_years::ConsecutiveYears, deadline::Deadline, equals::Equals, exclusion::Exclusion,
    group_count::GroupCount, implies::Implies, not_exceeding::NotExceeding, overlap::Overlap,
    pass_through::PassThrough, ranking::Ranking, ratio::Ratio, required::Required, role::Role,
    same_as::SameAs, same_category::SameCategory, target::Target, threshold::Threshold,
    within_period::WithinPeriod,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One check of a rule, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
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
    /// Money passed on in full or at least a share (tuition ≥ 60%; fees in full).
    PassThrough(PassThrough),
    /// At least `min` of several flags hold (a senior-worker or an intermediate X certificate).
    AnyOf(AnyOf),
    /// A date within a calendar period after another (agreement within a month of term start).
    WithinPeriod(WithinPeriod),
    /// One identity under two values of a field (a teacher in two staffs).
    Overlap(Overlap),
    /// A field has one required value (3 secondary years).
    Equals(Equals),
}

// Read through a JSON value rather than derived: the derive for an internally tagged enum buffers
// every check into serde's private `Content` and compiles each kind's reader once more for it,
// which made up a tenth of the WebAssembly module. A value is read once, `kind` taken out, and
// the kind's parameters read from the rest.
impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        Check::from_value(value).map_err(|e| {
            let text = e.to_string();
            READ_ERROR.with(|r| r.replace(Some(e)));
            serde::de::Error::custom(text)
        })
    }
}

thread_local! {
    /// The last check that could not be read, typed: a reader of a whole pack (TOML) can only
    /// carry it as text, so the pack loader takes it back from here.
    static READ_ERROR: std::cell::RefCell<Option<CheckError>> = const { std::cell::RefCell::new(None) };
}

/// Takes the typed error of the last check that could not be read on this thread, if any.
#[cfg(feature = "toml")]
pub(crate) fn take_read_error() -> Option<CheckError> {
    READ_ERROR.with(|r| r.take())
}

impl Check {
    /// Reads a check from a JSON object with its `kind`.
    pub fn from_value(value: serde_json::Value) -> Result<Check, CheckError> {
        use serde_json::Value;
        // Read as the dataset is (`crate::input`), so the module carries one reader per type.
        fn p<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, crate::input::de::Error> {
            crate::input::de::from_value(&v)
        }
        let Value::Object(mut obj) = value else {
            return Err(CheckError::NotATable {
                found: value.to_string(),
            });
        };
        let kind = match obj.remove("kind") {
            Some(Value::String(k)) => k,
            Some(other) => {
                return Err(CheckError::KindNotText {
                    found: other.to_string(),
                })
            }
            None => return Err(CheckError::MissingKind),
        };
        let v = Value::Object(obj);
        // A threshold left over from an earlier read must not be taken for this check's.
        let _ = super::fraction::take_threshold_error();
        let e = |e: crate::input::de::Error| {
            let at = crate::input::locate::render(&e.path);
            match super::fraction::take_threshold_error() {
                Some(error) => CheckError::Threshold {
                    kind: kind.clone(),
                    at,
                    error,
                },
                None => CheckError::Param {
                    kind: kind.clone(),
                    at,
                    detail: e.message,
                },
            }
        };
        Ok(match kind.as_str() {
            "threshold" => Check::Threshold(p(v).map_err(e)?),
            "group_count" => Check::GroupCount(p(v).map_err(e)?),
            "ratio" => Check::Ratio(p(v).map_err(e)?),
            "deadline" => Check::Deadline(p(v).map_err(e)?),
            "required" => Check::Required(p(v).map_err(e)?),
            "role" => Check::Role(p(v).map_err(e)?),
            "same_as" => Check::SameAs(p(v).map_err(e)?),
            "ranking" => Check::Ranking(p(v).map_err(e)?),
            "exclusion" => Check::Exclusion(p(v).map_err(e)?),
            "completeness" => Check::Completeness(p(v).map_err(e)?),
            "not_exceeding" => Check::NotExceeding(p(v).map_err(e)?),
            "consecutive_years" => Check::ConsecutiveYears(p(v).map_err(e)?),
            "cap" => Check::Cap(p(v).map_err(e)?),
            "code" => Check::Code(p(v).map_err(e)?),
            "same_category" => Check::SameCategory(p(v).map_err(e)?),
            "catalog_name" => Check::CatalogName(p(v).map_err(e)?),
            "implies" => Check::Implies(p(v).map_err(e)?),
            "target" => Check::Target(p(v).map_err(e)?),
            "pass_through" => Check::PassThrough(p(v).map_err(e)?),
            "any_of" => Check::AnyOf(p(v).map_err(e)?),
            "within_period" => Check::WithinPeriod(p(v).map_err(e)?),
            "overlap" => Check::Overlap(p(v).map_err(e)?),
            "equals" => Check::Equals(p(v).map_err(e)?),
            other => {
                return Err(CheckError::UnknownKind {
                    kind: other.to_string(),
                    known: CheckError::names(&Check::KINDS),
                })
            }
        })
    }

    /// Every kind's name, as written in packs.
    pub const KINDS: [&'static str; 23] = [
        "threshold",
        "group_count",
        "ratio",
        "deadline",
        "required",
        "role",
        "same_as",
        "ranking",
        "exclusion",
        "completeness",
        "not_exceeding",
        "consecutive_years",
        "cap",
        "code",
        "same_category",
        "catalog_name",
        "implies",
        "target",
        "pass_through",
        "any_of",
        "within_period",
        "overlap",
        "equals",
    ];

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
            Check::PassThrough(_) => "pass_through",
            Check::AnyOf(_) => "any_of",
            Check::WithinPeriod(_) => "within_period",
            Check::Overlap(_) => "overlap",
            Check::Equals(_) => "equals",
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
            Check::PassThrough(c) => c,
            Check::AnyOf(c) => c,
            Check::WithinPeriod(c) => c,
            Check::Overlap(c) => c,
            Check::Equals(c) => c,
        }
    }
}
