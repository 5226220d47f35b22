//! `xianjie sample national --scale S --out DIR [--seed N]`: the national-scale dataset
//! (`xianjie::sample::national`) written as one Parquet file per collection
//! (`DIR/students.parquet`, …), zstd pages, row groups of at most 1 Mi rows so that a reader
//! can hold one group at a time.

use crate::Unusable;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::path::Path;
use std::time::Instant;

/// Largest scale accepted: scale 10 is 50 million students, several GB in memory.
const MAX_SCALE: f64 = 10.0;

/// One written file: collection, rows, bytes.
pub struct Written {
    pub collection: &'static str,
    pub rows: usize,
    pub bytes: u64,
}

/// Generates the dataset at `scale` from `seed` and writes it under `dir` (created if needed);
/// also says how long generating took (seconds), the rest being Parquet encoding.
pub fn write(dir: &Path, scale: f64, seed: u64) -> Result<(Vec<Written>, f64), Unusable> {
    if !(scale.is_finite() && scale > 0.0 && scale <= MAX_SCALE) {
        return Err(Unusable(format!(
            "--scale {scale}: 须为大于0且不超过{MAX_SCALE}的数 / must be a number above 0 and at most {MAX_SCALE}"
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        Unusable(format!(
            "{}: 无法创建目录 / cannot create the folder: {e}",
            dir.display()
        ))
    })?;
    let start = Instant::now();
    let batches = xianjie::sample::national::national(scale, seed)
        .map_err(|e| Unusable(format!("生成失败 / generation failed: {e}")))?;
    let generated = start.elapsed().as_secs_f64();
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_max_row_group_row_count(Some(1 << 20))
        .build();
    let mut written = Vec::with_capacity(batches.len());
    for (kind, batch) in batches {
        let path = dir.join(format!("{}.parquet", kind.as_str()));
        let fail = |e: &dyn std::fmt::Display| {
            Unusable(format!("{}: 无法写入 / cannot write: {e}", path.display()))
        };
        let file = std::fs::File::create(&path).map_err(|e| fail(&e))?;
        let mut w = ArrowWriter::try_new(file, batch.schema(), Some(props.clone()))
            .map_err(|e| fail(&e))?;
        w.write(&batch).map_err(|e| fail(&e))?;
        w.close().map_err(|e| fail(&e))?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        written.push(Written {
            collection: kind.as_str(),
            rows: batch.num_rows(),
            bytes,
        });
    }
    Ok((written, generated))
}

/// Runs the subcommand and prints one line per file, then the total and the time taken.
pub fn run(dir: &Path, scale: f64, seed: u64) -> Result<String, Unusable> {
    let start = Instant::now();
    let (files, generated) = write(dir, scale, seed)?;
    let mut text = String::new();
    let (mut rows, mut bytes) = (0usize, 0u64);
    for f in &files {
        text.push_str(&format!(
            "{:<28} {:>10} 行/rows {:>12} 字节/bytes\n",
            format!("{}.parquet", f.collection),
            f.rows,
            f.bytes
        ));
        rows += f.rows;
        bytes += f.bytes;
    }
    text.push_str(&format!(
        "{:<28} {:>10} 行/rows {:>12} 字节/bytes  → {}\n",
        "合计/total",
        rows,
        bytes,
        dir.display()
    ));
    text.push_str(&format!(
        "生成/generated {generated:.2} s, 共/in all {:.2} s\n",
        start.elapsed().as_secs_f64()
    ));
    text.push_str(&format!(
        "填报年度/reporting year {}: xianjie check {} --year {}\n",
        xianjie::sample::national::REPORTING_YEAR,
        dir.display(),
        xianjie::sample::national::REPORTING_YEAR
    ));
    Ok(text)
}
