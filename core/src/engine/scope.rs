//! Where and when a rule applies, record by record.
//!
//! A pack binds one region ([`Region`]): a record is in it when one of its schools' `district`
//! codes (GB/T 2260) starts with the region's code. A project is placed by its two schools, a
//! cohort, a semester's activity or a status report by its project, a campus, a teacher, a
//! student or a settlement by its school(s), an enterprise by the registration division in its
//! credit code. A record none of whose schools can be placed is of unknown region: a pack named
//! by the user judges it, a pack chosen from the data does not (and the rule's status says how
//! many records that left out).
//!
//! A rule judges a record when the rule is in force on some day of the record's own period (a
//! semester, a year, a school year, an intake day; see [`span`]): a semester under way when a
//! notice comes into force is judged by it, since the notice's duties are per semester and that
//! semester is one of its semesters; a semester over before it is not.
//!
//! Checks see the records in scope through [`Scoped`], a view of the dataset with the same
//! methods the checks use (`records`, `visit`, `reporting_year`): no check kind filters anything
//! itself. Findings come back with places in the view and are moved to the dataset's places by
//! [`Scoped::origin`].

use crate::finding::Period;
use crate::model::{
    Dataset, EntityKind, Field, FieldId, Held, Index, Records, Subject, Value, Visitor,
};
use crate::rules::{Pack, Region, Rule};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The data a check run reads: the dataset's rows, with some collections held as columns
/// instead ([`Held`]). Every read of a collection goes through [`Source::records`], so a held
/// collection is seen by the scopes and the checks exactly as rows would be.
#[derive(Clone, Copy)]
pub(crate) struct Source<'a> {
    /// The dataset (a held collection's rows are empty here).
    pub(crate) rows: &'a Dataset,
    held: Option<&'a Held>,
}

impl<'a> Source<'a> {
    pub(crate) fn new(rows: &'a Dataset, held: Option<&'a Held>) -> Self {
        Source { rows, held }
    }
    /// The collection of `kind`: held columns when there are, else the dataset's rows.
    pub(crate) fn records(&self, kind: EntityKind) -> &'a dyn Records {
        match self.held.and_then(|h| h.get(kind)) {
            Some(r) => r,
            None => self.rows.records(kind),
        }
    }
    /// Number of records of `kind`.
    pub(crate) fn len_of(&self, kind: EntityKind) -> usize {
        self.records(kind).len()
    }
}

/// Whether a record lies in a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// One of its schools lies there.
    In,
    /// Its schools are all placed, elsewhere.
    Out,
    /// It cannot be told: no school, a school without (or with a coarser) division code.
    Unknown,
}

impl Place {
    /// Several links: in if any is in, unknown if none is in and one cannot be told.
    fn any(places: impl IntoIterator<Item = Place>) -> Place {
        let mut seen = false;
        let mut unknown = false;
        for p in places {
            seen = true;
            match p {
                Place::In => return Place::In,
                Place::Unknown => unknown = true,
                Place::Out => {}
            }
        }
        if unknown || !seen {
            Place::Unknown
        } else {
            Place::Out
        }
    }
}

/// A division code without its zero padding (`110000` → `11`, `330800` → `3308`); `None` when it
/// is not 2, 4 or 6 digits.
pub(crate) fn short_code(code: &str) -> Option<&str> {
    let code = code.trim();
    if !matches!(code.len(), 2 | 4 | 6) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut c = code;
    while c.len() > 2 && c.ends_with("00") {
        c = c.get(..c.len() - 2)?;
    }
    Some(c)
}

/// Whether division `code` (a record's) lies in `region` (a short code).
fn code_place(region: &str, code: Option<&str>) -> Place {
    match code.and_then(short_code) {
        Some(c) if c.starts_with(region) => Place::In,
        // Known only to a coarser level (a province, for a city's notice).
        Some(c) if region.starts_with(c) => Place::Unknown,
        Some(_) => Place::Out,
        None => Place::Unknown,
    }
}

/// The division of a unified social credit code (GB 32100: characters 3–8 are the registering
/// authority's division).
fn uscc_division(uscc: &str) -> Option<&str> {
    uscc.get(2..8)
}

/// Places of schools and projects in one region, computed once per region.
struct Atlas<'a> {
    schools: HashMap<&'a str, Place>,
    projects: HashMap<&'a str, Place>,
}

