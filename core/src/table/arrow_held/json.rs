//! A JSON document read for checking with its largest collections (students, cohorts, semester
//! activities) held as columns (feature `bulk`): each record is read as the rows reader reads
//! it, then appended to the columns and let go, so the document's five million students are
//! never five million structs at once. The columns are then held as any Arrow input's are
//! ([`super::hold`]), and checked the same way.
//!
//! Only what the columns read exactly as the rows say is taken: a text the columns would read
//! otherwise (blank, with spaces around it, holding U+FFFD) stops the read, and the caller reads
//! the document into rows as before. Stopping is never an error, only slower.

use super::hold;
use crate::model::{Cohort, Dataset, EntityKind, Held, SemesterActivity, Student};
use crate::table::arrow_in::day_number;
use crate::table::cell::trim;
use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Int32Builder, Int64Builder, ListBuilder,
    StringBuilder, StringDictionaryBuilder, StructBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Fields};
use chrono::NaiveDate;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Reads the JSON dataset `text` for checking, its students held as columns; `None` where the
/// direct path declines the document or a student is not read the same way as columns, and the
/// caller reads it with [`Dataset::from_json_str_with`] (which also says what is wrong).
///
/// ```
/// let text = r#"{"reporting_year": 2024, "students": [
///   {"id": "S1", "school": "Z1", "entry_year": 2024, "term_start": "2024-09-01",
///    "agreement": {"signed_on": "2024-10-08"}}]}"#;
/// let limits = xianjie::Limits::default();
/// let (ds, held) = xianjie::columns::read_json_for_check(text, &limits).unwrap();
/// assert!(ds.students.is_empty());
/// let opts = xianjie::Options { packs: vec!["qz-pilot-2024".into()], ..Default::default() };
/// let checker = xianjie::Checker::new(&opts).unwrap();
/// let rows = xianjie::Dataset::from_json_str(text).unwrap();
/// assert_eq!(
///     checker.check_with_columns(&ds, &held).to_json_pretty(),
///     checker.check(&rows).to_json_pretty(),
/// );
/// ```
pub fn read_json_for_check(text: &str, limits: &crate::Limits) -> Option<(Dataset, Held)> {
    read_with(|| crate::input::read_direct(text, limits), limits)
}

/// As [`read_json_for_check`], parsing the document as `reader` gives it, never held whole as
/// text (a national document is 1.6 GB of it): a file is read once, straight into the records
/// and columns. `None` where it declines, as [`read_json_for_check`] does, and also where the
/// reader fails or the document is not valid UTF-8: the caller then reads the text whole with
/// [`Dataset::from_json_str_with`], which says what is wrong and where.
///
/// ```
/// let text = r#"{"students": [{"id": "S1", "school": "Z1", "entry_year": 2024}]}"#;
/// let limits = xianjie::Limits::default();
/// let (ds, held) = xianjie::columns::read_json_reader_for_check(text.as_bytes(), &limits).unwrap();
/// assert!(ds.students.is_empty());
/// assert_eq!(held.get(xianjie::model::EntityKind::Students).unwrap().len(), 1);
/// ```
pub fn read_json_reader_for_check(
    reader: impl std::io::Read,
    limits: &crate::Limits,
) -> Option<(Dataset, Held)> {
    read_with(|| crate::input::read_direct_from(reader, limits), limits)
}

/// Runs `read` (a direct read of a dataset) with its students appended to columns, then holds
/// them.
fn read_with(
    read: impl FnOnce() -> Option<Dataset>,
    limits: &crate::Limits,
) -> Option<(Dataset, Held)> {
    let students = Rc::new(RefCell::new(StudentColumns::new()));
    let cohorts = Rc::new(RefCell::new(CohortColumns::default()));
    let activities = Rc::new(RefCell::new(ActivityColumns::default()));
    let receivers = crate::input::sink::Receivers {
        students: Some(receiver(&students)),
        cohorts: Some(receiver(&cohorts)),
        semester_activities: Some(receiver(&activities)),
    };
    let ds = crate::input::sink::with_receivers(receivers, read)?;
    let mut held = Held::new();
    hold_into(students, &mut held, limits)?;
    hold_into(cohorts, &mut held, limits)?;
    hold_into(activities, &mut held, limits)?;
    Some((ds, held))
}

