//! Cohorts held as columns: a project's intake in one entry year and its counts.

use super::{opt, req, ColumnDef, Columns, Concept, Form, Vals, COUNT, YEAR};
use crate::finding::Period;
use crate::model::{Cohort, Index, Subject};

/// The cohorts' concept (see [`Concept`]).
pub(in crate::table) struct Cohorts;

const PROJECT: usize = 0;
const ENTRY: usize = 1;

/// Every column of the cohorts' sheet.
const COLUMNS: &[ColumnDef] = &[
    req("project", Form::Text),
    req("entry_year", YEAR),
    req("enrolled", COUNT),
    opt("still_enrolled", COUNT),
    opt("graduated_secondary", COUNT),
    opt("transferred", COUNT),
];

// The positions above name the columns read through them (checked when compiled).
const _: () = assert!(matches!(COLUMNS[PROJECT].path.as_bytes(), b"project"));
const _: () = assert!(matches!(COLUMNS[ENTRY].path.as_bytes(), b"entry_year"));

/// The entry year of cohort `i` (required, so given on every row held).
fn entry_year(cols: &Columns<Cohorts>, i: usize) -> i32 {
    cols.int(ENTRY, i)
        .and_then(|y| i32::try_from(y).ok())
        .unwrap_or_default()
}

impl Concept for Cohorts {
    type Entity = Cohort;
    type Extra = ();
    const COLUMNS: &'static [ColumnDef] = COLUMNS;
    fn extra(_: &[(&'static str, &Vals)], _: usize) -> Option<()> {
        Some(())
    }
    fn subject(cols: &Columns<Self>, i: usize, ix: &Index<'_>) -> Subject {
        let project = cols.text(PROJECT, i).unwrap_or_default();
        crate::model::cohort_subject(project, entry_year(cols, i), ix)
    }
    fn period(cols: &Columns<Self>, i: usize) -> Option<Period> {
        Some(Period::Cohort {
            year: entry_year(cols, i),
        })
    }
}
