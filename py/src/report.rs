//! The core's report, kept native: Python reads its summary as JSON once, and findings only
//! when asked (a slice as JSON, or all of them as an Arrow table built by the core), so a
//! report of a million findings costs no Python object per finding until one is wanted.

use crate::detached;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;
use xianjie::findings_table::{FindingsTableOptions, Messages};

/// A report of the core (`xianjie::Report`), with its summary serialized once.
#[pyclass(frozen, module = "xianjie._native", name = "Report")]
pub struct NativeReport {
    inner: xianjie::Report,
    summary: String,
    /// The check's threads, used again to render a table's messages.
    threads: Option<usize>,
}

impl NativeReport {
    /// The report and its JSON without findings: they are taken out while the rest is
    /// serialized (every other field the core adds crosses without an edit here), so no
    /// finding's words are rendered.
    pub fn new(
        mut inner: xianjie::Report,
        threads: Option<usize>,
    ) -> Result<Self, serde_json::Error> {
        let findings = std::mem::take(&mut inner.findings);
        let summary = serde_json::to_string(&inner);
        inner.findings = findings;
        Ok(NativeReport {
            inner,
            summary: summary?,
            threads,
        })
    }
}

/// Findings freed on a thread of their own when a report is let go: freeing a national
/// report's 270,000 findings one allocation at a time took a quarter of a second on the
/// caller's thread (the notebook cell, the script's exit), as the CLI found for its reports.
/// Small reports, and any when no thread can be made, are freed here.
impl Drop for NativeReport {
    fn drop(&mut self) {
        if self.inner.findings.len() < ASIDE {
            return;
        }
        let findings = std::mem::take(&mut self.inner.findings);
        let _ = std::thread::Builder::new()
            .name("xianjie-drop".into())
            .spawn(move || drop(findings));
    }
}

/// Findings from which a report's are freed aside.
const ASIDE: usize = 10_000;

fn json<T: serde::Serialize + ?Sized>(v: &T) -> PyResult<String> {
    serde_json::to_string(v).map_err(|e| PyValueError::new_err(e.to_string()))
}

impl NativeReport {
    /// The core's report (the city tables read its findings and rule states).
    pub fn report(&self) -> &xianjie::Report {
        &self.inner
    }
}

#[pymethods]
impl NativeReport {
    /// The report as JSON with an empty `findings` list: counts, rules, targets, packs, input
    /// issues.
    fn summary_json(&self) -> &str {
        &self.summary
    }
    /// Findings `start..stop` (clamped to the report) as the core's JSON array.
    #[pyo3(signature = (start=0, stop=None))]
    fn findings_json(&self, py: Python<'_>, start: usize, stop: Option<usize>) -> PyResult<String> {
        let all = &self.inner.findings;
        let stop = stop.unwrap_or(all.len()).min(all.len());
        let start = start.min(stop);
        detached(py, || json(&all[start..stop]))?
    }
    /// The number of findings.
    fn __len__(&self) -> usize {
        self.inner.findings.len()
    }
    /// Pretty JSON of the whole report (the CLI's `--format json`).
    fn to_json_pretty(&self, py: Python<'_>) -> PyResult<String> {
        detached(py, || self.inner.to_json_pretty())
    }
    /// Findings as an Arrow table, one row per finding (`Report::to_arrow`): messages and
    /// remedies as columns only when `lang` is given (`"zh"`, `"en"`, or `"both"`).
    #[pyo3(signature = (lang=None))]
    fn to_arrow(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<PyTable> {
        let messages = messages_of(lang)?;
        let opts = FindingsTableOptions {
            messages,
            threads: self.threads,
            ..Default::default()
        };
        let batch = detached(py, || self.inner.to_arrow(&opts))?
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let schema = batch.schema();
        PyTable::try_new(vec![batch], schema)
    }
}

/// Which messages a findings table carries, from Python's `lang=` (`None`, `"zh"`, `"en"`,
/// `"both"`): one reading for `Report.to_arrow` and the Spark partitions.
pub(crate) fn messages_of(lang: Option<&str>) -> PyResult<Messages> {
    match lang {
        None => Ok(Messages::None),
        Some("zh") => Ok(Messages::Zh),
        Some("en") => Ok(Messages::En),
        Some("both") => Ok(Messages::Both),
        Some(other) => Err(PyValueError::new_err(format!(
            "lang must be None, \"zh\", \"en\" or \"both\", not {other:?}"
        ))),
    }
}
