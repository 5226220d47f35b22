//! The [`Entity`] trait, the closed list of entity kinds, and dispatch over a dataset's collections.

use super::fields::FieldDef;
use super::{Dataset, Index};
use crate::finding::sized;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Who a finding is about: a school, a project, a project in a semester, an application.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// The collection it comes from.
    pub entity: EntityKind,
    /// Its identifier (or a composite such as `P0007 2023-2024-1`).
    pub id: String,
    /// Chinese description.
    pub zh: String,
    /// English description.
    pub en: String,
}

/// One kind of record in a dataset, with the fields rule packs may name.
pub trait Entity: Sized + 'static {
    /// Its collection.
    const KIND: EntityKind;
    /// Its named fields.
    fn fields() -> &'static [FieldDef<Self>];
    /// Who it is, for findings.
    fn subject(&self, ix: &Index<'_>) -> Subject;
    /// The period the record belongs to (a semester, a year), shown before its messages.
    fn period(&self) -> Option<crate::finding::Period> {
        None
    }
    /// The field named `name`, if any.
    fn field(name: &str) -> Option<&'static FieldDef<Self>> {
        Self::fields().iter().find(|f| f.name == name)
    }
}

/// A field of a kind's table, without its reader.
#[derive(Clone, Copy)]
struct FieldParts {
    name: &'static str,
    kind: super::ValueKind,
    zh: &'static str,
    en: &'static str,
    labels: Option<&'static super::label::EnumLabels>,
}

macro_rules! entity_kinds {
    ($( $variant:ident => $field:ident : $ty:ty, $zh:literal, $en:literal; )*) => {
        /// The collections of a dataset (a closed list: packs name them, code implements them).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum EntityKind { $( #[doc = $en] $variant, )* }

        impl EntityKind {
            /// Every kind, in document order.
            pub const ALL: &'static [EntityKind] = &[$(EntityKind::$variant),*];
            /// The collection's name in the JSON document.
            pub fn as_str(self) -> &'static str {
                match self { $(EntityKind::$variant => stringify!($field),)* }
            }
            /// Chinese name.
            pub fn zh(self) -> &'static str {
                match self { $(EntityKind::$variant => $zh,)* }
            }
            /// English name.
            pub fn en(self) -> &'static str {
                match self { $(EntityKind::$variant => $en,)* }
            }
            /// Parses a collection name.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $(stringify!($field) => Some(EntityKind::$variant),)* _ => None }
            }
            /// Names of the fields packs may use on this kind.
            pub fn field_names(self) -> Vec<&'static str> {
                self.fields().map(|f| f.name).collect()
            }
            /// The type of field `name`, if it exists.
            pub fn field_kind(self, name: &str) -> Option<super::ValueKind> {
                self.named(name).map(|f| f.kind)
            }
            /// The place of field `name` in this kind's field table, if it has one.
            pub fn field_position(self, name: &str) -> Option<usize> {
                self.fields().position(|f| f.name == name)
            }
            /// Name, Chinese and English label of the field at place `i` of this kind's table.
            pub fn field_at(self, i: usize) -> Option<(&'static str, &'static str, &'static str)> {
                self.field_parts(i).map(|f| (f.name, f.zh, f.en))
            }
            /// The labels of field `name`'s values, if it is a closed set (e.g. `level`).
            pub fn field_values(self, name: &str) -> Option<&'static super::label::EnumLabels> {
                self.named(name).and_then(|f| f.labels)
            }
            /// Bilingual label of field `name`, if it exists.
            pub fn field_label(self, name: &str) -> Option<(&'static str, &'static str)> {
                self.named(name).map(|f| (f.zh, f.en))
            }
            /// The field at place `i` of this kind's table, without its reader: the one place
            /// that looks into each kind's table, so the lookups above are compiled once, not
            /// once per kind (the browser module's size).
            fn field_parts(self, i: usize) -> Option<FieldParts> {
                match self { $(EntityKind::$variant => <$ty as Entity>::fields().get(i).map(|f| FieldParts {
                    name: f.name, kind: f.kind, zh: f.zh, en: f.en, labels: f.labels,
                }),)* }
            }
            fn fields(self) -> impl Iterator<Item = FieldParts> {
                (0..).map_while(move |i| self.field_parts(i))
            }
            fn named(self, name: &str) -> Option<FieldParts> {
                self.fields().find(|f| f.name == name)
            }
        }

        impl Dataset {
            /// Runs `v` on the collection of kind `kind`.
            pub fn visit<V: super::Visitor>(&self, kind: EntityKind, v: V) -> V::Out {
                v.visit(self.records(kind))
            }
            /// The collection of kind `kind`, type-erased.
            pub fn records(&self, kind: EntityKind) -> &dyn super::Records {
                match kind { $(EntityKind::$variant => &self.$field,)* }
            }
            /// Number of records of kind `kind`.
            pub fn len_of(&self, kind: EntityKind) -> usize {
                match kind { $(EntityKind::$variant => self.$field.len(),)* }
            }
        }
    };
}

