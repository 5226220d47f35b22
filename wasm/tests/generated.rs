#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Generates the binding's committed, generated files from the core and fails when they are stale
//! (`XIANJIE_BLESS=1` rewrites them):
//! - `src/types.d.ts`: TypeScript types of every value crossing the binding, from the JSON Schemas;
//! - `src/schemas.json`: the schemas `schema(kind)` serves, embedded as text by the module (far
//!   smaller than embedding a schema generator).

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};
use std::fmt::Write;

fn ident(name: &str) -> String {
    name.rsplit('/').next().unwrap_or(name).to_string()
}

fn paren(t: String) -> String {
    if t.contains(" | ") && !t.starts_with('{') {
        format!("({t})")
    } else {
        t
    }
}

fn union(parts: Vec<String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for p in parts {
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    if seen.is_empty() {
        "never".into()
    } else {
        seen.join(" | ")
    }
}

fn doc(desc: Option<&Value>, indent: &str, out: &mut String) {
    if let Some(d) = desc.and_then(Value::as_str) {
        let d = d.replace("*/", "*\\/");
        let lines: Vec<&str> = d.lines().collect();
        if lines.len() == 1 {
            let _ = writeln!(out, "{indent}/** {} */", lines[0]);
        } else {
            let _ = writeln!(out, "{indent}/**");
            for l in lines {
                let _ = writeln!(out, "{indent} * {l}");
            }
            let _ = writeln!(out, "{indent} */");
        }
    }
}

fn object(s: &Map<String, Value>, indent: &str) -> String {
    let props = s.get("properties").and_then(Value::as_object);
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let extra = match s.get("additionalProperties") {
        Some(Value::Bool(false)) => None,
        Some(v @ Value::Object(_)) => Some(ts(v, indent)),
        _ if props.is_some() => None,
        _ => Some("unknown".into()),
    };
    let inner = format!("{indent}  ");
    let mut out = String::from("{\n");
    for (name, p) in props.into_iter().flatten() {
        doc(p.get("description"), &inner, &mut out);
        let opt = if required.contains(&name.as_str()) {
            ""
        } else {
            "?"
        };
        let _ = writeln!(out, "{inner}{name}{opt}: {};", ts(p, &inner));
    }
    if let Some(e) = extra {
        let _ = writeln!(out, "{inner}[key: string]: {e};");
    }
    out.push_str(indent);
    out.push('}');
    out
}

fn ts(schema: &Value, indent: &str) -> String {
    let s = match schema {
        Value::Bool(true) => return "unknown".into(),
        Value::Bool(false) => return "never".into(),
        Value::Object(s) => s,
        _ => return "unknown".into(),
    };
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        return ident(r);
    }
    if let Some(c) = s.get("const") {
        return c.to_string();
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        return union(e.iter().map(Value::to_string).collect());
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alts) = s.get(key).and_then(Value::as_array) {
            let mut base = s.clone();
            base.remove(key);
            base.remove("description");
            let parts: Vec<String> = alts.iter().map(|a| ts(a, indent)).collect();
            let has_base = base.contains_key("type") || base.contains_key("properties");
            return if has_base {
                format!("{} & ({})", ts(&Value::Object(base), indent), union(parts))
            } else {
                union(parts)
            };
        }
    }
    if let Some(all) = s.get("allOf").and_then(Value::as_array) {
        return all
            .iter()
            .map(|a| paren(ts(a, indent)))
            .collect::<Vec<_>>()
            .join(" & ");
    }
    match s.get("type") {
        Some(Value::Array(types)) => union(
            types
                .iter()
                .map(|t| {
                    let mut one = s.clone();
                    one.insert("type".into(), t.clone());
                    ts(&Value::Object(one), indent)
                })
                .collect(),
        ),
        Some(Value::String(t)) => match t.as_str() {
            "string" => "string".into(),
            "integer" | "number" => "number".into(),
            "boolean" => "boolean".into(),
            "null" => "null".into(),
            "array" => match s.get("items") {
                Some(items) => format!("{}[]", paren(ts(items, indent))),
                None => "unknown[]".into(),
            },
            _ => object(s, indent),
        },
        _ if s.contains_key("properties") => object(s, indent),
        _ => "unknown".into(),
    }
}

