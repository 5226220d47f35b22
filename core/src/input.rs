//! Reading a dataset: every problem located (JSON path, line and column), every unknown field
//! reported, never a panic.

use crate::model::Dataset;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of input problem, stable for filtering and translation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum InputErrorKind {
    /// Not well-formed (JSON syntax, truncated file, bad encoding).
    Syntax,
    /// A value of the wrong type (text where a number is expected).
    Type,
    /// A value of the right type but outside what is allowed (negative count, bad date, unknown enum).
    Value,
    /// A required field is absent.
    Missing,
    /// A field the model does not know: it would be silently ignored, so it is refused.
    UnknownField,
    /// A file could not be read.
    Io,
    /// Over one of the [`Limits`](crate::limits::Limits) (size, count, depth), refused before
    /// it is read whole.
    Limit,
}

impl InputErrorKind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Syntax => "syntax",
            Self::Type => "type",
            Self::Value => "value",
            Self::Missing => "missing",
            Self::UnknownField => "unknown_field",
            Self::Io => "io",
            Self::Limit => "limit",
        }
    }
}

/// One problem in the input, located.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct InputIssue {
    /// Path into the document, e.g. `semester_activities[3].meetings` (empty for the root).
    pub loc: String,
    /// Line (1-based) where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Column (1-based) where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What kind of problem.
    #[serde(rename = "type")]
    pub kind: InputErrorKind,
    /// Chinese message.
    pub msg_zh: String,
    /// English message.
    pub msg_en: String,
}

/// The input could not be used; every problem found is listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, thiserror::Error)]
pub struct InputError {
    /// The file or source name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_name: Option<String>,
    /// The problems, in document order.
    pub errors: Vec<InputIssue>,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let src = self.source_name.as_deref().unwrap_or("input");
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{src}")?;
            if let (Some(l), Some(c)) = (e.line, e.column) {
                write!(f, ":{l}:{c}")?;
            }
            if !e.loc.is_empty() {
                write!(f, " at {}", e.loc)?;
            }
            write!(f, ": {} / {}", e.msg_zh, e.msg_en)?;
        }
        Ok(())
    }
}

impl InputError {
    /// One issue, no location.
    pub fn single(kind: InputErrorKind, zh: String, en: String) -> Self {
        InputError {
            source_name: None,
            errors: vec![InputIssue {
                loc: String::new(),
                line: None,
                column: None,
                kind,
                msg_zh: zh,
                msg_en: en,
            }],
        }
    }
    /// Names the source (a file name) in the error.
    pub fn with_source(mut self, name: impl Into<String>) -> Self {
        self.source_name = Some(name.into());
        self
    }
}

pub(crate) mod de;
pub(crate) mod locate;
#[cfg(feature = "streaming")]
mod stream;
mod strict;

fn classify(msg: &str, is_syntax: bool) -> (InputErrorKind, String, String) {
    if is_syntax {
        return (
            InputErrorKind::Syntax,
            format!("JSON格式错误:{msg}"),
            format!("malformed JSON: {msg}"),
        );
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let f = rest.trim_matches('`');
        return (
            InputErrorKind::Missing,
            format!("缺少必填字段{f}"),
            format!("required field `{f}` is missing"),
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            InputErrorKind::Type,
            format!(
                "类型不符:应为{},实为{}",
                expected_zh(expected),
                found_zh(found)
            ),
            format!("wrong type: expected {expected}, found {found}"),
        );
    }
    if msg.starts_with("invalid value: integer `-") {
        return (
            InputErrorKind::Value,
            format!("应为非负整数:{msg}"),
            format!("expected a non-negative whole number: {msg}"),
        );
    }
    (
        InputErrorKind::Value,
        format!("取值无效:{msg}"),
        format!("invalid value: {msg}"),
    )
}

/// Chinese for serde's "expected …" phrases.
fn expected_zh(e: &str) -> String {
    match e {
        "u32" | "u64" | "usize" => "非负整数".into(),
        "i32" | "i64" => "整数".into(),
        "a string" => "文本".into(),
        "a boolean" => "true或false".into(),
        "a sequence" => "数组".into(),
        _ if e.starts_with("struct") || e.starts_with("a map") => "对象".into(),
        _ => e.to_string(),
    }
}

/// Chinese for serde's "invalid type: …" phrases.
fn found_zh(f: &str) -> String {
    let tail = |p: &str| f.strip_prefix(p).map(|x| x.trim_matches('`').to_string());
    if let Some(x) = tail("string ") {
        format!("文本{x}")
    } else if let Some(x) = tail("integer ") {
        format!("整数{x}")
    } else if let Some(x) = tail("floating point ") {
        format!("小数{x}")
    } else if let Some(x) = tail("boolean ") {
        format!("布尔值{x}")
    } else {
        match f {
            "null" => "空值null".into(),
            "map" => "对象".into(),
            "sequence" => "数组".into(),
            _ => f.to_string(),
        }
    }
}

