//! The words of an input problem: what was found and what was expected, in the user's terms,
//! in Chinese and English. The reader ([`super::de`]) records a problem's parts where it arises
//! (serde's `invalid_type`, `missing_field`, …); this module only renders them. Syntax errors
//! are described from serde_json's category and the text at the error's position, not from its
//! English message.

use super::InputErrorKind;
use serde::de;

/// What the user gave, as far as a message needs it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Found {
    /// Text (abbreviated to the read's message length).
    Text(String),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Bool(bool),
    Null,
    List,
    Object,
    /// Anything else serde can name (bytes, a variant): its English description.
    Other(String),
}

impl Found {
    pub(crate) fn of(u: &de::Unexpected<'_>) -> Self {
        use de::Unexpected as U;
        match *u {
            U::Bool(b) => Found::Bool(b),
            U::Unsigned(n) => Found::Unsigned(n),
            U::Signed(n) => Found::Signed(n),
            U::Float(f) => Found::Float(f),
            U::Char(c) => Found::Text(c.to_string()),
            U::Str(s) => Found::Text(super::quote(s).into_owned()),
            U::Unit | U::Option | U::UnitVariant => Found::Null,
            U::Seq | U::TupleVariant => Found::List,
            U::Map | U::StructVariant => Found::Object,
            // serde's own words, written here: its `Display` would link core's float formatter
            // (for the float arm, never taken here) into the WebAssembly module.
            U::Bytes(_) => Found::Other("byte array".into()),
            U::NewtypeStruct => Found::Other("newtype struct".into()),
            U::NewtypeVariant => Found::Other("newtype variant".into()),
            U::Enum => Found::Other("enum".into()),
            U::Other(other) => Found::Other(other.into()),
        }
    }

    pub(crate) fn of_value(v: &serde_json::Value) -> Self {
        use serde_json::Value as V;
        match v {
            V::Null => Found::Null,
            V::Bool(b) => Found::Bool(*b),
            V::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Found::Unsigned(u),
                (_, Some(i)) => Found::Signed(i),
                _ => Found::Float(n.as_f64().unwrap_or(f64::NAN)),
            },
            V::String(s) => Found::Text(super::quote(s).into_owned()),
            V::Array(_) => Found::List,
            V::Object(_) => Found::Object,
        }
    }

    fn is_number(&self) -> bool {
        matches!(
            self,
            Found::Unsigned(_) | Found::Signed(_) | Found::Float(_)
        )
    }

    /// The number as a whole number when it is one (a float without fraction included).
    fn whole(&self) -> Option<i128> {
        match *self {
            Found::Unsigned(n) => Some(n.into()),
            Found::Signed(n) => Some(n.into()),
            // Within ±2^127 the cast is exact for a float without fraction.
            Found::Float(f) if f.fract() == 0.0 && f.abs() < 1.7e38 => Some(f as i128),
            _ => None,
        }
    }

    /// (zh, en): `文本"abc"` / `the text "abc"`. `raw` is the number as written in the input.
    fn words(&self, raw: Option<&str>) -> (String, String) {
        let number_words = || {
            let shown = raw.map_or_else(|| number(self), str::to_string);
            (format!("数字{shown}"), format!("the number {shown}"))
        };
        match self {
            Found::Text(s) => {
                let q = quoted(s);
                (format!("文本{q}"), format!("the text {q}"))
            }
            Found::Unsigned(_) | Found::Signed(_) | Found::Float(_) => number_words(),
            Found::Bool(b) => (
                format!("逻辑值“{}”", if *b { "是" } else { "否" }),
                b.to_string(),
            ),
            Found::Null => ("空值".into(), "null".into()),
            Found::List => ("列表".into(), "a list".into()),
            Found::Object => ("对象".into(), "an object".into()),
            Found::Other(o) => ("其他类型的值".into(), o.clone()),
        }
    }
}

/// A number as its exact value: a float without fraction is shown as the whole number it is
/// (`18446744073709551616`, never `18446744073709552000.0`).
fn number(n: &Found) -> String {
    match *n {
        Found::Unsigned(u) => u.to_string(),
        Found::Signed(i) => i.to_string(),
        // Shortest round-trip text through serde_json (ryu): `2.5`, `1e300`. Not `{}` on the
        // f64, whose formatter is some 20 KB of the WebAssembly module.
        Found::Float(f) => match n.whole() {
            Some(w) => w.to_string(),
            None => crate::messages::numbers::float(f),
        },
        _ => String::new(),
    }
}

