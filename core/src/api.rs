//! Entry points shared by the bindings (Python, JavaScript): reading a dataset from a path by its
//! extension. Kept here so no binding holds message text or format logic of its own.

use crate::input::{InputError, InputErrorKind, InputIssue};
use crate::limits::{Limit, Limits};
use crate::model::Dataset;
use std::io::Read;
use std::path::Path;

/// Reads a dataset from `path`, choosing the reader by extension: `.json`, or a workbook or CSV
/// file (with the `tables` feature; any cell problem is an error). Every problem is an [`InputError`] naming the file.
///
/// ```
/// let err = xianjie::api::read_path(std::path::Path::new("no/such/file.json")).unwrap_err();
/// assert_eq!(err.errors[0].kind.as_str(), "io");
/// ```
pub fn read_path(path: &Path) -> Result<Dataset, InputError> {
    read_path_with(path, &Limits::default())
}

/// [`read_path`] under `limits`: a JSON file over [`Limits::input_bytes`] is refused from its
/// size before it is read, and one whose size is not known (a device, a pipe) is read only up to
/// the limit (see [`read_document`]).
///
/// ```
/// # let p = std::env::temp_dir().join("xianjie-api-doc-big.json");
/// std::fs::write(&p, format!("{{\"name\": \"{}\"}}", "x".repeat(2_000))).unwrap();
/// let mut limits = xianjie::limits::Limits::default();
/// limits.input_bytes = 1_000;
/// let err = xianjie::api::read_path_with(&p, &limits).unwrap_err();
/// assert_eq!(err.errors[0].kind.as_str(), "limit");
/// ```
pub fn read_path_with(path: &Path, limits: &Limits) -> Result<Dataset, InputError> {
    #[cfg(feature = "tables")]
    if crate::table::is_table_path(path) {
        return read_path_located(path, limits).map(|(ds, _)| ds);
    }
    let name = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "json" => read_document(open_bounded(path, limits)?, &name, limits),
        #[cfg(not(feature = "tables"))]
        "xlsx" | "csv" => Err(InputError::single(
            InputErrorKind::Value,
            format!(".{ext}文件需要表格读取功能(tables),本版本未包含;请改用JSON"),
            format!("reading .{ext} files needs the `tables` feature, not in this build; use JSON"),
        )
        .with_source(&name)),
        _ => Err(InputError::single(
            InputErrorKind::Value,
            format!("不支持的文件类型“.{ext}”:应为.json、.xlsx或.csv"),
            format!("unsupported file type `.{ext}`: expected .json, .xlsx or .csv"),
        )
        .with_source(&name)),
    }
}

/// Like [`read_path`], and for a workbook or CSV file also where each record came from, so that
/// findings can name their cell ([`crate::table::CellMap::locate`]); `None` for JSON.
///
/// ```
/// # let dir = std::env::temp_dir().join("xianjie-api-doc");
/// # std::fs::create_dir_all(&dir).unwrap();
/// let p = dir.join("semester_activities.csv");
/// std::fs::write(&p, "project,semester,meetings,joint_research,teachers_dispatched\nP1,2023-2024-1,1,3,5\n").unwrap();
/// let (ds, cells) = xianjie::api::read_path_with_cells(&p).unwrap();
/// let opts = xianjie::Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() };
/// let mut report = xianjie::check(&ds, &opts).unwrap();
/// cells.unwrap().locate(&mut report);
/// let cell = report.findings[0].locations[0].cell.clone().unwrap();
/// assert_eq!((cell.row, cell.column.as_str()), (2, "C"));
/// ```
#[cfg(feature = "tables")]
pub fn read_path_with_cells(
    path: &Path,
) -> Result<(Dataset, Option<crate::table::CellMap>), InputError> {
    read_path_located(path, &Limits::default())
}

/// [`read_path_with_cells`] under `limits` (workbooks and CSV files are bounded by them too).
#[cfg(feature = "tables")]
pub fn read_path_located(
    path: &Path,
    limits: &Limits,
) -> Result<(Dataset, Option<crate::table::CellMap>), InputError> {
    let read = match read_any(path, limits)? {
        Any::Json(ds) => return Ok((ds, None)),
        Any::Table(read) => read,
    };
    // Strict, as for JSON: any cell problem makes the input unusable.
    match read.input_error() {
        Some(e) => Err(e.with_source(path.display().to_string())),
        None => Ok((read.dataset, Some(read.cells))),
    }
}

