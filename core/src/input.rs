//! Reading a dataset: every problem located (JSON path, line and column), every unknown field
//! reported, never a panic.

use crate::limits::{Limit, Limits};
use crate::model::Dataset;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of input problem, stable for filtering and translation.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
    /// A key given twice in one object (a plain JSON reader would keep the last one silently).
    DuplicateKey,
    /// A file could not be read.
    Io,
    /// Over one of the [`Limits`] (size, count, depth), refused before
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
            Self::DuplicateKey => "duplicate_key",
            Self::Io => "io",
            Self::Limit => "limit",
        }
    }
}

/// One problem in the input, located.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
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

pub(crate) mod dates;
pub(crate) mod de;
#[cfg(feature = "bulk")]
mod direct;
pub(crate) mod locate;
// Used only to read into columns (`columns::read_json_for_check`).
#[cfg(all(feature = "bulk", feature = "arrow"))]
pub(crate) mod sink;
mod stream;
mod strict;
pub(crate) mod words;

thread_local! {
    /// Characters of a user's value quoted in a message, for the read under way (serde's error
    /// hooks take no arguments, so the limit reaches them here).
    static QUOTE: std::cell::Cell<u64> = const { std::cell::Cell::new(80) };
}

/// `s` as quoted in a message: abbreviated to the read's [`Limits::message_chars`].
pub(crate) fn quote(s: &str) -> std::borrow::Cow<'_, str> {
    crate::limits::abbreviate(s, QUOTE.with(std::cell::Cell::get))
}

/// Sets the quoting length for the current read; the previous one comes back on drop.
struct QuoteFor(u64);

impl QuoteFor {
    fn set(limits: &Limits) -> Self {
        QuoteFor(QUOTE.with(|q| q.replace(limits.message_chars)))
    }
}

impl Drop for QuoteFor {
    fn drop(&mut self) {
        QUOTE.with(|q| q.set(self.0));
    }
}

/// Deserializes `T` from JSON text under the default [`Limits`]; see [`from_json_str_with`].
pub fn from_json_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, InputError> {
    from_json_str_with(text, &Limits::default())
}

/// Deserializes `T` from JSON text, listing every problem with its place (path, line, column):
/// each bad value, each unknown field, each limit exceeded, up to [`Limits::errors_listed`] one
/// by one and the rest counted in a last issue.
///
/// Text longer than [`Limits::input_bytes`] is refused before it is parsed; nesting deeper than
/// [`Limits::nesting_depth`], text longer than [`Limits::string_chars`] and arrays longer than
/// [`Limits::records`] are refused as they are met. (serde_json's own nesting cap of 128 stays
/// as a backstop; ours, 64 by default, speaks first.)
///
/// A [`Dataset`] read by [`Dataset::from_json_str_with`] (or [`Dataset::from_json_str`]) goes a
/// direct path first (`input/direct.rs`, feature `bulk`): serde_json's text reader feeds the
/// typed records through an adapter that enforces what this function enforces (the limits,
/// repeated keys, unknown fields, structs only from objects) and hands each field's reader the
/// values the typed reader (`input/de.rs`) would hand it (numbers parsed by the same code both
/// ways, so an exact decimal comes out the same), with no JSON value per record. It only ever
/// returns what this function returns: on anything at all it declines, and the text is read
/// here, which reports every problem. This function itself, for any `T`, goes the ways below.
///
/// Valid input is read member by member, each record a JSON value only while it is read
/// (`input/stream.rs`, feature `streaming`; without it, as one value), so memory stays near the
/// size of the result. When that fails and `T` is a document of optional collections (a
/// [`Dataset`]), the text is read again member by member and each record is read on its own, so
/// that every bad record is reported in document order, those before a syntax error too, and
/// the document is never held whole. Otherwise (packs, options) the document is read into a
/// value (syntax errors and duplicate keys, located) and `T` read from it by our own reader (`input::de`). Either way, a bad field is reported and taken out so the rest of its record is
/// read too, and the unknown fields of a struct all go in one pass. (One reader for every type
/// keeps the WebAssembly module small: each reader compiles every type's deserializer once more.)
///
/// ```
/// use xianjie::limits::Limits;
/// let mut limits = Limits::default();
/// limits.nesting_depth = 3;
/// let err = xianjie::input::from_json_str_with::<xianjie::Dataset>(r#"{"name": [[[1]]]}"#, &limits)
///     .unwrap_err();
/// assert_eq!((err.errors[0].kind.as_str(), err.errors[0].loc.as_str()), ("limit", "name[0][0]"));
/// ```
pub fn from_json_str_with<T: serde::de::DeserializeOwned>(
    text: &str,
    limits: &Limits,
) -> Result<T, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() as u64 > limits.input_bytes {
        let issue = limits.exceeded(Limit::InputBytes, "", Some(text.len() as u64));
        return Err(InputError {
            source_name: None,
            errors: vec![issue],
        });
    }
    let _quote = QuoteFor::set(limits);
    // Record by record, in little memory.
    #[cfg(feature = "streaming")]
    if let Some(v) = stream::read(text, limits) {
        return Ok(v);
    }
    let mut out = None;
    read_text(text, limits, &mut |v| {
        de::from_value::<T>(v).map(|t| out = Some(t))
    })?;
    // `read_text` is `Ok` only right after a whole read of `T` succeeded.
    out.ok_or_else(|| InputError {
        source_name: None,
        errors: Vec::new(),
    })
}

