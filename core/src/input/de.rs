//! Reads typed values out of a JSON value, saying where a problem is.
//!
//! This is the one reader every type goes through (datasets, packs, options, table rows). It is
//! serde_json's value reader with two differences that matter here: an error carries its path
//! (`schools[0].district`), added as the error passes back up through each member and element,
//! so a read that succeeds pays nothing for it; and a struct is read only from an object, never
//! from an array, which keeps a second reader per struct out of the WebAssembly module. Text is
//! handed out as copies, never borrowed, so the value read may be a temporary.

use super::locate::Seg;
use super::words::{Expect, Found, Problem};
use serde::de::{self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};
use std::fmt;

/// Reads `T` from `value`.
pub(crate) fn from_value<T: de::DeserializeOwned>(value: &Value) -> Result<T, Error> {
    seed_from_value(std::marker::PhantomData::<T>, value)
}

/// Runs `seed` over `value` (for any `'de`: the reader never lends out borrowed text, so the
/// value may be a temporary, as in the streaming reader).
pub(crate) fn seed_from_value<'de, S: DeserializeSeed<'de>>(
    seed: S,
    value: &Value,
) -> Result<S::Value, Error> {
    seed.deserialize(De(value))
        .map_err(|e| finished(e, value, UNNAMED))
}

/// The error of a whole read, completed ([`Error::about`]) and its path put root first.
#[inline(never)]
fn finished(e: Error, value: &Value, ty: &str) -> Error {
    let mut e = e.about(|| Found::of_value(value), ty);
    e.path.reverse();
    e
}

/// A problem and where it is ([`Located`]), boxed whole: every read returns a `Result` with
/// this error, and each of the many places a derived reader passes one on copies it, so it is
/// one pointer wide.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Error(Box<Located>);

/// A problem and where it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Located {
    /// What is wrong, with its parts (what was found, what was expected), recorded where it
    /// arose.
    pub problem: Box<Problem>,
    /// Where, from the root (innermost last once [`from_value`] returns).
    pub path: Vec<Seg>,
}

impl std::ops::Deref for Error {
    type Target = Located;
    fn deref(&self) -> &Located {
        &self.0
    }
}

impl std::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut Located {
        &mut self.0
    }
}

impl Error {
    /// The problem and its place, taken out.
    pub(crate) fn into_located(self) -> Located {
        *self.0
    }

    fn new(problem: Problem) -> Self {
        Error(Box::new(Located {
            problem: Box::new(problem),
            path: Vec::new(),
        }))
    }

    /// The field whose absence this is, for a missing field (table rows ask it).
    #[cfg(any(test, feature = "tables"))]
    pub(crate) fn missing_field(&self) -> Option<&'static str> {
        match *self.problem {
            Problem::Missing { field } => Some(field),
            _ => None,
        }
    }

    /// The problem in English (for pack errors, which pack authors read).
    pub(crate) fn message(&self) -> String {
        self.problem.english()
    }

    /// Completes a type's own refusal (`custom`) with the value `found` handed to it and, when
    /// the type of its reader or target (`ty`) says, with what it takes: the value is known
    /// where the reader meets it, not where the refusal is written. A wrong type said as "text
    /// expected" gets the same precision. Only for a problem of this very value (no path yet).
    fn about(mut self, found: impl FnOnce() -> Found, ty: &str) -> Self {
        if !self.path.is_empty() {
            return self;
        }
        match &mut *self.problem {
            Problem::Said {
                found: f, target, ..
            } => {
                if f.is_none() {
                    *f = Some(found());
                }
                if target.is_none() {
                    *target = Expect::of_type(ty);
                }
            }
            // A semester read as text: "should be a semester", not "should be text".
            Problem::Type { expected, .. } if *expected == Expect::Text => {
                if let Some(t) = Expect::of_type(ty) {
                    *expected = t;
                }
            }
            _ => {}
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = super::locate::render(&self.path);
        if at.is_empty() {
            f.write_str(&self.message())
        } else {
            write!(f, "{at}: {}", self.message())
        }
    }
}

impl std::error::Error for Error {}