/// Like [`read_path_located`], but a workbook or CSV file with cells that could not be read is
/// not refused: the cells' problems come back in the [`Origin`](crate::table::Origin), whose
/// [`apply`](crate::table::Origin::apply) puts them into the report as input issues (and
/// withholds the findings on those fields), as the CLI does. `Err` only when the input cannot be
/// used at all (not a table, a sheet without a header, a limit exceeded, an unreadable file).
///
/// ```
/// # let dir = std::env::temp_dir().join("xianjie-api-doc-origin");
/// # std::fs::create_dir_all(&dir).unwrap();
/// let p = dir.join("semester_activities.csv");
/// std::fs::write(&p, "project,semester,meetings,joint_research,teachers_dispatched\nP1,2023-2024-1,three,3,5\n").unwrap();
/// let (ds, origin) = xianjie::api::read_path_origin(&p, &Default::default()).unwrap();
/// let mut report = xianjie::check(&ds, &Default::default()).unwrap();
/// origin.unwrap().apply(&mut report);
/// assert!(report.input_issues[0].loc.ends_with("semester_activities!C2 meetings"));
/// assert!(!report.ok);
/// ```
#[cfg(feature = "tables")]
pub fn read_path_origin(
    path: &Path,
    limits: &Limits,
) -> Result<(Dataset, Option<crate::table::Origin>), InputError> {
    let read = match read_any(path, limits)? {
        Any::Json(ds) => return Ok((ds, None)),
        Any::Table(read) => read,
    };
    let (ds, origin) = read
        .into_usable()
        .map_err(|e| e.with_source(path.display().to_string()))?;
    Ok((ds, Some(origin)))
}

/// A file read by its extension under `limits`: a JSON document, or a table with its cells.
#[cfg(feature = "tables")]
enum Any {
    Json(Dataset),
    Table(crate::table::TableRead),
}

#[cfg(feature = "tables")]
fn read_any(path: &Path, limits: &Limits) -> Result<Any, InputError> {
    if !crate::table::is_table_path(path) {
        return read_path_with(path, limits).map(Any::Json);
    }
    let opts = crate::table::ReadOptions {
        limits: limits.clone(),
        ..Default::default()
    };
    crate::table::read_path(path, &opts).map(Any::Table)
}

/// Reads a dataset JSON document from `reader` (a file, stdin) under `limits`; `name` names it in
/// errors. See [`read_text`] for what is refused before the document is parsed.
///
/// ```
/// use xianjie::limits::Limits;
/// let ds = xianjie::api::read_document(&br#"{"reporting_year": 2024}"#[..], "-", &Limits::default()).unwrap();
/// assert_eq!(ds.reporting_year, Some(2024));
/// ```
pub fn read_document(
    reader: impl Read,
    name: &str,
    limits: &Limits,
) -> Result<Dataset, InputError> {
    let text = read_text(reader, name, limits)?;
    Dataset::from_json_str_with(&text, limits).map_err(|e| e.with_source(name))
}

/// Reads the text of a JSON document from `reader`, at most [`Limits::input_bytes`] of it: more is
/// refused (type `limit`) without being kept. Refused early, after the first bytes, when the
/// first non-blank byte cannot begin a JSON document (NUL bytes, a binary file, `/dev/zero`), so
/// such input costs kilobytes, not the limit; text that is not UTF-8 is refused naming the place
/// of its first bad byte (type `syntax`).
///
/// ```
/// use xianjie::limits::Limits;
/// let err = xianjie::api::read_text(std::io::repeat(0), "/dev/zero", &Limits::default()).unwrap_err();
/// assert_eq!(err.errors[0].kind.as_str(), "syntax");
/// let mut limits = Limits::default();
/// limits.input_bytes = 1 << 20;
/// let err = xianjie::api::read_text(std::io::repeat(b' '), "spaces", &limits).unwrap_err();
/// assert_eq!(err.errors[0].kind.as_str(), "limit");
/// ```
pub fn read_text(reader: impl Read, name: &str, limits: &Limits) -> Result<String, InputError> {
    read_text_with(reader, name, limits, true)
}

