//! `xianjie._native`: the Python face of the `xianjie` crate. Thin by design: each function
//! forwards to one core function of the same name, converting values and mapping errors. The
//! GIL is released while the core parses and checks.

mod aggregate;
mod arrow;
mod convert;
mod errors;
mod part;
mod report;

use errors::{guard, input_error, pack_error, panic_error};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use xianjie::limits::Limit;
use xianjie::{InputError, Lang, Limits, Options};

/// Runs `f` without the GIL; a panic in it comes back as `XianjieError`.
pub(crate) fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|payload| panic_error(py, payload.as_ref()))
}

fn lang(s: &str) -> PyResult<Lang> {
    match s {
        "zh" => Ok(Lang::Zh),
        "en" => Ok(Lang::En),
        _ => Err(PyValueError::new_err(format!(
            "lang must be \"zh\" or \"en\", not {s:?}"
        ))),
    }
}

/// A dataset read and validated by the core (`xianjie::Dataset`).
#[pyclass(frozen, module = "xianjie._native")]
pub(crate) struct Dataset {
    pub(crate) inner: xianjie::Dataset,
    /// Where each record came from and the cells that could not be read, when read from a
    /// workbook or CSV file (`Origin::apply` puts both on the report, as the CLI does).
    pub(crate) cells: Option<xianjie::table::Origin>,
    /// Collections held as their Arrow columns for checking (`columns::read_for_check`); only
    /// in the datasets `check` reads for itself, never in one given back to Python (their rows
    /// are not in `inner`).
    pub(crate) held: Option<std::sync::Arc<xianjie::model::Held>>,
}

fn parsed(
    py: Python<'_>,
    r: Result<xianjie::Dataset, InputError>,
    located: bool,
) -> PyResult<Dataset> {
    r.map(|inner| Dataset {
        inner,
        cells: None,
        held: None,
    })
    .map_err(|e| input_error(py, &e, located))
}

/// `Limits` with the given ones set (`Limits::set_all`: every unknown name or bad value is an
/// `InputError` listing the known names).
fn limits(py: Python<'_>, given: Option<BTreeMap<String, String>>) -> PyResult<Limits> {
    let mut limits = Limits::default();
    if let Some(given) = given {
        limits
            .set_all(given.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(|e| input_error(py, &e, false))?;
    }
    Ok(limits)
}

/// An `InputError` of one issue found by the binding itself.
fn refused(py: Python<'_>, issue: xianjie::InputIssue) -> PyErr {
    let e = InputError {
        source_name: None,
        errors: vec![issue],
    };
    input_error(py, &e, false)
}

/// Text given by the caller, refused if over `input_bytes` before anything is copied (a `str`'s
/// UTF-8 form is borrowed from the object, which caches it).
fn given_text<'a>(
    py: Python<'_>,
    text: &'a Bound<'_, PyString>,
    limits: &Limits,
) -> PyResult<std::borrow::Cow<'a, str>> {
    let s = text
        .to_cow()
        .map_err(|_| refused(py, xianjie::host::not_unicode("")))?;
    if s.len() as u64 > limits.input_bytes {
        let found = Some(s.len() as u64);
        return Err(refused(py, limits.exceeded(Limit::InputBytes, "", found)));
    }
    Ok(s)
}

