//! Parquet and Arrow IPC input, read by the core (`xianjie::files`): a file per collection
//! (`students.parquet`, `学生.arrow`), or a folder of them, straight into the core's columns.
//! Every problem is an unusable input (exit 2) naming the file. Here only what the CLI adds:
//! a file read in slices of `--batch-size` rows, with progress shown.

use crate::streams::input_name;
use crate::{Failure, Unusable};
use std::path::Path;
use xianjie::columns::read_batches;
use xianjie::files::{self, collection, name_files, over_records, unreadable};
use xianjie::table::{ReadOptions, TableRead};

pub use xianjie::files::is_columnar_path;

/// Reads the files (folders expanded) as one dataset (`xianjie::files::read`).
pub fn read(
    paths: &[&Path],
    opts: &ReadOptions,
) -> Result<(TableRead, xianjie::model::Held), Unusable> {
    Ok(files::read(paths, opts)?)
}

/// Reads one columnar file `size` rows at a time, each slice read as [`read`] reads a file, given
/// to `each` in order with the rows of the file before it.
pub fn read_in_batches(
    path: &Path,
    opts: &ReadOptions,
    size: usize,
    mut each: impl FnMut(TableRead, u32) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let name = collection(path).map_err(Unusable::from)?;
    let names = [(name.clone(), input_name(path))];
    let mut rows = 0u64;
    let shown = crate::progress::Progress::rows();
    for b in files::open(path, &opts.limits, size.max(1)).map_err(Unusable::from)? {
        let b = b.map_err(|e| Unusable::from(unreadable(path, e)))?;
        let before = u32::try_from(rows).unwrap_or(u32::MAX);
        rows += b.num_rows() as u64;
        shown.inc(b.num_rows() as u64);
        if rows > opts.limits.records {
            return Err(Unusable::from(over_records(path, rows, opts.limits.records)).into());
        }
        let mut read = read_batches(vec![(name.clone(), vec![b])], opts);
        name_files(&mut read, &names);
        each(read, before)?;
    }
    Ok(())
}
