//! Typed pack errors: what is wrong, as data (serialized with a `type` tag and typed fields), and
//! one place where each kind is put into words, English (`Display`) and both languages
//! ([`PackError::message`]). No error here names a command-line flag: the CLI adds its own.

use crate::finding::Text;
use crate::input::InputIssue;
use crate::model::{EntityKind, ValueKind};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;
use std::fmt;

/// A pack could not be loaded or a parameter could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct PackError {
    /// File name, `builtin:<id>`, `pack <id>` or `parameter <key>`.
    pub origin: String,
    /// Line (1-based) where known.
    pub line: Option<usize>,
    /// Column (1-based) where known.
    pub column: Option<usize>,
    /// Where in the pack, e.g. `rules[3] (bj-3p2-2024/semester-meetings).checks[0]`.
    pub loc: String,
    /// What is wrong (boxed: an error is rare, and a `Result` carrying it stays small).
    pub kind: Box<PackErrorKind>,
}

impl PackError {
    /// An error of `origin`, not located further.
    pub fn new(origin: impl Into<String>, kind: PackErrorKind) -> Self {
        PackError {
            origin: origin.into(),
            line: None,
            column: None,
            loc: String::new(),
            kind: Box::new(kind),
        }
    }
    /// The same, at `loc`.
    pub fn at(mut self, loc: impl Into<String>) -> Self {
        self.loc = loc.into();
        self
    }
    /// What is wrong, in both languages (without origin and place).
    pub fn message(&self) -> Text {
        self.kind.message()
    }
    /// The wire name of the error's kind, e.g. `unknown_pack`.
    pub fn type_name(&self) -> &'static str {
        self.kind.type_name()
    }
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, ":{l}:{c}")?;
        }
        if !self.loc.is_empty() {
            write!(f, " at {}", self.loc)?;
        }
        write!(f, ": {}", self.kind)
    }
}

/// The wire form of [`PackError`]: place, the kind's `type` and typed fields, and the message
/// (`message` English as before, `msg_zh` and `msg_en` as input issues carry them).
#[derive(Serialize, JsonSchema)]
#[schemars(
    rename = "PackError",
    description = "A pack could not be loaded or a parameter could not be applied: where, the kind of error (`type`) with its typed fields, and the message."
)]
struct Wire<'a> {
    /// File name, `builtin:<id>`, `pack <id>` or `parameter <key>`.
    origin: &'a str,
    /// Line (1-based) where known.
    line: Option<usize>,
    /// Column (1-based) where known.
    column: Option<usize>,
    /// Where in the pack, e.g. `rules[3] (bj-3p2-2024/semester-meetings).checks[0]`.
    loc: &'a str,
    #[serde(flatten)]
    kind: &'a PackErrorKind,
    /// What is wrong, in English (the same as `msg_en`; kept for earlier callers).
    message: String,
    /// What is wrong, in Chinese.
    msg_zh: String,
    /// What is wrong, in English.
    msg_en: String,
}

impl Serialize for PackError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.message();
        Wire {
            origin: &self.origin,
            line: self.line,
            column: self.column,
            loc: &self.loc,
            kind: &self.kind,
            message: self.kind.to_string(),
            msg_zh: m.zh,
            msg_en: m.en,
        }
        .serialize(s)
    }
}

impl JsonSchema for PackError {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PackError".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Wire::json_schema(g)
    }
}

