#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Generates `python/xianjie/_types.py`, the Python types of the report and of input problems, from
//! the core's JSON Schemas, and fails when the committed file is stale (`XIANJIE_BLESS=1`
//! rewrites it): `XIANJIE_BLESS=1 cargo test -p xianjie-py --test generated`.
//!
//! Nothing here lists a type's fields: every class, field, `Literal` and default comes from what
//! `schemars` says of the core's types today, so a field added in core reaches Python by
//! regenerating, and this test fails until it is. The few Python-only choices are the tables
//! below (which types are dicts, which strings are exact numbers), each checked against the
//! schema. A second test checks that every face (this module and the TypeScript types of
//! `wasm/src/types.d.ts`) has exactly the fields the core's report types have.

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

const MODULE: &str = "python/xianjie/_types.py";
const MIXINS: &str = "python/xianjie/_mixins.py";

/// Types Python users read as dicts (`report.input_issues[0]["loc"]`, like pydantic's
/// `errors()`): a `TypedDict` whose every key is present (`None` when the core left it out).
const TYPED_DICTS: &[&str] = &["InputIssue"];

/// Strings Python reads as exact numbers: `Decimal` when the text is one, else the text (a goal
/// may read `>3`). Each must be a string property of the schema (checked).
const EXACT: &[(&str, &str)] = &[
    ("TargetProgress", "value"),
    ("TargetProgress", "goal"),
    ("TargetProgress", "stretch"),
];

/// Definitions whose Python name differs from the core's: the exception `xianjie.PackError` is
/// hand-written (an exception class), and holds the core's error as its `details`.
const RENAMED: &[(&str, &str)] = &[("PackError", "PackErrorDetails")];

/// The core's report types every face must carry field for field.
const FACES: &[&str] = &[
    "Report",
    "Finding",
    "RuleStatus",
    "TargetProgress",
    "InputIssue",
    "PackRef",
    "Counts",
    "PackError",
];

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every definition reachable from the report, an input error and the summary, by name.
fn defs() -> Map<String, Value> {
    let mut gen = SchemaSettings::draft2020_12().into_generator();
    gen.subschema_for::<xianjie::Report>();
    gen.subschema_for::<xianjie::InputIssue>();
    gen.subschema_for::<xianjie::PackError>();
    // The summary with the city tables (`xianjie.city_summary`), typed like the report.
    gen.subschema_for::<xianjie::aggregate::Summary>();
    gen.take_definitions(true)
}

/// The Python name of a definition (or of a `$ref` to one).
fn ident(reference: &str) -> String {
    let name = reference.rsplit('/').next().unwrap_or(reference);
    RENAMED
        .iter()
        .find(|(core, _)| *core == name)
        .map_or(name, |(_, py)| py)
        .to_string()
}

fn pascal(s: &str) -> String {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A Python string literal.
fn py_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn literal(values: &[Value], at: &str) -> String {
    let parts: Vec<String> = values
        .iter()
        .map(|v| match v {
            Value::String(s) => py_str(s),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
            other => panic!("{at}: a constant Python cannot spell as a Literal: {other}"),
        })
        .collect();
    // Two or more values are spelled `Union[Literal["a"], Literal["b"]]`, which type checkers
    // read as `Literal["a", "b"]`: at run time it is then a `Union`, as stubtest expects of
    // what mypy sees as one.
    if parts.len() == 1 {
        format!("Literal[{}]", parts[0])
    } else {
        let each: Vec<String> = parts.iter().map(|p| format!("Literal[{p}]")).collect();
        format!("Union[{}]", each.join(", "))
    }
}

/// A docstring body: backslashes and quotes escaped, lines kept.
fn doc(desc: Option<&Value>, indent: &str, out: &mut String) {
    let Some(d) = desc.and_then(Value::as_str) else {
        return;
    };
    let d = d.replace('\\', "\\\\").replace('"', "\\\"");
    let mut lines = d.lines();
    let first = lines.next().unwrap_or_default();
    let rest: Vec<&str> = lines.collect();
    if rest.is_empty() {
        let _ = writeln!(out, "{indent}\"\"\"{first}\"\"\"");
    } else {
        let _ = writeln!(out, "{indent}\"\"\"{first}");
        for l in rest {
            if l.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{indent}{l}");
            }
        }
        let _ = writeln!(out, "{indent}\"\"\"");
    }
}

