//! Aggregations (`xianjie::aggregate`), each returned as the core's JSON rows.

use crate::report::NativeReport;
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

/// `aggregate::status_campaign` (JSON `null` without a reporting year).
#[pyfunction]
pub fn status_campaign(py: Python<'_>, dataset: &Dataset) -> PyResult<String> {
    detached(py, || json(&aggregate::status_campaign(&dataset.inner)))?
}

/// `aggregate::application_sheets`, with the findings of `report`.
#[pyfunction]
pub fn application_sheets(
    py: Python<'_>,
    dataset: &Dataset,
    report: &NativeReport,
) -> PyResult<String> {
    detached(py, || {
        json(&aggregate::application_sheets(
            &dataset.inner,
            report.report(),
        ))
    })?
}

/// `aggregate::pilot_tables`, with the findings of `report` (JSON `null` without its pack).
#[pyfunction]
pub fn pilot_tables(py: Python<'_>, dataset: &Dataset, report: &NativeReport) -> PyResult<String> {
    detached(py, || {
        json(&aggregate::pilot_tables(&dataset.inner, report.report()))
    })?
}

/// `aggregate::major_ledger`, with the findings of `report` (JSON `null` without its pack).
#[pyfunction]
pub fn major_ledger(py: Python<'_>, dataset: &Dataset, report: &NativeReport) -> PyResult<String> {
    detached(py, || {
        json(&aggregate::major_ledger(&dataset.inner, report.report()))
    })?
}

/// `aggregate::summary`, with `report`.
#[pyfunction]
pub fn summary(py: Python<'_>, dataset: &Dataset, report: &NativeReport) -> PyResult<String> {
    detached(py, || {
        json(&aggregate::summary(&dataset.inner, report.report()))
    })?
}
