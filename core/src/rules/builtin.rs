//! The packs embedded in the binary, one TOML file per source document (`core/packs/`).

use super::{Pack, Rule};
use std::sync::OnceLock;

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
        SOURCES
            .iter()
            // The embedded packs are validated by the test suite; a broken one is dropped, not a panic.
            .filter_map(|(id, text)| Pack::from_toml_str(text, &format!("builtin:{id}")).ok())
            .collect()
    })
}

/// Every built-in pack, in a fixed order.
pub fn builtin_packs() -> &'static [Pack] {
    all()
}

/// Ids of the built-in packs.
pub fn builtin_ids() -> Vec<&'static str> {
    SOURCES.iter().map(|(id, _)| *id).collect()
}

/// The built-in pack `id`.
///
/// ```
/// let pack = xianjie::rules::builtin("bj-3p2-2024").unwrap();
/// assert_eq!(pack.rules.len(), 18);
/// ```
pub fn builtin(id: &str) -> Option<&'static Pack> {
    all().iter().find(|p| p.id == id)
}

/// A rule of any built-in pack, with its pack.
pub fn find_rule(id: &str) -> Option<(&'static Pack, &'static Rule)> {
    all().iter().find_map(|p| p.rule(id).map(|r| (p, r)))
}

/// The raw TOML of built-in pack `id` (for `xianjie rules --format toml` and loading tests).
pub fn builtin_source(id: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(i, _)| *i == id).map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_pack_loads() {
        for (id, text) in SOURCES {
            if let Err(e) = Pack::from_toml_str(text, &format!("builtin:{id}")) {
                panic!("{e}");
            }
        }
    }
}
