//! Dataset JSON text: `Dataset::from_json_str`, then `check` with the default options.
//! Invariants: no panic; an accepted dataset survives a write/re-read unchanged; an error
//! names at least one issue; the direct path (feature `bulk`) reads a document only when the
//! generic path reads it too, and then the same dataset.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xianjie::Dataset;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let limits = xianjie::limits::Limits::default();
    let generic = xianjie::input::from_json_str_with::<Dataset>(text, &limits);
    if let Some(direct) = xianjie::input::read_direct(text, &limits) {
        assert_eq!(Ok(&direct), generic.as_ref(), "the direct path differs");
    }
    match Dataset::from_json_str(text) {
        Ok(ds) => {
            xianjie_fuzz::assert_roundtrip(&ds);
            xianjie_fuzz::check_default(&ds);
        }
        Err(e) => {
            assert!(!e.errors.is_empty(), "an InputError without issues");
            let _ = e.to_string();
        }
    }
});
