//! Python values → JSON values, for the core's dataset reader (which locates every problem).
//!
//! Exactness: `decimal.Decimal` crosses as its exact digits; a `float` crosses as the shortest
//! decimal that reads back to the same float (the digits of Python's `repr(float)`), so `0.1`
//! becomes `"0.1"`, never `0.1000000000000000055…`. NaN and `None` are missing. Whole floats
//! (`3.0`, as a pandas integer column with gaps holds them) become integers except in decimal
//! fields. Where the core's field table names a field's type, it guides the form a value takes;
//! the core then accepts or refuses it with a located error.
//!
//! Hostile values: nesting deeper than `Limits::nesting_depth` and containers that contain
//! themselves are refused (ids of the containers on the current path are tracked), as are strings
//! over `string_chars`, sequences over `records`, generators and iterators (a one-shot, unsized
//! source: see `xianjie::host::iterator`), non-text keys, lone surrogates and values whose
//! conversion raises. Each is one located issue (messages from `xianjie::host`); conversion goes
//! on past it, so every problem is listed (up to `errors_listed`, the rest counted). Only
//! `BaseException`s that are not `Exception`s (KeyboardInterrupt) and `MemoryError` propagate.

use pyo3::exceptions::{PyException, PyMemoryError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyIterator, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};
use xianjie::host;
use xianjie::limits::{Limit, Limits, MAX_NESTING_DEPTH};
use xianjie::model::{EntityKind, ValueKind};
use xianjie::{InputError, InputIssue};

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

/// Where a value sits in a record: its collection and field path (to find its type in the
/// core's field table).
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

/// The value's type name, for messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
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

/// One conversion: the types looked up once, the limits, the containers on the current path
/// and the problems found so far.
struct Conv<'a, 'py> {
    t: &'a Types<'py>,
    limits: &'a Limits,
    /// Ids (addresses) of the containers from the root to the value being converted.
    path: Vec<usize>,
    issues: Vec<InputIssue>,
    unlisted: u64,
}

/// Why a conversion stopped: a problem recorded as an issue (the value becomes null and the
/// conversion goes on), or an exception that must propagate.
enum Stop {
    Issue(InputIssue),
    Raise(PyErr),
}

impl From<PyErr> for Stop {
    fn from(e: PyErr) -> Self {
        Stop::Raise(e)
    }
}

type Conversion = Result<Value, Stop>;

impl Conv<'_, '_> {
    fn push(&mut self, issue: InputIssue) {
        if (self.issues.len() as u64) < self.limits.errors_listed {
            self.issues.push(issue);
        } else {
            self.unlisted += 1;
        }
    }

    /// `value`, with a problem recorded and the value left null; exceptions raised by the
    /// value's own methods (`__float__`, `__index__`) are problems too, unless they must stop
    /// the program.
    fn convert(
        &mut self,
        py: Python<'_>,
        obj: &Bound<'_, PyAny>,
        loc: &str,
        at: At<'_>,
    ) -> PyResult<Value> {
        match self.value(obj, loc, at) {
            Ok(v) => Ok(v),
            Err(Stop::Issue(i)) => {
                self.push(i);
                Ok(Value::Null)
            }
            Err(Stop::Raise(e))
                if e.is_instance_of::<PyException>(py)
                    && !e.is_instance_of::<PyMemoryError>(py) =>
            {
                let detail = e.value(py).str().map(|s| s.to_string()).unwrap_or_default();
                self.push(host::conversion_failed(loc, &type_name(obj), &detail));
                Ok(Value::Null)
            }
            Err(Stop::Raise(e)) => Err(e),
        }
    }

    fn sized(&self, n: usize, loc: &str) -> Result<(), Stop> {
        if n as u64 > self.limits.records {
            return Err(Stop::Issue(self.limits.exceeded(
                Limit::Records,
                loc,
                Some(n as u64),
            )));
        }
        Ok(())
    }

    fn text(&self, s: &Bound<'_, PyString>, loc: &str) -> Result<String, Stop> {
        // Counted (code points, O(1)) before it is copied.
        let n = s.len()?;
        if n as u64 > self.limits.string_chars {
            return Err(Stop::Issue(self.limits.exceeded(
                Limit::StringChars,
                loc,
                Some(n as u64),
            )));
        }
        match s.to_cow() {
            Ok(c) => Ok(c.into_owned()),
            Err(_) => Err(Stop::Issue(host::not_unicode(loc))),
        }
    }

    /// `f` inside the container `obj` at `loc`: refused if `obj` is already on the path (a
    /// cycle) or one level too deep.
    fn inside(
        &mut self,
        obj: &Bound<'_, PyAny>,
        loc: &str,
        f: impl FnOnce(&mut Self) -> Conversion,
    ) -> Conversion {
        let id = obj.as_ptr() as usize;
        if self.path.contains(&id) {
            return Err(Stop::Issue(host::cycle(loc)));
        }
        // `Limits::set` keeps the depth within what the stack holds; a `Limits` built in Rust
        // with a higher field is held to the same bound.
        let depth = self.limits.nesting_depth.min(MAX_NESTING_DEPTH);
        if self.path.len() as u64 >= depth {
            let issue = self.limits.exceeded(Limit::NestingDepth, loc, None);
            return Err(Stop::Issue(issue));
        }
        self.path.push(id);
        let r = f(self);
        self.path.pop();
        r
    }

