//! Limits on input, in one place: what xianjie will read before it refuses, decided before the
//! allocation, so that a 2 KB workbook or a cyclic Python dict costs milliseconds, not the process.
//!
//! Uploads reach xianjie from schools and from the public. Every reader (JSON, workbooks, CSV,
//! Python values, JavaScript values) takes its bounds from one [`Limits`]; each refusal is an
//! [`InputIssue`] of type [`InputErrorKind::Limit`] that names the place and the limit exceeded
//! (see [`Limits::exceeded`]). The defaults let a real one-million-row CSV file and a 100 MB JSON
//! document through; raise one with [`Limits::set`] (CLI `--limit name=value`, Python
//! `limits={...}`, JS `{limits: {...}}`), all three by the same names.
//!
//! ```
//! use xianjie::limits::{Limit, Limits};
//! let mut limits = Limits::default();
//! assert_eq!(limits.get(Limit::NestingDepth), 64);
//! limits.set("input_bytes", "2GiB").unwrap();
//! assert_eq!(limits.input_bytes, 2 << 30);
//! let err = limits.set("input_byte", "1").unwrap_err();
//! assert!(err.errors[0].msg_en.contains("input_bytes"));
//! ```

use crate::input::{InputError, InputErrorKind, InputIssue};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Bounds on what is read. Every field is a count (or bytes, or characters); see each for what
/// it bounds and why its default is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct Limits {
    /// Bytes of one input file or document (JSON, CSV, workbook). Default 1 GiB: a national JSON
    /// document fits; `/dev/zero` does not get read until memory runs out.
    pub input_bytes: u64,
    /// Records in one collection. Default 10,000,000 (the nation's students in a decade fit in
    /// batches; one document holding more is a mistake or an attack).
    pub records: u64,
    /// Columns of one sheet or CSV file. Default 1,000 (the widest collection has under 60).
    pub columns: u64,
    /// Rows of one sheet (Excel's own limit is 1,048,576). Default 1,048,576.
    pub sheet_rows: u64,
    /// Cells of one sheet's used range (rows × columns, counted before it is allocated).
    /// Default 30,000,000: a million rows of 30 columns.
    pub sheet_cells: u64,
    /// Cells covered by merged ranges in one sheet. Default 100,000 (merges are for headers).
    pub merged_cells: u64,
    /// Decompressed bytes of one part of a workbook (a sheet's XML, the shared strings).
    /// Default 1 GiB.
    pub zip_part_bytes: u64,
    /// Decompressed size of a workbook part over its compressed size, for parts over 1 MiB.
    /// Default 200: real sheets compress 5–50 times; zip bombs thousands of times.
    pub zip_ratio: u64,
    /// Shared strings in one workbook. Default 5,000,000.
    pub shared_strings: u64,
    /// Characters of one cell, CSV or workbook (Excel's own limit is 32,767). Default 32,767.
    pub cell_chars: u64,
    /// Bytes of one CSV line (a record). Default 1 MiB.
    pub csv_line_bytes: u64,
    /// Characters of one string value in a JSON document or a Python/JS value. Default 1,000,000.
    pub string_chars: u64,
    /// Nesting depth of a JSON document or a Python/JS value (a dataset needs 5). Default 64;
    /// at most 128 (the JSON reader's own bound; readers of nested values use the stack).
    pub nesting_depth: u64,
    /// Problems listed one by one; the rest are counted in a last issue. Default 1,000.
    pub errors_listed: u64,
    /// Characters of a user's value quoted in a message; longer values are shown abbreviated.
    /// Default 80.
    pub message_chars: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            input_bytes: 1 << 30,
            records: 10_000_000,
            columns: 1_000,
            sheet_rows: 1_048_576,
            sheet_cells: 30_000_000,
            merged_cells: 100_000,
            zip_part_bytes: 1 << 30,
            zip_ratio: 200,
            shared_strings: 5_000_000,
            cell_chars: 32_767,
            csv_line_bytes: 1 << 20,
            string_chars: 1_000_000,
            nesting_depth: 64,
            errors_listed: 1_000,
            message_chars: 80,
        }
    }
}

/// The highest [`Limits::nesting_depth`] that [`Limits::set`] accepts: serde_json's recursion
/// limit, so nothing deeper could be read anyway, and a bound on the stack of every recursive
/// reader (the Python converter among them).
pub const MAX_NESTING_DEPTH: u64 = 128;

