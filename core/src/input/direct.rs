//! The direct path (feature `bulk`): a dataset read straight from its JSON text, with no JSON
//! value built on the way, for documents of millions of records. It is a shortcut only: it says
//! `None` on anything it does not read exactly as the existing path does, and the caller then
//! reads the text again that way ([`super::from_json_str_with`]), which finds and locates every
//! problem. So it needs no words and no places: its errors are never shown.
//!
//! What it must agree on, whenever it reads a document at all:
//! - what the existing path refuses before any typed reading ([`super::strict`]): the
//!   [`Limits`] on input bytes, nesting depth, characters of a string (a value or a key) and
//!   elements of an array, and a key given twice in one object, anywhere in the document
//!   (inside values no field reads as well: they are walked, not skipped);
//! - what the typed reader ([`super::de`]) hands each target's visitor: the same `visit_*` call
//!   with the same value for every kind of JSON value. serde_json parses the numbers of both
//!   paths with the same code, so a visitor gets the same `u64`, `i64` or `f64` (an exact
//!   decimal is made from it by the same visitor, [`crate::model::exact`]); text is handed out
//!   as a copy (`visit_str`), as `de` does; a key is read as `de` reads it, by serde's
//!   `StrDeserializer`; a struct is read from an object only; an enum from a text or an object
//!   of one member; an ignored value is walked (limits and repeated keys) and then seen as `()`.
//!
//! Where serde_json's text reader is stricter than `de` (elements left unread in an array
//! fail here, not there), the direct path fails and the existing path answers: that is allowed,
//! only an `Ok` must be the same. One thing differs and does not matter for a dataset: `de`
//! hands an object's members in key order (serde_json's map is sorted), this path in document
//! order; every struct of the model is derived, reads its fields by name and refuses a
//! repeated one, so the order cannot change what is read. That is why only [`Dataset`]
//! (`Dataset::from_json_str_with`) goes this way, not every type the generic reader reads.
//!
//! [`Dataset`]: crate::Dataset

use crate::limits::Limits;
use serde::de::{
    self, value::StrDeserializer, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use std::borrow::Cow;
use std::fmt;

/// Reads `T` from `text` (a leading byte-order mark skipped, as the existing path skips it), or
/// `None` if the direct path does not read it; see the module's documentation.
pub(crate) fn read<T: de::DeserializeOwned>(text: &str, limits: &Limits) -> Option<T> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() as u64 > limits.input_bytes {
        return None;
    }
    whole(serde_json::Deserializer::from_str(text), limits)
}

/// Reads `T` as the whole of `json`'s document, or `None`.
fn whole<'de, T: de::Deserialize<'de>, R: serde_json::de::Read<'de>>(
    mut json: serde_json::Deserializer<R>,
    limits: &Limits,
) -> Option<T> {
    let mut cx = Cx { limits, depth: 0 };
    let value = T::deserialize(Direct {
        inner: &mut json,
        cx: &mut cx,
    })
    .ok()?;
    json.end().ok()?;
    Some(value)
}

/// As [`read`], from a reader rather than text held whole: the document is parsed as it is read
/// (a national document need not be held as text beside its records). A byte-order mark is
/// skipped; a document past [`Limits::input_bytes`], or one that is not valid UTF-8, is declined
/// as [`read`] declines it, and so is any error of the reader: the caller then reads the text
/// whole, which reports what is wrong.
pub(crate) fn read_from<T: de::DeserializeOwned, R: std::io::Read>(
    reader: R,
    limits: &Limits,
) -> Option<T> {
    use std::io::BufRead;
    let mut counted = Counted {
        inner: reader,
        n: 0,
    };
    let mut buffered = std::io::BufReader::with_capacity(1 << 20, &mut counted);
    if buffered.fill_buf().ok()?.starts_with(b"\xEF\xBB\xBF") {
        buffered.consume(3);
    }
    // `whole` reads to the end of the document, so every byte is counted by then.
    let value = whole(serde_json::Deserializer::from_reader(buffered), limits)?;
    (counted.n <= limits.input_bytes).then_some(value)
}