/// `"text"`, control characters escaped so that a message stays on one line.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push('"');
    out
}

/// What a place in the document takes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expect {
    Bool,
    /// A whole number within `min..=max`.
    Whole {
        min: i128,
        max: i128,
    },
    /// Any number.
    Number,
    Text,
    List,
    Object,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// An instant with its UTC offset (RFC 3339).
    Timestamp,
    /// An exact decimal (text or a whole number).
    Decimal,
    /// A reporting year ([`crate::Dataset::YEARS`]).
    Year,
    /// A semester such as `2023-2024-1`.
    Semester,
    /// One of these values.
    OneOf(&'static [&'static str]),
    /// One value of a list not known here (an enum read by its own code).
    Choice,
    /// One value of a list the reader gave in words for each language (the model's labelled
    /// enums: `one of secondary, technician (中文:中职学校、技工学校)`).
    Listed {
        en: String,
        zh: String,
    },
    /// What a type said it expects, in English only.
    Other(String),
}

impl Expect {
    /// From serde's description of what a visitor expects (`u32`, `a string`, `struct School`,
    /// chrono's `a formatted date string`, …): the names serde and the types here give.
    pub(crate) fn of(exp: &dyn de::Expected) -> Self {
        Self::from_text(&exp.to_string())
    }

    fn from_text(e: &str) -> Self {
        let whole = |min: i128, max: i128| Expect::Whole { min, max };
        match e {
            "a boolean" => Expect::Bool,
            "u8" => whole(0, u8::MAX.into()),
            "u16" => whole(0, u16::MAX.into()),
            "u32" => whole(0, u32::MAX.into()),
            "u64" | "usize" => whole(0, u64::MAX.into()),
            "i8" => whole(i8::MIN.into(), i8::MAX.into()),
            "i16" => whole(i16::MIN.into(), i16::MAX.into()),
            "i32" => whole(i32::MIN.into(), i32::MAX.into()),
            "i64" | "isize" => whole(i64::MIN.into(), i64::MAX.into()),
            "u128" => whole(0, i128::MAX),
            "i128" => whole(i128::MIN, i128::MAX),
            "f32" | "f64" => Expect::Number,
            "a string" | "a borrowed string" | "a character" | "string" => Expect::Text,
            "a sequence" => Expect::List,
            "a formatted date string" => Expect::Date,
            crate::model::YEAR_EXPECTED => Expect::Year,
            _ if e.starts_with("a tuple") || e.starts_with("tuple") => Expect::List,
            _ if e.starts_with("struct ") || e.starts_with("a map") || e == "map" => Expect::Object,
            _ if e.contains("date and time") => Expect::Timestamp,
            _ if e.starts_with("an exact decimal") => Expect::Decimal,
            _ if e.starts_with("enum ") || e == "variant identifier" => Expect::Choice,
            _ if e.starts_with("one of ") => e
                .strip_prefix("one of ")
                .and_then(|r| r.split_once(" (中文:"))
                .map_or_else(
                    || Expect::Other(e.to_string()),
                    |(en, zh)| Expect::Listed {
                        en: en.to_string(),
                        zh: zh.trim_end_matches(')').to_string(),
                    },
                ),
            _ => Expect::Other(e.to_string()),
        }
    }

    /// What a value handed to a reader of this type must be, when the type is one whose own
    /// words (a `custom` error) say nothing typed: chrono's date and time readers, the exact
    /// decimal, the semester. `type_name` is the reader's or the target's type.
    pub(crate) fn of_type(type_name: &str) -> Option<Self> {
        if type_name.ends_with("NaiveDateVisitor") {
            Some(Expect::Date)
        } else if type_name.ends_with("DateTimeVisitor") {
            Some(Expect::Timestamp)
        } else if type_name.contains("::model::exact::") {
            Some(Expect::Decimal)
        } else if type_name.contains("::Semester") {
            Some(Expect::Semester)
        } else {
            None
        }
    }