/// Columns records are appended to as they are read.
trait Sink: 'static {
    /// The collection.
    const KIND: EntityKind;
    /// Its record.
    type Row;
    /// Appends `r`; `false` when the columns would not read it as its row reader does (nothing
    /// appended then matters: the read stops).
    fn push(&mut self, r: &Self::Row) -> bool;
    /// Records appended.
    fn len(&self) -> usize;
    /// The columns as one batch, named by the records' dotted paths.
    fn finish(self) -> Option<RecordBatch>;
}

/// A receiver appending each record to `cols`.
fn receiver<S: Sink>(cols: &Rc<RefCell<S>>) -> crate::input::sink::Receiver<S::Row> {
    let to = Rc::clone(cols);
    Box::new(move |r| to.borrow_mut().push(&r))
}

/// Holds the records appended to `cols`, if any; `None` when they cannot be held.
fn hold_into<S: Sink>(cols: Rc<RefCell<S>>, held: &mut Held, limits: &crate::Limits) -> Option<()> {
    let cols = Rc::try_unwrap(cols).ok()?.into_inner();
    if cols.len() > 0 {
        held.hold(hold(S::KIND, &[cols.finish()?], limits, None)?);
    }
    Some(())
}

/// The cohorts read so far.
#[derive(Default)]
struct CohortColumns {
    project: StringDictionaryBuilder<Int32Type>,
    entry_year: Int32Builder,
    enrolled: Int64Builder,
    still_enrolled: Int64Builder,
    graduated_secondary: Int64Builder,
    transferred: Int64Builder,
}

impl Sink for CohortColumns {
    const KIND: EntityKind = EntityKind::Cohorts;
    type Row = Cohort;
    fn push(&mut self, c: &Cohort) -> bool {
        if !kept(&c.project) || self.project.append(&c.project).is_err() {
            return false;
        }
        self.entry_year.append_value(c.entry_year);
        self.enrolled.append_value(c.enrolled.into());
        self.still_enrolled
            .append_option(c.still_enrolled.map(i64::from));
        self.graduated_secondary
            .append_option(c.graduated_secondary.map(i64::from));
        self.transferred.append_option(c.transferred.map(i64::from));
        true
    }
    fn len(&self) -> usize {
        self.entry_year.len()
    }
    fn finish(mut self) -> Option<RecordBatch> {
        let columns: Vec<(&str, ArrayRef)> = vec![
            ("project", Arc::new(self.project.finish())),
            ("entry_year", Arc::new(self.entry_year.finish())),
            ("enrolled", Arc::new(self.enrolled.finish())),
            ("still_enrolled", Arc::new(self.still_enrolled.finish())),
            (
                "graduated_secondary",
                Arc::new(self.graduated_secondary.finish()),
            ),
            ("transferred", Arc::new(self.transferred.finish())),
        ];
        RecordBatch::try_from_iter(columns).ok()
    }
}

/// The semester activities read so far (each semester as its canonical text, `2023-2024-1`).
#[derive(Default)]
struct ActivityColumns {
    project: StringDictionaryBuilder<Int32Type>,
    semester: StringDictionaryBuilder<Int32Type>,
    meetings: Int64Builder,
    joint_research: Int64Builder,
    teachers_dispatched: Int64Builder,
    /// The last semester's text (the rows of one semester follow each other).
    last: Option<(crate::model::Semester, String)>,
}

