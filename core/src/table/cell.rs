//! One cell's value, as a spreadsheet or CSV gives it, turned into the JSON the model reads.
//!
//! Rules (each lossless or reported):
//! - text is trimmed (also ideographic and no-break spaces); full-width ASCII forms (`０-９`, `．`,
//!   `％`, `，`, `：`) are read as their ASCII forms in numbers, dates, codes and flags;
//! - a whole number stored as text or as a float cell (`3`, `"３"`, `3.0`) is a whole number;
//!   `3.5` where a whole number is needed is reported, never truncated;
//! - a float cell for a decimal field becomes the SHORTEST decimal that reads back as the same
//!   double (`0.1` stays `0.1`, not `0.1000000000000000055…`); digits beyond a double's ~15–17 were
//!   already lost by the spreadsheet, so type such values as text;
//! - `60%` is 0.6 exactly; `0.6` is 0.6;
//! - dates: serial numbers of date-formatted cells (1900 system), `2024-02-27`, `2024/2/27`,
//!   `2024.2.27`, `2024年2月27日`; with a time (`17:00`, `17:00:00`) for timestamps, and a
//!   timestamp without an offset is Beijing time (+08:00); RFC 3339 with an offset is kept as given.

use crate::input::InputErrorKind;
use crate::model::{beijing, Semester};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

use super::columns::ColumnKind;

/// A raw cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Raw<'a> {
    /// Blank.
    Empty,
    /// Text.
    Text(&'a str),
    /// A number cell.
    Float(f64),
    /// An integer cell.
    Int(i64),
    /// A boolean cell.
    Bool(bool),
    /// A date-formatted number cell: the serial value.
    Serial(f64),
}

/// Why a cell could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct CellError {
    /// Kind.
    pub kind: InputErrorKind,
    /// Chinese message.
    pub zh: String,
    /// English message.
    pub en: String,
}

fn err(kind: InputErrorKind, zh: String, en: String) -> CellError {
    CellError { kind, zh, en }
}

/// Full-width ASCII forms and the ideographic space as ASCII.
pub fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            '。' => '.',
            _ => c,
        })
        .collect()
}

pub(crate) fn trim(s: &str) -> &str {
    // Most cells (ids, codes, numbers) start and end with a printable ASCII byte, which is none
    // of the characters trimmed: returned as they are, no character decoded at either end.
    let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
        return s;
    }
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
}

/// A float's shortest round-trip decimal text (Rust's `Display` for `f64` never uses exponents).
pub fn float_text(f: f64) -> String {
    format!("{f}")
}

impl Raw<'_> {
    /// True when blank.
    pub fn is_blank(&self) -> bool {
        match self {
            Raw::Empty => true,
            Raw::Text(t) => trim(t).is_empty(),
            _ => false,
        }
    }
    /// The cell as shown, for messages.
    pub fn shown(&self) -> String {
        match self {
            Raw::Empty => String::new(),
            Raw::Text(t) => (*t).to_string(),
            Raw::Float(f) | Raw::Serial(f) => float_text(*f),
            Raw::Int(i) => i.to_string(),
            Raw::Bool(b) => b.to_string(),
        }
    }
}

fn parse_decimal(t: &str) -> Option<Decimal> {
    let t: String = t.chars().filter(|c| *c != ' ').collect();
    let (body, pct) = match t.strip_suffix('%') {
        Some(b) => (b.to_string(), true),
        None => (t, false),
    };
    // Thousands separators only in their proper places: 1,234,567.5
    let body = if body.contains(',') {
        let int = body.split('.').next().unwrap_or("");
        let groups: Vec<&str> = int.trim_start_matches('-').split(',').collect();
        let ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.iter().skip(1).all(|g| g.len() == 3);
        if !ok {
            return None;
        }
        body.replace(',', "")
    } else {
        body
    };
    let d = Decimal::from_str(&body)
        .or_else(|_| Decimal::from_scientific(&body))
        .ok()?;
    if pct {
        d.checked_div(Decimal::ONE_HUNDRED)
    } else {
        Some(d)
    }
}

