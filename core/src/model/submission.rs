//! Documents a school or a district submits once a year: the sealed summary of a secondary
//! school's new applications (京教函〔2024〕51号 一(三) 汇总表) and the year-end report on major
//! building (呼和浩特 实施方案 五(三) 专业建设工作总结).

use super::common::Timestamp;
use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    /// Which document it is.
    pub enum SubmissionKind {
        ApplicationSummary = "application_summary" {
            zh: "申报项目汇总表",
            en: "summary of new applications",
            also: ["拟新增申报项目汇总表", "汇总表"],
        },
        MajorBuildingSummary = "major_building_summary" {
            zh: "专业建设工作总结",
            en: "year-end report on major building",
            also: ["工作总结", "年度总结"],
        },
    }
}

/// One document submitted for one year, by a school or by a county-level education bureau.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// Which document.
    pub kind: SubmissionKind,
    /// The submitting school's id; absent for a district's submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    /// The submitting county-level division (GB/T 2260), for a district's submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The year it is for (the application year; the year summarised).
    pub year: i32,
    /// The file uploaded or sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// When it was submitted.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_timestamp"
    )]
    pub submitted_at: Option<Timestamp>,
}

/// Fields of [`Submission`] that packs may name.
pub static SUBMISSION_FIELDS: &[FieldDef<Submission>] = &[
    crate::field!(
        Submission,
        "kind",
        Enum(SubmissionKind),
        "材料类别",
        "document",
        |s| Value::Text(s.kind.as_str())
    ),
    crate::field!(Submission, "school", Text, "学校", "school", |s| {
        val::text(s.school.as_deref())
    }),
    crate::field!(
        Submission,
        "district",
        Text,
        "旗县区代码",
        "district code",
        |s| val::text(s.district.as_deref())
    ),
    crate::field!(Submission, "year", Int, "年度", "year", |s| {
        Value::Int(s.year.into())
    }),
    crate::field!(Submission, "file", Text, "文件", "file", |s| {
        val::text(s.file.as_deref())
    }),
    crate::field!(
        Submission,
        "submitted_at",
        Time,
        "报送时间",
        "submitted at",
        |s| val::time(s.submitted_at)
    ),
];
