//! A workbook's zip parts checked before calamine reads them: calamine decompresses the shared
//! strings whole when it opens a workbook, and parses cell references with unchecked
//! arithmetic, so a 2 MB zip holding a 2 GiB string, 3 GiB of whitespace or a reference like
//! `A99999999999` must be refused here, by streaming each part once through a counter and a
//! small scanner (no part is held in memory).
//!
//! What is checked, each against [`Limits`]: the declared size and ratio of every part (before
//! decompressing), then the real ones while decompressing (declared sizes may lie), the number
//! of shared strings (declared and counted) and the characters of each text (a shared string,
//! an inline string, a run of whitespace), and every cell reference (`r="…"`, `ref="…"`) of a
//! worksheet against `sheet_rows` and `columns`.

use crate::input::InputIssue;
use crate::limits::{Limit, Limits};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Bytes read of the workbook and its relations to name the sheets' parts.
const SMALL_PART: u64 = 16 << 20;

/// Ratios are only judged for parts this large: small parts of repeated XML compress well.
const RATIO_FLOOR: u64 = 1 << 20;

/// Issues up to `errors_listed`, the rest counted.
pub(crate) struct Capped {
    pub(crate) issues: Vec<InputIssue>,
    max: usize,
    pub(crate) more: u64,
}

impl Capped {
    pub(crate) fn new(limits: &Limits) -> Self {
        Capped {
            issues: Vec::new(),
            max: usize::try_from(limits.errors_listed).unwrap_or(usize::MAX),
            more: 0,
        }
    }
    pub(crate) fn push(&mut self, i: InputIssue) {
        if self.issues.len() < self.max {
            self.issues.push(i);
        } else {
            self.more += 1;
        }
    }
    pub(crate) fn is_empty(&self) -> bool {
        self.issues.is_empty() && self.more == 0
    }
    /// The issues, with one more that counts those not listed.
    pub(crate) fn into_issues(mut self, limits: &Limits) -> Vec<InputIssue> {
        if self.more > 0 {
            let mut i = limits.exceeded(Limit::ErrorsListed, "", Some(self.more));
            i.msg_zh = format!("另有{}个问题未逐一列出", self.more);
            i.msg_en = format!("{} more problems not listed", self.more);
            self.issues.push(i);
        }
        self.issues
    }
}

/// Checks every part of the zip `bytes` (an `.xlsx` or `.ods`); `Err` with every problem when
/// any part is over a limit. Not a zip: `Ok` (calamine says what it is not).
pub(crate) fn check(bytes: &[u8], limits: &Limits) -> Result<(), Vec<InputIssue>> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    // Binary workbooks (.xlsb): calamine reads them with unchecked record lengths and a dense
    // range; they are not among the formats xianjie takes, so they are refused before it looks.
    if zip.index_for_name("xl/workbook.bin").is_some() {
        return Err(vec![InputIssue {
            loc: String::new(),
            line: None,
            column: None,
            kind: crate::input::InputErrorKind::Syntax,
            msg_zh: "不读取二进制工作簿(.xlsb),请另存为 .xlsx".into(),
            msg_en: "binary workbooks (.xlsb) are not read; save it as .xlsx".into(),
        }]);
    }
    let mut out = Capped::new(limits);
    // One pass: declared sizes first; then each part decompressed once through a counter
    // (declared sizes may lie), the parts calamine parses also through the scanner.
    let sheets = sheet_names(&mut zip);
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..zip.len() {
        let Ok(f) = zip.by_index(i) else { continue };
        let name = f.name().to_string();
        let (size, packed) = (f.size(), f.compressed_size());
        if let Some(issue) = size_issue(&name, size, packed, limits) {
            out.push(issue);
            continue;
        }
        let kind = if name.eq_ignore_ascii_case("xl/sharedStrings.xml") {
            Some(Part::SharedStrings)
        } else if name == "content.xml" {
            Some(Part::Ods(Ods::default()))
        } else if let Some(sheet) = sheets.get(&name) {
            Some(Part::Sheet(sheet.clone()))
        } else if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            Some(Part::Sheet(name.clone()))
        } else {
            None
        };
        let mut counter = Counter::new(f, packed, limits);
        match kind {
            None => {
                let _ = std::io::copy(&mut counter, &mut std::io::sink());
            }
            Some(kind) => {
                let mut scan = Scan::new(kind, limits);
                loop {
                    match counter.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => scan.feed(&buf[..n], &mut out),
                    }
                }
            }
        }
        if let Some((limit, found)) = counter.over {
            out.push(limits.exceeded(limit, name, Some(found)));
        }
    }
    if out.is_empty() {
        Ok(())
    } else {
        Err(out.into_issues(limits))
    }
}

