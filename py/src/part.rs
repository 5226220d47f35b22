//! Checking data split across machines (`xianjie.spark`): the checks' scopes, one partition
//! checked with its records' row numbers, the partitions' rule statuses merged. Each forwards
//! to `xianjie::partition`.

use crate::errors::pack_error;
use crate::{detached, Dataset};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;
use std::collections::BTreeMap;
use xianjie::findings_table::{FindingsTableOptions, FIXED_SCALE};
use xianjie::model::EntityKind;
use xianjie::partition::Part;
use xianjie::{Checker, Options};

fn checker(
    py: Python<'_>,
    packs: Vec<String>,
    params: BTreeMap<String, String>,
) -> PyResult<Checker> {
    let opts = Options {
        packs,
        params,
        ..Default::default()
    };
    Checker::new(&opts).map_err(|e| pack_error(py, &e))
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> PyResult<String> {
    serde_json::to_string(v).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Every check of `packs` with its scope, as JSON (`partition::scopes`).
#[pyfunction]
pub(crate) fn scopes(py: Python<'_>, packs: Vec<String>) -> PyResult<String> {
    let c = checker(py, packs, BTreeMap::new())?;
    json(&xianjie::partition::scopes(&c))
}

/// Checks partition `dataset` with the checks `units` (`partition::check_part`); `rows` gives
/// each split collection's row numbers; `stage` and `empty` are for the merge (`Part::of`). Returns the findings table (decimal columns at the fixed
/// scale, so every partition's tables share one schema; messages in `lang` if given) and the
/// rule statuses and target progress as JSON.
// Each argument is one of the Python function's, most with a default.
#[allow(clippy::too_many_arguments)]
#[pyfunction]
#[pyo3(signature = (dataset, packs, params, units, rows, lang=None, stage=String::new(), empty=false))]
pub(crate) fn check_part(
    py: Python<'_>,
    dataset: &Dataset,
    packs: Vec<String>,
    params: BTreeMap<String, String>,
    units: Vec<(String, usize)>,
    rows: Vec<(String, Vec<u64>)>,
    lang: Option<&str>,
    stage: String,
    empty: bool,
) -> PyResult<(PyTable, String)> {
    let messages = crate::report::messages_of(lang)?;
    let c = checker(py, packs, params)?;
    let mut by_kind = BTreeMap::new();
    for (name, r) in rows {
        let kind = EntityKind::parse(&name)
            .ok_or_else(|| PyValueError::new_err(format!("no collection named {name:?}")))?;
        by_kind.insert(kind, r);
    }
    let opts = FindingsTableOptions {
        messages,
        scale: Some(FIXED_SCALE),
        threads: None,
    };
    let (batch, part) = detached(py, || {
        let held = dataset.held.as_deref();
        let r = xianjie::partition::check_part_with(&c, &dataset.inner, held, &units, &by_kind);
        let part = Part::of(&r, &units, &stage, empty);
        (r.to_arrow(&opts), part)
    })?;
    let batch = batch.map_err(|e| PyValueError::new_err(e.to_string()))?;
    let schema = batch.schema();
    Ok((PyTable::try_new(vec![batch], schema)?, json(&part)?))
}

/// The partitions' statuses and target progress (JSON from `check_part`) merged as one run's
/// (`partition::merge`), as JSON `{"rules": [...], "targets": [...]}`.
#[pyfunction]
pub(crate) fn merge_parts(
    py: Python<'_>,
    packs: Vec<String>,
    params: BTreeMap<String, String>,
    parts: Vec<String>,
) -> PyResult<String> {
    let c = checker(py, packs, params)?;
    let parts = parts
        .iter()
        .map(|p| serde_json::from_str::<Part>(p))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let (rules, targets) = xianjie::partition::merge(&c, &parts);
    json(&serde_json::json!({ "rules": rules, "targets": targets }))
}

/// The national-scale dataset at `scale` from `seed` (`sample::national::national`), as
/// `(collection, table)` in document order: the data the scale-out test and measurements run on.
#[pyfunction]
#[pyo3(signature = (scale, seed=1))]
pub(crate) fn sample_national(
    py: Python<'_>,
    scale: f64,
    seed: u64,
) -> PyResult<Vec<(&'static str, PyTable)>> {
    let batches = detached(py, || xianjie::sample::national::national(scale, seed))?
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    batches
        .into_iter()
        .map(|(kind, batch)| {
            let schema = batch.schema();
            Ok((kind.as_str(), PyTable::try_new(vec![batch], schema)?))
        })
        .collect()
}
