//! Reading CSV (comma) and TSV (tab): encoding detected from the first 64 KiB (UTF-8 with or
//! without BOM, UTF-16 with BOM, or GB18030 when the bytes are valid GB18030 and its header names
//! known columns), records streamed with one reused buffer, so memory stays bounded when read in
//! batches ([`read_csv_batches`]). Line breaks may be LF, CRLF or CR alone; rows keep their line
//! numbers. Each record is bounded by `csv_line_bytes` as it is read (a 1 GiB cell is refused at
//! its row, not buffered), each cell by `cell_chars`, the header by `columns`. A file that is
//! neither UTF-8 nor GB18030 is refused at the first bad byte's cell.

use super::cell::Raw;
use super::cellmap::column_letter;
use super::columns::{entity_for_sheet, spec, EntitySpec};
use super::rows::Builder;
use super::xlsx_in::missing_required;
use super::{CellIssue, CellMap, ReadOptions, TableRead};
use crate::finding::Cell;
use crate::input::{InputError, InputErrorKind, InputIssue};
use crate::limits::{Limit, Limits};
use crate::model::{Dataset, EntityKind};
use crate::report::Report;
use encoding_rs::{Decoder, DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE};
use std::io::{self, Read};

const SNIFF: usize = 64 * 1024;
/// The csv crate's read-ahead: a record may have this much more than its own bytes read.
const CSV_BUFFER: u64 = 8 * 1024;
/// io error messages that end a read with a located refusal.
const LINE_TOO_LONG: &str = "xianjie: csv_line_bytes limit reached";
const MALFORMED: &str = "xianjie: malformed bytes for the encoding";

/// Decodes a byte stream to UTF-8 as it is read; malformed input is an error, never replaced.
struct Decode<R> {
    inner: R,
    decoder: Decoder,
    inbuf: Vec<u8>,
    in_len: usize,
    out: Vec<u8>,
    out_pos: usize,
    out_len: usize,
    eof: bool,
}

impl<R: Read> Read for Decode<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_pos == self.out_len {
            if self.eof && self.in_len == 0 {
                return Ok(0);
            }
            if !self.eof && self.in_len < self.inbuf.len() {
                let n = self.inner.read(&mut self.inbuf[self.in_len..])?;
                self.in_len += n;
                self.eof = n == 0;
            }
            let (res, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.inbuf[..self.in_len],
                &mut self.out,
                self.eof,
            );
            if let DecoderResult::Malformed(_, _) = res {
                return Err(io::Error::other(MALFORMED));
            }
            self.inbuf.copy_within(read..self.in_len, 0);
            self.in_len -= read;
            self.out_pos = 0;
            self.out_len = written;
            if self.eof && read == 0 && written == 0 {
                self.in_len = 0;
            }
        }
        let n = buf.len().min(self.out_len - self.out_pos);
        buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

/// Counts line breaks as the CSV reader consumes the stream, so a record's first line is known
/// even after blank lines (which the csv crate skips without counting) and quoted line breaks;
/// a break is LF, CRLF or CR alone. Also bounds the bytes read past the last record's end, so a
/// record longer than `csv_line_bytes` fails before the csv crate buffers it.
pub(crate) struct Lines<R> {
    inner: R,
    offset: u64,
    /// Line breaks at offsets below those in `pending`.
    counted: u64,
    /// Line breaks not yet counted: (offset of its first byte, of its last byte); a few,
    /// bounded by the reader's look-ahead and the record bound.
    pending: std::collections::VecDeque<(u64, u64)>,
    last_cr: bool,
    /// End of the last record read, and the bound on one record.
    last_end: u64,
    max_record: u64,
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.offset.saturating_sub(self.last_end) > self.max_record.saturating_add(CSV_BUFFER) {
            return Err(io::Error::other(LINE_TOO_LONG));
        }
        let n = self.inner.read(buf)?;
        for (i, b) in buf[..n].iter().enumerate() {
            let at = self.offset + i as u64;
            match b {
                b'\r' => self.pending.push_back((at, at)),
                b'\n' if self.last_cr => {
                    if let Some(back) = self.pending.back_mut() {
                        if back.1 + 1 == at {
                            back.1 = at;
                        }
                    }
                }
                b'\n' => self.pending.push_back((at, at)),
                _ => {}
            }
            self.last_cr = *b == b'\r';
        }
        self.offset += n as u64;
        Ok(n)
    }
}