    /// (zh, en), as the object of "should be …".
    fn words(&self) -> (String, String) {
        let s = |zh: &str, en: &str| (zh.to_string(), en.to_string());
        match self {
            Expect::Bool => s("是或否(JSON 中写 true 或 false)", "true or false"),
            Expect::Whole { min: 0, .. } => s("非负整数", "a whole number (0 or more)"),
            Expect::Whole { .. } => s("整数", "a whole number"),
            Expect::Number => s("数字", "a number"),
            Expect::Text => s("文本", "text"),
            Expect::List => s("列表(用 [ ] 括起)", "a list ([…])"),
            Expect::Object => s("对象(用 { } 括起)", "an object ({…})"),
            Expect::Date => s("日期(如 2024-09-01)", "a date written as 2024-09-01"),
            Expect::Timestamp => s(
                "带时区的时间(如 2024-02-27T17:00:00+08:00)",
                "a date and time with its UTC offset, such as 2024-02-27T17:00:00+08:00",
            ),
            Expect::Decimal => s(
                "精确的小数(写成带引号的文本,如 \"2700.50\")或整数",
                "an exact decimal written as text (such as \"2700.50\") or a whole number",
            ),
            Expect::Year => s(
                "2000至2100年之间的报告年度",
                "a reporting year from 2000 to 2100",
            ),
            Expect::Semester => s(
                "学期(如 2023-2024-1,即2023—2024学年第一学期)",
                "a semester such as 2023-2024-1 (first term of 2023–2024)",
            ),
            Expect::OneOf(list) => {
                let (zh, en) = choices(list);
                (format!("以下之一:{zh}"), format!("one of {en}"))
            }
            Expect::Choice => s("可选的值之一", "one of the accepted values"),
            Expect::Listed { en, zh } => (format!("以下之一:{zh}"), format!("one of {en}")),
            Expect::Other(e) => ("符合要求的值".into(), e.clone()),
        }
    }
}

/// The accepted values of a choice, for each language: the Chinese message lists the values
/// written in Chinese when there are any (an enum that also accepts Chinese labels), the English
/// one the others; a list in one script only is shown in both.
fn choices(list: &[&str]) -> (String, String) {
    let cjk = |s: &&&str| s.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c));
    let zh: Vec<&str> = list.iter().filter(cjk).copied().collect();
    let en: Vec<&str> = list.iter().filter(|s| !cjk(s)).copied().collect();
    let zh = if zh.is_empty() { &en } else { &zh };
    let en = if en.is_empty() { zh } else { &en };
    let join = |items: &[&str], sep: &str| {
        items
            .iter()
            .map(|s| quoted(s))
            .collect::<Vec<_>>()
            .join(sep)
    };
    (join(zh, "、"), join(en, ", "))
}

/// One problem with a value, as recorded where it arose.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Problem {
    /// A value of the wrong type (serde's `invalid_type`).
    Type { found: Found, expected: Expect },
    /// A value of the right type that is not allowed (`invalid_value`, `invalid_length`).
    Value { found: Found, expected: Expect },
    /// A value not among those accepted (`unknown_variant`).
    Choice {
        found: String,
        accepted: &'static [&'static str],
    },
    /// A required field is absent (`missing_field`).
    Missing { field: &'static str },
    /// A field the type does not know (`unknown_field`), and those it knows.
    UnknownField {
        field: String,
        known: &'static [&'static str],
    },
    /// A field given twice (`duplicate_field`).
    DuplicateField { field: &'static str },
    /// What a type's own code said (`custom`), with the value it was given and what the type
    /// takes once the reader knows them.
    Said {
        text: String,
        found: Option<Found>,
        target: Option<Expect>,
    },
}

impl Problem {
    pub(crate) fn kind(&self) -> InputErrorKind {
        match self {
            Problem::Type { found, expected } if out_of_range(found, expected).is_some() => {
                InputErrorKind::Value
            }
            Problem::Type { .. } => InputErrorKind::Type,
            Problem::Said {
                found: Some(f),
                target: Some(t),
                ..
            } if !fits(f, t) => InputErrorKind::Type,
            Problem::Value { .. } | Problem::Choice { .. } | Problem::Said { .. } => {
                InputErrorKind::Value
            }
            Problem::Missing { .. } => InputErrorKind::Missing,
            Problem::UnknownField { .. } => InputErrorKind::UnknownField,
            Problem::DuplicateField { .. } => InputErrorKind::DuplicateKey,
        }
    }

