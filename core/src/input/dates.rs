//! Dates and instants read from text as chrono's `FromStr` reads them (`NaiveDate`,
//! `NaiveDateTime`, `DateTime<FixedOffset>`): the same texts taken, the same values, the same
//! error (chrono's `ParseError` words). Written out for these three layouts so that chrono's
//! general format interpreter (`format::parse`, with its RFC 2822, week-date and month-name
//! code) stays out of the WebAssembly checking module; the tests compare both on many texts.
//!
//! Every date and instant field of the records, packs and check parameters is read through
//! [`date`], [`opt_date`] or [`opt_timestamp`] (`#[serde(deserialize_with = …)]`); a JSON Schema
//! is unchanged by that attribute.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::fmt;

/// Why a text is not a date or an instant, as chrono says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fail {
    OutOfRange,
    Impossible,
    Invalid,
    TooShort,
    TooLong,
}

impl fmt::Display for Fail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chrono's `ParseError` words, so that a refusal reads the same whichever reader made it.
        f.write_str(match self {
            Fail::OutOfRange => "input is out of range",
            Fail::Impossible => "no possible date and time matching input",
            Fail::Invalid => "input contains invalid characters",
            Fail::TooShort => "premature end of input",
            Fail::TooLong => "trailing input",
        })
    }
}

/// What is left of the text, and what was read.
type Step<'a, T> = Result<(&'a str, T), Fail>;

/// One to `max` ASCII digits (chrono's `scan::number` with a minimum of one).
fn number(s: &str, max: usize) -> Step<'_, i64> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(Fail::TooShort);
    }
    let mut n = 0i64;
    for (i, &c) in b.iter().take(max).enumerate() {
        if !c.is_ascii_digit() {
            return if i == 0 {
                Err(Fail::Invalid)
            } else {
                Ok((&s[i..], n))
            };
        }
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(i64::from(c - b'0')))
            .ok_or(Fail::OutOfRange)?;
    }
    Ok((&s[max.min(b.len())..], n))
}

/// An unsigned number item (after the spaces chrono skips before every number) in `range`.
fn field(s: &str, width: usize, range: std::ops::RangeInclusive<i64>) -> Step<'_, u32> {
    let (s, v) = number(s.trim_start(), width)?;
    match u32::try_from(v) {
        Ok(n) if range.contains(&v) => Ok((s, n)),
        _ => Err(Fail::OutOfRange),
    }
}

/// Spaces, then the one-byte literal `lit`.
fn literal(s: &str, lit: u8) -> Result<&str, Fail> {
    let s = s.trim_start();
    match s.as_bytes().first() {
        None => Err(Fail::TooShort),
        Some(&c) if c == lit => Ok(&s[1..]),
        Some(_) => Err(Fail::Invalid),
    }
}

/// `year-month-day`: four digits of year, or any number of them after a sign.
fn ymd(s: &str) -> Step<'_, (i32, u32, u32)> {
    let s = s.trim_start();
    let (s, y) = if let Some(r) = s.strip_prefix('-') {
        let (r, v) = number(r, usize::MAX)?;
        (r, -v)
    } else if let Some(r) = s.strip_prefix('+') {
        number(r, usize::MAX)?
    } else {
        number(s, 4)?
    };
    let y = i32::try_from(y).map_err(|_| Fail::OutOfRange)?;
    let (s, m) = field(literal(s, b'-')?, 2, 1..=12)?;
    let (s, d) = field(literal(s, b'-')?, 2, 1..=31)?;
    Ok((s, (y, m, d)))
}

/// `hour:minute:second[.fraction]` and the spaces after it.
fn hms(s: &str) -> Step<'_, (u32, u32, u32, u32)> {
    let (s, h) = field(s, 2, 0..=23)?;
    let (s, m) = field(literal(s, b':')?, 2, 0..=59)?;
    let (mut s, sec) = field(literal(s, b':')?, 2, 0..=60)?;
    let mut nano = 0;
    if let Some(r) = s.strip_prefix('.') {
        let before = r.len();
        let (r, v) = number(r, 9)?;
        // Scaled by the digits read; digits past the ninth are skipped.
        let scale = 10i64.pow(9 - u32::try_from(before - r.len()).unwrap_or(9));
        nano = u32::try_from(v * scale).map_err(|_| Fail::OutOfRange)?;
        s = r.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    Ok((s.trim_start(), (h, m, sec, nano)))
}

fn make_date((y, m, d): (i32, u32, u32)) -> Result<NaiveDate, Fail> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(Fail::OutOfRange)
}

/// A second of 60 is a leap second (59 with a second's worth of nanoseconds), as in chrono.
fn make_time((h, m, s, nano): (u32, u32, u32, u32)) -> Result<NaiveTime, Fail> {
    let (s, leap) = if s == 60 { (59, 1_000_000_000) } else { (s, 0) };
    NaiveTime::from_hms_nano_opt(h, m, s, nano + leap).ok_or(Fail::OutOfRange)
}