impl<R> Lines<R> {
    fn new(inner: R, max_record: u64) -> Self {
        Lines {
            inner,
            offset: 0,
            counted: 0,
            pending: Default::default(),
            last_cr: false,
            last_end: 0,
            max_record,
        }
    }
    /// The first line (1-based) of a record that ends at byte `end` (just past its terminator)
    /// and holds `inner` line breaks inside quoted fields. Calls must come in order.
    fn first_line(&mut self, end: u64, inner: u64) -> u32 {
        let mut last_is_break = false;
        while let Some(&(start, stop)) = self.pending.front() {
            if start >= end {
                break;
            }
            last_is_break = start + 1 == end || stop + 1 == end;
            self.counted += 1;
            self.pending.pop_front();
        }
        self.last_end = end;
        let breaks_before = self.counted - u64::from(last_is_break);
        u32::try_from(1 + breaks_before.saturating_sub(inner)).unwrap_or(u32::MAX)
    }
    /// The line a record being read (not yet ended) starts on, roughly: after the last one.
    fn next_line(&self) -> u32 {
        u32::try_from(self.counted + 1).unwrap_or(u32::MAX)
    }
}

/// Line breaks inside a record's fields (LF, CRLF, CR).
fn breaks(bytes: &[u8]) -> u64 {
    let mut n = 0;
    let mut last_cr = false;
    for &b in bytes {
        if b == b'\r' || (b == b'\n' && !last_cr) {
            n += 1;
        }
        last_cr = b == b'\r';
    }
    n
}

/// The encoding of a CSV file from its first bytes; `None` means UTF-8 (a BOM is skipped).
/// Bytes that are not UTF-8 are GB18030 only when they decode as GB18030 without a single
/// replacement and the first line then names a column of `spec`; otherwise the file is read as
/// UTF-8 and the first bad byte is reported at its cell.
fn sniff(head: &[u8], whole: bool, spec: &EntitySpec) -> (Option<&'static Encoding>, usize) {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return (None, 3);
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return (Some(UTF_16LE), 2);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return (Some(UTF_16BE), 2);
    }
    match std::str::from_utf8(head) {
        Ok(_) => return (None, 0),
        // Cut mid-character at the end of the sample: still UTF-8.
        Err(e) if e.error_len().is_none() => return (None, 0),
        Err(_) => {}
    }
    let mut text = String::with_capacity(head.len() * 2);
    let (res, _) = GB18030
        .new_decoder_without_bom_handling()
        .decode_to_string_without_replacement(head, &mut text, whole);
    let clean = !matches!(res, DecoderResult::Malformed(_, _));
    let names_a_column = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| {
            l.split([',', '\t'])
                .any(|h| spec.column_for(h.trim().trim_matches('"')).is_some())
        });
    if clean && names_a_column {
        (Some(GB18030), 0)
    } else {
        (None, 0)
    }
}

fn open_stream<'r, R: Read + 'r>(
    mut r: R,
    spec: &EntitySpec,
) -> io::Result<(Box<dyn Read + 'r>, &'static str)> {
    let mut head = Vec::with_capacity(SNIFF);
    (&mut r).take(SNIFF as u64).read_to_end(&mut head)?;
    let (enc, skip) = sniff(&head, head.len() < SNIFF, spec);
    let mut start = io::Cursor::new(head).chain(r);
    let mut skipped = [0u8; 3];
    start.read_exact(&mut skipped[..skip])?;
    Ok(match enc {
        None => (Box::new(start), "UTF-8"),
        Some(e) => (
            Box::new(Decode {
                inner: start,
                decoder: e.new_decoder_without_bom_handling(),
                inbuf: vec![0; 16 * 1024],
                in_len: 0,
                out: vec![0; 48 * 1024 + 16],
                out_pos: 0,
                out_len: 0,
                eof: false,
            }),
            // encoding_rs names are lower case (`gb18030`); people know `GB18030`.
            if e == GB18030 {
                "GB18030"
            } else if e == UTF_16LE {
                "UTF-16LE"
            } else {
                "UTF-16BE"
            },
        ),
    })
}

