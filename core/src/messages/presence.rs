//! What the presence-and-time templates share: values shown by their labels, lists, dates and
//! instants.
//!
//! Instants Instants are shown in Beijing time, the time the notices state
//! deadlines in: `2024年2月27日17时0分1秒` / `2024-02-27 17:00:01`, seconds and minutes only where
//! they are not zero, fractions of a second where there are any (a late instant never shows as its
//! deadline). A deadline at the last second of a day is that day's `24时` / `24:00`.

use super::numbers::{date_zh, plain};
use crate::finding::{Detail, FieldRef, Finding, Literal};
use crate::model::{beijing, Timestamp};
use chrono::{DateTime, FixedOffset, Timelike};
use rust_decimal::Decimal;

/// The labels of text value `wire` of `field` (the field of the finding's first record), if the
/// field is a closed set: `vice_principal` → `(副校长, vice principal)`.
pub(super) fn labels(
    f: &Finding,
    field: &FieldRef,
    wire: &str,
) -> Option<(&'static str, &'static str)> {
    f.locations
        .first()
        .and_then(|l| l.entity.value_label(field.name(), wire))
}

/// A text value for a Chinese reader: its label (副校长), else the text as given, quoted.
pub(super) fn text_zh(f: &Finding, field: &FieldRef, wire: &str) -> String {
    labels(f, field, wire).map_or_else(|| format!("“{wire}”"), |l| l.0.to_string())
}

/// A text value for an English reader: its label (vice principal), else the text, quoted.
pub(super) fn text_en(f: &Finding, field: &FieldRef, wire: &str) -> String {
    labels(f, field, wire).map_or_else(|| format!("“{wire}”"), |l| l.1.to_string())
}

/// A literal for a Chinese reader: 是 / 否, a number as written, a text by its label.
pub(super) fn literal_zh(f: &Finding, field: &FieldRef, v: &Literal) -> String {
    match v {
        Literal::Bool(true) => "是".into(),
        Literal::Bool(false) => "否".into(),
        Literal::Number(d) => plain(*d),
        Literal::Text(t) => text_zh(f, field, t),
    }
}

/// A literal for an English reader: yes / no, a number as written, a text by its label.
pub(super) fn literal_en(f: &Finding, field: &FieldRef, v: &Literal) -> String {
    match v {
        Literal::Bool(true) => "yes".into(),
        Literal::Bool(false) => "no".into(),
        Literal::Number(d) => plain(*d),
        Literal::Text(t) => text_en(f, field, t),
    }
}

