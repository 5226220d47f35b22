//! A dataset's largest collections (students, cohorts, semester activities) handed on record by
//! record as they are read, rather than kept as rows (features `bulk` and `arrow`): a national JSON
//! document's five million students would otherwise be five million structs with their strings
//! (about 400 bytes each, two gigabytes), when the checks read them from columns
//! ([`crate::columns::read_json_for_check`]).
//!
//! serde's derived `Deserialize` takes no state, so the receivers reach the fields' readers
//! through a thread-local, set only for the length of one read on this thread; without them, the
//! fields are read into rows as before.

use crate::model::{Cohort, SemesterActivity, Student};
use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

/// Takes one record read; `false` stops the read (the record cannot be kept this way, and the
/// caller reads the document again into rows).
pub(crate) type Receiver<T> = Box<dyn FnMut(T) -> bool>;

/// The receiver of each collection handed on (`None`: kept as rows).
#[derive(Default)]
pub(crate) struct Receivers {
    pub(crate) students: Option<Receiver<Student>>,
    pub(crate) cohorts: Option<Receiver<Cohort>>,
    pub(crate) semester_activities: Option<Receiver<SemesterActivity>>,
}

thread_local! {
    /// The receivers of the read under way on this thread.
    static RECEIVERS: RefCell<Receivers> = RefCell::new(Receivers::default());
}

/// Runs `read` with the records of each collection `receivers` names, read on this thread (by
/// any reader of [`crate::Dataset`]), handed to its receiver instead of kept; the dataset then
/// has none of them.
pub(crate) fn with_receivers<T>(receivers: Receivers, read: impl FnOnce() -> T) -> T {
    /// Clears the receivers when the read ends, however it ends.
    struct Clear;
    impl Drop for Clear {
        fn drop(&mut self) {
            RECEIVERS.with(|r| *r.borrow_mut() = Receivers::default());
        }
    }
    RECEIVERS.with(|r| *r.borrow_mut() = receivers);
    let _clear = Clear;
    read()
}

/// The `students` field's reader: the rows, or, while [`with_receivers`] names a receiver for
/// them, nothing kept (each handed to it).
pub(crate) fn students<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Student>, D::Error> {
    handed(d, |r| r.students.take())
}

/// The `cohorts` field's reader (see [`students`]).
pub(crate) fn cohorts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Cohort>, D::Error> {
    handed(d, |r| r.cohorts.take())
}

/// The `semester_activities` field's reader (see [`students`]).
pub(crate) fn semester_activities<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<SemesterActivity>, D::Error> {
    handed(d, |r| r.semester_activities.take())
}

fn handed<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
    take: impl FnOnce(&mut Receivers) -> Option<Receiver<T>>,
) -> Result<Vec<T>, D::Error> {
    // Taken out for the read, so that no borrow of the cell is held while serde runs.
    match RECEIVERS.with(|r| take(&mut r.borrow_mut())) {
        None => Vec::deserialize(d),
        Some(receive) => d
            .deserialize_seq(Hand(receive, PhantomData))
            .map(|()| Vec::new()),
    }
}

/// Reads an array of records, handing each to the receiver.
struct Hand<T>(Receiver<T>, PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Hand<T> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(s) = seq.next_element::<T>()? {
            if !(self.0)(s) {
                return Err(de::Error::custom("a record not kept as columns"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

    use super::*;
    use std::rc::Rc;

    const DOC: &str = r#"{"students": [
        {"id": "S1", "school": "Z1", "entry_year": 2024},
        {"id": "S2", "school": "Z1", "entry_year": 2023}]}"#;

    /// While a receiver is set, every student goes to it, in order, and none is kept; after the
    /// read, students are rows again.
    #[test]
    fn students_go_to_the_receiver_only_during_the_read() {
        let got = Rc::new(RefCell::new(Vec::new()));
        let to = Rc::clone(&got);
        let receivers = Receivers {
            students: Some(Box::new(move |s: Student| {
                to.borrow_mut().push(s.id);
                true
            })),
            ..Receivers::default()
        };
        let ds = with_receivers(receivers, || crate::Dataset::from_json_str(DOC).unwrap());
        assert!(ds.students.is_empty());
        assert_eq!(*got.borrow(), ["S1", "S2"]);
        let again = crate::Dataset::from_json_str(DOC).unwrap();
        assert_eq!(again.students.len(), 2);
    }

    /// A receiver that refuses a student stops the read with an error.
    #[test]
    fn a_refused_student_stops_the_read() {
        let receivers = Receivers {
            students: Some(Box::new(|s: Student| s.id != "S2")),
            ..Receivers::default()
        };
        let r = with_receivers(receivers, || {
            super::super::read_direct(DOC, &crate::Limits::default())
        });
        assert!(r.is_none());
    }
}