use super::*;

entity_kinds! {
    Schools => schools: School, "学校", "schools";
    Projects => projects: Project, "衔接项目", "projects";
    Applications => applications: Application, "新增项目申报", "applications";
    Cohorts => cohorts: Cohort, "招生批次", "cohorts";
    SemesterActivities => semester_activities: SemesterActivity, "学期衔接活动", "semester activities";
    StatusReports => status_reports: StatusReport, "人才培养状态数据", "status reports";
    QualityMonitoring => quality_monitoring: QualityMonitoring, "质量监测", "quality monitoring";
    MajorOfferings => major_offerings: MajorOffering, "专业布点", "major offerings";
    NewMajorFilings => new_major_filings: NewMajorFiling, "新设专业备案", "new-major filings";
    TrainingPlans => training_plans: TrainingPlan, "人才培养方案", "training plans";
    EnterpriseOffsets => enterprise_offsets: EnterpriseOffset, "企业投资与附加抵免", "enterprise offsets";
    SocialServiceIncome => social_service_income: SocialServiceIncome, "社会服务收入", "social-service income";
    CityCapacity => city_capacity: CityCapacity, "全市能力建设", "city capacity";
    HigherCampuses => higher_campuses: HigherCampus, "高职校区", "higher-stage campuses";
    Teachers => teachers: Teacher, "教师", "teachers";
    FinanceSettlements => finance_settlements: FinanceSettlement, "经费结算", "finance settlements";
    Students => students: Student, "学生", "students";
    ProgrammePlans => programme_plans: ProgrammePlan, "学段安排", "programme plans";
    PilotEnrollments => pilot_enrollments: PilotEnrollment, "试点招生", "pilot enrolment";
    GraduateEmployment => graduate_employment: GraduateEmployment, "毕业生就业", "graduate employment";
    Submissions => submissions: Submission, "报送材料", "submissions";
}

impl EntityKind {
    /// The Chinese and English labels of value `wire` of closed-set field `field`, for messages:
    /// `(schools, governance.leading_group.head_role, vice_principal)` → `(副校长, vice principal)`.
    /// `None` when the field is not a closed set or `wire` is not one of its values.
    pub fn value_label(self, field: &str, wire: &str) -> Option<(&'static str, &'static str)> {
        let v = self.field_values(field)?.by_wire(wire)?;
        Some((v.zh, v.en))
    }
}

impl Entity for School {
    const KIND: EntityKind = EntityKind::Schools;
    fn fields() -> &'static [FieldDef<Self>] {
        SCHOOL_FIELDS
    }
    fn subject(&self, _: &Index<'_>) -> Subject {
        Subject {
            entity: Self::KIND,
            id: self.id.clone(),
            zh: self.name.clone(),
            en: self.name.clone(),
        }
    }
}

/// Who a student is, for findings: from a row or from columns.
pub(crate) fn student_subject(
    id: &str,
    name: Option<&str>,
    school: &str,
    entry_year: i64,
    ix: &Index<'_>,
) -> Subject {
    let school = ix.school(school).map_or(school, |s| s.name.as_str());
    let who = match name {
        Some(n) => sized(n.len() + id.len() + 8, format_args!("{n}({id})")),
        None => id.to_string(),
    };
    let size = school.len() + who.len() + 40;
    Subject {
        entity: EntityKind::Students,
        id: id.to_string(),
        zh: sized(size, format_args!("{school} {entry_year}级学生{who}")),
        en: sized(
            size,
            format_args!("student {who} of {school}, entry year {entry_year}"),
        ),
    }
}

