//! Major offerings and new-major filings of secondary vocational schools
//! (呼和浩特市中等职业教育专业建设工作实施方案(2022—2025年) 四(二)).

use super::common::MajorRef;
use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One major a school offers in one year (专业布点), with that year's intake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MajorOffering {
    /// The school's id.
    pub school: String,
    /// Calendar year of the intake (招生年度).
    pub year: i32,
    /// The major, by catalogue code.
    pub major: MajorRef,
    /// Students enrolled that year (招生人数); 0 when the major did not enroll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intake: Option<u32>,
    /// Whether the intake formed a class of its own (独立成班), as the school reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formed_class: Option<bool>,
    /// The key industry chain the major mainly serves (重点产业链), e.g. `新能源`; absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain: Option<String>,
    /// Region-level quality major (自治区级优质中职专业).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality_major: Option<bool>,
    /// The major failed its rectification this year (整改后仍然达不到要求): intake is suspended
    /// from the next year on (暂停招生).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rectification_failed: Option<bool>,
}

impl MajorOffering {
    /// Whether a chain tag is given (any text but blank). Packs count the plan's named chains by
    /// `chain` itself, so that 无, 其他 or an unknown tag does not count.
    pub fn serves_key_chain(&self) -> bool {
        self.chain.as_deref().is_some_and(|c| !c.trim().is_empty())
    }
}

/// Fields of [`MajorOffering`] that packs may name.
pub static MAJOR_OFFERING_FIELDS: &[FieldDef<MajorOffering>] = &[
    crate::field!(MajorOffering, "school", Text, "学校", "school", |m| {
        Value::Text(&m.school)
    }),
    crate::field!(MajorOffering, "year", Int, "招生年度", "year", |m| {
        Value::Int(m.year.into())
    }),
    crate::field!(
        MajorOffering,
        "major.code",
        Text,
        "专业代码",
        "major code",
        |m| Value::Text(&m.major.code)
    ),
    crate::field!(
        MajorOffering,
        "major.name",
        Text,
        "专业名称",
        "major name",
        |m| val::text(m.major.name.as_deref())
    ),
    crate::field!(
        MajorOffering,
        "intake",
        Int,
        "招生人数",
        "intake",
        |m| val::count(m.intake)
    ),
    crate::field!(
        MajorOffering,
        "formed_class",
        Bool,
        "独立成班",
        "formed a class of its own",
        |m| val::flag(m.formed_class)
    ),
    crate::field!(
        MajorOffering,
        "chain",
        Text,
        "服务的重点产业链",
        "key industry chain served",
        |m| val::text(m.chain.as_deref())
    ),
    crate::field!(
        MajorOffering,
        "serves_key_chain",
        Bool,
        "服务重点产业链",
        "serves a key industry chain",
        |m| Value::Bool(m.serves_key_chain())
    ),
    crate::field!(
        MajorOffering,
        "quality_major",
        Bool,
        "自治区级优质专业",
        "region-level quality major",
        |m| val::flag(m.quality_major)
    ),
    crate::field!(
        MajorOffering,
        "rectification_failed",
        Bool,
        "整改后仍未达标",
        "failed its rectification",
        |m| val::flag(m.rectification_failed)
    ),
];

/// A school's filing of a newly set-up major for one school year (新设专业备案).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMajorFiling {
    /// The school's id.
    pub school: String,
    /// School year, e.g. `2023-2024`.
    pub school_year: String,
    /// The new major, by catalogue code.
    pub major: MajorRef,
    /// Whether the major meets the prescribed set-up conditions (达到规定条件、符合规定程序).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions_met: Option<bool>,
    /// Whether the filing was accepted (予以备案).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filed: Option<bool>,
}

/// Fields of [`NewMajorFiling`] that packs may name.
pub static NEW_MAJOR_FILING_FIELDS: &[FieldDef<NewMajorFiling>] = &[
    crate::field!(NewMajorFiling, "school", Text, "学校", "school", |m| {
        Value::Text(&m.school)
    }),
    crate::field!(
        NewMajorFiling,
        "school_year",
        Text,
        "学年",
        "school year",
        |m| Value::Text(&m.school_year)
    ),
    crate::field!(
        NewMajorFiling,
        "major.code",
        Text,
        "专业代码",
        "major code",
        |m| Value::Text(&m.major.code)
    ),
    crate::field!(
        NewMajorFiling,
        "major.name",
        Text,
        "专业名称",
        "major name",
        |m| val::text(m.major.name.as_deref())
    ),
    crate::field!(
        NewMajorFiling,
        "conditions_met",
        Bool,
        "达到规定设置条件",
        "set-up conditions met",
        |m| val::flag(m.conditions_met)
    ),
    crate::field!(
        NewMajorFiling,
        "filed",
        Bool,
        "予以备案",
        "filed",
        |m| val::flag(m.filed)
    ),
];