/// One limit, by name: for messages and for [`Limits::set`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::input_bytes`]
    InputBytes,
    /// [`Limits::records`]
    Records,
    /// [`Limits::columns`]
    Columns,
    /// [`Limits::sheet_rows`]
    SheetRows,
    /// [`Limits::sheet_cells`]
    SheetCells,
    /// [`Limits::merged_cells`]
    MergedCells,
    /// [`Limits::zip_part_bytes`]
    ZipPartBytes,
    /// [`Limits::zip_ratio`]
    ZipRatio,
    /// [`Limits::shared_strings`]
    SharedStrings,
    /// [`Limits::cell_chars`]
    CellChars,
    /// [`Limits::csv_line_bytes`]
    CsvLineBytes,
    /// [`Limits::string_chars`]
    StringChars,
    /// [`Limits::nesting_depth`]
    NestingDepth,
    /// [`Limits::errors_listed`]
    ErrorsListed,
    /// [`Limits::message_chars`]
    MessageChars,
}

/// Unit of a limit, for messages.
#[derive(Clone, Copy)]
enum Unit {
    Bytes,
    Count,
    Chars,
    Ratio,
}

impl Limit {
    /// Every limit, in declaration order.
    pub const ALL: [Limit; 15] = [
        Limit::InputBytes,
        Limit::Records,
        Limit::Columns,
        Limit::SheetRows,
        Limit::SheetCells,
        Limit::MergedCells,
        Limit::ZipPartBytes,
        Limit::ZipRatio,
        Limit::SharedStrings,
        Limit::CellChars,
        Limit::CsvLineBytes,
        Limit::StringChars,
        Limit::NestingDepth,
        Limit::ErrorsListed,
        Limit::MessageChars,
    ];

    /// The name used by `--limit`, Python and JS (the field's name).
    pub fn name(self) -> &'static str {
        self.info().0
    }

    /// What is bounded, in Chinese and English.
    pub fn what(self) -> (&'static str, &'static str) {
        let (_, zh, en, _) = self.info();
        (zh, en)
    }

    fn info(self) -> (&'static str, &'static str, &'static str, Unit) {
        use Unit::*;
        match self {
            Limit::InputBytes => ("input_bytes", "输入文件大小", "input size", Bytes),
            Limit::Records => (
                "records",
                "一个集合的记录数",
                "records in a collection",
                Count,
            ),
            Limit::Columns => (
                "columns",
                "工作表或CSV的列数",
                "columns of a sheet or CSV file",
                Count,
            ),
            Limit::SheetRows => ("sheet_rows", "工作表行数", "rows of a sheet", Count),
            Limit::SheetCells => ("sheet_cells", "工作表单元格数", "cells of a sheet", Count),
            Limit::MergedCells => (
                "merged_cells",
                "合并单元格覆盖的单元格数",
                "cells covered by merged ranges",
                Count,
            ),
            Limit::ZipPartBytes => (
                "zip_part_bytes",
                "工作簿部件解压后大小",
                "decompressed size of a workbook part",
                Bytes,
            ),
            Limit::ZipRatio => (
                "zip_ratio",
                "工作簿部件压缩比",
                "compression ratio of a workbook part",
                Ratio,
            ),
            Limit::SharedStrings => (
                "shared_strings",
                "工作簿共享字符串数",
                "shared strings of a workbook",
                Count,
            ),
            Limit::CellChars => ("cell_chars", "单元格字符数", "characters of a cell", Chars),
            Limit::CsvLineBytes => ("csv_line_bytes", "CSV单行大小", "size of a CSV line", Bytes),
            Limit::StringChars => (
                "string_chars",
                "文本值字符数",
                "characters of a text value",
                Chars,
            ),
            Limit::NestingDepth => ("nesting_depth", "嵌套层数", "nesting depth", Count),
            Limit::ErrorsListed => (
                "errors_listed",
                "逐一列出的问题数",
                "problems listed one by one",
                Count,
            ),
            Limit::MessageChars => (
                "message_chars",
                "消息中引用值的字符数",
                "characters of a value quoted in a message",
                Chars,
            ),
        }
    }

    /// The limit named `name` (as [`Limit::name`] gives it).
    pub fn from_name(name: &str) -> Option<Limit> {
        Limit::ALL.into_iter().find(|l| l.name() == name)
    }
}

impl Limits {
    /// The value of one limit.
    pub fn get(&self, limit: Limit) -> u64 {
        // One table of fields (`slot`) for reading and writing; a copy of 15 numbers is free.
        *self.clone().slot(limit)
    }

