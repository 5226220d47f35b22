//! User pack TOML: `Pack::from_toml_str`; an accepted pack is used (with the built-in packs)
//! to check the bundled sample, and listed as markdown. Invariants: no panic; an accepted pack
//! validates again after a JSON round trip.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xianjie::{Options, Pack};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(pack) = Pack::from_toml_str(text, "fuzz.toml") else {
        return;
    };
    let json = serde_json::to_string(&pack).expect("a pack serializes");
    let back: Pack = serde_json::from_str(&json).expect("a serialized pack reads back");
    assert_eq!(back, pack);
    let _ = xianjie::render::rules_markdown(&[&pack]);
    let opts = Options {
        packs: vec!["bj-3p2-2024".into()],
        extra_packs: vec![pack],
        ..Default::default()
    };
    xianjie_fuzz::check_sample_with(&opts);
});
