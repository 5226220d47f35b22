//! Teachers as persons, so that one person counted in two staffs can be seen (衢州 实施细则 五:
//! 高职阶段专任教师一般不得与中职专任教师重合).

use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

crate::labelled_enum! {
    /// Which stage's staff a teacher is counted in.
    pub enum Stage {
        Secondary = "secondary" {
            zh: "中职阶段",
            en: "secondary stage",
            also: ["中职", "中职段"],
        },
        Higher = "higher" {
            zh: "高职阶段",
            en: "higher stage",
            also: ["高职", "高职段"],
        },
    }
}

/// One teacher counted in one school's staff for one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Teacher {
    /// Who the person is, stable across staffs: a hash of the national ID number or a staff number
    /// (人员标识). Two records with the same `person` are the same teacher.
    pub person: String,
    /// Name, for messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The school whose staff lists the teacher.
    pub school: String,
    /// The stage whose staff the record belongs to.
    pub stage: Stage,
    /// 专任教师 (full-time), as opposed to part-time or visiting.
    pub full_time: bool,
    /// The year of the staff list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// Fields of [`Teacher`] that packs may name.
pub static TEACHER_FIELDS: &[FieldDef<Teacher>] = &[
    crate::field!(Teacher, "person", Text, "人员标识", "person", |t| {
        Value::Text(&t.person)
    }),
    crate::field!(Teacher, "name", Text, "姓名", "name", |t| val::text(
        t.name.as_deref()
    )),
    crate::field!(Teacher, "school", Text, "学校", "school", |t| Value::Text(
        &t.school
    )),
    crate::field!(Teacher, "stage", Enum(Stage), "学段", "stage", |t| {
        Value::Text(t.stage.as_str())
    }),
    crate::field!(
        Teacher,
        "full_time",
        Bool,
        "专任教师",
        "full-time",
        |t| Value::Bool(t.full_time)
    ),
    crate::field!(Teacher, "year", Int, "年度", "year", |t| val::year(
        t.year
    )),
];
