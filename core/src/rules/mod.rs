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
    #[serde(deserialize_with = "crate::input::dates::date")]
    pub date: NaiveDate,
    /// Publication date, where it differs.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_date"
    )]
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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_date"
    )]
    pub effective_from: Option<NaiveDate>,
    /// Last day in force, if repealed or time-limited.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_date"
    )]
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
    /// The first day of the records the rule judges, when earlier than its first day in force:
    /// a filing campaign collects data of the period before it (the 2024 campaign asks for the
    /// monitoring done by the end of 2023), so its rules judge records of that period.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_date"
    )]
    pub judges_from: Option<NaiveDate>,
    /// The field (a date or a year) that places a record in time for this rule, where the
    /// record's own period is not the one the clause speaks of: an obligation arising at intake
    /// judges students by `term_start` (an intake before the rule is not judged), while a rule
    /// on graduation judges them over their years of study (their own period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_field: Option<String>,
    /// The campaign (of the pack's `campaigns`) the rule belongs to: it judges only data of the
    /// reporting year that selects that campaign; a later year's data is unchecked unless the
    /// user gives the rule's deadline (`at`) as a parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// Words for messages.
    #[serde(default)]
    pub wording: Wording,
    /// What is checked (all must pass).
    // Shared, not copied, when a pack is cloned: a checker takes its own copy of each built-in
    // pack, and a copy of every check kind's fields is some 11 KB of the WebAssembly checking
    // module.
    pub checks: std::sync::Arc<[Check]>,
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
    /// Where the notice binds: its rules judge only records whose schools lie there. Every
    /// built-in pack declares one; a user's pack without it applies wherever it is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Last day the pack is in force, where its text sets one (a plan for 2022—2025 ends on
    /// 2025-12-31); a rule's own `effective_until` comes first.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_date"
    )]
    pub effective_until: Option<NaiveDate>,
    /// The filing campaigns the notice runs, each selected by the dataset's reporting year;
    /// rules tied to one (`campaign`) judge only that campaign's data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub campaigns: Vec<Campaign>,
    /// The rules.
    pub rules: Vec<Rule>,
}

/// Where a notice binds: the whole country, or one administrative division.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// `national`, or a GB/T 2260 code without its zero padding: `11` Beijing, `3308` Quzhou,
    /// `1501` Hohhot, `110108` one district. A record is in the region when one of its schools'
    /// `district` codes starts with it.
    pub code: String,
    /// Name in Chinese, e.g. `北京市`.
    pub zh: String,
    /// Name in English, e.g. `Beijing`.
    pub en: String,
}

impl Region {
    /// The code that means the whole country.
    pub const NATIONAL: &'static str = "national";

    /// True for a pack that binds the whole country (reference data, national standards).
    pub fn is_national(&self) -> bool {
        self.code == Self::NATIONAL
    }

    /// Whether `code` is `national` or a well-formed short GB/T 2260 code: 2, 4 or 6 digits,
    /// without trailing `00` pairs (`110000` is written `11`). A code the embedded division
    /// table lacks is refused too, when the table is loaded.
    pub fn code_ok(code: &str) -> bool {
        if code == Self::NATIONAL {
            return true;
        }
        let shape = matches!(code.len(), 2 | 4 | 6)
            && code.bytes().all(|b| b.is_ascii_digit())
            && !code.ends_with("00");
        let loaded = !crate::reference::divisions::divisions().is_empty();
        shape && (!loaded || crate::reference::divisions::division(code).is_some())
    }

    /// Name in both languages.
    pub fn name(&self) -> Text {
        Text::new(&self.zh, &self.en)
    }
}

/// One filing campaign of a notice (a 填报 round): the reporting year that selects it, the
/// period its data covers, and when it closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// Id, named by the rules tied to it, e.g. `2024`.
    pub id: String,
    /// The dataset reporting year that selects this campaign.
    pub reporting_year: i32,
    /// First day of the period the campaign reports on.
    #[serde(deserialize_with = "crate::input::dates::date")]
    pub reports_from: NaiveDate,
    /// Last day of the period the campaign reports on.
    #[serde(deserialize_with = "crate::input::dates::date")]
    pub reports_until: NaiveDate,
    /// When uploads close, e.g. `2024-02-27T17:00:00+08:00`; absent while the notice leaves it
    /// to a later announcement (另行通知).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::input::dates::opt_timestamp"
    )]
    pub closes: Option<crate::model::Timestamp>,
    /// What the campaign covers, in Chinese (e.g. `2023年新增立项和通过质量监测的447个项目`).
    pub scope_zh: String,
    /// What the campaign covers, in English.
    pub scope_en: String,
}

impl Rule {
    /// First day in force, given the pack's source date.
    pub fn starts(&self, pack: &Pack) -> NaiveDate {
        self.effective_from.unwrap_or(pack.source.date)
    }
    /// Last day in force: the rule's own end, else its pack's, if either is set.
    pub fn ends(&self, pack: &Pack) -> Option<NaiveDate> {
        self.effective_until.or(pack.effective_until)
    }
    /// Whether the rule is in force at any time during `year`.
    pub fn in_force_in(&self, pack: &Pack, year: i32) -> bool {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
        self.in_force_during(pack, first, last)
    }
    /// Whether the rule is in force on some day from `first` to `last` (both included): the
    /// test a record's own period must pass to be judged by it.
    pub fn in_force_during(&self, pack: &Pack, first: NaiveDate, last: NaiveDate) -> bool {
        self.starts(pack) <= last && self.ends(pack).is_none_or(|u| u >= first)
    }
    /// The campaign the rule belongs to, if any.
    pub fn campaign<'p>(&self, pack: &'p Pack) -> Option<&'p Campaign> {
        let id = self.campaign.as_deref()?;
        pack.campaigns.iter().find(|c| c.id == id)
    }
    /// Title in both languages.
    pub fn title(&self) -> Text {
        Text::new(&self.title_zh, &self.title_en)
    }
}
