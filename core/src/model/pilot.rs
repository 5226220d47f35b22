//! Programme plans, pilot enrolment and graduate employment of the Quzhou regional integrated
//! pilot (衢州 实施意见 一(二) targets; 实施细则 三 stage split).

use super::common::MajorRef;
use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How a five-year programme splits into stages (前3年中职阶段, 后2年高职阶段).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammePlan {
    /// The secondary school.
    pub school: String,
    /// The partner higher school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_school: Option<String>,
    /// The major.
    pub major: MajorRef,
    /// First entry year the plan applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry_year: Option<i32>,
    /// Years of the secondary stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_years: Option<u32>,
    /// Years of the higher stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_years: Option<u32>,
}

/// Fields of [`ProgrammePlan`] that packs may name.
pub static PROGRAMME_PLAN_FIELDS: &[FieldDef<ProgrammePlan>] = &[
    crate::field!(
        ProgrammePlan,
        "school",
        Text,
        "中职学校",
        "secondary school",
        |p| Value::Text(&p.school)
    ),
    crate::field!(
        ProgrammePlan,
        "major.code",
        Text,
        "专业代码",
        "major code",
        |p| Value::Text(&p.major.code)
    ),
    crate::field!(
        ProgrammePlan,
        "entry_year",
        Int,
        "适用入学年份",
        "entry year",
        |p| val::year(p.entry_year)
    ),
    crate::field!(
        ProgrammePlan,
        "secondary_years",
        Int,
        "中职阶段学制",
        "length of the secondary stage",
        |p| val::count(p.secondary_years)
    ),
    crate::field!(
        ProgrammePlan,
        "higher_years",
        Int,
        "高职阶段学制",
        "length of the higher stage",
        |p| val::count(p.higher_years)
    ),
];

/// A pilot secondary school's intake into the regional integrated programme in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PilotEnrollment {
    /// The secondary school.
    pub school: String,
    /// The year of intake.
    pub year: i32,
    /// Students enrolled at the secondary stage (中职招生人数).
    pub enrolled: u32,
    /// County-level division the school serves (GB/T 2260, e.g. `330881` 江山市), for the
    /// 一县一校 coverage goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
}

/// Fields of [`PilotEnrollment`] that packs may name.
pub static PILOT_ENROLLMENT_FIELDS: &[FieldDef<PilotEnrollment>] = &[
    crate::field!(
        PilotEnrollment,
        "school",
        Text,
        "中职学校",
        "secondary school",
        |p| Value::Text(&p.school)
    ),
    crate::field!(PilotEnrollment, "year", Int, "招生年度", "year", |p| {
        Value::Int(p.year.into())
    }),
    crate::field!(
        PilotEnrollment,
        "enrolled",
        Int,
        "中职招生人数",
        "enrolled",
        |p| Value::Int(p.enrolled.into())
    ),
    crate::field!(
        PilotEnrollment,
        "district",
        Text,
        "所在县(市、区)代码",
        "county code",
        |p| val::text(p.district.as_deref())
    ),
];

/// Employment of a school's higher-stage graduates in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GraduateEmployment {
    /// The secondary school (it runs employment of its graduates, 实施意见 二(三)10).
    pub school: String,
    /// The graduation year.
    pub year: i32,
    /// Higher-stage graduates.
    pub graduates: u32,
    /// Of them, employed in Quzhou (本地就业).
    pub employed_locally: u32,
}

/// Fields of [`GraduateEmployment`] that packs may name.
pub static GRADUATE_EMPLOYMENT_FIELDS: &[FieldDef<GraduateEmployment>] = &[
    crate::field!(
        GraduateEmployment,
        "school",
        Text,
        "中职学校",
        "secondary school",
        |g| Value::Text(&g.school)
    ),
    crate::field!(
        GraduateEmployment,
        "year",
        Int,
        "毕业年度",
        "year",
        |g| Value::Int(g.year.into())
    ),
    crate::field!(
        GraduateEmployment,
        "graduates",
        Int,
        "高职毕业生",
        "graduates",
        |g| Value::Int(g.graduates.into())
    ),
    crate::field!(
        GraduateEmployment,
        "employed_locally",
        Int,
        "本地就业人数",
        "employed locally",
        |g| Value::Int(g.employed_locally.into())
    ),
];