    fn slot(&mut self, limit: Limit) -> &mut u64 {
        match limit {
            Limit::InputBytes => &mut self.input_bytes,
            Limit::Records => &mut self.records,
            Limit::Columns => &mut self.columns,
            Limit::SheetRows => &mut self.sheet_rows,
            Limit::SheetCells => &mut self.sheet_cells,
            Limit::MergedCells => &mut self.merged_cells,
            Limit::ZipPartBytes => &mut self.zip_part_bytes,
            Limit::ZipRatio => &mut self.zip_ratio,
            Limit::SharedStrings => &mut self.shared_strings,
            Limit::CellChars => &mut self.cell_chars,
            Limit::CsvLineBytes => &mut self.csv_line_bytes,
            Limit::StringChars => &mut self.string_chars,
            Limit::NestingDepth => &mut self.nesting_depth,
            Limit::ErrorsListed => &mut self.errors_listed,
            Limit::MessageChars => &mut self.message_chars,
        }
    }

    /// Sets the limit `name` from text: a whole number, optionally with a binary size suffix
    /// (`KiB`, `MiB`, `GiB`) or `_` separators (`1_000_000`). Unknown names and values that are
    /// not whole numbers are input errors that list what is accepted.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), InputError> {
        let Some(limit) = Limit::from_name(name) else {
            let names: Vec<&str> = Limit::ALL.iter().map(|l| l.name()).collect();
            let names = names.join(", ");
            let name = abbreviate(name, self.message_chars);
            return Err(InputError::single(
                InputErrorKind::Value,
                format!("未知的限额名称“{name}”,可用:{names}"),
                format!("unknown limit {name:?}; known limits: {names}"),
            ));
        };
        let n = parse_amount(value).ok_or_else(|| {
            let v = abbreviate(value, self.message_chars);
            InputError::single(
                InputErrorKind::Value,
                format!(
                    "限额{}的值“{v}”不是非负整数(可带KiB、MiB、GiB)",
                    limit.name()
                ),
                format!(
                    "limit {}: {v:?} is not a whole number (KiB, MiB, GiB may follow)",
                    limit.name()
                ),
            )
        })?;
        if limit == Limit::NestingDepth && n > MAX_NESTING_DEPTH {
            // Readers of nested values recurse: the stack, not the heap, is what this protects.
            return Err(InputError::single(
                InputErrorKind::Value,
                format!("限额nesting_depth最多为{MAX_NESTING_DEPTH}(JSON读取器自身的上限),不能设为{n}"),
                format!("limit nesting_depth can be at most {MAX_NESTING_DEPTH} (the JSON reader's own bound), not {n}"),
            ));
        }
        *self.slot(limit) = n;
        Ok(())
    }

    /// Sets every `(name, value)` pair; every bad pair is reported, not just the first.
    pub fn set_all<'a>(
        &mut self,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<(), InputError> {
        let mut errors = Vec::new();
        for (k, v) in pairs {
            if let Err(e) = self.set(k, v) {
                errors.extend(e.errors);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(InputError {
                source_name: None,
                errors,
            })
        }
    }

    /// The issue for `limit` exceeded at `loc` (a path or `sheet!cell`); `found` is how much was
    /// seen, when it is known (a size declared up front, a count reached).
    ///
    /// ```
    /// use xianjie::limits::{Limit, Limits};
    /// let i = Limits::default().exceeded(Limit::SheetCells, "学期活动!A1:XFD1048576", Some(17_179_869_184));
    /// assert_eq!(i.kind.as_str(), "limit");
    /// assert!(i.msg_zh.contains("30,000,000"));
    /// assert!(i.msg_en.contains("sheet_cells"));
    /// ```
    pub fn exceeded(&self, limit: Limit, loc: impl Into<String>, found: Option<u64>) -> InputIssue {
        self.exceeded_at(limit, loc.into(), found)
    }

    /// [`Limits::exceeded`], compiled once (not once per type of `loc`).
    fn exceeded_at(&self, limit: Limit, loc: String, found: Option<u64>) -> InputIssue {
        let (zh, en) = limit.what();
        let bound = self.get(limit);
        let unit = limit.info().3;
        let (bz, be) = (amount_zh(bound, unit), amount_en(bound, unit));
        let name = limit.name();
        let (msg_zh, msg_en) = match found {
            Some(f) => (
                format!(
                    "{zh}为{},超过限额{bz}(可用限额{name}调整)",
                    amount_zh(f, unit)
                ),
                format!(
                    "{en} is {}, over the limit of {be} (raise it with the limit {name})",
                    amount_en(f, unit)
                ),
            ),
            None => (
                format!("{zh}超过限额{bz}(可用限额{name}调整)"),
                format!("{en} exceeds the limit of {be} (raise it with the limit {name})"),
            ),
        };
        InputIssue {
            loc,
            line: None,
            column: None,
            kind: InputErrorKind::Limit,
            msg_zh,
            msg_en,
        }
    }

    /// Shows a user's value in a message, abbreviated to [`Limits::message_chars`].
    pub fn quote<'a>(&self, s: &'a str) -> std::borrow::Cow<'a, str> {
        abbreviate(s, self.message_chars)
    }
}

