//! Training plans and their hours (京教职成〔2020〕7号 五).

use super::common::MajorRef;
use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One major's training plan (人才培养方案 / 教学计划) for one entry year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingPlan {
    /// The school's id, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    /// The major.
    pub major: MajorRef,
    /// Entry year the plan applies to.
    pub year: i32,
    /// Planned hours of practice at employers (在用人单位的实践学习学时).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workplace_practice_hours: Option<u32>,
    /// Total planned teaching hours (教学计划总学时).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_hours: Option<u32>,
}

/// Fields of [`TrainingPlan`] that packs may name.
pub static TRAINING_PLAN_FIELDS: &[FieldDef<TrainingPlan>] = &[
    crate::field!(TrainingPlan, "school", Text, "学校", "school", |p| {
        val::text(p.school.as_deref())
    }),
    crate::field!(
        TrainingPlan,
        "major.code",
        Text,
        "专业代码",
        "major code",
        |p| Value::Text(&p.major.code)
    ),
    crate::field!(
        TrainingPlan,
        "major.name",
        Text,
        "专业名称",
        "major name",
        |p| val::text(p.major.name.as_deref())
    ),
    crate::field!(TrainingPlan, "year", Int, "年级", "entry year", |p| {
        Value::Int(p.year.into())
    }),
    crate::field!(
        TrainingPlan,
        "workplace_practice_hours",
        Int,
        "在用人单位的实践学习",
        "hours of practice at employers",
        |p| val::count(p.workplace_practice_hours)
    ),
    crate::field!(
        TrainingPlan,
        "total_hours",
        Int,
        "教学计划总学时",
        "total planned hours",
        |p| val::count(p.total_hours)
    ),
];