/// A CSV file being read: header mapped, records streamed.
pub(crate) struct CsvRows<'r> {
    rdr: csv::Reader<Lines<Box<dyn Read + 'r>>>,
    spec: &'static EntitySpec,
    sheet: String,
    mapping: Vec<(u32, usize)>,
    /// Fields of the header record: cells past it are reported.
    width: usize,
    record: csv::ByteRecord,
    header_issues: Vec<CellIssue>,
    ok: bool,
    limits: Limits,
    /// Why the file could not be read to its end (refused).
    fatal: Option<InputError>,
    /// The encoding detected.
    pub encoding: &'static str,
}

fn first_line<R: Read>(rdr: &mut csv::Reader<Lines<R>>, rec: &csv::ByteRecord) -> u32 {
    let end = rdr.position().byte();
    let inner = breaks(rec.as_slice());
    rdr.get_mut().first_line(end, inner)
}

fn csv_error(e: impl std::fmt::Display) -> InputError {
    InputError::single(
        InputErrorKind::Syntax,
        format!("CSV格式错误:{e}"),
        format!("malformed CSV: {e}"),
    )
}

fn refusal(issue: InputIssue) -> InputError {
    InputError {
        source_name: None,
        errors: vec![issue],
    }
}

/// The refusal for an io error met at `row` (1-based), if it is one of ours.
fn io_refusal(e: &io::Error, sheet: &str, row: u32, encoding: &str, limits: &Limits) -> InputError {
    let at = format!("{sheet}!A{row}");
    let msg = e.to_string();
    if msg == LINE_TOO_LONG {
        return refusal(limits.exceeded(Limit::CsvLineBytes, at, None));
    }
    if msg == super::TOO_LARGE {
        return refusal(limits.exceeded(Limit::InputBytes, sheet, None));
    }
    if msg == MALFORMED {
        return refusal(InputIssue {
            loc: at,
            line: Some(row as usize),
            column: None,
            kind: InputErrorKind::Syntax,
            msg_zh: format!("此行含有不符合{encoding}编码的字节,文件未读入"),
            msg_en: format!("this row holds bytes that are not {encoding}; the file was not read"),
        });
    }
    csv_error(e)
}

/// The first field of `rec` that is not UTF-8: its column and the bad byte.
fn bad_utf8(rec: &csv::ByteRecord) -> Option<(usize, u8)> {
    rec.iter().enumerate().find_map(|(c, f)| {
        std::str::from_utf8(f)
            .err()
            .map(|e| (c, f.get(e.valid_up_to()).copied().unwrap_or(0)))
    })
}

fn not_utf8(sheet: &str, row: u32, col: usize, byte: u8) -> InputError {
    let at = format!("{sheet}!{}{row}", column_letter(col as u32));
    refusal(InputIssue {
        loc: at,
        line: Some(row as usize),
        column: None,
        kind: InputErrorKind::Syntax,
        msg_zh: format!(
            "字节0x{byte:02X}既不是UTF-8也不是GB18030编码,文件未读入(请另存为UTF-8 CSV)"
        ),
        msg_en: format!(
            "byte 0x{byte:02X} is neither UTF-8 nor GB18030; the file was not read (save it as UTF-8 CSV)"
        ),
    })
}

