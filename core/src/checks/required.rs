//! `required`: fields present and meaningful: not blank, not a placeholder such as 无, of the right form.

use super::{expect_field, no_records, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location};
use crate::model::{EntityKind, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Text that says nothing (无, 略, 同上 …): treated as absent. Kept with the model's other words
/// of input (`model::label`), so no Chinese text lives among the checks.
pub use crate::model::label::PLACEHOLDERS;

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
    /// Chinese names of the `one_of` values, in the same order, for messages; used only where the
    /// field has no labels of its own (a closed-set field such as `head_role` reads 校长 anyway).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of_zh: Vec<String>,
    /// Work the rule requires but the notice does not list among its uploads (the demand
    /// research): a missing file is a warning that says so, never an error.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub advisory: bool,
    /// The field may be left out (or say none, 无): only a value given is checked against
    /// `one_of` (a key-chain tag outside the plan's list is reported; no tag is not).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub if_present: bool,
}

impl RequiredField {
    /// Whether the field is an uploaded file (an attachment, or a file of a required type): its
    /// absence is "not uploaded", not "not filled in".
    fn is_upload(&self) -> bool {
        self.suffix.is_some() || self.field.starts_with("attachments.")
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
                let Some((code, detail)) = verdict(v, rf, FieldRef::from(&f)) else {
                    continue;
                };
                let subject = cx.subject(item);
                let draft = Draft {
                    code,
                    subject,
                    locations: vec![Location::new(items.kind(), i, Some(&rf.field))],
                    period: item.period(),
                    inputs: Inputs::from([(rf.field.as_str(), v.display())]),
                    detail,
                };
                if rf.advisory {
                    cx.emit_warning(draft);
                } else {
                    cx.emit(draft);
                }
            }
        }
        Outcome::Checked(items.len())
    }
}

/// Why a value fails, if it does: the code and the detail.
fn verdict(v: Value<'_>, rf: &RequiredField, field: FieldRef) -> Option<(FindingCode, Detail)> {
    let absent = || {
        let detail = if rf.advisory {
            Detail::UploadNotListed { field }
        } else if rf.is_upload() {
            Detail::NotUploaded { field }
        } else {
            Detail::Missing { field }
        };
        Some((FindingCode::Missing, detail))
    };
    let t = match v {
        Value::Missing if rf.if_present => return None,
        Value::Missing => return absent(),
        Value::Text(t) => t.trim(),
        _ => return None,
    };
    // Optional: nothing given, or a word for none (无), is no value at all.
    if rf.if_present && (t.is_empty() || PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(t))) {
        return None;
    }
    if t.is_empty() {
        return absent();
    }
    if PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(t)) {
        return Some((
            FindingCode::Placeholder,
            Detail::Placeholder {
                field,
                text: t.to_string(),
            },
        ));
    }
    if let Some(m) = rf.min_chars {
        let n = t.chars().count();
        if n < m {
            return Some((
                FindingCode::Placeholder,
                Detail::TooShort {
                    field,
                    chars: n,
                    min: m,
                },
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
                Detail::WrongFileType {
                    field,
                    file: t.to_string(),
                    suffix: s.clone(),
                },
            ));
        }
    }
    if !rf.one_of.is_empty() && !rf.one_of.iter().any(|o| o == t) {
        return Some((
            FindingCode::NotAllowed,
            Detail::NotOneOf {
                field,
                value: t.to_string(),
                allowed: rf.one_of.clone(),
                allowed_zh: rf.one_of_zh.clone(),
            },
        ));
    }
    None
}