    /// The Chinese and English messages; `raw` is the value as written in the input text, when
    /// known (a number keeps its digits).
    pub(crate) fn words(&self, raw: Option<&str>) -> (String, String) {
        match self {
            Problem::Type { found, expected } | Problem::Value { found, expected } => {
                if let Some(range) = out_of_range(found, expected) {
                    if range.0 < 0 || found.whole().is_some_and(|n| n >= 0) {
                        return range_words(found, raw, range);
                    }
                    // A negative number for a count.
                    let shown = raw.map_or_else(|| number(found), str::to_string);
                    return (
                        format!("应为非负整数,实为负数{shown}"),
                        format!("should be a whole number (0 or more), but is the negative number {shown}"),
                    );
                }
                should_be(found, raw, expected)
            }
            Problem::Choice { found, accepted } => {
                let q = quoted(&super::quote(found));
                let (zh, en) = choices(accepted);
                (
                    format!("{q}不是可选的值;可选:{zh}"),
                    format!("{q} is not one of the accepted values: {en}"),
                )
            }
            Problem::Missing { field } => (
                format!("缺少必填字段“{field}”"),
                format!("the required field \"{field}\" is missing"),
            ),
            Problem::UnknownField { field, .. } => {
                let f = super::quote(field);
                (
                    format!("未知字段“{f}”:不会被检查,请删除或更正拼写"),
                    format!("unknown field \"{f}\": it would not be checked; remove it or fix its spelling"),
                )
            }
            Problem::DuplicateField { field } => (
                format!("字段“{field}”重复出现:每个字段只能给出一次"),
                format!("the field \"{field}\" is given twice: give each field once"),
            ),
            Problem::Said {
                text,
                found,
                target,
            } => said_words(text, found.as_ref(), target.as_ref(), raw),
        }
    }

    /// English only (pack errors, which are read by pack authors).
    pub(crate) fn english(&self) -> String {
        self.words(None).1
    }
}

/// `应为…,实为…` / `should be …, but is …`.
fn should_be(found: &Found, raw: Option<&str>, expected: &Expect) -> (String, String) {
    let (fz, fe) = found.words(raw);
    let (ez, ee) = expected.words();
    (
        format!("应为{ez},实为{fz}"),
        format!("should be {ee}, but is {fe}"),
    )
}

/// Whether a value of the kind found can be what `target` takes (a text for a date can; a
/// number for a date cannot, and that is a wrong type).
fn fits(found: &Found, target: &Expect) -> bool {
    match target {
        Expect::Date | Expect::Timestamp | Expect::Semester => matches!(found, Found::Text(_)),
        Expect::Decimal => matches!(found, Found::Text(_)) || found.is_number(),
        _ => true,
    }
}

/// For a whole number outside `expected`'s range (a float without fraction included): the range.
fn out_of_range(found: &Found, expected: &Expect) -> Option<(i128, i128)> {
    let Expect::Whole { min, max } = *expected else {
        return None;
    };
    let n = found.whole()?;
    (n < min || n > max).then_some((min, max))
}

fn range_words(found: &Found, raw: Option<&str>, (min, max): (i128, i128)) -> (String, String) {
    let shown = raw.map_or_else(|| number(found), str::to_string);
    let (lo, hi) = (grouped(min), grouped(max));
    (
        format!("数字{shown}超出范围:应为{lo}至{hi}之间的整数"),
        format!(
            "the number {shown} is out of range: it should be a whole number from {lo} to {hi}"
        ),
    )
}