/// A date and a time, the date's problem said first (chrono's order).
fn make_date_time(
    date: (i32, u32, u32),
    time: (u32, u32, u32, u32),
) -> Result<NaiveDateTime, Fail> {
    let date = make_date(date);
    let time = make_time(time);
    Ok(date?.and_time(time?))
}

/// As `"…".parse::<NaiveDate>()`: `2024-09-01`, spaces allowed around the parts.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, Fail> {
    let (rest, date) = ymd(s)?;
    if !rest.trim_start().is_empty() {
        return Err(Fail::TooLong);
    }
    make_date(date)
}

/// As `"…".parse::<NaiveDateTime>()`: `2024-09-01T08:00:00`.
pub(crate) fn parse_date_time(s: &str) -> Result<NaiveDateTime, Fail> {
    let (rest, date) = ymd(s)?;
    let (rest, time) = hms(literal(rest, b'T')?)?;
    if !rest.is_empty() {
        return Err(Fail::TooLong);
    }
    make_date_time(date, time)
}

/// As `"…".parse::<DateTime<FixedOffset>>()`: RFC 3339 and its relaxed forms
/// (`2024-02-27T17:00:00+08:00`, `2024-02-27 17:00:00 +0800`, `…Z`, `… UTC`).
pub(crate) fn parse_timestamp(s: &str) -> Result<DateTime<FixedOffset>, Fail> {
    let (rest, date) = ymd(s)?;
    let rest = match rest.as_bytes().first() {
        Some(b't' | b'T' | b' ') => &rest[1..],
        Some(_) => return Err(Fail::Invalid),
        None => return Err(Fail::TooShort),
    };
    let (rest, time) = hms(rest)?;
    let rest = rest.trim_start();
    let (rest, offset) = match rest.get(..3) {
        Some(utc) if utc.eq_ignore_ascii_case("UTC") => (&rest[3..], 0),
        _ => offset(rest)?,
    };
    if !rest.trim_start().is_empty() {
        return Err(Fail::TooLong);
    }
    let local = make_date_time(date, time)?;
    let offset = FixedOffset::east_opt(offset).ok_or(Fail::OutOfRange)?;
    offset
        .from_local_datetime(&local)
        .single()
        .ok_or(Fail::Impossible)
}

/// `Z`, or a sign (`+`, `-`, `−`), two digits of hours, colons or spaces, two of minutes.
fn offset(s: &str) -> Step<'_, i32> {
    if let Some(r) = s.strip_prefix(['Z', 'z']) {
        return Ok((r, 0));
    }
    let (s, negative) = if let Some(r) = s.strip_prefix('+') {
        (r, false)
    } else if let Some(r) = s.strip_prefix(['-', '−']) {
        (r, true)
    } else if s.is_empty() {
        return Err(Fail::TooShort);
    } else {
        return Err(Fail::Invalid);
    };
    let two = |s: &str| -> Option<(u8, u8)> {
        let b = s.as_bytes();
        Some((*b.first()?, *b.get(1)?))
    };
    let hours = match two(s) {
        None => return Err(Fail::TooShort),
        Some((a @ b'0'..=b'9', b @ b'0'..=b'9')) => i32::from((a - b'0') * 10 + (b - b'0')),
        Some(_) => return Err(Fail::Invalid),
    };
    let s = s[2..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    let (s, minutes) = match two(s) {
        Some((a @ b'0'..=b'5', b @ b'0'..=b'9')) => {
            (&s[2..], i32::from((a - b'0') * 10 + (b - b'0')))
        }
        Some((b'6'..=b'9', b'0'..=b'9')) => return Err(Fail::OutOfRange),
        Some(_) => return Err(Fail::Invalid),
        None => return Err(Fail::TooShort),
    };
    let seconds = hours * 3600 + minutes * 60;
    Ok((s, if negative { -seconds } else { seconds }))
}

/// chrono's visitor for dates, by the same name and words (the reader knows it by its name:
/// `input::words::Expect::of_type`).
struct NaiveDateVisitor;

impl Visitor<'_> for NaiveDateVisitor {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a formatted date string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
        parse_date(v).map_err(E::custom)
    }
}

/// chrono's visitor for instants, by the same name and words.
struct DateTimeVisitor;

impl Visitor<'_> for DateTimeVisitor {
    type Value = DateTime<FixedOffset>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        parse_timestamp(v).map_err(E::custom)
    }
}

/// A date read as chrono's `Deserialize` reads one (inside an `Option`).
struct Date(NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(NaiveDateVisitor).map(Date)
    }
}

/// An instant read as chrono's `Deserialize` reads one (inside an `Option`).
struct Instant(DateTime<FixedOffset>);

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(DateTimeVisitor).map(Instant)
    }
}

/// A `NaiveDate` field (`#[serde(deserialize_with = "crate::input::dates::date")]`).
pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    Date::deserialize(d).map(|x| x.0)
}