/// A reader counting the bytes read through it.
struct Counted<R> {
    inner: R,
    n: u64,
}

impl<R: std::io::Read> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n += n as u64;
        Ok(n)
    }
}

/// Why the direct path stopped (never shown: the existing path then reads and reports).
const DECLINED: &str = "declined by the direct read";

/// The limits of the read under way and how deep it is.
struct Cx<'l> {
    limits: &'l Limits,
    /// Containers open around the value being read.
    depth: u64,
}

impl Cx<'_> {
    /// Refuses text longer than [`Limits::string_chars`] (as `strict` does: characters, with
    /// bytes as a cheap upper bound first).
    fn text<E: de::Error>(&self, s: &str) -> Result<(), E> {
        let max = self.limits.string_chars;
        if s.len() as u64 > max && s.chars().count() as u64 > max {
            return Err(E::custom(DECLINED));
        }
        Ok(())
    }

    /// Opens a container, refused deeper than [`Limits::nesting_depth`] (the root is at 1).
    fn open<E: de::Error>(&mut self) -> Result<(), E> {
        if self.depth + 1 > self.limits.nesting_depth {
            return Err(E::custom(DECLINED));
        }
        self.depth += 1;
        Ok(())
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Refuses element `n` (0-based) of an array past [`Limits::records`].
    fn count<E: de::Error>(&self, n: u64) -> Result<(), E> {
        if n >= self.limits.records {
            return Err(E::custom(DECLINED));
        }
        Ok(())
    }
}

/// The keys of one object seen so far, by a 64-bit hash: two equal keys always collide, so a
/// repeated key is always refused; two different keys that happen to collide are refused too,
/// which only sends the document the existing way.
struct Seen {
    few: [u64; 16],
    n: usize,
    many: Option<std::collections::HashSet<u64>>,
}

impl Seen {
    fn new() -> Self {
        Seen {
            few: [0; 16],
            n: 0,
            many: None,
        }
    }

    /// True if `key` is new in this object.
    fn insert(&mut self, key: &str) -> bool {
        let h = hash(key);
        if let Some(many) = &mut self.many {
            return many.insert(h);
        }
        let few = &self.few[..self.n];
        if few.contains(&h) {
            return false;
        }
        if let Some(slot) = self.few.get_mut(self.n) {
            *slot = h;
            self.n += 1;
        } else {
            let mut many: std::collections::HashSet<u64> = self.few.iter().copied().collect();
            many.insert(h);
            self.many = Some(many);
        }
        true
    }
}

/// A key's 64-bit hash, eight bytes a step (the keys of millions of records go through it; a
/// byte a step took a tenth of a national read). Any hash would do: a collision costs only time.
fn hash(key: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let step = |h: u64, w: [u8; 8]| (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    let mut chunks = key.as_bytes().chunks_exact(8);
    // The length first: "a" and "a\0" differ after the padding below.
    let mut h = key.len() as u64;
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = step(h, w);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        for (d, s) in w.iter_mut().zip(rest) {
            *d = *s;
        }
        h = step(h, w);
    }
    h
}

/// Checks a key (length, repetition) and hands it to `seed` as `de` does.
fn key<'de, K: DeserializeSeed<'de>, E: de::Error>(
    cx: &Cx<'_>,
    seen: &mut Seen,
    key: &str,
    seed: K,
) -> Result<K::Value, E> {
    cx.text(key)?;
    if !seen.insert(key) {
        return Err(E::custom(DECLINED));
    }
    seed.deserialize(StrDeserializer::<E>::new(key))
}

/// An object's key, checked ([`key`]) and handed to `seed` in the reader's visit of it.
struct KeySeed<'a, 'l, K> {
    cx: &'a Cx<'l>,
    seen: &'a mut Seen,
    seed: K,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, '_, K> {
    type Value = K::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for KeySeed<'_, '_, K> {
    type Value = K::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        key(self.cx, self.seen, v, self.seed)
    }
}

