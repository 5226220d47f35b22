//! Shared checks for the fuzz targets: what must hold for any input the core accepts.
//!
//! Every target asserts "no panic" (libFuzzer counts a panic, an abort, a timeout and an RSS
//! over `-rss_limit_mb` as a crash); these helpers add the invariants that can be stated for
//! any accepted input.

use xianjie::{Checker, Dataset, Lang, Options, Report};

/// Checks `ds` with the default options (every built-in pack, no parameters) and renders the
/// report both ways the CLI does. The default options always resolve, so an error is a bug.
pub fn check_default(ds: &Dataset) -> Report {
    let report = xianjie::check(ds, &Options::default()).expect("default options must resolve");
    render(&report);
    report
}

/// Renders a report as JSON and as the terminal table (the CLI's two outputs).
pub fn render(report: &Report) {
    let json = report.to_json_pretty();
    assert!(!json.is_empty());
    let _ = xianjie::render::report_table(report, Lang::Zh);
}

/// A dataset written out and read back is the same dataset (what is accepted can be saved).
pub fn assert_roundtrip(ds: &Dataset) {
    let text = ds.to_json_pretty();
    match Dataset::from_json_str(&text) {
        Ok(back) => assert_eq!(&back, ds, "re-read dataset differs; written as:\n{text}"),
        Err(e) => panic!("a dataset written by to_json_pretty is refused: {e}\n{text}"),
    }
}

/// The bundled sample of the Beijing pack, checked by user packs and parameters.
pub fn sample() -> &'static Dataset {
    use std::sync::OnceLock;
    static S: OnceLock<Dataset> = OnceLock::new();
    S.get_or_init(|| xianjie::sample::load("bj-3p2-2024").expect("bundled sample"))
}

/// Resolves `opts` and, if it resolves, checks the sample with it. Returns whether it resolved.
pub fn check_sample_with(opts: &Options) -> bool {
    match Checker::new(opts) {
        Ok(c) => {
            let report = c.check(sample());
            render(&report);
            true
        }
        Err(e) => {
            // A refusal must say something (origin or message) for the user to act on.
            assert!(
                !(e.origin.is_empty() && e.message().zh.is_empty()),
                "empty pack error"
            );
            false
        }
    }
}

/// Whether to assert the invariants issue 10 adds that the core does not meet yet
/// (`XIANJIE_FUZZ_STRICT=1`).
pub fn strict() -> bool {
    use std::sync::OnceLock;
    static S: OnceLock<bool> = OnceLock::new();
    *S.get_or_init(|| std::env::var_os("XIANJIE_FUZZ_STRICT").is_some_and(|v| v == "1"))
}
