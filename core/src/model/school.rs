//! Schools and their governance for articulation work (京教函〔2024〕51号 三(一)).

use super::common::{SchoolLevel, Timestamp};
use super::fields::{val, FieldDef, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A secondary or higher vocational school.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct School {
    /// Identifier used by the other entities of the dataset.
    pub id: String,
    /// Official name.
    pub name: String,
    /// Kind of school.
    pub level: SchoolLevel,
    /// County-level division code (GB/T 2260), e.g. `110114`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Unified social credit code (统一社会信用代码, GB 32100-2015).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uscc: Option<String>,
    /// MoE school code (学校标识码), 10 digits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moe_code: Option<String>,
    /// National key secondary vocational school (国家级重点中等职业学校).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_key: Option<bool>,
    /// Independently established (独立设置) higher vocational school.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub independent: Option<bool>,
    /// Leading group, responsible office and contact person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governance: Option<Governance>,
}

/// 衔接办学工作领导小组, responsible office and contact person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// The leading group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leading_group: Option<LeadingGroup>,
    /// Office responsible for articulation work (专门机构).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible_office: Option<String>,
    /// The one contact person (专项工作联系人).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// The leading group and who heads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct LeadingGroup {
    /// Name of the head.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// Role of the head: `principal` (校长), `party_secretary` (党委书记) are principal leaders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_role: Option<HeadRole>,
}

crate::labelled_enum! {
    /// Post of the head of the leading group. The principal (校长, 院长) and the party secretary (党委书记) are the principal school leaders (主要校领导).
    pub enum HeadRole {
        Principal = "principal" {
            zh: "校长",
            en: "principal",
            also: ["院长", "学校校长", "校长(院长)"],
        },
        PartySecretary = "party_secretary" {
            zh: "党委书记",
            en: "party secretary",
            also: ["书记", "学校党委书记", "党总支书记", "党支部书记"],
        },
        VicePrincipal = "vice_principal" {
            zh: "副校长",
            en: "vice principal",
            also: ["副院长", "常务副校长", "常务副院长"],
        },
        DeputyPartySecretary = "deputy_party_secretary" {
            zh: "党委副书记",
            en: "deputy party secretary",
            also: ["副书记"],
        },
        Other = "other" {
            zh: "其他职务",
            en: "another post",
            also: ["其他"],
        },
    }
}

/// The contact person reported to the commission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Telephone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// When the contact information was reported.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_timestamp"
    )]
    pub reported_at: Option<Timestamp>,
}

impl School {
    fn gov(&self) -> Option<&Governance> {
        self.governance.as_ref()
    }
    fn contact(&self) -> Option<&Contact> {
        self.gov().and_then(|g| g.contact.as_ref())
    }
    fn group(&self) -> Option<&LeadingGroup> {
        self.gov().and_then(|g| g.leading_group.as_ref())
    }
}

/// Fields of [`School`] that packs may name.
pub static SCHOOL_FIELDS: &[FieldDef<School>] = &[
    crate::field!(School, "id", Text, "学校编号", "school id", |s| {
        Value::Text(&s.id)
    }),
    crate::field!(School, "name", Text, "学校名称", "school name", |s| {
        Value::Text(&s.name)
    }),
    crate::field!(
        School,
        "level",
        Enum(SchoolLevel),
        "学校类型",
        "level",
        |s| Value::Text(s.level.as_str())
    ),
    crate::field!(
        School,
        "district",
        Text,
        "所在区县代码",
        "district code",
        |s| val::text(s.district.as_deref())
    ),
    crate::field!(
        School,
        "uscc",
        Text,
        "统一社会信用代码",
        "unified social credit code",
        |s| val::text(s.uscc.as_deref())
    ),
    crate::field!(
        School,
        "moe_code",
        Text,
        "学校标识码",
        "MoE school code",
        |s| val::text(s.moe_code.as_deref())
    ),
    crate::field!(
        School,
        "national_key",
        Bool,
        "国家级重点",
        "national key school",
        |s| val::flag(s.national_key)
    ),
    crate::field!(
        School,
        "independent",
        Bool,
        "独立设置",
        "independently established",
        |s| val::flag(s.independent)
    ),
    crate::field!(
        School,
        "governance.leading_group.head",
        Text,
        "领导小组组长",
        "head of the leading group",
        |s| val::text(s.group().and_then(|g| g.head.as_deref()))
    ),
    crate::field!(
        School,
        "governance.leading_group.head_role",
        Enum(HeadRole),
        "领导小组组长职务",
        "role of the leading group's head",
        |s| val::text(s.group().and_then(|g| g.head_role).map(HeadRole::as_str))
    ),
    crate::field!(
        School,
        "governance.responsible_office",
        Text,
        "负责机构",
        "responsible office",
        |s| val::text(s.gov().and_then(|g| g.responsible_office.as_deref()))
    ),
    crate::field!(
        School,
        "governance.contact.name",
        Text,
        "联系人姓名",
        "contact person",
        |s| val::text(s.contact().and_then(|c| c.name.as_deref()))
    ),
    crate::field!(
        School,
        "governance.contact.phone",
        Text,
        "联系人电话",
        "contact phone",
        |s| val::text(s.contact().and_then(|c| c.phone.as_deref()))
    ),
    crate::field!(
        School,
        "governance.contact.email",
        Text,
        "联系人邮箱",
        "contact e-mail",
        |s| val::text(s.contact().and_then(|c| c.email.as_deref()))
    ),
    crate::field!(
        School,
        "governance.contact.reported_at",
        Time,
        "联系人信息反馈时间",
        "contact report time",
        |s| val::time(s.contact().and_then(|c| c.reported_at))
    ),
];
