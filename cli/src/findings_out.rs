//! Findings written as a stream (`--format jsonl|csv|parquet`, to stdout or `--out`), a batch at
//! a time, and batch reports merged into one (`--batch-size` with the report formats).
//!
//! - JSON Lines: one finding a line, as the JSON report serializes it; nothing else on stdout
//!   (the counts go to stderr).
//! - CSV: the findings table (`Report::to_arrow`) with the message and remedy in `--lang`; on
//!   stdout escaped as every text output is (`xianjie::render::escape_text`), in a file (`--out`)
//!   as is.
//! - Parquet (`--out` only): the same table, zstd-compressed, decimals at the fixed scale
//!   ([`FIXED_SCALE`]) so that every batch shares one schema.

use crate::streams::{self, out};
use crate::Unusable;
use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;
use xianjie::finding::Lang;
use xianjie::findings_table::{
    findings_schema, findings_to_arrow, FindingsTableOptions, Messages, FIXED_SCALE,
};
use xianjie::report::Counts;
use xianjie::Finding;

/// Where text goes: stdout (a closed pipe ends it quietly, [`out`]) or a file.
pub enum Sink {
    Stdout,
    File(PathBuf, Background),
}

impl Sink {
    pub fn open(path: Option<&Path>) -> Result<Sink, Unusable> {
        match path {
            None => Ok(Sink::Stdout),
            Some(p) => Ok(Sink::File(p.to_path_buf(), Background::new(create(p)?))),
        }
    }
    /// Writes `text`; on stdout through `safe` first (the escaping of the format). Taken by
    /// value: a file's writing thread takes it without a copy (a report can be hundreds of MB).
    pub fn write(
        &mut self,
        text: String,
        safe: fn(&str) -> std::borrow::Cow<'_, str>,
    ) -> Result<(), String> {
        match self {
            Sink::Stdout => out(&safe(&text)),
            Sink::File(..) => self.write_owned(text.into_bytes(), safe),
        }
    }
    /// [`Sink::write`] of UTF-8 bytes (JSON Lines blocks as serde_json writes them).
    pub fn write_owned(
        &mut self,
        text: Vec<u8>,
        safe: fn(&str) -> std::borrow::Cow<'_, str>,
    ) -> Result<(), String> {
        match self {
            Sink::Stdout => {
                let text = std::str::from_utf8(&text).map_err(|e| e.to_string())?;
                out(&safe(text))
            }
            Sink::File(p, w) => w.send(text).map_err(|e| cannot_write(p, e)),
        }
    }
    pub fn finish(self) -> Result<(), String> {
        match self {
            Sink::Stdout => Ok(()),
            Sink::File(p, mut w) => w.stop().map_err(|e| cannot_write(&p, e)),
        }
    }
}

/// A file written by a thread of its own: the kernel's copying of one block into the file
/// overlaps the rendering of the next (at national scale, 377 MB of JSON Lines: writing was a
/// sixth of the run, waited for on the rendering thread). At most [`QUEUED`] blocks wait, so
/// memory stays bounded by the blocks' size.
pub struct Background {
    tx: Option<SyncSender<Vec<u8>>>,
    done: Option<JoinHandle<std::io::Result<()>>>,
}

/// Blocks waiting for the writing thread.
const QUEUED: usize = 2;

impl Background {
    fn new(file: File) -> Background {
        let (tx, rx) = sync_channel::<Vec<u8>>(QUEUED);
        let done = std::thread::spawn(move || {
            let mut w = BufWriter::new(file);
            for block in rx {
                w.write_all(&block)?;
            }
            w.flush()
        });
        Background {
            tx: Some(tx),
            done: Some(done),
        }
    }
    /// Queues `block`; the thread's error if it has stopped on one.
    fn send(&mut self, block: Vec<u8>) -> std::io::Result<()> {
        if let Some(tx) = &self.tx {
            if tx.send(block).is_ok() {
                return Ok(());
            }
        }
        // The thread has ended: only an error ends it while blocks may still come.
        self.stop()?;
        Err(std::io::Error::other(
            "写入线程已结束 / the writing thread has ended",
        ))
    }
    /// Waits until every block is written and the file flushed.
    fn stop(&mut self) -> std::io::Result<()> {
        self.tx = None;
        match self.done.take() {
            Some(h) => h.join().unwrap_or_else(|_| {
                Err(std::io::Error::other(
                    "写入线程失败 / the writing thread failed",
                ))
            }),
            None => Ok(()),
        }
    }
}

/// Dropped without [`Sink::finish`] (an early return on an error): what was queued is still
/// written, as a `BufWriter` would have flushed it.
impl Drop for Background {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

fn create(p: &Path) -> Result<File, Unusable> {
    File::create(p).map_err(|e| {
        Unusable(format!(
            "{}: 无法写入 / cannot write: {e}",
            streams::input_name(p)
        ))
    })
}

fn cannot_write(p: &Path, e: impl std::fmt::Display) -> String {
    format!("{}: 无法写入 / cannot write: {e}", streams::input_name(p))
}

/// The stream formats.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum StreamFormat {
    Jsonl,
    Csv,
    Parquet,
}

/// Findings written a batch at a time.
pub struct FindingsWriter {
    kind: Kind,
    counts: Counts,
    /// Threads rendering JSON Lines.
    threads: usize,
}

enum Kind {
    Jsonl(Sink),
    Csv {
        sink: Sink,
        header: bool,
        opts: FindingsTableOptions,
    },
    Parquet {
        path: PathBuf,
        writer: Box<ArrowWriter<File>>,
        opts: FindingsTableOptions,
    },
}

