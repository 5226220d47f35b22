//! `required`: fields present and meaningful: not blank, not a placeholder such as 无, of the right form.

use super::{expect_field, label, no_records, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Text that says nothing: treated as absent.
pub const PLACEHOLDERS: &[&str] = &[
    "无",
    "暂无",
    "没有",
    "略",
    "待定",
    "待补充",
    "同上",
    "见附件",
    "-",
    "--",
    "—",
    "/",
    "\\",
    "0",
    "n/a",
    "na",
    "none",
    "null",
    "tbd",
    "...",
    "……",
];

/// One required field and what makes it meaningful.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequiredField {
    /// The field.
    pub field: String,
    /// Fewest characters a description must have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_chars: Option<usize>,
    /// The text must end with this (case-insensitive), e.g. `.pdf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// The value must be one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<String>,
    /// Chinese names of the `one_of` values, in the same order, for messages (e.g. `校长`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of_zh: Vec<String>,
}

impl RequiredField {
    /// The allowed values for a Chinese reader: `校长(principal)或党委书记(party_secretary)`.
    fn allowed_zh(&self) -> String {
        if self.one_of_zh.len() != self.one_of.len() {
            return self.one_of.join("、");
        }
        self.one_of
            .iter()
            .zip(&self.one_of_zh)
            .map(|(code, zh)| format!("{zh}({code})"))
            .collect::<Vec<_>>()
            .join("或")
    }
}

/// `kind = "required"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Required {
    /// The collection.
    pub entity: EntityKind,
    /// The fields.
    pub fields: Vec<RequiredField>,
}

impl Kind for Required {
    fn validate(&self) -> Result<(), super::CheckError> {
        if self.fields.is_empty() {
            return Err(super::CheckError::Empty {
                param: "fields".into(),
            });
        }
        for f in &self.fields {
            if !f.one_of_zh.is_empty() && f.one_of_zh.len() != f.one_of.len() {
                return Err(super::CheckError::LabelCount {
                    field: f.field.clone(),
                    labels: f.one_of_zh.len(),
                    values: f.one_of.len(),
                });
            }
            let needs_text = f.min_chars.is_some() || f.suffix.is_some() || !f.one_of.is_empty();
            let kinds: &[ValueKind] = if needs_text {
                &[ValueKind::Text]
            } else {
                &[
                    ValueKind::Text,
                    ValueKind::Int,
                    ValueKind::Dec,
                    ValueKind::Time,
                    ValueKind::Date,
                    ValueKind::Bool,
                ]
            };
            expect_field(self.entity, &f.field, kinds)?;
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        if items.is_empty() {
            return no_records(items.kind());
        }
        for (i, item) in items.iter().enumerate() {
            for rf in &c.fields {
                let Some(f) = items.field(&rf.field) else {
                    continue;
                };
                let v = f.get(item);
                let Some((code, why_zh, why_en)) = verdict(v, rf) else {
                    continue;
                };
                let (lz, le) = label(items.kind(), &rf.field);
                let (pz, pe) = crate::messages::period_prefix(&item.period());
                let subject = cx.subject(item);
                let fix = match code {
                    FindingCode::Missing => {
                        Text::new(format!("请填写{lz}"), format!("fill in the {le}"))
                    }
                    FindingCode::Placeholder => Text::new(
                        format!("请具体说明{lz}"),
                        format!("describe the {le} in substance"),
                    ),
                    FindingCode::WrongFormat => Text::new(
                        format!("请上传{}格式的{lz}", rf.suffix.as_deref().unwrap_or("")),
                        format!("upload the {le} as {}", rf.suffix.as_deref().unwrap_or("")),
                    ),
                    _ => Text::new(
                        format!("请将{lz}改为{}", rf.allowed_zh()),
                        format!("set the {le} to one of {}", rf.one_of.join(", ")),
                    ),
                };
                cx.emit_legacy(LegacyDraft {
                    code,
                    subject,
                    locations: vec![Location::new(items.kind(), i, Some(&rf.field))],
                    message: Text::new(
                        format!("{pz}{lz}{why_zh}。"),
                        format!("{pe}{le} {why_en}."),
                    ),
                    inputs: vec![(rf.field.clone(), v.display())],
                    computed: None,
                    threshold: rf.min_chars.map(|m| format!("min_chars = {m}")),
                    remedy: Some(fix),
                });
            }
        }
        Outcome::Checked(items.len())
    }
}

/// Why a value fails, if it does.
fn verdict(v: Value<'_>, rf: &RequiredField) -> Option<(FindingCode, String, String)> {
    let t = match v {
        Value::Missing => {
            return Some((FindingCode::Missing, "未填写".into(), "is missing".into()))
        }
        Value::Text(t) => t.trim(),
        _ => return None,
    };
    if t.is_empty() {
        return Some((FindingCode::Missing, "未填写".into(), "is blank".into()));
    }
    if PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(t)) {
        return Some((
            FindingCode::Placeholder,
            format!("仅填写了“{t}”,未作实质说明"),
            format!("says only \"{t}\", which describes nothing"),
        ));
    }
    if let Some(m) = rf.min_chars {
        let n = t.chars().count();
        if n < m {
            return Some((
                FindingCode::Placeholder,
                format!("仅{n}字,过于简略(至少{m}字)"),
                format!("has only {n} characters; at least {m} expected"),
            ));
        }
    }
    if let Some(s) = &rf.suffix {
        // File extensions: ASCII case-insensitive (`.PDF` is a PDF); no Unicode tables needed.
        let (t_b, s_b) = (t.as_bytes(), s.as_bytes());
        let ends = t_b.len() >= s_b.len()
            && t_b
                .get(t_b.len() - s_b.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(s_b));
        if !ends {
            return Some((
                FindingCode::WrongFormat,
                format!("应为{s}文件,实为“{t}”"),
                format!("should be a {s} file, found \"{t}\""),
            ));
        }
    }
    if !rf.one_of.is_empty() && !rf.one_of.iter().any(|o| o == t) {
        let allowed = rf.allowed_zh();
        return Some((
            FindingCode::NotAllowed,
            format!("为“{t}”,应为{allowed}"),
            format!("is \"{t}\"; expected one of {}", rf.one_of.join(", ")),
        ));
    }
    None
}