fn size_issue(name: &str, size: u64, packed: u64, limits: &Limits) -> Option<InputIssue> {
    if size > limits.zip_part_bytes {
        return Some(limits.exceeded(Limit::ZipPartBytes, name, Some(size)));
    }
    let ratio = size / packed.max(1);
    (size > RATIO_FLOOR && ratio > limits.zip_ratio)
        .then(|| limits.exceeded(Limit::ZipRatio, name, Some(ratio)))
}

/// Counts the bytes a part really decompresses to, stopping at the first limit passed.
struct Counter<R> {
    inner: R,
    packed: u64,
    seen: u64,
    max: u64,
    ratio: u64,
    over: Option<(Limit, u64)>,
}

impl<R: Read> Counter<R> {
    fn new(inner: R, packed: u64, limits: &Limits) -> Self {
        Counter {
            inner,
            packed: packed.max(1),
            seen: 0,
            max: limits.zip_part_bytes,
            ratio: limits.zip_ratio,
            over: None,
        }
    }
}

impl<R: Read> Read for Counter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.over.is_some() {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.seen += n as u64;
        if self.seen > self.max {
            self.over = Some((Limit::ZipPartBytes, self.seen));
            return Ok(0);
        }
        if self.seen > RATIO_FLOOR && self.seen / self.packed > self.ratio {
            self.over = Some((Limit::ZipRatio, self.seen / self.packed));
            return Ok(0);
        }
        Ok(n)
    }
}

/// Part path (`xl/worksheets/sheet1.xml`) → sheet name, from the workbook and its relations.
fn sheet_names<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> HashMap<String, String> {
    // Read before the parts are checked, so bounded here: real ones are a few KiB.
    let read = |zip: &mut zip::ZipArchive<R>, name: &str| -> Option<String> {
        let mut s = String::new();
        zip.by_name(name)
            .ok()?
            .take(SMALL_PART)
            .read_to_string(&mut s)
            .ok()?;
        Some(s)
    };
    let (Some(wb), Some(rels)) = (
        read(zip, "xl/workbook.xml"),
        read(zip, "xl/_rels/workbook.xml.rels"),
    ) else {
        return HashMap::new();
    };
    let targets: HashMap<String, String> = elements(&rels, "Relationship")
        .filter_map(|a| Some((a.get("Id")?.clone(), a.get("Target")?.clone())))
        .collect();
    elements(&wb, "sheet")
        .filter_map(|a| {
            let id = a.iter().find(|(k, _)| k.ends_with(":id"))?.1;
            let t = targets.get(id)?;
            let path = match t.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("xl/{t}"),
            };
            Some((path, a.get("name")?.clone()))
        })
        .collect()
}

/// The attributes of each `<local>` element of a small XML part.
fn elements<'a>(
    xml: &'a str,
    local: &'a str,
) -> impl Iterator<Item = HashMap<String, String>> + 'a {
    let mut r = quick_xml::Reader::from_str(xml);
    std::iter::from_fn(move || loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e))
                if e.local_name().as_ref() == local.as_bytes() =>
            {
                let attrs = e
                    .attributes()
                    .flatten()
                    .map(|a| {
                        let k = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                        let v = String::from_utf8_lossy(&a.value).into_owned();
                        (k, v)
                    })
                    .collect();
                return Some(attrs);
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return None,
            _ => {}
        }
    })
}

enum Part {
    SharedStrings,
    Sheet(String),
    /// An OpenDocument `content.xml`: calamine expands repeated rows and columns into a dense
    /// range, so their product is bounded here.
    Ods(Ods),
}

/// Repeats seen in an OpenDocument table so far.
#[derive(Default)]
struct Ods {
    row_repeat: u64,
    cell_repeat: u64,
    valued: bool,
    /// Columns so far in the row, and up to its last cell with a value.
    pos: u64,
    width: u64,
    /// Rows so far in the table, up to the last with a value, the widest row.
    rows: u64,
    last_row: u64,
    max_width: u64,
    reported: bool,
}

/// Where the scanner is in the XML.
#[derive(Clone, Copy, PartialEq)]
enum At {
    Text,
    /// Inside `<…>`, outside an attribute value.
    Tag,
    /// Inside a quoted attribute value.
    Value(u8),
    /// Inside an entity reference in text (`&amp;`), which counts as one character.
    Entity,
}

