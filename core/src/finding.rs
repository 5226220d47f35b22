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
        let (name, size) = (entity.as_str(), entity.as_str().len() + 24);
        let path = match field {
            Some(f) => sized(size + f.len(), format_args!("{name}[{index}].{f}")),
            None => sized(size, format_args!("{name}[{index}]")),
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

/// Text written in one allocation of about `size` bytes. `format!` starts small and grows its
/// buffer as it writes (four times for a path such as `status_reports[12345].transferred`, more
/// for a long project label), and a national check writes several texts per finding.
pub(crate) fn sized(size: usize, text: std::fmt::Arguments<'_>) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(size);
    let _ = s.write_fmt(text);
    s
}

/// A named number or value used to reach the verdict.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct NamedValue {
    /// Field or quantity name.
    pub name: String,
    /// Its value, exact (decimals as written, never rounded).
    pub value: String,
}

/// Why: the inputs, the computed value, the threshold and the clause. Rendered from a finding's
/// data on the way out ([`Finding::explanation`]).
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

pub use code::FindingCode;
pub use detail::{Detail, FieldRef, FlagChoice, IntakeCause, Notation, Period, Values};
pub use inputs::Inputs;
pub use presence::{Literal, RunCondition, RunWords, YearValue};
pub use reason::Reason;

mod code;
mod detail;
mod inputs;
mod presence;
mod reason;

/// What a finding needs of its rule to be rendered: id, citation and the pack's nouns. Shared by
/// every finding of the rule (one reference count each, no strings per finding).
#[derive(Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable rule id, e.g. `bj-3p2-2024/semester-meetings`.
    pub id: String,
    /// Document number, e.g. `京教函〔2024〕51号`.
    pub document: String,
    /// The clause within it.
    pub clause: String,
    /// The clause's original text.
    pub quote: String,
    /// The pack's nouns and units for this rule.
    pub wording: crate::rules::Wording,
}

/// One rule's verdict on one record: plain data. Every sentence is written by the message
/// catalogue (`crate::messages`) when it is asked for ([`Finding::message`], [`Finding::remedy`],
/// [`Finding::explanation`]) or serialized; checking never writes prose.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// The rule, with what rendering needs of it.
    pub rule: std::sync::Arc<RuleInfo>,
    /// Severity.
    pub severity: Severity,
    /// What went wrong.
    pub code: FindingCode,
    /// Who it is about.
    pub subject: Subject,
    /// Where in the input; more than one when several places share the blame (duplicate ranks).
    pub locations: Vec<Location>,
    /// The period the record belongs to (a semester, a year), shown before the message.
    pub period: Option<Period>,
    /// The values used, by field name, exact.
    pub inputs: Inputs,
    /// The exact values behind the verdict, typed by what was found.
    pub detail: Detail,
}

impl Finding {
    /// The rule's id, e.g. `bj-3p2-2024/semester-meetings`.
    pub fn rule_id(&self) -> &str {
        &self.rule.id
    }
    /// The first location's path (empty when the finding concerns the whole dataset).
    pub fn path(&self) -> &str {
        self.locations.first().map_or("", |l| l.path.as_str())
    }
    /// The message, Chinese and English.
    pub fn message(&self) -> Text {
        crate::messages::message(self)
    }
    /// The smallest change that passes, where computable.
    pub fn remedy(&self) -> Option<Text> {
        crate::messages::remedy(self)
    }
    /// The numbers used, the computed value, the threshold and the clause.
    pub fn explanation(&self) -> Explanation {
        crate::messages::explanation(self)
    }
}

/// A finding as serialized: its data and, rendered on the way out, its words.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Finding")]
struct FindingJson<'a> {
    /// Stable rule id, e.g. `bj-3p2-2024/semester-meetings`.
    rule_id: &'a str,
    /// Severity.
    severity: Severity,
    /// What went wrong.
    code: FindingCode,
    /// Who it is about.
    subject: &'a Subject,
    /// Where in the input; more than one when several places share the blame (duplicate ranks).
    locations: &'a [Location],
    /// The period the record belongs to, where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<Period>,
    /// The exact values behind the verdict, typed by `shape`.
    detail: &'a Detail,
    /// Message, Chinese and English.
    message: Text,
    /// Numbers used, computed value, threshold, clause.
    explanation: Explanation,
    /// The smallest change that passes, where computable.
    #[serde(skip_serializing_if = "Option::is_none")]
    remedy: Option<Text>,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FindingJson {
            rule_id: self.rule_id(),
            severity: self.severity,
            code: self.code,
            subject: &self.subject,
            locations: &self.locations,
            period: self.period.clone(),
            detail: &self.detail,
            message: self.message(),
            explanation: self.explanation(),
            remedy: self.remedy(),
        }
        .serialize(s)
    }
}

impl JsonSchema for Finding {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Finding".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        FindingJson::json_schema(g)
    }
}