/// An `Option<NaiveDate>` field (with `default`: absent is `None`, as is `null`).
pub(crate) fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<Date>::deserialize(d).map(|x| x.map(|x| x.0))
}

/// An `Option<DateTime<FixedOffset>>` field (with `default`).
pub(crate) fn opt_timestamp<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    Option::<Instant>::deserialize(d).map(|x| x.map(|x| x.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts built from pieces chrono treats differently (signs, widths, spaces, separators,
    /// leap seconds, fractions, every offset form), in many combinations.
    fn texts() -> Vec<String> {
        let years = [
            "2024",
            "0024",
            "24",
            "",
            "+2024",
            "-0001",
            "+99999",
            "-262144",
            "+2147483648",
            "20245",
            "x",
            " 2024",
            "２０２４",
        ];
        let seps = ["-", " -", "- ", "/", "", "−"];
        let months = ["02", "2", "12", "13", "00", "002", "a", " 2", ""];
        let days = ["29", "30", "1", "01", "31", "32", "0", "001", "", "3x"];
        let ts = ["T", "t", " ", "  ", "x", "", "T ", "\u{3000}"];
        let times = [
            "17:00:00",
            "7:0:0",
            "23:59:60",
            "24:00:00",
            "17:00",
            "17:00:00.5",
            "17:00:00.123456789123",
            "17:00:00.",
            "17:00:00.x",
            " 17 : 00 : 00",
            "17:60:00",
            "17:00:61",
            "17:00:00 ",
            "",
        ];
        let offsets = [
            "+08:00", "+0800", "+08", "-08:00", "−08:00", "Z", "z", "UTC", "utc", " +08:00",
            "+08 00", "+08:0", "+8", "+08:60", "+99:59", "+23:59", "+24:00", "", "x", "+08:00 ",
            "+08:00x", "+08::00", "+", "+0", "Zx", "UT", "+08:5a",
        ];
        let mut out = Vec::new();
        for y in years {
            for sep in seps {
                for m in months {
                    for d in days {
                        out.push(format!("{y}{sep}{m}{sep}{d}"));
                        out.push(format!("{y}{sep}{m}{sep}{d} "));
                        out.push(format!("{y}{sep}{m}{sep}{d}x"));
                    }
                }
            }
        }
        let dates = [
            "2024-02-29",
            "2023-02-29",
            "2024-2-3",
            " 2024 - 02 - 29",
            "+99999-12-31",
            "-0001-01-01",
            "262143-12-31",
            "+262143-12-31",
            "-262143-01-01",
            "-262144-12-31",
        ];
        for d in dates {
            for t in ts {
                for time in times {
                    for o in offsets {
                        out.push(format!("{d}{t}{time}{o}"));
                    }
                }
            }
        }
        out
    }

    fn same<T: PartialEq + fmt::Debug>(
        s: &str,
        ours: Result<T, Fail>,
        chrono: Result<T, chrono::ParseError>,
    ) {
        match (ours, chrono) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{s:?}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{s:?}"),
            (a, b) => panic!("{s:?}: ours {a:?}, chrono {b:?}"),
        }
    }

    #[test]
    fn reads_as_chrono_reads() {
        let texts = texts();
        assert!(texts.len() > 20_000, "{}", texts.len());
        for s in &texts {
            same(s, parse_date(s), s.parse::<NaiveDate>());
            same(s, parse_date_time(s), s.parse::<NaiveDateTime>());
            same(s, parse_timestamp(s), s.parse::<DateTime<FixedOffset>>());
        }
    }

    proptest::proptest! {
        #[test]
        fn reads_any_text_as_chrono_reads(s in "[0-9 +\\-:.TtZzUC\u{2212}x]{0,32}") {
            same(&s, parse_date(&s), s.parse::<NaiveDate>());
            same(&s, parse_date_time(&s), s.parse::<NaiveDateTime>());
            same(&s, parse_timestamp(&s), s.parse::<DateTime<FixedOffset>>());
        }

        #[test]
        fn reads_near_dates_as_chrono_reads(
            y in -300000i64..300000, m in 0u32..14, d in 0u32..33, h in 0u32..25, mi in 0u32..61,
            sec in 0u32..62, frac in "(\\.[0-9]{1,12})?", off in "(Z|[+\\-][0-9]{2}(:?[0-9]{2})?)"
        ) {
            let y = if (0..10000).contains(&y) { format!("{y:04}") } else { format!("{y:+}") };
            for s in [
                format!("{y}-{m:02}-{d:02}"),
                format!("{y}-{m}-{d}T{h:02}:{mi:02}:{sec:02}{frac}"),
                format!("{y}-{m:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{frac}{off}"),
                format!("{y}-{m:02}-{d:02} {h}:{mi}:{sec}{frac} {off}"),
            ] {
                same(&s, parse_date(&s), s.parse::<NaiveDate>());
                same(&s, parse_date_time(&s), s.parse::<NaiveDateTime>());
                same(&s, parse_timestamp(&s), s.parse::<DateTime<FixedOffset>>());
            }
        }
    }
}