impl<'a> Atlas<'a> {
    fn new(ds: &'a Dataset, region: &str) -> Self {
        let schools: HashMap<&str, Place> = ds
            .schools
            .iter()
            .map(|s| {
                let by_district = code_place(region, s.district.as_deref());
                let p = match (by_district, s.uscc.as_deref().and_then(uscc_division)) {
                    (Place::Unknown, Some(d)) if s.district.is_none() => {
                        code_place(region, Some(d))
                    }
                    (p, _) => p,
                };
                (s.id.as_str(), p)
            })
            .collect();
        let school = |id: &str| schools.get(id).copied().unwrap_or(Place::Unknown);
        let projects = ds
            .projects
            .iter()
            .map(|p| {
                let sec = p.secondary_school.as_deref().map(school);
                (
                    p.id.as_str(),
                    Place::any(sec.into_iter().chain([school(&p.higher_school)])),
                )
            })
            .collect();
        Atlas { schools, projects }
    }
    fn school(&self, id: &str) -> Place {
        self.schools.get(id).copied().unwrap_or(Place::Unknown)
    }
    fn project(&self, id: &str) -> Place {
        self.projects.get(id).copied().unwrap_or(Place::Unknown)
    }
    fn schools(&self, ids: &[Option<&str>]) -> Place {
        Place::any(ids.iter().flatten().map(|id| self.school(id)))
    }

    /// Where every record of `kind` lies, in order.
    fn places(&self, src: Source<'_>, region: &str, kind: EntityKind) -> Vec<Place> {
        #[cfg(feature = "bulk")]
        {
            use EntityKind as K;
            let r = src.records(kind);
            let coded = match kind {
                K::Students => self.coded_places(r, &[Key::School, Key::Higher], Atlas::school),
                K::Cohorts | K::SemesterActivities => {
                    self.coded_places(r, &[Key::Project], Atlas::project)
                }
                _ => None,
            };
            if let Some(places) = coded {
                return places;
            }
            if kind == K::Students {
                return self.student_places(src);
            }
        }
        (0..src.len_of(kind))
            .map(|i| self.place(src, region, kind, i))
            .collect()
    }

    /// Where every record of `r` lies when the fields `keys` (the schools, or the project, it
    /// names) are all held dictionary-encoded: each distinct id is placed once by `place`, and
    /// each record takes the places of its codes, as [`Atlas::place`] combines them (`None`
    /// when a field is not so held).
    #[cfg(feature = "bulk")]
    fn coded_places(
        &self,
        r: &dyn Records,
        keys: &[Key],
        place: fn(&Self, &str) -> Place,
    ) -> Option<Vec<Place>> {
        let coded = keys
            .iter()
            .map(|&k| {
                let codes = r.text_codes(key_field(r.kind(), k)?)?;
                let places: Vec<Option<Place>> = codes
                    .texts
                    .iter()
                    .map(|t| t.map(|id| place(self, id)))
                    .collect();
                Some((codes.codes, places))
            })
            .collect::<Option<Vec<_>>>()?;
        let of = |(codes, places): &(Vec<u32>, Vec<Option<Place>>), i: usize| {
            let code = usize::try_from(*codes.get(i)?).ok()?;
            places.get(code).copied().flatten()
        };
        Some(
            (0..r.len())
                .map(|i| Place::any(coded.iter().filter_map(|c| of(c, i))))
                .collect(),
        )
    }

    /// Where every student lies, as [`Atlas::place`] says. Millions of students, most next to a
    /// classmate of the same two schools: the last pair's place is kept, so a run of one school
    /// costs two text compares, not two lookups.
    #[cfg(feature = "bulk")]
    fn student_places(&self, src: Source<'_>) -> Vec<Place> {
        let r = src.records(EntityKind::Students);
        let mut last: Option<(Option<&str>, Option<&str>, Place)> = None;
        (0..r.len())
            .map(|i| {
                let school = key_value(r, i, Key::School).text();
                let higher = key_value(r, i, Key::Higher).text();
                match last {
                    Some((s, h, p)) if s == school && h == higher => p,
                    _ => {
                        let p = self.schools(&[school, higher]);
                        last = Some((school, higher, p));
                        p
                    }
                }
            })
            .collect()
    }

