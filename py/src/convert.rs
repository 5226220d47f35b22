//! Python values → JSON values, for the core's dataset reader (which locates every problem).
//!
//! Exactness: `decimal.Decimal` crosses as its exact digits; a `float` crosses as the shortest
//! decimal that reads back to the same float (the digits of Python's `repr(float)`), so `0.1`
//! becomes `"0.1"`, never `0.1000000000000000055…`. NaN and `None` are missing. Whole floats
//! (`3.0`, as a pandas integer column with gaps holds them) become integers except in decimal
//! fields. Where the core's field table names a field's type, it guides the form a value takes;
//! the core then accepts or refuses it with a located error.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};
use xianjie::model::{EntityKind, ValueKind};

/// Columns of one collection, one Python sequence per column: a DataFrame converted column by
/// column (no Python object per row is built).
#[pyclass(frozen, module = "xianjie._native")]
pub struct Columns {
    names: Vec<String>,
    columns: Vec<Py<PyAny>>,
}

#[pymethods]
impl Columns {
    #[new]
    fn new(names: Vec<String>, columns: Vec<Py<PyAny>>) -> PyResult<Self> {
        if names.len() != columns.len() {
            return Err(PyTypeError::new_err("Columns: one name per column"));
        }
        Ok(Columns { names, columns })
    }
    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        match self.columns.first() {
            Some(c) => c.bind(py).len(),
            None => Ok(0),
        }
    }
}

/// Python types looked up once per conversion.
pub struct Types<'py> {
    decimal: Bound<'py, PyAny>,
    date: Bound<'py, PyAny>,
    datetime: Bound<'py, PyAny>,
}

impl<'py> Types<'py> {
    pub fn new(py: Python<'py>) -> PyResult<Self> {
        let dt = py.import("datetime")?;
        Ok(Types {
            decimal: py.import("decimal")?.getattr("Decimal")?,
            date: dt.getattr("date")?,
            datetime: dt.getattr("datetime")?,
        })
    }
}

/// Where a value sits: its path (for error messages) and, inside a record, its collection and
/// field path (to find its type in the core's field table).
#[derive(Clone, Copy)]
struct At<'a> {
    kind: Option<EntityKind>,
    field: &'a str,
}

impl At<'_> {
    fn hint(&self) -> Option<ValueKind> {
        self.kind.and_then(|k| k.field_kind(self.field))
    }
}

fn type_error(loc: &str, obj: &Bound<'_, PyAny>) -> PyErr {
    let ty = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    PyTypeError::new_err(format!(
        "{}: cannot convert a value of type {ty}",
        loc_or_root(loc)
    ))
}

fn loc_or_root(loc: &str) -> &str {
    if loc.is_empty() {
        "data"
    } else {
        loc
    }
}

fn float_value(f: f64, hint: Option<ValueKind>) -> Value {
    if f.is_nan() {
        return Value::Null;
    }
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15 && hint != Some(ValueKind::Dec) {
        // Exact: a whole float below 2^53 is an integer.
        return Value::Number(Number::from(f as i64));
    }
    // Rust's `Display` for f64 prints the shortest round-tripping digits, as Python's repr does.
    Value::String(format!("{f}"))
}

/// Converts a top-level dataset mapping.
pub fn dataset(obj: &Bound<'_, PyAny>, t: &Types<'_>) -> PyResult<Value> {
    let Ok(dict) = obj.cast::<PyDict>() else {
        return Err(type_error("", obj));
    };
    let mut map = Map::new();
    for (k, v) in dict.iter() {
        let key: String = k.extract()?;
        let kind = EntityKind::parse(&key);
        let at = At { kind, field: "" };
        map.insert(key.clone(), value(&v, t, &key, at)?);
    }
    Ok(Value::Object(map))
}