/// Text that is safe as it is (rendered reports escape what they show).
pub fn as_is(s: &str) -> std::borrow::Cow<'_, str> {
    std::borrow::Cow::Borrowed(s)
}

/// JSON Lines of serde_json's output: C0 controls are escaped already, the rest here.
pub fn json_line(s: &str) -> std::borrow::Cow<'_, str> {
    xianjie::render::json_safe(s)
}

impl FindingsWriter {
    /// A writer of `format` to `out` (stdout when none; Parquet needs a file).
    pub fn new(
        format: StreamFormat,
        out: Option<&Path>,
        lang: Lang,
        threads: usize,
    ) -> Result<Self, Unusable> {
        let messages = match lang {
            Lang::Zh => Messages::Zh,
            Lang::En => Messages::En,
        };
        let kind = match format {
            StreamFormat::Jsonl => Kind::Jsonl(Sink::open(out)?),
            StreamFormat::Csv => Kind::Csv {
                sink: Sink::open(out)?,
                header: true,
                opts: FindingsTableOptions {
                    messages,
                    scale: None,
                    threads: Some(threads),
                },
            },
            StreamFormat::Parquet => {
                let Some(path) = out else {
                    return Err(Unusable(
                        "--format parquet: 须用 --out 指定输出文件 / needs --out FILE".into(),
                    ));
                };
                let opts = FindingsTableOptions {
                    messages,
                    scale: Some(FIXED_SCALE),
                    threads: Some(threads),
                };
                let props = WriterProperties::builder()
                    .set_compression(Compression::ZSTD(ZstdLevel::default()))
                    .build();
                let schema = Arc::new(findings_schema(&opts, FIXED_SCALE));
                let writer = ArrowWriter::try_new(create(path)?, schema, Some(props))
                    .map_err(|e| Unusable(cannot_write(path, e)))?;
                Kind::Parquet {
                    path: path.to_path_buf(),
                    writer: Box::new(writer),
                    opts,
                }
            }
        };
        Ok(FindingsWriter {
            kind,
            counts: Counts::default(),
            threads: threads.max(1),
        })
    }

    /// Writes a batch of findings.
    pub fn write(&mut self, findings: &[Finding]) -> Result<(), String> {
        for f in findings {
            match f.severity {
                xianjie::Severity::Error => self.counts.error += 1,
                xianjie::Severity::Warning => self.counts.warning += 1,
                xianjie::Severity::Target => self.counts.target += 1,
            }
        }
        match &mut self.kind {
            Kind::Jsonl(sink) => {
                // A window of findings at a time, its lines rendered in blocks side by side and
                // written in order: memory bounded by the window, one write per block.
                for window in findings.chunks(LINES_PER_BLOCK * self.threads) {
                    for block in jsonl_blocks(window, self.threads)? {
                        sink.write_owned(block, json_line)?;
                    }
                }
                Ok(())
            }
            Kind::Csv { sink, header, opts } => {
                if findings.is_empty() && !*header {
                    return Ok(());
                }
                let table = findings_to_arrow(findings, opts).map_err(|e| e.to_string())?;
                let text = csv_text(&table, *header)?;
                *header = false;
                sink.write(text, xianjie::render::escape_text)
            }
            Kind::Parquet {
                path, writer, opts, ..
            } => {
                if findings.is_empty() {
                    return Ok(());
                }
                let table = findings_to_arrow(findings, opts).map_err(|e| e.to_string())?;
                writer.write(&table).map_err(|e| cannot_write(path, e))
            }
        }
    }

    /// Ends the output (a Parquet file's footer); the counts, for stderr.
    pub fn finish(self) -> Result<Counts, String> {
        match self.kind {
            Kind::Jsonl(sink) | Kind::Csv { sink, .. } => sink.finish()?,
            Kind::Parquet { path, writer, .. } => {
                writer.close().map_err(|e| cannot_write(&path, e))?;
            }
        }
        Ok(self.counts)
    }
}

/// Findings rendered as JSON Lines per block.
const LINES_PER_BLOCK: usize = 4096;

/// A JSON line's usual length (1.4 KB at national scale), to size a block's buffer once.
const LINE_GUESS: usize = 1536;

/// The JSON lines of `findings`, in order, as up to `threads` blocks rendered side by side.
fn jsonl_blocks(findings: &[Finding], threads: usize) -> Result<Vec<Vec<u8>>, String> {
    fn lines(fs: &[Finding]) -> Result<Vec<u8>, String> {
        // Serialized in place: no string per line.
        let mut block = Vec::with_capacity(fs.len() * LINE_GUESS);
        for f in fs {
            serde_json::to_writer(&mut block, f).map_err(|e| e.to_string())?;
            block.push(b'\n');
        }
        Ok(block)
    }
    if threads <= 1 || findings.len() < 2 {
        return Ok(vec![lines(findings)?]);
    }
    let per = findings.len().div_ceil(threads);
    std::thread::scope(|s| {
        let blocks: Vec<_> = findings.chunks(per).map(|c| s.spawn(|| lines(c))).collect();
        blocks
            .into_iter()
            .map(|b| {
                b.join()
                    .unwrap_or_else(|_| Err("JSON Lines: a rendering thread failed".into()))
            })
            .collect()
    })
}

/// The table as CSV text, with its header line or without.
fn csv_text(table: &RecordBatch, header: bool) -> Result<String, String> {
    let mut bytes = Vec::new();
    {
        let mut w = arrow_csv::WriterBuilder::new()
            .with_header(header)
            .build(&mut bytes);
        w.write(table).map_err(|e| e.to_string())?;
    }
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
