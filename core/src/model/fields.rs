//! Typed field access by name, so that rule packs (data) can name the fields they check while
//! evaluation stays a plain function call: no reflection, no per-row allocation.

use super::common::Timestamp;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One field's value, borrowed from the entity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// Not given.
    Missing,
    /// A count or a year.
    Int(i64),
    /// An exact decimal (money, areas, hours).
    Dec(Decimal),
    /// Text, identifiers and enumeration names.
    Text(&'a str),
    /// An instant with offset.
    Time(Timestamp),
    /// A calendar date.
    Date(NaiveDate),
    /// A flag.
    Bool(bool),
}

impl<'a> Value<'a> {
    /// The value as an exact decimal, for `Int` and `Dec`.
    pub fn decimal(self) -> Option<Decimal> {
        match self {
            Value::Int(i) => Some(Decimal::from(i)),
            Value::Dec(d) => Some(d),
            _ => None,
        }
    }
    /// The value as text, for `Text`.
    pub fn text(self) -> Option<&'a str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
    /// True unless `Missing`.
    pub fn is_present(self) -> bool {
        !matches!(self, Value::Missing)
    }
    /// Display form (exact).
    pub fn display(self) -> String {
        match self {
            Value::Missing => "—".into(),
            Value::Int(i) => i.to_string(),
            Value::Dec(d) => d.normalize().to_string(),
            Value::Text(t) => t.to_string(),
            Value::Time(t) => t.to_rfc3339(),
            Value::Date(d) => d.to_string(),
            Value::Bool(b) => b.to_string(),
        }
    }
}

/// Conversions used by the field tables.
pub mod val {
    use super::*;
    /// An optional count.
    pub fn count(v: Option<u32>) -> Value<'static> {
        v.map_or(Value::Missing, |x| Value::Int(x.into()))
    }
    /// An optional year.
    pub fn year(v: Option<i32>) -> Value<'static> {
        v.map_or(Value::Missing, |x| Value::Int(x.into()))
    }
    /// An optional decimal.
    pub fn dec(v: Option<Decimal>) -> Value<'static> {
        v.map_or(Value::Missing, Value::Dec)
    }
    /// Optional text.
    pub fn text(v: Option<&str>) -> Value<'_> {
        v.map_or(Value::Missing, Value::Text)
    }
    /// An optional instant.
    pub fn time(v: Option<Timestamp>) -> Value<'static> {
        v.map_or(Value::Missing, Value::Time)
    }
    /// An optional date.
    pub fn date(v: Option<NaiveDate>) -> Value<'static> {
        v.map_or(Value::Missing, Value::Date)
    }
    /// An optional flag.
    pub fn flag(v: Option<bool>) -> Value<'static> {
        v.map_or(Value::Missing, Value::Bool)
    }
}

/// The type of a field, checked when a pack is loaded; named in pack errors as `integer`, `text`, ….
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub enum ValueKind {
    /// Counts and years.
    #[serde(rename = "integer")]
    Int,
    /// Exact decimals.
    #[serde(rename = "decimal")]
    Dec,
    /// Text and enumerations.
    #[serde(rename = "text")]
    Text,
    /// Instants.
    #[serde(rename = "timestamp")]
    Time,
    /// Dates.
    #[serde(rename = "date")]
    Date,
    /// Flags.
    #[serde(rename = "boolean")]
    Bool,
}

impl ValueKind {
    /// True for `Int` and `Dec`.
    pub fn is_numeric(self) -> bool {
        matches!(self, Self::Int | Self::Dec)
    }
    /// Name used in pack errors.
    pub fn name(self) -> &'static str {
        match self {
            Self::Int => "integer",
            Self::Dec => "decimal",
            Self::Text => "text",
            Self::Time => "timestamp",
            Self::Date => "date",
            Self::Bool => "boolean",
        }
    }
}

/// A named field of entity `T`, with its bilingual label.
pub struct FieldDef<T: 'static> {
    /// Dotted name as in the JSON document, e.g. `attachments.training_plan`.
    pub name: &'static str,
    /// Its type.
    pub kind: ValueKind,
    /// Chinese label.
    pub zh: &'static str,
    /// English label.
    pub en: &'static str,
    /// Reads the field.
    pub get: for<'a> fn(&'a T) -> Value<'a>,
    /// For a closed set of values (read as `Text` wire names): their labels, so messages can show
    /// 校长 rather than `principal` and packs naming a value can be checked.
    pub labels: Option<&'static super::label::EnumLabels>,
}

/// Declares one [`FieldDef`] from a closure-like body; expands to a fn item, so no captures.
#[macro_export]
#[doc(hidden)]
macro_rules! field {
    // A closed set: read as its wire name (`Text`), labelled by the enumeration `$E`.
    ($T:ty, $name:literal, Enum($E:ty), $zh:literal, $en:literal, |$x:ident| $body:expr) => {{
        fn get<'a>($x: &'a $T) -> $crate::model::Value<'a> {
            $body
        }
        $crate::model::FieldDef::<$T> {
            name: $name,
            kind: $crate::model::ValueKind::Text,
            zh: $zh,
            en: $en,
            get,
            labels: Some(<$E>::LABELS),
        }
    }};
    ($T:ty, $name:literal, $kind:ident, $zh:literal, $en:literal, |$x:ident| $body:expr) => {{
        fn get<'a>($x: &'a $T) -> $crate::model::Value<'a> {
            $body
        }
        $crate::model::FieldDef::<$T> {
            name: $name,
            kind: $crate::model::ValueKind::$kind,
            zh: $zh,
            en: $en,
            get,
            labels: None,
        }
    }};
}
