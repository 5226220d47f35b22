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