impl<'r> CsvRows<'r> {
    /// `delimiter`: `b','`, or `b'\t'` for TSV.
    pub(crate) fn open<R: Read + 'r>(
        r: R,
        sheet: &str,
        kind: Option<EntityKind>,
        delimiter: u8,
        limits: &Limits,
    ) -> Result<Self, InputError> {
        let Some(kind) = kind.or_else(|| entity_for_sheet(sheet)) else {
            return Err(InputError::single(
                InputErrorKind::Value,
                format!("无法从文件名“{}”判断数据类别;请用类别名命名文件(如 学期活动.csv)或指明数据类别", limits.quote(sheet)),
                format!("cannot tell the entity from the file name {:?}; name the file after it (e.g. semester_activities.csv) or name the entity", limits.quote(sheet)),
            ));
        };
        let spec = spec(kind).ok_or_else(|| csv_error("unknown entity"))?;
        let (stream, encoding) =
            open_stream(r, spec).map_err(|e| io_refusal(&e, sheet, 1, "UTF-8", limits))?;
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(CSV_BUFFER as usize)
            .from_reader(Lines::new(stream, limits.csv_line_bytes));
        let mut record = csv::ByteRecord::new();
        let mut mapping = Vec::new();
        let mut header_issues = Vec::new();
        let mut width = 0;
        // The header is the first non-blank record.
        loop {
            match rdr.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let row = rdr.get_ref().next_line();
                    return Err(match e.into_kind() {
                        csv::ErrorKind::Io(e) => io_refusal(&e, sheet, row, encoding, limits),
                        k => csv_error(format!("{k:?}")),
                    });
                }
            }
            if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            let row = first_line(&mut rdr, &record);
            if record.len() as u64 > limits.columns {
                let at = format!("{sheet}!{}{row}", column_letter(limits.columns as u32));
                return Err(refusal(limits.exceeded(
                    Limit::Columns,
                    at,
                    Some(record.len() as u64),
                )));
            }
            if let Some((c, byte)) = bad_utf8(&record) {
                return Err(not_utf8(sheet, row, c, byte));
            }
            width = record.len();
            let mut unknown = 0u64;
            for (c, f) in record.iter().enumerate() {
                let c = c as u32;
                let text = String::from_utf8_lossy(f);
                match spec.column_for(&text) {
                    Some(i) if !mapping.iter().any(|(_, j)| *j == i) => mapping.push((c, i)),
                    _ if text.trim().is_empty() => {}
                    _ => {
                        unknown += 1;
                        if unknown > limits.errors_listed {
                            continue;
                        }
                        let t = limits.quote(&text);
                        header_issues.push(CellIssue {
                            cell: Some(Cell {
                                sheet: sheet.to_string(),
                                row,
                                column: column_letter(c),
                            }),
                            entity: Some(kind),
                            field: None,
                            kind: InputErrorKind::UnknownField,
                            value: Some(t.to_string()),
                            msg_zh: format!("列名“{t}”无法识别或重复,此列不会被检查"),
                            msg_en: format!(
                                "column {t:?} is not recognized or repeated and will not be checked"
                            ),
                            sheet: None,
                            file: None,
                        })
                    }
                }
            }
            if unknown > limits.errors_listed {
                let rest = unknown - limits.errors_listed;
                header_issues.push(CellIssue::at_sheet(
                    sheet,
                    InputErrorKind::UnknownField,
                    format!("另有{rest}个列名无法识别,未逐一列出"),
                    format!("{rest} more unrecognized column names not listed"),
                ));
            }
            break;
        }
        Ok(CsvRows {
            rdr,
            spec,
            sheet: sheet.to_string(),
            mapping,
            width,
            record,
            header_issues,
            ok: true,
            limits: limits.clone(),
            fatal: None,
            encoding,
        })
    }

    /// `Err` when the file was refused part way (a record over the limits, bad bytes, an io error).
    pub(crate) fn finish(&mut self) -> Result<(), InputError> {
        self.fatal.take().map_or(Ok(()), Err)
    }

    /// A note for people when the file was not UTF-8.
    pub(crate) fn encoding_note(&self) -> Option<String> {
        (self.encoding != "UTF-8").then(|| {
            format!(
                "{}: 按{}编码读取 / read as {}",
                self.sheet, self.encoding, self.encoding
            )
        })
    }

    fn stop(&mut self, e: InputError) {
        self.ok = false;
        self.fatal = Some(e);
    }

    /// Reads up to `max` non-blank records into `b`; returns how many rows were read (0 at the end).
    pub(crate) fn fill(&mut self, b: &mut Builder, max: usize) -> usize {
        b.issues.append(&mut self.header_issues);
        if !self.ok {
            return 0;
        }
        if !missing_required(b, self.spec, &self.sheet, &self.mapping) {
            self.ok = false;
            return 0;
        }
        let sr = b.sheet(self.spec, &self.sheet, self.mapping.clone());
        let mut n = 0;
        while n < max {
            match self.rdr.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let row = e
                        .position()
                        .map_or_else(|| self.rdr.get_ref().next_line(), |p| p.line() as u32);
                    match e.into_kind() {
                        csv::ErrorKind::Io(e) => {
                            let row = self.rdr.get_ref().next_line().max(row);
                            let f = io_refusal(&e, &self.sheet, row, self.encoding, &self.limits);
                            self.stop(f);
                            break;
                        }
                        k => {
                            b.issues.push(CellIssue::at_cell(
                                Cell {
                                    sheet: self.sheet.clone(),
                                    row,
                                    column: "A".into(),
                                },
                                InputErrorKind::Syntax,
                                format!("CSV格式错误,此行未读入:{k:?}"),
                                format!("malformed CSV, row not read: {k:?}"),
                            ));
                            continue;
                        }
                    }
                }
            }
            let row = first_line(&mut self.rdr, &self.record);
            if let Some((c, byte)) = bad_utf8(&self.record) {
                let f = not_utf8(&self.sheet, row, c, byte);
                self.stop(f);
                break;
            }
            if !self.record_fits(b, row) {
                continue;
            }
            let rec = &self.record;
            b.row(&sr, row, |c| match rec.get(c as usize) {
                None => Raw::Empty,
                Some(f) => std::str::from_utf8(f).map_or(Raw::Empty, Raw::Text),
            });
            n += 1;
        }
        n
    }

    /// Reports cells past the header and cells over `cell_chars`; false when the row is not read.
    fn record_fits(&self, b: &mut Builder, row: u32) -> bool {
        let cell = |c: usize| Cell {
            sheet: self.sheet.clone(),
            row,
            column: column_letter(c as u32),
        };
        let extra: Vec<usize> = (self.width..self.record.len())
            .filter(|&c| {
                self.record
                    .get(c)
                    .is_some_and(|f| !f.iter().all(u8::is_ascii_whitespace))
            })
            .collect();
        if let Some(&first) = extra.first() {
            b.issues.push(CellIssue::at_cell(
                cell(first),
                InputErrorKind::UnknownField,
                format!(
                    "此行有{}个单元格超出表头范围(表头共{}列),这些单元格未读入",
                    extra.len(),
                    self.width
                ),
                format!(
                    "{} cell(s) of this row lie past the header's {} columns and were not read",
                    extra.len(),
                    self.width
                ),
            ));
        }
        let mut fits = true;
        for (c, f) in self.record.iter().enumerate().take(self.width) {
            if f.len() as u64 > self.limits.cell_chars {
                let chars = String::from_utf8_lossy(f).chars().count() as u64;
                if chars > self.limits.cell_chars {
                    let mut i = CellIssue::at_cell(
                        cell(c),
                        InputErrorKind::Limit,
                        String::new(),
                        String::new(),
                    );
                    let e = self.limits.exceeded(Limit::CellChars, "", Some(chars));
                    i.msg_zh = format!("{};此行未读入", e.msg_zh);
                    i.msg_en = format!("{}; this row was not read", e.msg_en);
                    b.issues.push(i);
                    fits = false;
                }
            }
        }
        fits
    }
}