/// [`read_text`] for any text (a TOML pack, a parameters file) when `json` is false: bounded by
/// [`Limits::input_bytes`] and refused when not UTF-8, without the JSON start test.
pub fn read_text_with(
    mut reader: impl Read,
    name: &str,
    limits: &Limits,
    json: bool,
) -> Result<String, InputError> {
    let fail = |issue: InputIssue| InputError {
        source_name: Some(name.to_string()),
        errors: vec![issue],
    };
    let mut text: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 << 10];
    let mut started = !json;
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_error(&e, name)),
        };
        let got = &chunk[..n];
        if !started {
            if let Some(i) = got.iter().position(|b| !b.is_ascii_whitespace()) {
                started = true;
                let b = got[i];
                // `{` for a dataset; any JSON value start (or a UTF-8 byte-order mark) is left
                // for the parser to judge with its place.
                let json = matches!(
                    b,
                    b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n' | 0xEF
                );
                if !json {
                    // Only blanks come before it: its line and column are cheap to tell.
                    let blanks = text.iter().chain(&got[..i]);
                    let (mut line, mut column) = (1, 1);
                    for &c in blanks {
                        (line, column) = if c == b'\n' {
                            (line + 1, 1)
                        } else {
                            (line, column + 1)
                        };
                    }
                    let mut e = issue(
                        InputErrorKind::Syntax,
                        format!("不是JSON文档:第一个非空白字节为0x{b:02X},应为“{{”"),
                        format!("not a JSON document: its first non-blank byte is 0x{b:02X}; expected `{{`"),
                    );
                    (e.line, e.column) = (Some(line), Some(column));
                    return Err(fail(e));
                }
            }
        }
        if text.len() as u64 + n as u64 > limits.input_bytes {
            return Err(fail(limits.exceeded(Limit::InputBytes, "", None)));
        }
        text.extend_from_slice(got);
    }
    String::from_utf8(text).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
        let b = bytes.get(at).copied().unwrap_or(0);
        let mut i = issue(
            InputErrorKind::Syntax,
            format!("不是UTF-8编码的文本:第{line}行第{column}列的字节0x{b:02X}无效(请以UTF-8保存)"),
            format!("not UTF-8 text: byte 0x{b:02X} at line {line}, column {column} is invalid (save the file as UTF-8)"),
        );
        (i.line, i.column) = (Some(line), Some(column));
        fail(i)
    })
}

/// Opens the file at `path` for a bounded read: a regular file larger than
/// [`Limits::input_bytes`] is refused from its size before a byte is read (a device or a pipe
/// says 0 and is bounded while it is read, by [`read_text_with`]).
pub fn open_bounded(path: &Path, limits: &Limits) -> Result<std::fs::File, InputError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| io_error(&e, &name))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limits.input_bytes {
        return Err(InputError {
            source_name: Some(name),
            errors: vec![limits.exceeded(Limit::InputBytes, "", Some(size))],
        });
    }
    Ok(file)
}

fn issue(kind: InputErrorKind, msg_zh: String, msg_en: String) -> InputIssue {
    InputIssue {
        loc: String::new(),
        line: None,
        column: None,
        kind,
        msg_zh,
        msg_en,
    }
}

fn io_error(e: &std::io::Error, name: &str) -> InputError {
    InputError::single(
        InputErrorKind::Io,
        format!("无法读取文件:{e}"),
        format!("cannot read the file: {e}"),
    )
    .with_source(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_json_is_located_after_the_blanks_before_it() {
        let e = read_text(&b"\n  \0\0"[..], "x", &Limits::default()).unwrap_err();
        assert_eq!((e.errors[0].line, e.errors[0].column), (Some(2), Some(3)));
        assert_eq!(e.errors[0].kind, InputErrorKind::Syntax);
        // Any text when it is not JSON: a TOML pack starts with `[` or a letter.
        assert_eq!(
            read_text_with(&b"id = 1"[..], "p.toml", &Limits::default(), false).unwrap(),
            "id = 1"
        );
    }
}
