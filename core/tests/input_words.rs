#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a panic is a failed assertion
//! Input errors in the user's words: every bad input gets its stable type, its place, and a
//! Chinese message with no English identifiers and no serde or Rust jargon (issue 11, item 4).

use xianjie::input::{InputErrorKind, InputIssue};
use xianjie::Dataset;

const SCHOOL: &str = r#""id": "S1", "name": "甲", "level": "secondary""#;
const ACTIVITY: &str = r#""project": "P1", "semester": "2023-2024-1""#;
const STUDENT: &str = r#""id": "X1", "school": "S1", "entry_year": 2024"#;
const CAMPUS: &str = r#""school": "S1", "year": 2024"#;

fn school(extra: &str) -> String {
    format!(r#"{{"schools": [{{{SCHOOL}{extra}}}]}}"#)
}
fn activity(extra: &str) -> String {
    format!(r#"{{"semester_activities": [{{{ACTIVITY}{extra}}}]}}"#)
}
fn student(extra: &str) -> String {
    format!(r#"{{"students": [{{{STUDENT}{extra}}}]}}"#)
}
fn campus(extra: &str) -> String {
    format!(r#"{{"higher_campuses": [{{{CAMPUS}{extra}}}]}}"#)
}
fn contact(reported_at: &str) -> String {
    school(&format!(
        r#", "governance": {{"contact": {{"reported_at": {reported_at}}}}}"#
    ))
}

/// Words a Chinese message may carry in ASCII: JSON's own literals and name, and the format of a
/// date. Field names and paths are taken out before (see [`english_words`]).
const ALLOWED: &[&str] = &["JSON", "true", "false", "null"];

/// Serde and Rust jargon that must never reach a user.
const JARGON: &[&str] = &[
    "invalid",
    "expected",
    "EOF",
    "struct",
    "u32",
    "u64",
    "i32",
    "unit value",
    "sequence",
    "floating point",
    "premature",
    "input is out of range",
];

/// The ASCII words of three letters or more in `msg`, once the issue's place (its path and each
/// of the path's keys) and the quoted values are taken out: what is left is English the user did
/// not write.
fn english_words(issue: &InputIssue) -> Vec<String> {
    let mut msg = issue.msg_zh.clone();
    // Quoted values (the user's own text, accepted values) and field names.
    for (open, close) in [('"', '"'), ('“', '”')] {
        while let Some(a) = msg.find(open) {
            let Some(b) = msg[a + open.len_utf8()..].find(close) else {
                break;
            };
            msg.replace_range(a..a + open.len_utf8() + b + close.len_utf8(), " ");
        }
    }
    if !issue.loc.is_empty() {
        msg = msg.replace(&issue.loc, " ");
    }
    for key in issue.loc.split(['.', '[', ']']) {
        if key.len() > 2 && !key.bytes().all(|b| b.is_ascii_digit()) {
            msg = msg.replace(key, " ");
        }
    }
    msg.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !ALLOWED.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether `msg` has `word` as a word of its own ("expected", not "unexpectedly").
fn has_word(msg: &str, word: &str) -> bool {
    msg.match_indices(word).any(|(i, _)| {
        let before = msg[..i].chars().next_back();
        let after = msg[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

struct Case {
    what: &'static str,
    text: String,
    kind: InputErrorKind,
    loc: &'static str,
    /// Pieces the Chinese message must contain.
    zh: &'static [&'static str],
    /// Pieces the English message must contain.
    en: &'static [&'static str],
}

fn case(
    what: &'static str,
    text: impl Into<String>,
    kind: InputErrorKind,
    loc: &'static str,
    zh: &'static [&'static str],
    en: &'static [&'static str],
) -> Case {
    Case {
        what,
        text: text.into(),
        kind,
        loc,
        zh,
        en,
    }
}

fn cases() -> Vec<Case> {
    use InputErrorKind::*;
    vec![
        // Wrong types, one per kind of field.
        case(
            "text for a count",
            activity(r#", "meetings": "abc""#),
            Type,
            "semester_activities[0].meetings",
            &["应为非负整数", "实为文本\"abc\""],
            &["should be a whole number (0 or more)", "the text \"abc\""],
        ),
        case(
            "fraction for a count",
            activity(r#", "meetings": 1.5"#),
            Type,
            "semester_activities[0].meetings",
            &["应为非负整数", "实为数字1.5"],
            &["the number 1.5"],
        ),
        case(
            "text for a whole number",
            student(r#", "entry_year_x": 1"#).replace(
                r#""entry_year": 2024, "entry_year_x": 1"#,
                r#""entry_year": "二〇二四""#,
            ),
            Type,
            "students[0].entry_year",
            &["应为整数", "实为文本"],
            &["should be a whole number"],
        ),
        case(
            "list for a decimal",
            campus(r#", "land_area": [1]"#),
            Type,
            "higher_campuses[0].land_area",
            &["应为精确的小数", "实为列表"],
            &["an exact decimal", "a list"],
        ),
        case(
            "float for a decimal",
            campus(r#", "land_area": 2700.50"#),
            Value,
            "higher_campuses[0].land_area",
            &["小数2700.50请写成带引号的文本 \"2700.50\""],
            &["write the decimal 2700.50 as text"],
        ),
        case(
            "word for a decimal",
            campus(r#", "land_area": "很大""#),
            Value,
            "higher_campuses[0].land_area",
            &["应为精确的小数", "实为文本\"很大\""],
            &["an exact decimal"],
        ),
        case(
            "too many digits for a decimal",
            campus(r#", "land_area": "1.00000000000000000000000000001""#),
            Value,
            "higher_campuses[0].land_area",
            &["最多28位有效数字"],
            &["at most 28 significant digits"],
        ),
        case(
            "number for a flag",
            student(r#", "graduated": 1"#),
            Type,
            "students[0].graduated",
            &["应为是或否", "实为数字1"],
            &["should be true or false", "the number 1"],
        ),
        case(
            "number for text",
            school("").replace(r#""name": "甲""#, r#""name": 7"#),
            Type,
            "schools[0].name",
            &["应为文本", "实为数字7"],
            &["should be text, but is the number 7"],
        ),
        case(
            "null for required text",
            r#"{"schools": [{"id": "S1", "name": null, "level": "secondary"}]}"#,
            Type,
            "schools[0].name",
            &["应为文本", "实为空值"],
            &["should be text, but is null"],
        ),
        case(
            "number for a date",
            student(r#", "term_start": 20240901"#),
            Type,
            "students[0].term_start",
            &["应为日期(如 2024-09-01)", "实为数字20240901"],
            &["a date written as 2024-09-01"],
        ),
        case(
            "day 30 of February",
            student(r#", "term_start": "2024-02-30""#),
            Value,
            "students[0].term_start",
            &["\"2024-02-30\"不是有效日期", "2024年2月没有30日"],
            &["February 2024 has no day 30"],
        ),
        case(
            "month 13",
            student(r#", "term_start": "2024-13-01""#),
            Value,
            "students[0].term_start",
            &["没有13月"],
            &["there is no month 13"],
        ),
        case(
            "word for a date",
            student(r#", "term_start": "开学""#),
            Value,
            "students[0].term_start",
            &["应为日期", "实为文本\"开学\""],
            &["a date written as 2024-09-01", "the text \"开学\""],
        ),
        case(
            "time without offset",
            contact(r#""2024-02-27T17:00:00""#),
            Value,
            "schools[0].governance.contact.reported_at",
            &["缺少时区", "+08:00"],
            &["has no UTC offset"],
        ),
        case(
            "date for a time",
            contact(r#""2024-02-27""#),
            Value,
            "schools[0].governance.contact.reported_at",
            &["只有日期"],
            &["without a time"],
        ),
        case(
            "bad date in a time",
            contact(r#""2023-02-29T10:00:00+08:00""#),
            Value,
            "schools[0].governance.contact.reported_at",
            &["2023年2月没有29日"],
            &["February 2023 has no day 29"],
        ),
        case(
            "list for a time",
            contact("[]"),
            Type,
            "schools[0].governance.contact.reported_at",
            &["应为带时区的时间", "实为列表"],
            &["with its UTC offset", "a list"],
        ),
        case(
            "unknown enum value",
            r#"{"schools": [{"id": "S1", "name": "甲", "level": "middle"}]}"#,
            Value,
            "schools[0].level",
            &["\"middle\"不是可选的值", "\"中职学校\"、\"技工学校\""],
            &[
                "\"middle\" is not one of the accepted values",
                "\"secondary\", \"technician\"",
            ],
        ),
        case(
            "number for an enum",
            r#"{"schools": [{"id": "S1", "name": "甲", "level": 3}]}"#,
            Type,
            "schools[0].level",
            &["应为以下之一:中职学校、技工学校", "实为数字3"],
            &["should be one of secondary, technician"],
        ),
        case(
            "object for a list",
            r#"{"schools": {"id": "S1"}}"#,
            Type,
            "schools",
            &["应为列表", "实为对象"],
            &["should be a list", "an object"],
        ),
        case(
            "text for an object",
            r#"{"schools": ["S1"]}"#,
            Type,
            "schools[0]",
            &["应为对象", "实为文本\"S1\""],
            &["should be an object"],
        ),
        case(
            "list as the document",
            "[1, 2]",
            Type,
            "",
            &["应为对象", "实为列表"],
            &["should be an object ({…}), but is a list"],
        ),
        case(
            "null as the document",
            "null",
            Type,
            "",
            &["应为对象(用 { } 括起),实为空值"],
            &["should be an object ({…}), but is null"],
        ),
        case(
            "a date cut short",
            student(r#", "term_start": "2024-02""#),
            Value,
            "students[0].term_start",
            &["应为日期(如 2024-09-01),实为文本\"2024-02\""],
            &["a date written as 2024-09-01"],
        ),
        case(
            "-3.0 for a count",
            activity(r#", "meetings": -3.0"#),
            Value,
            "semester_activities[0].meetings",
            &["应为非负整数,实为负数-3.0"],
            &["the negative number -3.0"],
        ),
        case(
            "too large for a year of entry",
            student("").replace("2024", "99999999999"),
            Value,
            "students[0].entry_year",
            &["数字99999999999超出范围:应为-2,147,483,648至2,147,483,647之间的整数"],
            &["from -2,147,483,648 to 2,147,483,647"],
        ),
        case(
            "semester",
            r#"{"semester_activities": [{"project": "P1", "semester": "2023-2025-1"}]}"#,
            Value,
            "semester_activities[0].semester",
            &["应为学期(如 2023-2024-1", "实为文本\"2023-2025-1\""],
            &["a semester such as 2023-2024-1"],
        ),
        case(
            "number for a semester",
            r#"{"semester_activities": [{"project": "P1", "semester": 20231}]}"#,
            Type,
            "semester_activities[0].semester",
            &["应为学期(如 2023-2024-1", "实为数字20231"],
            &["should be a semester such as 2023-2024-1"],
        ),
        case(
            "reporting year",
            r#"{"reporting_year": 1999}"#,
            Value,
            "reporting_year",
            &["2000至2100年之间的报告年度", "实为数字1999"],
            &["a reporting year from 2000 to 2100"],
        ),
        // Values.
        case(
            "-3 for a count",
            activity(r#", "meetings": -3"#),
            Value,
            "semester_activities[0].meetings",
            &["应为非负整数,实为负数-3"],
            &["the negative number -3"],
        ),
        case(
            "2^64 for a count",
            activity(r#", "meetings": 18446744073709551616"#),
            Value,
            "semester_activities[0].meetings",
            &["数字18446744073709551616超出范围", "0至4,294,967,295"],
            &["the number 18446744073709551616 is out of range"],
        ),
        case(
            "too large for a count",
            activity(r#", "meetings": 5000000000"#),
            Value,
            "semester_activities[0].meetings",
            &["数字5000000000超出范围"],
            &["from 0 to 4,294,967,295"],
        ),
        // Fields.
        case(
            "missing field",
            r#"{"schools": [{"id": "S1", "level": "secondary"}]}"#,
            Missing,
            "schools[0]",
            &["缺少必填字段“name”"],
            &["the required field \"name\" is missing"],
        ),
        case(
            "unknown field",
            school(r#", "colour": "red""#),
            UnknownField,
            "schools[0].colour",
            &["未知字段", "不会被检查"],
            &["unknown field"],
        ),
        case(
            "duplicate key",
            r#"{"schools": [{"id": "S1", "id": "S2", "name": "甲", "level": "secondary"}]}"#,
            DuplicateKey,
            "schools[0].id",
            &["字段“id”在同一对象中重复出现"],
            &["is given twice"],
        ),
        case(
            "duplicate member of the document",
            r#"{"schools": [], "schools": []}"#,
            DuplicateKey,
            "schools",
            &["重复出现"],
            &["is given twice"],
        ),
        // Syntax.
        case(
            "truncated list",
            format!("{{\"schools\": [\n  {{{SCHOOL}}},\n  {{{SCHOOL}}}"),
            Syntax,
            "schools[2]",
            &["JSON 在第3行第49列意外结束", "可能缺少 ] }"],
            &[
                "the JSON ends unexpectedly at line 3, column 49",
                "] } may be missing",
            ],
        ),
        case(
            "truncated text",
            r#"{"name": "abc"#,
            Syntax,
            "name",
            &["意外结束", "文本缺少结尾的双引号"],
            &["a text has no closing quote"],
        ),
        case(
            "trailing comma",
            r#"{"schools": [{"id": "S1",}]}"#,
            Syntax,
            "schools[0]",
            &["JSON 格式错误(第1行第26列)", "} 前多了一个逗号"],
            &["there is a comma too many before }"],
        ),
        case(
            "trailing comma in a list",
            format!("{{\"schools\": [{{{SCHOOL}}},]}}"),
            Syntax,
            "schools[1]",
            &["] 前多了一个逗号"],
            &["a comma too many"],
        ),
        case(
            "missing comma",
            "{\"name\": \"a\"\n \"reporting_year\": 2024}",
            Syntax,
            "",
            &["缺少逗号", "第2行第2列"],
            &["a comma is missing"],
        ),
        case(
            "brackets that do not match",
            "{\"reporting_year\": 2024,\n \"schools\": [}\n",
            Syntax,
            "schools[0]",
            &["JSON 格式错误(第2行第14列):括号不配对:此处应以 ] 结束"],
            &["brackets do not match: ] should close here, found }"],
        ),
        case(
            "missing colon",
            r#"{"name" "a"}"#,
            Syntax,
            "name",
            &["缺少冒号"],
            &["a colon (:) is missing"],
        ),
        case(
            "unquoted key",
            r#"{name: "a"}"#,
            Syntax,
            "",
            &["字段名要用双引号括起"],
            &["field name must be in double quotes"],
        ),
        case(
            "single quotes",
            r#"{"name": 'a'}"#,
            Syntax,
            "name",
            &["不能用单引号"],
            &["not single quotes"],
        ),
        case(
            "a misspelt literal",
            r#"{"students": [{"graduated": tru}]}"#,
            Syntax,
            "students[0].graduated",
            &["无法识别“tru”"],
            &["tru is not JSON"],
        ),
        case(
            "a number out of range",
            r#"{"reporting_year": 1e999}"#,
            Syntax,
            "reporting_year",
            &["数字写法不对或超出范围:“1e999”"],
            &["the number 1e999"],
        ),
        case(
            "line break in a text",
            "{\"name\": \"a\nb\"}",
            Syntax,
            "name",
            &["不能直接换行"],
            &["line break"],
        ),
        case(
            "bad escape",
            r#"{"name": "a\qb"}"#,
            Syntax,
            "name",
            &["转义写法不对"],
            &["bad escape"],
        ),
        case(
            "bad unicode escape",
            r#"{"name": "a\u12G4"}"#,
            Syntax,
            "name",
            &["转义写法不对(“\\u12G4”)"],
            &["bad escape (\\u12G4)"],
        ),
        case(
            "text after the document",
            r#"{"name": "a"} x"#,
            Syntax,
            "",
            &["后面多出了“x”"],
            &["x is extra"],
        ),
        case(
            "empty document",
            "",
            Syntax,
            "",
            &["JSON 文档是空的"],
            &["the JSON document is empty"],
        ),
        case(
            "blank document",
            " \n ",
            Syntax,
            "",
            &["JSON 文档是空的"],
            &["empty"],
        ),
        case(
            "Chinese before the fault: columns count characters",
            r#"{"name": "北京", x}"#,
            Syntax,
            "",
            &["第1行第16列", "字段名要用双引号括起"],
            &["line 1, column 16"],
        ),
    ]
}

#[test]
fn every_bad_input_has_its_type_place_and_plain_words() {
    let mut failures = Vec::new();
    for c in cases() {
        let e = match Dataset::from_json_str(&c.text) {
            Ok(_) => {
                failures.push(format!("{}: read without error", c.what));
                continue;
            }
            Err(e) => e,
        };
        let i = &e.errors[0];
        if std::env::var_os("SHOW").is_some() {
            println!(
                "{}\n  {} | {}\n  {}\n",
                c.what,
                i.kind.as_str(),
                i.msg_zh,
                i.msg_en
            );
        }
        let mut bad = Vec::new();
        if (i.kind, i.loc.as_str()) != (c.kind, c.loc) {
            bad.push(format!("type and place {:?} {:?}", i.kind, i.loc));
        }
        bad.extend(
            c.zh.iter()
                .filter(|p| !i.msg_zh.contains(*p))
                .map(|p| format!("zh lacks {p:?}")),
        );
        bad.extend(
            c.en.iter()
                .filter(|p| !i.msg_en.contains(*p))
                .map(|p| format!("en lacks {p:?}")),
        );
        let english = english_words(i);
        if !english.is_empty() {
            bad.push(format!("English in zh: {english:?}"));
        }
        for j in JARGON {
            if has_word(&i.msg_zh, j) || has_word(&i.msg_en, j) {
                bad.push(format!("jargon {j:?}"));
            }
        }
        if !bad.is_empty() {
            failures.push(format!(
                "{}: {}\n    zh: {}\n    en: {}",
                c.what,
                bad.join("; "),
                i.msg_zh,
                i.msg_en
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_same_words_come_without_the_text() {
    // From a JSON value (as Python and JavaScript hand it over): no line or column, the number
    // shown exactly all the same.
    let v: serde_json::Value = serde_json::json!({"semester_activities": [
        {"project": "P1", "semester": "2023-2024-1", "meetings": 18446744073709551616.0_f64}]});
    let e = xianjie::input::from_value::<Dataset>(v).unwrap_err();
    let i = &e.errors[0];
    assert_eq!((i.kind, i.line), (InputErrorKind::Value, None));
    assert!(
        i.msg_zh.contains("数字18446744073709551616超出范围"),
        "{}",
        i.msg_zh
    );
    assert!(!i.msg_en.contains(".0"), "{}", i.msg_en);
}

#[test]
fn the_kind_names_are_stable() {
    use InputErrorKind::*;
    let names: Vec<&str> = [
        Syntax,
        Type,
        Value,
        Missing,
        UnknownField,
        DuplicateKey,
        Io,
        Limit,
    ]
    .iter()
    .map(|k| k.as_str())
    .collect();
    assert_eq!(
        names,
        [
            "syntax",
            "type",
            "value",
            "missing",
            "unknown_field",
            "duplicate_key",
            "io",
            "limit"
        ]
    );
    for k in [Syntax, DuplicateKey, UnknownField] {
        assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
    }
}