/// The module being written: aliases of constants first, classes, then aliases that name
/// classes (evaluated at import, so after them).
#[derive(Default)]
struct Module {
    literals: String,
    classes: String,
    unions: Vec<(String, String)>,
    class_names: BTreeSet<String>,
    mixins: BTreeSet<String>,
}

fn object_schema(s: &Map<String, Value>) -> bool {
    s.get("type").and_then(Value::as_str) == Some("object") || s.contains_key("properties")
}

/// The property every alternative fixes to a distinct constant (`code`, `kind`, `type`): the tag
/// of a tagged union.
fn tag_of(alts: &[Value]) -> Option<String> {
    let first = alts.first()?.get("properties")?.as_object()?;
    first
        .iter()
        .filter(|(_, p)| p.get("const").is_some())
        .map(|(name, _)| name.clone())
        .find(|name| {
            alts.iter().all(|a| {
                a.get("properties")
                    .and_then(|p| p.get(name))
                    .and_then(|p| p.get("const"))
                    .is_some()
            })
        })
}

impl Module {
    /// The Python type of `schema`; `name` names a class that an inline object or a tagged
    /// union's alternative becomes.
    fn ty(&mut self, schema: &Value, name: &str) -> String {
        let s = match schema {
            Value::Bool(true) => return "Any".into(),
            Value::Object(s) if s.is_empty() => return "Any".into(),
            Value::Object(s) => s,
            other => panic!("{name}: not a schema: {other}"),
        };
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            return ident(r);
        }
        if let Some(c) = s.get("const") {
            return literal(std::slice::from_ref(c), name);
        }
        if let Some(e) = s.get("enum").and_then(Value::as_array) {
            return literal(e, name);
        }
        for key in ["oneOf", "anyOf"] {
            let Some(alts) = s.get(key).and_then(Value::as_array) else {
                continue;
            };
            assert!(
                !object_schema(s),
                "{name}: an object with {key} alternatives; teach py/tests/generated.rs its shape"
            );
            // Constants only (a unit enum): one Literal.
            let consts: Option<Vec<Value>> = alts
                .iter()
                .map(|a| {
                    let a = a.as_object()?;
                    a.get("const")
                        .map(|c| vec![c.clone()])
                        .or_else(|| a.get("enum").and_then(Value::as_array).cloned())
                })
                .collect::<Option<Vec<_>>>()
                .map(|v| v.concat());
            if let Some(consts) = consts {
                return literal(&consts, name);
            }
            // `X | null`.
            let (nulls, others): (Vec<&Value>, Vec<&Value>) = alts
                .iter()
                .partition(|a| a.get("type").and_then(Value::as_str) == Some("null"));
            if !nulls.is_empty() {
                let inner = if others.len() == 1 {
                    self.ty(others[0], name)
                } else {
                    let parts: Vec<String> = others.iter().map(|a| self.ty(a, name)).collect();
                    format!("Union[{}]", parts.join(", "))
                };
                return format!("Optional[{inner}]");
            }
            // Objects tagged by a constant property: one class per alternative.
            if let Some(tag) = tag_of(alts) {
                let parts: Vec<String> = alts
                    .iter()
                    .map(|a| {
                        let value = a["properties"][&tag]["const"]
                            .as_str()
                            .map(pascal)
                            .unwrap_or_else(|| panic!("{name}: a tag that is not text"));
                        let class = format!("{name}{value}");
                        self.class(&class, a);
                        class
                    })
                    .collect();
                return format!("Union[{}]", parts.join(", "));
            }
            assert!(
                !alts.iter().any(|a| a.get("properties").is_some()),
                "{name}: objects neither tagged by a constant field nor nullable (serde's \
                 external tagging?); tag them (`#[serde(tag = \"code\")]`) or teach \
                 py/tests/generated.rs their shape"
            );
            let parts: Vec<String> = alts.iter().map(|a| self.ty(a, name)).collect();
            return format!("Union[{}]", parts.join(", "));
        }
        assert!(
            !s.contains_key("allOf"),
            "{name}: allOf; teach py/tests/generated.rs its shape"
        );
        match s.get("type") {
            // rust_decimal's schema (text, or a number, of decimal digits): an exact `Decimal`.
            Some(Value::Array(types))
                if types.contains(&Value::from("string"))
                    && types.contains(&Value::from("number")) =>
            {
                let null = types.contains(&Value::from("null"));
                if null {
                    "Optional[Decimal]".into()
                } else {
                    "Decimal".into()
                }
            }
            Some(Value::Array(types)) => {
                let mut parts = Vec::new();
                let mut null = false;
                for t in types {
                    if t == "null" {
                        null = true;
                    } else {
                        let mut one = s.clone();
                        one.insert("type".into(), t.clone());
                        parts.push(self.ty(&Value::Object(one), name));
                    }
                }
                let inner = if parts.len() == 1 {
                    parts.remove(0)
                } else {
                    format!("Union[{}]", parts.join(", "))
                };
                if null {
                    format!("Optional[{inner}]")
                } else {
                    inner
                }
            }
            Some(Value::String(t)) => match t.as_str() {
                "string" => "str".into(),
                "integer" => "int".into(),
                "boolean" => "bool".into(),
                "null" => "None".into(),
                // The core writes exact numbers as text; a JSON number would be a float.
                "number" => panic!("{name}: a JSON number (float) in the core's output"),
                "array" => match s.get("items") {
                    Some(items) => format!("List[{}]", self.ty(items, name)),
                    None => "List[Any]".into(),
                },
                "object" if s.contains_key("properties") => {
                    self.class(name, schema);
                    name.to_string()
                }
                "object" => match s.get("additionalProperties") {
                    Some(v @ Value::Object(_)) => format!("Dict[str, {}]", self.ty(v, name)),
                    _ => "Dict[str, Any]".into(),
                },
                other => panic!("{name}: JSON type {other}"),
            },
            _ if s.contains_key("properties") => {
                self.class(name, schema);
                name.to_string()
            }
            _ => "Any".into(),
        }
    }

    /// A frozen dataclass (or a `TypedDict`) for an object schema.
    fn class(&mut self, name: &str, schema: &Value) {
        assert!(
            self.class_names.insert(name.to_string()),
            "{name}: two classes of that name"
        );
        let props = schema
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let required: Vec<String> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        // Required fields in the core's declaration order (schemars keeps it in `required`),
        // then the others, which have defaults.
        let mut order: Vec<String> = required.clone();
        order.extend(props.keys().filter(|k| !required.contains(k)).cloned());
        let dict = TYPED_DICTS.contains(&name);
        let mut body = String::new();
        for field in &order {
            // A Python keyword (`in`) is spelled with a trailing `_`, as pydantic does; the
            // field's metadata keeps the core's name for the decoder.
            let keyword = KEYWORDS.contains(&field.as_str());
            assert!(
                !field.starts_with('_')
                    && field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !(keyword && dict),
                "{name}.{field}: not a Python attribute name"
            );
            let attr = if keyword {
                format!("{field}_")
            } else {
                field.clone()
            };
            let p = props
                .get(field)
                .unwrap_or_else(|| panic!("{name}.{field}: required but not a property"));
            let mut ty = self.ty(p, &format!("{name}{}", pascal(field)));
            if EXACT.contains(&(name, field.as_str())) {
                ty = match ty.as_str() {
                    "str" => "Exact".into(),
                    "Optional[str]" => "Optional[Exact]".into(),
                    other => panic!("{name}.{field}: listed as exact but is {other}"),
                };
            }
            let optional = !required.contains(field);
            let nullable = ty.starts_with("Optional[") || ty == "Any";
            let default = if !optional {
                None
            } else if dict {
                // Every key is present; one the core left out is None.
                if !nullable {
                    ty = format!("Optional[{ty}]");
                }
                None
            } else if ty.starts_with("List[") {
                Some("default_factory=list")
            } else if ty.starts_with("Dict[") {
                Some("default_factory=dict")
            } else {
                if !nullable {
                    ty = format!("Optional[{ty}]");
                }
                Some("default=None")
            };
            let default = match (default, keyword) {
                (None, false) => String::new(),
                (Some("default=None"), false) => " = None".into(),
                (Some(d), false) => format!(" = _field({d})"),
                (None, true) => format!(" = _field(metadata={{\"json\": {}}})", py_str(field)),
                (Some(d), true) => {
                    format!(" = _field({d}, metadata={{\"json\": {}}})", py_str(field))
                }
            };
            let _ = writeln!(body, "    {attr}: {ty}{default}");
            doc(p.get("description"), "    ", &mut body);
        }
        let mut out = String::new();
        if dict {
            let _ = writeln!(out, "class {name}(TypedDict):");
        } else {
            let base = if self.mixins.contains(name) {
                format!("(_mixins.{name})")
            } else {
                String::new()
            };
            let _ = writeln!(out, "@dataclass(frozen=True)\nclass {name}{base}:");
        }
        doc(schema.get("description"), "    ", &mut out);
        if order.is_empty() {
            out.push_str("    pass\n");
        } else {
            if schema.get("description").is_some() {
                out.push('\n');
            }
            out.push_str(&body);
        }
        out.push_str("\n\n");
        self.classes.push_str(&out);
    }

    /// The aliases naming classes, each after the aliases it names (they are evaluated at import).
    fn unions_in_order(&self) -> String {
        let mut left: Vec<&(String, String)> = self.unions.iter().collect();
        let mut out = String::new();
        while !left.is_empty() {
            let names: Vec<&str> = left.iter().map(|(n, _)| n.as_str()).collect();
            let uses = |text: &str, other: &str| {
                text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                    .skip(1)
                    .any(|w| w == other)
            };
            let next = left
                .iter()
                .position(|(n, text)| !names.iter().any(|o| *o != n && uses(text, o)))
                .unwrap_or_else(|| panic!("aliases naming each other: {names:?}"));
            out.push_str(&left.remove(next).1);
        }
        out
    }

    fn def(&mut self, name: &str, schema: &Value) {
        let s = schema.as_object().cloned().unwrap_or_default();
        if object_schema(&s) {
            self.class(name, schema);
            return;
        }
        let mut ty = self.ty(schema, name);
        let constants = ty.starts_with("Literal[") || ty.starts_with("Union[Literal[");
        if ty.len() > 99 && ty.starts_with("Union[") && !ty[6..].contains('[') {
            ty = ty
                .replace(", ", ",\n    ")
                .replacen("Union[", "Union[\n    ", 1);
        } else if ty.len() > 99 && ty.starts_with("Union[Literal[") {
            ty =
                ty.replace("], Literal[", "],\n    Literal[")
                    .replacen("Union[", "Union[\n    ", 1);
            ty.insert_str(ty.len() - 1, ",\n");
        }
        let mut out = String::new();
        let _ = writeln!(out, "{name} = {ty}");
        doc(s.get("description"), "", &mut out);
        out.push_str("\n\n");
        if constants {
            self.literals.push_str(&out);
        } else {
            self.unions.push((name.to_string(), out));
        }
    }
}

