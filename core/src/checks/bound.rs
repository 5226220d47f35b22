//! A bound that is either fixed or chosen by a flag of a school (national key school: 3, other: 2).

use crate::model::{Index, SchoolLevel};
use crate::rules::Fraction;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A threshold: a fixed exact number, or one chosen by a school flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Bound {
    /// `"3"`, `"60%"`, `"1/3"`.
    Fixed(Fraction),
    /// Chosen by a flag of the school named in `school_field` of the record.
    BySchoolFlag(BySchoolFlag),
}

/// `{ school_field = "secondary_school", flag = "national_key", if_true = "3", if_false = "2" }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BySchoolFlag {
    /// The record's field holding a school id.
    pub school_field: String,
    /// The school's boolean field: `national_key` or `independent`.
    pub flag: String,
    /// Bound when the flag is true.
    pub if_true: Fraction,
    /// Bound when it is false or not given.
    pub if_false: Fraction,
}

impl Bound {
    /// The bound for a record whose school id (when `BySchoolFlag`) is `school`; with the reason.
    pub fn resolve(&self, ix: &Index<'_>, school: Option<&str>) -> (Fraction, Option<String>) {
        match self {
            Bound::Fixed(f) => (*f, None),
            Bound::BySchoolFlag(b) => {
                let s = school.and_then(|id| ix.school(id));
                let flag = s.and_then(|s| match b.flag.as_str() {
                    "national_key" => s.national_key,
                    "independent" => s.independent,
                    _ => None,
                });
                if flag == Some(true) {
                    (b.if_true, Some(format!("{} = true", b.flag)))
                } else {
                    (b.if_false, Some(format!("{} = false", b.flag)))
                }
            }
        }
    }
    /// The school field it needs, if any.
    pub fn school_field(&self) -> Option<&str> {
        match self {
            Bound::Fixed(_) => None,
            Bound::BySchoolFlag(b) => Some(&b.school_field),
        }
    }
    /// Checks the flag name.
    pub fn validate(&self) -> Result<(), String> {
        match self {
            Bound::Fixed(_) => Ok(()),
            Bound::BySchoolFlag(b)
                if ["national_key", "independent"].contains(&b.flag.as_str()) =>
            {
                Ok(())
            }
            Bound::BySchoolFlag(b) => Err(format!(
                "unknown school flag `{}`; known: national_key, independent",
                b.flag
            )),
        }
    }
}

/// Whether `level` is in `allowed`.
pub fn level_allowed(level: SchoolLevel, allowed: &[SchoolLevel]) -> bool {
    allowed.contains(&level)
}