// Each of serde's error hooks records its kind and parts; the words are written when the
// problem is reported. A text found is abbreviated (`Limits::message_chars`), so a 100 MB
// string is never copied into an error.
impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::new(Problem::Said {
            text: msg.to_string(),
            found: None,
            target: None,
        })
    }
    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::new(Problem::Type {
            found: Found::of(&unexp),
            expected: Expect::of(exp),
        })
    }
    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::new(Problem::Value {
            found: Found::of(&unexp),
            expected: Expect::of(exp),
        })
    }
    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        Self::new(Problem::Value {
            found: Found::Other(format!("{len} items")),
            expected: Expect::of(exp),
        })
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Self::new(Problem::Choice {
            found: super::quote(variant).into_owned(),
            accepted: expected,
        })
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Self::new(Problem::UnknownField {
            field: super::quote(field).into_owned(),
            known: expected,
        })
    }
    fn missing_field(field: &'static str) -> Self {
        Self::new(Problem::Missing { field })
    }
    fn duplicate_field(field: &'static str) -> Self {
        Self::new(Problem::DuplicateField { field })
    }
}

// The error paths below are out of line and take no type parameter: the readers are compiled
// once per type read, and these then stay one call in each (the WebAssembly module's size).

/// Adds `seg` to an error on its way out (the path is built innermost first).
#[inline(never)]
fn at(mut e: Error, seg: Seg) -> Error {
    e.path.push(seg);
    e
}

/// Adds the member `key` to an error's path.
#[inline(never)]
fn in_key(e: Error, key: &str) -> Error {
    at(e, Seg::Key(key.to_string()))
}

/// The type name given to [`Error::about`] where the type is never one it knows (serde's own
/// visitors, seeds of fields and elements): it then only adds the value found. The types it knows
/// (chrono's date and time, the exact decimal, the semester) read through `deserialize_any`, which
/// names them; `type_name` here would put a name per type read into the WebAssembly module.
const UNNAMED: &str = "";

/// An error of `value` read as `ty` ([`Error::about`]), out of line.
#[inline(never)]
fn about_value(e: Error, value: &Value, ty: &str) -> Error {
    e.about(|| Found::of_value(value), ty)
}

/// An error of `value` read as `ty` in the member `key`.
#[inline(never)]
fn in_member(e: Error, key: &str, value: &Value, ty: &str) -> Error {
    in_key(about_value(e, value, ty), key)
}

/// An error of `value` read as `ty` in element `i`.
#[inline(never)]
fn in_element(e: Error, i: usize, value: &Value, ty: &str) -> Error {
    at(about_value(e, value, ty), Seg::Index(i))
}

struct De<'v>(&'v Value);

impl<'v> De<'v> {
    /// Hands the value to `v` as what it is.
    fn any<'de, V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(*b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    v.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    v.visit_i64(i)
                } else {
                    v.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => v.visit_str(s),
            Value::Array(a) => v.visit_seq(Seq {
                items: a.iter(),
                index: 0,
            }),
            Value::Object(o) => v.visit_map(Members::new(o)),
        }
    }
}

impl De<'_> {
    /// A number handed to `v` as `any` hands it; anything else refused in serde's words.
    fn number<'de, V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let value = self.0;
        match value {
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    v.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    v.visit_i64(i)
                } else {
                    v.visit_f64(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            _ => Err(de::Error::invalid_type(unexpected(value), &v)),
        }
        .map_err(|e| about_value(e, value, UNNAMED))
    }
}