/// The allowed values of a [`Detail::NotOneOf`] by their labels: `校长或党委书记`; the pack's
/// Chinese names where the field has no labels of its own.
pub(super) fn allowed_zh(f: &Finding, d: &Detail) -> String {
    let Detail::NotOneOf {
        field,
        allowed,
        allowed_zh,
        ..
    } = d
    else {
        return String::new();
    };
    let names: Vec<String> = allowed
        .iter()
        .enumerate()
        .map(|(i, a)| match (labels(f, field, a), allowed_zh.get(i)) {
            (None, Some(zh)) => zh.clone(),
            _ => text_zh(f, field, a),
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    super::relations::list_zh(&names, "或")
}

/// The allowed values of a [`Detail::NotOneOf`] by their labels: `principal or party secretary`.
pub(super) fn allowed_en(f: &Finding, d: &Detail) -> String {
    let Detail::NotOneOf { field, allowed, .. } = d else {
        return String::new();
    };
    let names: Vec<String> = allowed.iter().map(|a| text_en(f, field, a)).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    super::relations::list_en(&names, "or")
}

/// What a time of day is shown as.
struct Clock {
    hour: u32,
    minute: u32,
    /// Seconds with their fraction, exact.
    second: Decimal,
}

/// The Beijing date and time of `t`; `deadline` shows 23:59:59 as 24:00 of the same day.
fn parts(t: &Timestamp, deadline: bool) -> (DateTime<FixedOffset>, Clock) {
    let b = t.with_timezone(&beijing());
    let nanos = b.nanosecond();
    // In nanoseconds, not a sum: the browser module then has no copy of `Decimal`'s `+`.
    let second = Decimal::new(i64::from(b.second()) * 1_000_000_000 + i64::from(nanos), 9);
    let end_of_day =
        deadline && b.hour() == 23 && b.minute() == 59 && b.second() == 59 && nanos == 0;
    let clock = if end_of_day {
        Clock {
            hour: 24,
            minute: 0,
            second: Decimal::ZERO,
        }
    } else {
        Clock {
            hour: b.hour(),
            minute: b.minute(),
            second: second.normalize(),
        }
    };
    (b, clock)
}

/// `2024年2月27日17时`, `2024年2月1日10时5分`, `2024年2月27日17时0分1秒`, `2023年12月31日24时`.
pub(super) fn instant_zh(t: &Timestamp, deadline: bool) -> String {
    let (b, c) = parts(t, deadline);
    let mut s = format!("{}{}时", date_zh(b.date_naive()), c.hour);
    if !c.second.is_zero() {
        s.push_str(&format!("{}分{}秒", c.minute, c.second));
    } else if c.minute != 0 {
        s.push_str(&format!("{}分", c.minute));
    }
    s
}

/// `2024-02-27 17:00`, `2024-02-27 17:00:01`, `2023-12-31 24:00`.
pub(super) fn instant_en(t: &Timestamp, deadline: bool) -> String {
    let (b, c) = parts(t, deadline);
    let mut s = format!("{} {:02}:{:02}", b.date_naive(), c.hour, c.minute);
    if !c.second.is_zero() {
        let whole = c.second.trunc();
        let frac = crate::checks::Arith::sat_sub(c.second, whole);
        s.push_str(&format!(":{:0>2}", whole.to_string()));
        if !frac.is_zero() {
            // `0.5` → `.5`
            s.push_str(frac.to_string().trim_start_matches('0'));
        }
    }
    s
}

/// `1个月`, `10天`, `1个月3天`.
pub(super) fn span_zh(months: u32, days: u32) -> String {
    match (months, days) {
        (m, 0) => format!("{m}个月"),
        (0, d) => format!("{d}天"),
        (m, d) => format!("{m}个月{d}天"),
    }
}

/// `1 month`, `10 days`, `1 month and 3 days`.
pub(super) fn span_en(months: u32, days: u32) -> String {
    let count = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (months, days) {
        (m, 0) => count(m, "month", "months"),
        (0, d) => count(d, "day", "days"),
        (m, d) => format!(
            "{} and {}",
            count(m, "month", "months"),
            count(d, "day", "days")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn instants_in_beijing_time() {
        let late = t("2024-02-27T09:00:01Z");
        assert_eq!(instant_zh(&late, false), "2024年2月27日17时0分1秒");
        assert_eq!(instant_en(&late, false), "2024-02-27 17:00:01");
        let due = t("2024-02-27T17:00:00+08:00");
        assert_eq!(instant_zh(&due, true), "2024年2月27日17时");
        assert_eq!(instant_en(&due, true), "2024-02-27 17:00");
        let t2 = t("2024-02-01T10:05:00+08:00");
        assert_eq!(instant_zh(&t2, false), "2024年2月1日10时5分");
        assert_eq!(instant_en(&t2, false), "2024-02-01 10:05");
    }

    #[test]
    fn a_year_end_deadline_is_24_oclock() {
        let end = t("2023-12-31T23:59:59+08:00");
        assert_eq!(instant_zh(&end, true), "2023年12月31日24时");
        assert_eq!(instant_en(&end, true), "2023-12-31 24:00");
        // Not a deadline: the instant as it is.
        assert_eq!(instant_zh(&end, false), "2023年12月31日23时59分59秒");
    }

    #[test]
    fn a_fraction_of_a_second_is_shown() {
        let x = t("2024-02-27T17:00:00.5+08:00");
        assert_eq!(instant_zh(&x, false), "2024年2月27日17时0分0.5秒");
        assert_eq!(instant_en(&x, false), "2024-02-27 17:00:00.5");
    }

    #[test]
    fn spans() {
        assert_eq!(span_zh(1, 0), "1个月");
        assert_eq!(span_en(1, 0), "1 month");
        assert_eq!(span_en(2, 1), "2 months and 1 day");
        assert_eq!(span_zh(0, 10), "10天");
    }
}
