//! Core errors → the Python exceptions of `xianjie._errors`, carrying every field as data.

use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use xianjie::{InputError, PackError};

fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("xianjie._errors")?.getattr(name)
}

/// `xianjie.InputError`, with one dict per core issue. `located` is false for input built from
/// Python objects, whose JSON line and column would point into text the user never saw.
pub fn input_error(py: Python<'_>, e: &InputError, located: bool) -> PyErr {
    let mut e = e.clone();
    if !located {
        for i in &mut e.errors {
            i.line = None;
            i.column = None;
        }
    }
    let build = || -> PyResult<PyErr> {
        // The issues cross as the core's JSON: Python builds its generated `InputIssue` from it
        // (`_decode`), so a field the core adds is not lost here.
        let issues = serde_json::to_string(&e.errors)
            .map_err(|err| pyo3::exceptions::PyValueError::new_err(err.to_string()))?;
        let exc = class(py, "InputError")?
            .call_method1("_from_core", (e.to_string(), issues, &e.source_name))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|err| err)
}

/// `xianjie.PackError`, holding the core's error as its `details` (built from its JSON by the
/// generated `PackErrorDetails`, so every field the core has reaches Python).
pub fn pack_error(py: Python<'_>, e: &PackError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let details = serde_json::to_string(e)
            .map_err(|err| pyo3::exceptions::PyValueError::new_err(err.to_string()))?;
        let exc = class(py, "PackError")?.call_method1("_from_core", (e.to_string(), details))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|err| err)
}

/// `xianjie.XianjieError` for a Rust panic: a bug, reported instead of crashing the interpreter.
pub fn panic_error(py: Python<'_>, payload: &(dyn std::any::Any + Send)) -> PyErr {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let msg = format!("internal error in xianjie (please report): {what}");
    match class(py, "XianjieError").and_then(|c| c.call1((msg,))) {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// Runs `f` with panics caught and turned into `XianjieError`.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => Err(panic_error(py, payload.as_ref())),
    }
}
