#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark/example code: a panic is a failed run
use xianjie::model::StatusReport;
use xianjie::{Checker, Dataset, Options};
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let status_reports = (0..n)
        .map(|i| {
            serde_json::from_value::<StatusReport>(serde_json::json!({
                "project": format!("P{i:06}"), "reporting_year": 2024, "enrollment": 40,
                "graduated_secondary": 38, "transferred": 35, "submitted_at": "2024-02-20T10:00:00+08:00"
            }))
            .unwrap()
        })
        .collect();
    let ds = Dataset {
        reporting_year: Some(2024),
        status_reports,
        ..Default::default()
    };
    let checker = Checker::new(&Options {
        packs: vec!["bj-3p2-2024".into()],
        ..Default::default()
    })
    .unwrap();
    let t = std::time::Instant::now();
    let r = checker.check(&ds);
    eprintln!("{} findings in {:?}", r.findings.len(), t.elapsed());
    let t = std::time::Instant::now();
    drop(r);
    eprintln!("drop {:?}", t.elapsed());
}