/// What is wrong with a pack or a parameter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum PackErrorKind {
    /// The pack text could not be read (TOML syntax, a missing or unknown key, a value of the
    /// wrong type); `detail` is the reader's account.
    #[error("{detail}")]
    Syntax {
        /// The reader's account.
        detail: String,
    },
    /// The pack in its JSON form could not be read: the problems, as for a dataset.
    #[error("{}", issues_en(errors))]
    Input {
        /// The problems.
        errors: Vec<InputIssue>,
    },
    /// A check could not be read or does not fit the data model.
    #[error("{error}")]
    Check {
        /// What is wrong with it.
        error: CheckError,
    },
    /// The pack id is not lower-case letters, digits and `-`.
    #[error("pack id {id:?} must be lower-case letters, digits and '-'")]
    PackId {
        /// The id given.
        id: String,
    },
    /// A rule id is not `<pack id>/<slug>`.
    #[error("rule id {id:?} must be `{pack}/<slug>` (lower-case, digits, '-')")]
    RuleId {
        /// The id given.
        id: String,
        /// The pack's id.
        pack: String,
    },
    /// Two rules with one id, in one pack (`first` = `second`) or in two.
    #[error("{}", duplicate_rule_en(id, first, second))]
    DuplicateRuleId {
        /// The rule id.
        id: String,
        /// The pack giving it first.
        first: String,
        /// The pack giving it again.
        second: String,
    },
    /// Two user packs with one id.
    #[error("pack id {id:?} is given by two packs")]
    DuplicatePackId {
        /// The pack id.
        id: String,
    },
    /// A user pack takes a built-in pack's id.
    #[error("pack id {id:?} is the built-in pack {id:?}'s; give your pack an id of its own")]
    ReservedPackId {
        /// The pack id.
        id: String,
    },
    /// A user rule takes a built-in rule's id (of built-in pack `pack`, or a data-integrity rule
    /// when `pack` is absent).
    #[error("{}", reserved_rule_en(id, pack.as_deref()))]
    ReservedRuleId {
        /// The rule id.
        id: String,
        /// The built-in pack owning it; absent for a data-integrity rule.
        pack: Option<String>,
    },
    /// A rule without checks.
    #[error("a rule needs at least one check")]
    NoChecks,
    /// A rule without its clause or quote.
    #[error("a rule must quote its clause (`clause` and `quote`)")]
    NoQuote,
    /// First day in force after the last.
    #[error("effective_from {from} is after effective_until {until}")]
    EffectiveDates {
        /// `effective_from`.
        from: NaiveDate,
        /// `effective_until`.
        until: NaiveDate,
    },
    /// No built-in pack has this id.
    #[error("unknown pack {id:?}; built-in packs: {}", known.join(", "))]
    UnknownPack {
        /// The id given.
        id: String,
        /// The built-in pack ids.
        known: Vec<String>,
    },
    /// A parameter key is not `<rule id>.<name>` naming a rule of the packs in use.
    #[error("parameter {key:?}: expected `<rule id>.<name>` naming a rule of the packs in use")]
    UnknownRule {
        /// The key given.
        key: String,
    },
    /// A parameter names a rule but no parameter of it.
    #[error("rule {rule} has no parameter `{name}`")]
    UnknownParam {
        /// The rule id.
        rule: String,
        /// The parameter name.
        name: String,
    },
    /// A parameter's value does not fit the check it is written into.
    #[error("cannot use {value:?}: {error}")]
    ParamValue {
        /// The parameter, `<rule id>.<name>`.
        key: String,
        /// The value given.
        value: String,
        /// What is wrong with the check so changed.
        error: CheckError,
    },
    /// A pack's region is not `national` nor a GB/T 2260 code without its zero padding.
    #[error("region {code:?} must be `national` or a GB/T 2260 division code without its zero padding (`11`, `3308`, `110108`)")]
    Region {
        /// The code given.
        code: String,
    },
    /// A rule names a campaign its pack does not declare, or two campaigns share a reporting
    /// year (the reporting year selects the campaign, so it must select one).
    #[error(
        "campaign {id:?} is not declared once in the pack's `campaigns` (one per reporting year)"
    )]
    Campaign {
        /// The campaign's id.
        id: String,
    },
}