impl<'de> de::Deserializer<'de> for De<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        // A refusal in the visitor's own words is completed with the value and, by the
        // visitor's type, with what it reads (chrono's dates, the exact decimal, the semester).
        let value = self.0;
        self.any(v)
            .map_err(|e| about_value(e, value, std::any::type_name::<V>()))
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(o) => v.visit_map(Members::new(o)),
            // What `invalid_type` with the visitor would record (its "struct …" is an object),
            // without the visitor's `expecting`: one fewer function per struct read.
            other => Err(wrong_type(other, Expect::Object)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => v.visit_enum(Variant {
                name: s,
                value: None,
            }),
            Value::Object(o) if o.len() == 1 => {
                let Some((k, x)) = o.iter().next() else {
                    return Err(wrong_choice(self.0, variants));
                };
                v.visit_enum(Variant {
                    name: k,
                    value: Some(x),
                })
                .map_err(|e| in_key(e, k))
            }
            other => Err(wrong_choice(other, variants)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    // The types whose serde visitors take one kind of value (serde's own for `bool`, numbers,
    // `String`, lists, maps and `()`) are handed only that kind: a reader through `any` would
    // compile all seven of each visitor's `visit_*` methods, six of them only to say "invalid
    // type", which is said here once, in the same words (`unexpected`). A type that calls
    // `deserialize_str` or `deserialize_char` may take other kinds (rust_decimal's decimals take
    // numbers too), so those go through `any`, as do the rest.
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let value = self.0;
        match value {
            Value::Bool(b) => v.visit_bool(*b),
            _ => Err(de::Error::invalid_type(unexpected(value), &v)),
        }
        .map_err(|e| about_value(e, value, UNNAMED))
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let value = self.0;
        match value {
            Value::String(s) => v.visit_str(s),
            _ => Err(de::Error::invalid_type(unexpected(value), &v)),
        }
        .map_err(|e| about_value(e, value, UNNAMED))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let value = self.0;
        match value {
            Value::Array(a) => v.visit_seq(Seq {
                items: a.iter(),
                index: 0,
            }),
            _ => Err(de::Error::invalid_type(unexpected(value), &v)),
        }
        .map_err(|e| about_value(e, value, UNNAMED))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let value = self.0;
        match value {
            Value::Object(o) => v.visit_map(Members::new(o)),
            _ => Err(de::Error::invalid_type(unexpected(value), &v)),
        }
        .map_err(|e| about_value(e, value, UNNAMED))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let value = self.0;
        match value {
            Value::Null => v.visit_unit(),
            _ => Err(de::Error::invalid_type(unexpected(value), &v)),
        }
        .map_err(|e| about_value(e, value, UNNAMED))
    }

    fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }
    fn deserialize_i8<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.number(v)
    }

    forward_to_deserialize_any! {
        i128 u128 char str bytes byte_buf unit_struct tuple_struct identifier
    }
}

/// A value of the wrong type where `expected` is.
#[inline(never)]
fn wrong_type(v: &Value, expected: Expect) -> Error {
    Error::new(Problem::Type {
        found: Found::of_value(v),
        expected,
    })
}

/// A value of the wrong type where one of `variants` is expected.
fn wrong_choice(v: &Value, variants: &'static [&'static str]) -> Error {
    Error::new(Problem::Type {
        found: Found::of_value(v),
        expected: Expect::OneOf(variants),
    })
}

/// serde's description of a value, for "invalid type" messages.
fn unexpected(v: &Value) -> de::Unexpected<'_> {
    match v {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => de::Unexpected::Unsigned(u),
            (_, Some(i)) => de::Unexpected::Signed(i),
            _ => de::Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

struct Seq<'v> {
    items: std::slice::Iter<'v, Value>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(x) = self.items.next() else {
            return Ok(None);
        };
        let i = self.index;
        self.index += 1;
        seed.deserialize(De(x))
            .map(Some)
            .map_err(|e| in_element(e, i, x, UNNAMED))
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Members<'v> {
    iter: serde_json::map::Iter<'v>,
    /// The member whose key was just read.
    current: Option<(&'v String, &'v Value)>,
}

impl<'v> Members<'v> {
    fn new(o: &'v Map<String, Value>) -> Self {
        Members {
            iter: o.iter(),
            current: None,
        }
    }
}

impl<'de> MapAccess<'de> for Members<'_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((k, v)) = self.iter.next() else {
            return Ok(None);
        };
        self.current = Some((k, v));
        // An unknown field is refused while its key is read: the path names it.
        seed.deserialize(de::value::StrDeserializer::new(k))
            .map(Some)
            .map_err(|e| in_key(e, k))
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let Some((k, v)) = self.current.take() else {
            return Err(de::Error::custom("a value was read before its key"));
        };
        // A type whose reader refuses in its own words (a semester) is known by its name.
        seed.deserialize(De(v))
            .map_err(|e| in_member(e, k, v, UNNAMED))
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

struct Variant<'v> {
    name: &'v str,
    value: Option<&'v Value>,
}

