//! Core errors → the Python exceptions of `xianjie._errors`, carrying every field as data.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
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
        let issues = PyList::empty(py);
        for i in &e.errors {
            let d = PyDict::new(py);
            d.set_item("loc", &i.loc)?;
            d.set_item("line", i.line)?;
            d.set_item("column", i.column)?;
            d.set_item("type", i.kind.as_str())?;
            d.set_item("msg_zh", &i.msg_zh)?;
            d.set_item("msg_en", &i.msg_en)?;
            issues.append(d)?;
        }
        let exc = class(py, "InputError")?.call1((e.to_string(), issues, &e.source_name))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|err| err)
}

/// `xianjie.PackError`: origin, line, column, loc and message as before, and the core's typed
/// error as a dict (its wire form: `type`, typed fields, `msg_zh`, `msg_en`).
pub fn pack_error(py: Python<'_>, e: &PackError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let wire = serde_json::to_string(e).unwrap_or_default();
        let data = py.import("json")?.call_method1("loads", (wire,))?;
        let exc = class(py, "PackError")?.call1((
            e.to_string(),
            &e.origin,
            e.line,
            e.column,
            &e.loc,
            e.kind.to_string(),
            data,
        ))?;
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
