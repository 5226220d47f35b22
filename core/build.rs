// A build script that cannot read its own inputs fails the build, which is what a panic does here.
#![allow(clippy::expect_used, clippy::panic)]

//! Converts the embedded rule packs (`packs/*.toml`) to JSON at build time, so the library parses
//! them with serde_json and need not link a TOML parser (the WebAssembly module is size-bound).

use std::path::Path;
use std::{env, fs};

include!("src/reference/digest.rs");

fn main() {
    println!("cargo:rerun-if-changed=packs");
    reference_digests();
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("packs");
    fs::create_dir_all(&out).expect("create OUT_DIR/packs");
    let mut entries: Vec<_> = fs::read_dir("packs")
        .expect("read packs/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("read pack");
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut json = to_json(&value).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if env::var_os("CARGO_FEATURE_LEAN_PACKS").is_some() {
            strip_notes(&mut json);
        }
        let name = path.with_extension("json");
        let name = name.file_name().expect("file name");
        fs::write(out.join(name), json.to_string()).expect("write pack JSON");
    }
}

/// Length and digest of each reference table, so a text loaded at run time can be recognised.
fn reference_digests() {
    let mut out = String::new();
    for (name, file) in [
        ("CATALOG", "catalog-2021.tsv"),
        ("DIVISIONS", "divisions.tsv"),
    ] {
        let path = Path::new("data").join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out += &format!(
            "const {name}_DIGEST: (usize, u64) = ({}, {:#x});\n",
            bytes.len(),
            fnv1a(&bytes)
        );
    }
    let dir = env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&dir).join("reference_digests.rs"), out).expect("write digests");
}

/// TOML → JSON, refusing TOML datetimes (packs write dates as strings, which both read alike).
/// Feature `lean-packs`: the rules' `interpretation` notes, the rules' titles and the source's
/// title, issuer and note are prose for `explain`, the docs and the printed tables, never part of
/// a finding or a report; the WebAssembly checking module leaves them out (its size budget).
/// Required texts are left empty rather than taken out, so the packs still read.
fn strip_notes(pack: &mut serde_json::Value) {
    use serde_json::Value as J;
    if let Some(source) = pack.get_mut("source").and_then(|s| s.as_object_mut()) {
        source.remove("note");
        for key in ["title", "issuer"] {
            source.insert(key.into(), J::String(String::new()));
        }
    }
    if let Some(rules) = pack.get_mut("rules").and_then(|r| r.as_array_mut()) {
        for rule in rules {
            if let Some(rule) = rule.as_object_mut() {
                rule.remove("interpretation");
                for key in ["title_zh", "title_en"] {
                    rule.insert(key.into(), J::String(String::new()));
                }
            }
        }
    }
}

fn to_json(v: &toml::Value) -> Result<serde_json::Value, String> {
    use serde_json::Value as J;
    Ok(match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(J::Number)
            .ok_or_else(|| format!("non-finite number {f}"))?,
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => return Err(format!("write the datetime {d} as a string")),
        toml::Value::Array(a) => J::Array(a.iter().map(to_json).collect::<Result<_, _>>()?),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| to_json(v).map(|v| (k.clone(), v)))
                .collect::<Result<_, _>>()?,
        ),
    })
}