fn school_name<'a>(ix: &Index<'a>, id: &'a str) -> &'a str {
    ix.school(id).map_or(id, |s| s.name.as_str())
}

fn project_label(ix: &Index<'_>, p: &Project) -> (String, String) {
    let sec = p.secondary_school.as_deref().map(|s| school_name(ix, s));
    let hi = school_name(ix, &p.higher_school);
    let schools = match sec {
        Some(s) => format!("{s} — {hi}"),
        None => hi.to_string(),
    };
    let majors = match &p.secondary_major {
        Some(m) => format!("{} → {}", m.label(), p.higher_major.label()),
        None => p.higher_major.label(),
    };
    (
        format!("项目{}({},{})", p.id, schools, majors),
        format!("project {} ({}, {})", p.id, schools, majors),
    )
}

/// The project's label in both languages: in bulk, the index's kept label, borrowed.
fn project_subject<'i>(ix: &'i Index<'_>, id: &str) -> Cow<'i, (String, String)> {
    #[cfg(feature = "bulk")]
    if let Some(label) = ix.project_label(id, project_label) {
        return Cow::Borrowed(label);
    }
    Cow::Owned(match ix.project(id) {
        Some(p) => project_label(ix, p),
        None => (format!("项目{id}"), format!("project {id}")),
    })
}

/// Who a cohort is, for findings: from a row or from columns.
pub(crate) fn cohort_subject(project: &str, entry_year: i32, ix: &Index<'_>) -> Subject {
    let label = project_subject(ix, project);
    let (zh, en) = &*label;
    Subject {
        entity: EntityKind::Cohorts,
        id: format!("{project} {entry_year}"),
        zh: sized(zh.len() + 16, format_args!("{zh} {entry_year}级")),
        en: sized(en.len() + 24, format_args!("{en}, entry year {entry_year}")),
    }
}

/// Who a project's semester activity is, for findings: from a row or from columns.
pub(crate) fn semester_activity_subject(
    project: &str,
    semester: Semester,
    ix: &Index<'_>,
) -> Subject {
    let label = project_subject(ix, project);
    let (zh, en) = &*label;
    Subject {
        entity: EntityKind::SemesterActivities,
        id: format!("{project} {semester}"),
        zh: sized(zh.len() + 48, format_args!("{zh} {}", semester.zh())),
        en: sized(en.len() + 48, format_args!("{en}, {}", semester.en())),
    }
}

impl Entity for Project {
    const KIND: EntityKind = EntityKind::Projects;
    fn fields() -> &'static [FieldDef<Self>] {
        PROJECT_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let (zh, en) = project_label(ix, self);
        Subject {
            entity: Self::KIND,
            id: self.id.clone(),
            zh,
            en,
        }
    }
}

impl Entity for Application {
    const KIND: EntityKind = EntityKind::Applications;
    fn fields() -> &'static [FieldDef<Self>] {
        APPLICATION_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let schools = format!(
            "{} — {}",
            school_name(ix, &self.secondary_school),
            school_name(ix, &self.higher_school)
        );
        let majors = format!(
            "{} → {}",
            self.secondary_major.label(),
            self.higher_major.label()
        );
        Subject {
            entity: Self::KIND,
            id: self.id.clone(),
            zh: format!("申报{}({},{})", self.id, schools, majors),
            en: format!("application {} ({}, {})", self.id, schools, majors),
        }
    }
}

impl Entity for Cohort {
    const KIND: EntityKind = EntityKind::Cohorts;
    fn fields() -> &'static [FieldDef<Self>] {
        COHORT_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        cohort_subject(&self.project, self.entry_year, ix)
    }
    fn period(&self) -> Option<crate::finding::Period> {
        Some(crate::finding::Period::Cohort {
            year: self.entry_year,
        })
    }
}