impl<'de> EnumAccess<'de> for Variant<'_> {
    type Error = Error;
    type Variant = Self;
    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let name = de::value::StrDeserializer::<Error>::new(self.name);
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(v) => Err(de::Error::invalid_type(unexpected(v), &"a unit variant")),
        }
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.value {
            Some(v) => seed.deserialize(De(v)),
            None => Err(de::Error::invalid_type(
                de::Unexpected::UnitVariant,
                &"a newtype variant",
            )),
        }
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, v: V) -> Result<V::Value, Error> {
        match self.value {
            Some(x) => de::Deserializer::deserialize_any(De(x), v),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &v)),
        }
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Some(Value::Object(o)) => v.visit_map(Members::new(o)),
            Some(x) => Err(de::Error::invalid_type(unexpected(x), &v)),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &v)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Row {
        n: u32,
        #[serde(default)]
        tags: Vec<String>,
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Sized(u8),
        Named { w: u8 },
    }

    fn read(v: Value) -> Result<Vec<Row>, Error> {
        from_value(&v)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let v = json!([{"n": 1, "tags": ["a"], "kind": "plain"}, {"n": 2, "kind": {"sized": 3}},
                       {"n": 3, "kind": {"named": {"w": 4}}}, {"n": 4, "kind": null}]);
        let ours = read(v.clone()).unwrap();
        assert_eq!(ours, serde_json::from_value::<Vec<Row>>(v).unwrap());
        assert_eq!(ours[2].kind, Some(Kind::Named { w: 4 }));
    }

    #[test]
    fn errors_name_their_path_and_kind() {
        let e = read(json!([{"n": 1}, {"n": "2"}])).unwrap_err();
        assert_eq!(e.path, [Seg::Index(1), Seg::Key("n".into())]);
        assert_eq!(
            *e.problem,
            Problem::Type {
                found: Found::Text("2".into()),
                expected: Expect::Whole {
                    min: 0,
                    max: u32::MAX.into()
                }
            }
        );
        assert_eq!(
            e.to_string(),
            "[1].n: should be a whole number (0 or more), but is the text \"2\""
        );

        let e = read(json!([{"n": 1, "colour": 2}])).unwrap_err();
        assert_eq!(e.path, [Seg::Index(0), Seg::Key("colour".into())]);
        assert!(
            matches!(&*e.problem, Problem::UnknownField { field, known } if field == "colour" && known.contains(&"tags")),
            "{e:?}"
        );

        let e = read(json!([{"tags": []}])).unwrap_err();
        assert_eq!(
            (e.path.as_slice(), e.missing_field()),
            (&[Seg::Index(0)][..], Some("n"))
        );

        let e = read(json!([{"n": 1, "kind": {"sized": 300}}])).unwrap_err();
        assert_eq!(
            e.path,
            [
                Seg::Index(0),
                Seg::Key("kind".into()),
                Seg::Key("sized".into())
            ]
        );
        assert_eq!(e.problem.kind(), crate::input::InputErrorKind::Value);

        let e = read(json!([{"n": 1, "kind": "nope"}])).unwrap_err();
        assert!(
            matches!(&*e.problem, Problem::Choice { found, accepted } if found == "nope" && accepted.contains(&"plain")),
            "{e:?}"
        );
    }

    #[test]
    fn a_semester_is_named_wherever_it_is_read() {
        // Named by its reader in `deserialize_any`, as an element, inside an option or a field.
        let e =
            from_value::<Vec<Option<crate::model::Semester>>>(&json!([null, 20231])).unwrap_err();
        assert_eq!(e.path, [Seg::Index(1)]);
        assert_eq!(
            *e.problem,
            Problem::Type {
                found: Found::Unsigned(20231),
                expected: Expect::Semester
            }
        );
        let e = from_value::<Vec<crate::model::Semester>>(&json!(["2023-2025-1"])).unwrap_err();
        assert!(
            matches!(&*e.problem, Problem::Said { target: Some(Expect::Semester), found: Some(Found::Text(t)), .. } if t == "2023-2025-1"),
            "{e:?}"
        );
        // A list where one is expected stays "a list" (the semester's name is not the list's).
        let e = from_value::<Vec<crate::model::Semester>>(&json!("2023-2024-1")).unwrap_err();
        assert_eq!(e.problem.kind(), crate::input::InputErrorKind::Type);
        assert!(
            matches!(
                &*e.problem,
                Problem::Type {
                    expected: Expect::List,
                    ..
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn structs_come_only_from_objects() {
        let e = read(json!([[1, [], null]])).unwrap_err();
        assert_eq!(e.path, [Seg::Index(0)]);
        assert_eq!(
            *e.problem,
            Problem::Type {
                found: Found::List,
                expected: Expect::Object
            }
        );
    }
}
