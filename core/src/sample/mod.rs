//! Bundled sample datasets, produced by deterministic generators (same output on every run and
//! platform), so the CLI, Python and JavaScript can show real-looking data without shipping files.

mod qz_pilot_2024;

/// Each sample: its name and its generator.
/// A sample's generator.
type Generator = fn() -> crate::Dataset;

/// Add a sample here: one line, its name and its generator.
const SAMPLES: &[(&str, Generator)] = &[("qz-pilot-2024", qz_pilot_2024::generate)];

/// Names of the bundled samples.
pub fn names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| SAMPLES.iter().map(|(n, _)| *n).collect())
}

/// The bundled sample `name`, generated afresh.
///
/// ```
/// let ds = xianjie::sample::load("qz-pilot-2024").unwrap();
/// assert_eq!(ds.reporting_year, Some(2024));
/// ```
pub fn load(name: &str) -> Option<crate::Dataset> {
    SAMPLES.iter().find(|(n, _)| *n == name).map(|(_, g)| g())
}