/// What is wrong with one check of a pack: it cannot be read, or its parameters do not fit the
/// data model. The loader adds where (`PackError`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CheckError {
    /// A check is not a table.
    #[error("expected a check (a table with `kind`), found {found}")]
    NotATable {
        /// What was found, as JSON.
        found: String,
    },
    /// `kind` is not text.
    #[error("`kind` must be text, found {found}")]
    KindNotText {
        /// What was found, as JSON.
        found: String,
    },
    /// `kind` is absent.
    #[error("a check needs `kind`")]
    MissingKind,
    /// No such check kind.
    #[error("unknown check kind `{kind}`; known kinds: {}", known.join(", "))]
    UnknownKind {
        /// The kind given.
        kind: String,
        /// Every kind.
        known: Vec<String>,
    },
    /// A parameter of a check of a known kind could not be read; `detail` is the reader's account.
    #[error("{}", param_en(kind, at, detail))]
    Param {
        /// The check's kind.
        kind: String,
        /// Where in the check, e.g. `min` (empty for the check itself).
        at: String,
        /// The reader's account.
        detail: String,
    },
    /// A threshold of a check of a known kind is not an exact number it can keep.
    #[error("{}", param_en(kind, at, &error.to_string()))]
    Threshold {
        /// The check's kind.
        kind: String,
        /// Where in the check, e.g. `min`.
        at: String,
        /// What is wrong with the number.
        error: ThresholdError,
    },
    /// The entity has no such field.
    #[error("{} has no field `{field}`; known fields: {}", entity.as_str(), known.join(", "))]
    UnknownField {
        /// The entity.
        entity: EntityKind,
        /// The field named.
        field: String,
        /// Its fields.
        known: Vec<String>,
    },
    /// The field is of a type the check cannot use.
    #[error("field `{}.{field}` is {}, this check needs {}", entity.as_str(), found.name(), kinds_en(wanted))]
    FieldKind {
        /// The entity.
        entity: EntityKind,
        /// The field.
        field: String,
        /// Its type.
        found: ValueKind,
        /// The types the check can use.
        wanted: Vec<ValueKind>,
    },
    /// A list parameter is empty.
    #[error("`{param}` is empty")]
    Empty {
        /// The parameter.
        param: String,
    },
    /// None of these parameters is given; at least one is needed.
    #[error("needs {}", or_en(params))]
    NeedsOneOf {
        /// The parameters.
        params: Vec<String>,
    },
    /// Not exactly one of these parameters is given.
    #[error("needs exactly one of {}", or_en(params))]
    ExactlyOneOf {
        /// The parameters.
        params: Vec<String>,
    },
    /// More than one of these parameters is given; they exclude each other.
    #[error("give {}, not both", or_en(params))]
    AtMostOneOf {
        /// The parameters.
        params: Vec<String>,
    },
    /// A number outside its range.
    #[error("{}", range_en(param, found, min.as_deref(), max.as_deref()))]
    OutOfRange {
        /// The parameter.
        param: String,
        /// The value given.
        found: String,
        /// Least allowed value, if any.
        min: Option<String>,
        /// Greatest allowed value, if any.
        max: Option<String>,
    },
    /// A number that must be a whole number of at least 1.
    #[error("`{param}` must be a whole number ≥ 1, found {found}")]
    NotWholeNumber {
        /// The parameter.
        param: String,
        /// The value given.
        found: String,
    },
    /// A number that must be above zero.
    #[error("`{param}` must be positive")]
    NotPositive {
        /// The parameter.
        param: String,
    },
    /// A school flag the model does not have.
    #[error("unknown school flag `{flag}`; known: {}", known.join(", "))]
    UnknownFlag {
        /// The flag named.
        flag: String,
        /// The flags known.
        known: Vec<String>,
    },
    /// A filter without a condition.
    #[error("filter on `{field}` needs `equals`, `in` or `present`")]
    FilterCondition {
        /// The filtered field.
        field: String,
    },
    /// A filter value of the wrong type for its field.
    #[error("filter value {value} does not fit field `{field}` ({})", wanted.name())]
    FilterValue {
        /// The filtered field.
        field: String,
        /// The value given, as JSON.
        value: String,
        /// The field's type.
        wanted: ValueKind,
    },
    /// A list of labels not as long as the list of values it labels.
    #[error("`{field}`: one_of_zh names {labels} values, one_of has {values}")]
    LabelCount {
        /// The field.
        field: String,
        /// Number of labels (`one_of_zh`).
        labels: usize,
        /// Number of values (`one_of`).
        values: usize,
    },
    /// Two values that must differ are the same.
    #[error("`{param}` needs two different values, found {value:?} twice")]
    SameValues {
        /// The parameter.
        param: String,
        /// The value given twice.
        value: String,
    },
    /// A target's measure lacks its parameters: one of the sets in `needs` is required.
    #[error("`{measure}` needs {}", needs.iter().map(|s| and_en(s)).collect::<Vec<_>>().join(" or "))]
    MeasureNeeds {
        /// The measure.
        measure: String,
        /// The sets of parameters, any one of which would do.
        needs: Vec<Vec<String>>,
    },
    /// A target's measure given parameters belonging to another.
    #[error("`{measure}` takes no {}", or_en(params))]
    MeasureForbids {
        /// The measure.
        measure: String,
        /// The parameters it does not take.
        params: Vec<String>,
    },
}

