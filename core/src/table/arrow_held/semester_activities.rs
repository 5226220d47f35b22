//! Semester activities held as columns: a project's work in one semester. The semester is no
//! field the checks name; it is read at load (as the row reader reads it) for each record's
//! subject and period.

use super::{is_text, opt, replaced, req, ColumnDef, Columns, Concept, Form, Vals, COUNT};
use crate::finding::Period;
use crate::model::{Index, Semester, SemesterActivity, Subject};
use crate::table::cell::trim;
use std::collections::HashMap;

/// The semester activities' concept (see [`Concept`]).
pub(in crate::table) struct Activities;

const PROJECT: usize = 0;

/// Every column of the semester activities' sheet.
const COLUMNS: &[ColumnDef] = &[
    req("project", Form::Text),
    opt("meetings", COUNT),
    opt("joint_research", COUNT),
    opt("teachers_dispatched", COUNT),
    req("semester", Form::Custom),
];

// The positions above name the columns read through them (checked when compiled).
const _: () = assert!(matches!(COLUMNS[PROJECT].path.as_bytes(), b"project"));

/// Each record's semester, read as the row reader reads it (`2023-2024-1`; anything else
/// declines, and the row reader says what it makes of it); the distinct texts are read once.
fn semesters(v: &Vals, n: usize) -> Option<Vec<Semester>> {
    if !is_text(v) {
        return None;
    }
    let mut seen: HashMap<&str, Semester> = HashMap::new();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let t = trim(v.text(i)?);
        let s = match seen.get(t) {
            Some(s) => *s,
            None => {
                if replaced(t) {
                    return None;
                }
                let s: Semester = t.parse().ok()?;
                seen.insert(t, s);
                s
            }
        };
        out.push(s);
    }
    Some(out)
}

impl Activities {
    fn semester(cols: &Columns<Self>, i: usize) -> Option<Semester> {
        cols.extra.get(i).copied()
    }
}

impl Concept for Activities {
    type Entity = SemesterActivity;
    type Extra = Vec<Semester>;
    const COLUMNS: &'static [ColumnDef] = COLUMNS;
    fn extra(custom: &[(&'static str, &Vals)], n: usize) -> Option<Vec<Semester>> {
        let (_, v) = custom.iter().find(|(p, _)| *p == "semester")?;
        semesters(v, n)
    }
    fn subject(cols: &Columns<Self>, i: usize, ix: &Index<'_>) -> Subject {
        let project = cols.text(PROJECT, i).unwrap_or_default();
        // Every record held has its semester (required, read at load).
        let semester = Self::semester(cols, i).unwrap_or(Semester {
            start_year: 0,
            term: 1,
        });
        crate::model::semester_activity_subject(project, semester, ix)
    }
    fn period(cols: &Columns<Self>, i: usize) -> Option<Period> {
        Self::semester(cols, i).map(|semester| Period::Semester { semester })
    }
}
