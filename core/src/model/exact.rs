//! Exact decimals in input documents: a string (`"2700.50"`) or a whole number (`2700`), never a
//! binary float, so that money and areas keep every digit as written.

use rust_decimal::Decimal;
use serde::{Deserializer, Serializer};
use std::fmt;

struct V;

impl serde::de::Visitor<'_> for V {
    type Value = Option<Decimal>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an exact decimal as a string (\"2700.50\") or a whole number")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        // Exactly as written or not at all: `from_str` would round a 40-digit amount silently.
        let t = v.trim();
        Decimal::from_str_exact(t).map(Some).map_err(|_| {
            let q = crate::input::quote(v);
            let numeric = t.bytes().any(|b| b.is_ascii_digit())
                && t.bytes().all(|b| b.is_ascii_digit() || b"+-.".contains(&b));
            if numeric && Decimal::from_str_exact(t).is_err() {
                E::custom(format!(
                    "{q:?} does not fit an exact decimal (at most 28 significant digits); it would be rounded"
                ))
            } else {
                E::custom(format!("{q:?} is not a decimal number"))
            }
        })
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.into()))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.into()))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(E::custom(format!(
            "{v} is a binary float; write decimals as strings so they stay exact, e.g. \"{v}\""
        )))
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// `#[serde(with = "exact")]` for `Option<Decimal>` fields.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    d.deserialize_any(V)
}

/// Serializes as a string (exact).
pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}