/// The names of the hand-written mixin classes (`class Finding:` in `_mixins.py`): the
/// generated class of that name derives from it, gaining its methods.
fn mixins() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join(MIXINS)).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.strip_prefix("class "))
        .filter_map(|l| l.split(['(', ':']).next())
        .map(|n| n.trim().to_string())
        .collect()
}

fn generate() -> String {
    let defs = defs();
    for (class, field) in EXACT {
        assert!(
            defs.get(*class)
                .and_then(|d| d.get("properties"))
                .and_then(|p| p.get(*field))
                .is_some(),
            "EXACT names {class}.{field}, which the core no longer has"
        );
    }
    for (name, _) in RENAMED {
        assert!(
            defs.contains_key(*name),
            "RENAMED names {name}, which the core no longer has"
        );
    }
    for name in TYPED_DICTS {
        assert!(
            defs.contains_key(*name),
            "TYPED_DICTS names {name}, which the core no longer has"
        );
    }
    let mut m = Module {
        mixins: mixins(),
        ..Module::default()
    };
    for name in &m.mixins {
        assert!(
            defs.keys().any(|d| ident(d) == *name),
            "_mixins.py has a class {name}, which is no type of the core's"
        );
    }
    for (name, schema) in &defs {
        m.def(&ident(name), schema);
    }
    let mut out = String::from(
        "# Generated from the core's JSON Schemas by py/tests/generated.rs; do not edit.\n\
         # Regenerate: XIANJIE_BLESS=1 cargo test -p xianjie-py --test generated\n\
         \"\"\"The report and input-problem types, field for field as the core's (see\n\
         ``docs/schema/report.schema.json``). Built from the core's JSON by ``_decode.decode``.\n\
         Methods users call beyond the fields come from ``_mixins``.\"\"\"\n\n\
         from __future__ import annotations\n\n\
         from dataclasses import dataclass, field as _field\n\
         from decimal import Decimal\n\
         from typing import Any, Dict, List, Literal, Optional, TypedDict, Union\n\n",
    );
    if !m.mixins.is_empty() {
        out.push_str("from . import _mixins\n\n");
    }
    out.push_str(
        "#: An exact number the core wrote as text: a ``Decimal`` when the text is one, else the\n\
         #: text itself (a goal may read ``>3``).\n\
         Exact = Union[Decimal, str]\n\n",
    );
    out.push_str(&m.literals);
    out.push_str(&m.classes);
    out.push_str(&m.unions_in_order());
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Compares (or with `XIANJIE_BLESS` rewrites) a generated file.
fn current(name: &str, fresh: &str) {
    let path = root().join(name);
    if std::env::var_os("XIANJIE_BLESS").is_some() {
        std::fs::write(&path, fresh).unwrap();
    }
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        old == fresh,
        "py/{name} is stale: run `XIANJIE_BLESS=1 cargo test -p xianjie-py --test generated`"
    );
}