fn date_parts(t: &str) -> Option<(NaiveDate, &str)> {
    // Up to three digit runs separated by - / . or 年 月 (日 ends the date).
    let mut nums = [0u32; 3];
    let mut n = 0;
    let mut i = 0;
    let b = t.as_bytes();
    while n < 3 {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        nums[n] = t.get(start..i)?.parse().ok()?;
        n += 1;
        let rest = t.get(i..)?;
        let sep = if n < 3 {
            ["-", "/", ".", "年", "月"]
                .iter()
                .find(|s| rest.starts_with(**s))
        } else {
            ["日"].iter().find(|s| rest.starts_with(**s))
        };
        if let Some(s) = sep {
            i += s.len();
        } else if n < 3 {
            return None;
        }
    }
    let (y, m, d) = (nums[0], nums[1], nums[2]);
    if !(1900..=2200).contains(&y) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some((date, t.get(i..)?))
}

fn time_part(t: &str) -> Option<NaiveTime> {
    let t = trim(t.trim_start_matches(['T', ' ']));
    NaiveTime::parse_from_str(t, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M"))
        .ok()
}

fn serial_datetime(f: f64) -> Option<NaiveDateTime> {
    if !f.is_finite() || !(1.0..2_958_466.0).contains(&f) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    // Whole milliseconds: Excel stores no finer time, and this removes float noise.
    let ms = (f * 86_400_000.0).round() as i64;
    base.checked_add_signed(Duration::milliseconds(ms))
}

fn semester(t: &str) -> Option<String> {
    if let Ok(s) = Semester::from_str(t) {
        return Some(s.to_string());
    }
    // 2023—2024学年第一学期 / 2023-2024学年第2学期
    let (years, term) = t.split_once("学年")?;
    let term = term.trim_start_matches('第').trim_end_matches("学期");
    let term = match term {
        "一" | "1" => 1,
        "二" | "2" => 2,
        _ => return None,
    };
    Semester::from_str(&format!("{}-{term}", years.trim()))
        .ok()
        .map(|s| s.to_string())
}

fn flag(t: &str) -> Option<bool> {
    match t.to_lowercase().as_str() {
        "是" | "true" | "yes" | "y" | "1" | "√" | "✓" | "✔" | "有" => Some(true),
        "否" | "false" | "no" | "n" | "0" | "×" | "✗" | "✘" | "无" => Some(false),
        _ => None,
    }
}

/// Reads `raw` as a value of `kind`: `Ok(None)` when blank.
pub fn to_json(kind: &ColumnKind, raw: Raw<'_>) -> Result<Option<Value>, CellError> {
    if raw.is_blank() {
        return Ok(None);
    }
    // Quoted in messages, so abbreviated (a cell may hold 32,767 characters).
    let full = raw.shown();
    let shown = crate::limits::abbreviate(&full, crate::limits::Limits::default().message_chars);
    let text = match raw {
        Raw::Text(t) => {
            if t.contains('\u{fffd}') {
                return Err(err(
                    InputErrorKind::Syntax,
                    "文字编码无法识别(含乱码)".into(),
                    "the text's encoding could not be read (replacement characters)".into(),
                ));
            }
            Some(trim(t))
        }
        _ => None,
    };
    let ascii = text.map(halfwidth);
    let ascii = ascii.as_deref().map(trim);
    let v = match kind {
        ColumnKind::Int => {
            let d = match (raw, ascii) {
                (Raw::Int(i), _) => Some(Decimal::from(i)),
                (Raw::Float(f), _) => Decimal::from_str(&float_text(f)).ok(),
                (_, Some(t)) if !t.ends_with('%') => parse_decimal(t),
                _ => None,
            };
            match d {
                Some(d) if d.fract().is_zero() => {
                    let i: i64 = d.trunc().try_into().map_err(|_| {
                        err(
                            InputErrorKind::Value,
                            format!("数值过大:{shown}"),
                            format!("number too large: {shown}"),
                        )
                    })?;
                    Value::from(i)
                }
                Some(_) => {
                    return Err(err(
                        InputErrorKind::Value,
                        format!("应为整数,实际为{shown}"),
                        format!("expected a whole number, found {shown}"),
                    ))
                }
                None => {
                    return Err(err(
                        InputErrorKind::Type,
                        format!("应为整数,实际为“{shown}”"),
                        format!("expected a whole number, found {shown:?}"),
                    ))
                }
            }
        }
        ColumnKind::Decimal => {
            let d = match (raw, ascii) {
                (Raw::Int(i), _) => Some(Decimal::from(i)),
                (Raw::Float(f), _) => Decimal::from_str(&float_text(f)).ok(),
                (_, Some(t)) => parse_decimal(t),
                _ => None,
            };
            match d {
                Some(d) => Value::String(d.normalize().to_string()),
                None => {
                    return Err(err(
                        InputErrorKind::Type,
                        format!("应为数值(如 6.5 或 60%),实际为“{shown}”"),
                        format!("expected a number such as 6.5 or 60%, found {shown:?}"),
                    ))
                }
            }
        }
        ColumnKind::Bool => {
            let b = match (raw, ascii) {
                (Raw::Bool(b), _) => Some(b),
                (Raw::Int(i), _) => flag(&i.to_string()),
                (Raw::Float(f), _) => flag(&float_text(f)),
                (_, Some(t)) => flag(t),
                _ => None,
            };
            match b {
                Some(b) => Value::Bool(b),
                None => {
                    return Err(err(
                        InputErrorKind::Type,
                        format!("应为“是”或“否”,实际为“{shown}”"),
                        format!("expected yes/no (是/否, true/false), found {shown:?}"),
                    ))
                }
            }
        }
        ColumnKind::Text | ColumnKind::Semester | ColumnKind::Enum(_) => {
            let s = match (raw, text, ascii) {
                (Raw::Float(f), _, _) => float_text(f),
                (Raw::Int(i), _, _) => i.to_string(),
                (Raw::Bool(b), _, _) => b.to_string(),
                (Raw::Serial(f), _, _) => serial_datetime(f)
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_else(|| float_text(f)),
                // Codes typed with full-width digits read as ASCII; names keep their characters.
                (_, Some(t), Some(a)) => {
                    if a.is_ascii() {
                        a.to_string()
                    } else {
                        t.to_string()
                    }
                }
                _ => full.clone(),
            };
            match kind {
                ColumnKind::Semester => match semester(ascii.unwrap_or(&s)) {
                    Some(x) => Value::String(x),
                    None => {
                        return Err(err(
                            InputErrorKind::Value,
                            format!("学期格式应如 2023-2024-1,实际为“{shown}”"),
                            format!("expected a semester like 2023-2024-1, found {shown:?}"),
                        ))
                    }
                },
                ColumnKind::Enum(values) => {
                    let key = ascii.unwrap_or(&s);
                    // The model's enumerations know their Chinese labels and synonyms (中职, 院长,
                    // 3+2, …); a column is matched to its enumeration by its set of wire values.
                    let labels =
                        crate::model::label::by_wires(values.iter().map(|(c, _)| c.as_str()));
                    let hit = values
                        .iter()
                        .find(|(c, d)| c.eq_ignore_ascii_case(key) || d == key || d == &s)
                        .map(|(c, _)| c.clone())
                        .or_else(|| {
                            let l = labels?;
                            l.canonical(&s)
                                .or_else(|| l.canonical(key))
                                .map(String::from)
                        });
                    match hit {
                        Some(c) => Value::String(c),
                        None => {
                            let (zh, en) = match labels {
                                Some(l) => (l.accepted_zh(), l.accepted_en()),
                                None => {
                                    let pick = |(c, d): &(String, String)| {
                                        if d.is_empty() {
                                            c.clone()
                                        } else {
                                            d.clone()
                                        }
                                    };
                                    (
                                        values.iter().map(pick).collect::<Vec<_>>().join("、"),
                                        values
                                            .iter()
                                            .map(|(c, _)| c.as_str())
                                            .collect::<Vec<_>>()
                                            .join(", "),
                                    )
                                }
                            };
                            return Err(err(
                                InputErrorKind::Value,
                                format!("“{shown}”不是可选值;可选:{zh}"),
                                format!("{shown:?} is not allowed; expected one of: {en}"),
                            ));
                        }
                    }
                }
                _ => Value::String(s),
            }
        }
        ColumnKind::DateTime | ColumnKind::Date => {
            let want_time = *kind == ColumnKind::DateTime;
            let bad = || {
                err(
                    InputErrorKind::Value,
                    format!(
                        "应为{},实际为“{shown}”",
                        if want_time {
                            "日期时间(如 2024-02-27 17:00,北京时间)"
                        } else {
                            "日期(如 2024-02-27)"
                        }
                    ),
                    format!(
                        "expected a {}, found {shown:?}",
                        if want_time {
                            "date and time such as 2024-02-27 17:00 (Beijing time)"
                        } else {
                            "date such as 2024-02-27"
                        }
                    ),
                )
            };
            match (raw, ascii) {
                (Raw::Serial(f), _) => {
                    let dt = serial_datetime(f).ok_or_else(bad)?;
                    if want_time {
                        let t = beijing()
                            .from_local_datetime(&dt)
                            .single()
                            .ok_or_else(bad)?;
                        Value::String(t.to_rfc3339())
                    } else {
                        Value::String(dt.date().to_string())
                    }
                }
                (_, Some(t)) => {
                    if want_time {
                        if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(t) {
                            return Ok(Some(Value::String(dt.to_rfc3339())));
                        }
                    }
                    // A day that does not exist (30 February) is said as such.
                    let (date, rest) = date_parts(t).ok_or_else(|| {
                        crate::input::words::impossible_date(t)
                            .map_or_else(bad, |(zh, en)| err(InputErrorKind::Value, zh, en))
                    })?;
                    if want_time {
                        let time = time_part(rest).ok_or_else(|| {
                            if trim(rest).is_empty() {
                                err(
                                    InputErrorKind::Value,
                                    format!("“{shown}”只有日期,缺少时间(时:分,北京时间)"),
                                    format!(
                                        "{shown:?} has a date but no time (HH:MM, Beijing time)"
                                    ),
                                )
                            } else {
                                bad()
                            }
                        })?;
                        let t = beijing()
                            .from_local_datetime(&date.and_time(time))
                            .single()
                            .ok_or_else(bad)?;
                        Value::String(t.to_rfc3339())
                    } else if trim(rest).is_empty() {
                        Value::String(date.to_string())
                    } else {
                        return Err(bad());
                    }
                }
                _ => return Err(bad()),
            }
        }
        ColumnKind::Json => match ascii.map(serde_json::from_str::<Value>) {
            Some(Ok(v)) => v,
            _ => {
                return Err(err(
                    InputErrorKind::Syntax,
                    format!("应为JSON列表,实际为“{shown}”"),
                    format!("expected a JSON list, found {shown:?}"),
                ))
            }
        },
    };
    Ok(Some(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The shortcut for plain ASCII ends trims exactly what the full trim does.
        #[test]
        fn trim_as_the_full_trim(
            s in "[ \\t\\n\\x0b\\x0c\\r\\x1c\\x85\\u{a0}\\u{3000}\\u{feff}\\u{200b}a-z0-9!~中]{0,8}"
        ) {
            let full = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}');
            proptest::prop_assert_eq!(trim(&s), full);
        }
    }

    #[test]
    fn trim_keeps_plain_text_and_cuts_spaces() {
        assert_eq!(trim("S001674"), "S001674");
        assert_eq!(trim("\u{feff} S1\u{3000}"), "S1");
        assert_eq!(trim("\x0bS1"), "S1");
        assert_eq!(trim(""), "");
    }

    fn ok(kind: &ColumnKind, raw: Raw<'_>) -> Value {
        to_json(kind, raw).unwrap().unwrap()
    }

    #[test]
    fn numbers() {
        assert_eq!(ok(&ColumnKind::Int, Raw::Text(" ３ ")), Value::from(3));
        assert_eq!(ok(&ColumnKind::Int, Raw::Float(12.0)), Value::from(12));
        assert_eq!(ok(&ColumnKind::Int, Raw::Text("1,234")), Value::from(1234));
        assert!(to_json(&ColumnKind::Int, Raw::Float(3.5)).is_err());
        assert!(to_json(&ColumnKind::Int, Raw::Text("三")).is_err());
        assert!(to_json(&ColumnKind::Int, Raw::Text("12,34")).is_err());
        assert_eq!(
            ok(&ColumnKind::Decimal, Raw::Float(0.1)),
            Value::from("0.1")
        );
        assert_eq!(
            ok(&ColumnKind::Decimal, Raw::Text("60%")),
            Value::from("0.6")
        );
        assert_eq!(
            ok(&ColumnKind::Decimal, Raw::Text("６０％")),
            Value::from("0.6")
        );
        assert_eq!(
            ok(&ColumnKind::Decimal, Raw::Text("6．5")),
            Value::from("6.5")
        );
        assert_eq!(
            ok(&ColumnKind::Decimal, Raw::Float(0.6)),
            Value::from("0.6")
        );
        assert_eq!(to_json(&ColumnKind::Int, Raw::Text("  ")), Ok(None));
    }

    #[test]
    fn dates() {
        let dt = ColumnKind::DateTime;
        assert_eq!(
            ok(&dt, Raw::Text("2024/2/27 17:00")),
            Value::from("2024-02-27T17:00:00+08:00")
        );
        assert_eq!(
            ok(&dt, Raw::Text("2024年2月27日 17:00:01")),
            Value::from("2024-02-27T17:00:01+08:00")
        );
        assert_eq!(
            ok(&dt, Raw::Text("2024-02-27T09:00:00Z")),
            Value::from("2024-02-27T09:00:00+00:00")
        );
        // 45349.708333… is 2024-02-27 17:00 in the 1900 system.
        assert_eq!(
            ok(&dt, Raw::Serial(45349.0 + 17.0 / 24.0)),
            Value::from("2024-02-27T17:00:00+08:00")
        );
        let e = to_json(&dt, Raw::Text("2024/2/27")).unwrap_err();
        assert!(e.en.contains("no time"), "{e:?}");
        assert_eq!(
            ok(&ColumnKind::Date, Raw::Text("2024.2.27")),
            Value::from("2024-02-27")
        );
        assert!(to_json(&ColumnKind::Date, Raw::Text("2024/2/30")).is_err());
    }

    #[test]
    fn text_enum_semester_flag() {
        assert_eq!(
            ok(&ColumnKind::Text, Raw::Float(110108.0)),
            Value::from("110108")
        );
        assert_eq!(
            ok(&ColumnKind::Text, Raw::Text("１１０１０８")),
            Value::from("110108")
        );
        assert_eq!(
            ok(&ColumnKind::Text, Raw::Text("北京市第１中学")),
            Value::from("北京市第１中学")
        );
        assert_eq!(
            ok(&ColumnKind::Semester, Raw::Text("2023—2024学年第一学期")),
            Value::from("2023-2024-1")
        );
        let e = ColumnKind::Enum(vec![("secondary".into(), "中等职业学校".into())]);
        assert_eq!(ok(&e, Raw::Text("中等职业学校")), Value::from("secondary"));
        assert!(to_json(&e, Raw::Text("小学")).is_err());
        // The school-level column: its enumeration's labels and synonyms are understood.
        let levels = ColumnKind::Enum(
            crate::model::SchoolLevel::ALL
                .iter()
                .map(|l| (l.as_str().to_string(), l.zh().to_string()))
                .collect(),
        );
        for (cell, wire) in [
            ("中职", "secondary"),
            (" 中专 ", "secondary"),
            ("职业高中", "secondary"),
            ("技校", "technician"),
            ("高职", "higher"),
            ("职业技术学院", "higher"),
            ("Higher", "higher"),
        ] {
            assert_eq!(ok(&levels, Raw::Text(cell)), Value::from(wire), "{cell}");
        }
        let e = to_json(&levels, Raw::Text("小学")).unwrap_err();
        assert!(e.zh.contains("中职学校、技工学校、高职学校"), "{e:?}");
        assert!(!e.zh.contains("secondary"), "{e:?}");
        assert!(e.en.contains("secondary, technician, higher"), "{e:?}");
        assert_eq!(ok(&ColumnKind::Bool, Raw::Text("是")), Value::Bool(true));
        assert!(to_json(&ColumnKind::Text, Raw::Text("a\u{fffd}b")).is_err());
    }
}
