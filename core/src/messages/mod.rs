//! The message catalogue: every sentence users read about a finding or a rule's status, in
//! Chinese (`zh.rs`) and English (`en.rs`), one template per [`Detail`] variant and language.
//! Checks produce data ([`Finding`]); words are made here, when asked for, from the finding's
//! values, the pack's nouns and units ([`Wording`]) and the field labels of the model. Numbers go
//! through one formatter ([`numbers`]).
//!
//! A translator reads `zh.rs` and `en.rs`; nothing else in `checks/` writes a sentence (a test
//! fails on any Chinese string literal there).

pub(crate) mod numbers;
mod progress;
pub(crate) mod relations;

mod en;
mod presence;
mod zh;

use crate::finding::{Detail, Explanation, Finding, FindingCode, Lang, NamedValue, Reason, Text};
use crate::rules::Wording;
pub(crate) use progress::{progress, Progress, Reached};
use rust_decimal::Decimal;

/// The built-in integrity rules: id, Chinese title, English title.
pub(crate) const INTEGRITY_RULES: &[(&str, &str, &str)] = &[
    ("data/duplicate-id", "编号重复", "duplicate identifier"),
    (
        "data/duplicate-period",
        "同一项目同一期间的记录重复",
        "two records for one project and period",
    ),
    (
        "data/unknown-reference",
        "引用的记录不存在",
        "reference to a record that does not exist",
    ),
];

/// What integrity findings cite in place of a document.
pub(crate) const INTEGRITY_DOCUMENT: &str = "数据完整性";

/// The integrity rule, in words.
pub(crate) const INTEGRITY_QUOTE: &str =
    "每条记录的编号唯一,同一项目同一年度(学期)只有一条记录,引用的学校和项目须存在于数据中";

/// What a duplicate repeats (`data/duplicate-id`, `data/duplicate-period`), in Chinese and English,
/// and its value: the id, or the project and the period (the record's subject id, `P1 2020`).
fn repeated(f: &Finding) -> (&'static str, &'static str, &str) {
    use crate::model::EntityKind as K;
    match (&f.detail, f.locations.first().map(|l| l.entity)) {
        (Detail::DuplicateId { id, .. }, _) => ("编号", "id", id),
        (_, Some(K::Cohorts)) => ("项目和入学年份", "project and entry year", &f.subject.id),
        (_, Some(K::StatusReports)) => (
            "项目和报告年度",
            "project and reporting year",
            &f.subject.id,
        ),
        _ => ("项目和学期", "project and semester", &f.subject.id),
    }
}

/// The message of a finding.
pub(crate) fn message(f: &Finding) -> Text {
    let n = Nouns::of(f);
    Text::new(zh::message(f, &n), capitalize(&plural(&en::message(f, &n))))
}

/// The message of a finding in one language, the other not rendered (a findings table asks for
/// one language over many rows).
#[cfg(feature = "arrow")]
pub(crate) fn message_in(f: &Finding, lang: Lang) -> String {
    let n = Nouns::of(f);
    match lang {
        Lang::Zh => zh::message(f, &n),
        Lang::En => capitalize(&plural(&en::message(f, &n))),
    }
}

/// The remedy of a finding: the pack's own wording with `{n}` (and `{m}`) filled in when it gives
/// one and the finding has a count, else the catalogue's.
pub(crate) fn remedy(f: &Finding) -> Option<Text> {
    Some(Text::new(remedy_in(f, Lang::Zh)?, remedy_in(f, Lang::En)?))
}

/// [`remedy`] in one language, the other not rendered.
pub(crate) fn remedy_in(f: &Finding, lang: Lang) -> Option<String> {
    let n = Nouns::of(f);
    let w = &f.rule.wording;
    if let (Some(z), Some(e), Some((need, other))) = (&w.remedy_zh, &w.remedy_en, counts(f)) {
        let t = match lang {
            Lang::Zh => z,
            Lang::En => e,
        };
        let t = match other {
            Some(m) => t.replace("{m}", &numbers::amount(m, n.den_unit.0)),
            // No other way to pass (no denominator at all): drop the part naming {m}.
            None => drop_alternative(t),
        };
        let t = t.replace("{n}", &numbers::amount(need, n.unit.0));
        return Some(match lang {
            Lang::Zh => t,
            Lang::En => capitalize(&plural(&t)),
        });
    }
    match lang {
        Lang::Zh => zh::remedy(f, &n),
        Lang::En => en::remedy(f, &n).map(|e| capitalize(&plural(&e))),
    }
}

/// The explanation of a finding: its inputs, the computed value, the bound and the clause.
pub(crate) fn explanation(f: &Finding) -> Explanation {
    let r = &f.rule;
    Explanation {
        inputs: f
            .inputs
            .iter()
            .map(|(name, value)| NamedValue {
                name: name.to_string(),
                value: value.to_string(),
            })
            .collect(),
        computed: computed(f),
        threshold: threshold(f),
        clause: citation(&r.document, &r.clause),
        quote: r.quote.clone(),
    }
}

