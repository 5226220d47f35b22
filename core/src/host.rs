//! Values handed over by a host language (Python, JavaScript) that cannot become a dataset's
//! JSON: the bindings find and locate them, the words are here, so that both faces say the same
//! thing in both languages. Limits (depth, string length, record counts) are
//! [`Limits::exceeded`](crate::limits::Limits::exceeded).

use crate::input::{InputErrorKind, InputIssue};
use crate::limits::abbreviate;

/// Characters of a host's type name or exception text quoted in a message.
const QUOTED: u64 = 80;

fn issue(loc: &str, kind: InputErrorKind, msg_zh: String, msg_en: String) -> InputIssue {
    InputIssue {
        loc: loc.to_string(),
        line: None,
        column: None,
        kind,
        msg_zh,
        msg_en,
    }
}

/// A value of a type that has no JSON form (a set, bytes, an arbitrary object).
pub fn unsupported(loc: &str, type_name: &str) -> InputIssue {
    let ty = abbreviate(type_name, QUOTED);
    issue(
        loc,
        InputErrorKind::Type,
        format!("无法读取类型为{ty}的值:应为文本、数字、Decimal、日期、列表或字典"),
        format!("cannot read a value of type {ty}: expected text, a number, a Decimal, a date, a list or a dict"),
    )
}

/// A generator or iterator: refused rather than consumed, since it can be read only once (an
/// error could not show the offending value) and its length is unknown until it is exhausted
/// (the record limit could not be decided before reading it).
pub fn iterator(loc: &str, type_name: &str) -> InputIssue {
    let ty = abbreviate(type_name, QUOTED);
    issue(
        loc,
        InputErrorKind::Type,
        format!("不读取生成器或迭代器({ty}):请先转为列表,如list(...)"),
        format!("a generator or iterator ({ty}) is not read: pass a list, e.g. list(...)"),
    )
}

/// Converting a value raised an error in the host (a failing `__float__`, an integer too long
/// to print); `detail` is the host's message.
pub fn conversion_failed(loc: &str, type_name: &str, detail: &str) -> InputIssue {
    let (ty, d) = (abbreviate(type_name, QUOTED), abbreviate(detail, QUOTED));
    issue(
        loc,
        InputErrorKind::Type,
        format!("无法读取类型为{ty}的值:{d}"),
        format!("cannot read a value of type {ty}: {d}"),
    )
}

/// A container that contains itself.
pub fn cycle(loc: &str) -> InputIssue {
    issue(
        loc,
        InputErrorKind::Value,
        "循环引用:此值包含其自身".into(),
        "cyclic reference: this value contains itself".into(),
    )
}

/// A mapping key that is not text.
pub fn key_not_text(loc: &str, type_name: &str) -> InputIssue {
    let ty = abbreviate(type_name, QUOTED);
    issue(
        loc,
        InputErrorKind::Type,
        format!("键应为文本,实为{ty}"),
        format!("keys must be text, not {ty}"),
    )
}

/// Text holding a lone surrogate, which has no UTF-8 form.
pub fn not_unicode(loc: &str) -> InputIssue {
    issue(
        loc,
        InputErrorKind::Value,
        "文本含无效字符(孤立的代理项),无法编码为UTF-8".into(),
        "text holds an invalid character (a lone surrogate) that has no UTF-8 form".into(),
    )
}

/// Bytes given as a document that are not UTF-8; `valid_up_to` bytes were.
pub fn not_utf8(valid_up_to: usize) -> InputIssue {
    issue(
        "",
        InputErrorKind::Syntax,
        format!("不是有效的UTF-8文本:第{}个字节无效", valid_up_to + 1),
        format!("not valid UTF-8: byte {} is invalid", valid_up_to + 1),
    )
}

/// A table (DataFrame) whose column `name` appears more than once.
pub fn duplicate_column(loc: &str, name: &str) -> InputIssue {
    let n = abbreviate(name, QUOTED);
    issue(
        loc,
        InputErrorKind::DuplicateKey,
        format!("列名“{n}”重复:无法确定用哪一列"),
        format!("column {n:?} appears more than once: which one to read is unclear"),
    )
}

/// Text given as data that is neither JSON (it does not start with `{` or `[`) nor the path of
/// an existing file.
pub fn not_json_or_path(text: &str) -> InputIssue {
    let t = abbreviate(text, QUOTED);
    issue(
        "",
        InputErrorKind::Io,
        format!("“{t}”既不是JSON文本(应以{{或[开头),也不是存在的文件路径"),
        format!("{t:?} is neither JSON text (which starts with {{ or [) nor the path of an existing file"),
    )
}

/// A number with no decimal form: NaN, an infinity, or negative zero (JavaScript's `-0`, which
/// JSON would silently turn into `0`). `what` is the value as the host prints it.
pub fn not_finite(loc: &str, what: &str) -> InputIssue {
    issue(
        loc,
        InputErrorKind::Value,
        format!("数值{what}无效:应为有限的数,缺失的值请省略该字段或用null"),
        format!("the number {what} is not allowed: give a finite number, or leave the field out (or null) when missing"),
    )
}

/// The last issue when more than [`Limits::errors_listed`](crate::limits::Limits::errors_listed)
/// problems were found: how many more there are.
pub fn unlisted(more: u64) -> InputIssue {
    issue(
        "",
        InputErrorKind::Limit,
        format!("另有{more}个问题未逐一列出(可用限额errors_listed调整)"),
        format!("{more} more problems not listed (raise the limit errors_listed to see them)"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_bilingual_located_and_short() {
        let long = "x".repeat(10_000);
        for i in [
            unsupported("a[0]", &long),
            iterator("a", "generator"),
            conversion_failed("a[1].b", "Weird", &long),
            cycle("a[0]"),
            key_not_text("a", "int"),
            not_unicode("a"),
            not_utf8(3),
            duplicate_column("a", &long),
            not_json_or_path(&long),
            not_finite("a[0].b", "NaN"),
            unlisted(7),
        ] {
            assert!(!i.msg_zh.is_empty() && !i.msg_en.is_empty());
            assert!(i.msg_en.len() < 400, "{}", i.msg_en);
            assert!(i
                .msg_zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
        }
        assert_eq!(not_utf8(3).msg_en, "not valid UTF-8: byte 4 is invalid");
    }
}
