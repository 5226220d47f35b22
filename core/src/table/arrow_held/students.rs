//! Students held as columns: the fields the checks read, and the certificate flags derived at
//! load from the list of certificates (a list of structs, or JSON text as the canonical layout
//! writes it).

use super::{
    clean_text, dict_texts, is_text, opt, replaced, req, ColumnDef, Columns, Concept, Form, Vals,
    YEAR,
};
use crate::model::{Certificate, Index, Student, Subject, Value};
use crate::table::cell::trim;
use arrow_array::Array;
use std::collections::HashMap;

/// The students' concept (see [`Concept`]).
pub(in crate::table) struct Students;

const ID: usize = 0;
const NAME: usize = 1;
const SCHOOL: usize = 2;
const ENTRY: usize = 4;

/// Every column of the students' sheet; `major.*` is read by no check, only its form matters (a
/// name needs a code), and the certificates give the derived flags.
const COLUMNS: &[ColumnDef] = &[
    req("id", Form::Text),
    opt("name", Form::Text),
    req("school", Form::Text),
    opt("higher_school", Form::Text),
    req("entry_year", YEAR),
    opt("term_start", Form::Date),
    opt("agreement.signed_on", Form::Date),
    opt("agreement.higher_school", Form::Flag),
    opt("agreement.secondary_school", Form::Flag),
    opt("agreement.student_or_guardian", Form::Flag),
    opt("graduated", Form::Flag),
    opt("certificates", Form::Custom),
    opt("major.code", Form::Custom),
    opt("major.name", Form::Custom),
];

// The positions above name the columns read through them (checked when compiled).
const _: () = assert!(matches!(COLUMNS[ID].path.as_bytes(), b"id"));
const _: () = assert!(matches!(COLUMNS[NAME].path.as_bytes(), b"name"));
const _: () = assert!(matches!(COLUMNS[SCHOOL].path.as_bytes(), b"school"));
const _: () = assert!(matches!(COLUMNS[ENTRY].path.as_bytes(), b"entry_year"));

/// The certificate flags of every student (`None`: no certificate column, so none held).
pub(in crate::table) struct Flags {
    senior: Option<Vec<bool>>,
    x_inter: Option<Vec<bool>>,
}

impl Concept for Students {
    type Entity = Student;
    type Extra = Flags;
    const COLUMNS: &'static [ColumnDef] = COLUMNS;
    const DERIVED: &'static [&'static str] = &[
        "certificates.senior_worker",
        "certificates.x_intermediate_or_above",
    ];
    fn extra(custom: &[(&'static str, &Vals)], n: usize) -> Option<Flags> {
        let get = |p: &str| custom.iter().find(|(c, _)| *c == p).map(|c| c.1);
        let (code, name) = (get("major.code"), get("major.name"));
        if !code.is_none_or(clean_text) || !name.is_none_or(clean_text) {
            return None;
        }
        // A major given by name alone lacks its code: the row reader says so.
        if let Some(names) = name {
            if (0..n).any(|i| names.present(i) && !code.is_some_and(|c| c.present(i))) {
                return None;
            }
        }
        Some(match get("certificates") {
            Some(c) => {
                let (s, x) = certificate_flags(c, n)?;
                Flags {
                    senior: Some(s),
                    x_inter: Some(x),
                }
            }
            None => Flags {
                senior: None,
                x_inter: None,
            },
        })
    }
    fn derived(cols: &Columns<Self>, k: usize, i: usize) -> Value<'_> {
        let flags = if k == 0 {
            &cols.extra.senior
        } else {
            &cols.extra.x_inter
        };
        // Without a certificate column a student holds none, as a row's empty list says.
        Value::Bool(
            flags
                .as_ref()
                .and_then(|v| v.get(i).copied())
                .unwrap_or(false),
        )
    }
    fn subject(cols: &Columns<Self>, i: usize, ix: &Index<'_>) -> Subject {
        crate::model::student_subject(
            cols.text(ID, i).unwrap_or_default(),
            cols.text(NAME, i),
            cols.text(SCHOOL, i).unwrap_or_default(),
            cols.int(ENTRY, i).unwrap_or_default(),
            ix,
        )
    }
    fn period(_: &Columns<Self>, _: usize) -> Option<crate::finding::Period> {
        // A student's row gives no period of its own (see `Entity for Student`).
        None
    }
}

/// A certificate's kind and level, as given.
type CertKey<'a> = (&'a str, Option<&'a str>);

