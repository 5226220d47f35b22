//! The domain model: typed entities, one dataset document that holds any of them.
//!
//! Every entity round-trips through JSON losslessly. Rule packs reach entity fields by name
//! through the [`FieldDef`] tables, resolved once when a pack is loaded.

mod campus;
mod city_capacity;
mod cohort;
mod common;
mod entity;
mod exact;
mod fields;
mod finance;
mod held;
pub mod label;
mod majors;
mod offsets_income;
mod pilot;
mod project;
mod records;
mod school;
mod status_report;
mod student;
mod submission;
mod teacher;
mod training_plan;

pub use campus::*;
pub use city_capacity::*;
pub use cohort::*;
pub use common::*;
#[cfg(feature = "arrow")]
pub(crate) use entity::{cohort_subject, semester_activity_subject, student_subject};
pub use entity::{Entity, EntityKind, Subject};
pub use fields::{val, FieldDef, Value, ValueKind};
pub use finance::*;
pub use held::Held;
pub use majors::*;
pub use offsets_income::*;
pub use pilot::*;
pub use project::*;
#[cfg(feature = "arrow")]
pub(crate) use records::entity_field;
#[cfg(feature = "bulk")]
pub use records::Reader;
#[cfg(feature = "bulk")]
pub use records::TextCodes;
pub use records::{Field, FieldId, Rec, Records, Visitor};
pub use school::*;
pub use status_report::*;
pub use student::*;
pub use submission::*;
pub use teacher::*;
pub use training_plan::*;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One dataset document: any of the entities, for one reporting year.
///
/// ```
/// let ds = xianjie::Dataset::from_json_str(r#"{"reporting_year": 2024, "schools": []}"#).unwrap();
/// assert_eq!(ds.reporting_year, Some(2024));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// A name for the dataset, shown in reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The reporting year (the year of the filing campaign). Decides which rules are in force.
    // One outside `Dataset::YEARS` is refused when read: year 0 would put every rule out of force
    // and pass the data unchecked. (Said here, not in the doc line, which is the schema's text.)
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sane_year"
    )]
    pub reporting_year: Option<i32>,
    /// Schools.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schools: Vec<School>,
    /// Approved projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub projects: Vec<Project>,
    /// New-project applications.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applications: Vec<Application>,
    /// Cohorts per project and entry year.
    // With `bulk` and `arrow`, a reader may take these, the activities and the students as they come
    // (`input::sink`) rather than keep them here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        all(feature = "bulk", feature = "arrow"),
        serde(deserialize_with = "crate::input::sink::cohorts")
    )]
    pub cohorts: Vec<Cohort>,
    /// Per project and semester activity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        all(feature = "bulk", feature = "arrow"),
        serde(deserialize_with = "crate::input::sink::semester_activities")
    )]
    pub semester_activities: Vec<SemesterActivity>,
    /// Status reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_reports: Vec<StatusReport>,
    /// Quality monitoring per school and year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quality_monitoring: Vec<QualityMonitoring>,
    /// Higher-stage campuses (高职校区) per school and year (Quzhou pilot).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub higher_campuses: Vec<HigherCampus>,
    /// Teachers per school and stage, to see one person in two staffs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teachers: Vec<Teacher>,
    /// Money passed from higher schools to secondary schools, per school year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub finance_settlements: Vec<FinanceSettlement>,
    /// Students of the five-year pilot: agreements and certificates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        all(feature = "bulk", feature = "arrow"),
        serde(deserialize_with = "crate::input::sink::students")
    )]
    pub students: Vec<Student>,
    /// Stage split of each programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programme_plans: Vec<ProgrammePlan>,
    /// Pilot enrolment per school and year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pilot_enrollments: Vec<PilotEnrollment>,
    /// Higher-stage graduate employment per school and year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub graduate_employment: Vec<GraduateEmployment>,
    /// Major offerings per school and year (专业布点与招生).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub major_offerings: Vec<MajorOffering>,
    /// New-major filings (新设专业备案).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_major_filings: Vec<NewMajorFiling>,
    /// Training plans with their hours.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training_plans: Vec<TrainingPlan>,
    /// Enterprise investment and surcharge offsets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enterprise_offsets: Vec<EnterpriseOffset>,
    /// Schools' social-service income and performance pay.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub social_service_income: Vec<SocialServiceIncome>,
    /// City-wide capacity counts per year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub city_capacity: Vec<CityCapacity>,
    /// Yearly documents of schools and districts (汇总表, 专业建设工作总结).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub submissions: Vec<Submission>,
}

impl Dataset {
    /// Reporting years accepted: the articulation policies date from the 2000s; a year outside
    /// is a typing mistake, not a campaign.
    pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
}

/// A reporting year within [`Dataset::YEARS`], or none.
fn sane_year<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    let y = Option::<i64>::deserialize(d)?;
    match y {
        None => Ok(None),
        Some(y) => match i32::try_from(y) {
            Ok(y) if Dataset::YEARS.contains(&y) => Ok(Some(y)),
            _ => Err(serde::de::Error::invalid_value(
                serde::de::Unexpected::Signed(y),
                &YEAR_EXPECTED,
            )),
        },
    }
}

/// What a reporting year should be, for messages ([`crate::input`] gives its Chinese).
pub(crate) const YEAR_EXPECTED: &str = "a reporting year from 2000 to 2100";

/// Lookups by id over a dataset, built once per check run.
pub struct Index<'a> {
    schools: HashMap<&'a str, &'a School>,
    /// Each project with its label, made the first time a finding names the project.
    projects: HashMap<&'a str, (&'a Project, Label)>,
}

/// A project's label (schools and majors, Chinese and English), kept once made: a national run
/// names the same 50,000 projects in 100,000 findings of status reports and cohorts. A bulk
/// shortcut (a form names a few projects): without `bulk` nothing is kept.
#[cfg(feature = "bulk")]
type Label = std::sync::OnceLock<(String, String)>;
#[cfg(not(feature = "bulk"))]
type Label = ();

impl<'a> Index<'a> {
    /// Indexes `ds`. When ids repeat, the first record wins (duplicates are reported separately).
    pub fn new(ds: &'a Dataset) -> Self {
        let mut schools = HashMap::with_capacity(ds.schools.len());
        for s in &ds.schools {
            schools.entry(s.id.as_str()).or_insert(s);
        }
        let mut projects = HashMap::with_capacity(ds.projects.len());
        for p in &ds.projects {
            projects
                .entry(p.id.as_str())
                .or_insert((p, Label::default()));
        }
        Index { schools, projects }
    }
    /// The label of project `id` as `make` writes it, made once per project.
    #[cfg(feature = "bulk")]
    pub(crate) fn project_label(
        &self,
        id: &str,
        make: impl FnOnce(&Self, &Project) -> (String, String),
    ) -> Option<&(String, String)> {
        let (p, label) = self.projects.get(id)?;
        Some(label.get_or_init(|| make(self, p)))
    }
    /// The school with id `id`.
    pub fn school(&self, id: &str) -> Option<&'a School> {
        self.schools.get(id).copied()
    }
    /// The project with id `id`.
    pub fn project(&self, id: &str) -> Option<&'a Project> {
        self.projects.get(id).map(|&(p, _)| p)
    }
}