    fn dict(&mut self, d: &Bound<'_, PyDict>, loc: &str, at: At<'_>) -> Conversion {
        let py = d.py();
        // A snapshot of the items: a value's methods may change the dict while it is read.
        let items = d.items();
        self.inside(d.as_any(), loc, |c| {
            let mut map = Map::new();
            for item in items.iter() {
                let (k, v) = item.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()?;
                let Some(key) = c.key(&k, loc)? else {
                    continue;
                };
                let (child_loc, field) = if loc.is_empty() {
                    (key.clone(), String::new())
                } else {
                    (format!("{loc}.{key}"), join_field(at.field, &key))
                };
                // At the root, each key names a collection.
                let kind = if loc.is_empty() {
                    EntityKind::parse(&key)
                } else {
                    at.kind
                };
                let v = c.convert(
                    py,
                    &v,
                    &child_loc,
                    At {
                        kind,
                        field: &field,
                    },
                )?;
                map.insert(key, v);
            }
            Ok(Value::Object(map))
        })
    }

    /// A key as text, or `None` with the problem recorded.
    fn key(&mut self, k: &Bound<'_, PyAny>, loc: &str) -> Result<Option<String>, Stop> {
        let text = match k.cast::<PyString>() {
            Ok(k) => self.text(k, loc),
            Err(_) => Err(Stop::Issue(host::key_not_text(loc, &type_name(k)))),
        };
        match text {
            Ok(key) => Ok(Some(key)),
            Err(Stop::Issue(i)) => {
                self.push(i);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    fn list(&mut self, obj: &Bound<'_, PyAny>, loc: &str, at: At<'_>) -> Conversion {
        let py = obj.py();
        self.sized(obj.len()?, loc)?;
        self.inside(obj, loc, |c| {
            let mut out = Vec::new();
            for (i, item) in obj.try_iter()?.enumerate() {
                out.push(c.convert(py, &item?, &format!("{loc}[{i}]"), at)?);
            }
            Ok(Value::Array(out))
        })
    }

    fn value(&mut self, obj: &Bound<'_, PyAny>, loc: &str, at: At<'_>) -> Conversion {
        let t = self.t;
        if obj.is_none() {
            return Ok(Value::Null);
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(Value::String(self.text(s, loc)?));
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
            return self.dict(d, loc, at);
        }
        if let Ok(c) = obj.cast::<Columns>() {
            return self.columns(c.get(), obj.py(), loc, at);
        }
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            return self.list(obj, loc, at);
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
        if is_iterator(obj)? {
            return Err(Stop::Issue(host::iterator(loc, &type_name(obj))));
        }
        Err(Stop::Issue(host::unsupported(loc, &type_name(obj))))
    }

    /// Rows from columns: missing cells are left out of their record; dotted column names
    /// (`attachments.training_plan`) nest.
    fn columns(&mut self, c: &Columns, py: Python<'_>, loc: &str, at: At<'_>) -> Conversion {
        for (i, name) in c.names.iter().enumerate() {
            if c.names[..i].contains(name) {
                return Err(Stop::Issue(host::duplicate_column(loc, name)));
            }
        }
        let cols: Vec<Bound<'_, PyAny>> = c.columns.iter().map(|x| x.bind(py).clone()).collect();
        let n = match cols.first() {
            Some(col) => col.len()?,
            None => 0,
        };
        self.sized(n, loc)?;
        for (name, col) in c.names.iter().zip(&cols) {
            if col.len()? != n {
                return Err(Stop::Raise(PyTypeError::new_err(format!(
                    "{loc}: column {name} has {} values, expected {n}",
                    col.len()?
                ))));
            }
        }
        let paths: Vec<Vec<&str>> = c.names.iter().map(|n| n.split('.').collect()).collect();
        let mut rows = Vec::with_capacity(n);
        for i in 0..n {
            let mut row = Map::new();
            for ((name, path), col) in c.names.iter().zip(&paths).zip(&cols) {
                let cell = col.get_item(i)?;
                let field = join_field(at.field, name);
                let v = self.convert(
                    py,
                    &cell,
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
}

/// Converts a top-level dataset mapping; every problem found is in the `InputError`.
pub fn dataset(
    obj: &Bound<'_, PyAny>,
    t: &Types<'_>,
    limits: &Limits,
) -> PyResult<Result<Value, InputError>> {
    let mut c = Conv {
        t,
        limits,
        path: Vec::new(),
        issues: Vec::new(),
        unlisted: 0,
    };
    let root = At {
        kind: None,
        field: "",
    };
    let v = match obj.cast::<PyDict>() {
        Ok(d) => match c.dict(d, "", root) {
            Ok(v) => v,
            Err(Stop::Issue(i)) => {
                c.push(i);
                Value::Null
            }
            Err(Stop::Raise(e)) => return Err(e),
        },
        // Not a mapping: refused with the reason (a generator, a list, bytes …).
        Err(_) => {
            let issue = if is_iterator(obj)? {
                host::iterator("", &type_name(obj))
            } else {
                host::unsupported("", &type_name(obj))
            };
            c.push(issue);
            Value::Null
        }
    };
    if c.unlisted > 0 {
        c.issues.push(host::unlisted(c.unlisted));
    }
    Ok(if c.issues.is_empty() {
        Ok(v)
    } else {
        Err(InputError {
            source_name: None,
            errors: c.issues,
        })
    })
}

/// Generators, iterators and other one-shot sources.
fn is_iterator(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(obj.is_instance_of::<PyIterator>() || obj.hasattr("__next__")?)
}

fn join_field(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
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
