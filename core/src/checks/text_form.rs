//! `text_form`: text of a given form: a telephone number, an e-mail address (the contact form of
//! 京教函〔2024〕51号 附件1). Decided by hand-written grammar, no pattern engine: the forms are small.

use super::filter::{self, Compiled, Filter};
use super::{expect_field, no_records, Cx, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Reason};
use crate::model::label::EXTENSION_MARKS;
use crate::model::{EntityKind, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A form a text must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// A mainland telephone number: a mobile number (11 digits from 13–19, optionally after +86),
    /// or a landline with its area code (010 / 02x then 8 digits; 0xxx then 7–8 digits), optionally followed by
    /// an extension (转 / ext / `-`, 1–6 digits). Spaces, hyphens and brackets around the area code
    /// are allowed.
    Phone,
    /// An e-mail address: `local@domain.tld`, ASCII, the domain of at least two labels and a
    /// top-level label of letters only.
    Email,
}

impl Form {
    /// Whether `t` (trimmed) has this form.
    pub fn accepts(self, t: &str) -> bool {
        match self {
            Form::Phone => phone(t),
            Form::Email => email(t),
        }
    }
}

/// One field and its form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormField {
    /// The field (text).
    pub field: String,
    /// The form it must have.
    pub form: Form,
}

/// `kind = "text_form"`.
///
/// ```toml
/// kind = "text_form"
/// entity = "schools"
/// fields = [{ field = "governance.contact.phone", form = "phone" }]
/// required = true                                                   # absent is a finding
/// where = [{ field = "governance.contact.reported_at", present = true }]
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextForm {
    /// The collection.
    pub entity: EntityKind,
    /// The fields and their forms.
    pub fields: Vec<FormField>,
    /// When true, an absent value is a finding too.
    #[serde(default)]
    pub required: bool,
    /// Records the check applies to.
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
}

impl Kind for TextForm {
    fn validate(&self) -> Result<(), super::CheckError> {
        if self.fields.is_empty() {
            return Err(super::CheckError::Empty {
                param: "fields".into(),
            });
        }
        for f in &self.fields {
            expect_field(self.entity, &f.field, &[ValueKind::Text])?;
        }
        filter::validate_all(&self.filter, self.entity)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let items = cx.ds.records(self.entity);
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(fields), Some(filter)) = (
            self.fields
                .iter()
                .map(|f| items.field(&f.field).map(|d| (d, f)))
                .collect::<Option<Vec<_>>>(),
            Compiled::new(items, &self.filter),
        ) else {
            return no_records(items.kind());
        };
        let mut checked = 0;
        for item in items.iter() {
            if !filter.accepts(item) {
                continue;
            }
            checked += 1;
            for (def, ff) in &fields {
                let field = FieldRef::from(def);
                let (code, detail, shown) = match def.get(item) {
                    Value::Text(t) if t.trim().is_empty() && self.required => {
                        (FindingCode::Missing, Detail::Missing { field }, "—".into())
                    }
                    Value::Missing if self.required => {
                        (FindingCode::Missing, Detail::Missing { field }, "—".into())
                    }
                    Value::Text(t) if !t.trim().is_empty() && !ff.form.accepts(t.trim()) => (
                        FindingCode::WrongFormat,
                        Detail::BadForm {
                            field,
                            text: t.trim().to_string(),
                            form: ff.form,
                        },
                        t.to_string(),
                    ),
                    _ => continue,
                };
                cx.emit_at(item, &ff.field, code, Inputs::from([(ff.field.as_str(), shown)]), detail);
            }
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoneApplies {
                entity: items.kind(),
            });
        }
        Outcome::Checked(checked)
    }
}

/// Digits only, or `None` if `s` holds anything but digits.
fn digits(s: &str) -> Option<&str> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

fn phone(t: &str) -> bool {
    // The extension first ("010-62345678转8001", "… ext 12"); a hyphenated one ("…-8001") is
    // taken below, once the number before it is known to be complete.
    let (main, ext) = match EXTENSION_MARKS.iter().find_map(|m| t.split_once(m)) {
        Some((m, e)) => (m, Some(e.trim().trim_start_matches(['.', ' ']))),
        None => (t, None),
    };
    if let Some(e) = ext {
        if digits(e).is_none_or(|e| e.len() > 6) {
            return false;
        }
    }
    // Separators people write: spaces, hyphens, brackets around the area code.
    let mut groups: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in main.trim().chars() {
        match c {
            '0'..='9' => cur.push(c),
            '+' if groups.is_empty() && cur.is_empty() => cur.push(c),
            ' ' | '-' | '(' | ')' | '\u{FF08}' | '\u{FF09}' => {
                if !cur.is_empty() {
                    groups.push(std::mem::take(&mut cur));
                }
            }
            _ => return false,
        }
    }
    if !cur.is_empty() {
        groups.push(cur);
    }
    let mut all: String = groups.concat();
    if let Some(rest) = all.strip_prefix("+86") {
        all = rest.to_string();
    } else if all.starts_with('+') {
        return false;
    }
    let ok = |n: &str| mobile(n) || landline(n);
    if ok(&all) {
        return true;
    }
    // A hyphenated extension: the last group of 1–6 digits after a complete number.
    if ext.is_none() && groups.len() >= 2 {
        if let Some(last) = groups.last() {
            let head = &all[..all.len() - last.len()];
            return last.len() <= 6 && landline(head);
        }
    }
    false
}

fn mobile(n: &str) -> bool {
    let b = n.as_bytes();
    b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) && digits(n).is_some()
}

fn landline(n: &str) -> bool {
    // Area codes 010 and 02x are followed by 8 digits (11 in all); the 4-digit ones (0xxx) by 7
    // or 8 (11 or 12 in all).
    let b = n.as_bytes();
    digits(n).is_some()
        && b.len() >= 2
        && b[0] == b'0'
        && match b[1] {
            b'1' | b'2' => b.len() == 11,
            b'3'..=b'9' => (11..=12).contains(&b.len()),
            _ => false,
        }
}

fn email(t: &str) -> bool {
    let Some((local, domain)) = t.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-!#$&'*/=?^`{|}~".contains(&b));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    local_ok && domain_ok
}

#[cfg(test)]
mod tests {
    use super::Form::{Email, Phone};

    #[test]
    fn phones() {
        for ok in [
            "13812345678",
            "138 1234 5678",
            "+86 138-1234-5678",
            "010-62345678",
            "(010)62345678",
            "0471-6912345",
            "010-62345678转8001",
            "010-62345678-8001",
            "01062345678",
        ] {
            assert!(Phone.accepts(ok), "{ok}");
        }
        for bad in [
            "62345678",        // no area code
            "1381234567",      // 10 digits
            "12812345678",     // no mobile prefix 12
            "010-6234567",     // 6-digit number: 9 digits in all
            "tel 010-62345678",
            "+1 415 555 0100",
            "010-62345678转",
            "无",
        ] {
            assert!(!Phone.accepts(bad), "{bad}");
        }
    }

    #[test]
    fn emails() {
        for ok in ["jw_zcc@jw.beijing.gov.cn", "li.jing+3p2@school.edu.cn", "a@b.cn"] {
            assert!(Email.accepts(ok), "{ok}");
        }
        for bad in [
            "jw_zcc.jw.beijing.gov.cn",
            "li@school",
            "li@@school.cn",
            "li@school.c",
            "li@-school.cn",
            "li jing@school.cn",
            "li@school.123",
            ".li@school.cn",
            "li＠school.cn",
            "李静@school.cn",
        ] {
            assert!(!Email.accepts(bad), "{bad}");
        }
    }
}
