//! Python-style values. The Python binding converts dicts, lists, decimals and dates into a
//! `serde_json::Value` (`py/src/convert.rs`), writes it as text and calls
//! `Dataset::from_json_str` (`Dataset.from_py`). This target builds such values structurally
//! (real collection and field names as keys, odd numbers and strings as values, deep or wide
//! nesting), then takes both core doors: the text one the binding uses and `input::from_value`.
//! Invariants: no panic; an accepted dataset is checked and survives a write/re-read; where both
//! doors accept, they agree. Cyclic values cannot exist in a `Value`: they are the Python
//! suite's to test (the converter's cycle check).
#![no_main]
use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Number, Value};
use std::sync::OnceLock;
use xianjie::model::EntityKind;
use xianjie::Dataset;

/// Keys worth trying: the dataset's members, every entity's fields, a few nested names.
fn vocabulary() -> &'static [String] {
    static V: OnceLock<Vec<String>> = OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vec<String> = [
            "name",
            "reporting_year",
            "governance",
            "contact",
            "leading_group",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for &k in EntityKind::ALL {
            v.push(k.as_str().to_string());
            v.extend(k.field_names().into_iter().map(str::to_string));
        }
        v.sort();
        v.dedup();
        v
    })
}

const TEXTS: &[&str] = &[
    "2024",
    "2024年",
    "0",
    "-2024",
    "2023-2024-1",
    "2023-2024-3",
    "S1",
    "P1",
    "110108",
    "2024-01-30T10:00:00+08:00",
    "2024-01-30",
    "1e28",
    "10000000000000000000000000000",
    "1234567890123456789012345678901234567890",
    "0.1",
    "-0",
    "NaN",
    "Infinity",
    "",
    "\u{1b}[31m",
    "\u{1b}]8;;http://x\u{7}",
    "\u{202e}",
    "\u{85}",
    "\u{feff}",
    "secondary",
    "higher",
    "principal",
    // Chinese labels and synonyms of closed sets, full-width and padded spellings.
    "中职",
    " 院长 ",
    "３＋２",
    "true",
];

fn number(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=4)? {
        0 => Value::from(u.arbitrary::<i64>()?),
        1 => Value::from(u.arbitrary::<u64>()?),
        2 => Value::from(u.int_in_range(1990..=2100)?),
        3 => Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
        _ => Value::from(u.int_in_range(0..=12)?),
    })
}

fn text(u: &mut Unstructured) -> Result<String> {
    Ok(if u.ratio(1, 3)? {
        u.arbitrary()?
    } else {
        u.choose(TEXTS)?.to_string()
    })
}

fn key(u: &mut Unstructured) -> Result<String> {
    Ok(if u.ratio(1, 8)? {
        u.arbitrary()?
    } else {
        u.choose(vocabulary())?.clone()
    })
}

fn value(u: &mut Unstructured, depth: usize) -> Result<Value> {
    let leaf = depth >= 8 || u.is_empty();
    Ok(match u.int_in_range(0..=if leaf { 3 } else { 6 })? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => number(u)?,
        3 => Value::String(text(u)?),
        4 | 5 => {
            let mut m = Map::new();
            for _ in 0..u.int_in_range(0..=6)? {
                m.insert(key(u)?, value(u, depth + 1)?);
            }
            Value::Object(m)
        }
        _ => {
            let n = u.int_in_range(0..=4)?;
            Value::Array((0..n).map(|_| value(u, depth + 1)).collect::<Result<_>>()?)
        }
    })
}

/// A dataset-shaped value: an object of collections of records, sometimes wrapped very deep
/// (built without recursion, as a Python converter would hand over a 100,000-deep list).
fn document(u: &mut Unstructured) -> Result<Value> {
    let mut doc = Map::new();
    for _ in 0..u.int_in_range(0..=4)? {
        let k = key(u)?;
        let v = if u.ratio(3, 4)? {
            let n = u.int_in_range(0..=3)?;
            Value::Array((0..n).map(|_| value(u, 1)).collect::<Result<_>>()?)
        } else {
            value(u, 1)?
        };
        doc.insert(k, v);
    }
    let mut v = Value::Object(doc);
    if u.ratio(1, 16)? {
        for _ in 0..u.int_in_range(1..=3000)? {
            v = Value::Array(vec![v]);
        }
    }
    Ok(v)
}

/// Deep values are taken apart by hand: dropping them recursively would overflow the fuzzer's
/// own stack, which is not the core's fault.
fn drop_flat(v: Value) {
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a),
            Value::Object(m) => stack.extend(m.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

fn depth(v: &Value) -> usize {
    let mut max = 0;
    let mut stack = vec![(v, 1)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        match v {
            Value::Array(a) => stack.extend(a.iter().map(|x| (x, d + 1))),
            Value::Object(m) => stack.extend(m.values().map(|x| (x, d + 1))),
            _ => {}
        }
    }
    max
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(doc) = document(&mut u) else {
        return;
    };
    // serde_json's writer and `from_value` recurse; refusing such depth is the binding
    // converter's job (issue 10, deliver 2), so a very deep value goes to the core only as
    // text (built here without recursion), as it would from a converter without a limit.
    let (text, by_value) = if depth(&doc) > 200 {
        let mut inner = doc;
        let mut wraps = 0;
        while let Value::Array(mut a) = inner {
            if a.len() != 1 {
                inner = Value::Array(a);
                break;
            }
            inner = a.pop().unwrap();
            wraps += 1;
        }
        let t = format!("{}{}{}", "[".repeat(wraps), inner, "]".repeat(wraps));
        drop_flat(inner);
        (t, None)
    } else {
        let t = doc.to_string();
        (t, Some(xianjie::input::from_value::<Dataset>(doc)))
    };
    let by_text = Dataset::from_json_str(&text);
    if let Ok(ds) = &by_text {
        xianjie_fuzz::assert_roundtrip(ds);
        xianjie_fuzz::check_default(ds);
    }
    if let (Ok(a), Some(Ok(b))) = (&by_text, &by_value) {
        assert_eq!(a, b, "text and value doors disagree");
    }
});
