#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Feature `lean-packs` (the WebAssembly checking module): the built-in packs come without the
//! rules' interpretation notes and check exactly as with them.

#[test]
fn interpretation_notes_are_left_out_only_with_lean_packs() {
    let with_notes = xianjie::rules::builtin_packs()
        .iter()
        .flat_map(|p| &p.rules)
        .filter(|r| r.interpretation.is_some())
        .count();
    if cfg!(feature = "lean-packs") {
        assert_eq!(with_notes, 0);
    } else {
        assert!(with_notes > 20, "{with_notes} rules have notes");
    }
    // Clauses and quotes, which findings cite, are there either way.
    for p in xianjie::rules::builtin_packs() {
        for r in &p.rules {
            assert!(!r.clause.is_empty() && !r.quote.is_empty(), "{}", r.id);
        }
    }
}

#[test]
fn titles_and_source_prose_are_left_out_only_with_lean_packs() {
    let packs = xianjie::rules::builtin_packs();
    let rules = || packs.iter().flat_map(|p| &p.rules);
    if cfg!(feature = "lean-packs") {
        assert!(rules().all(|r| r.title_zh.is_empty() && r.title_en.is_empty()));
        assert!(packs.iter().all(|p| p.source.title.is_empty()
            && p.source.issuer.is_empty()
            && p.source.note.is_none()));
    } else {
        assert!(rules().all(|r| !r.title_zh.is_empty() && !r.title_en.is_empty()));
        assert!(packs
            .iter()
            .all(|p| !p.source.title.is_empty() && !p.source.issuer.is_empty()));
    }
    // What a report names of a pack is there either way.
    for p in packs {
        assert!(!p.title_zh.is_empty() && !p.title_en.is_empty() && !p.source.document.is_empty());
    }
}
