//! Enrollment cohorts, semester activity and quality monitoring.

use super::common::{Semester, Timestamp};
use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A project's intake in one entry year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    /// The project's id.
    pub project: String,
    /// Entry year at the secondary stage.
    pub entry_year: i32,
    /// Students enrolled.
    pub enrolled: u32,
    /// Still enrolled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub still_enrolled: Option<u32>,
    /// Graduated from the secondary stage (could transfer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduated_secondary: Option<u32>,
    /// Transferred to the higher stage (转段).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transferred: Option<u32>,
}

/// Fields of [`Cohort`] that packs may name.
pub static COHORT_FIELDS: &[FieldDef<Cohort>] = &[
    crate::field!(Cohort, "project", Text, "项目编号", "project", |c| {
        Value::Text(&c.project)
    }),
    crate::field!(
        Cohort,
        "entry_year",
        Int,
        "入学年份",
        "entry year",
        |c| Value::Int(c.entry_year.into())
    ),
    crate::field!(Cohort, "enrolled", Int, "招生数", "enrolled", |c| {
        Value::Int(c.enrolled.into())
    }),
    crate::field!(
        Cohort,
        "still_enrolled",
        Int,
        "在校生数",
        "still enrolled",
        |c| val::count(c.still_enrolled)
    ),
    crate::field!(
        Cohort,
        "graduated_secondary",
        Int,
        "中职毕业人数",
        "graduated from the secondary stage",
        |c| val::count(c.graduated_secondary)
    ),
    crate::field!(
        Cohort,
        "transferred",
        Int,
        "转段升学人数",
        "transferred",
        |c| val::count(c.transferred)
    ),
];

/// Work of one project in one semester (京教函〔2024〕51号 三(二)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SemesterActivity {
    /// The project's id.
    pub project: String,
    /// The semester, e.g. `2023-2024-1`.
    pub semester: Semester,
    /// Joint meetings led by the higher school (专题业务沟通会).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meetings: Option<u32>,
    /// Joint teaching-research activities (双方教师教研活动).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joint_research: Option<u32>,
    /// Teachers the higher school sent to the secondary school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teachers_dispatched: Option<u32>,
}

/// Fields of [`SemesterActivity`] that packs may name.
pub static SEMESTER_ACTIVITY_FIELDS: &[FieldDef<SemesterActivity>] = &[
    crate::field!(
        SemesterActivity,
        "project",
        Text,
        "项目编号",
        "project",
        |a| Value::Text(&a.project)
    ),
    crate::field!(
        SemesterActivity,
        "meetings",
        Int,
        "专题业务沟通会次数",
        "joint meetings",
        |a| val::count(a.meetings)
    ),
    crate::field!(
        SemesterActivity,
        "joint_research",
        Int,
        "双方教师教研活动次数",
        "joint teaching-research activities",
        |a| val::count(a.joint_research)
    ),
    crate::field!(
        SemesterActivity,
        "teachers_dispatched",
        Int,
        "派出教师人数",
        "teachers dispatched",
        |a| val::count(a.teachers_dispatched)
    ),
];

/// A school's yearly quality monitoring and summary (质量监测和总结).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualityMonitoring {
    /// The school's id.
    pub school: String,
    /// The year monitored.
    pub year: i32,
    /// When monitoring and summary were completed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_timestamp"
    )]
    pub completed_at: Option<Timestamp>,
    /// The summary, or its file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// Fields of [`QualityMonitoring`] that packs may name.
pub static QUALITY_MONITORING_FIELDS: &[FieldDef<QualityMonitoring>] = &[
    crate::field!(QualityMonitoring, "school", Text, "学校", "school", |q| {
        Value::Text(&q.school)
    }),
    crate::field!(
        QualityMonitoring,
        "year",
        Int,
        "监测年度",
        "year",
        |q| Value::Int(q.year.into())
    ),
    crate::field!(
        QualityMonitoring,
        "completed_at",
        Time,
        "完成时间",
        "completion time",
        |q| val::time(q.completed_at)
    ),
    crate::field!(
        QualityMonitoring,
        "summary",
        Text,
        "总结",
        "summary",
        |q| val::text(q.summary.as_deref())
    ),
];
