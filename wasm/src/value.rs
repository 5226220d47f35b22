//! JS values → JSON values for the core's reader. `JSON.stringify` would turn `NaN` and the
//! infinities into `null` (a missing value: the form would pass), `-0` into `0`, drop functions and
//! turn a `Map` into `{}` without a word, and throw a bare `TypeError` on a cycle; here each of
//! those is a located input issue (messages from `xianjie::host`), every one listed (up to
//! `errors_listed`, the rest counted). Depth, string length and array length are bounded by the
//! `Limits` before the value is copied. `undefined` members are left out, as `JSON.stringify`
//! does (a missing value); `toJSON` (a `Date`) is honoured.

use js_sys::{Array, Function, JsString, Object, Reflect};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};
use xianjie::host;
use xianjie::limits::{Limit, Limits, MAX_NESTING_DEPTH};
use xianjie::{InputError, InputIssue};

/// The JSON value of `v`, or every problem found in it.
pub fn to_json(v: &JsValue, limits: &Limits) -> Result<Value, InputError> {
    let mut w = Walk {
        limits,
        path: Vec::new(),
        issues: Vec::new(),
        unlisted: 0,
    };
    let out = w.convert(v, "");
    if w.unlisted > 0 {
        w.issues.push(host::unlisted(w.unlisted));
    }
    if w.issues.is_empty() {
        Ok(out.unwrap_or(Value::Null))
    } else {
        Err(InputError {
            source_name: None,
            errors: w.issues,
        })
    }
}

struct Walk<'a> {
    limits: &'a Limits,
    /// The objects from the root to the value being converted (for cycles and depth).
    path: Vec<JsValue>,
    issues: Vec<InputIssue>,
    unlisted: u64,
}

type Conversion = Result<Option<Value>, InputIssue>;

/// The message of a thrown JS value.
fn thrown(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_default()
}

/// The name of `v`'s constructor (`Map`, `Date`), for messages; empty when it has none.
fn constructor_name(v: &JsValue) -> String {
    Reflect::get(v, &"constructor".into())
        .and_then(|c| Reflect::get(&c, &"name".into()))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

fn number(f: f64, loc: &str) -> Conversion {
    let bad = if f.is_nan() {
        "NaN"
    } else if f == f64::INFINITY {
        "Infinity"
    } else if f == f64::NEG_INFINITY {
        "-Infinity"
    } else if f == 0.0 && f.is_sign_negative() {
        "-0"
    } else if f.fract() == 0.0 && f.abs() < 9.0e15 {
        // Exact: a whole number below 2^53 is an integer.
        return Ok(Some(Value::Number(Number::from(f as i64))));
    } else {
        return Ok(Number::from_f64(f).map(Value::Number));
    };
    Err(host::not_finite(loc, bad))
}

impl Walk<'_> {
    fn push(&mut self, issue: InputIssue) {
        if (self.issues.len() as u64) < self.limits.errors_listed {
            self.issues.push(issue);
        } else {
            self.unlisted += 1;
        }
    }

    /// `value`, with a problem recorded and the value left out.
    fn convert(&mut self, v: &JsValue, loc: &str) -> Option<Value> {
        match self.value(v, loc) {
            Ok(v) => v,
            Err(issue) => {
                self.push(issue);
                Some(Value::Null)
            }
        }
    }

    fn text(&self, v: &JsValue, loc: &str) -> Result<String, InputIssue> {
        let s: &JsString = v.unchecked_ref();
        let max = self.limits.string_chars;
        // UTF-16 units are at least the characters and at most twice them: a string over twice
        // the limit is refused before it is copied.
        let units = u64::from(s.length());
        if units > max.saturating_mul(2) {
            return Err(self.limits.exceeded(Limit::StringChars, loc, None));
        }
        if !s.is_valid_utf16() {
            return Err(host::not_unicode(loc));
        }
        let text = v.as_string().unwrap_or_default();
        let chars = text.chars().count() as u64;
        if chars > max {
            return Err(self.limits.exceeded(Limit::StringChars, loc, Some(chars)));
        }
        Ok(text)
    }

    fn value(&mut self, v: &JsValue, loc: &str) -> Conversion {
        if v.is_undefined() {
            return Ok(None);
        }
        if v.is_null() {
            return Ok(Some(Value::Null));
        }
        if let Some(b) = v.as_bool() {
            return Ok(Some(Value::Bool(b)));
        }
        if let Some(f) = v.as_f64() {
            return number(f, loc);
        }
        if v.is_string() {
            return self.text(v, loc).map(|s| Some(Value::String(s)));
        }
        if !v.is_object() {
            // A function, symbol or bigint: JSON.stringify drops or throws on them.
            let ty = v.js_typeof().as_string().unwrap_or_default();
            return Err(host::unsupported(loc, &ty));
        }
        if self.path.iter().any(|p| Object::is(p, v)) {
            return Err(host::cycle(loc));
        }
        let depth = self.limits.nesting_depth.min(MAX_NESTING_DEPTH);
        if self.path.len() as u64 >= depth {
            return Err(self.limits.exceeded(Limit::NestingDepth, loc, None));
        }
        self.path.push(v.clone());
        let r = self.object(v, loc);
        self.path.pop();
        r
    }

    fn object(&mut self, v: &JsValue, loc: &str) -> Conversion {
        if Array::is_array(v) {
            let a: &Array = v.unchecked_ref();
            let n = a.length();
            if u64::from(n) > self.limits.records {
                let found = Some(u64::from(n));
                return Err(self.limits.exceeded(Limit::Records, loc, found));
            }
            let mut out = Vec::with_capacity(n as usize);
            for i in 0..n {
                let item = self.convert(&a.get(i), &format!("{loc}[{i}]"));
                out.push(item.unwrap_or(Value::Null));
            }
            return Ok(Some(Value::Array(out)));
        }
        let ctor = constructor_name(v);
        if v.is_instance_of::<js_sys::Map>() || v.is_instance_of::<js_sys::Set>() {
            return Err(host::unsupported(loc, &ctor));
        }
        // `toJSON` (a Date's ISO text), as JSON.stringify does.
        let to_json = Reflect::get(v, &"toJSON".into()).unwrap_or(JsValue::UNDEFINED);
        if let Some(f) = to_json.dyn_ref::<Function>() {
            let r = f
                .call0(v)
                .map_err(|e| host::conversion_failed(loc, &ctor, &thrown(&e)))?;
            return self.value(&r, loc);
        }
        let mut map = Map::new();
        let obj: &Object = v.unchecked_ref();
        for key in Object::keys(obj).iter() {
            let k = match self.text(&key, loc) {
                Ok(k) => k,
                Err(issue) => {
                    self.push(issue);
                    continue;
                }
            };
            let child = if loc.is_empty() {
                k.clone()
            } else {
                format!("{loc}.{k}")
            };
            match Reflect::get(v, &key) {
                Ok(item) => {
                    if let Some(x) = self.convert(&item, &child) {
                        map.insert(k, x);
                    }
                }
                Err(e) => self.push(host::conversion_failed(&child, &ctor, &thrown(&e))),
            }
        }
        Ok(Some(Value::Object(map)))
    }
}
