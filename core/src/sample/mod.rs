//! Bundled sample datasets, produced by deterministic generators (same output on every run and
//! platform), so the CLI, Python and JavaScript can show real-looking data without shipping files.

mod hhht_majors_2022;

/// Names of the bundled samples.
pub fn names() -> &'static [&'static str] {
    &["hhht-majors-2022"]
}

/// The bundled sample `name`, generated afresh.
pub fn load(name: &str) -> Option<crate::Dataset> {
    match name {
        "hhht-majors-2022" => Some(hhht_majors_2022::generate()),
        _ => None,
    }
}
