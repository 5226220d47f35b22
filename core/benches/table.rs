#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Reading + checking a generated CSV of semester activities, and aggregation.
//! For a million rows and peak memory, see `examples/csv_batches.rs`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::fmt::Write;
use xianjie::aggregate::{transfer_rates, GroupBy};
use xianjie::model::Cohort;
use xianjie::table::{read_csv_batches, ReadOptions};
use xianjie::{Checker, Dataset, Options};

fn csv(rows: usize) -> String {
    let mut s =
        String::from("项目编号,学期,专题业务沟通会次数,双方教师教研活动次数,派出教师人数\n");
    for i in 0..rows {
        let _ = writeln!(
            s,
            "P{:07},2023-2024-{},{},{},{}",
            i / 2,
            1 + i % 2,
            i % 4,
            i % 5,
            3 + i % 4
        );
    }
    s
}

fn read_and_check(c: &mut Criterion) {
    let rows = 100_000;
    let text = csv(rows);
    let checker = Checker::new(&Options::default()).unwrap();
    let mut g = c.benchmark_group("csv");
    g.sample_size(10);
    g.throughput(Throughput::Elements(rows as u64));
    g.bench_function("read_100k", |b| {
        b.iter(|| {
            read_csv_batches(text.as_bytes(), "学期活动", &ReadOptions::default(), 50_000)
                .unwrap()
                .map(|b| b.dataset.semester_activities.len())
                .sum::<usize>()
        })
    });
    g.bench_function("read_check_locate_100k", |b| {
        b.iter(|| {
            let mut n = 0;
            for batch in
                read_csv_batches(text.as_bytes(), "学期活动", &ReadOptions::default(), 50_000)
                    .unwrap()
            {
                let mut r = checker.check(&batch.dataset);
                batch.locate(&mut r);
                n += r.findings.len();
            }
            n
        })
    });
    g.finish();
}

fn aggregation(c: &mut Criterion) {
    let n: usize = 100_000;
    let cohorts = (0..n)
        .map(|i| Cohort {
            project: format!("P{:05}", i % 5000),
            entry_year: 2015 + (i % 9) as i32,
            enrolled: 40,
            still_enrolled: None,
            graduated_secondary: Some(38),
            transferred: Some(30 + (i % 8) as u32),
        })
        .collect();
    let ds = Dataset {
        cohorts,
        ..Dataset::default()
    };
    let mut g = c.benchmark_group("aggregate");
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("transfer_rates_by_project_year_100k", |b| {
        b.iter(|| transfer_rates(&ds, &[GroupBy::Project, GroupBy::EntryYear]).len())
    });
    g.bench_function("transfer_rates_by_year_100k", |b| {
        b.iter(|| transfer_rates(&ds, &[GroupBy::EntryYear]).len())
    });
    g.finish();
}

criterion_group!(benches, read_and_check, aggregation);
criterion_main!(benches);