/// `4,294,967,295`.
fn grouped(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A type's own refusal, said from what it was given and what it takes.
fn said_words(
    text: &str,
    found: Option<&Found>,
    target: Option<&Expect>,
    raw: Option<&str>,
) -> (String, String) {
    match (found, target) {
        (Some(Found::Text(s)), Some(Expect::Date)) => date_words(s, Expect::Date),
        (Some(Found::Text(s)), Some(Expect::Timestamp)) => timestamp_words(s),
        (Some(Found::Text(s)), Some(Expect::Decimal)) => decimal_words(s),
        (Some(f @ Found::Float(_)), Some(Expect::Decimal)) => {
            let shown = raw.map_or_else(|| number(f), str::to_string);
            (
                format!("小数{shown}请写成带引号的文本 \"{shown}\",以免按二进制浮点数读入而失去精度"),
                format!("write the decimal {shown} as text, \"{shown}\", so that it is read exactly rather than as a binary float"),
            )
        }
        (Some(f), Some(t)) => should_be(f, raw, t),
        (Some(f), None) => {
            let (fz, fe) = f.words(raw);
            (
                format!("{fz}不是有效的取值"),
                format!("{fe} is not valid: {text}"),
            )
        }
        (None, _) => ("取值无效".into(), text.to_string()),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `y-m-d` as numbers when `s` has that shape (digits and two dashes).
fn ymd(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if it.next().is_some() || !digits(y, 4..=4) || !digits(m, 1..=2) || !digits(d, 1..=2) {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

/// Days in month `m` of year `y`.
fn days_in(y: i32, m: u32) -> Option<u32> {
    let first = chrono::NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = if m == 12 {
        chrono::NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        chrono::NaiveDate::from_ymd_opt(y, m + 1, 1)?
    };
    u32::try_from(next.signed_duration_since(first).num_days()).ok()
}

/// Why the text `s` is not a valid date, when it has a date's shape; else `should be`.
fn date_words(s: &str, expected: Expect) -> (String, String) {
    ymd(s.trim())
        .and_then(|(y, m, d)| no_such_day(s, y, m, d))
        .unwrap_or_else(|| should_be(&Found::Text(s.to_string()), None, &expected))
}

/// "February 2024 has no day 30" for year `y`, month `m`, day `d` written as `s`, when that is
/// what is wrong.
fn no_such_day(s: &str, y: i32, m: u32, d: u32) -> Option<(String, String)> {
    let q = quoted(s);
    if !(1..=12).contains(&m) {
        return Some((
            format!("{q}不是有效日期:没有{m}月"),
            format!("{q} is not a valid date: there is no month {m}"),
        ));
    }
    let n = days_in(y, m).filter(|n| d == 0 || d > *n)?;
    let month = MONTHS.get(m as usize - 1).copied().unwrap_or_default();
    Some((
        format!("{q}不是有效日期:{y}年{m}月没有{d}日(该月只有{n}天)"),
        format!("{q} is not a valid date: {month} {y} has no day {d} (it has {n} days)"),
    ))
}

/// For a table cell written as a date in any of the ways tables write one (`2024-2-30`,
/// `2024/2/30`, `2024.2.30`, `2024年2月30日`, a time after it): the words for a day or month
/// that does not exist, if that is what is wrong.
#[cfg(any(test, feature = "tables"))]
pub(crate) fn impossible_date(s: &str) -> Option<(String, String)> {
    let mut parts = s
        .trim()
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty());
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    no_such_day(s.trim(), y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn timestamp_words(s: &str) -> (String, String) {
    let q = quoted(s);
    let t = s.trim();
    let example = "2024-02-27T17:00:00+08:00";
    if super::dates::parse_date_time(t).is_ok() {
        return (
            format!("时间{q}缺少时区:请写成 {example} 的形式(北京时间为+08:00)"),
            format!(
                "the time {q} has no UTC offset: write it as {example} (+08:00 is Beijing time)"
            ),
        );
    }
    if super::dates::parse_date(t).is_ok() {
        return (
            format!("{q}只有日期,缺少时刻和时区:请写成 {example} 的形式"),
            format!("{q} is a date without a time and UTC offset: write it as {example}"),
        );
    }
    // A bad date in front of the time is said as for a date.
    if let Some(date) = t.get(..10).filter(|d| ymd(d).is_some()) {
        if super::dates::parse_date(date).is_err() {
            return date_words(date, Expect::Timestamp);
        }
    }
    should_be(&Found::Text(s.to_string()), None, &Expect::Timestamp)
}

fn decimal_words(s: &str) -> (String, String) {
    let q = quoted(s);
    let t = s.trim();
    let numeric = t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().all(|b| b.is_ascii_digit() || b"+-.".contains(&b));
    if numeric {
        (
            format!("{q}位数过多:精确小数最多28位有效数字,否则会被舍入"),
            format!("{q} has too many digits for an exact decimal (at most 28 significant digits); it would be rounded"),
        )
    } else {
        should_be(&Found::Text(s.to_string()), None, &Expect::Decimal)
    }
}

/// The words for a JSON syntax error at serde_json's `line` and `column` (bytes consumed on the
/// line) in `text`, and the column in characters.
pub(crate) fn syntax(
    text: &str,
    category: serde_json::error::Category,
    line: usize,
    column: usize,
) -> (String, String, usize) {
    use serde_json::error::Category;
    let line_start = line_start(text, line);
    let at = match column {
        // Nothing consumed on this line: the byte at fault ends the line before (a newline in
        // a text).
        0 => line_start.saturating_sub(1),
        c => (line_start + c - 1).min(text.len()),
    };
    let col = text
        .get(line_start..(line_start + column).min(text.len()))
        .map_or(column, |s| s.chars().count())
        .max(1);
    let place_zh = format!("第{line}行第{col}列");
    let place_en = format!("line {line}, column {col}");
    let (zh, en) = match category {
        Category::Eof => eof(text, &place_zh, &place_en),
        Category::Syntax => at_fault(text, at, &place_zh, &place_en),
        Category::Data | Category::Io => (
            format!("JSON 在{place_zh}无法读取"),
            format!("the JSON cannot be read at {place_en}"),
        ),
    };
    (zh, en, col)
}

fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

/// What JSON syntax allows next, after a prefix of a document.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Next {
    /// A value (at the start, after `:` or after `,` in a list).
    Value,
    /// A value or `]` (after `[`).
    ValueOrClose,
    /// A key or `}` (after `{`).
    KeyOrClose,
    /// A key (after `,` in an object).
    Key,
    /// `:` after a key.
    Colon,
    /// `,` or the container's end, or the document's end at the top.
    CommaOrClose,
}

/// The state of a JSON reader after `prefix` (well-formed up to its end: serde_json stopped at
/// the first fault).
struct State {
    open: Vec<u8>,
    next: Next,
    /// Inside a text (a string).
    in_text: bool,
    /// The start of a number or word (`tru`) the prefix ends in.
    in_word: Option<usize>,
    /// The last byte before a text's end was a backslash.
    escaped: bool,
}

fn scan(prefix: &[u8]) -> State {
    let mut s = State {
        open: Vec::new(),
        next: Next::Value,
        in_text: false,
        in_word: None,
        escaped: false,
    };
    let after_value = |s: &mut State| s.next = Next::CommaOrClose;
    for (i, &b) in prefix.iter().enumerate() {
        if s.in_text {
            if s.escaped {
                s.escaped = false;
            } else if b == b'\\' {
                s.escaped = true;
            } else if b == b'"' {
                s.in_text = false;
                // A key is followed by `:`, a value by `,` or the end.
                s.next = if matches!(s.next, Next::Key | Next::KeyOrClose) {
                    Next::Colon
                } else {
                    Next::CommaOrClose
                };
            }
            continue;
        }
        let word = b.is_ascii_alphanumeric() || b"+-.".contains(&b);
        if s.in_word.is_some() && !word {
            s.in_word = None;
            after_value(&mut s);
        }
        match b {
            b'"' => s.in_text = true,
            b'{' => {
                s.open.push(b'{');
                s.next = Next::KeyOrClose;
            }
            b'[' => {
                s.open.push(b'[');
                s.next = Next::ValueOrClose;
            }
            b'}' | b']' => {
                s.open.pop();
                after_value(&mut s);
            }
            b':' => s.next = Next::Value,
            b',' => {
                s.next = if s.open.last() == Some(&b'{') {
                    Next::Key
                } else {
                    Next::Value
                }
            }
            _ if word && s.in_word.is_none() => s.in_word = Some(i),
            _ => {}
        }
    }
    s
}

/// The closers a document cut at its end still needs, innermost first: `] }`.
fn closers(open: &[u8]) -> String {
    let mut out = String::new();
    for b in open.iter().rev() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(if *b == b'{' { '}' } else { ']' });
    }
    out
}

fn eof(text: &str, place_zh: &str, place_en: &str) -> (String, String) {
    if text.trim().is_empty() {
        return (
            "JSON 文档是空的:没有任何内容".into(),
            "the JSON document is empty".into(),
        );
    }
    let s = scan(text.as_bytes());
    let head = (
        format!("JSON 在{place_zh}意外结束"),
        format!("the JSON ends unexpectedly at {place_en}"),
    );
    let need = closers(&s.open);
    if s.in_text {
        return (
            format!("{}:文本缺少结尾的双引号 \"", head.0),
            format!("{}: a text has no closing quote (\")", head.1),
        );
    }
    if matches!(s.next, Next::Value | Next::Colon) && s.in_word.is_none() {
        return (
            format!("{}:最后一个字段缺少值,之后还缺少 {need}", head.0),
            format!(
                "{}: the last field has no value, and {need} is missing after it",
                head.1
            ),
        );
    }
    if need.is_empty() {
        return head;
    }
    (
        format!("{},可能缺少 {need}", head.0),
        format!("{}: {need} may be missing", head.1),
    )
}

/// The word (number or name) starting at `i`, abbreviated.
fn word_at(text: &str, i: usize) -> String {
    let rest = text.get(i..).unwrap_or("");
    let end = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || ",:]}[{\"".contains(*c))
        .map_or(rest.len(), |(j, _)| j);
    let w = rest.get(..end).unwrap_or("");
    // At least the character at fault.
    let w = if w.is_empty() {
        rest.chars().next().map(String::from).unwrap_or_default()
    } else {
        w.to_string()
    };
    super::quote(&w).into_owned()
}

/// `“x”` in Chinese, `x` in English: what the user wrote, set off from the sentence.
fn zh_quoted(w: &str) -> String {
    format!("“{w}”")
}

fn at_fault(text: &str, at: usize, place_zh: &str, place_en: &str) -> (String, String) {
    let bytes = text.as_bytes();
    let s = scan(bytes.get(..at).unwrap_or(bytes));
    let c = bytes.get(at).copied();
    let (zh, en): (String, String) = if s.in_text {
        if c.is_none_or(|c| c < 0x20) {
            (
                "文本中不能直接换行或含控制字符:换行请写成 \\n".into(),
                "a text may not contain a line break or control character as such: write a line break as \\n".into(),
            )
        } else {
            // Inside a text, the only other fault is an escape (`\q`, `\u12G4`, a lone
            // surrogate): shown from its backslash.
            let from = text.get(..at).and_then(|p| p.rfind('\\')).unwrap_or(at);
            let end = text
                .get(at..)
                .and_then(|r| r.chars().next())
                .map_or(at, |ch| at + ch.len_utf8());
            let w = super::quote(text.get(from..end).unwrap_or("")).into_owned();
            (
                format!(
                    "文本中的转义写法不对({}):反斜杠 \\ 本身要写成 \\\\",
                    zh_quoted(&w)
                ),
                format!("a text has a bad escape ({w}): write a backslash itself as \\\\"),
            )
        }
    } else if let Some(start) = s.in_word {
        let w = word_at(text, start);
        let numeric = w.starts_with(|c: char| c.is_ascii_digit() || c == '-');
        if numeric {
            (
                format!("数字写法不对或超出范围:{}", zh_quoted(&w)),
                format!("the number {w} is malformed or out of range"),
            )
        } else {
            (
                format!(
                    "无法识别{}:文本要用双引号括起,逻辑值写 true 或 false,空值写 null",
                    zh_quoted(&w)
                ),
                format!(
                    "{w} is not JSON: put text in double quotes; write true, false or null as such"
                ),
            )
        }
    } else {
        let w = word_at(text, at);
        let q = zh_quoted(&w);
        let mismatched = matches!(
            (s.open.last(), c),
            (Some(b'['), Some(b'}')) | (Some(b'{'), Some(b']'))
        );
        match (s.next, c) {
            _ if mismatched => {
                let close = closers(&s.open[s.open.len() - 1..]);
                (
                    format!("括号不配对:此处应以 {close} 结束,实为{q}"),
                    format!("brackets do not match: {close} should close here, found {w}"),
                )
            }
            (Next::CommaOrClose, _) if s.open.is_empty() => (
                format!("文档在此之前已经结束,后面多出了{q}"),
                format!("the document has ended before this point; {w} is extra"),
            ),
            (Next::CommaOrClose, _) => {
                let close = closers(&s.open[s.open.len() - 1..]);
                (
                    format!("缺少逗号:此处应为 , 或 {close},实为{q}"),
                    format!("a comma is missing: a , or {close} should come here, found {w}"),
                )
            }
            (Next::Value | Next::Key, Some(b']' | b'}')) => (
                format!("{w} 前多了一个逗号"),
                format!("there is a comma too many before {w}"),
            ),
            (Next::Key | Next::KeyOrClose, _) => (
                format!("字段名要用双引号括起,实为{q}"),
                format!("a field name must be in double quotes, found {w}"),
            ),
            (Next::Colon, _) => (
                format!("字段名后缺少冒号 :,实为{q}"),
                format!("a colon (:) is missing after the field name, found {w}"),
            ),
            (_, Some(b'\'')) => (
                "文本要用双引号 \" 括起,不能用单引号 '".into(),
                "text must be in double quotes (\"), not single quotes (')".into(),
            ),
            _ => (
                format!("此处应有一个值(文本、数字、列表、对象,或 true、false、null),实为{q}"),
                format!("a value (text, a number, a list, an object, or true, false, null) is expected here, found {w}"),
            ),
        }
    };
    (
        format!("JSON 格式错误({place_zh}):{zh}"),
        format!("malformed JSON at {place_en}: {en}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_show_exactly() {
        assert_eq!(
            number(&Found::Float(18446744073709551616.0)),
            "18446744073709551616"
        );
        assert_eq!(number(&Found::Float(2.5)), "2.5");
        assert_eq!(number(&Found::Float(1e300)), "1e+300");
        assert_eq!(grouped(4294967295), "4,294,967,295");
        assert_eq!(grouped(-2147483648), "-2,147,483,648");
    }

    #[test]
    fn dates_say_why() {
        let (zh, en) = date_words("2024-02-30", Expect::Date);
        assert!(zh.contains("2024年2月没有30日"), "{zh}");
        assert!(en.contains("February 2024 has no day 30"), "{en}");
        assert!(date_words("2024-13-01", Expect::Date)
            .0
            .contains("没有13月"));
        assert!(date_words("abc", Expect::Date).0.starts_with("应为日期"));
        let (zh, _) = impossible_date("2023年2月29日").unwrap();
        assert!(zh.contains("2023年2月没有29日(该月只有28天)"), "{zh}");
        assert!(impossible_date("2024/4/31 10:00").is_some());
        assert_eq!(impossible_date("2024/4/30"), None);
    }

    #[test]
    fn readers_are_known_by_type() {
        // chrono's readers, by the type names this build links (a rename fails here).
        fn visitor_of<T: for<'de> serde::Deserialize<'de>>() -> String {
            struct Probe(String);
            impl<'de> serde::Deserializer<'de> for &mut Probe {
                type Error = serde::de::value::Error;
                fn deserialize_any<V: de::Visitor<'de>>(
                    self,
                    _: V,
                ) -> Result<V::Value, Self::Error> {
                    self.0 = std::any::type_name::<V>().to_string();
                    Err(de::Error::custom("probe"))
                }
                serde::forward_to_deserialize_any! {
                    bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
                    byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
                    struct enum identifier ignored_any
                }
            }
            let mut p = Probe(String::new());
            let _ = T::deserialize(&mut p);
            p.0
        }
        assert_eq!(
            Expect::of_type(&visitor_of::<chrono::NaiveDate>()),
            Some(Expect::Date)
        );
        assert_eq!(
            Expect::of_type(&visitor_of::<crate::model::Timestamp>()),
            Some(Expect::Timestamp)
        );
        assert_eq!(
            Expect::of_type(std::any::type_name::<
                std::marker::PhantomData<crate::model::Semester>,
            >()),
            Some(Expect::Semester)
        );
    }
}
