#![warn(missing_docs)]
//! JavaScript binding of `xianjie` (衔接): converts values and maps errors, nothing else.
//!
//! Values cross as JSON (the same documents the CLI and Python use): decimals are strings,
//! instants are ISO 8601 strings with their offset. Errors are thrown as JS `Error` objects with
//! `code`, `path` and `errors` properties, which the package's entry points make `XianjieError`s
//! (`js/errors.js`, see `wasm/README.md`); `path` is a place in the caller's data or options.
//! TypeScript types for every value are generated from the core's JSON Schemas into
//! `src/types.d.ts` (`cargo test -p xianjie-wasm`).
//!
//! Feature `meta` (default) adds `rules`, `explain`, `schema`, `sample`, `samples` and the
//! aggregations (`aggregate.rs`). The package ships two modules: the checking one without `meta`,
//! loaded on import, and the full one, loaded on the first call of one of those (see
//! `js/index.js`), to keep the first download small.

#[cfg(feature = "meta")]
mod aggregate;
#[cfg_attr(not(feature = "meta"), allow(dead_code))]
mod types;
mod value;

use js_sys::{Reflect, JSON};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use tsify::{Ts, Tsify};
use types::*;
use wasm_bindgen::prelude::*;
use xianjie::reference::source::{self, Table};
use xianjie::{forms, input, Dataset, InputError, Lang, Limits, PackError};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// Options of `check` and `checkField`; every member may be omitted.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckOptions {
    /// Built-in pack ids to check with; empty or absent means every built-in pack.
    #[serde(default)]
    pub packs: Vec<String>,
    /// Parameters, `"<rule id>.<name>"` to a value written as a string (exact, e.g. `"30"`, `"60%"`).
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    /// Preferred language of rendered text; findings always carry both `zh` and `en`.
    #[serde(default)]
    pub lang: Lang,
    /// Limits on what is read, by the names of the CLI's `--limit` and Python's `limits=` (e.g.
    /// `{nesting_depth: 32}`); a value may also be text such as `"64 MiB"`. An unknown name or a
    /// bad value is an input error listing the known names.
    #[serde(default, deserialize_with = "limit_values")]
    #[schemars(with = "xianjie::Limits")]
    pub limits: BTreeMap<String, String>,
}

/// Limit values as written, a number or text (`"64 MiB"`), kept as text for `Limits::set`.
/// Read by hand into the map type `params` already uses: far smaller in the module than a JSON
/// value or another map type.
fn limit_values<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    struct Text(String);
    impl<'de> Deserialize<'de> for Text {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(Values)
        }
    }
    struct Values;
    impl<'de> serde::de::Visitor<'de> for Values {
        type Value = Text;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a whole number or text such as \"64 MiB\"")
        }
        fn visit_u64<E>(self, n: u64) -> Result<Text, E> {
            Ok(Text(n.to_string()))
        }
        fn visit_str<E>(self, s: &str) -> Result<Text, E> {
            Ok(Text(s.to_string()))
        }
    }
    struct Map;
    impl<'de> serde::de::Visitor<'de> for Map {
        type Value = BTreeMap<String, String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of limits")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut m: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, Text(v))) = m.next_entry::<String, Text>()? {
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Map)
}

impl CheckOptions {
    /// The core's `Limits` with the given ones set; a problem is located at `limits.<name>` in
    /// the caller's options.
    fn limits(&self) -> Result<Limits, JsValue> {
        let mut limits = Limits::default();
        let mut errors = Vec::new();
        for (k, v) in &self.limits {
            if let Err(e) = limits.set(k, v) {
                errors.extend(e.errors.into_iter().map(|mut i| {
                    if i.loc.is_empty() {
                        i.loc = format!("limits.{k}");
                    }
                    i
                }));
            }
        }
        if errors.is_empty() {
            Ok(limits)
        } else {
            Err(input_error(InputError {
                source_name: None,
                errors,
            }))
        }
    }