fn value(obj: &Bound<'_, PyAny>, t: &Types<'_>, loc: &str, at: At<'_>) -> PyResult<Value> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyBool>() {
        return Ok(Value::Bool(obj.extract()?));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(if at.hint() == Some(ValueKind::Dec) {
                Value::String(i.to_string())
            } else {
                Value::Number(i.into())
            });
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        return Ok(Value::String(obj.str()?.to_cow()?.into_owned()));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(float_value(f.value(), at.hint()));
    }
    if obj.is_instance(&t.decimal)? {
        if obj.call_method0("is_nan")?.is_truthy()? {
            return Ok(Value::Null);
        }
        // `format(d, "f")`: plain digits, no exponent, every digit kept.
        let s: String = obj.call_method1("__format__", ("f",))?.extract()?;
        if at.hint() == Some(ValueKind::Int) {
            if let Ok(i) = s.parse::<i64>() {
                return Ok(Value::Number(i.into()));
            }
        }
        return Ok(Value::String(s));
    }
    if obj.is_instance(&t.datetime)? {
        // A naive midnight in a date field is a date (pandas has no date type); anything else
        // keeps its time and offset, and the core refuses an instant without one.
        if at.hint() == Some(ValueKind::Date) && obj.getattr("tzinfo")?.is_none() {
            let mut midnight = true;
            for part in ["hour", "minute", "second", "microsecond"] {
                midnight &= obj.getattr(part)?.extract::<i64>()? == 0;
            }
            if midnight {
                return Ok(Value::String(
                    obj.call_method0("date")?
                        .call_method0("isoformat")?
                        .extract()?,
                ));
            }
        }
        return Ok(Value::String(obj.call_method0("isoformat")?.extract()?));
    }
    if obj.is_instance(&t.date)? {
        return Ok(Value::String(obj.call_method0("isoformat")?.extract()?));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let key: String = k.extract()?;
            let field = join_field(at.field, &key);
            let child = At {
                kind: at.kind,
                field: &field,
            };
            map.insert(key.clone(), value(&v, t, &format!("{loc}.{key}"), child)?);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(c) = obj.cast::<Columns>() {
        return columns(c.get(), obj.py(), t, loc, at);
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            out.push(value(&item?, t, &format!("{loc}[{i}]"), at)?);
        }
        return Ok(Value::Array(out));
    }
    // numpy scalars and other number-likes: integers by `__index__`, floats by `__float__`.
    if obj.hasattr("__index__")? {
        if let Ok(i) = obj.call_method0("__index__")?.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
    }
    if obj.hasattr("__float__")? {
        return Ok(float_value(
            obj.call_method0("__float__")?.extract()?,
            at.hint(),
        ));
    }
    Err(type_error(loc, obj))
}

fn join_field(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// Rows from columns: missing cells are left out of their record; dotted column names
/// (`attachments.training_plan`) nest.
fn columns(c: &Columns, py: Python<'_>, t: &Types<'_>, loc: &str, at: At<'_>) -> PyResult<Value> {
    let cols: Vec<Bound<'_, PyAny>> = c.columns.iter().map(|x| x.bind(py).clone()).collect();
    let n = match cols.first() {
        Some(col) => col.len()?,
        None => 0,
    };
    for (name, col) in c.names.iter().zip(&cols) {
        if col.len()? != n {
            return Err(PyTypeError::new_err(format!(
                "{}: column {name} has {} values, expected {n}",
                loc_or_root(loc),
                col.len()?
            )));
        }
    }
    let paths: Vec<Vec<&str>> = c.names.iter().map(|n| n.split('.').collect()).collect();
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let mut row = Map::new();
        for ((name, path), col) in c.names.iter().zip(&paths).zip(&cols) {
            let cell = col.get_item(i)?;
            let field = join_field(at.field, name);
            let v = value(
                &cell,
                t,
                &format!("{loc}[{i}].{name}"),
                At {
                    kind: at.kind,
                    field: &field,
                },
            )?;
            if v.is_null() {
                continue;
            }
            insert_path(&mut row, path, v);
        }
        rows.push(Value::Object(row));
    }
    Ok(Value::Array(rows))
}

fn insert_path(map: &mut Map<String, Value>, path: &[&str], v: Value) {
    match path {
        [] => {}
        [last] => {
            map.insert((*last).to_string(), v);
        }
        [first, rest @ ..] => {
            let entry = map
                .entry((*first).to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(inner) = entry {
                insert_path(inner, rest, v);
            }
        }
    }
}
