//! JSON text to a JSON value, refusing duplicate keys (a plain parse keeps the last one silently)
//! and remembering the path being read, so that a syntax error is located by path as well as by
//! line and column.

use super::locate::{render, Seg};
use super::{classify, InputError, InputErrorKind, InputIssue};
use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// Reads `text` into a value.
pub(super) fn parse(text: &str) -> Result<Value, InputError> {
    let mut path = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Node { path: &mut path }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    result.map_err(|e| {
        let raw = e.to_string();
        // serde_json appends " at line L column C"; keep the message itself.
        let msg = raw
            .rsplit_once(" at line ")
            .map_or(raw.as_str(), |(m, _)| m);
        let loc = render(&path);
        let (kind, msg_zh, msg_en) = if msg.starts_with(DUPLICATE) {
            (
                InputErrorKind::Value,
                format!("字段{loc}重复出现:每个字段只能给出一次"),
                format!("field `{loc}` is given twice: give each field once"),
            )
        } else {
            classify(msg, e.is_syntax() || e.is_eof())
        };
        InputError {
            source_name: None,
            errors: vec![InputIssue {
                loc,
                line: Some(e.line()),
                column: Some(e.column()),
                kind,
                msg_zh,
                msg_en,
            }],
        }
    })
}

const DUPLICATE: &str = "duplicate key";

/// One value; `path` is where it sits, left pointing at the failure when reading fails.
pub(super) struct Node<'p> {
    pub(super) path: &'p mut Vec<Seg>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            self.path.push(Seg::Index(items.len()));
            match seq.next_element_seed(Node { path: self.path })? {
                Some(v) => items.push(v),
                None => {
                    self.path.pop();
                    return Ok(Value::Array(items));
                }
            }
            self.path.pop();
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut obj = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let dup = obj.contains_key(&key);
            self.path.push(Seg::Key(key));
            if dup {
                return Err(A::Error::custom(DUPLICATE));
            }
            let v = map.next_value_seed(Node { path: self.path })?;
            if let Some(Seg::Key(key)) = self.path.pop() {
                obj.insert(key, v);
            }
        }
        Ok(Value::Object(obj))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_serde_json_reads_them() {
        let t = r#"{"a": [1, -2, 2.5, "x", true, null, {}], "b": {"c": "d"}}"#;
        assert_eq!(parse(t).unwrap(), serde_json::from_str::<Value>(t).unwrap());
    }

    #[test]
    fn duplicate_keys_are_refused_and_located() {
        let e = parse("{\"schools\": [{\"id\": \"S1\",\n \"id\": \"S2\"}]}").unwrap_err();
        let i = &e.errors[0];
        assert_eq!(i.loc, "schools[0].id");
        assert_eq!((i.line, i.kind), (Some(2), InputErrorKind::Value));
        assert!(i.msg_en.contains("given twice"), "{}", i.msg_en);
    }

    #[test]
    fn syntax_errors_are_located_by_path_too() {
        let e = parse("{\"schools\": [{\"id\": \"S1\",}]}").unwrap_err();
        assert_eq!(e.errors[0].kind, InputErrorKind::Syntax);
        assert_eq!(e.errors[0].loc, "schools[0]");
        let e = parse("{} x").unwrap_err();
        assert_eq!(
            (e.errors[0].kind, e.errors[0].loc.as_str()),
            (InputErrorKind::Syntax, "")
        );
    }
}