/// A threshold (`"15"`, `"6.5"`, `"60%"`, `"1/3"`) that is not an exact, non-negative number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ThresholdError {
    /// Not a number in any of the accepted forms.
    #[error(
        "expected an exact number such as \"15\", \"6.5\", \"60%\" or \"1/3\", found {found:?}"
    )]
    NotANumber {
        /// The text given (abbreviated when long).
        found: String,
    },
    /// More digits than an exact decimal keeps: it would be rounded.
    #[error("{found:?} has more digits than an exact decimal keeps (28 significant); it would be rounded")]
    TooPrecise {
        /// The text given (abbreviated when long).
        found: String,
    },
    /// A fraction whose denominator is not above zero.
    #[error("denominator must be positive in {found:?}")]
    Denominator {
        /// The text given (abbreviated when long).
        found: String,
    },
    /// A negative number.
    #[error("thresholds are non-negative, found {found:?}")]
    Negative {
        /// The text given (abbreviated when long).
        found: String,
    },
    /// A binary floating-point number (TOML `0.1`, JSON `0.1`): not exact.
    #[error("{found} is a binary float; write thresholds as strings so they stay exact, e.g. \"{found}\"")]
    Float {
        /// The number given.
        found: String,
    },
}

impl ThresholdError {
    /// The wire name (`type`), e.g. `not_a_number`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::NotANumber { .. } => "not_a_number",
            Self::TooPrecise { .. } => "too_precise",
            Self::Denominator { .. } => "denominator",
            Self::Negative { .. } => "negative",
            Self::Float { .. } => "float",
        }
    }

    /// What is wrong, Chinese first, then English: the catalogue of threshold errors.
    pub fn message(&self) -> Text {
        let zh = match self {
            Self::NotANumber { found } => {
                format!("应为精确数值,如“15”“6.5”“60%”或“1/3”,实际为“{found}”")
            }
            Self::TooPrecise { found } => {
                format!("“{found}”的有效数字超过精确小数能保存的28位,将被舍入,不予接受")
            }
            Self::Denominator { found } => format!("“{found}”的分母应大于0"),
            Self::Negative { found } => format!("阈值不能为负数,实际为“{found}”"),
            Self::Float { found } => {
                format!("{found}是二进制浮点数,不精确;请把阈值写成带引号的文本,如\"{found}\"")
            }
        };
        Text::new(zh, self.to_string())
    }
}

