//! The higher-stage campus (高职校区) of a Quzhou pilot secondary school, per year: the part of the
//! school that teaches years 4–5 (衢州 实施细则 一、二、五). Staff are given as counts, so the ratio
//! rules run without per-person data.

use super::fields::{val, FieldDef, Value};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 高职校区: conditions and staffing of a secondary school's higher-stage campus in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HigherCampus {
    /// The secondary school running the campus (承办中职学校).
    pub school: String,
    /// The partner higher school (合作高职院校, the higher stage's 办学主体).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_school: Option<String>,
    /// The year reported.
    pub year: i32,
    /// 高职阶段在校生数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub students: Option<u32>,
    /// 教学行政用房面积, m².
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub teaching_admin_area: Option<Decimal>,
    /// 占地面积, m².
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub land_area: Option<Decimal>,
    /// 学生宿舍面积, m².
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub dormitory_area: Option<Decimal>,
    /// 教学科研仪器设备值 (total), CNY.
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub equipment_value: Option<Decimal>,
    /// 当年新增教学科研仪器设备值, CNY.
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub equipment_added: Option<Decimal>,
    /// 高职阶段专任教师数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_time_teachers: Option<u32>,
    /// Of them, with a master's degree or higher (硕士及以上学位).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub masters_teachers: Option<u32>,
    /// Of them, with a senior professional title (高级职称).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub senior_title_teachers: Option<u32>,
    /// 思政课教师数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ideology_teachers: Option<u32>,
    /// 专职辅导员数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counselors: Option<u32>,
    /// 专职心理健康教育教师数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mental_health_teachers: Option<u32>,
}

impl HigherCampus {
    /// Equipment value before this year's additions (total − added), the denominator of the
    /// national indicator 新增教学科研仪器设备所占比例; absent unless both are given.
    pub fn equipment_before_additions(&self) -> Option<Decimal> {
        self.equipment_value?.checked_sub(self.equipment_added?)
    }
}

/// Fields of [`HigherCampus`] that packs may name.
pub static HIGHER_CAMPUS_FIELDS: &[FieldDef<HigherCampus>] = &[
    crate::field!(
        HigherCampus,
        "school",
        Text,
        "承办中职学校",
        "secondary school",
        |c| Value::Text(&c.school)
    ),
    crate::field!(
        HigherCampus,
        "higher_school",
        Text,
        "合作高职院校",
        "partner higher school",
        |c| val::text(c.higher_school.as_deref())
    ),
    crate::field!(HigherCampus, "year", Int, "年度", "year", |c| Value::Int(
        c.year.into()
    )),
    crate::field!(
        HigherCampus,
        "students",
        Int,
        "高职阶段在校生",
        "higher-stage students",
        |c| val::count(c.students)
    ),
    crate::field!(
        HigherCampus,
        "teaching_admin_area",
        Dec,
        "教学行政用房面积",
        "teaching and administrative floor area",
        |c| val::dec(c.teaching_admin_area)
    ),
    crate::field!(
        HigherCampus,
        "land_area",
        Dec,
        "占地面积",
        "land area",
        |c| val::dec(c.land_area)
    ),
    crate::field!(
        HigherCampus,
        "dormitory_area",
        Dec,
        "宿舍面积",
        "dormitory floor area",
        |c| val::dec(c.dormitory_area)
    ),
    crate::field!(
        HigherCampus,
        "equipment_value",
        Dec,
        "教学科研仪器设备值",
        "teaching and research equipment value",
        |c| val::dec(c.equipment_value)
    ),
    crate::field!(
        HigherCampus,
        "equipment_added",
        Dec,
        "当年新增教学科研仪器设备值",
        "equipment value added this year",
        |c| val::dec(c.equipment_added)
    ),
    // Computed: the stock the year's additions are measured against in the national indicator
    // 新增教学科研仪器设备所占比例 (教发〔2004〕2号): total less this year's additions.
    crate::field!(
        HigherCampus,
        "equipment_before_additions",
        Dec,
        "新增前教学科研仪器设备值",
        "equipment value before this year's additions",
        |c| val::dec(c.equipment_before_additions())
    ),
    crate::field!(
        HigherCampus,
        "full_time_teachers",
        Int,
        "专任教师",
        "full-time teachers",
        |c| val::count(c.full_time_teachers)
    ),
    crate::field!(
        HigherCampus,
        "masters_teachers",
        Int,
        "硕士及以上学位教师",
        "teachers with a master's degree or higher",
        |c| val::count(c.masters_teachers)
    ),
    crate::field!(
        HigherCampus,
        "senior_title_teachers",
        Int,
        "高级职称教师",
        "teachers with a senior title",
        |c| val::count(c.senior_title_teachers)
    ),
    crate::field!(
        HigherCampus,
        "ideology_teachers",
        Int,
        "思政课教师",
        "ideological and political course teachers",
        |c| val::count(c.ideology_teachers)
    ),
    crate::field!(
        HigherCampus,
        "counselors",
        Int,
        "专职辅导员",
        "full-time counselors",
        |c| val::count(c.counselors)
    ),
    crate::field!(
        HigherCampus,
        "mental_health_teachers",
        Int,
        "专职心理健康教育教师",
        "full-time mental-health teachers",
        |c| val::count(c.mental_health_teachers)
    ),
];
