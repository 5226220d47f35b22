//! The message catalogue: every sentence users read about a finding or a rule's status, in
//! Chinese (`zh.rs`) and English (`en.rs`), one template per [`Detail`] variant and language.
//! Checks produce data ([`Finding`]); words are made here, when asked for, from the finding's
//! values, the pack's nouns and units ([`Wording`]) and the field labels of the model. Numbers go
//! through one formatter ([`numbers`]).
//!
//! A translator reads `zh.rs` and `en.rs`; nothing else in `checks/` writes a sentence (a test
//! fails on any Chinese string literal there).

pub(crate) mod numbers;
pub(crate) mod relations;

mod en;
mod zh;

use crate::finding::{Detail, Explanation, Finding, FindingCode, NamedValue, Reason, Text};
use crate::rules::Wording;
use rust_decimal::Decimal;

/// The message of a finding.
pub(crate) fn message(f: &Finding) -> Text {
    let n = Nouns::of(f);
    Text::new(zh::message(f, &n), capitalize(&plural(&en::message(f, &n))))
}

/// The remedy of a finding: the pack's own wording with `{n}` (and `{m}`) filled in when it gives
/// one and the finding has a count, else the catalogue's.
pub(crate) fn remedy(f: &Finding) -> Option<Text> {
    let n = Nouns::of(f);
    let w = &f.rule.wording;
    if let (Some(z), Some(e), Some((need, other))) = (&w.remedy_zh, &w.remedy_en, counts(f)) {
        let nz = numbers::amount(need, n.unit.0);
        let ne = numbers::amount(need, n.unit.0);
        let (z, e) = match other {
            Some(m) => {
                let m = numbers::amount(m, n.den_unit.0);
                (z.replace("{m}", &m), e.replace("{m}", &m))
            }
            // No other way to pass (no denominator at all): drop the part naming {m}.
            None => (drop_alternative(z), drop_alternative(e)),
        };
        return Some(Text::new(
            z.replace("{n}", &nz),
            capitalize(&plural(&e.replace("{n}", &ne))),
        ));
    }
    let zh = zh::remedy(f, &n)?;
    let en = en::remedy(f, &n)?;
    Some(Text::new(zh, capitalize(&plural(&en))))
}

/// The explanation of a finding: its inputs, the computed value, the bound and the clause.
pub(crate) fn explanation(f: &Finding) -> Explanation {
    let r = &f.rule;
    Explanation {
        inputs: f
            .inputs
            .iter()
            .map(|(name, value)| NamedValue {
                name: name.clone(),
                value: value.clone(),
            })
            .collect(),
        computed: computed(f),
        threshold: threshold(f),
        clause: if r.clause.is_empty() {
            r.document.clone()
        } else {
            format!("{} {}", r.document, r.clause)
        },
        quote: r.quote.clone(),
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

/// The period prefix in both languages (transitional, for kinds that still write their words).
pub(crate) fn period_prefix(p: &Option<crate::finding::Period>) -> (String, String) {
    (zh::period(p), en::period(p))
}

/// The count in a remedy (`{n}`) and the other way to pass (`{m}`), for details that have them.
fn counts(f: &Finding) -> Option<(Decimal, Option<Decimal>)> {
    match &f.detail {
        Detail::Bound { need, .. } => Some((*need, None)),
        Detail::Ratio { need, or_less, .. } => Some((*need, *or_less)),
        Detail::ZeroDenominator { need, .. } => Some((*need, None)),
        // @presence-time
        // @groups-relations
        Detail::GroupCount { need, .. } => Some((*need, None)),
        Detail::AnyOf { held, min, .. } => Some((Decimal::from(min.saturating_sub(*held)), None)),
        // @reference-money
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
        Detail::Legacy { computed, .. } => computed.clone(),
        Detail::ZeroDenominator { num, den, .. } => Some(format!(
            "{}/{} = undefined",
            num.normalize(),
            den.normalize()
        )),
        // @presence-time
        // @groups-relations
        Detail::GroupCount { count, .. } => Some(format!("count = {count}")),
        Detail::AnyOf { held, .. } => Some(format!("held = {held}")),
        // @reference-money
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
        Detail::Legacy { threshold, .. } => threshold.clone(),
        // @presence-time
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
        Detail::RoleFlag { flag, .. } => Some(format!("{} = true", flag.name)),
        Detail::Implies {
            if_true, then_true, ..
        } => Some(format!("{} ⇒ {}", if_true.name, then_true.name)),
        Detail::AnyOf { min, of, .. } => Some(format!("at least {min} of {of}")),
        // @reference-money
        _ => None,
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
