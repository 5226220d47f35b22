//! Record filters shared by several check kinds (`where = [...]`): a record counts only when every
//! condition holds. Not a check kind itself.

use super::expect_field;
use crate::model::{EntityKind, Field, Rec, Records, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A literal in a filter: a flag, a whole number or text (enumeration names are text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Scalar {
    /// `true` / `false`.
    Bool(bool),
    /// A whole number (a year, a count).
    Int(i64),
    /// Text or an enumeration name.
    Text(String),
}

// By hand rather than `#[serde(untagged)]`: the derive buffers the value first, which costs the
// WebAssembly module several kilobytes for three scalar cases.
impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("true, false, a whole number or text")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                i64::try_from(v)
                    .map(Scalar::Int)
                    .map_err(|_| E::custom(format!("{v} is too large")))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl Scalar {
    /// Whether field value `v` equals this literal (a missing value equals nothing).
    pub fn matches(&self, v: Value<'_>) -> bool {
        match (self, v) {
            (Scalar::Bool(a), Value::Bool(b)) => *a == b,
            (Scalar::Int(a), Value::Int(b)) => *a == b,
            (Scalar::Int(a), Value::Dec(b)) => rust_decimal::Decimal::from(*a) == b,
            (Scalar::Text(a), Value::Text(b)) => a == b,
            _ => false,
        }
    }
    fn fits(&self, k: ValueKind) -> bool {
        matches!(
            (self, k),
            (Scalar::Bool(_), ValueKind::Bool)
                | (Scalar::Int(_), ValueKind::Int | ValueKind::Dec)
                | (Scalar::Text(_), ValueKind::Text)
        )
    }
}

/// One condition: `{ field = "stage", equals = "higher" }`, `{ field = "chain", in = ["新能源", …] }`,
/// `{ field = "graduated", equals = true }`, `{ field = "agreement.signed_on", present = false }`,
/// `{ field = "filed", not_equals = false }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// The field tested.
    pub field: String,
    /// The value must equal this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Scalar>,
    /// The value must be one of these.
    #[serde(default, rename = "in", skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<Scalar>,
    /// The value must be given (`true`) or absent (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    /// The value must differ from this; a missing value differs (a filing not yet decided is
    /// not a refused one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_equals: Option<Scalar>,
}

impl Filter {
    /// Checks the field and the literals' types against `entity`.
    pub fn validate(&self, entity: EntityKind) -> Result<(), super::CheckError> {
        let all = [
            ValueKind::Int,
            ValueKind::Dec,
            ValueKind::Text,
            ValueKind::Time,
            ValueKind::Date,
            ValueKind::Bool,
        ];
        expect_field(entity, &self.field, &all)?;
        if self.equals.is_none()
            && self.one_of.is_empty()
            && self.present.is_none()
            && self.not_equals.is_none()
        {
            return Err(super::CheckError::FilterCondition {
                field: self.field.clone(),
            });
        }
        let kind = entity.field_kind(&self.field).unwrap_or(ValueKind::Text);
        for s in self
            .equals
            .iter()
            .chain(self.one_of.iter())
            .chain(self.not_equals.iter())
        {
            if !s.fits(kind) {
                return Err(super::CheckError::FilterValue {
                    field: self.field.clone(),
                    // As written in the pack.
                    value: serde_json::to_string(s).unwrap_or_default(),
                    wanted: kind,
                });
            }
        }
        Ok(())
    }
}

/// Validates a list of filters.
pub(crate) fn validate_all(
    filters: &[Filter],
    entity: EntityKind,
) -> Result<(), super::CheckError> {
    filters.iter().try_for_each(|f| f.validate(entity))
}

/// Filters resolved against an entity type once, then applied to each record without allocating.
pub(crate) struct Compiled<'f> {
    conds: Vec<(Field, &'f Filter)>,
}

impl<'f> Compiled<'f> {
    /// Resolves `filters`; `None` if a field is unknown (packs are validated, so only hand-built ones).
    pub(crate) fn new(items: &dyn Records, filters: &'f [Filter]) -> Option<Self> {
        let conds = filters
            .iter()
            .map(|f| items.field(&f.field).map(|d| (d, f)))
            .collect::<Option<Vec<_>>>()?;
        Some(Compiled { conds })
    }
    /// Whether `item` passes every condition.
    pub(crate) fn accepts(&self, item: Rec<'_>) -> bool {
        self.conds.iter().all(|(def, f)| f.holds(def.get(item)))
    }
    /// [`accepts`](Self::accepts) for record `i` of `items` (the collection the filter was
    /// compiled for), its values read through the collection's readers: for a pass over
    /// millions of records.
    #[cfg(feature = "bulk")]
    pub(crate) fn over<'r>(&'r self, items: &'r dyn Records) -> impl Fn(usize) -> bool + 'r {
        let conds: Vec<_> = self
            .conds
            .iter()
            .map(|(def, f)| (items.reader(def.id), *f))
            .collect();
        move |i| conds.iter().all(|(read, f)| f.holds(read(i)))
    }
}

impl Filter {
    /// Whether value `v` meets this condition.
    fn holds(&self, v: crate::model::Value<'_>) -> bool {
        self.present.is_none_or(|p| p == v.is_present())
            && self.equals.as_ref().is_none_or(|s| s.matches(v))
            && (self.one_of.is_empty() || self.one_of.iter().any(|s| s.matches(v)))
            && self.not_equals.as_ref().is_none_or(|s| !s.matches(v))
    }
}