/// The delimiter for a CSV file named `sheet` (a stem or a file name) under `opts`.
fn delimiter(sheet: &str, opts: &ReadOptions) -> u8 {
    opts.delimiter
        .unwrap_or(if sheet.ends_with(".tsv") { b'\t' } else { b',' })
}

/// Reads a whole CSV file of one entity (named `sheet` in cells; the entity from `opts.entity`
/// or `sheet`), within `opts.limits` (the stream is bounded by `input_bytes` too). For files too
/// large to hold, use [`read_csv_batches`]. `Err` when the file is refused (not UTF-8 nor
/// GB18030, a record or the header over the limits, unreadable).
pub fn read_csv<R: Read>(r: R, sheet: &str, opts: &ReadOptions) -> Result<TableRead, InputError> {
    let r = super::bounded(r, opts.limits.input_bytes);
    let mut rows = CsvRows::open(r, sheet, opts.entity, delimiter(sheet, opts), &opts.limits)?;
    let mut b = Builder::default();
    rows.fill(&mut b, usize::MAX);
    rows.finish()?;
    b.notes.extend(rows.encoding_note());
    let notes = std::mem::take(&mut b.notes);
    let (dataset, cells, issues) = b.finish(opts.name.clone(), opts.reporting_year);
    Ok(TableRead {
        dataset,
        cells,
        issues,
        notes,
    })
}

