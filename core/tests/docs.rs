#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Generated docs never drift: `docs/rules.md` and the JSON Schemas are compared with what the
//! code generates now. Regenerate with `XIANJIE_BLESS=1 cargo test -p xianjie --test docs`.
//! Not with `lean-packs` (the browser's packs leave out the texts these documents print).
#![cfg(not(feature = "lean-packs"))]

use std::path::Path;
use xianjie::rules::{builtin_packs, Pack};

fn check_generated(rel: &str, now: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel);
    if std::env::var_os("XIANJIE_BLESS").is_some() {
        std::fs::write(&path, now).expect("write generated doc");
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == now,
        "{rel} is stale; regenerate with `XIANJIE_BLESS=1 cargo test -p xianjie --test docs`"
    );
}

#[test]
fn rule_catalogue_is_current() {
    let packs: Vec<&Pack> = builtin_packs().iter().collect();
    check_generated("docs/rules.md", &xianjie::render::rules_markdown(&packs));
}

#[test]
fn dataset_schema_is_current() {
    check_generated(
        "docs/schema/dataset.schema.json",
        &(xianjie::schema::dataset_schema() + "\n"),
    );
}

#[test]
fn report_schema_is_current() {
    check_generated(
        "docs/schema/report.schema.json",
        &(xianjie::schema::report_schema() + "\n"),
    );
}

#[test]
fn every_builtin_pack_loads_from_its_source() {
    for id in xianjie::rules::builtin_ids() {
        let text = xianjie::rules::builtin_source(id).expect("source");
        let pack = Pack::from_toml_str(text, id).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(pack.id, id);
    }
    assert_eq!(builtin_packs().len(), xianjie::rules::builtin_ids().len());
}
