//! The fast way in: the document is read member by member and each element of a top-level array
//! (a record) becomes a JSON value only while it is read, so memory stays near the size of the
//! typed result however many records there are. A record is read by the same reader as on the
//! slow way ([`super::de`]), so what is accepted is the same.
//!
//! The fast way is compiled with the feature `streaming` only (each target type's reader is
//! compiled once more for it). When anything is wrong, [`collect`] (always compiled: it is not
//! generic) reads the text once more the same way, record by record,
//! handing each record (and each other member) to the caller to find all of its problems; the
//! document is never held whole as a value, so one bad value at the end of 100 MB costs no more
//! memory than reading it well.

use super::locate::Seg;
use super::strict::{Cx, Node};
use crate::limits::Limits;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

#[cfg(feature = "streaming")]
pub(super) use fast::read;

/// Reads the object `text` member by member, giving `check` each record of an array member
/// (with its index) and each other member whole, in document order. The error is the one that
/// stopped the reading (syntax, a limit, a repeated key), located.
pub(super) fn collect(
    text: &str,
    limits: &Limits,
    check: &mut dyn FnMut(&str, Option<usize>, Value),
) -> Result<(), super::InputIssue> {
    let mut cx = Cx::new(limits);
    let mut json = serde_json::Deserializer::from_str(text);
    let result = json
        // `any`, not `map`: the caller hands an object (its text starts with `{`), and serde_json's
        // typed readers link its "invalid type" words, and with them core's float formatter.
        .deserialize_any(Collect { cx: &mut cx, check })
        .and_then(|()| json.end());
    result.map_err(|e| cx.issue(&e, text))
}

/// The refusal of a document that is not an object.
const NOT_OBJECT: &str = "expected a JSON object";

struct Collect<'c, 'l, 'f> {
    cx: &'c mut Cx<'l>,
    check: &'f mut dyn FnMut(&str, Option<usize>, Value),
}

impl<'de> Visitor<'de> for Collect<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    // Anything but an object (never handed here): refused without serde's "invalid type" words.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(NOT_OBJECT))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(NOT_OBJECT))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            self.cx.path = vec![Seg::Key(key.clone())];
            self.cx.text(&key)?;
            if !seen.insert(key.clone()) {
                return Err(self.cx.duplicate());
            }
            map.next_value_seed(CollectMember {
                cx: &mut *self.cx,
                check: &mut *self.check,
                key: &key,
            })?;
            // Between members the place is the document itself.
            self.cx.path.clear();
        }
        Ok(())
    }
}

/// One member of the document being collected.
struct CollectMember<'c, 'l, 'f, 'k> {
    cx: &'c mut Cx<'l>,
    check: &'f mut dyn FnMut(&str, Option<usize>, Value),
    key: &'k str,
}

impl<'de> DeserializeSeed<'de> for CollectMember<'_, '_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl CollectMember<'_, '_, '_, '_> {
    fn whole<E>(self, v: Result<Value, E>) -> Result<(), E> {
        (self.check)(self.key, None, v?);
        Ok(())
    }
}