/// A key as text: borrowed from the document unless it has escapes.
struct KeyText;

impl<'de> DeserializeSeed<'de> for KeyText {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyText {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// The number readers of [`Direct`]: each is serde_json's `deserialize_u64`.
macro_rules! numbers {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
                self.inner.deserialize_u64(Wrap { v, cx: self.cx })
            }
        )*
    };
}

/// serde_json's text reader, seen as `de` sees a value.
struct Direct<'c, 'l, D> {
    inner: D,
    cx: &'c mut Cx<'l>,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Direct<'_, '_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(Wrap { v, cx: self.cx })
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        // `null` is none, anything else some (serde_json decides as `de` does).
        self.inner.deserialize_option(Optional { v, cx: self.cx })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        // From an object only (serde_json's own struct reader takes an array too).
        self.inner.deserialize_map(Wrap { v, cx: self.cx })
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_map(Wrap { v, cx: self.cx })
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_seq(Wrap { v, cx: self.cx })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, D::Error> {
        self.deserialize_seq(v)
    }

    // The types `de` hands only their own kind of value: serde_json's readers of that kind take
    // only it too, and hand it as `de` does (through `Wrap`).
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_bool(Wrap { v, cx: self.cx })
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_string(Wrap { v, cx: self.cx })
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_unit(Wrap { v, cx: self.cx })
    }

    // Every number reader of serde_json (but the 128-bit ones) parses as `deserialize_any` does
    // and hands a number only.
    numbers! {
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_i8
        deserialize_i16 deserialize_i32 deserialize_i64 deserialize_f32 deserialize_f64
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(Enum { v, cx: self.cx })
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, D::Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
        // `de` does not look at an ignored value; the existing path has read it whole, though,
        // under the limits and refusing repeated keys, so it is walked the same way here.
        self.inner.deserialize_any(Skip { cx: self.cx })?;
        v.visit_unit()
    }

    // What `de` reads through `any` (the types that may take several kinds of value).
    serde::forward_to_deserialize_any! {
        str char bytes byte_buf identifier unit_struct tuple_struct i128 u128
    }
}

/// A seed read through [`Direct`].
struct Seed<'c, 'l, S> {
    seed: S,
    cx: &'c mut Cx<'l>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, '_, S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(Direct {
            inner: d,
            cx: self.cx,
        })
    }
}

