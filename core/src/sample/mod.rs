//! Bundled sample datasets, produced by deterministic generators (same output on every run and
//! platform), so the CLI, Python and JavaScript can show real-looking data without shipping files.

/// Names of the bundled samples.
pub fn names() -> &'static [&'static str] {
    &[]
}

/// The bundled sample `name`, generated afresh.
pub fn load(name: &str) -> Option<crate::Dataset> {
    let _ = name;
    None
}
