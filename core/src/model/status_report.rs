//! The annual status report (人才培养状态数据, 京教函〔2024〕51号 二).

use super::common::Timestamp;
use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One project's status report for one reporting year; figures concern the previous year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusReport {
    /// The project's id.
    pub project: String,
    /// Year of the reporting campaign (the 2024 campaign reports 2023).
    pub reporting_year: i32,
    /// Last year's secondary enrollment (上一年度中职学校招生数).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrollment: Option<u32>,
    /// Last year's secondary graduates who could transfer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduated_secondary: Option<u32>,
    /// Of those, how many transferred to the higher school (成功转段).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transferred: Option<u32>,
    /// The five cooperation mechanisms (二(二)2).
    #[serde(default)]
    pub mechanisms: Mechanisms,
    /// Integrated-training work (二(二)3).
    #[serde(default)]
    pub integrated_training: IntegratedTraining,
    /// The school that filed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed_by: Option<String>,
    /// When it was submitted.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_timestamp"
    )]
    pub submitted_at: Option<Timestamp>,
}

/// 合作交流机制建设与完善.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Mechanisms {
    /// 校企合作
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_enterprise: Option<String>,
    /// 校校合作
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_school: Option<String>,
    /// 教师交流
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher_exchange: Option<String>,
    /// 资源共享
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_sharing: Option<String>,
    /// 质量监测
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality_monitoring: Option<String>,
}

/// 一体化人才培养协同推进与运行.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct IntegratedTraining {
    /// 一体化人才培养方案修订
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_revision: Option<String>,
    /// 衔接性课程设计完善
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridging_courses: Option<String>,
    /// 与行业企业定期沟通交流
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_communication: Option<String>,
    /// 师资互换授课、共同教研
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teacher_exchange_research: Option<String>,
    /// 课程资源和实训基地共建共用共享
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_resources: Option<String>,
    /// 协同育人和转段考核
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_assessment: Option<String>,
}

/// Fields of [`StatusReport`] that packs may name.
pub static STATUS_REPORT_FIELDS: &[FieldDef<StatusReport>] = &[
    crate::field!(
        StatusReport,
        "project",
        Text,
        "项目编号",
        "project",
        |r| Value::Text(&r.project)
    ),
    crate::field!(
        StatusReport,
        "reporting_year",
        Int,
        "填报年度",
        "reporting year",
        |r| Value::Int(r.reporting_year.into())
    ),
    crate::field!(
        StatusReport,
        "enrollment",
        Int,
        "上一年度中职招生数",
        "last year's secondary enrollment",
        |r| val::count(r.enrollment)
    ),
    crate::field!(
        StatusReport,
        "graduated_secondary",
        Int,
        "中职毕业人数",
        "secondary graduates",
        |r| val::count(r.graduated_secondary)
    ),
    crate::field!(
        StatusReport,
        "transferred",
        Int,
        "成功转段升入高职人数",
        "number transferred to the higher school",
        |r| val::count(r.transferred)
    ),
    crate::field!(
        StatusReport,
        "mechanisms.school_enterprise",
        Text,
        "校企合作机制",
        "school–enterprise cooperation",
        |r| val::text(r.mechanisms.school_enterprise.as_deref())
    ),
    crate::field!(
        StatusReport,
        "mechanisms.school_school",
        Text,
        "校校合作机制",
        "school–school cooperation",
        |r| val::text(r.mechanisms.school_school.as_deref())
    ),
    crate::field!(
        StatusReport,
        "mechanisms.teacher_exchange",
        Text,
        "教师交流机制",
        "teacher exchange",
        |r| val::text(r.mechanisms.teacher_exchange.as_deref())
    ),
    crate::field!(
        StatusReport,
        "mechanisms.resource_sharing",
        Text,
        "资源共享机制",
        "resource sharing",
        |r| val::text(r.mechanisms.resource_sharing.as_deref())
    ),
    crate::field!(
        StatusReport,
        "mechanisms.quality_monitoring",
        Text,
        "质量监测机制",
        "quality monitoring",
        |r| val::text(r.mechanisms.quality_monitoring.as_deref())
    ),
    crate::field!(
        StatusReport,
        "integrated_training.plan_revision",
        Text,
        "一体化人才培养方案修订",
        "training-plan revision",
        |r| val::text(r.integrated_training.plan_revision.as_deref())
    ),
    crate::field!(
        StatusReport,
        "integrated_training.bridging_courses",
        Text,
        "衔接性课程设计完善",
        "bridging-course design",
        |r| val::text(r.integrated_training.bridging_courses.as_deref())
    ),
    crate::field!(
        StatusReport,
        "integrated_training.enterprise_communication",
        Text,
        "与行业企业沟通交流",
        "communication with enterprises",
        |r| val::text(r.integrated_training.enterprise_communication.as_deref())
    ),
    crate::field!(
        StatusReport,
        "integrated_training.teacher_exchange_research",
        Text,
        "师资互换授课与共同教研",
        "teacher exchange and joint research",
        |r| val::text(r.integrated_training.teacher_exchange_research.as_deref())
    ),
    crate::field!(
        StatusReport,
        "integrated_training.shared_resources",
        Text,
        "课程资源和实训基地共建共用共享",
        "shared resources and training bases",
        |r| val::text(r.integrated_training.shared_resources.as_deref())
    ),
    crate::field!(
        StatusReport,
        "integrated_training.transfer_assessment",
        Text,
        "协同育人和转段考核",
        "joint education and transfer assessment",
        |r| val::text(r.integrated_training.transfer_assessment.as_deref())
    ),
    crate::field!(
        StatusReport,
        "filed_by",
        Text,
        "填报学校",
        "filing school",
        |r| val::text(r.filed_by.as_deref())
    ),
    crate::field!(
        StatusReport,
        "submitted_at",
        Time,
        "提交时间",
        "submitted at",
        |r| val::time(r.submitted_at)
    ),
];