impl Entity for SemesterActivity {
    const KIND: EntityKind = EntityKind::SemesterActivities;
    fn fields() -> &'static [FieldDef<Self>] {
        SEMESTER_ACTIVITY_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        semester_activity_subject(&self.project, self.semester, ix)
    }
    fn period(&self) -> Option<crate::finding::Period> {
        Some(crate::finding::Period::Semester {
            semester: self.semester,
        })
    }
}

impl Entity for StatusReport {
    const KIND: EntityKind = EntityKind::StatusReports;
    fn fields() -> &'static [FieldDef<Self>] {
        STATUS_REPORT_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let label = project_subject(ix, &self.project);
        let (zh, en) = &*label;
        let year = self.reporting_year;
        Subject {
            entity: Self::KIND,
            id: format!("{} {year}", self.project),
            zh: sized(zh.len() + 32, format_args!("{zh} {year}年度状态数据")),
            en: sized(en.len() + 32, format_args!("{en}, status report {year}")),
        }
    }
}

impl Entity for QualityMonitoring {
    const KIND: EntityKind = EntityKind::QualityMonitoring;
    fn fields() -> &'static [FieldDef<Self>] {
        QUALITY_MONITORING_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let name = school_name(ix, &self.school);
        Subject {
            entity: Self::KIND,
            id: format!("{} {}", self.school, self.year),
            zh: format!("{name} {}年质量监测", self.year),
            en: format!("{name}, quality monitoring {}", self.year),
        }
    }
}

impl Entity for MajorOffering {
    const KIND: EntityKind = EntityKind::MajorOfferings;
    fn fields() -> &'static [FieldDef<Self>] {
        MAJOR_OFFERING_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let name = school_name(ix, &self.school);
        let major = self.major.label();
        Subject {
            entity: Self::KIND,
            id: format!("{} {} {}", self.school, self.major.code, self.year),
            zh: format!("{name} {major} {}年", self.year),
            en: format!("{name}, major {major}, {}", self.year),
        }
    }
    fn period(&self) -> Option<crate::finding::Period> {
        Some(crate::finding::Period::Year { year: self.year })
    }
}

impl Entity for NewMajorFiling {
    const KIND: EntityKind = EntityKind::NewMajorFilings;
    fn fields() -> &'static [FieldDef<Self>] {
        NEW_MAJOR_FILING_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let name = school_name(ix, &self.school);
        let major = self.major.label();
        Subject {
            entity: Self::KIND,
            id: format!("{} {} {}", self.school, self.school_year, self.major.code),
            zh: format!("{name} {}学年新设专业{major}", self.school_year),
            en: format!(
                "{name}, new major {major}, school year {}",
                self.school_year
            ),
        }
    }
    fn period(&self) -> Option<crate::finding::Period> {
        Some(crate::finding::Period::SchoolYear {
            year: self.school_year.to_string(),
        })
    }
}

impl Entity for TrainingPlan {
    const KIND: EntityKind = EntityKind::TrainingPlans;
    fn fields() -> &'static [FieldDef<Self>] {
        TRAINING_PLAN_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let major = self.major.label();
        let (zh, en) = match self.school.as_deref() {
            Some(s) => {
                let n = school_name(ix, s);
                (format!("{n} "), format!("{n}, "))
            }
            None => (String::new(), String::new()),
        };
        Subject {
            entity: Self::KIND,
            id: format!("{} {}", self.major.code, self.year),
            zh: format!("{zh}{major}专业{}级人才培养方案", self.year),
            en: format!("{en}training plan {} of major {major}", self.year),
        }
    }
}

impl Entity for EnterpriseOffset {
    const KIND: EntityKind = EntityKind::EnterpriseOffsets;
    fn fields() -> &'static [FieldDef<Self>] {
        ENTERPRISE_OFFSET_FIELDS
    }
    fn subject(&self, _: &Index<'_>) -> Subject {
        Subject {
            entity: Self::KIND,
            id: format!(
                "{} {}",
                self.uscc.as_deref().unwrap_or(&self.enterprise),
                self.year
            ),
            zh: format!("{} {}年", self.enterprise, self.year),
            en: format!("{}, {}", self.enterprise, self.year),
        }
    }
    fn period(&self) -> Option<crate::finding::Period> {
        Some(crate::finding::Period::Year { year: self.year })
    }
}