    /// Where a pack error lies in these options, when it comes from them (`origin` is
    /// `parameter <key>` or `pack <id>`): `params["<key>"]` or `packs[<i>]`.
    fn place(&self, e: &PackError) -> Option<String> {
        if let Some(key) = e.origin.strip_prefix("parameter ") {
            return Some(format!("params[{key:?}]"));
        }
        let id = e.origin.strip_prefix("pack ")?;
        let i = self.packs.iter().position(|p| p == id)?;
        Some(format!("packs[{i}]"))
    }
}

/// A JS `Error` carrying the core's structured error.
fn js_error(message: &str, name: &str, code: &str, path: &str, errors: JsValue) -> JsValue {
    let e = js_sys::Error::new(message);
    e.set_name(name);
    let o: &JsValue = e.as_ref();
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(o, &"code".into(), &code.into());
    let _ = Reflect::set(o, &"path".into(), &path.into());
    let _ = Reflect::set(o, &"errors".into(), &errors);
    e.into()
}

fn input_error(e: InputError) -> JsValue {
    let first = e.errors.first();
    let code = first.map_or("value", |i| i.kind.as_str());
    let path = first.map_or("", |i| i.loc.as_str());
    js_error(&e.to_string(), "InputError", code, path, to_js(&e.errors))
}

/// The pack error thrown as a JS `Error`; `place` is where it lies in the caller's options, if
/// it comes from them (else the place in the pack).
fn pack_error(e: &PackError, place: Option<String>) -> JsValue {
    let wire = to_js(e);
    let err = js_error(
        &e.to_string(),
        "PackError",
        "pack",
        place.as_deref().unwrap_or(&e.loc),
        js_sys::Array::of1(&wire).into(),
    );
    // The typed error's own fields on the thrown object too (`type`, `id`, `known`, `msg_zh`, …),
    // except those of the `Error` itself (an `unknown_param` error's `name` is the parameter's).
    if let Ok(keys) = Reflect::own_keys(&wire) {
        for k in keys.iter().filter(|k| {
            !matches!(
                k.as_string().as_deref(),
                Some("message" | "name" | "code" | "path" | "errors" | "stack")
            )
        }) {
            if let Ok(v) = Reflect::get(&wire, &k) {
                let _ = Reflect::set(&err, &k, &v);
            }
        }
    }
    err
}

/// Rust value → JS value, through JSON (the documented wire format).
fn to_js<T: Serialize + ?Sized>(v: &T) -> JsValue {
    serde_json::to_string(v)
        .ok()
        .and_then(|s| JSON::parse(&s).ok())
        .unwrap_or(JsValue::NULL)
}

fn out<T: Tsify, V: Serialize + ?Sized>(v: &V) -> Ts<T> {
    Ts::new_unchecked(to_js(v))
}

/// JS value → JSON value (`value::to_json`: NaN, cycles, depth … refused, located).
fn json(v: &JsValue, limits: &Limits) -> Result<serde_json::Value, JsValue> {
    value::to_json(v, limits).map_err(input_error)
}

/// The dataset: JSON text as is (located by line and column), any other value converted.
fn dataset(data: &JsValue, limits: &Limits) -> Result<Dataset, JsValue> {
    if let Some(text) = data.as_string() {
        return Dataset::from_json_str_with(&text, limits).map_err(input_error);
    }
    // Read from the value itself: no text to print and parse again (and no line or column
    // pointing into text the caller never saw).
    input::from_value_with(json(data, limits)?, limits).map_err(input_error)
}

fn options(opts: Option<Ts<CheckOptionsT>>) -> Result<CheckOptions, JsValue> {
    match opts {
        Some(o) if !o.js_value().is_null() && !o.js_value().is_undefined() => {
            input::from_value(json(&o.js_value(), &Limits::default())?).map_err(input_error)
        }
        _ => Ok(CheckOptions::default()),
    }
}

