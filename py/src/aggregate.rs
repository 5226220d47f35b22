//! Aggregations (`xianjie::aggregate`), each returned as the core's JSON rows.

use crate::{detached, Dataset};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::str::FromStr;
use xianjie::aggregate::{self, GroupBy};

fn group_by(by: &[String]) -> PyResult<Vec<GroupBy>> {
    by.iter()
        .map(|b| GroupBy::from_str(b).map_err(PyValueError::new_err))
        .collect()
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> PyResult<String> {
    serde_json::to_string(v).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// `aggregate::transfer_rates`.
#[pyfunction]
pub fn transfer_rates(py: Python<'_>, dataset: &Dataset, by: Vec<String>) -> PyResult<String> {
    let by = group_by(&by)?;
    detached(py, || json(&aggregate::transfer_rates(&dataset.inner, &by)))?
}

/// `aggregate::enrollment_totals`.
#[pyfunction]
pub fn enrollment_totals(py: Python<'_>, dataset: &Dataset, by: Vec<String>) -> PyResult<String> {
    let by = group_by(&by)?;
    detached(py, || {
        json(&aggregate::enrollment_totals(&dataset.inner, &by))
    })?
}

/// `aggregate::application_summary`.
#[pyfunction]
pub fn application_summary(py: Python<'_>, dataset: &Dataset) -> PyResult<String> {
    detached(py, || json(&aggregate::application_summary(&dataset.inner)))?
}

/// `aggregate::semester_compliance`.
#[pyfunction]
pub fn semester_compliance(py: Python<'_>, dataset: &Dataset) -> PyResult<String> {
    detached(py, || json(&aggregate::semester_compliance(&dataset.inner)))?
}