/// `s` cut to `max` characters, with the total said: `前…(共1048576字符)`-style, language-neutral
/// (`abc…[+1048573 chars]`) so it fits both messages. Short text is borrowed unchanged.
pub fn abbreviate(s: &str, max: u64) -> std::borrow::Cow<'_, str> {
    let max = usize::try_from(max).unwrap_or(usize::MAX);
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some((cut, _)) => {
            let rest = s[cut..].chars().count();
            std::borrow::Cow::Owned(format!("{}…[+{rest}]", &s[..cut]))
        }
    }
}

fn parse_amount(text: &str) -> Option<u64> {
    let t = text.trim();
    let (digits, mult) = [("KiB", 1u64 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30)]
        .iter()
        .find_map(|(suf, m)| t.strip_suffix(suf).map(|d| (d.trim(), *m)))
        .unwrap_or((t, 1));
    let digits: String = digits.chars().filter(|c| *c != '_').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u64>().ok()?.checked_mul(mult)
}

/// `1,048,576`
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn amount_zh(n: u64, unit: Unit) -> String {
    match unit {
        Unit::Bytes => format!("{}字节", grouped(n)),
        Unit::Count => grouped(n),
        Unit::Chars => format!("{}个字符", grouped(n)),
        Unit::Ratio => format!("{}倍", grouped(n)),
    }
}

fn amount_en(n: u64, unit: Unit) -> String {
    match unit {
        Unit::Bytes => format!("{} bytes", grouped(n)),
        Unit::Count => grouped(n),
        Unit::Chars => format!("{} characters", grouped(n)),
        Unit::Ratio => format!("{}:1", grouped(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_the_field_names() {
        let json = serde_json::to_value(Limits::default()).unwrap();
        let obj = json.as_object().unwrap();
        assert_eq!(obj.len(), Limit::ALL.len());
        for l in Limit::ALL {
            assert_eq!(Limit::from_name(l.name()), Some(l));
            assert_eq!(obj[l.name()].as_u64(), Some(Limits::default().get(l)));
        }
    }

    #[test]
    fn set_parses_sizes_and_reports_every_bad_pair() {
        let mut l = Limits::default();
        l.set("cell_chars", "1_000").unwrap();
        assert_eq!(l.cell_chars, 1000);
        l.set("zip_part_bytes", "64 MiB").unwrap();
        assert_eq!(l.zip_part_bytes, 64 << 20);
        let e = l
            .set_all([("nope", "1"), ("records", "-3"), ("records", "1e9")])
            .unwrap_err();
        assert_eq!(e.errors.len(), 3);
        assert!(e.errors.iter().all(|i| i.kind == InputErrorKind::Value));
        assert!(l.set("records", "99999999999999999999GiB").is_err());
        l.set("nesting_depth", "128").unwrap();
        let e = l.set("nesting_depth", "129").unwrap_err();
        assert!(e.errors[0].msg_en.contains("at most 128"));
    }

    #[test]
    fn abbreviate_keeps_short_text_and_says_how_much_was_cut() {
        assert_eq!(abbreviate("短文本", 80), "短文本");
        let long = "甲".repeat(100);
        let a = abbreviate(&long, 10);
        assert_eq!(a, format!("{}…[+90]", "甲".repeat(10)));
    }

    #[test]
    fn exceeded_names_limit_place_and_amounts() {
        let i = Limits::default().exceeded(Limit::InputBytes, "data.json", Some(2 << 30));
        assert_eq!(i.loc, "data.json");
        assert!(i.msg_zh.contains("2,147,483,648字节"), "{}", i.msg_zh);
        assert!(i.msg_en.contains("1,073,741,824 bytes"), "{}", i.msg_en);
    }
}