impl CheckError {
    /// The field of `entity` named `field`, which does not exist.
    pub(crate) fn unknown_field(entity: EntityKind, field: &str) -> Self {
        CheckError::UnknownField {
            entity,
            field: field.to_string(),
            known: entity
                .field_names()
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    }
    /// Names `xs` as owned strings (for the list fields above).
    pub(crate) fn names(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }
}

fn quoted(xs: &[String]) -> Vec<String> {
    xs.iter().map(|x| format!("`{x}`")).collect()
}
fn or_en(xs: &[String]) -> String {
    quoted(xs).join(" or ")
}
fn and_en(xs: &[String]) -> String {
    quoted(xs).join(" and ")
}
fn or_zh(xs: &[String]) -> String {
    quoted(xs).join("或")
}
fn and_zh(xs: &[String]) -> String {
    quoted(xs).join("和")
}
fn kinds_en(ks: &[ValueKind]) -> String {
    ks.iter().map(|k| k.name()).collect::<Vec<_>>().join(" or ")
}
fn kinds_zh(ks: &[ValueKind]) -> String {
    ks.iter()
        .map(|k| kind_zh(*k))
        .collect::<Vec<_>>()
        .join("或")
}
/// Chinese name of a field type.
fn kind_zh(k: ValueKind) -> &'static str {
    match k {
        ValueKind::Int => "整数",
        ValueKind::Dec => "小数",
        ValueKind::Text => "文本",
        ValueKind::Time => "时间",
        ValueKind::Date => "日期",
        ValueKind::Bool => "是否",
    }
}
fn issues_en(errors: &[InputIssue]) -> String {
    errors
        .iter()
        .map(|i| match i.loc.as_str() {
            "" => i.msg_en.clone(),
            at => format!("{at}: {}", i.msg_en),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
fn issues_zh(errors: &[InputIssue]) -> String {
    errors
        .iter()
        .map(|i| match i.loc.as_str() {
            "" => i.msg_zh.clone(),
            at => format!("{at}:{}", i.msg_zh),
        })
        .collect::<Vec<_>>()
        .join(";")
}
fn reserved_rule_en(id: &str, pack: Option<&str>) -> String {
    match pack {
        Some(p) => format!(
            "rule id {id:?} is the built-in pack {p:?}'s rule {id:?}; give your rule an id of its own"
        ),
        None => format!("rule id {id:?} is a built-in data-integrity rule's"),
    }
}
fn duplicate_rule_en(id: &str, first: &str, second: &str) -> String {
    if first == second {
        format!("duplicate rule id {id}")
    } else {
        format!("rule id {id:?} is given twice (in pack {first:?} and in pack {second:?})")
    }
}
fn param_en(kind: &str, at: &str, detail: &str) -> String {
    match at {
        "" => format!("check of kind `{kind}`: {detail}"),
        _ => format!("check of kind `{kind}`, at `{at}`: {detail}"),
    }
}
fn range_en(param: &str, found: &str, min: Option<&str>, max: Option<&str>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("`{param}` must be between {a} and {b}, found {found}"),
        (Some(a), None) => format!("`{param}` must be at least {a}, found {found}"),
        (None, Some(b)) => format!("`{param}` cannot exceed {b}, found {found}"),
        (None, None) => format!("`{param}` is out of range, found {found}"),
    }
}

impl From<crate::input::InputError> for PackErrorKind {
    fn from(e: crate::input::InputError) -> Self {
        PackErrorKind::Input { errors: e.errors }
    }
}

impl PackErrorKind {
    /// The wire name (`type`), e.g. `unknown_pack`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Syntax { .. } => "syntax",
            Self::Input { .. } => "input",
            Self::Check { .. } => "check",
            Self::PackId { .. } => "pack_id",
            Self::RuleId { .. } => "rule_id",
            Self::DuplicateRuleId { .. } => "duplicate_rule_id",
            Self::DuplicatePackId { .. } => "duplicate_pack_id",
            Self::ReservedPackId { .. } => "reserved_pack_id",
            Self::ReservedRuleId { .. } => "reserved_rule_id",
            Self::NoChecks => "no_checks",
            Self::NoQuote => "no_quote",
            Self::EffectiveDates { .. } => "effective_dates",
            Self::UnknownPack { .. } => "unknown_pack",
            Self::UnknownRule { .. } => "unknown_rule",
            Self::UnknownParam { .. } => "unknown_param",
            Self::ParamValue { .. } => "param_value",
            Self::Region { .. } => "region",
            Self::Campaign { .. } => "campaign",
        }
    }

    /// What is wrong, Chinese first, then English: the catalogue of pack errors.
    pub fn message(&self) -> Text {
        let en = self.to_string();
        let zh = match self {
            Self::Syntax { detail } => format!("规则包无法读取:{detail}"),
            Self::Input { errors } => format!("规则包无法读取:{}", issues_zh(errors)),
            Self::Check { error } => error.message().zh,
            Self::PackId { id } => {
                format!("规则包标识“{id}”只能由小写字母、数字和“-”组成")
            }
            Self::RuleId { id, pack } => {
                format!("规则标识“{id}”应为“{pack}/<名称>”形式(名称由小写字母、数字和“-”组成)")
            }
            Self::DuplicateRuleId { id, first, second } if first == second => {
                format!("规则标识“{id}”在规则包“{first}”中重复")
            }
            Self::DuplicateRuleId { id, first, second } => {
                format!("规则标识“{id}”在规则包“{first}”和“{second}”中重复")
            }
            Self::DuplicatePackId { id } => format!("两个规则包使用了同一标识“{id}”"),
            Self::ReservedPackId { id } => {
                format!("规则包标识“{id}”已被内置规则包使用,请另取标识")
            }
            Self::ReservedRuleId { id, pack: Some(p) } => {
                format!("规则标识“{id}”已被内置规则包“{p}”使用,请另取标识")
            }
            Self::ReservedRuleId { id, pack: None } => {
                format!("规则标识“{id}”已被内置数据完整性规则使用,请另取标识")
            }
            Self::NoChecks => "每条规则至少需要一项检查".into(),
            Self::NoQuote => "每条规则须注明条款并引用原文(`clause`和`quote`)".into(),
            Self::EffectiveDates { from, until } => format!(
                "生效日期{}晚于失效日期{}",
                crate::messages::numbers::date_zh(*from),
                crate::messages::numbers::date_zh(*until)
            ),
            Self::UnknownPack { id, known } => {
                format!(
                    "没有标识为“{id}”的内置规则包;内置规则包:{}",
                    known.join("、")
                )
            }
            Self::UnknownRule { key } => {
                format!("参数“{key}”应为“<规则标识>.<参数名>”,且规则须属于所用规则包")
            }
            Self::UnknownParam { rule, name } => {
                format!("规则{rule}没有参数`{name}`")
            }
            Self::ParamValue { value, error, .. } => {
                format!("参数值“{value}”不可用:{}", error.message().zh)
            }
            Self::Region { code } => format!(
                "适用地区“{code}”应为`national`(全国)或去掉末尾补零的GB/T 2260行政区划代码(如`11`、`3308`、`110108`)"
            ),
            Self::Campaign { id } => format!(
                "填报批次“{id}”须在规则包的`campaigns`中声明且只声明一次(每个报告年度一个批次)"
            ),
        };
        Text::new(zh, en)
    }
}

