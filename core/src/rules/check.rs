//! The closed set of check kinds. Each kind's parameters and evaluation live in `crate::checks`.

use serde::Deserialize;

pub use crate::checks::Check;

// Read through a JSON value rather than derived: the derive for an internally tagged enum buffers
// every check into serde's private `Content` and compiles each kind's reader once more for it,
// which made up a tenth of the WebAssembly module. A value is read once, `kind` taken out, and
// the kind's parameters read from the rest.
impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        Check::from_value(value).map_err(serde::de::Error::custom)
    }
}

impl Check {
    /// Reads a check from a JSON object with its `kind`.
    pub fn from_value(value: serde_json::Value) -> Result<Check, String> {
        use serde_json::Value;
        // Read as the dataset is (`crate::input`), so the module carries one reader per type.
        let Value::Object(mut obj) = value else {
            return Err(format!(
                "expected a check (a table with `kind`), found {value}"
            ));
        };
        let kind = match obj.remove("kind") {
            Some(Value::String(k)) => k,
            Some(other) => return Err(format!("`kind` must be text, found {other}")),
            None => return Err("a check needs `kind`".into()),
        };
        let v = Value::Object(obj);
        let e = |e: crate::input::de::Error| {
            let at = crate::input::locate::render(&e.path);
            match at.as_str() {
                "" => format!("check of kind `{kind}`: {}", e.message()),
                _ => format!("check of kind `{kind}`, at `{at}`: {}", e.message()),
            }
        };
        match Check::read(&kind, v) {
            Some(r) => r.map_err(e),
            None => Err(format!(
                "unknown check kind `{kind}`; known kinds: {}",
                Check::KINDS.join(", ")
            )),
        }
    }
}
