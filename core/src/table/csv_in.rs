//! Reading CSV: encoding detected from the first 64 KiB (UTF-8 with or without BOM, UTF-16 with
//! BOM, else GB18030), records streamed with one reused buffer, so memory stays bounded when
//! read in batches ([`read_csv_batches`]).

use super::cell::Raw;
use super::cellmap::column_letter;
use super::columns::{entity_for_sheet, spec, EntitySpec};
use super::rows::Builder;
use super::xlsx_in::missing_required;
use super::{CellIssue, CellMap, ReadOptions, TableRead};
use crate::finding::Cell;
use crate::input::{InputError, InputErrorKind};
use crate::model::{Dataset, EntityKind};
use crate::report::Report;
use encoding_rs::{Decoder, Encoding, GB18030, UTF_16BE, UTF_16LE};
use std::io::{self, Read};

const SNIFF: usize = 64 * 1024;

/// Decodes a byte stream to UTF-8 as it is read.
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
            let (_, read, written, _) =
                self.decoder
                    .decode_to_utf8(&self.inbuf[..self.in_len], &mut self.out, self.eof);
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
/// even after blank lines (which the csv crate skips without counting) and quoted line breaks.
pub(crate) struct Lines<R> {
    inner: R,
    offset: u64,
    /// Line breaks at offsets below those in `pending`.
    counted: u64,
    /// Offsets of line breaks not yet counted (a few, bounded by the reader's look-ahead).
    pending: std::collections::VecDeque<u64>,
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, b) in buf[..n].iter().enumerate() {
            if *b == b'\n' {
                self.pending.push_back(self.offset + i as u64);
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

impl<R> Lines<R> {
    /// The first line (1-based) of a record that ends at byte `end` (just past its terminator)
    /// and holds `inner` line breaks inside quoted fields. Calls must come in order.
    fn first_line(&mut self, end: u64, inner: u64) -> u32 {
        let mut last_is_break = false;
        while let Some(&o) = self.pending.front() {
            if o >= end {
                break;
            }
            last_is_break = o + 1 == end;
            self.counted += 1;
            self.pending.pop_front();
        }
        let breaks_before = self.counted - u64::from(last_is_break);
        u32::try_from(1 + breaks_before.saturating_sub(inner)).unwrap_or(u32::MAX)
    }
}

/// The encoding of a CSV file from its first bytes; `None` means UTF-8 (a BOM is skipped).
fn sniff(head: &[u8]) -> (Option<&'static Encoding>, usize) {
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
        Ok(_) => (None, 0),
        // Cut mid-character at the end of the sample: still UTF-8.
        Err(e) if e.error_len().is_none() => (None, 0),
        Err(_) => (Some(GB18030), 0),
    }
}

fn open_stream<'r, R: Read + 'r>(mut r: R) -> io::Result<(Box<dyn Read + 'r>, &'static str)> {
    let mut head = Vec::with_capacity(SNIFF);
    (&mut r).take(SNIFF as u64).read_to_end(&mut head)?;
    let (enc, skip) = sniff(&head);
    let start = io::Cursor::new(head).chain(r);
    let mut start = start;
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
            e.name(),
        ),
    })
}

/// A CSV file being read: header mapped, records streamed.
pub(crate) struct CsvRows<'r> {
    rdr: csv::Reader<Lines<Box<dyn Read + 'r>>>,
    spec: &'static EntitySpec,
    sheet: String,
    mapping: Vec<(u32, usize)>,
    record: csv::ByteRecord,
    header_issues: Vec<CellIssue>,
    ok: bool,
    /// The encoding detected.
    pub encoding: &'static str,
}

fn first_line<R: Read>(rdr: &mut csv::Reader<Lines<R>>, rec: &csv::ByteRecord) -> u32 {
    let end = rdr.position().byte();
    let inner = rec.as_slice().iter().filter(|b| **b == b'\n').count() as u64;
    rdr.get_mut().first_line(end, inner)
}

fn csv_error(e: impl std::fmt::Display) -> InputError {
    InputError::single(
        InputErrorKind::Syntax,
        format!("CSV格式错误:{e}"),
        format!("malformed CSV: {e}"),
    )
}

