//! Parameters (`Options.params`) with arbitrary keys and values through `Checker::new`, then a
//! check of the bundled sample. Keys are mostly real `<rule id>.<name>` pairs of the built-in
//! packs (so values reach the typed checks), sometimes free text. Invariant: no panic; a refusal
//! says something.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use xianjie::Options;

#[derive(Debug, Arbitrary)]
enum Key {
    Known(u16),
    Raw(String),
}

#[derive(Debug, Arbitrary)]
enum Val {
    Text(String),
    Int(i64),
    Float(f64),
    Digits(u8, u8),
}

#[derive(Debug, Arbitrary)]
struct Input {
    packs: Vec<u8>,
    params: Vec<(Key, Val)>,
}

/// Every `<rule id>.<name>` a built-in pack could take: required parameters and the members of
/// each check (what `params::apply` may overwrite).
fn known_keys() -> &'static [String] {
    static K: OnceLock<Vec<String>> = OnceLock::new();
    K.get_or_init(|| {
        let mut keys = Vec::new();
        for pack in xianjie::rules::builtin_packs() {
            for rule in &pack.rules {
                for p in &rule.required_params {
                    keys.push(format!("{}.{p}", rule.id));
                }
                let v = serde_json::to_value(&rule.checks).unwrap_or_default();
                for check in v.as_array().into_iter().flatten() {
                    for name in check.as_object().into_iter().flat_map(|o| o.keys()) {
                        keys.push(format!("{}.{name}", rule.id));
                    }
                }
            }
        }
        keys.sort();
        keys.dedup();
        keys
    })
}

fuzz_target!(|input: Input| {
    let keys = known_keys();
    let ids = xianjie::rules::builtin_ids();
    let mut params = BTreeMap::new();
    for (k, v) in input.params.into_iter().take(16) {
        let key = match k {
            Key::Known(i) => keys[i as usize % keys.len()].clone(),
            Key::Raw(s) => s,
        };
        let value = match v {
            Val::Text(s) => s,
            Val::Int(i) => i.to_string(),
            Val::Float(f) => f.to_string(),
            // Long digit strings: past what a decimal holds, with a point somewhere.
            Val::Digits(n, point) => {
                let mut s = "9".repeat(n as usize % 64 + 1);
                let at = point as usize % (s.len() + 1);
                s.insert(at, '.');
                s
            }
        };
        params.insert(key, value);
    }
    let packs = input
        .packs
        .iter()
        .take(3)
        .map(|&b| ids[b as usize % ids.len()].to_string())
        .collect();
    let opts = Options {
        packs,
        params,
        ..Default::default()
    };
    xianjie_fuzz::check_sample_with(&opts);
});
