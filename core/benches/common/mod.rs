//! What the benches share.

/// The scale of the generated national data: `XIANJIE_BENCH_SCALE` (1 is the full 5 million
/// students), else `default`.
pub fn scale(default: f64) -> f64 {
    std::env::var("XIANJIE_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|s: &f64| s.is_finite() && *s > 0.0)
        .unwrap_or(default)
}

/// Runs `benches` under `cargo bench`, which passes `--bench`; `cargo test --all-targets` runs
/// the binary without it, and then it stops at once (generating the data is a benchmark's work).
pub fn main(benches: fn(&mut criterion::Criterion)) {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let mut c = criterion::Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