impl CheckError {
    /// The wire name (`type`), e.g. `field_kind`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::NotATable { .. } => "not_a_table",
            Self::KindNotText { .. } => "kind_not_text",
            Self::MissingKind => "missing_kind",
            Self::UnknownKind { .. } => "unknown_kind",
            Self::Param { .. } => "param",
            Self::Threshold { .. } => "threshold",
            Self::UnknownField { .. } => "unknown_field",
            Self::FieldKind { .. } => "field_kind",
            Self::Empty { .. } => "empty",
            Self::NeedsOneOf { .. } => "needs_one_of",
            Self::ExactlyOneOf { .. } => "exactly_one_of",
            Self::AtMostOneOf { .. } => "at_most_one_of",
            Self::OutOfRange { .. } => "out_of_range",
            Self::NotWholeNumber { .. } => "not_whole_number",
            Self::NotPositive { .. } => "not_positive",
            Self::UnknownFlag { .. } => "unknown_flag",
            Self::FilterCondition { .. } => "filter_condition",
            Self::FilterValue { .. } => "filter_value",
            Self::LabelCount { .. } => "label_count",
            Self::SameValues { .. } => "same_values",
            Self::MeasureNeeds { .. } => "measure_needs",
            Self::MeasureForbids { .. } => "measure_forbids",
        }
    }

    /// What is wrong, Chinese first, then English: the catalogue of check errors.
    pub fn message(&self) -> Text {
        let en = self.to_string();
        let zh = match self {
            Self::NotATable { found } => format!("检查项应为含`kind`的表,实际为{found}"),
            Self::KindNotText { found } => format!("`kind`应为文本,实际为{found}"),
            Self::MissingKind => "检查项缺少`kind`".into(),
            Self::UnknownKind { kind, known } => {
                format!("没有“{kind}”这种检查;可用的检查:{}", known.join("、"))
            }
            Self::Param { kind, at, detail } if at.is_empty() => {
                format!("`{kind}`检查的参数无法读取:{detail}")
            }
            Self::Param { kind, at, detail } => {
                format!("`{kind}`检查的参数`{at}`无法读取:{detail}")
            }
            Self::Threshold { kind, at, error } => {
                format!("`{kind}`检查的参数`{at}`:{}", error.message().zh)
            }
            Self::UnknownField {
                entity,
                field,
                known,
            } => format!(
                "{}没有字段`{field}`;可用字段:{}",
                entity.zh(),
                known.join("、")
            ),
            Self::FieldKind {
                entity,
                field,
                found,
                wanted,
            } => format!(
                "{}的字段`{field}`是{},此检查需要{}",
                entity.zh(),
                kind_zh(*found),
                kinds_zh(wanted)
            ),
            Self::Empty { param } => format!("`{param}`不能为空"),
            Self::NeedsOneOf { params } => format!("需要给出{}", or_zh(params)),
            Self::ExactlyOneOf { params } => format!("{}须给出且只给出一项", or_zh(params)),
            Self::AtMostOneOf { params } => format!("{}只能给出一项", and_zh(params)),
            Self::OutOfRange {
                param,
                found,
                min,
                max,
            } => match (min, max) {
                (Some(a), Some(b)) => format!("`{param}`应在{a}到{b}之间,实际为{found}"),
                (Some(a), None) => format!("`{param}`应不小于{a},实际为{found}"),
                (None, Some(b)) => format!("`{param}`不能超过{b},实际为{found}"),
                (None, None) => format!("`{param}`超出范围,实际为{found}"),
            },
            Self::NotWholeNumber { param, found } => {
                format!("`{param}`应为不小于1的整数,实际为{found}")
            }
            Self::NotPositive { param } => format!("`{param}`应大于0"),
            Self::UnknownFlag { flag, known } => {
                format!("没有学校标志`{flag}`;可用标志:{}", known.join("、"))
            }
            Self::FilterCondition { field } => {
                format!("对`{field}`的筛选需要`equals`、`in`或`present`")
            }
            Self::FilterValue {
                field,
                value,
                wanted,
            } => format!(
                "筛选值{value}与字段`{field}`的类型({})不符",
                kind_zh(*wanted)
            ),
            Self::LabelCount {
                field,
                labels,
                values,
            } => format!(
                "`{field}`:one_of_zh列出{labels}个中文名称,one_of有{values}个取值,数目应相同"
            ),
            Self::SameValues { param, value } => {
                format!("`{param}`需要两个不同的值,“{value}”出现了两次")
            }
            Self::MeasureNeeds { measure, needs } => format!(
                "`{measure}`需要{}",
                needs
                    .iter()
                    .map(|s| and_zh(s))
                    .collect::<Vec<_>>()
                    .join("或")
            ),
            Self::MeasureForbids { measure, params } => {
                format!("`{measure}`不接受{}", or_zh(params))
            }
        };
        Text::new(zh, en)
    }
}