fn generate() -> String {
    let mut gen = SchemaSettings::draft2020_12().into_generator();
    gen.subschema_for::<xianjie::Dataset>();
    gen.subschema_for::<xianjie::Report>();
    gen.subschema_for::<xianjie::Finding>();
    gen.subschema_for::<xianjie::Rule>();
    gen.subschema_for::<xianjie::forms::RuleInfo>();
    gen.subschema_for::<xianjie::InputIssue>();
    gen.subschema_for::<xianjie::PackError>();
    gen.subschema_for::<xianjie_wasm::CheckOptions>();
    gen.subschema_for::<xianjie::aggregate::GroupBy>();
    gen.subschema_for::<xianjie::aggregate::TransferRow>();
    gen.subschema_for::<xianjie::aggregate::EnrollmentRow>();
    gen.subschema_for::<xianjie::aggregate::SchoolApplications>();
    gen.subschema_for::<xianjie::aggregate::SemesterCompliance>();
    gen.subschema_for::<xianjie::aggregate::Summary>();
    gen.subschema_for::<xianjie::aggregate::StatusCampaign>();
    gen.subschema_for::<xianjie::aggregate::ApplicationSheet>();
    gen.subschema_for::<xianjie::aggregate::PilotTables>();
    gen.subschema_for::<xianjie::aggregate::MajorLedger>();
    let defs = gen.take_definitions(true);
    let mut out = String::from(
        "// Generated from the core's JSON Schemas by wasm/tests/generated.rs; do not edit.\n\
         // Decimals are strings (exact); instants are ISO 8601 strings with their UTC offset.\n\n",
    );
    for (name, schema) in &defs {
        let name = ident(name);
        doc(schema.get("description"), "", &mut out);
        let body = ts(schema, "");
        if body.starts_with('{') && !body.contains("} &") && !body.contains("} |") {
            let _ = writeln!(out, "export interface {name} {body}\n");
        } else {
            let _ = writeln!(out, "export type {name} = {body};\n");
        }
    }
    out.push_str(
        "/** A JSON Schema document (draft 2020-12). */\n\
         export type JsonSchema = { [key: string]: unknown };\n\n",
    );
    // The collections `checkField` accepts: the core's list, so a new entity is named here too.
    let names: Vec<String> = xianjie::model::EntityKind::ALL
        .iter()
        .map(|k| format!("{:?}", k.as_str()))
        .collect();
    let _ = writeln!(
        out,
        "/** The name of a collection of the dataset, as in the JSON document (`checkField`'s `kind`). */\n\
         export type CollectionName = {};",
        names.join(" | ")
    );
    out
}

fn schemas() -> String {
    let mut all = Map::new();
    let kinds = std::iter::once("dataset")
        .chain(xianjie::model::EntityKind::ALL.iter().map(|k| k.as_str()));
    for kind in kinds {
        let text = xianjie::forms::entity_schema(kind).unwrap();
        all.insert(
            kind.to_string(),
            serde_json::from_str::<Value>(&text).unwrap(),
        );
    }
    serde_json::to_string(&Value::Object(all)).unwrap() + "\n"
}

/// Compares (or with `XIANJIE_BLESS` rewrites) a generated file.
fn current(name: &str, fresh: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    if std::env::var_os("XIANJIE_BLESS").is_some() {
        std::fs::write(&path, fresh).unwrap();
    }
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        old == fresh,
        "wasm/{name} is stale: run `XIANJIE_BLESS=1 cargo test -p xianjie-wasm --test generated`"
    );
}

#[test]
fn schemas_json_is_current() {
    current("src/schemas.json", &schemas());
}

#[test]
fn types_d_ts_is_current() {
    let fresh = generate();
    let any = fresh
        .lines()
        .find(|l| l.trim_end_matches(';').ends_with(": any") || l.contains("<any>"));
    assert!(any.is_none(), "`any` in the public types: {any:?}");
    current("src/types.d.ts", &fresh);
}