    /// Where record `i` of `kind` lies.
    fn place(&self, src: Source<'_>, region: &str, kind: EntityKind, i: usize) -> Place {
        use EntityKind as K;
        let ds = src.rows;
        match kind {
            K::Schools => ds.schools.get(i).map(|s| self.school(&s.id)),
            K::Projects => ds.projects.get(i).map(|p| self.project(&p.id)),
            K::Applications => ds
                .applications
                .get(i)
                .map(|a| self.schools(&[Some(&a.secondary_school), Some(&a.higher_school)])),
            // Read through the collections' fields: they may be held as columns.
            K::Cohorts | K::SemesterActivities => {
                let r = src.records(kind);
                (i < r.len()).then(|| match key_value(r, i, Key::Project).text() {
                    Some(p) => self.project(p),
                    None => Place::Unknown,
                })
            }
            K::StatusReports => ds.status_reports.get(i).map(|r| self.project(&r.project)),
            K::QualityMonitoring => ds.quality_monitoring.get(i).map(|q| self.school(&q.school)),
            K::MajorOfferings => ds.major_offerings.get(i).map(|m| self.school(&m.school)),
            K::NewMajorFilings => ds.new_major_filings.get(i).map(|m| self.school(&m.school)),
            K::TrainingPlans => ds
                .training_plans
                .get(i)
                .map(|t| self.schools(&[t.school.as_deref()])),
            K::EnterpriseOffsets => ds
                .enterprise_offsets
                .get(i)
                .map(|e| code_place(region, e.uscc.as_deref().and_then(uscc_division))),
            K::SocialServiceIncome => ds
                .social_service_income
                .get(i)
                .map(|s| self.school(&s.school)),
            K::HigherCampuses => ds
                .higher_campuses
                .get(i)
                .map(|c| self.schools(&[Some(&c.school), c.higher_school.as_deref()])),
            K::Teachers => ds.teachers.get(i).map(|t| self.school(&t.school)),
            K::FinanceSettlements => ds
                .finance_settlements
                .get(i)
                .map(|f| self.schools(&[Some(&f.school), Some(&f.higher_school)])),
            // Read through the collection's fields: students may be held as columns.
            K::Students => {
                let r = src.records(K::Students);
                let text = |k: Key| key_value(r, i, k).text();
                (i < r.len()).then(|| self.schools(&[text(Key::School), text(Key::Higher)]))
            }
            K::ProgrammePlans => ds
                .programme_plans
                .get(i)
                .map(|p| self.schools(&[Some(&p.school), p.higher_school.as_deref()])),
            K::PilotEnrollments => ds.pilot_enrollments.get(i).map(|p| self.school(&p.school)),
            K::GraduateEmployment => ds
                .graduate_employment
                .get(i)
                .map(|g| self.school(&g.school)),
            // A school's document lies where the school does; a district's in the district.
            K::Submissions => ds.submissions.get(i).map(|s| match &s.school {
                Some(school) => self.school(school),
                None => code_place(region, s.district.as_deref()),
            }),
            // City-wide counts name no school: their region cannot be told.
            #[allow(unreachable_patterns)]
            _ => None,
        }
        .unwrap_or(Place::Unknown)
    }
}

/// The fields that place a record in space and time, read by name through the collection's
/// [`Records`] (rows or held columns: both share the entity's field table).
#[derive(Clone, Copy)]
pub(crate) enum Key {
    /// A student's secondary school.
    School,
    /// A student's higher school.
    Higher,
    /// A student's entry year.
    Entry,
    /// A student's first day of term.
    Term,
    /// The project of a cohort or a semester activity.
    Project,
}

impl Key {
    const ALL: [Key; 5] = [
        Key::School,
        Key::Higher,
        Key::Entry,
        Key::Term,
        Key::Project,
    ];
    /// The field's name on collection `kind`, where it has one.
    fn name(self, kind: EntityKind) -> Option<&'static str> {
        use EntityKind as K;
        match (self, kind) {
            (Key::School, K::Students) => Some("school"),
            (Key::Higher, K::Students) => Some("higher_school"),
            (Key::Entry, K::Students) => Some("entry_year"),
            (Key::Term, K::Students) => Some("term_start"),
            (Key::Project, K::Cohorts | K::SemesterActivities) => Some("project"),
            _ => None,
        }
    }
}

/// Field `k` of record `i` of `r` (`Missing` where the collection has no such field), its
/// position resolved once for all records and collections.
pub(crate) fn key_value(r: &dyn Records, i: usize, k: Key) -> Value<'_> {
    match key_field(r.kind(), k) {
        Some(id) => r.value(i, id),
        None => Value::Missing,
    }
}