/// The citation: document and clause. A pack drawing on several documents (`教职成〔2021〕2号;
/// GB 32100-2015; GB/T 2260`) names the one each rule rests on in its clause, so the clause
/// stands alone there; a clause that already starts with its document is not prefixed twice.
pub(crate) fn citation(document: &str, clause: &str) -> String {
    let clause = clause.trim();
    if clause.is_empty() {
        return document.to_string();
    }
    let several = document
        .split([';', ';'])
        .filter(|d| !d.trim().is_empty())
        .count()
        > 1;
    if several || clause.starts_with(document.trim()) {
        clause.to_string()
    } else {
        format!("{document} {clause}")
    }
}

/// Why a check did not run, in both languages.
pub(crate) fn reason(r: &Reason) -> Text {
    Text::new(zh::reason(r), capitalize(&en::reason(r)))
}

/// Several reasons, one after the other.
pub(crate) fn reasons(rs: &[Reason]) -> Text {
    let zh: Vec<String> = rs.iter().map(zh::reason).collect();
    let en: Vec<String> = rs.iter().map(en::reason).collect();
    Text::new(zh.join(";"), capitalize(&en.join("; ")))
}

/// Reasons already rendered, joined as [`reasons`] joins them (for the statuses of a rule whose
/// checks ran on different machines, each with its reason): `；`/`; `, capital first.
pub(crate) fn join_reasons(texts: &[Text]) -> Text {
    let zh: Vec<&str> = texts.iter().map(|t| t.zh.as_str()).collect();
    let en: Vec<String> = texts
        .iter()
        .map(|t| {
            let mut c = t.en.chars();
            match c.next() {
                Some(f) if f.is_ascii_uppercase() => {
                    f.to_ascii_lowercase().to_string() + c.as_str()
                }
                _ => t.en.clone(),
            }
        })
        .collect();
    Text::new(zh.join(";"), capitalize(&en.join("; ")))
}

/// The count in a remedy (`{n}`) and the other way to pass (`{m}`), for details that have them.
fn counts(f: &Finding) -> Option<(Decimal, Option<Decimal>)> {
    match &f.detail {
        Detail::Bound { need, .. } => Some((*need, None)),
        Detail::Ratio { need, or_less, .. } => Some((*need, *or_less)),
        Detail::ZeroDenominator { need, .. } => need.map(|n| (n, None)),
        // @presence-time
        // A run of years: the class size (or bound) a year must reach, for "{n}".
        Detail::Consecutive { condition, .. } => Some((condition.bound().approx(), None)),
        Detail::Unequal {
            want: crate::finding::Literal::Number(d),
            ..
        } => Some((*d, None)),
        // @groups-relations
        Detail::GroupCount { need, .. } => Some((*need, None)),
        Detail::AnyOf { held, min, .. } => Some((Decimal::from(min.saturating_sub(*held)), None)),
        // @reference-money
        Detail::PassThrough {
            paid: Some(_),
            short,
            ..
        } => Some((*short, None)),
        Detail::Cap { over, .. } => Some((*over, None)),
        _ => None,
    }
}

