#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark code: a panic is a failed run
//! Reading a dataset's JSON text: the generic path (`input::from_json_str_with`: record by
//! record, each a JSON value, then the typed reader) against the direct path
//! (`Dataset::from_json_str_with`, feature `bulk`: straight from the text), on the national
//! dataset written as JSON. Prints the direct path's time as a share of the generic path's.
//!
//! `cargo bench -p xianjie --bench json` (scale 0.02: 100,000 students;
//! `XIANJIE_BENCH_SCALE=1` for the full 5 million, 1.5 GB of JSON). Under
//! `cargo test --all-targets` the binary is built and exits at once.

mod common;

use criterion::{Criterion, Throughput};
use std::time::Instant;
use xianjie::input::from_json_str_with;
use xianjie::sample::national::{national, REPORTING_YEAR};
use xianjie::{Dataset, Limits};

fn benches(c: &mut Criterion) {
    let scale = common::scale(0.02);
    let batches = national(scale, 1).unwrap();
    let named = batches
        .iter()
        .map(|(k, b)| (k.as_str().to_string(), vec![b.clone()]));
    let mut limits = Limits::default();
    limits.input_bytes = 4 << 30;
    let mut ds = xianjie::columns::dataset_from_batches(named, &limits).unwrap();
    ds.reporting_year = Some(REPORTING_YEAR);
    let text = serde_json::to_string(&ds).unwrap();
    drop(ds);
    let generic = || from_json_str_with::<Dataset>(&text, &limits).unwrap();
    let direct = || Dataset::from_json_str_with(&text, &limits).unwrap();
    // The same dataset both ways (the direct path did read it: it is never slower than a
    // decline would make it, so the ratio below says which ran).
    assert!(xianjie::input::read_direct(&text, &limits).is_some());
    assert!(generic() == direct());

    // One timed read of each, for the ratio (criterion's figures follow).
    let t = Instant::now();
    drop(generic());
    let g = t.elapsed().as_secs_f64();
    let t = Instant::now();
    drop(direct());
    let d = t.elapsed().as_secs_f64();
    eprintln!(
        "json scale {scale}: {} MB; generic {g:.3} s, direct {d:.3} s: direct/generic {:.3}",
        text.len() >> 20,
        d / g
    );

    let mut group = c.benchmark_group(format!("json-{scale}"));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("generic", |b| b.iter(generic));
    group.bench_function("direct", |b| b.iter(direct));
    group.finish();
}

fn main() {
    common::main(benches);
}