/// Field `k` of collection `kind`, where it has one.
#[inline(always)]
fn key_field(kind: EntityKind, k: Key) -> Option<FieldId> {
    static IDS: OnceLock<Vec<Option<FieldId>>> = OnceLock::new();
    let n = EntityKind::ALL.len();
    let ids = IDS.get_or_init(|| {
        // An empty dataset's rows give each collection's field table.
        let empty = Dataset::default();
        Key::ALL
            .iter()
            .flat_map(|k| EntityKind::ALL.iter().map(move |kind| (*k, *kind)))
            .map(|(k, kind)| {
                k.name(kind)
                    .and_then(|name| empty.records(kind).field(name))
                    .map(|f| f.id)
            })
            .collect()
    });
    // `kind as usize` is its place in `EntityKind::ALL` (both in declaration order; tested).
    ids.get(k as usize * n + kind as usize).copied().flatten()
}

/// The days a date range covers, both included.
pub(crate) type Span = (NaiveDate, NaiveDate);

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}
fn year_span(y: i32) -> Option<Span> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}
/// A school year `y`–`y+1`: 1 September to 31 August.
fn school_year_span(y: i32) -> Option<Span> {
    Some((ymd(y, 9, 1)?, ymd(y.checked_add(1)?, 8, 31)?))
}
/// A semester of school year `y`–`y+1`: the first from 1 September to 31 January, the second
/// from 1 February to 31 August.
fn semester_span(y: i32, term: u8) -> Option<Span> {
    let y1 = y.checked_add(1)?;
    if term == 1 {
        Some((ymd(y, 9, 1)?, ymd(y1, 1, 31)?))
    } else {
        Some((ymd(y1, 2, 1)?, ymd(y1, 8, 31)?))
    }
}
fn day(d: NaiveDate) -> Span {
    (d, d)
}

/// The period record `i` of `kind` belongs to, which a rule must be in force on some day of to
/// judge it; `None` for records that belong to no period (a school, a project, a plan).
///
/// A semester and a school year as written; a year (of an offering, an income, a campus, a
/// status report's reporting year) from 1 January to 31 December; a settlement year `y` is the
/// school year `y`–`y+1`; a cohort or a student from the intake (the term start, else 1
/// September of the entry year) to the end of five years of study (3+2, the pilot's 3+2 too),
/// since their figures are reported all along. A rule on what happens at intake says so with
/// `period_field = "term_start"` ([`Window::span`]).
pub(crate) fn span(src: Source<'_>, kind: EntityKind, i: usize) -> Option<Span> {
    use EntityKind as K;
    let ds = src.rows;
    match kind {
        // Read through the collections' periods: they may be held as columns.
        K::SemesterActivities | K::Cohorts => match src.records(kind).period(i)? {
            Period::Semester { semester } => semester_span(semester.start_year, semester.term),
            Period::Cohort { year } => Some((ymd(year, 9, 1)?, ymd(year.checked_add(5)?, 8, 31)?)),
            _ => None,
        },
        K::StatusReports => ds
            .status_reports
            .get(i)
            .and_then(|r| year_span(r.reporting_year)),
        K::QualityMonitoring => ds.quality_monitoring.get(i).and_then(|q| year_span(q.year)),
        K::MajorOfferings => ds.major_offerings.get(i).and_then(|m| year_span(m.year)),
        K::NewMajorFilings => ds.new_major_filings.get(i).and_then(|m| {
            let y: i32 = m.school_year.get(..4)?.parse().ok()?;
            school_year_span(y)
        }),
        K::TrainingPlans => ds.training_plans.get(i).and_then(|t| year_span(t.year)),
        K::EnterpriseOffsets => ds.enterprise_offsets.get(i).and_then(|e| year_span(e.year)),
        K::SocialServiceIncome => ds
            .social_service_income
            .get(i)
            .and_then(|s| year_span(s.year)),
        K::CityCapacity => ds.city_capacity.get(i).and_then(|c| year_span(c.year)),
        K::HigherCampuses => ds.higher_campuses.get(i).and_then(|c| year_span(c.year)),
        K::Teachers => ds.teachers.get(i).and_then(|t| t.year).and_then(year_span),
        K::FinanceSettlements => ds
            .finance_settlements
            .get(i)
            .and_then(|f| school_year_span(f.year)),
        // Read through the collection's fields: students may be held as columns.
        K::Students => {
            let r = src.records(K::Students);
            student_span(key_value(r, i, Key::Entry), key_value(r, i, Key::Term))
        }
        K::PilotEnrollments => ds.pilot_enrollments.get(i).and_then(|p| year_span(p.year)),
        K::GraduateEmployment => ds
            .graduate_employment
            .get(i)
            .and_then(|g| year_span(g.year)),
        K::Submissions => ds.submissions.get(i).and_then(|s| year_span(s.year)),
        _ => None,
    }
}

