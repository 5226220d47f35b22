//! Rule packs: data files, one per source document, each rule quoting its clause, with typed
//! parameters and effective dates. Checks are a closed set of typed kinds: a pack never runs code.

mod builtin;
mod check;
mod error;
mod fraction;
mod load;
mod params;

#[cfg(feature = "toml")]
pub use builtin::builtin_source;
pub(crate) use builtin::with_params as builtin_with_params;
pub use builtin::{builtin, builtin_ids, builtin_packs, find_rule};
pub use check::*;
pub use error::{CheckError, PackError, PackErrorKind, ThresholdError};
pub(crate) use fraction::threshold_error;
pub use fraction::{cmp_products, Fraction};
#[cfg(feature = "toml")]
pub use load::parse_toml_table;

use crate::finding::{Severity, Text};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The source document a pack transcribes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Document number, e.g. `京教函〔2024〕51号`.
    pub document: String,
    /// Full title.
    pub title: String,
    /// Issuing authority.
    pub issuer: String,
    /// Date of the document (成文日期); the pack is in force from it unless `effective_from` says otherwise.
    pub date: NaiveDate,
    /// Publication date, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// The seed file in `shared/seeds/` this pack was transcribed from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// Notes on reading the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `date` is a placeholder, not the document's date (the source prints none): every place
    /// that shows the date marks it as such.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_placeholder: bool,
}

impl Source {
    /// The date as cited: marked when it is a placeholder, so it is never read as the source's.
    pub fn date_cited(&self) -> String {
        if self.date_placeholder {
            format!("{} (placeholder: the source prints no date)", self.date)
        } else {
            self.date.to_string()
        }
    }
}

/// Rule-specific words used to build messages: what is counted, its unit, the period, the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    /// What is measured, e.g. `高职学校牵头召开的双方专题业务沟通会`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_zh: Option<String>,
    /// e.g. `joint meetings led by the higher school`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric_en: Option<String>,
    /// Unit, e.g. `次`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_zh: Option<String>,
    /// Unit, e.g. `meeting(s)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_en: Option<String>,
    /// Period, e.g. `每学期`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_zh: Option<String>,
    /// Period, e.g. `per semester`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_en: Option<String>,
    /// Unit of a ratio's denominator, e.g. `人`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator_unit_zh: Option<String>,
    /// Unit of a ratio's denominator, e.g. `teacher(s)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator_unit_en: Option<String>,
    /// Remedy with `{n}` (and, for ratios, `{m}`: the alternative change), e.g. `还需召开{n}次`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy_zh: Option<String>,
    /// Remedy with `{n}`, e.g. `{n} more {meeting|meetings} needed` (`{one|many}` picks by `n`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy_en: Option<String>,
}

/// One checkable rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id `<pack>/<slug>` (a public contract).
    pub id: String,
    /// Short title in Chinese.
    pub title_zh: String,
    /// Short title in English.
    pub title_en: String,
    /// Where the rule stands in its source, e.g. `三(二)`.
    pub clause: String,
    /// The original text of the clause.
    pub quote: String,
    /// Severity, from the modality of the text.
    pub severity: Severity,
    /// How the clause is read, where that needed a decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation: Option<String>,
    /// First day in force, when later than the document's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
    /// Last day in force, if repealed or time-limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<NaiveDate>,
    /// Parameters the source leaves unset: the user must give them (`--param id.name=value`);
    /// until then the rule is reported unchecked. (A value written in the pack itself does not
    /// count: a parameter the pack can set is not required.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_params: Vec<String>,
    /// Why each required parameter is needed, shown when it is missing,
    /// e.g. `class_size = { zh = "来源文件未规定班额", en = "the source sets none" }`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub param_notes: std::collections::BTreeMap<String, Text>,
    /// Words for messages.
    #[serde(default)]
    pub wording: Wording,
    /// What is checked (all must pass).
    pub checks: Vec<Check>,
}

/// A named, dated set of rules from one source document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Pack id, e.g. `bj-3p2-2024`.
    pub id: String,
    /// Pack version, bumped when its rules change.
    pub version: String,
    /// Title in Chinese.
    pub title_zh: String,
    /// Title in English.
    pub title_en: String,
    /// The source document.
    pub source: Source,
    /// The rules.
    pub rules: Vec<Rule>,
}

impl Rule {
    /// First day in force, given the pack's source date.
    pub fn starts(&self, pack: &Pack) -> NaiveDate {
        self.effective_from.unwrap_or(pack.source.date)
    }
    /// Whether the rule is in force at any time during `year`.
    pub fn in_force_in(&self, pack: &Pack, year: i32) -> bool {
        let starts_by =
            self.starts(pack) <= NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
        let not_ended = self
            .effective_until
            .is_none_or(|u| u >= NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN));
        starts_by && not_ended
    }
    /// Title in both languages.
    pub fn title(&self) -> Text {
        Text::new(&self.title_zh, &self.title_en)
    }
}