#[test]
fn types_py_is_current() {
    current(MODULE, &generate());
}

/// Field names declared in the body of `start` (a line of `text`), read up to the next line at
/// column 0; docstrings skipped. `indent` is the fields' indentation.
fn declared(text: &str, start: &str, indent: &str) -> Option<BTreeSet<String>> {
    let mut lines = text.lines().skip_while(|l| !l.starts_with(start));
    lines.next()?;
    let mut fields = BTreeSet::new();
    let mut in_doc = false;
    for l in lines {
        if !l.is_empty() && !l.starts_with(' ') {
            break;
        }
        let quotes = l.matches("\"\"\"").count();
        if in_doc || quotes > 0 {
            if quotes % 2 == 1 {
                in_doc = !in_doc;
            }
            continue;
        }
        let Some(rest) = l.strip_prefix(indent) else {
            continue;
        };
        if rest.starts_with(' ') || rest.starts_with('/') || rest.starts_with('*') {
            continue;
        }
        if let Some((name, _)) = rest.split_once(':') {
            let name = name.trim_end_matches('?');
            // `in_` is the core's `in` (a Python keyword).
            let name = name
                .strip_suffix('_')
                .filter(|n| KEYWORDS.contains(n))
                .unwrap_or(name);
            if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                fields.insert(name.to_string());
            }
        }
    }
    Some(fields)
}

