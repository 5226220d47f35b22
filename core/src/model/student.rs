//! Students of the Quzhou five-year pilot: the tripartite agreement (衢州 实施细则 三) and the
//! certificates required at graduation (实施意见 二(三)9).

use super::common::MajorRef;
use super::fields::{val, FieldDef, Value};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 三方协议: signed by the higher school, the secondary school and the student (or guardian).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// The day the last party signed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_date"
    )]
    pub signed_on: Option<NaiveDate>,
    /// Signed by the higher school (高职院校).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_school: Option<bool>,
    /// Signed by the secondary school (中职学校).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_school: Option<bool>,
    /// Signed by the student or a guardian (学生(家长)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student_or_guardian: Option<bool>,
}

crate::labelled_enum! {
    /// Kind of certificate.
    pub enum CertificateKind {
        SeniorWorker = "senior_worker" {
            zh: "高级工职业技能等级证书",
            en: "senior worker certificate",
            also: ["高级工", "高级工证书", "高级工技能等级证书", "高级工职业资格证书"],
        },
        XCertificate = "x_certificate" {
            zh: "1+X职业技能等级证书",
            en: "1+X vocational skill certificate",
            also: ["X证书", "1+X证书", "1+X"],
        },
    }
}

crate::labelled_enum! {
    /// Level of an X certificate (初级 / 中级 / 高级).
    pub enum CertificateLevel {
        Elementary = "elementary" {
            zh: "初级",
            en: "elementary",
            also: ["初级证书"],
        },
        Intermediate = "intermediate" {
            zh: "中级",
            en: "intermediate",
            also: ["中级证书"],
        },
        Advanced = "advanced" {
            zh: "高级",
            en: "advanced",
            also: ["高级证书"],
        },
    }
}

/// A certificate a student holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// Kind.
    pub kind: CertificateKind,
    /// Level (X certificates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<CertificateLevel>,
    /// Name, e.g. `Web前端开发`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A student of the regional integrated pilot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Student {
    /// Student number (学籍号 or school-issued id).
    pub id: String,
    /// Name, for messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The secondary school.
    pub school: String,
    /// The partner higher school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_school: Option<String>,
    /// The major.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub major: Option<MajorRef>,
    /// Year of entry at the secondary stage.
    pub entry_year: i32,
    /// The first day of term for the new students (开学日期).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_date"
    )]
    pub term_start: Option<NaiveDate>,
    /// The tripartite agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    /// Certificates held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<Certificate>,
    /// Has completed the programme (完成规定学业).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduated: Option<bool>,
}

impl Student {
    fn agr(&self) -> Option<&Agreement> {
        self.agreement.as_ref()
    }
    /// Holds a senior-worker (高级工) certificate.
    pub fn has_senior_worker(&self) -> bool {
        self.certificates.iter().any(Certificate::is_senior_worker)
    }
    /// Holds an X certificate at intermediate level or above.
    pub fn has_x_intermediate(&self) -> bool {
        self.certificates.iter().any(Certificate::is_x_intermediate)
    }
}

impl Certificate {
    /// A senior-worker (高级工) certificate (the derived field `certificates.senior_worker`,
    /// for rows and for students held as columns alike).
    pub fn is_senior_worker(&self) -> bool {
        self.kind == CertificateKind::SeniorWorker
    }
    /// An X certificate at intermediate level or above (`certificates.x_intermediate_or_above`).
    pub fn is_x_intermediate(&self) -> bool {
        self.kind == CertificateKind::XCertificate
            && self
                .level
                .is_some_and(|l| l >= CertificateLevel::Intermediate)
    }
}

/// Fields of [`Student`] that packs may name. `certificates.*` are derived flags.
pub static STUDENT_FIELDS: &[FieldDef<Student>] = &[
    crate::field!(Student, "id", Text, "学号", "student id", |s| Value::Text(
        &s.id
    )),
    crate::field!(
        Student,
        "school",
        Text,
        "中职学校",
        "secondary school",
        |s| Value::Text(&s.school)
    ),
    crate::field!(
        Student,
        "higher_school",
        Text,
        "高职院校",
        "higher school",
        |s| val::text(s.higher_school.as_deref())
    ),
    crate::field!(
        Student,
        "entry_year",
        Int,
        "入学年份",
        "entry year",
        |s| Value::Int(s.entry_year.into())
    ),
    crate::field!(
        Student,
        "term_start",
        Date,
        "开学日期",
        "term start",
        |s| val::date(s.term_start)
    ),
    crate::field!(
        Student,
        "agreement.signed_on",
        Date,
        "三方协议签订日期",
        "signing date of the tripartite agreement",
        |s| val::date(s.agr().and_then(|a| a.signed_on))
    ),
    crate::field!(
        Student,
        "agreement.higher_school",
        Bool,
        "三方协议高职院校签字",
        "the higher school's signature on the agreement",
        |s| val::flag(s.agr().and_then(|a| a.higher_school))
    ),
    crate::field!(
        Student,
        "agreement.secondary_school",
        Bool,
        "三方协议中职学校签字",
        "the secondary school's signature on the agreement",
        |s| val::flag(s.agr().and_then(|a| a.secondary_school))
    ),
    crate::field!(
        Student,
        "agreement.student_or_guardian",
        Bool,
        "三方协议学生(家长)签字",
        "the student's or guardian's signature on the agreement",
        |s| val::flag(s.agr().and_then(|a| a.student_or_guardian))
    ),
    crate::field!(
        Student,
        "graduated",
        Bool,
        "已完成学业",
        "graduated",
        |s| val::flag(s.graduated)
    ),
    crate::field!(
        Student,
        "certificates.senior_worker",
        Bool,
        "高级工技能等级证书",
        "a senior-worker skill certificate",
        |s| Value::Bool(s.has_senior_worker())
    ),
    crate::field!(
        Student,
        "certificates.x_intermediate_or_above",
        Bool,
        "中级以上X证书",
        "an X certificate at intermediate level or above",
        |s| Value::Bool(s.has_x_intermediate())
    ),
];
