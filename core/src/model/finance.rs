//! Money passed from the higher school to the secondary school and its higher-stage campus in the
//! Quzhou pilot (衢州 实施细则 四; 实施意见 二(二)5), one record per pair of schools and school year.

use super::fields::{val, FieldDef, Value};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 经费结算: what the higher school collected or received, and what it passed on, in CNY.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FinanceSettlement {
    /// The higher school that collects (高职院校).
    pub higher_school: String,
    /// The secondary school running the higher-stage campus (中职学校 / 高职校区).
    pub school: String,
    /// The school year, by its starting calendar year (2024 = 2024–2025).
    pub year: i32,
    /// 高职阶段学费 collected by the higher school.
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub tuition_collected: Option<Decimal>,
    /// Of it, passed on to the secondary school (拨付给中职学校).
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub tuition_passed_on: Option<Decimal>,
    /// 代管费及住宿费等 collected by the higher school.
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub fees_collected: Option<Decimal>,
    /// Of them, paid to the higher-stage campus (支付给高职校区).
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub fees_passed_on: Option<Decimal>,
    /// 生均财政拨款标准 per student, CNY.
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub appropriation_per_student: Option<Decimal>,
    /// Students the appropriation is counted for (按学生数计算).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appropriation_students: Option<u32>,
    /// Appropriation paid to the higher-stage campus.
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub appropriation_paid: Option<Decimal>,
    /// Higher-stage funding the local finance paid the higher school for the year (属地财政拨付给高职院校),
    /// owed at the appropriation standard × students.
    #[serde(
        default,
        with = "super::exact",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<String>")]
    pub appropriation_received: Option<Decimal>,
}

/// Fields of [`FinanceSettlement`] that packs may name.
pub static FINANCE_SETTLEMENT_FIELDS: &[FieldDef<FinanceSettlement>] = &[
    crate::field!(
        FinanceSettlement,
        "higher_school",
        Text,
        "高职院校",
        "higher school",
        |f| Value::Text(&f.higher_school)
    ),
    crate::field!(
        FinanceSettlement,
        "school",
        Text,
        "中职学校",
        "secondary school",
        |f| Value::Text(&f.school)
    ),
    crate::field!(
        FinanceSettlement,
        "year",
        Int,
        "学年",
        "school year",
        |f| Value::Int(f.year.into())
    ),
    crate::field!(
        FinanceSettlement,
        "tuition_collected",
        Dec,
        "高职阶段学费收取",
        "higher-stage tuition collected",
        |f| val::dec(f.tuition_collected)
    ),
    crate::field!(
        FinanceSettlement,
        "tuition_passed_on",
        Dec,
        "拨付中职学校学费",
        "tuition passed on to the secondary school",
        |f| val::dec(f.tuition_passed_on)
    ),
    crate::field!(
        FinanceSettlement,
        "fees_collected",
        Dec,
        "代管费及住宿费收取",
        "custodial and accommodation fees collected",
        |f| val::dec(f.fees_collected)
    ),
    crate::field!(
        FinanceSettlement,
        "fees_passed_on",
        Dec,
        "支付高职校区代管费及住宿费",
        "custodial and accommodation fees passed on",
        |f| val::dec(f.fees_passed_on)
    ),
    crate::field!(
        FinanceSettlement,
        "appropriation_per_student",
        Dec,
        "生均财政拨款标准",
        "per-student appropriation",
        |f| val::dec(f.appropriation_per_student)
    ),
    crate::field!(
        FinanceSettlement,
        "appropriation_students",
        Int,
        "拨款计算学生数",
        "students counted for the appropriation",
        |f| val::count(f.appropriation_students)
    ),
    crate::field!(
        FinanceSettlement,
        "appropriation_paid",
        Dec,
        "支付高职校区生均财政拨款",
        "appropriation paid to the campus",
        |f| val::dec(f.appropriation_paid)
    ),
    crate::field!(
        FinanceSettlement,
        "appropriation_received",
        Dec,
        "属地财政拨付高职院校经费",
        "funding the local finance paid the higher school",
        |f| val::dec(f.appropriation_received)
    ),
];