/// One batch of a CSV file read in chunks.
#[derive(Debug, Clone)]
pub struct Batch {
    /// The batch's records (indices start at 0 in each batch).
    pub dataset: Dataset,
    /// Record → cell, batch-relative indices.
    pub cells: CellMap,
    /// Problems met in this batch.
    pub issues: Vec<CellIssue>,
    /// Index in the whole file of the batch's first record.
    pub first_index: usize,
}

impl Batch {
    /// Completes the report of this batch as [`Origin::apply`](super::Origin::apply) does (the
    /// batch's problems in [`Report::input_issues`], findings on unreadable fields withheld),
    /// then [`Batch::locate`].
    pub fn apply(&self, report: &mut Report) {
        super::origin::report_issues(report, &self.cells, &self.issues);
        self.locate(report);
    }
    /// Puts cells on `report`'s findings and turns batch-relative record indices (and paths)
    /// into whole-file ones.
    pub fn locate(&self, report: &mut Report) {
        self.cells.locate(report);
        for f in &mut report.findings {
            for l in &mut f.locations {
                let old = format!("{}[{}]", l.entity.as_str(), l.index);
                l.index += self.first_index;
                if let Some(rest) = l.path.strip_prefix(&old) {
                    l.path = format!("{}[{}]{rest}", l.entity.as_str(), l.index);
                }
            }
        }
    }
}

/// Batches of a CSV file, for checking files too large to hold (bounded memory: one batch).
///
/// Rules that compare records with each other (rankings, counts per school, duplicates) see one
/// batch at a time; per-record rules (thresholds, deadlines, required fields) are exact.
pub struct CsvBatches<'r> {
    rows: CsvRows<'r>,
    size: usize,
    next_index: usize,
    done: bool,
    opts: ReadOptions,
}

impl CsvBatches<'_> {
    /// The encoding detected.
    pub fn encoding(&self) -> &'static str {
        self.rows.encoding
    }
    /// A note for people when the file was not read as UTF-8 (`学期活动: 按GB18030编码读取 / read
    /// as GB18030`).
    pub fn encoding_note(&self) -> Option<String> {
        self.rows.encoding_note()
    }
    /// After the last batch: `Err` when the file was refused part way (a record over the
    /// limits, bytes that are not in its encoding, an io error); the batches before were read.
    pub fn finish(&mut self) -> Result<(), InputError> {
        self.rows.finish()
    }
}

impl Iterator for CsvBatches<'_> {
    type Item = Batch;
    fn next(&mut self) -> Option<Batch> {
        if self.done {
            return None;
        }
        let mut b = Builder::default();
        let n = self.rows.fill(&mut b, self.size);
        if n < self.size {
            self.done = true;
        }
        let (dataset, cells, issues) = b.finish(self.opts.name.clone(), self.opts.reporting_year);
        if n == 0 && issues.is_empty() {
            self.done = true;
            return None;
        }
        let first_index = self.next_index;
        self.next_index += dataset.len_of(self.rows.spec.kind);
        Some(Batch {
            dataset,
            cells,
            issues,
            first_index,
        })
    }
}

