//! A bound that is either fixed or chosen by a flag of a school (national key school: 3, other: 2).

use crate::finding::FlagChoice;
use crate::model::{Index, SchoolLevel};
use crate::rules::Fraction;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A threshold: a fixed exact number, or one chosen by a school flag.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
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

// Not `#[serde(untagged)]` on the way in: that would hide Fraction's precise message
// ("write thresholds as strings …") behind "did not match any variant".
impl<'de> Deserialize<'de> for Bound {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Bound;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an exact number (\"3\", \"60%\", \"1/3\") or { school_field, flag, if_true, if_false }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Bound, E> {
                v.parse()
                    .map(Bound::Fixed)
                    .map_err(crate::rules::threshold_error)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Bound, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Bound, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Bound, E> {
                Err(crate::rules::threshold_error(
                    crate::rules::ThresholdError::Float {
                        found: crate::messages::numbers::float(v),
                    },
                ))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Bound, A::Error> {
                BySchoolFlag::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Bound::BySchoolFlag)
            }
        }
        d.deserialize_any(V)
    }
}

impl Bound {
    /// The bound for a record whose school id (when `BySchoolFlag`) is `school`; with the reason.
    pub fn resolve(&self, ix: &Index<'_>, school: Option<&str>) -> (Fraction, Option<FlagChoice>) {
        match self {
            Bound::Fixed(f) => (*f, None),
            Bound::BySchoolFlag(b) => {
                let s = school.and_then(|id| ix.school(id));
                let flag = s.and_then(|s| match b.flag.as_str() {
                    "national_key" => s.national_key,
                    "independent" => s.independent,
                    _ => None,
                });
                let value = flag == Some(true);
                let bound = if value { b.if_true } else { b.if_false };
                (
                    bound,
                    Some(FlagChoice {
                        flag: b.flag.clone(),
                        value,
                    }),
                )
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
    pub fn validate(&self) -> Result<(), crate::rules::CheckError> {
        match self {
            Bound::Fixed(_) => Ok(()),
            Bound::BySchoolFlag(b)
                if ["national_key", "independent"].contains(&b.flag.as_str()) =>
            {
                Ok(())
            }
            Bound::BySchoolFlag(b) => Err(crate::rules::CheckError::UnknownFlag {
                flag: b.flag.clone(),
                known: vec!["national_key".into(), "independent".into()],
            }),
        }
    }
}

/// Whether `level` is in `allowed`.
pub fn level_allowed(level: SchoolLevel, allowed: &[SchoolLevel]) -> bool {
    allowed.contains(&level)
}
