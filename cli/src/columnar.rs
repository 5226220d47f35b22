//! Parquet and Arrow IPC input: a file per collection (`students.parquet`, `学生.arrow`), or a
//! folder of them, read as Arrow record batches straight into the core's columns
//! (`xianjie::columns::dataset_from_batches`), never through JSON.
//!
//! Bounded: each file is refused before it is read when larger than `input_bytes`, a Parquet file
//! when its footer declares more rows than `records` or more columns than `columns`; an IPC file
//! is counted as it is read. Every problem is an unusable input (exit 2) naming the file.

use crate::streams::input_name;
use crate::{Failure, Unusable};
use arrow_array::RecordBatch;
use arrow_schema::ArrowError;
use parquet::arrow::arrow_reader::{ArrowReaderMetadata, ParquetRecordBatchReaderBuilder};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use xianjie::columns::{read_batches, read_for_check};
use xianjie::limits::Limits;
use xianjie::table::{ReadOptions, TableRead};

/// Extensions read as columnar files: Parquet, and Arrow IPC (file or stream format).
const PARQUET: &[&str] = &["parquet"];
const IPC: &[&str] = &["arrow", "feather", "ipc", "arrows"];

/// Rows per record batch read when the whole collection is read at once: a Parquet file as one
/// batch per row group (its rows were counted against the limits from its footer), so a
/// collection held as columns is not read in many small pieces and then copied into one array
/// per column (7% of the time on five million students). Not one batch for the whole file: each
/// row group has its own dictionaries, and a batch spanning row groups makes the reader rebuild
/// every dictionary column value by value (8% of the time); pieces joined later keep their
/// dictionaries (joined, not rebuilt).
const WHOLE: usize = usize::MAX;