/// A student's period ([`span`]) from the entry year and the term start.
fn student_span(entry: Value<'_>, term: Value<'_>) -> Option<Span> {
    let entry = match entry {
        Value::Int(y) => i32::try_from(y).ok()?,
        _ => return None,
    };
    let intake = match term {
        Value::Date(d) => d,
        _ => ymd(entry, 9, 1)?,
    };
    Some((intake, ymd(entry.checked_add(5)?, 8, 31)?.max(intake)))
}

/// Record `i`'s value by `reader`, if the field exists.
#[cfg(feature = "bulk")]
fn read<'a>(reader: &Option<crate::model::Reader<'a>>, i: usize) -> Value<'a> {
    reader.as_ref().map_or(Value::Missing, |r| r(i))
}

/// How a pack came to be used: named by the user, or chosen from the data's regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Choice {
    /// Named: records of unknown region are judged too.
    Named,
    /// Chosen from the data: records of unknown region are not.
    Chosen,
}

/// The regions present in the data: a pack is chosen by default when one of the data's schools
/// (or enterprises) lies in its region, or when it binds the whole country or declares no region.
pub(crate) fn present(ds: &Dataset, pack: &Pack) -> bool {
    let Some(region) = pack.region.as_ref().filter(|r| !r.is_national()) else {
        return true;
    };
    let r = region.code.as_str();
    let school = |s: &crate::model::School| {
        code_place(r, s.district.as_deref()) == Place::In
            || (s.district.is_none()
                && code_place(r, s.uscc.as_deref().and_then(uscc_division)) == Place::In)
    };
    ds.schools.iter().any(school)
        || ds
            .enterprise_offsets
            .iter()
            .any(|e| code_place(r, e.uscc.as_deref().and_then(uscc_division)) == Place::In)
}

/// Whether some record's region cannot be told (it names no school, or its schools give no
/// division code): a pack chosen from the data then runs even where the data has no record in
/// its region, to say in its rules' reasons what it left out.
pub(crate) fn unplaced(src: Source<'_>) -> bool {
    // A region no code starts with: every placed record is out, every other unknown.
    const NOWHERE: &str = "99";
    let atlas = Atlas::new(src.rows, NOWHERE);
    EntityKind::ALL
        .iter()
        .any(|&k| (0..src.len_of(k)).any(|i| atlas.place(src, NOWHERE, k, i) == Place::Unknown))
}

/// The window a rule judges records in: its first and (if any) last day in force, and the
/// field that places a record in time for it, if not the record's own period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window<'a> {
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
    pub field: Option<&'a str>,
}

impl<'a> Window<'a> {
    pub(crate) fn of(rule: &'a Rule, pack: &Pack) -> Window<'a> {
        let starts = rule.starts(pack);
        Window {
            from: rule.judges_from.map_or(starts, |j| j.min(starts)),
            until: rule.ends(pack),
            field: rule.period_field.as_deref(),
        }
    }
    /// The period of record `i` of `kind` for this window's rule.
    pub(crate) fn span(&self, src: Source<'_>, kind: EntityKind, i: usize) -> Option<Span> {
        let items = src.records(kind);
        let given = self.field_in(items).map(|f| items.value(i, f.id));
        self.span_by(src, kind, given, i)
    }
    /// The field that places a record of `items` in time for this window's rule, if not its
    /// own period: looked up once per collection, not once per record.
    fn field_in(&self, items: &dyn Records) -> Option<Field> {
        self.field.and_then(|n| items.field(n))
    }
    /// [`Window::span`], with the value of the window's field in record `i` given, where the
    /// collection has that field. (Inlined: the WebAssembly module, without `bulk`, calls it
    /// from `span` alone and stays as it was.)
    #[inline(always)]
    fn span_by(
        &self,
        src: Source<'_>,
        kind: EntityKind,
        given: Option<Value<'_>>,
        i: usize,
    ) -> Option<Span> {
        match given {
            Some(Value::Date(d)) => Some(day(d)),
            Some(Value::Int(y)) => i32::try_from(y).ok().and_then(year_span),
            // Not given: the record's own period decides.
            _ => span(src, kind, i),
        }
    }
    /// Whether a record of period `span` is judged (no period: always).
    pub(crate) fn admits(&self, span: Option<Span>) -> bool {
        span.is_none_or(|(first, last)| self.from <= last && self.until.is_none_or(|u| u >= first))
    }
}

/// One collection seen through a scope: the records kept, by their places in the dataset.
struct Masked<'a> {
    src: Source<'a>,
    kind: EntityKind,
    keep: Vec<usize>,
}

