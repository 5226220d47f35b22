//! The packs embedded in the binary, one TOML file per source document (`core/packs/`), embedded
//! as JSON converted by `build.rs`, so reading them needs no TOML parser.

use super::{Pack, Rule};
use std::sync::OnceLock;

macro_rules! pack_json {
    ($id:literal) => {
        (
            $id,
            include_str!(concat!(env!("OUT_DIR"), "/packs/", $id, ".json")),
        )
    };
}

/// The built-in packs as JSON, in a fixed order.
const PACKS_JSON: &[(&str, &str)] = &[
    pack_json!("bj-3p2-2024"),
    pack_json!("qz-pilot-2024"),
    pack_json!("hhht-majors-2022"),
    pack_json!("bj-vet-2024"),
    pack_json!("bj-vet10-2020"),
    pack_json!("ref-data"),
];

/// The same packs' TOML text, as written.
#[cfg(feature = "toml")]
const SOURCES: &[(&str, &str)] = &[
    ("bj-3p2-2024", include_str!("../../packs/bj-3p2-2024.toml")),
    (
        "qz-pilot-2024",
        include_str!("../../packs/qz-pilot-2024.toml"),
    ),
    (
        "hhht-majors-2022",
        include_str!("../../packs/hhht-majors-2022.toml"),
    ),
    ("bj-vet-2024", include_str!("../../packs/bj-vet-2024.toml")),
    (
        "bj-vet10-2020",
        include_str!("../../packs/bj-vet10-2020.toml"),
    ),
    ("ref-data", include_str!("../../packs/ref-data.toml")),
];

fn all() -> &'static [Pack] {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        PACKS_JSON
            .iter()
            // The embedded packs are validated by the test suite; a broken one is dropped, not a panic.
            .filter_map(|(id, text)| from_json(text, id).ok())
            .collect()
    })
}

/// Every built-in pack, in a fixed order.
pub fn builtin_packs() -> &'static [Pack] {
    all()
}

/// Ids of the built-in packs.
pub fn builtin_ids() -> Vec<&'static str> {
    PACKS_JSON.iter().map(|(id, _)| *id).collect()
}

/// The built-in pack `id`.
///
/// ```
/// let pack = xianjie::rules::builtin("bj-3p2-2024").unwrap();
/// assert_eq!(pack.rules.len(), 22);
/// ```
pub fn builtin(id: &str) -> Option<&'static Pack> {
    all().iter().find(|p| p.id == id)
}

/// A rule of any built-in pack, with its pack.
pub fn find_rule(id: &str) -> Option<(&'static Pack, &'static Rule)> {
    all().iter().find_map(|p| p.rule(id).map(|r| (p, r)))
}

/// Built-in pack `id` with the parameters naming its rules applied (others are left for other
/// packs), read afresh from its JSON. `None` for an unknown id.
pub(crate) fn with_params(
    id: &str,
    params: &std::collections::BTreeMap<String, String>,
) -> Option<Result<Pack, super::PackError>> {
    let pack = builtin(id)?;
    if !super::params::any_for(pack, params) {
        return Some(Ok(pack.clone()));
    }
    let text = PACKS_JSON.iter().find(|(i, _)| *i == id)?.1;
    let origin = format!("builtin:{id}");
    Some(
        crate::input::parse_value(text)
            .map_err(|e| super::PackError::new(&origin, e.into()))
            .and_then(|value| super::params::reread(value, params, &origin)),
    )
}

fn from_json(text: &str, id: &str) -> Result<Pack, String> {
    let origin = format!("builtin:{id}");
    let pack: Pack = crate::input::from_json_str(text).map_err(|e| format!("{origin}: {e}"))?;
    pack.validate(&origin).map_err(|e| e.to_string())?;
    Ok(pack)
}

/// The raw TOML of built-in pack `id` (for `xianjie rules --format toml` and loading tests).
#[cfg(feature = "toml")]
pub fn builtin_source(id: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(i, _)| *i == id).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_pack_loads() {
        for (id, text) in PACKS_JSON {
            if let Err(e) = from_json(text, id) {
                panic!("{e}");
            }
        }
        assert_eq!(builtin_packs().len(), PACKS_JSON.len());
    }

    /// The JSON converted at build time reads exactly as the TOML it came from (lean packs
    /// leave texts out on purpose: `tests/lean_packs.rs` checks those).
    #[cfg(all(feature = "toml", not(feature = "lean-packs")))]
    #[test]
    fn json_matches_toml() {
        assert_eq!(SOURCES.len(), PACKS_JSON.len());
        for ((id, toml), (jid, json)) in SOURCES.iter().zip(PACKS_JSON) {
            assert_eq!(id, jid);
            let a = Pack::from_toml_str(toml, id).unwrap_or_else(|e| panic!("{e}"));
            let b = from_json(json, id).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(a, b, "{id}");
        }
    }
}