fn extension(p: &Path) -> String {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

/// Whether `p` names a Parquet or Arrow IPC file (by extension), or is a folder.
pub fn is_columnar_path(p: &Path) -> bool {
    let e = extension(p);
    PARQUET.contains(&e.as_str()) || IPC.contains(&e.as_str()) || p.is_dir()
}

/// The files to read: a folder stands for its Parquet and IPC files (in name order; other files
/// in it are not read); a file for itself.
pub fn expand(paths: &[&Path]) -> Result<Vec<PathBuf>, Unusable> {
    let mut files = Vec::new();
    for p in paths {
        if !p.is_dir() {
            files.push(p.to_path_buf());
            continue;
        }
        let entries = std::fs::read_dir(p).map_err(|e| {
            Unusable(format!(
                "{}: 无法读取文件夹 / cannot read the folder: {e}",
                input_name(p)
            ))
        })?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|f| f.is_file() && is_columnar_path(f))
            .collect();
        if found.is_empty() {
            return Err(Unusable(format!(
                "{}: 文件夹中没有 .parquet、.arrow、.feather 或 .ipc 文件 / the folder has no .parquet, .arrow, .feather or .ipc file",
                input_name(p)
            )));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// The collection a file holds: its stem, as in the JSON document (`students`) or the
/// workbooks' sheet names (`学生`).
fn collection(p: &Path) -> Result<String, Unusable> {
    p.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string)
        .ok_or_else(|| {
            Unusable(format!(
                "{}: 文件名应为集合名称,如 students.parquet / the file name must be a collection's, e.g. students.parquet",
                input_name(p)
            ))
        })
}

type Batches = Box<dyn Iterator<Item = Result<RecordBatch, ArrowError>> + Send>;

/// One part of a file's reading, opened when called: a row group of a Parquet file read whole
/// (see [`WHOLE`]), else the whole file. Parts are what `--threads` reads side by side.
type Part = Box<dyn FnOnce() -> Batches + Send>;

fn unreadable(p: &Path, what: &str, e: impl std::fmt::Display) -> Unusable {
    let (zh, en) = match what {
        "parquet" => ("无法读取Parquet文件", "cannot read the Parquet file"),
        _ => ("无法读取Arrow IPC文件", "cannot read the Arrow IPC file"),
    };
    Unusable(format!("{}: {zh} / {en}: {e}", input_name(p)))
}

fn over(p: &Path, limit: &str, zh: &str, en: &str, found: u64, max: u64) -> Unusable {
    Unusable(format!(
        "{}: {zh}{found},超过限额{limit}={max} / {en} {found}, over the limit {limit}={max}",
        input_name(p)
    ))
}

/// Opens a columnar file as record batches of at most `rows` rows, after the checks that need
/// no reading (size; a Parquet file's declared rows and columns).
fn open(p: &Path, limits: &Limits, rows: usize) -> Result<Batches, Unusable> {
    let parts = open_parts(p, limits, rows)?;
    Ok(Box::new(parts.into_iter().flat_map(|part| part())))
}

/// [`open`] as parts, in order, each opened when called.
fn open_parts(p: &Path, limits: &Limits, rows: usize) -> Result<Vec<Part>, Unusable> {
    let mut f = File::open(p).map_err(|e| {
        Unusable(format!(
            "{}: 无法读取文件 / cannot read the file: {e}",
            input_name(p)
        ))
    })?;
    let size = f.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limits.input_bytes {
        return Err(over(
            p,
            "input_bytes",
            "文件大小",
            "file size",
            size,
            limits.input_bytes,
        ));
    }
    let mut magic = [0u8; 6];
    let n = f.read(&mut magic).unwrap_or(0);
    f.seek(SeekFrom::Start(0))
        .map_err(|e| unreadable(p, "ipc", e))?;
    if magic[..n.min(4)] == *b"PAR1" {
        let b = ParquetRecordBatchReaderBuilder::try_new(
            f.try_clone().map_err(|e| unreadable(p, "parquet", e))?,
        )
        .map_err(|e| unreadable(p, "parquet", e))?;
        let rows_declared = u64::try_from(b.metadata().file_metadata().num_rows()).unwrap_or(0);
        if rows_declared > limits.records {
            return Err(over(
                p,
                "records",
                "行数",
                "rows",
                rows_declared,
                limits.records,
            ));
        }
        let columns = b.schema().fields().len() as u64;
        if columns > limits.columns {
            return Err(over(
                p,
                "columns",
                "列数",
                "columns",
                columns,
                limits.columns,
            ));
        }
        if rows == WHOLE && b.metadata().num_row_groups() > 1 {
            return by_row_group(p, f, b.metadata());
        }
        let whole = usize::try_from(rows_declared).unwrap_or(usize::MAX).max(1);
        let r = b
            .with_batch_size(rows.min(whole))
            .build()
            .map_err(|e| unreadable(p, "parquet", e))?;
        return Ok(vec![Box::new(move || -> Batches { Box::new(r) })]);
    }
    if !IPC.contains(&extension(p).as_str()) && magic[..n.min(4)] != *b"ARRO" {
        return Err(Unusable(format!(
            "{}: 不是Parquet或Arrow IPC文件 / not a Parquet or Arrow IPC file",
            input_name(p)
        )));
    }
    // The IPC file format starts with `ARROW1`; the stream format with a message.
    let batches: Batches = if &magic[..n] == b"ARROW1" {
        Box::new(
            arrow_ipc::reader::FileReader::try_new_buffered(f, None)
                .map_err(|e| unreadable(p, "ipc", e))?,
        )
    } else {
        Box::new(
            arrow_ipc::reader::StreamReader::try_new(BufReader::new(f), None)
                .map_err(|e| unreadable(p, "ipc", e))?,
        )
    };
    Ok(vec![Box::new(move || -> Batches {
        Box::new(slices(batches, rows))
    })])
}

/// A Parquet file read as one record batch per row group (see [`WHOLE`]), a part per group.
fn by_row_group(
    p: &Path,
    f: File,
    meta: &std::sync::Arc<parquet::file::metadata::ParquetMetaData>,
) -> Result<Vec<Part>, Unusable> {
    let meta = ArrowReaderMetadata::try_new(std::sync::Arc::clone(meta), Default::default())
        .map_err(|e| unreadable(p, "parquet", e))?;
    let groups: Vec<(usize, usize)> = meta
        .metadata()
        .row_groups()
        .iter()
        .enumerate()
        .map(|(i, g)| (i, usize::try_from(g.num_rows()).unwrap_or(1).max(1)))
        .collect();
    drop(f);
    Ok(groups
        .into_iter()
        .map(|(i, n)| {
            let (p, meta) = (p.to_path_buf(), meta.clone());
            Box::new(move || -> Batches {
                // Opened by each part: descriptors duplicated from one share its offset, which
                // parts read side by side would move under each other.
                let group = File::open(&p)
                    .map_err(parquet::errors::ParquetError::from)
                    .and_then(|f| {
                        ParquetRecordBatchReaderBuilder::new_with_metadata(f, meta)
                            .with_row_groups(vec![i])
                            .with_batch_size(n)
                            .build()
                    });
                match group {
                    Ok(r) => Box::new(r),
                    Err(e) => Box::new(std::iter::once(Err(ArrowError::from(e)))),
                }
            }) as Part
        })
        .collect())
}

/// Record batches cut to at most `rows` rows (an IPC file's batches are as the writer made them).
fn slices(batches: Batches, rows: usize) -> impl Iterator<Item = Result<RecordBatch, ArrowError>> {
    let rows = rows.max(1);
    batches.flat_map(move |b| -> Vec<Result<RecordBatch, ArrowError>> {
        match b {
            Err(e) => vec![Err(e)],
            Ok(b) if b.num_rows() <= rows => vec![Ok(b)],
            Ok(b) => (0..b.num_rows())
                .step_by(rows)
                .map(|at| Ok(b.slice(at, rows.min(b.num_rows() - at))))
                .collect(),
        }
    })
}

/// Why a part of a file was not read.
enum PartError {
    Arrow(ArrowError),
    /// More rows than `records` (counted as read: an IPC file declares none beforehand).
    Over(u64),
}

/// Reads every batch of `part`, counting rows against `records` as it goes.
fn read_part(part: Part, records: u64) -> Result<Vec<RecordBatch>, PartError> {
    let mut all = Vec::new();
    let mut rows = 0u64;
    for b in part() {
        let b = b.map_err(PartError::Arrow)?;
        rows += b.num_rows() as u64;
        if rows > records {
            return Err(PartError::Over(rows));
        }
        all.push(b);
    }
    Ok(all)
}

/// Reads every batch of every file, a file's batches in order. With more than one thread
/// (`threads` as [`ReadOptions::threads`]), the parts of all files (a Parquet file's row groups)
/// are read side by side: decoding was a quarter of a national check on one core. Every file is
/// opened (its limits checked) before any is read; the first problem in file order is reported.
fn read_files(
    files: &[PathBuf],
    limits: &Limits,
    threads: Option<usize>,
) -> Result<Vec<Vec<RecordBatch>>, Unusable> {
    let mut parts: Vec<(usize, Part)> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        parts.extend(open_parts(f, limits, WHOLE)?.into_iter().map(|p| (i, p)));
    }
    let threads = crate::thread_count(threads);
    let pool = (threads > 1 && parts.len() > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .ok()
        })
        .flatten();
    let read: Vec<(usize, Result<Vec<RecordBatch>, PartError>)> = match pool {
        Some(pool) => {
            use rayon::prelude::*;
            // In order, whatever the threads: an indexed iterator's `collect` keeps it.
            pool.install(|| {
                parts
                    .into_par_iter()
                    .map(|(i, p)| (i, read_part(p, limits.records)))
                    .collect()
            })
        }
        None => {
            let mut done = Vec::with_capacity(parts.len());
            for (i, p) in parts {
                let r = read_part(p, limits.records);
                let failed = r.is_err();
                done.push((i, r));
                if failed {
                    // Nothing after the first problem is read (it is the one reported).
                    break;
                }
            }
            done
        }
    };
    let mut out: Vec<Vec<RecordBatch>> = files.iter().map(|_| Vec::new()).collect();
    let mut rows: Vec<u64> = vec![0; files.len()];
    for (i, r) in read {
        let p = &files[i];
        match r {
            Ok(batches) => {
                rows[i] += batches.iter().map(|b| b.num_rows() as u64).sum::<u64>();
                if rows[i] > limits.records {
                    return Err(over(p, "records", "行数", "rows", rows[i], limits.records));
                }
                out[i].extend(batches);
            }
            Err(PartError::Arrow(e)) => return Err(unreadable(p, &extension(p), e)),
            Err(PartError::Over(n)) => {
                return Err(over(p, "records", "行数", "rows", n, limits.records));
            }
        }
    }
    Ok(out)
}

