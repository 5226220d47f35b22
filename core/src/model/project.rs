//! Articulation projects and new-project applications.

use super::common::{MajorRef, ProgramMode, Standing, Timestamp};
use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An approved project: one secondary school and one higher school on one major.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Identifier, e.g. `P0007`.
    pub id: String,
    /// Programme mode; `three_plus_two` when omitted.
    #[serde(default)]
    pub mode: ProgramMode,
    /// The secondary school's id (absent for higher-to-bachelor programmes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_school: Option<String>,
    /// The higher school's id.
    pub higher_school: String,
    /// Major at the secondary stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_major: Option<MajorRef>,
    /// Major at the higher stage.
    pub higher_major: MajorRef,
    /// Where the project stands.
    #[serde(default)]
    pub standing: Standing,
    /// Year approved (立项).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_year: Option<i32>,
}

/// Fields of [`Project`] that packs may name.
pub static PROJECT_FIELDS: &[FieldDef<Project>] = &[
    crate::field!(Project, "id", Text, "项目编号", "project id", |p| {
        Value::Text(&p.id)
    }),
    crate::field!(
        Project,
        "mode",
        Enum(ProgramMode),
        "办学模式",
        "mode",
        |p| Value::Text(p.mode.as_str())
    ),
    crate::field!(
        Project,
        "secondary_school",
        Text,
        "中职学校",
        "secondary school",
        |p| val::text(p.secondary_school.as_deref())
    ),
    crate::field!(
        Project,
        "higher_school",
        Text,
        "高职学校",
        "higher school",
        |p| Value::Text(&p.higher_school)
    ),
    crate::field!(
        Project,
        "secondary_major.code",
        Text,
        "中职专业代码",
        "secondary major code",
        |p| val::text(p.secondary_major.as_ref().map(|m| m.code.as_str()))
    ),
    crate::field!(
        Project,
        "higher_major.code",
        Text,
        "高职专业代码",
        "higher major code",
        |p| Value::Text(&p.higher_major.code)
    ),
    crate::field!(
        Project,
        "secondary_major.name",
        Text,
        "中职专业名称",
        "secondary major name",
        |p| val::text(p.secondary_major.as_ref().and_then(|m| m.name.as_deref()))
    ),
    crate::field!(
        Project,
        "higher_major.name",
        Text,
        "高职专业名称",
        "higher major name",
        |p| val::text(p.higher_major.name.as_deref())
    ),
    crate::field!(
        Project,
        "standing",
        Enum(Standing),
        "项目状态",
        "standing",
        |p| Value::Text(p.standing.as_str())
    ),
    crate::field!(
        Project,
        "approved_year",
        Int,
        "立项年度",
        "year approved",
        |p| val::year(p.approved_year)
    ),
];

/// A new-project application (新增项目申报).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// Identifier, e.g. `A0042`.
    pub id: String,
    /// Application year.
    pub year: i32,
    /// The secondary school's id.
    pub secondary_school: String,
    /// The higher school's id.
    pub higher_school: String,
    /// Major at the secondary stage.
    pub secondary_major: MajorRef,
    /// Major at the higher stage.
    pub higher_major: MajorRef,
    /// Rank the secondary school gave it among its own applications (1 = first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Uploaded documents.
    #[serde(default)]
    pub attachments: Attachments,
    /// When the application was submitted on the platform.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_timestamp"
    )]
    pub submitted_at: Option<Timestamp>,
}

/// Documents uploaded with an application, by file name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Attachments {
    /// The sealed application form, scanned to PDF (申报书盖章扫描件).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed_form_pdf: Option<String>,
    /// The integrated training plan (一体化人才培养方案).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training_plan: Option<String>,
    /// The joint demand research (需求调研报告).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demand_research: Option<String>,
}

/// Fields of [`Application`] that packs may name.
pub static APPLICATION_FIELDS: &[FieldDef<Application>] = &[
    crate::field!(
        Application,
        "id",
        Text,
        "申报编号",
        "application id",
        |a| Value::Text(&a.id)
    ),
    crate::field!(
        Application,
        "year",
        Int,
        "申报年度",
        "application year",
        |a| Value::Int(a.year.into())
    ),
    crate::field!(
        Application,
        "secondary_school",
        Text,
        "中职学校",
        "secondary school",
        |a| Value::Text(&a.secondary_school)
    ),
    crate::field!(
        Application,
        "higher_school",
        Text,
        "高职学校",
        "higher school",
        |a| Value::Text(&a.higher_school)
    ),
    crate::field!(
        Application,
        "secondary_major.code",
        Text,
        "中职专业代码",
        "secondary major code",
        |a| Value::Text(&a.secondary_major.code)
    ),
    crate::field!(
        Application,
        "higher_major.code",
        Text,
        "高职专业代码",
        "higher major code",
        |a| Value::Text(&a.higher_major.code)
    ),
    crate::field!(
        Application,
        "secondary_major.name",
        Text,
        "中职专业名称",
        "secondary major name",
        |a| val::text(a.secondary_major.name.as_deref())
    ),
    crate::field!(
        Application,
        "higher_major.name",
        Text,
        "高职专业名称",
        "higher major name",
        |a| val::text(a.higher_major.name.as_deref())
    ),
    crate::field!(Application, "rank", Int, "校内排序", "rank", |a| {
        val::count(a.rank)
    }),
    crate::field!(
        Application,
        "attachments.sealed_form_pdf",
        Text,
        "盖章申报书PDF",
        "sealed application form (PDF)",
        |a| val::text(a.attachments.sealed_form_pdf.as_deref())
    ),
    crate::field!(
        Application,
        "attachments.training_plan",
        Text,
        "一体化人才培养方案",
        "integrated training plan",
        |a| val::text(a.attachments.training_plan.as_deref())
    ),
    crate::field!(
        Application,
        "attachments.demand_research",
        Text,
        "需求调研报告",
        "demand research",
        |a| val::text(a.attachments.demand_research.as_deref())
    ),
    crate::field!(
        Application,
        "submitted_at",
        Time,
        "提交时间",
        "submitted at",
        |a| val::time(a.submitted_at)
    ),
];