/// The computed value, in notation (not prose): `599999.99/1000000 = 59.999999%`.
fn computed(f: &Finding) -> Option<String> {
    match &f.detail {
        Detail::Ratio {
            num,
            den,
            bound,
            notation,
            ..
        } => {
            let pct = *notation == crate::finding::Notation::Percent;
            let q = numbers::quotient(*num, *den, bound, pct)?;
            Some(format!(
                "{}/{} = {q}{}",
                num.normalize(),
                den.normalize(),
                if pct { "%" } else { "" }
            ))
        }
        Detail::ZeroDenominator { num, den, .. } => Some(format!(
            "{}/{} = undefined",
            num.normalize(),
            den.normalize()
        )),
        // @presence-time
        Detail::Deadline {
            at: Some(at),
            deadline,
            ..
        } => Some(format!("late by {} s", (*at - *deadline).num_seconds())),
        Detail::DueWithin {
            base,
            months,
            days,
            end,
            moved_from,
            ..
        } => {
            // ISO 8601 duration: P1M, P10D, P1M3D.
            let mut d = "P".to_string();
            if *months > 0 {
                d.push_str(&format!("{months}M"));
            }
            if *days > 0 {
                d.push_str(&format!("{days}D"));
            }
            Some(match moved_from {
                // The calendar day, then the day it moved to off the rest days.
                Some(m) => format!("{base} + {d} = {m} → {end} (next working day)"),
                None => format!("{base} + {d} = {end}"),
            })
        }
        Detail::Consecutive {
            field,
            series,
            condition,
            ..
        } => {
            let first = series.first().map_or(0, |y| y.year);
            let last = series.last().map_or(first, |y| y.year);
            Some(format!(
                "{} consecutive years ({first}–{last}) with {}",
                series.len(),
                run_condition(field.name(), condition)
            ))
        }
        // @groups-relations
        Detail::GroupCount { count, .. } => Some(format!("count = {count}")),
        Detail::AnyOf { held, .. } => Some(format!("held = {held}")),
        // @reference-money
        Detail::CategoryMismatch {
            secondary,
            higher,
            parallel,
            ..
        } => Some(format!(
            "category {} − 20 = {parallel} ≠ {}",
            secondary.category_code, higher.category_code
        )),
        Detail::Exceeds {
            value, limit_value, ..
        } => Some(format!(
            "{} − {} = {}",
            value.normalize(),
            limit_value.normalize(),
            // Checked: a difference too large for a decimal is shown as such, never a panic.
            value
                .checked_sub(*limit_value)
                .map_or("overflow".to_string(), |d| d.normalize().to_string())
        )),
        Detail::PassThrough {
            share,
            owed,
            required,
            ..
        } => Some(format!(
            "required = {} × {} = {}",
            share.map_or("100%".to_string(), |s| s.to_string()),
            owed.normalize(),
            required.normalize()
        )),
        Detail::Cap { limit, limits, .. } => {
            let terms: Vec<String> = limits
                .iter()
                .map(|l| match &l.share {
                    Some(s) => format!("{s} × {}", l.base.normalize()),
                    None => l.base.normalize().to_string(),
                })
                .collect();
            Some(if terms.len() > 1 {
                format!("limit = min({}) = {}", terms.join(", "), limit.normalize())
            } else {
                format!("limit = {} = {}", terms.join(""), limit.normalize())
            })
        }
        _ => None,
    }
}

/// The bound compared with, in notation: `minimum = 2`, `maximum = 18`.
fn threshold(f: &Finding) -> Option<String> {
    let side = match f.code {
        FindingCode::BelowMinimum => "minimum",
        FindingCode::AboveMaximum => "maximum",
        _ => "bound",
    };
    match &f.detail {
        Detail::Bound { bound, .. } | Detail::Ratio { bound, .. } => {
            Some(format!("{side} = {bound}"))
        }
        // @presence-time
        Detail::TooShort { min, .. } => Some(format!("min_chars = {min}")),
        Detail::Deadline { deadline, .. } => Some(format!("deadline = {}", deadline.to_rfc3339())),
        Detail::DueWithin { field, end, .. } => Some(format!("{} ≤ {end}", field.name())),
        Detail::Consecutive {
            field,
            condition,
            years,
            ..
        } => Some(format!(
            "{} for {years} consecutive years",
            run_condition(field.name(), condition)
        )),
        Detail::Unequal { field, want, .. } => Some(format!(
            "{} = {}",
            field.name(),
            match want {
                crate::finding::Literal::Bool(b) => b.to_string(),
                crate::finding::Literal::Number(d) => d.normalize().to_string(),
                crate::finding::Literal::Text(t) => t.clone(),
            }
        )),
        // @groups-relations
        Detail::GroupCount { bound, .. } => Some(if f.code == FindingCode::TooFew {
            format!("minimum = {bound}")
        } else {
            format!("maximum = {bound}")
        }),
        Detail::Ranking {
            ranks, unranked, ..
        } => Some(format!("ranks = 1..{}", ranks.len() as u64 + unranked)),
        Detail::Exclusion { values, .. } => {
            Some(format!("not both {} and {}", values[0], values[1]))
        }
        Detail::RoleLevel { allowed, .. } => {
            let a: Vec<&str> = allowed.iter().map(|l| l.as_str()).collect();
            Some(format!("levels = {}", a.join(" | ")))
        }
        Detail::RoleFlag { flag, .. } => Some(format!("{} = true", flag.name())),
        Detail::Implies {
            if_true, then_true, ..
        } => Some(format!("{} ⇒ {}", if_true.name(), then_true.name())),
        Detail::AnyOf { min, of, .. } => Some(format!("at least {min} of {of}")),
        // @reference-money
        Detail::BadCode { scheme, .. } => Some(format!("scheme = {}", scheme.as_str())),
        Detail::MajorName { catalogue, .. } => Some(format!("catalogue name = {catalogue}")),
        Detail::CategoryMismatch { .. } => {
            Some("secondary category = higher category + 20".to_string())
        }
        Detail::Exceeds { field, limit, .. } => {
            Some(format!("{} ≤ {}", field.name(), limit.name()))
        }
        Detail::PassThrough {
            owed_field,
            paid_field,
            share,
            ..
        } => Some(format!(
            "{} ≥ {} × {}",
            paid_field.name(),
            share.map_or("100%".to_string(), |s| s.to_string()),
            owed_field.name()
        )),
        Detail::Cap { field, limits, .. } => {
            let terms: Vec<String> = limits
                .iter()
                .map(|l| match &l.share {
                    Some(s) => format!("{s} × {}", l.of.name()),
                    None => l.of.name().to_string(),
                })
                .collect();
            Some(format!("{} ≤ min({})", field.name(), terms.join(", ")))
        }
        _ => None,
    }
}

