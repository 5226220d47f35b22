#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark code: a panic is a failed run
//! The engine on the national dataset (`xianjie::sample::national`): reading the Arrow batches
//! into a dataset, checking both packs (findings produced, not rendered), the findings as an
//! Arrow table (no messages) and the aggregates the issue names (transfer rate by secondary
//! school × entry year and by higher-major category, enrollment by year), from rows and from the
//! collections held as columns.
//!
//! `cargo bench -p xianjie --bench national` (scale 0.1; `XIANJIE_BENCH_SCALE=1` for the full
//! 5 million students). Under `cargo test --all-targets` the binary is built and exits at once:
//! generating the data is a benchmark's work, not a test's.

mod common;

use criterion::{Criterion, Throughput};
use std::collections::BTreeMap;
use std::time::Instant;
use xianjie::aggregate::{
    enrollment_totals, enrollment_totals_with_columns, transfer_rates, transfer_rates_with_columns,
    GroupBy,
};
use xianjie::findings_table::FindingsTableOptions;
use xianjie::sample::national::{national, REPORTING_YEAR};
use xianjie::Checker;

fn benches(c: &mut Criterion) {
    let scale = common::scale(0.1);
    let t = Instant::now();
    let batches = national(scale, 1).unwrap();
    eprintln!(
        "national scale {scale}: generated in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let named = || {
        batches
            .iter()
            .map(|(k, b)| (k.as_str().to_string(), vec![b.clone()]))
    };
    let rows: usize = batches.iter().map(|(_, b)| b.num_rows()).sum();
    let limits = xianjie::Limits::default();
    let t = Instant::now();
    let mut ds = xianjie::columns::dataset_from_batches(named(), &limits).unwrap();
    ds.reporting_year = Some(REPORTING_YEAR);
    eprintln!(
        "national scale {scale}: {rows} rows read in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let checker = Checker::builtin(
        &["bj-3p2-2024".into(), "qz-pilot-2024".into()],
        &BTreeMap::new(),
    )
    .unwrap();
    let report = checker.check(&ds);
    eprintln!("national scale {scale}: {} findings", report.findings.len());

    let mut g = c.benchmark_group(format!("national-{scale}"));
    g.sample_size(10);
    g.throughput(Throughput::Elements(rows as u64));
    g.bench_function("read_batches", |b| {
        b.iter(|| xianjie::columns::dataset_from_batches(named(), &limits).unwrap())
    });
    g.bench_function("check_both_packs", |b| b.iter(|| checker.check(&ds)));
    // The findings as the Arrow table Python's `to_polars()` and the CLI's Parquet start from.
    g.bench_function("findings_table", |b| {
        b.iter(|| report.to_arrow(&FindingsTableOptions::default()).unwrap())
    });
    // Students held as their columns, as `xianjie check` and Python read Parquet for checking.
    let opts = xianjie::table::ReadOptions {
        reporting_year: Some(REPORTING_YEAR),
        ..Default::default()
    };
    g.bench_function("read_for_check", |b| {
        b.iter(|| xianjie::columns::read_for_check(xianjie::Dataset::default(), named(), &opts))
    });
    let held = xianjie::columns::read_for_check(xianjie::Dataset::default(), named(), &opts);
    let kinds: Vec<_> = held.held.kinds().collect();
    assert_eq!(
        kinds.len(),
        3,
        "the generator's students, activities and cohorts are held"
    );
    g.bench_function("check_both_packs_held", |b| {
        b.iter(|| checker.check_with_columns(&held.read.dataset, &held.held))
    });
    g.bench_function("aggregates", |b| {
        b.iter(|| {
            (
                transfer_rates(&ds, &[GroupBy::SecondarySchool, GroupBy::EntryYear]),
                transfer_rates(&ds, &[GroupBy::Category]),
                enrollment_totals(&ds, &[GroupBy::EntryYear]),
            )
        })
    });
    // The same aggregates over the cohorts held as columns.
    let (rows, cols) = (&held.read.dataset, &held.held);
    g.bench_function("aggregates_held", |b| {
        b.iter(|| {
            (
                transfer_rates_with_columns(
                    rows,
                    cols,
                    &[GroupBy::SecondarySchool, GroupBy::EntryYear],
                ),
                transfer_rates_with_columns(rows, cols, &[GroupBy::Category]),
                enrollment_totals_with_columns(rows, cols, &[GroupBy::EntryYear]),
            )
        })
    });
    g.finish();
}

fn main() {
    common::main(benches);
}