impl Entity for SocialServiceIncome {
    const KIND: EntityKind = EntityKind::SocialServiceIncome;
    fn fields() -> &'static [FieldDef<Self>] {
        SOCIAL_SERVICE_INCOME_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let name = school_name(ix, &self.school);
        Subject {
            entity: Self::KIND,
            id: format!("{} {}", self.school, self.year),
            zh: format!("{name} {}年社会服务收入", self.year),
            en: format!("{name}, social-service income {}", self.year),
        }
    }
    fn period(&self) -> Option<crate::finding::Period> {
        Some(crate::finding::Period::Year { year: self.year })
    }
}

impl Entity for CityCapacity {
    const KIND: EntityKind = EntityKind::CityCapacity;
    fn fields() -> &'static [FieldDef<Self>] {
        CITY_CAPACITY_FIELDS
    }
    fn subject(&self, _: &Index<'_>) -> Subject {
        Subject {
            entity: Self::KIND,
            id: self.year.to_string(),
            zh: format!("全市 {}年", self.year),
            en: format!("city-wide, {}", self.year),
        }
    }
    fn period(&self) -> Option<crate::finding::Period> {
        Some(crate::finding::Period::Year { year: self.year })
    }
}

fn school_year(ix: &Index<'_>, school: &str, year: i32, what: (&str, &str)) -> (String, String) {
    let name = school_name(ix, school);
    (
        format!("{name}{} {year}年", what.0),
        format!("{name}, {} {year}", what.1),
    )
}

impl Entity for HigherCampus {
    const KIND: EntityKind = EntityKind::HigherCampuses;
    fn fields() -> &'static [FieldDef<Self>] {
        HIGHER_CAMPUS_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let (zh, en) = school_year(
            ix,
            &self.school,
            self.year,
            ("高职校区", "higher-stage campus"),
        );
        Subject {
            entity: Self::KIND,
            id: format!("{} {}", self.school, self.year),
            zh,
            en,
        }
    }
}

impl Entity for Teacher {
    const KIND: EntityKind = EntityKind::Teachers;
    fn fields() -> &'static [FieldDef<Self>] {
        TEACHER_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let who = self.name.as_deref().unwrap_or(&self.person);
        let school = school_name(ix, &self.school);
        Subject {
            entity: Self::KIND,
            id: format!("{} {} {}", self.person, self.school, self.stage.as_str()),
            zh: format!("{school}{}专任教师{who}", self.stage.zh()),
            en: format!("{who}, {} stage teacher of {school}", self.stage.as_str()),
        }
    }
}

impl Entity for FinanceSettlement {
    const KIND: EntityKind = EntityKind::FinanceSettlements;
    fn fields() -> &'static [FieldDef<Self>] {
        FINANCE_SETTLEMENT_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let (hi, sec) = (
            school_name(ix, &self.higher_school),
            school_name(ix, &self.school),
        );
        let y = self.year;
        Subject {
            entity: Self::KIND,
            id: format!("{} {} {y}", self.higher_school, self.school),
            zh: format!("{hi} — {sec} {y}—{}学年经费结算", y + 1),
            en: format!("{hi} — {sec}, settlement {y}–{}", y + 1),
        }
    }
}

impl Entity for Student {
    const KIND: EntityKind = EntityKind::Students;
    fn fields() -> &'static [FieldDef<Self>] {
        STUDENT_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        student_subject(
            &self.id,
            self.name.as_deref(),
            &self.school,
            i64::from(self.entry_year),
            ix,
        )
    }
}

impl Entity for ProgrammePlan {
    const KIND: EntityKind = EntityKind::ProgrammePlans;
    fn fields() -> &'static [FieldDef<Self>] {
        PROGRAMME_PLAN_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let school = school_name(ix, &self.school);
        Subject {
            entity: Self::KIND,
            id: format!("{} {}", self.school, self.major.code),
            zh: format!("{school} {}专业学段安排", self.major.label()),
            en: format!("{school}, programme plan of {}", self.major.label()),
        }
    }
}

