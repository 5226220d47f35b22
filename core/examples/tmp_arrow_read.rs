#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use arrow_array::builder::*;
use arrow_array::{ArrayRef, RecordBatch};
use std::sync::Arc;
use std::time::Instant;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(1_000_000);
    let mut id = StringBuilder::new();
    let mut school = StringDictionaryBuilder::<arrow_array::types::Int32Type>::new();
    let mut ey = Int32Builder::new();
    let mut ts = Date32Builder::new();
    let mut so = Date32Builder::new();
    let mut h = BooleanBuilder::new();
    let mut g = BooleanBuilder::new();
    for i in 0..n {
        id.append_value(format!("S{i:08}"));
        school.append_value(format!("SCH{:05}", i % 10000));
        ey.append_value(2024);
        ts.append_value(19966);
        so.append_value(19966 + (i % 40) as i32);
        h.append_value(i % 7 != 0);
        g.append_option(if i % 3 == 0 { None } else { Some(true) });
    }
    let b = RecordBatch::try_from_iter([
        ("id", Arc::new(id.finish()) as ArrayRef),
        ("school", Arc::new(school.finish()) as ArrayRef),
        ("entry_year", Arc::new(ey.finish()) as ArrayRef),
        ("term_start", Arc::new(ts.finish()) as ArrayRef),
        ("agreement.signed_on", Arc::new(so.finish()) as ArrayRef),
        ("agreement.higher_school", Arc::new(h.finish()) as ArrayRef),
        ("graduated", Arc::new(g.finish()) as ArrayRef),
    ])
    .unwrap();
    let t = Instant::now();
    let ds = xianjie::columns::dataset_from_batches(
        [("students".to_string(), vec![b])],
        &xianjie::Limits::default(),
    )
    .unwrap();
    let read = t.elapsed();
    if std::env::var("READ_ONLY").is_ok() {
        println!("read {:?}", read);
        return;
    }
    let t = Instant::now();
    let c = xianjie::Checker::builtin(&["qz-pilot-2024".into()], &Default::default()).unwrap();
    let r = c.check(&ds);
    println!(
        "read {n} students: {:?} ({:.0} ns/row); check: {:?}, {} findings",
        read,
        read.as_nanos() as f64 / n as f64,
        t.elapsed(),
        r.findings.len()
    );
}