impl Sink for ActivityColumns {
    const KIND: EntityKind = EntityKind::SemesterActivities;
    type Row = SemesterActivity;
    fn push(&mut self, a: &SemesterActivity) -> bool {
        if !kept(&a.project) || self.project.append(&a.project).is_err() {
            return false;
        }
        if self.last.as_ref().is_none_or(|(s, _)| *s != a.semester) {
            self.last = Some((a.semester, a.semester.to_string()));
        }
        let Some((_, text)) = &self.last else {
            return false;
        };
        if self.semester.append(text).is_err() {
            return false;
        }
        self.meetings.append_option(a.meetings.map(i64::from));
        self.joint_research
            .append_option(a.joint_research.map(i64::from));
        self.teachers_dispatched
            .append_option(a.teachers_dispatched.map(i64::from));
        true
    }
    fn len(&self) -> usize {
        self.meetings.len()
    }
    fn finish(mut self) -> Option<RecordBatch> {
        let columns: Vec<(&str, ArrayRef)> = vec![
            ("project", Arc::new(self.project.finish())),
            ("semester", Arc::new(self.semester.finish())),
            ("meetings", Arc::new(self.meetings.finish())),
            ("joint_research", Arc::new(self.joint_research.finish())),
            (
                "teachers_dispatched",
                Arc::new(self.teachers_dispatched.finish()),
            ),
        ];
        RecordBatch::try_from_iter(columns).ok()
    }
}

/// The students read so far, as the columns of the students' sheet (dictionaries for the texts
/// that repeat: schools, majors, certificate kinds).
struct StudentColumns {
    id: StringBuilder,
    name: StringBuilder,
    school: StringDictionaryBuilder<Int32Type>,
    higher_school: StringDictionaryBuilder<Int32Type>,
    major_code: StringDictionaryBuilder<Int32Type>,
    major_name: StringDictionaryBuilder<Int32Type>,
    entry_year: Int32Builder,
    term_start: Date32Builder,
    signed_on: Date32Builder,
    signed_higher: BooleanBuilder,
    signed_secondary: BooleanBuilder,
    signed_student: BooleanBuilder,
    graduated: BooleanBuilder,
    certificates: ListBuilder<StructBuilder>,
}

/// A dictionary of texts, as the certificates' kinds and levels are held.
fn dict_type() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

/// The fields of one certificate held (its name is read by no check, so not held).
fn certificate_fields() -> Fields {
    Fields::from(vec![
        Field::new("kind", dict_type(), false),
        Field::new("level", dict_type(), true),
    ])
}

/// Whether the columns read `t` as the rows do: given (not blank), no spaces around it, no
/// U+FFFD (which columns take for text that was not UTF-8).
fn kept(t: &str) -> bool {
    !t.is_empty() && trim(t).len() == t.len() && !super::replaced(t)
}

/// Appends an optional text, when the columns read it as the rows do.
fn text_opt(b: &mut StringDictionaryBuilder<Int32Type>, t: Option<&str>) -> bool {
    match t {
        Some(t) if kept(t) => b.append(t).is_ok(),
        Some(_) => false,
        None => {
            b.append_null();
            true
        }
    }
}

impl StudentColumns {
    fn new() -> Self {
        let kind: Box<dyn ArrayBuilder> = Box::new(StringDictionaryBuilder::<Int32Type>::new());
        let level: Box<dyn ArrayBuilder> = Box::new(StringDictionaryBuilder::<Int32Type>::new());
        Self {
            id: StringBuilder::new(),
            name: StringBuilder::new(),
            school: StringDictionaryBuilder::new(),
            higher_school: StringDictionaryBuilder::new(),
            major_code: StringDictionaryBuilder::new(),
            major_name: StringDictionaryBuilder::new(),
            entry_year: Int32Builder::new(),
            term_start: Date32Builder::new(),
            signed_on: Date32Builder::new(),
            signed_higher: BooleanBuilder::new(),
            signed_secondary: BooleanBuilder::new(),
            signed_student: BooleanBuilder::new(),
            graduated: BooleanBuilder::new(),
            certificates: ListBuilder::new(StructBuilder::new(
                certificate_fields(),
                vec![kind, level],
            )),
        }
    }
}

impl Sink for StudentColumns {
    const KIND: EntityKind = EntityKind::Students;
    type Row = Student;

    fn len(&self) -> usize {
        self.id.len()
    }