/// The derived certificate flags of every student, from a list of certificate structs; `None`
/// when a certificate is not one the model reads (the row reader then says which).
fn certificate_flags(v: &Vals, n: usize) -> Option<(Vec<bool>, Vec<bool>)> {
    let (list, inner) = match v {
        Vals::List(list, inner) => (list, inner),
        // The canonical layout writes the list as JSON text.
        _ if is_text(v) => return json_certificate_flags(v, n),
        _ => return None,
    };
    let Vals::Struct(items, kids) = &**inner else {
        return None;
    };
    if items.null_count() > 0 {
        return None;
    }
    let mut kind = None;
    let mut level = None;
    for (name, vals) in kids {
        match name.as_str() {
            "kind" => kind = Some(vals),
            "level" => level = Some(vals),
            // A name is free text: any is read.
            "name" if is_text(vals) => {}
            _ => return None,
        }
    }
    let kind = kind?;
    let flags = match coded_flags(kind, level, items.len()) {
        Some(flags) => flags?,
        None => text_flags(kind, level, items.len())?,
    };
    let offsets = list.value_offsets();
    let mut senior = Vec::with_capacity(n);
    let mut x_inter = Vec::with_capacity(n);
    for i in 0..n {
        let (from, to) = if list.is_null(i) {
            (0, 0)
        } else {
            (
                usize::try_from(*offsets.get(i)?).ok()?,
                usize::try_from(*offsets.get(i + 1)?).ok()?,
            )
        };
        let held = flags.get(from..to)?;
        senior.push(held.iter().any(|f| f.0));
        x_inter.push(held.iter().any(|f| f.1));
    }
    Some((senior, x_inter))
}

/// One certificate's two flags (senior worker; X certificate at intermediate level or above),
/// read as the JSON reader reads the certificate `{"kind": k, "level": l}`; `None` when the
/// model does not read it.
fn read_flags(k: &str, l: Option<&str>) -> Option<(bool, bool)> {
    let mut obj = serde_json::Map::new();
    obj.insert("kind".into(), k.into());
    if let Some(l) = l {
        obj.insert("level".into(), l.into());
    }
    let c: Certificate = crate::input::de::from_value(&serde_json::Value::Object(obj)).ok()?;
    Some((c.is_senior_worker(), c.is_x_intermediate()))
}