impl Masked<'_> {
    fn inner(&self) -> &dyn Records {
        self.src.records(self.kind)
    }
    fn at(&self, i: usize) -> usize {
        self.keep.get(i).copied().unwrap_or(usize::MAX)
    }
}

impl Records for Masked<'_> {
    fn kind(&self) -> EntityKind {
        self.kind
    }
    fn len(&self) -> usize {
        self.keep.len()
    }
    fn field(&self, name: &str) -> Option<Field> {
        self.inner().field(name)
    }
    fn value(&self, i: usize, f: FieldId) -> Value<'_> {
        self.inner().value(self.at(i), f)
    }
    fn subject(&self, i: usize, ix: &Index<'_>) -> Subject {
        self.inner().subject(self.at(i), ix)
    }
    fn period(&self, i: usize) -> Option<crate::finding::Period> {
        self.inner().period(self.at(i))
    }
    // The collection's own reader through the kept places, so that a pass over a scope reads
    // held columns as directly as a pass over the whole collection.
    #[cfg(feature = "bulk")]
    fn reader(&self, f: FieldId) -> crate::model::Reader<'_> {
        let read = self.inner().reader(f);
        Box::new(move |i| read(self.at(i)))
    }
}

/// What a scope keeps of one collection.
struct View<'a> {
    /// `None`: every record (no copy of the indices).
    masked: Option<Masked<'a>>,
    /// Records of unknown region left out (a chosen pack) or judged (a named one).
    unknown: usize,
}

/// The records in one pack's region and (when it has one) one window: built lazily per
/// collection, shared by the rules with the same pack and window, across threads.
pub(crate) struct Scope<'a> {
    src: Source<'a>,
    region: Option<&'a Region>,
    choice: Choice,
    window: Option<Window<'a>>,
    atlas: &'a PackAtlas<'a>,
    views: Vec<OnceLock<View<'a>>>,
}

/// The per-pack places of schools and projects, and of every record of each collection, shared
/// by the scopes of one pack (one per window): a record is placed once per pack, not once per
/// rule window (five million students, several windows).
pub(crate) struct PackAtlas<'a> {
    atlas: OnceLock<Option<Atlas<'a>>>,
    places: Vec<OnceLock<Vec<Place>>>,
}

impl PackAtlas<'_> {
    pub(crate) fn new() -> Self {
        PackAtlas {
            atlas: OnceLock::new(),
            places: EntityKind::ALL.iter().map(|_| OnceLock::new()).collect(),
        }
    }
}

impl<'a> Scope<'a> {
    /// The scope of `pack` (used as `choice`) over `ds`, keeping records in `window` when given.
    pub(crate) fn new(
        src: Source<'a>,
        pack: &'a Pack,
        choice: Choice,
        window: Option<Window<'a>>,
        atlas: &'a PackAtlas<'a>,
    ) -> Self {
        Scope {
            src,
            region: pack.region.as_ref().filter(|r| !r.is_national()),
            choice,
            window,
            atlas,
            views: EntityKind::ALL.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    fn view(&self, kind: EntityKind) -> Option<&View<'a>> {
        let cell = self.views.get(slot(kind))?;
        Some(cell.get_or_init(|| self.build(kind)))
    }

    fn build(&self, kind: EntityKind) -> View<'a> {
        let n = self.src.len_of(kind);
        let atlas = self.region.and_then(|r| {
            self.atlas
                .atlas
                .get_or_init(|| Some(Atlas::new(self.src.rows, &r.code)))
                .as_ref()
                .map(|a| (a, r.code.as_str()))
        });
        let places = atlas.and_then(|(a, r)| {
            let cell = self.atlas.places.get(slot(kind))?;
            Some(cell.get_or_init(|| a.places(self.src, r, kind)))
        });
        // The window's field, and a student's entry year and term start (five million students
        // nationally), read by their readers (`Records::reader`), not looked up record by
        // record: the same periods in a fraction of the time (a bulk shortcut: the WebAssembly
        // module checks one form and is size-bound).
        #[cfg(feature = "bulk")]
        let (by_field, student) = {
            let items = self.src.records(kind);
            let by_field = self
                .window
                .and_then(|w| w.field_in(items))
                .map(|f| items.reader(f.id));
            let student = (kind == EntityKind::Students).then(|| {
                let reader = |k| key_field(kind, k).map(|f| items.reader(f));
                (reader(Key::Entry), reader(Key::Term))
            });
            (by_field, student)
        };
        let mut keep = Vec::new();
        let mut unknown = 0;
        for i in 0..n {
            let placed = match places {
                None => true,
                Some(p) => match p.get(i).copied().unwrap_or(Place::Unknown) {
                    Place::In => true,
                    Place::Out => false,
                    Place::Unknown => {
                        unknown += 1;
                        self.choice == Choice::Named
                    }
                },
            };
            #[cfg(feature = "bulk")]
            let timely = self.window.is_none_or(|w| {
                w.admits(match (&by_field, &student) {
                    // The field's value, or (not given) the record's own period.
                    (Some(r), _) => w.span_by(self.src, kind, Some(r(i)), i),
                    (None, Some((entry, term))) => student_span(read(entry, i), read(term, i)),
                    (None, None) => span(self.src, kind, i),
                })
            });
            #[cfg(not(feature = "bulk"))]
            let timely = self
                .window
                .is_none_or(|w| w.admits(w.span(self.src, kind, i)));
            if placed && timely {
                keep.push(i);
            }
        }
        let masked = (keep.len() != n).then_some(Masked {
            src: self.src,
            kind,
            keep,
        });
        View { masked, unknown }
    }