/// What reads the typed value out of a JSON value, keeping it when it reads. The readers below
/// take one, so that their bodies are compiled once rather than once per type read (their size
/// counts in the WebAssembly module).
type Read<'r> = &'r mut dyn FnMut(&serde_json::Value) -> Result<(), de::Error>;

/// The body of [`from_json_str_with`] after the size check; `Ok` only when the last call of
/// `read` read the whole document.
fn read_text(text: &str, limits: &Limits, read: Read<'_>) -> Result<(), InputError> {
    let by_member = text.trim_start().starts_with('{')
        && read(&serde_json::Value::Object(Default::default())).is_ok();
    if !by_member {
        let value = strict::parse(text, limits)?;
        return read_value(value, Some(text), limits, read);
    }
    #[cfg(not(feature = "streaming"))]
    if let Ok(value) = strict::parse(text, limits) {
        if read(&value).is_ok() {
            return Ok(());
        }
    }
    // Again, record by record, each on its own, to find every problem in document order.
    let mut sink = Sink::new(limits, Some(text));
    let stopped = stream::collect(text, limits, &mut |key, i, v| {
        read_member(key, i, v, &mut sink, read)
    });
    if let Err(issue) = stopped {
        sink.push(issue);
    }
    if sink.is_empty() {
        // Should not happen (the first read failed); say so rather than pass.
        let value = strict::parse(text, limits)?;
        return read_value(value, Some(text), limits, read);
    }
    Err(sink.finish())
}

/// Reads one member of a document of optional collections as a document of its own (with record
/// `i` alone in its collection), reporting its problems at their places in the whole document.
fn read_member(
    key: &str,
    i: Option<usize>,
    v: serde_json::Value,
    sink: &mut Sink<'_>,
    read: Read<'_>,
) {
    let member = |v: serde_json::Value| {
        let mut doc = serde_json::Map::new();
        doc.insert(key.to_string(), v);
        serde_json::Value::Object(doc)
    };
    // An array where no collection is expected is wrong once, not once per element.
    let empty = member(serde_json::Value::Array(Vec::new()));
    if i.is_some_and(|i| i > 0) && read(&empty).is_err() {
        return;
    }
    let mut doc = member(match i {
        Some(_) => serde_json::Value::Array(vec![v]),
        None => v,
    });
    let at = |mut p: Vec<locate::Seg>| {
        if let (Some(i), Some(locate::Seg::Index(j))) = (i, p.get_mut(1)) {
            *j = i;
        }
        p
    };
    mend_all(&mut doc, sink, &at, read);
}

/// The direct path alone ([`Dataset::from_json_str_with`] tries it first): the dataset read
/// straight from the text, or `None` where it declines. For the tests that hold it to the
/// generic path ([`from_json_str_with`]): whenever this is `Some`, that is `Ok` with the same
/// dataset.
#[cfg(feature = "bulk")]
#[doc(hidden)]
pub fn read_direct(text: &str, limits: &Limits) -> Option<Dataset> {
    direct::read(text, limits)
}

/// As [`read_direct`], parsing the document as `reader` gives it rather than from text held
/// whole; `None` where the direct path declines (the caller then reads the text whole).
#[cfg(feature = "bulk")]
#[doc(hidden)]
pub fn read_direct_from(reader: impl std::io::Read, limits: &Limits) -> Option<Dataset> {
    direct::read_from(reader, limits)
}

/// Reads JSON text into a value, refusing duplicate keys; errors are located.
pub fn parse_value(text: &str) -> Result<serde_json::Value, InputError> {
    strict::parse(
        text.strip_prefix('\u{feff}').unwrap_or(text),
        &Limits::default(),
    )
}