/// A visitor handed each value as `de` hands it, under the limits.
struct Wrap<'c, 'l, V> {
    v: V,
    cx: &'c mut Cx<'l>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, '_, V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v.expecting(f)
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<V::Value, E> {
        self.v.visit_bool(b)
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<V::Value, E> {
        // A JSON number holds a non-negative whole number as unsigned, and `de` hands it so.
        match u64::try_from(n) {
            Ok(u) => self.v.visit_u64(u),
            Err(_) => self.v.visit_i64(n),
        }
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<V::Value, E> {
        self.v.visit_u64(n)
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<V::Value, E> {
        // A JSON number is finite (serde_json refuses 1e400); a value would make it `null`.
        if !n.is_finite() {
            return Err(E::custom(DECLINED));
        }
        self.v.visit_f64(n)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<V::Value, E> {
        self.cx.text(s)?;
        self.v.visit_str(s)
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<V::Value, E> {
        // A copy, as `de` hands text.
        self.visit_str(s)
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<V::Value, E> {
        self.visit_str(&s)
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_unit()
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.cx.open()?;
        let out = self.v.visit_seq(Elements {
            seq,
            cx: &mut *self.cx,
            n: 0,
        });
        self.cx.close();
        out
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.cx.open()?;
        let out = self.v.visit_map(Members {
            map,
            cx: &mut *self.cx,
            seen: Seen::new(),
        });
        self.cx.close();
        out
    }
}

/// An option's visitor: `null` is none, anything else read through [`Direct`].
struct Optional<'c, 'l, V> {
    v: V,
    cx: &'c mut Cx<'l>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Optional<'_, '_, V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v.expecting(f)
    }
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.v.visit_none()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.v.visit_some(Direct {
            inner: d,
            cx: self.cx,
        })
    }
}

/// An array's elements, counted.
struct Elements<'c, 'l, A> {
    seq: A,
    cx: &'c mut Cx<'l>,
    n: u64,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Elements<'_, '_, A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let next = self.seq.next_element_seed(Seed {
            seed,
            cx: &mut *self.cx,
        })?;
        if next.is_some() {
            self.cx.count(self.n)?;
            self.n += 1;
        }
        Ok(next)
    }
    fn size_hint(&self) -> Option<usize> {
        // Only ever a hint (a list's reader reserves by it and grows past it). `de` knows each
        // list's length and its lists are exact; serde_json does not, and without a hint a list
        // takes room for 4 at its first element. A record's lists mostly hold one element (a
        // student's certificate: 5 million lists, 330 MB more without this).
        Some(1)
    }
}

/// An object's members, keys checked and handed as `de` hands them.
struct Members<'c, 'l, A> {
    map: A,
    cx: &'c mut Cx<'l>,
    seen: Seen,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Members<'_, '_, A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        // The key is checked and handed on while the reader holds it: no copy of it is made,
        // even where the reader cannot lend it for longer (a document read from a stream).
        self.map.next_key_seed(KeySeed {
            cx: self.cx,
            seen: &mut self.seen,
            seed,
        })
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.map.next_value_seed(Seed {
            seed,
            cx: &mut *self.cx,
        })
    }
}

/// An enum's visitor: a text names a unit variant, an object of one member a variant and its
/// value; anything else is refused (as `de` refuses it).
struct Enum<'c, 'l, V> {
    v: V,
    cx: &'c mut Cx<'l>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Enum<'_, '_, V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.v.expecting(f)
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<V::Value, E> {
        self.cx.text(s)?;
        self.v.visit_enum(Named {
            name: s,
            error: std::marker::PhantomData,
        })
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<V::Value, E> {
        self.visit_str(s)
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<V::Value, E> {
        self.visit_str(&s)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<V::Value, A::Error> {
        self.cx.open()?;
        let Some(name) = map.next_key_seed(KeyText)? else {
            return Err(de::Error::custom(DECLINED));
        };
        self.cx.text(&name)?;
        let out = self.v.visit_enum(WithValue {
            name: &name,
            map: &mut map,
            cx: &mut *self.cx,
        })?;
        // One member only (`de` refuses an object of more).
        if map.next_key_seed(KeyText)?.is_some() {
            return Err(de::Error::custom(DECLINED));
        }
        self.cx.close();
        Ok(out)
    }
}

/// A variant named by text alone.
struct Named<'s, E> {
    name: &'s str,
    error: std::marker::PhantomData<E>,
}

impl<'de, E: de::Error> EnumAccess<'de> for Named<'_, E> {
    type Error = E;
    type Variant = Self;
    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), E> {
        let v = seed.deserialize(StrDeserializer::<E>::new(self.name))?;
        Ok((v, self))
    }
}

impl<'de, E: de::Error> VariantAccess<'de> for Named<'_, E> {
    type Error = E;
    fn unit_variant(self) -> Result<(), E> {
        Ok(())
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, E> {
        Err(E::custom(DECLINED))
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, E> {
        Err(E::custom(DECLINED))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, E> {
        Err(E::custom(DECLINED))
    }
}

/// A variant named by the one key of an object, its value the member's value.
struct WithValue<'a, 'c, 'l, A> {
    name: &'a str,
    map: &'a mut A,
    cx: &'c mut Cx<'l>,
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for WithValue<'_, '_, '_, A> {
    type Error = A::Error;
    type Variant = Self;
    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), A::Error> {
        let v = seed.deserialize(StrDeserializer::<A::Error>::new(self.name))?;
        Ok((v, self))
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for WithValue<'_, '_, '_, A> {
    type Error = A::Error;
    fn unit_variant(self) -> Result<(), A::Error> {
        // `null` only (`()` is read by `deserialize_unit`).
        self.map.next_value_seed(Seed {
            seed: std::marker::PhantomData::<()>,
            cx: self.cx,
        })
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.map.next_value_seed(Seed { seed, cx: self.cx })
    }
    fn tuple_variant<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(Visit {
            v,
            cx: self.cx,
            map: false,
        })
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(Visit {
            v,
            cx: self.cx,
            map: true,
        })
    }
}

/// A visitor run over a value as `de` runs a tuple variant's (any value) or a struct
/// variant's (an object only).
struct Visit<'c, 'l, V> {
    v: V,
    cx: &'c mut Cx<'l>,
    map: bool,
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for Visit<'_, '_, V> {
    type Value = V::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let d = Direct {
            inner: d,
            cx: self.cx,
        };
        if self.map {
            d.deserialize_map(self.v)
        } else {
            d.deserialize_any(self.v)
        }
    }
}

/// A value no field reads, walked under the limits, its keys checked for repeats.
struct Skip<'c, 'l> {
    cx: &'c mut Cx<'l>,
}

impl<'de> DeserializeSeed<'de> for Skip<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        self.cx.text(s)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.cx.open()?;
        let mut n = 0;
        while seq.next_element_seed(Skip { cx: &mut *self.cx })?.is_some() {
            self.cx.count(n)?;
            n += 1;
        }
        self.cx.close();
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.cx.open()?;
        let mut seen = Seen::new();
        while let Some(k) = map.next_key_seed(KeyText)? {
            key(
                self.cx,
                &mut seen,
                &k,
                std::marker::PhantomData::<de::IgnoredAny>,
            )?;
            map.next_value_seed(Skip { cx: &mut *self.cx })?;
        }
        self.cx.close();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::DeserializeOwned;
    use serde::Deserialize;
    use std::collections::HashMap;
    use std::fmt::Debug;

    /// The generic reader's own way: the whole text a value (`strict`), then `de`.
    fn old<T: DeserializeOwned>(text: &str, limits: &Limits) -> Option<T> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.len() as u64 > limits.input_bytes {
            return None;
        }
        let value = super::super::strict::parse(text, limits).ok()?;
        super::super::de::from_value(&value).ok()
    }