    /// Builds the view of `kind` now (places and periods of its records), if not yet built.
    #[cfg(feature = "threads")]
    pub(crate) fn prepare(&self, kind: EntityKind) {
        let _ = self.view(kind);
    }

    /// The records of `kind` in scope.
    fn records(&self, kind: EntityKind) -> &dyn Records {
        match self.view(kind).and_then(|v| v.masked.as_ref()) {
            Some(m) => m,
            None => self.src.records(kind),
        }
    }

    /// The place in the dataset of record `i` of the view of `kind`.
    fn origin(&self, kind: EntityKind, i: usize) -> usize {
        match self
            .views
            .get(slot(kind))
            .and_then(OnceLock::get)
            .and_then(|v| v.masked.as_ref())
        {
            Some(m) => m.at(i),
            None => i,
        }
    }

    /// Records of `kind` whose region cannot be told.
    fn unknown(&self, kind: EntityKind) -> usize {
        self.view(kind).map_or(0, |v| v.unknown)
    }
}

/// Position of `kind` in [`EntityKind::ALL`].
fn slot(kind: EntityKind) -> usize {
    EntityKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or_default()
}

/// What a rule's checks see of a shared [`Scope`]; behind a trait object so that a rule's own
/// [`Scoped`] can borrow it for less long than the scope lives.
pub(crate) trait Shared: Sync {
    fn dataset(&self) -> &Dataset;
    fn source(&self) -> Source<'_>;
    fn records(&self, kind: EntityKind) -> &dyn Records;
    fn origin(&self, kind: EntityKind, i: usize) -> usize;
    fn unknown(&self, kind: EntityKind) -> usize;
    fn choice(&self) -> Choice;
}

impl Shared for Scope<'_> {
    fn dataset(&self) -> &Dataset {
        self.src.rows
    }
    fn source(&self) -> Source<'_> {
        self.src
    }
    fn records(&self, kind: EntityKind) -> &dyn Records {
        Scope::records(self, kind)
    }
    fn origin(&self, kind: EntityKind, i: usize) -> usize {
        Scope::origin(self, kind, i)
    }
    fn unknown(&self, kind: EntityKind) -> usize {
        Scope::unknown(self, kind)
    }
    fn choice(&self) -> Choice {
        self.choice
    }
}

/// The dataset as one rule's checks see it: only the records in the pack's region and (unless
/// the check reads a series) in the rule's period. It remembers which collections the rule
/// read, to say how many records of those it left out.
pub struct Scoped<'a> {
    scope: &'a (dyn Shared + 'a),
    /// The dataset's reporting year (read by the checks as on a dataset).
    pub reporting_year: Option<i32>,
    read: std::cell::Cell<u64>,
}