/// Deserializes `T` from JSON text, locating the first structural error and listing all unknown fields.
///
/// Valid input is read member by member, each record a JSON value only while it is read
/// (`input/stream.rs`, feature `streaming`), so memory stays near the size of the result. Otherwise, two passes: the
/// text is read into a JSON value (syntax errors and duplicate keys, located), then `T` is read
/// from the value by [`de`], which locates errors; both ways read records with the same reader. Every
/// model struct denies unknown fields; each one found is recorded, taken out of the value and the
/// read retried, so all of them are reported, not just the first. (One reader for every type keeps
/// the WebAssembly module small: each reader compiles every type's deserializer once more.)
pub fn from_json_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Record by record, in little memory; only if that fails, the whole document as one value.
    #[cfg(feature = "streaming")]
    if let Some(v) = stream::read(text) {
        return Ok(v);
    }
    let value = strict::parse(text)?;
    from_value_in(value, Some(text))
}

/// Reads JSON text into a value, refusing duplicate keys; errors are located.
pub fn parse_value(text: &str) -> Result<serde_json::Value, InputError> {
    strict::parse(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Deserializes `T` from a JSON value, as [`from_json_str`] does (without lines and columns).
pub fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, InputError> {
    from_value_in(value, None)
}

/// Distinct unknown fields (each costs one more pass; all its occurrences go at once).
const MAX_UNKNOWN_FIELDS: usize = 100;
/// Occurrences listed one by one; the rest are counted in a last issue.
const MAX_LISTED: usize = 1000;
/// Occurrences given a line and column (each scans the text).
const MAX_LOCATED: usize = 50;

fn from_value_in<T: serde::de::DeserializeOwned>(
    mut value: serde_json::Value,
    text: Option<&str>,
) -> Result<T, InputError> {
    let mut errors: Vec<InputIssue> = Vec::new();
    let (mut fields, mut unlisted) = (0, 0usize);
    loop {
        let err = match de::from_value::<T>(&value) {
            Ok(v) if errors.is_empty() => return Ok(v),
            Ok(_) => break,
            Err(e) => e,
        };
        let (mut path, msg) = (err.path, err.message);
        if let Some(key) = unknown_field_name(&msg) {
            // The tracked path usually ends at the unknown key already.
            if path.last() != Some(&locate::Seg::Key(key.to_string())) {
                path.push(locate::Seg::Key(key.to_string()));
            }
            let removed = if fields < MAX_UNKNOWN_FIELDS {
                locate::remove_all(&mut value, &path)
            } else {
                Vec::new()
            };
            if !removed.is_empty() {
                fields += 1;
                for p in removed {
                    if errors.len() < MAX_LISTED {
                        let text = text.filter(|_| errors.len() < MAX_LOCATED);
                        errors.push(unknown_field_issue(&p, text));
                    } else {
                        unlisted += 1;
                    }
                }
                continue;
            }
        }
        let (kind, zh, en) = classify(&msg, false);
        let (line, column) = text.and_then(|t| locate::position(t, &path)).unzip();
        errors.push(InputIssue {
            loc: locate::render(&path),
            line,
            column,
            kind,
            msg_zh: zh,
            msg_en: en,
        });
        break;
    }
    if unlisted > 0 {
        errors.push(InputIssue {
            loc: String::new(),
            line: None,
            column: None,
            kind: InputErrorKind::UnknownField,
            msg_zh: format!("另有{unlisted}处未知字段未逐一列出"),
            msg_en: format!("{unlisted} more unknown fields not listed"),
        });
    }
    Err(InputError {
        source_name: None,
        errors,
    })
}

/// The field named by serde's "unknown field `x`, expected …" message.
fn unknown_field_name(msg: &str) -> Option<&str> {
    let rest = msg.strip_prefix("unknown field `")?;
    let end = rest.find("`, expected").or_else(|| rest.rfind('`'))?;
    rest.get(..end)
}

fn unknown_field_issue(path: &[locate::Seg], text: Option<&str>) -> InputIssue {
    let loc = locate::render(path);
    let (line, column) = text.and_then(|t| locate::position(t, path)).unzip();
    InputIssue {
        msg_zh: format!("未知字段{loc}:不会被检查,请删除或更正拼写"),
        msg_en: format!(
            "unknown field `{loc}`: it would not be checked; remove it or fix its spelling"
        ),
        loc,
        line,
        column,
        kind: InputErrorKind::UnknownField,
    }
}

impl Dataset {
    /// Parses a dataset from JSON text.
    ///
    /// ```
    /// let err = xianjie::Dataset::from_json_str(r#"{"schools": [{"id": "S1", "name": "甲", "level": "secondary", "colour": 1}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.errors[0].loc, "schools[0].colour");
    /// ```
    pub fn from_json_str(text: &str) -> Result<Dataset, InputError> {
        from_json_str(text)
    }
    /// Serializes to pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