/// Every face has every field of the core's report types, and nothing else: the Python module
/// (dataclass fields or dict keys) and the TypeScript interfaces.
#[test]
fn every_face_has_every_field_of_the_core() {
    let defs = defs();
    let py = std::fs::read_to_string(root().join(MODULE)).unwrap();
    let ts = std::fs::read_to_string(root().join("../wasm/src/types.d.ts")).unwrap();
    for name in FACES {
        let core: BTreeSet<String> = defs[*name]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert!(!core.is_empty(), "{name}: no properties in the schema");
        let py_name = ident(name);
        let py_fields = declared(&py, &format!("class {py_name}("), "    ")
            .or_else(|| declared(&py, &format!("class {py_name}:"), "    "))
            .unwrap_or_else(|| panic!("py/{MODULE}: no class {py_name}"));
        assert_eq!(py_fields, core, "py/{MODULE}: the fields of {name}");
        let ts_fields = declared(&ts, &format!("export interface {name} {{"), "  ")
            .or_else(|| declared(&ts, &format!("export type {name} = {{"), "  "))
            .unwrap_or_else(|| panic!("wasm/src/types.d.ts: no type {name}"));
        assert_eq!(ts_fields, core, "wasm/src/types.d.ts: the fields of {name}");
    }
}

/// The face check reads what it should: a field dropped from a generated class is caught.
#[test]
fn a_missing_field_is_seen() {
    let py = "@dataclass(frozen=True)\nclass Counts:\n    \"\"\"Counts.\n\n    a: b\n    \"\"\"\n\n    error: int\n    \"\"\"Error findings.\"\"\"\n    warning: int\n\n\nclass Other:\n    target: int\n";
    let got = declared(py, "class Counts:", "    ").unwrap();
    assert_eq!(got, BTreeSet::from(["error".into(), "warning".into()]));
    let ts =
        "export interface Counts {\n  /** Error. */\n  error: number;\n  target?: number;\n}\n";
    let got = declared(ts, "export interface Counts {", "  ").unwrap();
    assert_eq!(got, BTreeSet::from(["error".into(), "target".into()]));
}