/// Reads a CSV file in batches of `size` rows.
///
/// ```
/// use xianjie::table::{read_csv_batches, ReadOptions};
/// let mut csv = String::from("project,semester,meetings,joint_research,teachers_dispatched\n");
/// for i in 0..10 { csv.push_str(&format!("P{i},2023-2024-1,{},3,5\n", i % 3)); }
/// let batches: Vec<_> = read_csv_batches(csv.as_bytes(), "semester_activities", &ReadOptions::default(), 4)
///     .unwrap().collect();
/// assert_eq!(batches.iter().map(|b| b.dataset.semester_activities.len()).collect::<Vec<_>>(), [4, 4, 2]);
/// let bj = xianjie::Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() };
/// let mut report = xianjie::check(&batches[1].dataset, &bj).unwrap();
/// batches[1].locate(&mut report);
/// // P4, P6 and P7 (records 4, 6, 7 of the file, CSV lines 6, 8, 9) hold fewer than 2 meetings.
/// let short: Vec<_> = report.findings.iter()
///     .filter(|f| f.rule_id().ends_with("semester-meetings"))
///     .map(|f| (f.path(), f.locations[0].cell.as_ref().unwrap().row))
///     .collect();
/// assert_eq!(short, [("semester_activities[4].meetings", 6), ("semester_activities[6].meetings", 8),
///                    ("semester_activities[7].meetings", 9)]);
/// ```
pub fn read_csv_batches<'r, R: Read + 'r>(
    r: R,
    sheet: &str,
    opts: &ReadOptions,
    size: usize,
) -> Result<CsvBatches<'r>, InputError> {
    let r = super::bounded(r, opts.limits.input_bytes);
    Ok(CsvBatches {
        rows: CsvRows::open(r, sheet, opts.entity, delimiter(sheet, opts), &opts.limits)?,
        size: size.max(1),
        next_index: 0,
        done: false,
        opts: opts.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb18030_and_bom() {
        let text = "项目编号,学期,专题业务沟通会次数\nP1,2023-2024-1,2\n";
        let (gb, _, _) = GB18030.encode(text);
        let r = read_csv(&gb[..], "学期活动", &ReadOptions::default()).unwrap();
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        assert_eq!(r.dataset.semester_activities[0].meetings, Some(2));
        let bom = format!("\u{feff}{text}");
        let r = read_csv(bom.as_bytes(), "学期活动", &ReadOptions::default()).unwrap();
        assert_eq!(r.dataset.semester_activities.len(), 1);
        let mut u16 = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            u16.extend_from_slice(&u.to_le_bytes());
        }
        let r = read_csv(&u16[..], "学期活动", &ReadOptions::default()).unwrap();
        assert_eq!(r.dataset.semester_activities.len(), 1);
    }

    #[test]
    fn missing_required_column() {
        let r = read_csv(
            "项目编号,专题业务沟通会次数\nP1,2\n".as_bytes(),
            "学期活动",
            &ReadOptions::default(),
        )
        .unwrap();
        assert!(r.dataset.semester_activities.is_empty());
        assert!(r.issues[0].msg_en.contains("semester"), "{:?}", r.issues);
    }

    #[test]
    fn required_bad_cell_drops_row_others_kept() {
        let csv = "项目编号,学期,专题业务沟通会次数\nP1,2023-2024-3,2\n\n,2023-2024-1,2\nP3,2023-2024-1,-1\nP4,2023-2024-1,1\n";
        let r = read_csv(csv.as_bytes(), "学期活动", &ReadOptions::default()).unwrap();
        let refs: Vec<_> = r.issues.iter().map(|i| (i.cell_ref(), i.kind)).collect();
        assert_eq!(
            refs,
            [
                ("学期活动!B2".to_string(), InputErrorKind::Value),
                ("学期活动!A4".to_string(), InputErrorKind::Missing),
                ("学期活动!C5".to_string(), InputErrorKind::Value),
            ]
        );
        let ps: Vec<_> = r
            .dataset
            .semester_activities
            .iter()
            .map(|a| (a.project.as_str(), a.meetings))
            .collect();
        assert_eq!(ps, [("P3", None), ("P4", Some(1))]);
        assert_eq!(
            r.cells
                .cell(EntityKind::SemesterActivities, 1, Some("meetings"))
                .unwrap()
                .row,
            6
        );
    }
}