/// A byte-level scanner over one part: text lengths, `<si>` counts and cell references. It
/// keeps a few small buffers only, whatever the part holds.
/// Excel's own sheet bounds (rows, columns: `XFD1048576`).
const EXCEL_ROWS: u64 = 1_048_576;
const EXCEL_COLUMNS: u64 = 16_384;

struct Scan<'l> {
    part: Part,
    limits: &'l Limits,
    at: At,
    /// The element name being read (`c`, `row`, `si`), capped.
    name: Vec<u8>,
    name_done: bool,
    /// The attribute name being read with its `=` (`r=`, `ref=`), capped.
    attr: Vec<u8>,
    /// The tag is an end tag (`</row>`), or ends with `/>`.
    closing: bool,
    last: u8,
    /// The value of an `r`/`ref` attribute being read (capped).
    value: Vec<u8>,
    capture: bool,
    /// Characters of the current text run, and whether it was reported.
    run: u64,
    run_reported: bool,
    /// The last cell reference seen (`B7`), for messages.
    cell: Vec<u8>,
    strings: u64,
    strings_reported: bool,
}

const NAME_CAP: usize = 24;
/// Longer than any attribute name looked for (`table:number-columns-repeated=`).
const ATTR_CAP: usize = 40;
/// Longer than any reference Excel writes (`XFD1048576:XFD1048576`).
const VALUE_CAP: usize = 48;

impl<'l> Scan<'l> {
    fn new(part: Part, limits: &'l Limits) -> Self {
        Scan {
            part,
            limits,
            at: At::Text,
            name: Vec::with_capacity(NAME_CAP),
            name_done: false,
            attr: Vec::with_capacity(ATTR_CAP),
            closing: false,
            last: 0,
            value: Vec::with_capacity(VALUE_CAP),
            capture: false,
            run: 0,
            run_reported: false,
            cell: Vec::with_capacity(VALUE_CAP),
            strings: 0,
            strings_reported: false,
        }
    }

    fn place(&self) -> String {
        match &self.part {
            Part::Ods(_) => "content.xml".into(),
            Part::SharedStrings => format!("xl/sharedStrings.xml#{}", self.strings),
            Part::Sheet(s) if self.cell.is_empty() => s.clone(),
            Part::Sheet(s) => format!("{s}!{}", String::from_utf8_lossy(&self.cell)),
        }
    }

    fn feed(&mut self, bytes: &[u8], out: &mut Capped) {
        for &b in bytes {
            let at = self.at;
            self.step(b, out);
            if at == At::Tag {
                self.last = b;
            }
        }
    }

    fn step(&mut self, b: u8, out: &mut Capped) {
        {
            match self.at {
                At::Text | At::Entity => {
                    if b == b'<' {
                        self.at = At::Tag;
                        self.name.clear();
                        self.name_done = false;
                        self.closing = false;
                        self.attr.clear();
                        self.run = 0;
                        self.run_reported = false;
                        return;
                    }
                    if self.at == At::Entity {
                        if b == b';' {
                            self.at = At::Text;
                        }
                        return;
                    }
                    if b == b'&' {
                        self.at = At::Entity;
                    }
                    // One character per UTF-8 lead byte.
                    if b & 0xC0 != 0x80 {
                        self.run += 1;
                        if self.run > self.limits.cell_chars && !self.run_reported {
                            self.run_reported = true;
                            out.push(self.limits.exceeded(Limit::CellChars, self.place(), None));
                        }
                    }
                }
                At::Tag => match b {
                    b'>' => {
                        self.at = At::Text;
                        self.end_name(out);
                        let self_closing = self.last == b'/';
                        self.end_tag(self_closing, out);
                    }
                    b'/' if self.name.is_empty() && !self.name_done => self.closing = true,
                    b'"' | b'\'' => {
                        self.end_name(out);
                        self.at = At::Value(b);
                        let r = self.attr.as_slice();
                        self.capture = r.len() < ATTR_CAP
                            && match self.part {
                                Part::Sheet(_) => r == b"r=" || r == b"ref=",
                                // `count`, `uniqueCount`: calamine reserves room for the latter.
                                Part::SharedStrings => r.ends_with(b"ount="),
                                Part::Ods(_) => {
                                    r.ends_with(b"-repeated=") || r.ends_with(b":value-type=")
                                }
                            };
                        self.value.clear();
                    }
                    _ => {
                        if !self.name_done {
                            if b.is_ascii_whitespace() || b == b'/' {
                                self.end_name(out);
                            } else if self.name.len() < NAME_CAP {
                                self.name.push(b);
                            }
                        }
                        // The attribute name being read (a long one is not looked for).
                        if b.is_ascii_whitespace() {
                            self.attr.clear();
                        } else if self.attr.len() < ATTR_CAP {
                            self.attr.push(b);
                        }
                    }
                },
                At::Value(q) => {
                    if b == q {
                        self.at = At::Tag;
                        if self.capture {
                            self.reference(out);
                        }
                        self.attr.clear();
                    } else if self.capture && self.value.len() <= VALUE_CAP {
                        self.value.push(b);
                    }
                }
            }
        }
    }