impl<'r> CsvRows<'r> {
    pub(crate) fn open<R: Read + 'r>(
        r: R,
        sheet: &str,
        kind: Option<EntityKind>,
    ) -> Result<Self, InputError> {
        let Some(kind) = kind.or_else(|| entity_for_sheet(sheet)) else {
            return Err(InputError::single(
                InputErrorKind::Value,
                format!("无法从文件名“{sheet}”判断数据类别;请用类别名命名文件(如 学期活动.csv)或指定 --entity"),
                format!("cannot tell the entity from the file name {sheet:?}; name the file after it (e.g. semester_activities.csv) or give --entity"),
            ));
        };
        let spec = spec(kind).ok_or_else(|| csv_error("unknown entity"))?;
        let (stream, encoding) = open_stream(r).map_err(csv_error)?;
        let delim = if sheet.ends_with(".tsv") { b'\t' } else { b',' };
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delim)
            .from_reader(Lines {
                inner: stream,
                offset: 0,
                counted: 0,
                pending: Default::default(),
            });
        let mut record = csv::ByteRecord::new();
        let mut mapping = Vec::new();
        let mut header_issues = Vec::new();
        // The header is the first non-blank record.
        loop {
            if !rdr.read_byte_record(&mut record).map_err(csv_error)? {
                break;
            }
            if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
                continue;
            }
            let row = first_line(&mut rdr, &record);
            for (c, f) in record.iter().enumerate() {
                let c = c as u32;
                let text = String::from_utf8_lossy(f);
                match spec.column_for(&text) {
                    Some(i) if !mapping.iter().any(|(_, j)| *j == i) => mapping.push((c, i)),
                    _ if text.trim().is_empty() => {}
                    _ => header_issues.push(CellIssue {
                        cell: Some(Cell {
                            sheet: sheet.to_string(),
                            row,
                            column: column_letter(c),
                        }),
                        entity: Some(kind),
                        field: None,
                        kind: InputErrorKind::UnknownField,
                        value: Some(text.to_string()),
                        msg_zh: format!("列名“{text}”无法识别或重复,此列不会被检查"),
                        msg_en: format!(
                            "column {text:?} is not recognized or repeated and will not be checked"
                        ),
                    }),
                }
            }
            break;
        }
        Ok(CsvRows {
            rdr,
            spec,
            sheet: sheet.to_string(),
            mapping,
            record,
            header_issues,
            ok: true,
            encoding,
        })
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
                    let row = e.position().map_or(0, |p| p.line() as u32);
                    b.issues.push(CellIssue {
                        cell: Some(Cell {
                            sheet: self.sheet.clone(),
                            row,
                            column: "A".into(),
                        }),
                        entity: Some(self.spec.kind),
                        field: None,
                        kind: InputErrorKind::Syntax,
                        value: None,
                        msg_zh: format!("CSV格式错误,此行未读入:{e}"),
                        msg_en: format!("malformed CSV, row not read: {e}"),
                    });
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        self.ok = false;
                        break;
                    }
                    continue;
                }
            }
            let row = first_line(&mut self.rdr, &self.record);
            let rec = &self.record;
            b.row(&sr, row, |c| match rec.get(c as usize) {
                None => Raw::Empty,
                Some(f) => std::str::from_utf8(f).map_or(Raw::Text("\u{fffd}"), Raw::Text),
            });
            n += 1;
        }
        n
    }
}

/// Reads a whole CSV file of one entity (named `sheet` in cells; the entity from `opts.entity`
/// or `sheet`). For files too large to hold, use [`read_csv_batches`].
pub fn read_csv<R: Read>(r: R, sheet: &str, opts: &ReadOptions) -> Result<TableRead, InputError> {
    let mut rows = CsvRows::open(r, sheet, opts.entity)?;
    let mut b = Builder::default();
    rows.fill(&mut b, usize::MAX);
    let (dataset, cells, issues) = b.finish(opts.name.clone(), opts.reporting_year);
    Ok(TableRead {
        dataset,
        cells,
        issues,
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
/// let mut report = xianjie::check(&batches[1].dataset, &Default::default()).unwrap();
/// batches[1].locate(&mut report);
/// // P4, P6 and P7 (records 4, 6, 7 of the file, CSV lines 6, 8, 9) hold fewer than 2 meetings.
/// let short: Vec<_> = report.findings.iter()
///     .filter(|f| f.rule_id.ends_with("semester-meetings"))
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
    Ok(CsvBatches {
        rows: CsvRows::open(r, sheet, opts.entity)?,
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
