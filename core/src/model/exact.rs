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
        // `float_plain`, not `{v}`: the same text without core's float formatter (module size).
        let v = crate::messages::numbers::float_plain(v);
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

/// `#[serde(deserialize_with = "exact::loose")]` for `Option<Decimal>` fields that take a binary
/// float too (rounded to its shortest text, as rust_decimal's own reader does): the same values
/// and errors as rust_decimal's `Deserialize`, without its `to_string` on an f64, which links
/// core's float formatter into the WebAssembly module.
pub fn loose<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    d.deserialize_option(LooseOption)
}

struct LooseOption;

impl<'de> serde::de::Visitor<'de> for LooseOption {
    type Value = Option<Decimal>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(Loose).map(Some)
    }
}

/// rust_decimal's visitor (feature `serde-str`), its words included.
struct Loose;

impl serde::de::Visitor<'_> for Loose {
    type Value = Decimal;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Decimal type representing a fixed-point number")
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(v.into())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(v.into())
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
        use std::str::FromStr;
        Decimal::from_str(&crate::messages::numbers::float_plain(v))
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Float(v), &self))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
        use std::str::FromStr;
        Decimal::from_str(v)
            .or_else(|_| Decimal::from_scientific(v))
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
    }
}

#[cfg(test)]
mod loose_tests {
    use rust_decimal::Decimal;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Ours(#[serde(deserialize_with = "super::loose")] Option<Decimal>);

    /// `loose` reads what rust_decimal's own reader reads, and refuses in its words.
    #[test]
    fn loose_is_rust_decimal() {
        for text in [
            "null",
            "0",
            "12",
            "-7",
            "18446744073709551615",
            "2.5",
            "0.1",
            "1e20",
            "1658206780088562.2",
            "1.25e-5",
            "1e300",
            "\"12.50\"",
            "\"1e3\"",
            "\"abc\"",
            "\"\"",
            "true",
            "[1]",
        ] {
            let ours = serde_json::from_str::<Ours>(text).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<Option<Decimal>>(text)
                .map(Ours)
                .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
        }
    }
}