    /// The element name is complete: count `<si>` in the shared strings.
    fn end_name(&mut self, out: &mut Capped) {
        if self.name_done {
            return;
        }
        self.name_done = true;
        let local = self.name.rsplit(|c| *c == b':').next().unwrap_or(&[]);
        if matches!(self.part, Part::SharedStrings) && local == b"si" {
            self.strings += 1;
            if self.strings > self.limits.shared_strings && !self.strings_reported {
                self.strings_reported = true;
                out.push(
                    self.limits
                        .exceeded(Limit::SharedStrings, "xl/sharedStrings.xml", None),
                );
            }
        }
    }

    /// An `r`/`ref` value: in a sheet, each reference within the limits (and within `u32`, which
    /// calamine assumes); in the shared strings, the declared count within `shared_strings`.
    fn reference(&mut self, out: &mut Capped) {
        let sheet = match &mut self.part {
            Part::Sheet(sheet) => sheet,
            Part::Ods(o) => {
                let n = self.value.iter().fold(0u64, |n, d| {
                    n.saturating_mul(10)
                        .saturating_add(u64::from(d.wrapping_sub(b'0') % 10))
                });
                if self.attr.ends_with(b"rows-repeated=") {
                    o.row_repeat = n.max(1);
                } else if self.attr.ends_with(b"columns-repeated=") {
                    o.cell_repeat = n.max(1);
                } else {
                    o.valued = true;
                }
                return;
            }
            Part::SharedStrings => {
                let n = std::str::from_utf8(&self.value)
                    .ok()
                    .and_then(|t| t.trim().parse::<u64>().ok());
                if n.is_none_or(|n| n > self.limits.shared_strings) && !self.strings_reported {
                    self.strings_reported = true;
                    out.push(
                        self.limits
                            .exceeded(Limit::SharedStrings, "xl/sharedStrings.xml", n),
                    );
                }
                return;
            }
        };
        // No allocation on the way through: a sheet has millions of references.
        let text = |v: &[u8]| String::from_utf8_lossy(v).into_owned();
        let mut ends = [(0u64, 0u64); 2];
        let mut n = 0;
        // A cell (`<c r=…>`) holds data: the configured limits. Any other reference (the
        // `<dimension>` hint, which some writers set to the whole sheet, a `<mergeCell>`, whose
        // area `merged_cells` bounds when it is read, a hyperlink) holds none: only Excel's own
        // bounds, which keep calamine's arithmetic safe, so a legitimate file is not refused.
        let local = self.name.rsplit(|c| *c == b':').next().unwrap_or(&[]);
        let (max_row, max_col) = if local == b"c" {
            (self.limits.sheet_rows, self.limits.columns)
        } else {
            (EXCEL_ROWS, EXCEL_COLUMNS)
        };
        for part in self.value.split(|c| *c == b':') {
            match parse_ref(part) {
                Some((row, col)) => {
                    let over = if row > max_row.min(u64::from(u32::MAX)) {
                        Some((Limit::SheetRows, row))
                    } else if col > max_col.min(u64::from(u32::MAX)) {
                        Some((Limit::Columns, col))
                    } else {
                        None
                    };
                    if let Some((limit, found)) = over {
                        let shown = if local == b"c" { part } else { &self.value[..] };
                        let place = format!("{sheet}!{}", self.limits.quote(&text(shown)));
                        out.push(self.limits.exceeded(limit, place, Some(found)));
                        return;
                    }
                    if let Some(e) = ends.get_mut(n) {
                        *e = (row, col);
                    }
                    n += 1;
                }
                None => {
                    out.push(bad_ref(self.limits, sheet, &text(&self.value)));
                    return;
                }
            }
        }
        let [(r0, c0), (r1, c1)] = ends;
        // calamine subtracts start from end.
        if n > 2 || (n == 2 && (r1 < r0 || (c1 > 0 && c1 < c0))) {
            out.push(bad_ref(self.limits, sheet, &text(&self.value)));
        }
        if self.name.rsplit(|c| *c == b':').next() == Some(b"c".as_slice()) {
            self.cell.clear();
            self.cell.extend_from_slice(&self.value);
        }
    }

