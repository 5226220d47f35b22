//! Findings: one rule's verdict on one record, located, explained, with a remedy where computable.

use crate::model::{EntityKind, Subject};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How much a finding matters. Follows the modality of the source text (RULES.md).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// 须 / 必须 / 不得 / 应 / 达到 / 不低于: blocks a submission.
    Error,
    /// 一般 / 原则上 / 力争: the authority may approve exceptions.
    Warning,
    /// A region-wide goal: reported as progress, never blocks a form.
    Target,
}

impl Severity {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Target => "target",
        }
    }
    /// Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Error => "错误",
            Self::Warning => "警告",
            Self::Target => "目标",
        }
    }
}

/// Text in both languages, Chinese first.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, Default,
)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a text.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }
    /// The text in `lang` (`zh` or `en`).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 中文
    #[default]
    Zh,
    /// English
    En,
}

/// A cell of a workbook or CSV file, for findings on tabular input.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct Cell {
    /// Sheet name (the file name for CSV).
    pub sheet: String,
    /// Row, 1-based as shown by spreadsheet programs.
    pub row: u32,
    /// Column letter(s), e.g. `D`.
    pub column: String,
}

/// Where in the input: a record, and a field of it where one is to blame.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct Location {
    /// Path a form can highlight, e.g. `semester_activities[12].meetings`.
    pub path: String,
    /// The collection.
    pub entity: EntityKind,
    /// Index of the record in its collection (0-based).
    pub index: usize,
    /// The field, if one is to blame.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The cell, when the input was a workbook or CSV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<Cell>,
}

impl Location {
    /// A record, or one field of it.
    pub fn new(entity: EntityKind, index: usize, field: Option<&str>) -> Self {
        let path = match field {
            Some(f) => format!("{}[{index}].{f}", entity.as_str()),
            None => format!("{}[{index}]", entity.as_str()),
        };
        Location {
            path,
            entity,
            index,
            field: field.map(str::to_string),
            cell: None,
        }
    }
}

/// A named number or value used to reach the verdict.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct NamedValue {
    /// Field or quantity name.
    pub name: String,
    /// Its value, exact (decimals as written, never rounded).
    pub value: String,
}

/// Why: the inputs, the computed value, the threshold and the clause.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, Default,
)]
pub struct Explanation {
    /// Inputs used.
    pub inputs: Vec<NamedValue>,
    /// The computed value (exact fraction and decimal where a division was made).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub computed: Option<String>,
    /// The threshold it was compared with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// Document number and clause, e.g. `京教函〔2024〕51号 三(二)`.
    pub clause: String,
    /// The clause's original text.
    pub quote: String,
}

/// Stable code of what went wrong, for filtering (like pydantic's error `type`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingCode {
    /// A value below its minimum.
    BelowMinimum,
    /// A value above its maximum.
    AboveMaximum,
    /// A value the rule needs is absent.
    Missing,
    /// Text present but not meaningful (too short or a placeholder such as 无).
    Placeholder,
    /// Text of the wrong form (e.g. not a PDF file name).
    WrongFormat,
    /// Not among the allowed values.
    NotAllowed,
    /// A ratio's denominator is zero.
    ZeroDenominator,
    /// Later than a deadline.
    Late,
    /// Too many records in a group.
    TooMany,
    /// Too few records in a group.
    TooFew,
    /// Ranks not 1..n each once.
    BadRanking,
    /// A record of the wrong kind in a role.
    WrongRole,
    /// Two values that must agree do not.
    Mismatch,
    /// Two facts that must not hold together do.
    Excluded,
    /// A companion record is absent (e.g. a project without its status report).
    Absent,
    /// A reference to a record that does not exist.
    UnknownReference,
    /// Two records share one identifier.
    DuplicateId,
    /// One value exceeds another it may not exceed.
    Exceeds,
    /// A condition held for too many consecutive years.
    Consecutive,
    /// A target's progress (not an error).
    Progress,
    /// A code that fails its format or check character.
    InvalidCode,
}

/// One rule's verdict on one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// Stable rule id, e.g. `bj-3p2-2024/semester-meetings`.
    pub rule_id: String,
    /// Severity.
    pub severity: Severity,
    /// What went wrong.
    pub code: FindingCode,
    /// Who it is about.
    pub subject: Subject,
    /// Where in the input; more than one when several places share the blame (duplicate ranks).
    pub locations: Vec<Location>,
    /// Message, Chinese and English.
    pub message: Text,
    /// Numbers used, computed value, threshold, clause.
    pub explanation: Explanation,
    /// The smallest change that passes, where computable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy: Option<Text>,
}

impl Finding {
    /// The first location's path (empty when the finding concerns the whole dataset).
    pub fn path(&self) -> &str {
        self.locations.first().map_or("", |l| l.path.as_str())
    }
}
