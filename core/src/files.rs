//! Parquet and Arrow IPC files (feature `files`): a file per collection (`students.parquet`,
//! `学生.arrow`), or a folder of them, read as Arrow record batches straight into the core's
//! columns ([`crate::columns::read_for_check`]), never through JSON. The CLI's `check DIR` and
//! the Python face's `xianjie.check("DIR")` read them here.
//!
//! Bounded: each file is refused before it is read when larger than `input_bytes`, a Parquet file
//! when its footer declares more rows than `records` or more columns than `columns`; an IPC file
//! is counted as it is read. Every problem is an [`InputError`] naming the file.
//!
//! ```
//! use xianjie::files;
//! use xianjie::table::ReadOptions;
//! let dir = std::env::temp_dir().join(format!("xianjie-files-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! // A folder without a Parquet or IPC file is refused, naming it.
//! let e = files::read(&[dir.as_path()], &ReadOptions::default()).unwrap_err();
//! assert!(e.to_string().contains("the folder has no .parquet"));
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

use crate::columns::{read_batches_onto, read_for_check};
use crate::input::{InputError, InputErrorKind};
use crate::limits::Limits;
use crate::model::Held;
use crate::table::{ReadOptions, TableRead};
use arrow_array::RecordBatch;
use arrow_schema::ArrowError;
use parquet::arrow::arrow_reader::{ArrowReaderMetadata, ParquetRecordBatchReaderBuilder};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// How a file is named in messages: as given.
fn input_name(p: &Path) -> String {
    p.display().to_string()
}

/// An unusable file: one issue of `kind`, the file named.
fn unusable(p: &Path, kind: InputErrorKind, zh: String, en: String) -> InputError {
    InputError::single(kind, zh, en).with_source(input_name(p))
}

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

/// The file's extension, lower case (`parquet`, `arrow`), or empty.
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
///
/// # Errors
/// A folder that cannot be listed, or has no such file.
pub fn expand(paths: &[&Path]) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for p in paths {
        if !p.is_dir() {
            files.push(p.to_path_buf());
            continue;
        }
        let entries = std::fs::read_dir(p).map_err(|e| {
            unusable(
                p,
                InputErrorKind::Io,
                format!("无法读取文件夹:{e}"),
                format!("cannot read the folder: {e}"),
            )
        })?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|f| f.is_file() && is_columnar_path(f))
            .collect();
        if found.is_empty() {
            return Err(unusable(
                p,
                InputErrorKind::Io,
                "文件夹中没有 .parquet、.arrow、.feather 或 .ipc 文件".into(),
                "the folder has no .parquet, .arrow, .feather or .ipc file".into(),
            ));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// The collection a file holds: its stem, as in the JSON document (`students`) or the
/// workbooks' sheet names (`学生`).
///
/// # Errors
/// A file name that is no text.
pub fn collection(p: &Path) -> Result<String, InputError> {
    p.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_string)
        .ok_or_else(|| {
            unusable(
                p,
                InputErrorKind::Value,
                "文件名应为集合名称,如 students.parquet".into(),
                "the file name must be a collection's, e.g. students.parquet".into(),
            )
        })
}

/// A file's record batches, read as they are asked for.
pub type Batches = Box<dyn Iterator<Item = Result<RecordBatch, ArrowError>> + Send>;

/// One part of a file's reading, opened when called: a row group of a Parquet file read whole
/// (see [`WHOLE`]), else the whole file. Parts are what `--threads` reads side by side.
type Part = Box<dyn FnOnce() -> Batches + Send>;

/// What a file was read as: its first bytes decide, else its extension.
#[derive(Clone, Copy)]
enum Format {
    Parquet,
    Ipc,
}

/// A file whose batches do not read (`e`), named as Parquet or Arrow IPC by its extension.
pub fn unreadable(p: &Path, e: impl std::fmt::Display) -> InputError {
    let format = match PARQUET.contains(&extension(p).as_str()) {
        true => Format::Parquet,
        false => Format::Ipc,
    };
    unreadable_as(p, format, e)
}

/// A file that does not read as `format`.
fn unreadable_as(p: &Path, format: Format, e: impl std::fmt::Display) -> InputError {
    let (zh, en) = match format {
        Format::Parquet => ("无法读取Parquet文件", "cannot read the Parquet file"),
        Format::Ipc => ("无法读取Arrow IPC文件", "cannot read the Arrow IPC file"),
    };
    unusable(
        p,
        InputErrorKind::Syntax,
        format!("{zh}:{e}"),
        format!("{en}: {e}"),
    )
}

/// A file over a limit: `found` where `max` is allowed.
fn over(p: &Path, limit: &str, zh: &str, en: &str, found: u64, max: u64) -> InputError {
    unusable(
        p,
        InputErrorKind::Limit,
        format!("{zh}{found},超过限额{limit}={max}"),
        format!("{en} {found}, over the limit {limit}={max}"),
    )
}

/// A file of more rows than the `records` limit (counted as read).
pub fn over_records(p: &Path, found: u64, max: u64) -> InputError {
    over(p, "records", "行数", "rows", found, max)
}

/// Opens a columnar file as record batches of at most `rows` rows, after the checks that need
/// no reading (size; a Parquet file's declared rows and columns).
///
/// # Errors
/// A file that cannot be opened, is neither Parquet nor Arrow IPC, or is over a limit.
pub fn open(p: &Path, limits: &Limits, rows: usize) -> Result<Batches, InputError> {
    let parts = open_parts(p, limits, rows)?;
    Ok(Box::new(parts.into_iter().flat_map(|part| part())))
}

