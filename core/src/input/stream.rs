//! The fast way in: the document is read member by member and each element of a top-level array
//! (a record) becomes a JSON value only while it is read, so memory stays near the size of the
//! typed result however many records there are. A record is read by the same reader as on the
//! slow way ([`super::de`]), so what is accepted is the same; any problem at all sends the caller
//! down the slow way, which reads the whole document again to report every problem with its place.

use super::de::seed_from_value;
use super::strict::Node;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::Value;
use std::fmt;

/// `T` from `text`, or `None` if anything is wrong with it (the slow way says what).
pub(super) fn read<T: de::DeserializeOwned>(text: &str) -> Option<T> {
    let mut json = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Root(&mut json)).ok()?;
    json.end().ok()?;
    Some(value)
}

/// The document: an object whose members are read by [`Member`].
struct Root<'r, 'de>(&'r mut serde_json::Deserializer<serde_json::de::StrRead<'de>>);

impl<'de> Deserializer<'de> for Root<'_, 'de> {
    type Error = serde_json::Error;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(Object(v))
    }
    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// Hands the document's members to the target's visitor one by one.
struct Object<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for Object<V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Members(map))
    }
}

struct Members<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Members<A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        k: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(k)
    }
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, s: S) -> Result<S::Value, A::Error> {
        self.0.next_value_seed(Member(s))
    }
}

/// One member: an array is read element by element, anything else as one value.
struct Member<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Member<S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<S> Member<S> {
    /// Reads the target from a whole value (a member that is not an array).
    fn whole<'de, E: de::Error>(self, v: Value) -> Result<S::Value, E>
    where
        S: DeserializeSeed<'de>,
    {
        seed_from_value(self.0, &v).map_err(E::custom)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Member<S> {
    type Value = S::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<S::Value, A::Error> {
        self.0.deserialize(Elements(seq))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<S::Value, A::Error> {
        let v = Node {
            path: &mut Vec::new(),
        }
        .visit_map(map)?;
        self.whole(v)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<S::Value, E> {
        self.whole(Value::Bool(b))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<S::Value, E> {
        self.whole(n.into())
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<S::Value, E> {
        self.whole(n.into())
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<S::Value, E> {
        let v = Node {
            path: &mut Vec::new(),
        }
        .visit_f64::<E>(n)?;
        self.whole(v)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<S::Value, E> {
        self.whole(Value::String(s.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<S::Value, E> {
        self.whole(Value::Null)
    }
}

/// A top-level array, as a deserializer whose elements are records.
struct Elements<A>(A);

impl<'de, A: SeqAccess<'de>> Deserializer<'de> for Elements<A> {
    type Error = A::Error;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, A::Error> {
        v.visit_seq(self)
    }
    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Elements<A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        // The record is a value only while it is read.
        let Some(v) = self.0.next_element_seed(Node {
            path: &mut Vec::new(),
        })?
        else {
            return Ok(None);
        };
        seed_from_value(seed, &v)
            .map(Some)
            .map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use crate::Dataset;

    #[test]
    fn reads_what_the_slow_way_reads_and_refuses_what_it_refuses() {
        let good = r#"{"name": "x", "reporting_year": 2024,
            "schools": [{"id": "S1", "name": "甲", "level": "secondary"}],
            "semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 2}]}"#;
        let fast: Dataset = super::read(good).expect("fast way");
        let slow: Dataset =
            super::super::from_value_in(super::super::parse_value(good).unwrap(), None).unwrap();
        assert_eq!(fast, slow);
        for bad in [
            r#"{"schools": [{"id": "S1", "name": "甲", "level": "secondary", "colour": 1}]}"#,
            r#"{"schools": [{"id": "S1", "id": "S2", "name": "甲", "level": "secondary"}]}"#,
            r#"{"schools": [["S1", "甲", "secondary"]]}"#,
            r#"{"schools": [], "schools": []}"#,
            r#"{"reporting_year": 2024} x"#,
            r#"{"colour": 1}"#,
            r#"[]"#,
        ] {
            assert!(super::read::<Dataset>(bad).is_none(), "{bad}");
        }
    }
}
