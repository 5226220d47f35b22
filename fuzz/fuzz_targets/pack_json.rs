//! Pack JSON (the form built-in packs are embedded in). The core has no public JSON pack loader
//! (`rules::params::reread` is crate-private), so this reads a `Pack` with serde_json and runs
//! `Pack::validate`, as the loader does, then checks the sample with it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xianjie::{Options, Pack};

fuzz_target!(|data: &[u8]| {
    let Ok(pack) = serde_json::from_slice::<Pack>(data) else {
        return;
    };
    if pack.validate("fuzz.json").is_err() {
        return;
    }
    let _ = xianjie::render::rules_markdown(&[&pack]);
    let opts = Options {
        extra_packs: vec![pack],
        ..Default::default()
    };
    xianjie_fuzz::check_sample_with(&opts);
});