/// Reads the options (their limits first), then the dataset, then checks with the built-in
/// packs named in the options (the only packs JS can name).
fn run(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<(Dataset, xianjie::Report), JsValue> {
    let o = options(opts)?;
    let ds = dataset(&data.js_value(), &o.limits()?)?;
    let checker =
        xianjie::Checker::builtin(&o.packs, &o.params).map_err(|e| pack_error(&e, o.place(&e)))?;
    let report = checker.check(&ds);
    Ok((ds, report))
}

/// Checks a dataset (object or JSON text) and returns the report.
#[wasm_bindgen]
pub fn check(
    data: Ts<DatasetInputT>,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<ReportT>, JsValue> {
    Ok(out(&run(data, opts)?.1))
}

/// Checks the whole form `data` and returns the findings concerning the field at `path` (e.g.
/// `semester_activities[0].meetings`) of a record of collection `kind` (e.g. `semester_activities`).
#[wasm_bindgen(js_name = checkField)]
pub fn check_field(
    kind: &str,
    data: Ts<DatasetInputT>,
    path: &str,
    opts: Option<Ts<CheckOptionsT>>,
) -> Result<Ts<FindingListT>, JsValue> {
    let (ds, report) = run(data, opts)?;
    let found = forms::field_findings(&ds, &report, kind, path).map_err(input_error)?;
    Ok(out(&found))
}

#[cfg(feature = "meta")]
/// The rules of built-in pack `pack`, or of every built-in pack.
#[wasm_bindgen]
pub fn rules(pack: Option<String>) -> Result<Ts<RuleListT>, JsValue> {
    let opts = xianjie::Options {
        packs: pack.into_iter().collect(),
        ..Default::default()
    };
    // The one pack named is the argument `pack`.
    let checker = xianjie::Checker::new(&opts).map_err(|e| pack_error(&e, Some("pack".into())))?;
    let all: Vec<&xianjie::Rule> = checker.packs().iter().flat_map(|p| &p.rules).collect();
    Ok(out(&all))
}

#[cfg(feature = "meta")]
/// JSON Schema of one record of collection `kind` (e.g. `applications`), or of the whole
/// document for `dataset`; `undefined` for an unknown name.
#[wasm_bindgen]
pub fn schema(kind: &str) -> Option<Ts<JsonSchemaT>> {
    let all: js_sys::Object = JSON::parse(SCHEMAS).ok()?.unchecked_into();
    let key = JsValue::from_str(kind);
    if !js_sys::Object::has_own(&all, &key) {
        return None;
    }
    Reflect::get(&all, &key).ok().map(Ts::new_unchecked)
}

#[cfg(feature = "meta")]
/// The core's schemas by kind, generated by `examples/schemas.rs` (a test keeps the file current):
/// embedding the text is far smaller than embedding a schema generator.
const SCHEMAS: &str = include_str!("schemas.json");

#[cfg(feature = "meta")]
/// A built-in rule with its pack (clause, quote, source document); `undefined` if unknown.
#[wasm_bindgen]
pub fn explain(#[wasm_bindgen(js_name = ruleId)] rule_id: &str) -> Option<Ts<RuleInfoT>> {
    forms::explain(rule_id).map(|i| out(&i))
}

#[cfg(feature = "meta")]
/// The bundled sample dataset `name`; `undefined` if unknown.
#[wasm_bindgen]
pub fn sample(name: &str) -> Option<Ts<DatasetT>> {
    xianjie::sample::load(name).map(|d| out(&d))
}

#[cfg(feature = "meta")]
/// Names of the bundled samples.
#[wasm_bindgen]
pub fn samples() -> Vec<String> {
    xianjie::sample::names()
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// File names of the reference tables this module still needs (none once loaded or embedded).
#[wasm_bindgen(js_name = referenceFiles)]
pub fn reference_files() -> Vec<String> {
    Table::ALL
        .into_iter()
        .filter(|t| !t.is_loaded())
        .map(|t| t.file_name().to_string())
        .collect()
}

/// Loads a reference table from the text of the file shipped with the package.
#[wasm_bindgen(js_name = loadReferenceText)]
pub fn load_reference_text(file: &str, text: String) -> Result<(), JsValue> {
    source::load(file, text).map_err(|e| {
        let msg = format!("{} / {}", e.message.zh, e.message.en);
        js_error(
            &msg,
            "ReferenceError",
            "reference",
            &e.file,
            JsValue::UNDEFINED,
        )
    })
}

/// Ids of the built-in packs.
#[wasm_bindgen(js_name = packIds)]
pub fn pack_ids() -> Vec<String> {
    xianjie::rules::builtin_ids()
        .into_iter()
        .map(String::from)
        .collect()
}