/// Deserializes `T` from a JSON value, as [`from_json_str`] does (without lines and columns).
pub fn from_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, InputError> {
    from_value_in(value, None, &Limits::default())
}

/// [`from_value`] under `limits` (as the bindings read converted host values).
pub fn from_value_with<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    limits: &Limits,
) -> Result<T, InputError> {
    from_value_in(value, None, limits)
}

/// Occurrences given a line and column (each scans the text).
const MAX_LOCATED: usize = 50;
/// Reads of one value while looking for its problems (each finds at least one more).
const MAX_PASSES: usize = 1000;

fn from_value_in<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    text: Option<&str>,
    limits: &Limits,
) -> Result<T, InputError> {
    let _quote = QuoteFor::set(limits);
    let mut out = None;
    read_value(value, text, limits, &mut |v| {
        de::from_value::<T>(v).map(|t| out = Some(t))
    })?;
    // `read_value` is `Ok` only right after a whole read of `T` succeeded.
    out.ok_or_else(|| InputError {
        source_name: None,
        errors: Vec::new(),
    })
}

/// The body of [`from_value_in`]: `Ok` only when the last call of `read` read the whole value
/// and nothing had to be mended.
fn read_value(
    mut value: serde_json::Value,
    text: Option<&str>,
    limits: &Limits,
    read: Read<'_>,
) -> Result<(), InputError> {
    let mut sink = Sink::new(limits, text);
    if mend_all(&mut value, &mut sink, &|p| p, read) && sink.is_empty() {
        return Ok(());
    }
    Err(sink.finish())
}

/// Reads `value` with `read`, putting every problem found into `sink` (paths passed through `at`
/// to place them in the whole document); true when a read succeeded (of the value as mended if
/// `sink` grew).
///
/// After each problem the value is mended so that reading can go on: the unknown fields of the
/// struct that refused one are all taken out (wherever that struct occurs), a bad field is
/// taken out of its record. A problem that only follows from a mending (the field just taken out
/// is now missing) is not reported; what holds it is taken out in turn.
fn mend_all(
    value: &mut serde_json::Value,
    sink: &mut Sink<'_>,
    at: &dyn Fn(Vec<locate::Seg>) -> Vec<locate::Seg>,
    read: Read<'_>,
) -> bool {
    use locate::Seg;
    use words::Problem;
    let mut taken: Vec<Vec<Seg>> = Vec::new();
    for _ in 0..MAX_PASSES {
        let err = match read(value) {
            Ok(()) => return true,
            Err(e) => e,
        };
        let located = err.into_located();
        let (mut path, problem) = (located.path, *located.problem);
        // A problem that follows from a mending: the field taken out is now missing, or the
        // object it was taken from no longer reads (an enum left without its variant).
        let consequence = match &problem {
            Problem::Missing { field } => {
                let mut p = path.clone();
                p.push(Seg::Key(field.to_string()));
                taken.contains(&p)
            }
            _ => taken
                .iter()
                .any(|t| t.len() > path.len() && t.starts_with(&path)),
        };
        if consequence {
            // Not reported; what holds it is taken out too, and the rest read on.
            if take_out(value, path, &mut taken) {
                continue;
            }
            break;
        }
        if let Problem::UnknownField { known, .. } = &problem {
            // The path ends at the unknown key; the struct said which fields it knows.
            if matches!(path.last(), Some(Seg::Key(_))) {
                let key = path.pop();
                let removed = locate::remove_unknown(value, &path, known);
                let removed = if removed.is_empty() {
                    path.extend(key);
                    locate::remove_all(value, &path)
                } else {
                    removed
                };
                if !removed.is_empty() {
                    for p in removed {
                        sink.unknown(&at(p));
                    }
                    continue;
                }
            }
        }
        sink.error(&at(path.clone()), &problem);
        if !take_out(value, path, &mut taken) {
            break;
        }
    }
    false
}

/// Takes out of `value` the member that holds the value at `path` (the path up to its last
/// key), so that reading can go on past it; false if there is none.
fn take_out(
    value: &mut serde_json::Value,
    mut path: Vec<locate::Seg>,
    taken: &mut Vec<Vec<locate::Seg>>,
) -> bool {
    let Some(k) = path.iter().rposition(|s| matches!(s, locate::Seg::Key(_))) else {
        return false;
    };
    path.truncate(k + 1);
    let removed = locate::remove_at(value, &path);
    taken.push(path);
    removed
}