/// Names the file of every issue of a collection read from one (by its sheet: the stem).
fn name_files(read: &mut TableRead, files: &[(String, String)]) {
    for i in &mut read.issues {
        if i.file.is_some() {
            continue;
        }
        let sheet = i
            .cell
            .as_ref()
            .map(|c| c.sheet.as_str())
            .or(i.sheet.as_deref());
        if let Some((_, f)) = files.iter().find(|(s, _)| Some(s.as_str()) == sheet) {
            i.file = Some(f.clone());
        }
    }
}

/// Reads the files (folders expanded) as one dataset, leniently as tables are: a value that does
/// not read is an issue at its cell (the rest is checked), a file that does not read at all an
/// unusable one ([`TableRead::unusable`]). `opts` carries `--year` and the limits. Collections
/// whose columns are clean are held as columns for checking (`columns::read_for_check`).
pub fn read(
    paths: &[&Path],
    opts: &ReadOptions,
) -> Result<(TableRead, xianjie::model::Held), Unusable> {
    let files = expand(paths)?;
    let mut names = Vec::with_capacity(files.len());
    for f in &files {
        names.push((collection(f)?, input_name(f)));
    }
    let collections: Vec<(String, Vec<RecordBatch>)> = names
        .iter()
        .map(|(name, _)| name.clone())
        .zip(read_files(&files, &opts.limits, opts.threads)?)
        .collect();
    let base = xianjie::Dataset {
        name: opts.name.clone(),
        reporting_year: opts.reporting_year,
        ..Default::default()
    };
    let r = read_for_check(base, collections, opts);
    let mut read = r.read;
    name_files(&mut read, &names);
    Ok((read, r.held))
}

/// Reads one columnar file `size` rows at a time, each slice read as [`read`] reads a file, given
/// to `each` in order with the rows of the file before it.
pub fn read_in_batches(
    path: &Path,
    opts: &ReadOptions,
    size: usize,
    mut each: impl FnMut(TableRead, u32) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let name = collection(path)?;
    let names = [(name.clone(), input_name(path))];
    let mut rows = 0u64;
    let shown = crate::progress::Progress::rows();
    for b in open(path, &opts.limits, size.max(1))? {
        let b = b.map_err(|e| unreadable(path, &extension(path), e))?;
        let before = u32::try_from(rows).unwrap_or(u32::MAX);
        rows += b.num_rows() as u64;
        shown.inc(b.num_rows() as u64);
        if rows > opts.limits.records {
            return Err(over(path, "records", "行数", "rows", rows, opts.limits.records).into());
        }
        let mut read = read_batches(vec![(name.clone(), vec![b])], opts);
        name_files(&mut read, &names);
        each(read, before)?;
    }
    Ok(())
}
