//! Arrow in: any object speaking the Arrow PyCapsule interface (`__arrow_c_stream__` or
//! `__arrow_c_array__`: pyarrow, polars, duckdb, …) becomes record batches without a Python
//! object per row (zero copy: the buffers are the producer's), and the core reads them
//! (`xianjie::columns::read_batches`, which also decides every type and name).

use arrow_array::{RecordBatch, RecordBatchReader};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use xianjie::columns::{read_batches_onto, read_for_check};
use xianjie::model::Held;
use xianjie::table::ReadOptions;
use xianjie::{Dataset, InputError, InputIssue, Limits};

/// One collection given as Arrow: its name and its batches.
pub type Collection = (String, Vec<RecordBatch>);

/// The Arrow stream of `obj` (extracted with the GIL held: that only takes the capsule). A
/// failure is an issue located at the collection, with the producer's message.
pub fn stream(
    obj: &Bound<'_, PyAny>,
    name: &str,
) -> Result<Box<dyn RecordBatchReader + Send>, InputIssue> {
    let type_name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    let failed = |e: PyErr| {
        let detail = e.value(obj.py()).str().map(|s| s.to_string());
        xianjie::host::conversion_failed(name, &type_name, &detail.unwrap_or_default())
    };
    let any: AnyRecordBatch = obj.extract().map_err(failed)?;
    any.into_reader().map_err(failed)
}

/// Every batch of `reader` (read without the GIL: a producer that needs it takes it).
pub fn read(
    reader: Box<dyn RecordBatchReader + Send>,
    name: &str,
) -> Result<Vec<RecordBatch>, InputIssue> {
    reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| xianjie::host::conversion_failed(name, "Arrow stream", &e.to_string()))
}

/// `base` (the values given as Python objects: name, reporting year, collections given as
/// lists) with `given` (the collections given as Arrow) read onto it by the core, strictly (any
/// problem is an error listing every one, as `columns::dataset_from_batches`), on `threads` (as
/// `Options::threads`). With `hold`, collections whose columns are clean are held as columns
/// (`columns::read_for_check`), for checking only.
pub fn merged(
    base: &Dataset,
    given: Vec<Collection>,
    limits: &Limits,
    threads: Option<usize>,
    hold: bool,
) -> Result<(Dataset, Held), InputError> {
    let opts = ReadOptions {
        limits: limits.clone(),
        threads,
        ..Default::default()
    };
    let (read, held) = if hold {
        let r = read_for_check(base.clone(), given, &opts);
        (r.read, r.held)
    } else {
        (read_batches_onto(base.clone(), given, &opts), Held::new())
    };
    match read.input_error() {
        Some(e) => Err(e),
        None => Ok((read.dataset, held)),
    }
}