impl<'a> Scoped<'a> {
    pub(crate) fn new(scope: &'a (dyn Shared + 'a)) -> Self {
        Scoped {
            reporting_year: scope.dataset().reporting_year,
            scope,
            read: std::cell::Cell::new(0),
        }
    }

    /// The whole dataset, out of scope included: only for what a rule reads as context (never
    /// for the records it judges).
    pub fn all(&self) -> &'a Dataset {
        self.scope.dataset()
    }

    /// The records of `kind` in scope.
    pub fn records(&self, kind: EntityKind) -> &'a dyn Records {
        self.read.set(self.read.get() | 1 << (slot(kind) % 64));
        self.scope.records(kind)
    }

    /// Runs `v` on the records of `kind` in scope.
    pub fn visit<V: Visitor>(&self, kind: EntityKind, v: V) -> V::Out {
        v.visit(self.records(kind))
    }

    /// The place in the dataset of record `i` of the view of `kind`.
    pub(crate) fn origin(&self, kind: EntityKind, i: usize) -> usize {
        self.scope.origin(kind, i)
    }

    /// Records of unknown region among the collections the rule read, per collection.
    pub(crate) fn unknown(&self) -> Vec<(EntityKind, usize)> {
        let read = self.read.get();
        EntityKind::ALL
            .iter()
            .filter(|k| read & (1 << (slot(**k) % 64)) != 0)
            .map(|k| (*k, self.scope.unknown(*k)))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Whether the view of `kind` left out every record of a non-empty collection.
    pub(crate) fn emptied(&self, kind: EntityKind) -> bool {
        self.scope.source().len_of(kind) > 0 && self.scope.records(kind).is_empty()
    }

    /// How this scope was chosen.
    pub(crate) fn choice(&self) -> Choice {
        self.scope.choice()
    }

    /// Whether a record of `kind` at dataset place `i` is in the window (for findings of checks
    /// that read a series and see the records before it).
    pub(crate) fn timely(&self, window: Window<'_>, kind: EntityKind, i: usize) -> bool {
        window.admits(window.span(self.scope.source(), kind, i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_numbered_in_order() {
        for (i, k) in EntityKind::ALL.iter().enumerate() {
            assert_eq!((*k as usize, slot(*k)), (i, i));
        }
        let ds = Dataset::from_json_str(
            r#"{"cohorts": [{"project": "P1", "entry_year": 2021, "enrolled": 3}],
                "students": [{"id": "S1", "school": "Z1", "entry_year": 2021}]}"#,
        )
        .unwrap();
        let (c, st) = (
            ds.records(EntityKind::Cohorts),
            ds.records(EntityKind::Students),
        );
        assert_eq!(key_value(c, 0, Key::Project), Value::Text("P1"));
        assert_eq!(key_value(c, 0, Key::School), Value::Missing);
        assert_eq!(key_value(st, 0, Key::School), Value::Text("Z1"));
        assert_eq!(key_value(st, 0, Key::Project), Value::Missing);
        assert_eq!(key_value(st, 0, Key::Entry), Value::Int(2021));
    }

    #[test]
    fn short_codes() {
        assert_eq!(short_code("110000"), Some("11"));
        assert_eq!(short_code("330800"), Some("3308"));
        assert_eq!(short_code("110108"), Some("110108"));
        assert_eq!(short_code("1101x8"), None);
        assert_eq!(short_code("1101089"), None);
    }

    #[test]
    fn places() {
        assert_eq!(code_place("11", Some("110108")), Place::In);
        assert_eq!(code_place("3308", Some("330802")), Place::In);
        assert_eq!(code_place("3308", Some("330100")), Place::Out);
        // Known only to the province: a city's notice cannot tell.
        assert_eq!(code_place("3308", Some("330000")), Place::Unknown);
        assert_eq!(code_place("11", None), Place::Unknown);
        assert_eq!(Place::any([Place::Out, Place::In]), Place::In);
        assert_eq!(Place::any([Place::Out, Place::Unknown]), Place::Unknown);
        assert_eq!(Place::any([Place::Out, Place::Out]), Place::Out);
        assert_eq!(Place::any([]), Place::Unknown);
    }

    #[test]
    fn semester_straddling_the_start_is_judged() {
        let from = ymd(2024, 1, 24).unwrap();
        let w = Window {
            from,
            until: None,
            field: None,
        };
        assert!(w.admits(semester_span(2023, 1)));
        assert!(!w.admits(semester_span(2022, 2)));
        assert!(w.admits(semester_span(2023, 2)));
        let end = Window {
            from: ymd(2022, 9, 26).unwrap(),
            until: ymd(2025, 12, 31),
            field: None,
        };
        assert!(end.admits(year_span(2025)) && !end.admits(year_span(2026)));
        assert!(end.admits(year_span(2022)) && !end.admits(year_span(2021)));
    }
}
