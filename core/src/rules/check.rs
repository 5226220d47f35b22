//! The closed set of check kinds. Each kind's parameters and evaluation live in `crate::checks`.

use super::CheckError;
use serde::Deserialize;

pub use crate::checks::Check;

// Read through a JSON value rather than derived: the derive for an internally tagged enum buffers
// every check into serde's private `Content` and compiles each kind's reader once more for it,
// which made up a tenth of the WebAssembly module. A value is read once, `kind` taken out, and
// the kind's parameters read from the rest.
impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        Check::from_value(value).map_err(|e| {
            let text = e.to_string();
            READ_ERROR.with(|r| r.replace(Some(e)));
            serde::de::Error::custom(text)
        })
    }
}

thread_local! {
    /// The last check that could not be read, typed: a reader of a whole pack (TOML) can only
    /// carry it as text, so the pack loader takes it back from here.
    static READ_ERROR: std::cell::RefCell<Option<CheckError>> = const { std::cell::RefCell::new(None) };
}

/// Takes the typed error of the last check that could not be read on this thread, if any.
#[cfg(feature = "toml")]
pub(crate) fn take_read_error() -> Option<CheckError> {
    READ_ERROR.with(|r| r.take())
}

impl Check {
    /// Reads a check from a JSON object with its `kind`.
    pub fn from_value(value: serde_json::Value) -> Result<Check, CheckError> {
        use serde_json::Value;
        // Read as the dataset is (`crate::input`), so the module carries one reader per type.
        let Value::Object(mut obj) = value else {
            return Err(CheckError::NotATable {
                found: value.to_string(),
            });
        };
        let kind = match obj.remove("kind") {
            Some(Value::String(k)) => k,
            Some(other) => {
                return Err(CheckError::KindNotText {
                    found: other.to_string(),
                })
            }
            None => return Err(CheckError::MissingKind),
        };
        let v = Value::Object(obj);
        // A threshold left over from an earlier read must not be taken for this check's.
        let _ = super::fraction::take_threshold_error();
        let e = |e: crate::input::de::Error| {
            let at = crate::input::locate::render(&e.path);
            match super::fraction::take_threshold_error() {
                Some(error) => CheckError::Threshold {
                    kind: kind.clone(),
                    at,
                    error,
                },
                None => CheckError::Param {
                    kind: kind.clone(),
                    at,
                    detail: e.message(),
                },
            }
        };
        match Check::read(&kind, v) {
            Some(r) => r.map_err(e),
            None => Err(CheckError::UnknownKind {
                kind,
                known: CheckError::names(Check::KINDS),
            }),
        }
    }
}