    /// Reads `text` both ways; whenever the direct way reads it, the old way reads the same.
    /// Returns (direct read it, old read it).
    fn both<T: DeserializeOwned + PartialEq + Debug>(text: &str, limits: &Limits) -> (bool, bool) {
        let new = read::<T>(text, limits);
        let old = old::<T>(text, limits);
        if let Some(n) = &new {
            assert_eq!(Some(n), old.as_ref(), "{text}");
        }
        (new.is_some(), old.is_some())
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Row {
        n: u32,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default)]
        kind: Option<Kind>,
        #[serde(default)]
        m: HashMap<String, i64>,
        #[serde(default)]
        t: Option<(u8, String)>,
        #[serde(default)]
        f: Option<f64>,
        #[serde(default)]
        i: Option<i64>,
        #[serde(default)]
        u: Option<()>,
        #[serde(default)]
        w: Option<Wrapped>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Wrapped(String);

    /// Unknown fields ignored (no `deny_unknown_fields`).
    #[derive(Debug, Deserialize, PartialEq)]
    struct Open {
        n: u32,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Sized(u8),
        Pair(u8, u8),
        Named { w: u8 },
    }

    fn row(extra: &str) -> String {
        format!(r#"{{"n": 1{extra}}}"#)
    }

    #[test]
    fn reads_what_the_value_reader_reads() {
        let l = Limits::default();
        for extra in [
            "",
            r#", "tags": ["a", "b\"c", "\u00e9\ud83d\ude00", ""]"#,
            r#", "kind": "plain""#,
            r#", "kind": {"plain": null}"#,
            r#", "kind": {"sized": 3}"#,
            r#", "kind": {"pair": [1, 2]}"#,
            r#", "kind": {"named": {"w": 4}}"#,
            r#", "kind": null"#,
            r#", "m": {"a": 1, "b": -2, "\u0063": 3}"#,
            r#", "t": [7, "x"]"#,
            r#", "f": 0.1"#,
            r#", "f": 1e2"#,
            r#", "f": -0"#,
            r#", "f": 12345678901234567890.5"#,
            r#", "f": 0.33333333333333333333333333333333333"#,
            r#", "f": 3"#,
            r#", "f": -3"#,
            r#", "i": -9223372036854775808"#,
            r#", "i": 9223372036854775807"#,
            r#", "u": null"#,
            r#", "w": "x""#,
        ] {
            assert_eq!(both::<Row>(&row(extra), &l), (true, true), "{extra}");
        }
        // -0 as a float, not a whole number, both ways.
        let f = read::<Row>(&row(r#", "f": -0"#), &l).and_then(|r| r.f);
        assert!(f.is_some_and(|f| f == 0.0 && f.is_sign_negative()));
        // Unknown fields ignored where the struct ignores them, walked all the same.
        assert_eq!(
            both::<Open>(r#"{"n": 1, "x": {"a": [1, {"b": null}], "c": "d"}}"#, &l),
            (true, true)
        );
        assert_eq!(
            both::<Vec<Open>>(r#"[{"n": 1}, {"n": 2}]"#, &l),
            (true, true)
        );
        // A byte-order mark is skipped both ways.
        assert_eq!(both::<Open>("\u{feff}{\"n\": 1}", &l), (true, true));
    }

    #[test]
    fn refuses_what_the_value_reader_refuses() {
        let l = Limits::default();
        for (text, old_reads) in [
            // Repeated keys: of a struct, of a map, of an ignored value, spelt differently.
            (row(r#", "n": 2"#), false),
            (row(r#", "m": {"a": 1, "a": 2}"#), false),
            (row(r#", "m": {"a": 1, "\u0061": 2}"#), false),
            (r#"{"n": 1, "x": {"a": 1, "a": 2}}"#.to_string(), false),
            // Unknown field.
            (row(r#", "colour": 1"#), false),
            // Wrong kinds.
            (row(r#", "tags": [1]"#), false),
            (r#"{"n": "1"}"#.to_string(), false),
            (r#"[1]"#.to_string(), false),
            (row(r#", "t": {"0": 7, "1": "x"}"#), false),
            (row(r#", "kind": {"sized": 3, "plain": null}"#), false),
            (row(r#", "kind": {}"#), false),
            (row(r#", "kind": {"plain": 1}"#), false),
            (row(r#", "kind": "sized""#), false),
            (row(r#", "kind": {"named": [4]}"#), false),
            (row(r#", "kind": 3"#), false),
            (row(r#", "i": 9223372036854775808"#), false),
            (row(r#", "i": 1.5"#), false),
            (row(r#", "u": 0"#), false),
            (row(r#", "f": 1e400"#), false),
            // Syntax.
            (row(",").to_string(), false),
            (format!("{} x", row("")), false),
            (r#"{"n": 1"#.to_string(), false),
            // The value reader takes an array longer than a tuple: the text reader does not
            // (declining is allowed; the other way round is not).
            (row(r#", "kind": {"pair": [1, 2, 3]}"#), true),
        ] {
            let (new, old) = both::<Row>(&text, &l);
            assert!(!new, "{text}");
            assert_eq!(old, old_reads, "{text}");
        }
        assert_eq!(
            both::<Open>(r#"{"n": 1, "x": [{"a": 1, "a": 2}]}"#, &l),
            (false, false)
        );
    }

    #[test]
    fn limits_are_the_value_readers() {
        let with = |f: &dyn Fn(&mut Limits)| {
            let mut l = Limits::default();
            f(&mut l);
            l
        };
        let text = row(r#", "tags": ["abcd", "甲乙丙丁"], "m": {"abcd": 1}"#);
        // Input bytes (a byte-order mark not counted).
        let n = text.len() as u64;
        for (bytes, reads) in [(n, true), (n - 1, false)] {
            let l = with(&|l| l.input_bytes = bytes);
            assert_eq!(both::<Row>(&text, &l), (reads, reads));
            assert_eq!(both::<Row>(&format!("\u{feff}{text}"), &l), (reads, reads));
        }
        // Characters of text, values and keys (bytes are not characters).
        for (chars, reads) in [(4, true), (3, false)] {
            let l = with(&|l| l.string_chars = chars);
            assert_eq!(both::<Row>(&text, &l), (reads, reads));
            let long_key = r#"{"n": 1, "abcd": 1}"#;
            assert_eq!(both::<Open>(long_key, &l), (reads, reads));
            let ignored = r#"{"n": 1, "x": ["abcd"]}"#;
            assert_eq!(both::<Open>(ignored, &l), (reads, reads));
            // The variant's name is the longest text.
            let variant = row(r#", "kind": {"named": {"w": 4}}"#);
            let l = with(&|l| l.string_chars = chars + 1);
            assert_eq!(both::<Row>(&variant, &l), (reads, reads));
            let unit = row(r#", "kind": "plain""#);
            assert_eq!(both::<Row>(&unit, &l), (reads, reads));
        }
        // Elements of an array, anywhere.
        for (records, reads) in [(2, true), (1, false)] {
            let l = with(&|l| l.records = records);
            assert_eq!(both::<Row>(&text, &l), (reads, reads));
            let ignored = r#"{"n": 1, "x": [[1, 2], []]}"#;
            assert_eq!(both::<Open>(ignored, &l), (reads, reads));
            let list = r#"[{"n": 1}, {"n": 2}]"#;
            assert_eq!(both::<Vec<Open>>(list, &l), (reads, reads));
        }
        // Nesting: the row's object is 1 deep, its variant's object 3.
        let variant = row(r#", "kind": {"named": {"w": 4}}"#);
        for (depth, reads) in [(3, true), (2, false)] {
            let l = with(&|l| l.nesting_depth = depth);
            assert_eq!(both::<Row>(&variant, &l), (reads, reads));
            let ignored = r#"{"n": 1, "x": [{"y": 1}]}"#;
            assert_eq!(both::<Open>(ignored, &l), (reads, reads));
        }
        // serde_json's own cap (128) both ways, whatever the limit says.
        let l = with(&|l| l.nesting_depth = 1000);
        let deep = format!(r#"{{"n": 1, "x": {}{}}}"#, "[".repeat(200), "]".repeat(200));
        assert_eq!(both::<Open>(&deep, &l), (false, false));
        let deep = format!(r#"{{"n": 1, "x": {}{}}}"#, "[".repeat(100), "]".repeat(100));
        assert_eq!(both::<Open>(&deep, &l), (true, true));
    }

    #[test]
    fn many_keys_are_checked_for_repeats() {
        let l = Limits::default();
        let keys: Vec<String> = (0..100).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!(r#"{{"n": 1, "m": {{{}}}}}"#, keys.join(", "));
        assert_eq!(both::<Row>(&text, &l), (true, true));
        let text = format!(r#"{{"n": 1, "m": {{{}, "k77": 0}}}}"#, keys.join(", "));
        assert_eq!(both::<Row>(&text, &l), (false, false));
        let text = format!(r#"{{"n": 1, "x": {{{}, "k3": 0}}}}"#, keys.join(", "));
        assert_eq!(both::<Open>(&text, &l), (false, false));
    }
}
