//! Bundled sample datasets, produced by deterministic generators (same output on every run and
//! platform), so the CLI, Python and JavaScript can show real-looking data without shipping files.
//! The generated files are also committed under `samples/` (regenerate with
//! `cargo run -p xianjie --example gen_samples`).

pub mod bj_3p2_2024;
#[cfg(feature = "arrow")]
pub mod national;
pub mod qz_pilot_2024;
pub mod rng;

use crate::Dataset;

mod hhht_majors_2022;

/// Names of the bundled samples.
pub fn names() -> &'static [&'static str] {
    &[bj_3p2_2024::NAME, qz_pilot_2024::NAME, "hhht-majors-2022"]
}

/// The bundled sample `name`, generated afresh.
pub fn load(name: &str) -> Option<Dataset> {
    match name {
        bj_3p2_2024::NAME => Some(bj_3p2_2024::dataset()),
        qz_pilot_2024::NAME => Some(qz_pilot_2024::dataset()),
        "hhht-majors-2022" => Some(hhht_majors_2022::generate()),
        _ => None,
    }
}

/// Sample `name` generated from another seed (same shape, other names, figures and places).
pub fn generate(name: &str, seed: u64) -> Option<Dataset> {
    match name {
        bj_3p2_2024::NAME => Some(bj_3p2_2024::generate(seed)),
        qz_pilot_2024::NAME => Some(qz_pilot_2024::generate(seed)),
        _ => None,
    }
}