    fn push(&mut self, s: &Student) -> bool {
        if !kept(&s.id) || !kept(&s.school) {
            return false;
        }
        self.id.append_value(&s.id);
        match s.name.as_deref() {
            Some(n) if kept(n) => self.name.append_value(n),
            Some(_) => return false,
            None => self.name.append_null(),
        }
        let agreement = s.agreement.as_ref();
        let texts = self.school.append(&s.school).is_ok()
            && text_opt(&mut self.higher_school, s.higher_school.as_deref())
            && text_opt(
                &mut self.major_code,
                s.major.as_ref().map(|m| m.code.as_str()),
            )
            && text_opt(
                &mut self.major_name,
                s.major.as_ref().and_then(|m| m.name.as_deref()),
            );
        if !texts {
            return false;
        }
        let date = |d: Option<NaiveDate>| d.map(day_number);
        self.term_start.append_option(date(s.term_start));
        self.signed_on
            .append_option(date(agreement.and_then(|a| a.signed_on)));
        self.entry_year.append_value(s.entry_year);
        self.signed_higher
            .append_option(agreement.and_then(|a| a.higher_school));
        self.signed_secondary
            .append_option(agreement.and_then(|a| a.secondary_school));
        self.signed_student
            .append_option(agreement.and_then(|a| a.student_or_guardian));
        self.graduated.append_option(s.graduated);
        let list = self.certificates.values();
        for c in &s.certificates {
            let Some(kind) = list.field_builder::<StringDictionaryBuilder<Int32Type>>(0) else {
                return false;
            };
            if kind.append(c.kind.as_str()).is_err() {
                return false;
            }
            let Some(level) = list.field_builder::<StringDictionaryBuilder<Int32Type>>(1) else {
                return false;
            };
            match c.level {
                Some(l) if level.append(l.as_str()).is_ok() => {}
                Some(_) => return false,
                None => level.append_null(),
            }
            list.append(true);
        }
        self.certificates.append(true);
        true
    }