/// [`open`] as parts, in order, each opened when called.
fn open_parts(p: &Path, limits: &Limits, rows: usize) -> Result<Vec<Part>, InputError> {
    let mut f = File::open(p).map_err(|e| {
        unusable(
            p,
            InputErrorKind::Io,
            format!("无法读取文件:{e}"),
            format!("cannot read the file: {e}"),
        )
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
        .map_err(|e| unreadable_as(p, Format::Ipc, e))?;
    if magic[..n.min(4)] == *b"PAR1" {
        let b = ParquetRecordBatchReaderBuilder::try_new(
            f.try_clone()
                .map_err(|e| unreadable_as(p, Format::Parquet, e))?,
        )
        .map_err(|e| unreadable_as(p, Format::Parquet, e))?;
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
            .map_err(|e| unreadable_as(p, Format::Parquet, e))?;
        return Ok(vec![Box::new(move || -> Batches { Box::new(r) })]);
    }
    if !IPC.contains(&extension(p).as_str()) && magic[..n.min(4)] != *b"ARRO" {
        return Err(unusable(
            p,
            InputErrorKind::Syntax,
            "不是Parquet或Arrow IPC文件".into(),
            "not a Parquet or Arrow IPC file".into(),
        ));
    }
    // The IPC file format starts with `ARROW1`; the stream format with a message.
    let batches: Batches = if &magic[..n] == b"ARROW1" {
        Box::new(
            arrow_ipc::reader::FileReader::try_new_buffered(f, None)
                .map_err(|e| unreadable_as(p, Format::Ipc, e))?,
        )
    } else {
        Box::new(
            arrow_ipc::reader::StreamReader::try_new(BufReader::new(f), None)
                .map_err(|e| unreadable_as(p, Format::Ipc, e))?,
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
) -> Result<Vec<Part>, InputError> {
    let meta = ArrowReaderMetadata::try_new(std::sync::Arc::clone(meta), Default::default())
        .map_err(|e| unreadable_as(p, Format::Parquet, e))?;
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
) -> Result<Vec<Vec<RecordBatch>>, InputError> {
    let mut parts: Vec<(usize, Part)> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        parts.extend(open_parts(f, limits, WHOLE)?.into_iter().map(|p| (i, p)));
    }
    let read: Vec<(usize, Result<Vec<RecordBatch>, PartError>)> =
        if threads.is_some_and(|t| t != 1) && parts.len() > 1 {
            // Each part taken once by the thread that reads it; in order, whatever the threads.
            let parts: Vec<(usize, std::sync::Mutex<Option<Part>>)> = parts
                .into_iter()
                .map(|(i, p)| (i, std::sync::Mutex::new(Some(p))))
                .collect();
            crate::parallel::map(&parts, threads, 1, |(i, p)| {
                let part = p.lock().ok().and_then(|mut p| p.take());
                let read = part.map_or(Ok(Vec::new()), |p| read_part(p, limits.records));
                (*i, read)
            })
        } else {
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
        };
    let mut out: Vec<Vec<RecordBatch>> = files.iter().map(|_| Vec::new()).collect();
    let mut rows: Vec<u64> = vec![0; files.len()];
    for (i, r) in read {
        let (Some(p), Some(n), Some(o)) = (files.get(i), rows.get_mut(i), out.get_mut(i)) else {
            continue;
        };
        match r {
            Ok(batches) => {
                *n += batches.iter().map(|b| b.num_rows() as u64).sum::<u64>();
                if *n > limits.records {
                    return Err(over_records(p, *n, limits.records));
                }
                o.extend(batches);
            }
            Err(PartError::Arrow(e)) => return Err(unreadable(p, e)),
            Err(PartError::Over(n)) => return Err(over_records(p, n, limits.records)),
        }
    }
    Ok(out)
}

/// Names the file of every issue of a collection read from one (by its sheet: the stem):
/// `files` pairs each collection with its file's name.
pub fn name_files(read: &mut TableRead, files: &[(String, String)]) {
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
/// not read is an issue at its cell (the rest is checked). `opts` carries the reporting year,
/// the limits and the threads. Collections whose columns are clean are held as columns for
/// checking ([`read_for_check`]).
///
/// # Errors
/// A file that does not read at all, or is over a limit: the first in file order.
pub fn read(paths: &[&Path], opts: &ReadOptions) -> Result<(TableRead, Held), InputError> {
    let (collections, names) = batches(paths, opts)?;
    let r = read_for_check(base(opts), collections, opts);
    let mut read = r.read;
    name_files(&mut read, &names);
    Ok((read, r.held))
}

/// [`read`] with every collection read into rows (nothing held as columns): a dataset to keep,
/// convert or give back, not only to check.
///
/// # Errors
/// As [`read`].
pub fn read_rows(paths: &[&Path], opts: &ReadOptions) -> Result<TableRead, InputError> {
    let (collections, names) = batches(paths, opts)?;
    let mut read = read_batches_onto(base(opts), collections, opts);
    name_files(&mut read, &names);
    Ok(read)
}

/// Collections named and read from their files, and each collection's file name.
type Named = (Vec<(String, Vec<RecordBatch>)>, Vec<(String, String)>);

/// Every file's batches under its collection's name.
fn batches(paths: &[&Path], opts: &ReadOptions) -> Result<Named, InputError> {
    let files = expand(paths)?;
    let mut names = Vec::with_capacity(files.len());
    for f in &files {
        names.push((collection(f)?, input_name(f)));
    }
    let collections = names
        .iter()
        .map(|(name, _)| name.clone())
        .zip(read_files(&files, &opts.limits, opts.threads)?)
        .collect();
    Ok((collections, names))
}

/// The dataset the files are read onto: its name and reporting year.
fn base(opts: &ReadOptions) -> crate::Dataset {
    crate::Dataset {
        name: opts.name.clone(),
        reporting_year: opts.reporting_year,
        ..Default::default()
    }
}
