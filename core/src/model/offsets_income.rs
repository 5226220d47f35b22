//! Money flows some rules bound: enterprise investment and surcharge offsets (京教职成〔2020〕7号 四),
//! schools' social-service income and the performance pay drawn from it (京教职成〔2024〕11号 18).

use super::fields::{val, FieldDef, Value};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An enterprise's investment in running vocational education in one year, and the
/// education-surcharge offset it claims (教育费附加和地方教育附加抵免), in yuan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseOffset {
    /// Enterprise name.
    pub enterprise: String,
    /// Unified social credit code (统一社会信用代码).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uscc: Option<String>,
    /// Year.
    pub year: i32,
    /// Investment in vocational education (投资额).
    #[serde(
        default,
        deserialize_with = "super::exact::loose",
        skip_serializing_if = "Option::is_none"
    )]
    pub investment: Option<Decimal>,
    /// Education surcharge and local education surcharge owed that year (当年应缴).
    #[serde(
        default,
        deserialize_with = "super::exact::loose",
        skip_serializing_if = "Option::is_none"
    )]
    pub surcharges_owed: Option<Decimal>,
    /// Offset claimed (抵免额).
    #[serde(
        default,
        deserialize_with = "super::exact::loose",
        skip_serializing_if = "Option::is_none"
    )]
    pub offset_claimed: Option<Decimal>,
}

/// Fields of [`EnterpriseOffset`] that packs may name.
pub static ENTERPRISE_OFFSET_FIELDS: &[FieldDef<EnterpriseOffset>] = &[
    crate::field!(
        EnterpriseOffset,
        "enterprise",
        Text,
        "企业",
        "enterprise",
        |e| Value::Text(&e.enterprise)
    ),
    crate::field!(
        EnterpriseOffset,
        "uscc",
        Text,
        "统一社会信用代码",
        "unified social credit code",
        |e| val::text(e.uscc.as_deref())
    ),
    crate::field!(EnterpriseOffset, "year", Int, "年度", "year", |e| {
        Value::Int(e.year.into())
    }),
    crate::field!(
        EnterpriseOffset,
        "investment",
        Dec,
        "投资额",
        "investment",
        |e| val::dec(e.investment)
    ),
    crate::field!(
        EnterpriseOffset,
        "surcharges_owed",
        Dec,
        "当年应缴教育费附加和地方教育附加",
        "education surcharges owed that year",
        |e| val::dec(e.surcharges_owed)
    ),
    crate::field!(
        EnterpriseOffset,
        "offset_claimed",
        Dec,
        "抵免额",
        "offset claimed",
        |e| val::dec(e.offset_claimed)
    ),
];

/// A school's social-service income in one year and the performance pay drawn from it, in yuan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SocialServiceIncome {
    /// The school's id.
    pub school: String,
    /// Year.
    pub year: i32,
    /// Social-service income (社会服务收入).
    #[serde(
        default,
        deserialize_with = "super::exact::loose",
        skip_serializing_if = "Option::is_none"
    )]
    pub income: Option<Decimal>,
    /// Necessary costs deducted (必要成本).
    #[serde(
        default,
        deserialize_with = "super::exact::loose",
        skip_serializing_if = "Option::is_none"
    )]
    pub necessary_costs: Option<Decimal>,
    /// Drawn as a source of performance pay (提取作为绩效工资来源).
    #[serde(
        default,
        deserialize_with = "super::exact::loose",
        skip_serializing_if = "Option::is_none"
    )]
    pub performance_pay: Option<Decimal>,
    /// Whether the school passed its assessment for the year (经考核合格): the 70% ceiling
    /// applies to such schools only; absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment_passed: Option<bool>,
}

impl SocialServiceIncome {
    /// Net income: income − necessary costs (净收入); absent unless both are given.
    pub fn net_income(&self) -> Option<Decimal> {
        self.income?.checked_sub(self.necessary_costs?)
    }
}

/// Fields of [`SocialServiceIncome`] that packs may name.
pub static SOCIAL_SERVICE_INCOME_FIELDS: &[FieldDef<SocialServiceIncome>] = &[
    crate::field!(
        SocialServiceIncome,
        "school",
        Text,
        "学校",
        "school",
        |s| Value::Text(&s.school)
    ),
    crate::field!(SocialServiceIncome, "year", Int, "年度", "year", |s| {
        Value::Int(s.year.into())
    }),
    crate::field!(
        SocialServiceIncome,
        "income",
        Dec,
        "社会服务收入",
        "social-service income",
        |s| val::dec(s.income)
    ),
    crate::field!(
        SocialServiceIncome,
        "necessary_costs",
        Dec,
        "必要成本",
        "necessary costs",
        |s| val::dec(s.necessary_costs)
    ),
    crate::field!(
        SocialServiceIncome,
        "net_income",
        Dec,
        "净收入",
        "net income",
        |s| val::dec(s.net_income())
    ),
    crate::field!(
        SocialServiceIncome,
        "performance_pay",
        Dec,
        "提取的绩效工资",
        "performance pay drawn",
        |s| val::dec(s.performance_pay)
    ),
    crate::field!(
        SocialServiceIncome,
        "assessment_passed",
        Bool,
        "考核合格",
        "passed the assessment",
        |s| val::flag(s.assessment_passed)
    ),
];
