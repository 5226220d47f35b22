#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // benchmark/example code: a panic is a failed run
//! Reads and checks a large CSV of semester activities in batches, in bounded memory.
//!
//! ```text
//! cargo run --release -p xianjie --example csv_batches -- /tmp/activities.csv 1000000 50000
//! ```
//! Writes the file first when it does not exist (`rows` records), then reads it in batches of
//! `batch` rows, checking each batch; prints rows/s and the findings count.

use std::io::Write;
use std::time::Instant;
use xianjie::table::{read_csv_batches, ReadOptions};
use xianjie::{Checker, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "/tmp/activities.csv".into());
    let rows: usize = args.next().map_or(Ok(1_000_000), |s| s.parse())?;
    let batch: usize = args.next().map_or(Ok(50_000), |s| s.parse())?;
    if !std::path::Path::new(&path).exists() {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&path)?);
        writeln!(
            w,
            "项目编号,学期,专题业务沟通会次数,双方教师教研活动次数,派出教师人数"
        )?;
        for i in 0..rows {
            writeln!(
                w,
                "P{:07},{}-{}-{},{},{},{}",
                i / 8,
                2016 + (i % 8) / 2,
                2017 + (i % 8) / 2,
                1 + i % 2,
                i % 4,
                i % 5,
                3 + i % 4
            )?;
        }
    }
    let checker = Checker::new(&Options::default())?;
    let started = Instant::now();
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let (mut n, mut findings, mut issues) = (0usize, 0usize, 0usize);
    for b in read_csv_batches(file, "学期活动", &ReadOptions::default(), batch)? {
        let mut report = checker.check(&b.dataset);
        b.locate(&mut report);
        n += b.dataset.semester_activities.len();
        findings += report.findings.len();
        issues += b.issues.len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{n} rows in {secs:.2} s = {:.0} rows/s; {findings} findings, {issues} cell issues",
        n as f64 / secs
    );
    Ok(())
}
