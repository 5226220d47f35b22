#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark/example code: a panic is a failed run
//! Engine throughput: the Beijing pack over large synthetic collections; reading JSON input.
//! `cargo bench -p xianjie --bench check`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use xianjie::model::{Semester, SemesterActivity, StatusReport};
use xianjie::{Checker, Dataset, Options};

fn activities(n: usize) -> Dataset {
    let semester_activities = (0..n)
        .map(|i| SemesterActivity {
            project: format!("P{:06}", i / 4),
            semester: Semester {
                start_year: 2022 + (i % 4 / 2) as i32,
                term: (i % 2 + 1) as u8,
            },
            // One record in 50 falls short, as in real data most pass.
            meetings: Some(if i % 50 == 0 { 1 } else { 2 }),
            joint_research: Some(3),
            teachers_dispatched: Some(5),
        })
        .collect();
    Dataset {
        reporting_year: Some(2024),
        semester_activities,
        ..Default::default()
    }
}

fn reports(n: usize) -> Dataset {
    let text = "与合作企业共建实训基地,定期开展校企交流活动。".to_string();
    let status_reports = (0..n)
        .map(|i| {
            let mut r: StatusReport = serde_json::from_value(serde_json::json!({
                "project": format!("P{i:06}"), "reporting_year": 2024, "enrollment": 40,
                "graduated_secondary": 38, "transferred": 35, "submitted_at": "2024-02-20T10:00:00+08:00"
            }))
            .expect("valid report");
            r.mechanisms.school_enterprise = Some(text.clone());
            r
        })
        .collect();
    Dataset {
        reporting_year: Some(2024),
        status_reports,
        ..Default::default()
    }
}

fn bench(c: &mut Criterion) {
    let checker = Checker::new(&Options {
        packs: vec!["bj-3p2-2024".into()],
        ..Default::default()
    })
    .expect("pack");
    let mut g = c.benchmark_group("bj-3p2-2024");
    g.sample_size(10);
    for n in [10_000usize, 1_000_000] {
        let ds = activities(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("semester_activities", n), &ds, |b, ds| {
            b.iter(|| checker.check(ds))
        });
    }
    let ds = reports(100_000);
    g.throughput(Throughput::Elements(100_000));
    g.bench_with_input(BenchmarkId::new("status_reports", 100_000), &ds, |b, ds| {
        b.iter(|| checker.check(ds))
    });
    g.finish();
}

/// Reading JSON text: the located two-pass reader (`Dataset::from_json_str`) over 100 k semester
/// activities and 10 k status reports.
fn input(c: &mut Criterion) {
    let mut g = c.benchmark_group("input");
    g.sample_size(10);
    for (name, ds) in [
        ("semester_activities", activities(100_000)),
        ("status_reports", reports(10_000)),
    ] {
        let text = serde_json::to_string(&ds).expect("json");
        let n = ds.semester_activities.len() + ds.status_reports.len();
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new(name, n), &text, |b, t| {
            b.iter(|| Dataset::from_json_str(t).expect("valid"))
        });
    }
    g.finish();
}

criterion_group!(benches, bench, input);
criterion_main!(benches);