/// The flags of each of `n` certificates from their kind and level texts.
fn text_flags(kind: &Vals, level: Option<&Vals>, n: usize) -> Option<Vec<(bool, bool)>> {
    // Each certificate's two flags, read as the JSON reader reads one certificate; the distinct
    // (kind, level) texts are few, so each is read once.
    let mut seen: HashMap<CertKey<'_>, (bool, bool)> = HashMap::new();
    let mut last: Option<(CertKey<'_>, (bool, bool))> = None;
    let mut flags = Vec::with_capacity(n);
    for j in 0..n {
        if !kind.present(j) {
            return None;
        }
        let k = trim(kind.text(j)?);
        let l = match level {
            Some(l) if l.present(j) => Some(trim(l.text(j)?)),
            _ => None,
        };
        // The same certificate often follows itself (a class's certificates): kept, unhashed.
        let f = match last.filter(|(key, _)| *key == (k, l)) {
            Some((_, f)) => f,
            None => match seen.get(&(k, l)) {
                Some(f) => *f,
                None => {
                    let f = read_flags(k, l)?;
                    seen.insert((k, l), f);
                    f
                }
            },
        };
        last = Some(((k, l), f));
        flags.push(f);
    }
    Some(flags)
}

/// The flags of each of `n` certificates when kind (and level, if given) are dictionaries:
/// read once per pair of codes, each certificate then two key lookups (five million students,
/// in no order, hold a handful of distinct certificates). `None` when not so encoded; `Some(None)`
/// where [`text_flags`] declines (a kind null, blank or past its dictionary; a level past its
/// dictionary; a certificate the model does not read).
#[allow(clippy::option_option)] // not encoded so, or encoded and declined: two different answers
fn coded_flags(kind: &Vals, level: Option<&Vals>, n: usize) -> Option<Option<Vec<(bool, bool)>>> {
    let Vals::Dict(kind_keys, kind_texts) = kind else {
        return None;
    };
    let level = match level {
        None => None,
        Some(Vals::Dict(keys, texts)) => Some((keys, texts)),
        Some(_) => return None,
    };
    let kinds = dict_texts(kind_texts);
    let levels = level.map(|(_, v)| dict_texts(v)).unwrap_or_default();
    // A code past a dictionary has no text; the last column is "no level".
    let code = |keys: &arrow_array::Int32Array, j: usize, len: usize| {
        usize::try_from(keys.value(j)).ok().filter(|c| *c < len)
    };
    let width = levels.len() + 1;
    let mut cells: Vec<Option<(bool, bool)>> = vec![None; kinds.len() * width];
    let mut flags = Vec::with_capacity(n);
    for j in 0..n {
        let k = match (kind_keys.is_null(j), code(kind_keys, j, kinds.len())) {
            (false, Some(k)) if kinds.get(k).copied().flatten().is_some() => k,
            _ => return Some(None),
        };
        let l = match level {
            Some((keys, _)) if !keys.is_null(j) => match code(keys, j, levels.len()) {
                Some(l) if levels.get(l).copied().flatten().is_some() => l,
                Some(_) => levels.len(),
                None => return Some(None),
            },
            _ => levels.len(),
        };
        let at = k * width + l;
        let f = match cells.get(at).copied().flatten() {
            Some(f) => f,
            None => {
                let text = kinds.get(k).copied().flatten()?;
                let f = match read_flags(text, levels.get(l).copied().flatten()) {
                    Some(f) => f,
                    None => return Some(None),
                };
                if let Some(cell) = cells.get_mut(at) {
                    *cell = Some(f);
                }
                f
            }
        };
        flags.push(f);
    }
    Some(Some(flags))
}

/// As [`certificate_flags`], from a column of JSON text (`[{"kind": "senior_worker"}]`), read as
/// the row reader reads it; the distinct texts are read once each.
fn json_certificate_flags(v: &Vals, n: usize) -> Option<(Vec<bool>, Vec<bool>)> {
    let mut seen: HashMap<&str, (bool, bool)> = HashMap::new();
    let mut senior = Vec::with_capacity(n);
    let mut x_inter = Vec::with_capacity(n);
    for i in 0..n {
        let f = if v.present(i) {
            let t = trim(v.text(i)?);
            match seen.get(t) {
                Some(f) => *f,
                None => {
                    if replaced(t) {
                        return None;
                    }
                    let j: serde_json::Value = serde_json::from_str(t).ok()?;
                    let list: Vec<Certificate> = serde::Deserialize::deserialize(j).ok()?;
                    let f = (
                        list.iter().any(Certificate::is_senior_worker),
                        list.iter().any(Certificate::is_x_intermediate),
                    );
                    seen.insert(t, f);
                    f
                }
            }
        } else {
            (false, false)
        };
        senior.push(f.0);
        x_inter.push(f.1);
    }
    Some((senior, x_inter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Int32Array, StringArray};
    use proptest::prelude::*;

    const KINDS: &[&str] = &[
        "senior_worker",
        " x_certificate",
        "1+X证书",
        "",
        "  ",
        "other",
    ];
    const LEVELS: &[&str] = &["intermediate", "初级", "高级 ", "", "top"];

    fn dict(keys: Vec<Option<i32>>, texts: &[&str]) -> Vals {
        Vals::Dict(Int32Array::from(keys), StringArray::from(texts.to_vec()))
    }

    proptest! {
        /// Certificates as dictionaries give each certificate the flags its texts give (or
        /// decline where the texts decline): null, blank and unknown kinds, levels blank, null,
        /// past the dictionary or unknown.
        #[test]
        fn coded_certificates_read_as_their_texts(
            rows in proptest::collection::vec(
                (proptest::option::of(-1i32..7), proptest::option::of(-1i32..6)),
                0..10,
            ),
            with_level in any::<bool>(),
        ) {
            let n = rows.len();
            let kind = dict(rows.iter().map(|r| r.0).collect(), KINDS);
            let level = dict(rows.iter().map(|r| r.1).collect(), LEVELS);
            let level = with_level.then_some(&level);
            let coded = coded_flags(&kind, level, n);
            prop_assert!(coded.is_some());
            prop_assert_eq!(coded.flatten(), text_flags(&kind, level, n));
        }
    }

    #[test]
    fn coded_certificates_give_the_flags() {
        let kind = dict(vec![Some(0), Some(1), Some(1)], KINDS);
        let level = dict(vec![None, Some(0), Some(1)], LEVELS);
        let flags = coded_flags(&kind, Some(&level), 3).flatten();
        assert_eq!(
            flags,
            Some(vec![(true, false), (false, true), (false, false)])
        );
    }
}