/// Problems found so far, up to [`Limits::errors_listed`] one by one and the rest counted.
struct Sink<'a> {
    limits: &'a Limits,
    text: Option<&'a str>,
    listed: Vec<InputIssue>,
    /// Problems not listed, and their kind if they share one.
    unlisted: u64,
    unlisted_kind: Option<InputErrorKind>,
}

impl<'a> Sink<'a> {
    fn new(limits: &'a Limits, text: Option<&'a str>) -> Self {
        Sink {
            limits,
            text,
            listed: Vec::new(),
            unlisted: 0,
            unlisted_kind: None,
        }
    }

    fn count(&self) -> u64 {
        self.listed.len() as u64 + self.unlisted
    }

    fn is_empty(&self) -> bool {
        self.count() == 0
    }

    fn full(&self) -> bool {
        self.listed.len() as u64 >= self.limits.errors_listed
    }

    fn push(&mut self, issue: InputIssue) {
        if self.full() {
            self.count_one(issue.kind);
        } else {
            self.listed.push(issue);
        }
    }

    fn count_one(&mut self, kind: InputErrorKind) {
        self.unlisted_kind = match (self.unlisted, self.unlisted_kind) {
            (0, _) => Some(kind),
            (_, Some(k)) if k == kind => Some(k),
            _ => None,
        };
        self.unlisted += 1;
    }

    /// Line and column of `path`, for the first few problems (each search scans the text).
    fn position(&self, path: &[locate::Seg]) -> (Option<usize>, Option<usize>) {
        self.text
            .filter(|_| self.listed.len() < MAX_LOCATED)
            .and_then(|t| locate::position(t, path))
            .unzip()
    }

    fn error(&mut self, path: &[locate::Seg], problem: &words::Problem) {
        let kind = problem.kind();
        if self.full() {
            return self.count_one(kind);
        }
        let (line, column) = self.position(path);
        // A number as written (2^64 keeps its digits; a decimal its trailing zeros).
        // (abbreviated: a number may have a million digits).
        let raw = self
            .text
            .filter(|_| line.is_some())
            .and_then(|t| locate::number_at(t, path))
            .map(quote);
        let (msg_zh, msg_en) = problem.words(raw.as_deref());
        self.listed.push(InputIssue {
            loc: locate::render(path),
            line,
            column,
            kind,
            msg_zh,
            msg_en,
        });
    }

    fn unknown(&mut self, path: &[locate::Seg]) {
        if self.full() {
            return self.count_one(InputErrorKind::UnknownField);
        }
        let (line, column) = self.position(path);
        let loc = locate::render(path);
        self.listed.push(InputIssue {
            msg_zh: format!("未知字段{loc}:不会被检查,请删除或更正拼写"),
            msg_en: format!(
                "unknown field `{loc}`: it would not be checked; remove it or fix its spelling"
            ),
            loc,
            line,
            column,
            kind: InputErrorKind::UnknownField,
        });
    }

    fn finish(mut self) -> InputError {
        if self.unlisted > 0 {
            let n = self.unlisted;
            let name = Limit::ErrorsListed.name();
            self.listed.push(InputIssue {
                loc: String::new(),
                line: None,
                column: None,
                kind: self.unlisted_kind.unwrap_or(InputErrorKind::Limit),
                msg_zh: format!("另有{n}个问题未逐一列出(可用限额{name}调整)"),
                msg_en: format!(
                    "{n} more problems not listed (raise the limit {name} to see them)"
                ),
            });
        }
        InputError {
            source_name: None,
            errors: self.listed,
        }
    }
}

impl Dataset {
    /// Parses a dataset from JSON text under the default [`Limits`].
    ///
    /// ```
    /// let err = xianjie::Dataset::from_json_str(r#"{"schools": [{"id": "S1", "name": "甲", "level": "secondary", "colour": 1}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.errors[0].loc, "schools[0].colour");
    /// ```
    pub fn from_json_str(text: &str) -> Result<Dataset, InputError> {
        // Without `bulk` (the WebAssembly module) the code is as it was before the direct path.
        #[cfg(feature = "bulk")]
        if let Some(ds) = direct::read(text, &Limits::default()) {
            return Ok(ds);
        }
        from_json_str(text)
    }
    /// Parses a dataset from JSON text under `limits` (see [`from_json_str_with`]): by the
    /// direct path first (feature `bulk`), and when that does not read it, by the generic one.
    pub fn from_json_str_with(text: &str, limits: &Limits) -> Result<Dataset, InputError> {
        #[cfg(feature = "bulk")]
        if let Some(ds) = direct::read(text, limits) {
            return Ok(ds);
        }
        from_json_str_with(text, limits)
    }
    /// Serializes to pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
