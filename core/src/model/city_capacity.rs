//! City-wide capacity counts per year (京教职成〔2020〕7号 七): innovation-practice bases,
//! teaching-innovation teams, principals and middle managers seconded to enterprises.

use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One year's city-wide counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CityCapacity {
    /// Year.
    pub year: i32,
    /// Teacher innovation-practice bases at enterprises (教师企业创新实践基地), cumulative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice_bases: Option<u32>,
    /// High-level teaching-innovation teams (高水平教学创新团队), cumulative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teaching_teams: Option<u32>,
    /// Principals seconded to enterprises that year (选派校长挂职).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principals_seconded: Option<u32>,
    /// Middle managers seconded to enterprises that year (选派中层干部挂职).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managers_seconded: Option<u32>,
}

/// Fields of [`CityCapacity`] that packs may name.
pub static CITY_CAPACITY_FIELDS: &[FieldDef<CityCapacity>] = &[
    crate::field!(CityCapacity, "year", Int, "年度", "year", |c| {
        Value::Int(c.year.into())
    }),
    crate::field!(
        CityCapacity,
        "practice_bases",
        Int,
        "教师企业创新实践基地",
        "teacher innovation-practice bases",
        |c| val::count(c.practice_bases)
    ),
    crate::field!(
        CityCapacity,
        "teaching_teams",
        Int,
        "高水平教学创新团队",
        "teaching-innovation teams",
        |c| val::count(c.teaching_teams)
    ),
    crate::field!(
        CityCapacity,
        "principals_seconded",
        Int,
        "选派挂职校长",
        "principals seconded",
        |c| val::count(c.principals_seconded)
    ),
    crate::field!(
        CityCapacity,
        "managers_seconded",
        Int,
        "选派挂职中层干部",
        "middle managers seconded",
        |c| val::count(c.managers_seconded)
    ),
];
