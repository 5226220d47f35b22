//! Small entry points shared by the bindings (Python, JavaScript) and the CLI: reading a dataset
//! from a path by its extension, and a rule's explanation as text. Kept here so no binding holds
//! message text or format logic of its own.

use crate::finding::Lang;
use crate::input::{InputError, InputErrorKind};
use crate::model::Dataset;
use crate::rules::{find_rule, Pack, Rule};
use std::path::Path;

/// Reads a dataset from `path`, choosing the reader by extension (`.json`; tables need the
/// `tables` reader). Every problem is an [`InputError`] naming the file.
///
/// ```
/// let err = xianjie::api::read_path(std::path::Path::new("no/such/file.json")).unwrap_err();
/// assert_eq!(err.errors[0].kind.as_str(), "io");
/// ```
pub fn read_path(path: &Path) -> Result<Dataset, InputError> {
    let name = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "json" => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                InputError::single(
                    InputErrorKind::Io,
                    format!("无法读取文件:{e}"),
                    format!("cannot read the file: {e}"),
                )
                .with_source(&name)
            })?;
            Dataset::from_json_str(&text).map_err(|e| e.with_source(&name))
        }
        "xlsx" | "csv" => Err(InputError::single(
            InputErrorKind::Value,
            format!(".{ext}文件需要表格读取功能(tables),本版本未包含;请改用JSON"),
            format!("reading .{ext} files needs the `tables` feature, not in this build; use JSON"),
        )
        .with_source(&name)),
        _ => Err(InputError::single(
            InputErrorKind::Value,
            format!("不支持的文件类型“.{ext}”:应为.json、.xlsx或.csv"),
            format!("unsupported file type `.{ext}`: expected .json, .xlsx or .csv"),
        )
        .with_source(&name)),
    }
}

/// A rule explained for a reader: title, severity, source clause and quote, dates, parameters and
/// interpretation, in `lang`. `None` when no built-in pack has the rule.
///
/// ```
/// let text = xianjie::api::explain("bj-3p2-2024/semester-meetings", xianjie::Lang::En).unwrap();
/// assert!(text.contains("京教函〔2024〕51号"));
/// ```
pub fn explain(rule_id: &str, lang: Lang) -> Option<String> {
    find_rule(rule_id).map(|(pack, rule)| explain_rule(pack, rule, lang))
}

/// [`explain`] for a rule of a given pack (built-in or loaded).
pub fn explain_rule(pack: &Pack, rule: &Rule, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let title = rule.title();
    out.push_str(&format!("{}\n{}\n", rule.id, title.get(lang)));
    let sev = if zh {
        rule.severity.zh()
    } else {
        rule.severity.as_str()
    };
    let from = rule.starts(pack);
    if zh {
        out.push_str(&format!("严重程度:{sev}\n"));
        out.push_str(&format!(
            "出处:{} {}({})\n",
            pack.source.document, rule.clause, pack.source.issuer
        ));
        out.push_str(&format!("原文:“{}”\n", rule.quote));
        out.push_str(&format!("生效:{from}"));
        if let Some(u) = rule.effective_until {
            out.push_str(&format!(" 至 {u}"));
        }
        out.push('\n');
        if !rule.required_params.is_empty() {
            out.push_str(&format!(
                "需提供参数:{}\n",
                rule.required_params.join(", ")
            ));
        }
        if let Some(i) = &rule.interpretation {
            out.push_str(&format!("解释:{i}\n"));
        }
    } else {
        out.push_str(&format!("Severity: {sev}\n"));
        out.push_str(&format!(
            "Source: {} {} ({})\n",
            pack.source.document, rule.clause, pack.source.issuer
        ));
        out.push_str(&format!("Quote: \"{}\"\n", rule.quote));
        out.push_str(&format!("In force from {from}"));
        if let Some(u) = rule.effective_until {
            out.push_str(&format!(" until {u}"));
        }
        out.push('\n');
        if !rule.required_params.is_empty() {
            out.push_str(&format!(
                "Parameters to give: {}\n",
                rule.required_params.join(", ")
            ));
        }
        if let Some(i) = &rule.interpretation {
            out.push_str(&format!("Interpretation: {i}\n"));
        }
    }
    out
}