    fn finish(mut self) -> Option<RecordBatch> {
        let columns: Vec<(&str, ArrayRef)> = vec![
            ("id", Arc::new(self.id.finish())),
            ("name", Arc::new(self.name.finish())),
            ("school", Arc::new(self.school.finish())),
            ("higher_school", Arc::new(self.higher_school.finish())),
            ("major.code", Arc::new(self.major_code.finish())),
            ("major.name", Arc::new(self.major_name.finish())),
            ("entry_year", Arc::new(self.entry_year.finish())),
            ("term_start", Arc::new(self.term_start.finish())),
            ("agreement.signed_on", Arc::new(self.signed_on.finish())),
            (
                "agreement.higher_school",
                Arc::new(self.signed_higher.finish()),
            ),
            (
                "agreement.secondary_school",
                Arc::new(self.signed_secondary.finish()),
            ),
            (
                "agreement.student_or_guardian",
                Arc::new(self.signed_student.finish()),
            ),
            ("graduated", Arc::new(self.graduated.finish())),
            ("certificates", Arc::new(self.certificates.finish())),
        ];
        RecordBatch::try_from_iter(columns).ok()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: failing loudly is the point

    use super::*;
    use crate::model::Records;

    fn checker() -> crate::Checker {
        let opts = crate::Options {
            packs: vec!["qz-pilot-2024".into(), "bj-3p2-2024".into()],
            ..Default::default()
        };
        crate::Checker::new(&opts).unwrap()
    }

    /// Every bundled sample and every shared vector with students, read with its students as
    /// columns, gives the report its rows give.
    #[test]
    fn students_as_columns_report_as_rows() {
        let checker = checker();
        let mut seen = 0;
        for id in crate::sample::names() {
            let ds = crate::sample::load(id).unwrap();
            let text = ds.to_json_pretty();
            let (cols, held) = read_json_for_check(&text, &crate::Limits::default()).unwrap();
            let (cols2, held2) =
                read_json_reader_for_check(text.as_bytes(), &crate::Limits::default()).unwrap();
            assert_eq!(cols2, cols);
            assert_eq!(
                checker.check_with_columns(&cols2, &held2).to_json_pretty(),
                checker.check(&ds).to_json_pretty(),
                "{id}, from a reader"
            );
            assert!(cols.students.is_empty() && cols.cohorts.is_empty());
            assert!(cols.semester_activities.is_empty());
            for kind in [EntityKind::Cohorts, EntityKind::SemesterActivities] {
                let n = held.get(kind).map_or(0, |r| r.len());
                assert_eq!(n, ds.len_of(kind), "{id} {kind:?}");
            }
            if !ds.students.is_empty() {
                seen += 1;
                assert_eq!(
                    held.get(EntityKind::Students).unwrap().len(),
                    ds.students.len()
                );
            }
            assert_eq!(
                checker.check_with_columns(&cols, &held).to_json_pretty(),
                checker.check(&ds).to_json_pretty(),
                "{id}"
            );
        }
        assert!(seen > 0, "no sample has students");
    }

    /// A text the columns would read otherwise (spaces around it, blank) is not taken: the
    /// caller reads rows.
    #[test]
    fn texts_read_otherwise_are_declined() {
        for student in [
            r#"{"id": " S1", "school": "Z1", "entry_year": 2024}"#,
            r#"{"id": "S1", "school": "", "entry_year": 2024}"#,
            r#"{"id": "S1", "school": "Z1", "name": "  ", "entry_year": 2024}"#,
            r#"{"id": "S1", "school": "Z1", "higher_school": "G1 ", "entry_year": 2024}"#,
            r#"{"id": "S1", "school": "Z1", "entry_year": 2024, "major": {"code": "x\ufffd"}}"#,
        ] {
            let text = format!(r#"{{"students": [{student}]}}"#);
            assert!(crate::Dataset::from_json_str(&text).is_ok(), "{student}");
            assert!(
                read_json_for_check(&text, &crate::Limits::default()).is_none(),
                "{student}"
            );
            assert!(
                read_json_reader_for_check(text.as_bytes(), &crate::Limits::default()).is_none(),
                "{student}"
            );
        }
    }

    /// Certificates give the flags their rows give; a document without students holds none.
    #[test]
    fn certificates_and_no_students() {
        let text = r#"{"reporting_year": 2024, "students": [
            {"id": "S1", "school": "Z1", "entry_year": 2019, "graduated": true,
             "certificates": [{"kind": "x_certificate", "level": "intermediate"}]},
            {"id": "S2", "school": "Z1", "entry_year": 2019, "graduated": true,
             "certificates": [{"kind": "senior_worker", "name": "电工"}]},
            {"id": "S3", "school": "Z1", "entry_year": 2019, "graduated": true,
             "certificates": [{"kind": "x_certificate", "level": "elementary"}]},
            {"id": "S4", "school": "Z1", "entry_year": 2019, "graduated": false,
             "higher_school": "G1", "major": {"code": "700206", "name": "某专业"},
             "term_start": "2019-09-01", "agreement": {"signed_on": "2019-09-30",
             "higher_school": true, "secondary_school": false}},
            {"id": "S5", "name": "张三", "school": "Z2", "entry_year": 2020,
             "agreement": {"student_or_guardian": true}}]}"#;
        let rows = crate::Dataset::from_json_str(text).unwrap();
        let (ds, held) = read_json_for_check(text, &crate::Limits::default()).unwrap();
        let students = held.get(EntityKind::Students).unwrap();
        // Every field of every student, as its row reads it.
        for def in <Student as crate::model::Entity>::fields() {
            let f = students.field(def.name).unwrap();
            for i in 0..rows.students.len() {
                assert_eq!(
                    students.value(i, f.id),
                    rows.students.value(i, f.id),
                    "{}",
                    def.name
                );
            }
        }
        for (name, want) in [
            (
                "certificates.senior_worker",
                [false, true, false, false, false],
            ),
            (
                "certificates.x_intermediate_or_above",
                [true, false, false, false, false],
            ),
        ] {
            let f = students.field(name).unwrap();
            for (i, w) in want.iter().enumerate() {
                assert_eq!(
                    students.value(i, f.id),
                    crate::model::Value::Bool(*w),
                    "{name} {i}"
                );
                assert_eq!(rows.students.value(i, f.id), crate::model::Value::Bool(*w));
            }
        }
        let checker = checker();
        assert_eq!(
            checker.check_with_columns(&ds, &held).to_json_pretty(),
            checker.check(&rows).to_json_pretty()
        );
        let (_, none) =
            read_json_for_check(r#"{"schools": []}"#, &crate::Limits::default()).unwrap();
        assert!(none.is_empty());
    }
}
