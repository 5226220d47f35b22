//! Entry points shared by the bindings (Python, JavaScript): reading a dataset from a path by its
//! extension. Kept here so no binding holds message text or format logic of its own.

use crate::input::{InputError, InputErrorKind};
use crate::model::Dataset;
use std::path::Path;

/// Reads a dataset from `path`, choosing the reader by extension: `.json`, or a workbook or CSV
/// file (with the `tables` feature; any cell problem is an error). Every problem is an [`InputError`] naming the file.
///
/// ```
/// let err = xianjie::api::read_path(std::path::Path::new("no/such/file.json")).unwrap_err();
/// assert_eq!(err.errors[0].kind.as_str(), "io");
/// ```
pub fn read_path(path: &Path) -> Result<Dataset, InputError> {
    #[cfg(feature = "tables")]
    if crate::table::is_table_path(path) {
        return read_path_with_cells(path).map(|(ds, _)| ds);
    }
    let name = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "json" => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                InputError::single(
                    InputErrorKind::Io,
                    format!("无法读取文件:{e}"),
                    format!("cannot read the file: {e}"),
                )
                .with_source(&name)
            })?;
            Dataset::from_json_str(&text).map_err(|e| e.with_source(&name))
        }
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
    if !crate::table::is_table_path(path) {
        return read_path(path).map(|ds| (ds, None));
    }
    // Strict, as for JSON: any cell problem makes the input unusable.
    let read = crate::table::read_path(path, &crate::table::ReadOptions::default())?;
    match read.input_error() {
        Some(e) => Err(e.with_source(path.display().to_string())),
        None => Ok((read.dataset, Some(read.cells))),
    }
}
