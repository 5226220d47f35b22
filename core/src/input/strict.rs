//! JSON text to a JSON value, refusing duplicate keys (a plain parse keeps the last one silently)
//! and remembering the path being read, so that a syntax error is located by path as well as by
//! line and column. The [`Limits`] on nesting, text length and records are checked here, as each
//! value is read, so a refusal comes before the value is built.

use super::locate::{render, Seg};
use super::{InputError, InputErrorKind, InputIssue};
use crate::limits::{Limit, Limits};
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// Reads `text` into a value.
pub(super) fn parse(text: &str, limits: &Limits) -> Result<Value, InputError> {
    let mut cx = Cx::new(limits);
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Node { cx: &mut cx }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    result.map_err(|e| InputError {
        source_name: None,
        errors: vec![cx.issue(&e, text)],
    })
}

/// What is being read: where, under which limits, and the limit refusal if one was made.
pub(super) struct Cx<'l> {
    /// Where the value being read sits; left pointing at the failure when reading fails.
    pub(super) path: Vec<Seg>,
    pub(super) limits: &'l Limits,
    /// Set when a limit or a repeated key stopped the read (the parser's own error then only
    /// says "stopped").
    refused: Option<InputIssue>,
}

impl<'l> Cx<'l> {
    pub(super) fn new(limits: &'l Limits) -> Self {
        Cx {
            path: Vec::new(),
            limits,
            refused: None,
        }
    }

    /// Refuses the value at the current path for exceeding `limit`.
    pub(super) fn exceed<E: serde::de::Error>(&mut self, limit: Limit, found: Option<u64>) -> E {
        self.refused = Some(self.limits.exceeded(limit, render(&self.path), found));
        E::custom(STOPPED)
    }

    /// Refuses text longer than [`Limits::string_chars`] (a key or a value).
    pub(super) fn text<E: serde::de::Error>(&mut self, s: &str) -> Result<(), E> {
        match self.too_long(s) {
            Some(n) => Err(self.exceed(Limit::StringChars, Some(n))),
            None => Ok(()),
        }
    }

    /// The length of `s` in characters if it is over [`Limits::string_chars`].
    fn too_long(&self, s: &str) -> Option<u64> {
        let max = self.limits.string_chars;
        // Bytes bound characters from above: counting is only needed for long text.
        if s.len() as u64 <= max {
            return None;
        }
        let n = s.chars().count() as u64;
        (n > max).then_some(n)
    }

    /// Refuses element `n` (0-based) of the array at the current path past [`Limits::records`].
    pub(super) fn count<E: serde::de::Error>(&mut self, n: usize) -> Result<(), E> {
        if n as u64 >= self.limits.records {
            return Err(self.exceed(Limit::Records, None));
        }
        Ok(())
    }

    /// Refuses a container opened at the current path deeper than [`Limits::nesting_depth`].
    fn open<E: serde::de::Error>(&mut self) -> Result<(), E> {
        let depth = self.path.len() as u64 + 1;
        if depth > self.limits.nesting_depth {
            return Err(self.exceed(Limit::NestingDepth, Some(depth)));
        }
        Ok(())
    }

    /// Refuses the key just read (at the current path) for being given twice in its object.
    pub(super) fn duplicate<E: serde::de::Error>(&mut self) -> E {
        let loc = render(&self.path);
        let key = match self.path.last() {
            Some(Seg::Key(k)) => super::quote(k).into_owned(),
            _ => String::new(),
        };
        self.refused = Some(InputIssue {
            msg_zh: format!("字段“{key}”在同一对象中重复出现:每个字段只能给出一次"),
            msg_en: format!(
                "the field \"{key}\" is given twice in one object: give each field once"
            ),
            loc,
            line: None,
            column: None,
            kind: InputErrorKind::DuplicateKey,
        });
        E::custom(STOPPED)
    }

    /// The issue for a failed read of `text`: the limit or repeated key refused, or the
    /// parser's error, located (line, and column in characters).
    pub(super) fn issue(&mut self, e: &serde_json::Error, text: &str) -> InputIssue {
        let (msg_zh, msg_en, column) =
            super::words::syntax(text, e.classify(), e.line(), e.column());
        let (line, column) = (Some(e.line()), Some(column));
        if let Some(mut i) = self.refused.take() {
            (i.line, i.column) = (line, column);
            return i;
        }
        InputIssue {
            loc: render(&self.path),
            line,
            column,
            kind: InputErrorKind::Syntax,
            msg_zh,
            msg_en,
        }
    }
}

/// What a refusal tells the parser (the issue itself is kept in [`Cx`]).
const STOPPED: &str = "stopped";

/// One value, read at `cx.path`.
pub(super) struct Node<'c, 'l> {
    pub(super) cx: &'c mut Cx<'l>,
}

impl<'de> DeserializeSeed<'de> for Node<'_, '_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_, '_> {
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
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Value, E> {
        self.cx.text(v)?;
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Value, E> {
        self.cx.text(&v)?;
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.cx.open()?;
        let mut items = Vec::new();
        loop {
            self.cx.path.push(Seg::Index(items.len()));
            let next = seq.next_element_seed(Node { cx: self.cx })?;
            self.cx.path.pop();
            match next {
                Some(v) => {
                    self.cx.count(items.len())?;
                    items.push(v);
                }
                None => return Ok(Value::Array(items)),
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.cx.open()?;
        let mut obj = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let (dup, long) = (obj.contains_key(&key), self.cx.too_long(&key));
            self.cx.path.push(Seg::Key(key));
            if let Some(n) = long {
                return Err(self.cx.exceed(Limit::StringChars, Some(n)));
            }
            if dup {
                return Err(self.cx.duplicate());
            }
            let v = map.next_value_seed(Node { cx: self.cx })?;
            if let Some(Seg::Key(key)) = self.cx.path.pop() {
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
        assert_eq!(
            parse(t, &Limits::default()).unwrap(),
            serde_json::from_str::<Value>(t).unwrap()
        );
    }

    #[test]
    fn duplicate_keys_are_refused_and_located() {
        let e = parse(
            "{\"schools\": [{\"id\": \"S1\",\n \"id\": \"S2\"}]}",
            &Limits::default(),
        )
        .unwrap_err();
        let i = &e.errors[0];
        assert_eq!(i.loc, "schools[0].id");
        assert_eq!((i.line, i.kind), (Some(2), InputErrorKind::DuplicateKey));
        assert!(i.msg_en.contains("given twice"), "{}", i.msg_en);
        assert!(
            i.msg_zh.contains("“id”在同一对象中重复出现"),
            "{}",
            i.msg_zh
        );
    }

    #[test]
    fn syntax_errors_are_located_by_path_too() {
        let e = parse("{\"schools\": [{\"id\": \"S1\",}]}", &Limits::default()).unwrap_err();
        assert_eq!(e.errors[0].kind, InputErrorKind::Syntax);
        assert_eq!(e.errors[0].loc, "schools[0]");
        let e = parse("{} x", &Limits::default()).unwrap_err();
        assert_eq!(
            (e.errors[0].kind, e.errors[0].loc.as_str()),
            (InputErrorKind::Syntax, "")
        );
    }
}