/// A run's condition in notation: `intake < class_size = 30`, `intake ≤ 0`.
fn run_condition(field: &str, c: &crate::finding::RunCondition) -> String {
    match c {
        crate::finding::RunCondition::BelowClass { size } => {
            format!("{field} < class_size = {size}")
        }
        crate::finding::RunCondition::AtMost { bound } => format!("{field} ≤ {bound}"),
    }
}

/// The pack's nouns for a finding, each (Chinese, English), empty when the pack gives none.
pub(crate) struct Nouns<'a> {
    /// What is measured (生师比 / student–teacher ratio), when the pack names it.
    pub metric: (Option<&'a str>, Option<&'a str>),
    /// The unit of the value or numerator (次 / meetings).
    pub unit: (&'a str, &'a str),
    /// The unit of a denominator.
    pub den_unit: (&'a str, &'a str),
    /// The period a bound is per (每学期 / per semester).
    pub per: (&'a str, &'a str),
}

impl<'a> Nouns<'a> {
    fn of(f: &'a Finding) -> Self {
        let w: &'a Wording = &f.rule.wording;
        Nouns {
            metric: (w.metric_zh.as_deref(), w.metric_en.as_deref()),
            unit: (
                w.unit_zh.as_deref().unwrap_or(""),
                w.unit_en.as_deref().unwrap_or(""),
            ),
            den_unit: (
                w.denominator_unit_zh.as_deref().unwrap_or(""),
                w.denominator_unit_en.as_deref().unwrap_or(""),
            ),
            per: (
                w.per_zh.as_deref().unwrap_or(""),
                w.per_en.as_deref().unwrap_or(""),
            ),
        }
    }
    /// The metric in Chinese, or `fallback`.
    pub fn metric_zh(&self, fallback: &'a str) -> &'a str {
        self.metric.0.unwrap_or(fallback)
    }
    /// The metric in English, or `fallback`.
    pub fn metric_en(&self, fallback: &'a str) -> &'a str {
        self.metric.1.unwrap_or(fallback)
    }
}

/// `s` with its first character upper-cased.
pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_ascii_lowercase() => f.to_ascii_uppercase().to_string() + c.as_str(),
        _ => s.to_string(),
    }
}

/// Chooses `{one|many}` alternatives in an English wording by the number written last before
/// each: `"1 more {meeting|meetings} (or 2 fewer {student|students})"` →
/// `1 more meeting (or 2 fewer students)`.
pub(crate) fn plural(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        let inner = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        match inner.split_once('|') {
            Some((a, b)) => out.push_str(if last_number_is_one(&out) { a } else { b }),
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Whether the last number in `s` is exactly 1 (`1`, `1.00` is not a count of one thing).
fn last_number_is_one(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| !c.is_ascii_digit());
    let start = t
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(0, |i| i + 1);
    &t[start..] == "1"
}

/// Removes a bracketed part that contains `{m}` ("还需配备11名专任教师(或减少{m}名学生)").
fn drop_alternative(t: &str) -> String {
    let Some(at) = t.find("{m}") else {
        return t.to_string();
    };
    let open = t[..at].rfind(['(', '(']);
    let close = t[at..].find([')', ')']).map(|i| {
        let rest = &t[at + i..];
        at + i + rest.chars().next().map_or(1, char::len_utf8)
    });
    match (open, close) {
        (Some(o), Some(c)) => format!("{}{}", t[..o].trim_end(), &t[c..]),
        _ => t.replace("{m}", "—"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_picks_by_count() {
        let s = "{meeting|meetings}";
        assert_eq!(plural(&format!("1 more {s}")), "1 more meeting");
        assert_eq!(plural(&format!("2 more {s}")), "2 more meetings");
        assert_eq!(plural(&format!("11 more {s}")), "11 more meetings");
        assert_eq!(
            plural("1 more {teacher|teachers} (or 2 fewer {student|students})"),
            "1 more teacher (or 2 fewer students)"
        );
    }

    #[test]
    fn alternative_dropped_with_its_brackets() {
        assert_eq!(
            drop_alternative("还需配备11名专任教师(或减少{m}名学生)"),
            "还需配备11名专任教师"
        );
        assert_eq!(
            drop_alternative("11 more teachers needed (or {m} fewer students)"),
            "11 more teachers needed"
        );
    }
}