impl<'de> Visitor<'de> for CollectMember<'_, '_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut n = 0usize;
        loop {
            self.cx.path.push(Seg::Index(n));
            let next = seq.next_element_seed(Node { cx: &mut *self.cx })?;
            self.cx.path.pop();
            let Some(v) = next else {
                if n == 0 {
                    // Empty: read whole (right for a collection, wrong for a field).
                    (self.check)(self.key, None, Value::Array(Vec::new()));
                }
                return Ok(());
            };
            self.cx.count(n)?;
            (self.check)(self.key, Some(n), v);
            n += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let v = Node { cx: &mut *self.cx }.visit_map(map);
        self.whole(v)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<(), E> {
        self.whole(Ok(Value::Bool(b)))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<(), E> {
        self.whole(Ok(n.into()))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<(), E> {
        self.whole(Ok(n.into()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<(), E> {
        let v = Node { cx: &mut *self.cx }.visit_f64(n);
        self.whole(v)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        let v = Node { cx: &mut *self.cx }.visit_str(s);
        self.whole(v)
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.whole(Ok(Value::Null))
    }
}

/// The fast way: the target read member by member (feature `streaming`).
#[cfg(feature = "streaming")]
mod fast {
    use super::super::de::seed_from_value;
    use super::*;
    use serde::forward_to_deserialize_any;

    /// `T` from `text`, or `None` if anything is wrong with it ([`collect`] says what).
    pub(in crate::input) fn read<T: de::DeserializeOwned>(
        text: &str,
        limits: &Limits,
    ) -> Option<T> {
        let mut cx = Cx::new(limits);
        let mut json = serde_json::Deserializer::from_str(text);
        let value = T::deserialize(Root(&mut json, &mut cx)).ok()?;
        json.end().ok()?;
        Some(value)
    }

    /// The document: an object whose members are read by [`Member`].
    struct Root<'r, 'de, 'c, 'l>(
        &'r mut serde_json::Deserializer<serde_json::de::StrRead<'de>>,
        &'c mut Cx<'l>,
    );

    impl<'de> Deserializer<'de> for Root<'_, 'de, '_, '_> {
        type Error = serde_json::Error;
        fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
            self.0.deserialize_map(Object(v, self.1))
        }
        forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
            unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
        }
    }

    /// Hands the document's members to the target's visitor one by one.
    struct Object<'c, 'l, V>(V, &'c mut Cx<'l>);

    impl<'de, V: Visitor<'de>> Visitor<'de> for Object<'_, '_, V> {
        type Value = V::Value;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.expecting(f)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
            self.0.visit_map(Members(map, self.1, Default::default()))
        }
    }

    /// The document's members, and the keys seen (a map target would keep a repeated one's last
    /// value silently).
    struct Members<'c, 'l, A>(A, &'c mut Cx<'l>, std::collections::HashSet<String>);

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for Members<'_, '_, A> {
        type Error = A::Error;
        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            k: K,
        ) -> Result<Option<K::Value>, A::Error> {
            let Some(key) = self.0.next_key::<String>()? else {
                return Ok(None);
            };
            self.1.path = vec![Seg::Key(key.clone())];
            self.1.text(&key)?;
            if !self.2.insert(key.clone()) {
                return Err(self.1.duplicate());
            }
            k.deserialize(de::value::StringDeserializer::new(key))
                .map(Some)
        }
        fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, s: S) -> Result<S::Value, A::Error> {
            self.0.next_value_seed(Member(s, &mut *self.1))
        }
    }

    /// One member: an array is read element by element, anything else as one value.
    struct Member<'c, 'l, S>(S, &'c mut Cx<'l>);

    impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Member<'_, '_, S> {
        type Value = S::Value;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<S> Member<'_, '_, S> {
        /// Reads the target from a whole value (a member that is not an array).
        fn whole<'de, E: de::Error>(self, v: Result<Value, E>) -> Result<S::Value, E>
        where
            S: DeserializeSeed<'de>,
        {
            seed_from_value(self.0, &v?).map_err(E::custom)
        }
    }

    impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Member<'_, '_, S> {
        type Value = S::Value;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<S::Value, A::Error> {
            self.0.deserialize(Elements(seq, self.1, 0))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<S::Value, A::Error> {
            let v = Node { cx: &mut *self.1 }.visit_map(map);
            self.whole(v)
        }
        fn visit_bool<E: de::Error>(self, b: bool) -> Result<S::Value, E> {
            self.whole(Ok(Value::Bool(b)))
        }
        fn visit_i64<E: de::Error>(self, n: i64) -> Result<S::Value, E> {
            self.whole(Ok(n.into()))
        }
        fn visit_u64<E: de::Error>(self, n: u64) -> Result<S::Value, E> {
            self.whole(Ok(n.into()))
        }
        fn visit_f64<E: de::Error>(self, n: f64) -> Result<S::Value, E> {
            let v = Node { cx: &mut *self.1 }.visit_f64(n);
            self.whole(v)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<S::Value, E> {
            let v = Node { cx: &mut *self.1 }.visit_str(s);
            self.whole(v)
        }
        fn visit_unit<E: de::Error>(self) -> Result<S::Value, E> {
            self.whole(Ok(Value::Null))
        }
    }

    /// A top-level array, as a deserializer whose elements are records.
    struct Elements<'c, 'l, A>(A, &'c mut Cx<'l>, usize);

    impl<'de, A: SeqAccess<'de>> Deserializer<'de> for Elements<'_, '_, A> {
        type Error = A::Error;
        fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, A::Error> {
            v.visit_seq(self)
        }
        forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
            unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
        }
    }

    impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Elements<'_, '_, A> {
        type Error = A::Error;
        fn next_element_seed<T: DeserializeSeed<'de>>(
            &mut self,
            seed: T,
        ) -> Result<Option<T::Value>, A::Error> {
            // The record is a value only while it is read.
            self.1.path.push(Seg::Index(self.2));
            let next = self.0.next_element_seed(Node { cx: &mut *self.1 })?;
            self.1.path.pop();
            let Some(v) = next else {
                return Ok(None);
            };
            self.1.count(self.2)?;
            self.2 += 1;
            seed_from_value(seed, &v)
                .map(Some)
                .map_err(de::Error::custom)
        }
    }
}

#[cfg(test)]
#[cfg(feature = "streaming")]
mod tests {
    use crate::Dataset;

    #[test]
    fn reads_what_the_slow_way_reads_and_refuses_what_it_refuses() {
        let good = r#"{"name": "x", "reporting_year": 2024,
            "schools": [{"id": "S1", "name": "甲", "level": "secondary"}],
            "semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 2}]}"#;
        let fast: Dataset = super::read(good, &Default::default()).expect("fast way");
        let slow: Dataset = super::super::from_value_in(
            super::super::parse_value(good).unwrap(),
            None,
            &Default::default(),
        )
        .unwrap();
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
            assert!(
                super::read::<Dataset>(bad, &Default::default()).is_none(),
                "{bad}"
            );
        }
    }
}
