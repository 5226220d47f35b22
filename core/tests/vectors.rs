//! Runs every shared vector in `tests/vectors/` (the same files the Python and JS suites run).

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use xianjie::{check, Dataset, Options};

fn vector_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            vector_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

type Key = (String, String, String);

fn run_one(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let v: Value = serde_json::from_str(&text).map_err(|e| format!("vector is not JSON: {e}"))?;
    let expect = &v["expect"];
    let packs: Vec<String> = v["packs"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let params: BTreeMap<String, String> = v["params"]
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default();
    let input_text = match (&v["input_text"], &v["input"]) {
        (Value::String(s), _) => s.clone(),
        (_, i) => i.to_string(),
    };
    let parsed = Dataset::from_json_str(&input_text);
    if let Some(err) = expect.get("error") {
        let e = parsed
            .err()
            .ok_or("expected an input error, got a dataset")?;
        let want_type = err["type"].as_str().unwrap_or_default();
        let want_loc = err.get("loc").and_then(Value::as_str);
        let has = |t: &str, l: Option<&str>| {
            e.errors
                .iter()
                .any(|i| i.kind.as_str() == t && l.is_none_or(|l| l == i.loc))
        };
        if !has(want_type, want_loc) {
            return Err(format!("expected error {err}, got {:?}", e.errors));
        }
        // Optional: every error listed (in any order) and how many there are in all.
        for w in expect["errors"].as_array().into_iter().flatten() {
            let t = w["type"].as_str().unwrap_or_default();
            if !has(t, w.get("loc").and_then(Value::as_str)) {
                return Err(format!("expected error {w}, got {:?}", e.errors));
            }
        }
        if let Some(n) = expect.get("error_count").and_then(Value::as_u64) {
            if e.errors.len() as u64 != n {
                return Err(format!("expected {n} errors, got {:?}", e.errors));
            }
        }
        return Ok(());
    }
    let ds = parsed.map_err(|e| format!("input error: {e}"))?;
    let opts = Options {
        packs,
        params,
        ..Default::default()
    };
    let report = check(&ds, &opts).map_err(|e| format!("pack error: {e}"))?;
    let got: Vec<Key> = report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule_id().to_string(),
                f.severity.as_str().to_string(),
                f.path().to_string(),
            )
        })
        .collect();
    let want: Vec<Key> = expect["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
                    (s("rule_id"), s("severity"), s("path"))
                })
                .collect()
        })
        .unwrap_or_default();
    // Optional `"paths": [...]`: every location of the finding, in order (e.g. both duplicate ranks).
    for f in expect["findings"].as_array().into_iter().flatten() {
        let Some(paths) = f["paths"].as_array() else {
            continue;
        };
        let paths: Vec<&str> = paths.iter().filter_map(Value::as_str).collect();
        let rule = f["rule_id"].as_str().unwrap_or_default();
        let hit = report.findings.iter().any(|g| {
            g.rule_id() == rule
                && g.locations
                    .iter()
                    .map(|l| l.path.as_str())
                    .eq(paths.iter().copied())
        });
        if !hit {
            let all: Vec<Vec<&str>> = report
                .findings
                .iter()
                .filter(|g| g.rule_id() == rule)
                .map(|g| g.locations.iter().map(|l| l.path.as_str()).collect())
                .collect();
            return Err(format!(
                "{rule}: no finding located at {paths:?}; got {all:?}"
            ));
        }
    }
    let missing: Vec<&Key> = want.iter().filter(|w| !got.contains(w)).collect();
    if !missing.is_empty() {
        return Err(format!("missing findings {missing:?}; got {got:?}"));
    }
    if expect["exact"].as_bool().unwrap_or(true) {
        let mut g = got.clone();
        let mut w = want.clone();
        g.sort();
        w.sort();
        if g != w {
            return Err(format!("findings differ:\n  want {w:?}\n  got  {g:?}"));
        }
    }
    for r in expect["absent_rules"].as_array().into_iter().flatten() {
        let r = r.as_str().unwrap_or_default();
        if got.iter().any(|g| g.0 == r) {
            return Err(format!("rule {r} must not fire; got {got:?}"));
        }
    }
    if let Some(states) = expect["rule_states"].as_object() {
        for (rule, state) in states {
            let st = report
                .rules
                .iter()
                .find(|s| &s.rule_id == rule)
                .ok_or(format!("rule {rule} not in report"))?;
            let name = serde_json::to_value(st.state).map_err(|e| e.to_string())?;
            if &name != state {
                return Err(format!("rule {rule}: state {name}, expected {state}"));
            }
        }
    }
    // Optional: `"targets": [{"rule_id": …, "year": …, "group": …, "met": bool, "pending": bool}]`;
    // each listed entry must match one progress entry on the fields it gives.
    for t in expect["targets"].as_array().into_iter().flatten() {
        let got = serde_json::to_value(&report.targets).map_err(|e| e.to_string())?;
        let fits = |g: &Value| {
            t.as_object()
                .is_some_and(|o| o.iter().all(|(k, v)| g.get(k) == Some(v)))
        };
        if !got.as_array().is_some_and(|a| a.iter().any(fits)) {
            return Err(format!("no target progress matches {t}; got {got}"));
        }
    }
    Ok(())
}

#[test]
fn shared_vectors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "no vectors found under {}",
        root.display()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| run_one(f).err().map(|e| format!("{}: {e}", f.display())))
        .collect();
    println!("{} vectors, {} failed", files.len(), failures.len());
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