    /// A tag ended: in an OpenDocument table, count the cells calamine will allocate.
    fn end_tag(&mut self, self_closing: bool, out: &mut Capped) {
        let Part::Ods(o) = &mut self.part else {
            return;
        };
        let local = self.name.rsplit(|c| *c == b':').next().unwrap_or(&[]);
        let (start, end) = (!self.closing, self.closing || self_closing);
        match local {
            b"table" if start => *o = Ods::default(),
            b"table-row" => {
                if start {
                    if o.row_repeat == 0 {
                        o.row_repeat = 1;
                    }
                    o.pos = 0;
                    o.width = 0;
                }
                if end {
                    o.rows = o.rows.saturating_add(o.row_repeat.max(1));
                    if o.width > 0 {
                        o.last_row = o.rows;
                        o.max_width = o.max_width.max(o.width);
                    }
                    o.row_repeat = 0;
                    let cells = o.last_row.saturating_mul(o.max_width);
                    let over = [
                        (Limit::SheetRows, o.last_row),
                        (Limit::Columns, o.max_width),
                        (Limit::SheetCells, cells),
                    ]
                    .into_iter()
                    .find(|(l, n)| *n > self.limits.get(*l));
                    if let (Some((l, n)), false) = (over, o.reported) {
                        o.reported = true;
                        out.push(self.limits.exceeded(l, "content.xml", Some(n)));
                    }
                }
            }
            b"table-cell" | b"covered-table-cell" if start => {
                o.pos = o.pos.saturating_add(o.cell_repeat.max(1));
                if o.valued {
                    o.width = o.pos;
                }
                o.cell_repeat = 0;
                o.valued = false;
            }
            _ => {}
        }
    }
}

fn bad_ref(limits: &Limits, sheet: &str, text: &str) -> InputIssue {
    let t = limits.quote(text);
    InputIssue {
        loc: format!("{sheet}!{t}"),
        line: None,
        column: None,
        kind: crate::input::InputErrorKind::Syntax,
        msg_zh: format!("单元格引用“{t}”无效"),
        msg_en: format!("invalid cell reference {t:?}"),
    }
}

/// `B7` → (7, 2), `7` (a row) → (7, 0), 1-based, saturating (a reference past `u64` is as far
/// past the limits as one at `u64::MAX`); `None` when malformed.
fn parse_ref(s: &[u8]) -> Option<(u64, u64)> {
    let s = s.strip_prefix(b"$").unwrap_or(s);
    let split = s
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    let (letters, digits) = s.split_at(split);
    let digits = digits.strip_prefix(b"$").unwrap_or(digits);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let col = letters.iter().fold(0u64, |col, c| {
        col.saturating_mul(26)
            .saturating_add(u64::from(c.to_ascii_uppercase() - b'A') + 1)
    });
    let row = digits.iter().fold(0u64, |row, d| {
        row.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    });
    (row >= 1).then_some((row, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(parse_ref(b"XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(parse_ref(b"$B$7"), Some((7, 2)));
        assert_eq!(parse_ref(b"7"), Some((7, 0)));
        assert_eq!(parse_ref(b"A99999999999"), Some((99_999_999_999, 1)));
        assert_eq!(parse_ref(b"A0"), None);
        assert_eq!(parse_ref(b"A1B"), None);
        let far = format!("{}1", "Z".repeat(40));
        assert_eq!(parse_ref(far.as_bytes()), Some((1, u64::MAX)));
    }

    #[test]
    fn scanner_counts_text_and_refs() {
        let l = Limits {
            cell_chars: 5,
            ..Limits::default()
        };
        let mut out = Capped::new(&l);
        let mut s = Scan::new(Part::Sheet("S".into()), &l);
        s.feed(
            br#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>abc&amp;d</t></is></c><c r="B1"><v>123456</v></c><c r='XFE1'/></row></sheetData>"#,
            &mut out,
        );
        let locs: Vec<_> = out
            .issues
            .iter()
            .map(|i| (i.loc.as_str(), i.kind))
            .collect();
        assert_eq!(
            locs,
            [
                ("S!B1", crate::input::InputErrorKind::Limit),
                ("S!XFE1", crate::input::InputErrorKind::Limit)
            ]
        );
    }
}
