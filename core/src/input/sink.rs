//! A dataset's students handed on one by one as they are read, rather than kept as rows (feature
//! `bulk`): a national JSON document's five million students would otherwise be five million
//! structs with their strings (about 400 bytes each, two gigabytes beside the text), when the
//! checks read them from columns ([`crate::columns::read_json_for_check`]).
//!
//! serde's derived `Deserialize` takes no state, so the receiver reaches the `students` field's
//! reader through a thread-local, set only for the length of one read on this thread; without
//! one, the field is read into rows as before.

use crate::model::Student;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use std::cell::RefCell;
use std::fmt;

/// Takes one student read; `false` stops the read (the student cannot be kept this way, and the
/// caller reads the document again into rows).
pub(crate) type Receiver = Box<dyn FnMut(Student) -> bool>;

thread_local! {
    /// The receiver of the read under way on this thread, if any.
    static STUDENTS: RefCell<Option<Receiver>> = const { RefCell::new(None) };
}

/// Runs `read` with every student read on this thread (by any reader of [`crate::Dataset`])
/// handed to `receive` instead of kept; the dataset then has no students.
pub(crate) fn with_students<T>(receive: Receiver, read: impl FnOnce() -> T) -> T {
    /// Clears the receiver when the read ends, however it ends.
    struct Clear;
    impl Drop for Clear {
        fn drop(&mut self) {
            STUDENTS.with(|s| s.borrow_mut().take());
        }
    }
    STUDENTS.with(|s| *s.borrow_mut() = Some(receive));
    let _clear = Clear;
    read()
}

/// The `students` field's reader: the rows, or, while [`with_students`] runs, nothing kept (each
/// student handed to the receiver).
pub(crate) fn students<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Student>, D::Error> {
    // Taken out for the read, so that no borrow of the cell is held while serde runs.
    match STUDENTS.with(|s| s.borrow_mut().take()) {
        None => Vec::deserialize(d),
        Some(receive) => d.deserialize_seq(Hand(receive)).map(|()| Vec::new()),
    }
}

/// Reads an array of students, handing each to the receiver.
struct Hand(Receiver);

impl<'de> Visitor<'de> for Hand {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        while let Some(s) = seq.next_element::<Student>()? {
            if !(self.0)(s) {
                return Err(de::Error::custom("a student not kept as columns"));
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
        let ds = with_students(
            Box::new(move |s| {
                to.borrow_mut().push(s.id);
                true
            }),
            || crate::Dataset::from_json_str(DOC).unwrap(),
        );
        assert!(ds.students.is_empty());
        assert_eq!(*got.borrow(), ["S1", "S2"]);
        let again = crate::Dataset::from_json_str(DOC).unwrap();
        assert_eq!(again.students.len(), 2);
    }

    /// A receiver that refuses a student stops the read with an error.
    #[test]
    fn a_refused_student_stops_the_read() {
        let r = with_students(Box::new(|s| s.id != "S2"), || {
            super::super::read_direct(DOC, &crate::Limits::default())
        });
        assert!(r.is_none());
    }
}