#[pymethods]
impl Dataset {
    /// Parses dataset JSON text (`Dataset::from_json_str`).
    #[staticmethod]
    #[pyo3(signature = (text, limits=None))]
    fn from_json_str(
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        limits: Option<BTreeMap<String, String>>,
    ) -> PyResult<Dataset> {
        let limits = self::limits(py, limits)?;
        let text = given_text(py, text, &limits)?;
        let r = detached(py, || xianjie::Dataset::from_json_str_with(&text, &limits))?;
        parsed(py, r, true)
    }
    /// Reads a dataset file, by extension (`api::read_path_origin`).
    #[staticmethod]
    #[pyo3(signature = (path, limits=None))]
    fn read_path(
        py: Python<'_>,
        path: PathBuf,
        limits: Option<BTreeMap<String, String>>,
    ) -> PyResult<Dataset> {
        let limits = self::limits(py, limits)?;
        let r = detached(py, || xianjie::api::read_path_origin(&path, &limits))?;
        let (inner, cells) = r.map_err(|e| input_error(py, &e, true))?;
        Ok(Dataset {
            inner,
            cells,
            held: None,
        })
    }
    /// Reads Parquet and Arrow IPC files, or folders of them, as the CLI does
    /// (`files::read`): without the GIL, row groups on `threads`; `year` is the reporting year
    /// (the files carry none). Values that do not read are issues at their cells, put on the
    /// report as the CLI does. With `hold`, for `check` only: collections whose columns are clean
    /// are held as columns, not read into rows.
    #[staticmethod]
    #[pyo3(signature = (paths, limits=None, threads=None, year=None, hold=false))]
    fn read_files(
        py: Python<'_>,
        paths: Vec<PathBuf>,
        limits: Option<BTreeMap<String, String>>,
        threads: Option<usize>,
        year: Option<i32>,
        hold: bool,
    ) -> PyResult<Dataset> {
        let opts = xianjie::table::ReadOptions {
            limits: self::limits(py, limits)?,
            threads,
            reporting_year: year,
            ..Default::default()
        };
        let r = detached(py, || {
            let paths: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
            if hold {
                xianjie::files::read(&paths, &opts).map(|(read, held)| (read, Some(held)))
            } else {
                xianjie::files::read_rows(&paths, &opts).map(|read| (read, None))
            }
        })?;
        let (read, held) = r.map_err(|e| input_error(py, &e, false))?;
        let (inner, origin) = read.into_usable().map_err(|e| input_error(py, &e, false))?;
        Ok(Dataset {
            inner,
            cells: Some(origin),
            held: held.filter(|h| !h.is_empty()).map(std::sync::Arc::new),
        })
    }
    /// Text given as data: JSON if it starts with `{` or `[`, else the path of an existing file;
    /// anything else is refused as neither (`host::not_json_or_path`).
    #[staticmethod]
    #[pyo3(signature = (text, limits=None))]
    fn from_text(
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        limits: Option<BTreeMap<String, String>>,
    ) -> PyResult<Dataset> {
        let json = text
            .to_cow()
            .map(|s| {
                s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                    .starts_with(['{', '['])
            })
            .unwrap_or(true);
        if json {
            return Self::from_json_str(py, text, limits);
        }
        let shown = text.to_cow()?;
        let path = PathBuf::from(shown.as_ref());
        if detached(py, || path.exists())? {
            return Self::read_path(py, path, limits);
        }
        Err(refused(py, xianjie::host::not_json_or_path(&shown)))
    }
    /// Bytes given as data, decoded as UTF-8 (the first bad byte is named), then as `from_text`.
    #[staticmethod]
    #[pyo3(signature = (data, limits=None))]
    fn from_bytes(
        py: Python<'_>,
        data: &Bound<'_, PyBytes>,
        limits: Option<BTreeMap<String, String>>,
    ) -> PyResult<Dataset> {
        let n = data.as_bytes().len() as u64;
        let lim = self::limits(py, limits.clone())?;
        if n > lim.input_bytes {
            return Err(refused(py, lim.exceeded(Limit::InputBytes, "", Some(n))));
        }
        match std::str::from_utf8(data.as_bytes()) {
            Ok(text) => Self::from_text(py, &PyString::new(py, text), limits),
            Err(e) => Err(refused(py, xianjie::host::not_utf8(e.valid_up_to()))),
        }
    }
    /// Converts Python values (dicts, lists, `Columns`, decimals, dates) and parses them; every
    /// value that cannot be converted is reported (`convert`), with its place.
    #[staticmethod]
    #[pyo3(signature = (data, limits=None))]
    fn from_py(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        limits: Option<BTreeMap<String, String>>,
    ) -> PyResult<Dataset> {
        let limits = self::limits(py, limits)?;
        let converted = guard(py, || {
            let t = convert::Types::new(py)?;
            convert::dataset(data, &t, &limits)
        })?;
        let value = converted.map_err(|e| input_error(py, &e, false))?;
        // Read from the value itself, as the JS binding does: no JSON text printed and parsed
        // again (the converter has already bounded depth, strings and lists).
        let r = detached(py, || xianjie::input::from_value_with(value, &limits))?;
        parsed(py, r, false)
    }
    /// `base` (name, reporting year and the collections given as Python values) with
    /// `collections` given as Arrow (`(name, object with __arrow_c_stream__ or
    /// __arrow_c_array__)`, names as in the JSON document or the workbooks' sheet names), read
    /// by the core into one dataset. Streams are read without the GIL and without a Python
    /// object per row, on `threads` (as `check`'s). With `hold`, for `check` only: collections
    /// whose columns are clean are held as columns, not read into rows.
    #[staticmethod]
    #[pyo3(signature = (base, collections, limits=None, threads=None, hold=false))]
    fn from_arrow(
        py: Python<'_>,
        base: &Dataset,
        collections: Vec<(String, Bound<'_, PyAny>)>,
        limits: Option<BTreeMap<String, String>>,
        threads: Option<usize>,
        hold: bool,
    ) -> PyResult<Dataset> {
        let limits = self::limits(py, limits)?;
        let mut streams = Vec::with_capacity(collections.len());
        for (name, obj) in &collections {
            let reader = arrow::stream(obj, name).map_err(|i| refused(py, i))?;
            streams.push((name.clone(), reader));
        }
        let r = detached(py, || {
            let mut given = Vec::with_capacity(streams.len());
            for (name, reader) in streams {
                match arrow::read(reader, &name) {
                    Ok(batches) => given.push((name, batches)),
                    Err(issue) => {
                        return Err(InputError {
                            source_name: None,
                            errors: vec![issue],
                        })
                    }
                }
            }
            arrow::merged(&base.inner, given, &limits, threads, hold)
        })?;
        match r {
            Ok((inner, held)) => Ok(Dataset {
                inner,
                cells: None,
                held: (!held.is_empty()).then(|| std::sync::Arc::new(held)),
            }),
            Err(e) => Err(input_error(py, &e, false)),
        }
    }
    /// Every collection with records as an Arrow table in the core's canonical layout
    /// (`columns::dataset_to_batches`: dotted paths, Decimal128, Date32, timestamps in Beijing
    /// time), `(name, table)` in document order. Reading them back gives the same dataset.
    fn to_arrow(&self, py: Python<'_>) -> PyResult<Vec<(&'static str, pyo3_arrow::PyTable)>> {
        let batches = detached(py, || xianjie::columns::dataset_to_batches(&self.inner))?
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        batches
            .into_iter()
            .map(|(kind, batch)| {
                let schema = batch.schema();
                Ok((
                    kind.as_str(),
                    pyo3_arrow::PyTable::try_new(vec![batch], schema)?,
                ))
            })
            .collect()
    }
    /// Pretty JSON (`Dataset::to_json_pretty`).
    fn to_json_pretty(&self, py: Python<'_>) -> PyResult<String> {
        detached(py, || self.inner.to_json_pretty())
    }
    /// The dataset's name.
    #[getter]
    fn name(&self) -> Option<String> {
        self.inner.name.clone()
    }
    /// The reporting year.
    #[getter]
    fn reporting_year(&self) -> Option<i32> {
        self.inner.reporting_year
    }
}

/// Checks `dataset` (`xianjie::check`); the report stays native (`report::NativeReport`).
#[pyfunction]
#[pyo3(signature = (dataset, packs, params, lang, threads=None))]
fn check(
    py: Python<'_>,
    dataset: &Dataset,
    packs: Vec<String>,
    params: BTreeMap<String, String>,
    lang: &str,
    threads: Option<usize>,
) -> PyResult<report::NativeReport> {
    let opts = Options {
        packs,
        params,
        lang: self::lang(lang)?,
        threads,
        ..Default::default()
    };
    let r = detached(py, || {
        let checked = xianjie::Checker::new(&opts).map(|c| match &dataset.held {
            Some(held) => c.check_with_columns(&dataset.inner, held),
            None => c.check(&dataset.inner),
        });
        checked.map(|mut report| {
            if let Some(cells) = &dataset.cells {
                cells.apply(&mut report);
            }
            report::NativeReport::new(report, threads)
        })
    })?;
    r.map_err(|e| pack_error(py, &e))?
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Whether `path` is read as Parquet or Arrow IPC (`files::is_columnar_path`: a folder, or a
/// file by its extension).
#[pyfunction]
fn is_files_path(path: PathBuf) -> bool {
    xianjie::files::is_columnar_path(&path)
}

/// Names of the bundled samples (`sample::names`).
#[pyfunction]
fn sample_names() -> Vec<&'static str> {
    xianjie::sample::names().to_vec()
}

/// The bundled sample `name` (`sample::load`), or `None`.
#[pyfunction]
fn sample_load(py: Python<'_>, name: String) -> PyResult<Option<Dataset>> {
    let ds = detached(py, || xianjie::sample::load(&name))?;
    Ok(ds.map(|inner| Dataset {
        inner,
        cells: None,
        held: None,
    }))
}

/// Ids of the built-in packs (`rules::builtin_ids`).
#[pyfunction]
fn builtin_ids() -> Vec<&'static str> {
    xianjie::rules::builtin_ids()
}

/// The packs a check with `packs` would use, as JSON (`Checker::new(..).packs()`); an empty
/// list means every built-in pack.
#[pyfunction]
fn packs(py: Python<'_>, packs: Vec<String>) -> PyResult<String> {
    let opts = Options {
        packs,
        ..Default::default()
    };
    let r = detached(py, || {
        xianjie::Checker::new(&opts).map(|c| serde_json::to_string(c.packs()))
    })?;
    match r {
        Ok(json) => json.map_err(|e| PyValueError::new_err(e.to_string())),
        Err(e) => Err(pack_error(py, &e)),
    }
}

/// A built-in rule explained in `lang` (`rules::find_rule` + `render::explain`), or `None` for
/// an unknown id.
#[pyfunction]
fn explain(rule_id: &str, lang: &str) -> PyResult<Option<String>> {
    let lang = self::lang(lang)?;
    Ok(xianjie::rules::find_rule(rule_id).map(|(p, r)| xianjie::render::explain(p, r, lang)))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Dataset>()?;
    m.add_class::<convert::Columns>()?;
    m.add_class::<report::NativeReport>()?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(is_files_path, m)?)?;
    m.add_function(wrap_pyfunction!(sample_names, m)?)?;
    m.add_function(wrap_pyfunction!(sample_load, m)?)?;
    m.add_function(wrap_pyfunction!(builtin_ids, m)?)?;
    m.add_function(wrap_pyfunction!(packs, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(part::scopes, m)?)?;
    m.add_function(wrap_pyfunction!(part::check_part, m)?)?;
    m.add_function(wrap_pyfunction!(part::merge_parts, m)?)?;
    m.add_function(wrap_pyfunction!(part::sample_national, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate::transfer_rates, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate::enrollment_totals, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate::application_summary, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate::semester_compliance, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate::status_campaign, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate::application_sheets, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate::pilot_tables, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate::major_ledger, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate::summary, m)?)?;
    Ok(())
}