/// A finding's detail tagged by its code (the shape the core's typed details take): one class
/// per code, each with its tag as a one-value `Literal` (the decoder picks the class by it), and
/// the union under the definition's name.
#[test]
fn a_tagged_union_becomes_one_class_per_tag() {
    let schema = serde_json::json!({
        "description": "What was found.",
        "oneOf": [
            {"type": "object", "properties": {
                "code": {"type": "string", "const": "below_minimum"},
                "value": {"type": "string"}, "bound": {"type": "string"}},
             "required": ["code", "value", "bound"]},
            {"type": "object", "properties": {
                "code": {"type": "string", "const": "missing"},
                "field": {"type": ["string", "null"]}},
             "required": ["code"]}
        ]
    });
    let mut m = Module::default();
    m.def("Detail", &schema);
    assert!(m.classes.contains(
        "@dataclass(frozen=True)\nclass DetailBelowMinimum:\n    code: Literal[\"below_minimum\"]\n    value: str\n    bound: str\n"
    ), "{}", m.classes);
    assert!(m.classes.contains(
        "class DetailMissing:\n    code: Literal[\"missing\"]\n    field: Optional[str] = None\n"
    ), "{}", m.classes);
    assert!(
        m.unions_in_order().starts_with(
            "Detail = Union[DetailBelowMinimum, DetailMissing]\n\"\"\"What was found.\"\"\""
        ),
        "{}",
        m.unions_in_order()
    );
}

/// The generator renders richer schemas than today's report (tagged unions, maps, dates): the
/// whole dataset and every pack's rules, so a report that grows such shapes (typed details by
/// code) renders without teaching it anything. Nothing is written.
#[test]
fn richer_schemas_render() {
    let mut gen = SchemaSettings::draft2020_12().into_generator();
    gen.subschema_for::<xianjie::Dataset>();
    gen.subschema_for::<xianjie::Rule>();
    let mut m = Module::default();
    for (name, schema) in &gen.take_definitions(true) {
        m.def(&ident(name), schema);
    }
    assert!(m.classes.contains("class CheckThreshold:"), "{}", m.classes);
    let unions = format!("\n{}", m.unions_in_order());
    assert!(
        unions.contains("\nCheck = Union[\n    CheckThreshold,"),
        "{unions}"
    );
}