impl Entity for PilotEnrollment {
    const KIND: EntityKind = EntityKind::PilotEnrollments;
    fn fields() -> &'static [FieldDef<Self>] {
        PILOT_ENROLLMENT_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let (zh, en) = school_year(ix, &self.school, self.year, ("试点招生", "pilot enrolment"));
        Subject {
            entity: Self::KIND,
            id: format!("{} {}", self.school, self.year),
            zh,
            en,
        }
    }
}

impl Entity for GraduateEmployment {
    const KIND: EntityKind = EntityKind::GraduateEmployment;
    fn fields() -> &'static [FieldDef<Self>] {
        GRADUATE_EMPLOYMENT_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let (zh, en) = school_year(
            ix,
            &self.school,
            self.year,
            ("毕业生就业", "graduate employment"),
        );
        Subject {
            entity: Self::KIND,
            id: format!("{} {}", self.school, self.year),
            zh,
            en,
        }
    }
}

impl Entity for Submission {
    const KIND: EntityKind = EntityKind::Submissions;
    fn fields() -> &'static [FieldDef<Self>] {
        SUBMISSION_FIELDS
    }
    fn subject(&self, ix: &Index<'_>) -> Subject {
        let who = match (&self.school, &self.district) {
            (Some(s), _) => school_name(ix, s).to_string(),
            (None, Some(d)) => d.clone(),
            (None, None) => String::new(),
        };
        let (kz, ke) = (self.kind.zh(), self.kind.en());
        Subject {
            entity: Self::KIND,
            id: format!("{who} {} {}", self.kind.as_str(), self.year),
            zh: format!("{who} {}年{kz}", self.year),
            en: format!("{who}, {ke} {}", self.year),
        }
    }
    fn period(&self) -> Option<crate::finding::Period> {
        Some(crate::finding::Period::Year { year: self.year })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is the report

    use super::*;

    /// Findings name a project by its schools and majors; in bulk the label is made once per
    /// project and kept: what each finding says must not change with it.
    #[test]
    fn a_project_is_named_the_same_by_every_finding() {
        let ds = crate::sample::load("bj-3p2-2024").unwrap();
        let ix = Index::new(&ds);
        let fresh = Index::new(&ds);
        assert!(ds.status_reports.len() > 1);
        // Every report twice from one index: the second time from the kept label, in bulk.
        for _ in 0..2 {
            for r in &ds.status_reports {
                let p = fresh.project(&r.project).unwrap();
                let (zh, en) = project_label(&fresh, p);
                assert!(zh.starts_with(&format!("项目{}(", p.id)), "{zh}");
                let want = Subject {
                    entity: EntityKind::StatusReports,
                    id: format!("{} {}", r.project, r.reporting_year),
                    zh: format!("{zh} {}年度状态数据", r.reporting_year),
                    en: format!("{en}, status report {}", r.reporting_year),
                };
                assert_eq!(r.subject(&ix), want);
                assert_eq!(
                    cohort_subject(&r.project, 2023, &ix).zh,
                    format!("{zh} 2023级")
                );
            }
        }
        // A project not in the dataset is named by its id.
        assert_eq!(
            *project_subject(&ix, "P-none"),
            ("项目P-none".to_string(), "project P-none".to_string())
        );
    }

    /// The kept label is made at most once per project, and only for projects of the dataset.
    #[cfg(feature = "bulk")]
    #[test]
    fn a_project_label_is_made_once() {
        let ds = crate::sample::load("bj-3p2-2024").unwrap();
        let ix = Index::new(&ds);
        let id = ds.projects.first().unwrap().id.as_str();
        let made = std::cell::Cell::new(0);
        let make = |_: &Index<'_>, p: &Project| {
            made.set(made.get() + 1);
            (format!("zh {}", p.id), format!("en {}", p.id))
        };
        let first = ix.project_label(id, make).cloned();
        let again = ix.project_label(id, make).cloned();
        assert_eq!(first, Some((format!("zh {id}"), format!("en {id}"))));
        assert_eq!(again, first);
        assert!(ix.project_label("P-none", make).is_none());
        assert_eq!(made.get(), 1);
    }
}
