//! `code`: an identifier checked against embedded reference data: major codes against the 2021
//! catalogue at the right level, county-level division codes (GB/T 2260), unified social credit
//! codes (GB 32100-2015 check character), MoE school codes (学校标识码 shape).

use super::{expect_field, label, open, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, Value, ValueKind};
use crate::reference::catalog::{self, EducationLevel};
use crate::reference::divisions::{self, DivisionLevel};
use crate::reference::source::Table;
use crate::reference::{moe_code, uscc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which reference a code is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// A secondary (中职) major of the 2021 catalogue.
    MajorSecondary,
    /// A higher vocational associate (高职专科) major of the 2021 catalogue.
    MajorHigher,
    /// A county-level administrative division code.
    Division,
    /// A unified social credit code.
    Uscc,
    /// A MoE school code.
    MoeSchool,
}

/// `kind = "code"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// The collection.
    pub entity: EntityKind,
    /// The text field holding the code; records without it are skipped.
    pub field: String,
    /// The reference.
    pub scheme: Scheme,
    /// Only records where this boolean field is true are checked (e.g. `filed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_true: Option<String>,
}

impl Kind for Code {
    fn needs(&self) -> Option<Table> {
        match self.scheme {
            Scheme::MajorSecondary | Scheme::MajorHigher => Some(Table::Catalog),
            // A MoE school code starts with the school's province code.
            Scheme::Division | Scheme::MoeSchool => Some(Table::Divisions),
            Scheme::Uscc => None,
        }
    }
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Text])?;
        if let Some(w) = &self.when_true {
            expect_field(self.entity, w, &[ValueKind::Bool])?;
        }
        Ok(())
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [f]) = match open(cx.ds, self.entity, [&c.field]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let when = c.when_true.as_deref().and_then(|n| items.field(n));
        let (lz, le) = label(items.kind(), &c.field);
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            if when.is_some_and(|w| w.get(item) != Value::Bool(true)) {
                continue;
            }
            let Some(code) = f.get(item).text() else {
                continue;
            };
            checked += 1;
            let Some((why, fix)) = problem(c.scheme, code.trim()) else {
                continue;
            };
            let (pz, pe) = crate::messages::period_prefix(&item.period());
            let subject = cx.subject(item);
            cx.emit_legacy(LegacyDraft {
                code: FindingCode::InvalidCode,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                message: Text::new(
                    format!("{pz}{lz}{}。", why.zh),
                    format!("{pe}{le}: {}.", why.en),
                ),
                inputs: vec![(c.field.clone(), code.to_string())],
                computed: None,
                threshold: Some(format!(
                    "scheme = {}",
                    serde_json::to_value(c.scheme)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default()
                )),
                remedy: fix,
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(crate::finding::Reason::Legacy(Text::new(
                format!("{}记录均未给出{lz}", items.kind().zh()),
                format!("no {} record gives its {le}", items.kind().en()),
            )));
        }
        Outcome::Checked(checked)
    }
}

/// Why `code` fails `scheme`, with a fix where one is known: (message zh, en), remedy.
pub(crate) fn problem(scheme: Scheme, code: &str) -> Option<(Text, Option<Text>)> {
    match scheme {
        Scheme::MajorSecondary => major_problem(code, EducationLevel::Secondary),
        Scheme::MajorHigher => major_problem(code, EducationLevel::Associate),
        Scheme::Division => division_problem(code),
        Scheme::Uscc => uscc::validate(code)
            .err()
            .map(|e| (Text::new(e.message_zh(), e.message_en()), None)),
        Scheme::MoeSchool => moe_code::parse(code)
            .err()
            .map(|e| (Text::new(e.message_zh(), e.message_en()), None)),
    }
}

fn major_problem(code: &str, want: EducationLevel) -> Option<(Text, Option<Text>)> {
    let fix = Some(Text::new(
        format!(
            "请按《职业教育专业目录(2021年)》填写{}专业代码",
            want.name_zh()
        ),
        format!("use a {} major code of the 2021 catalogue", want.name_en()),
    ));
    let Some(level) = catalog::level_of_code(code) else {
        return Some((
            Text::new(
                format!("“{code}”不是有效的专业代码:应为6位数字(国家控制专业末尾带K)"),
                format!("“{code}” is not a valid major code: 6 digits expected (state-controlled majors end in K)"),
            ),
            fix,
        ));
    };
    if level != want {
        let name = catalog::major(code).map_or(String::new(), |m| format!("({})", m.name));
        let name_en = catalog::major(code).map_or(String::new(), |m| format!(" ({})", m.name));
        return Some((
            Text::new(
                format!(
                    "“{code}”{name}是{}专业代码,此处应为{}专业代码",
                    level.name_zh(),
                    want.name_zh()
                ),
                format!(
                    "“{code}”{name_en} is a {} code; a {} major code is expected here",
                    level.name_en(),
                    want.name_en()
                ),
            ),
            fix,
        ));
    }
    if code.len() < 6 {
        let what = if code.len() == 2 {
            ("专业大类", "category")
        } else {
            ("专业类", "class")
        };
        return Some((
            Text::new(
                format!("“{code}”是{}代码,不是专业代码", what.0),
                format!("“{code}” is a {} code, not a major code", what.1),
            ),
            fix,
        ));
    }
    if catalog::major(code).is_none() {
        return Some((
            Text::new(
                format!("“{code}”不在《职业教育专业目录(2021年)》中(2022年起增补的专业未收录,请核对)"),
                format!("“{code}” is not in the 2021 major catalogue (majors added from 2022 on are not embedded; please verify)"),
            ),
            fix,
        ));
    }
    None
}

fn division_problem(code: &str) -> Option<(Text, Option<Text>)> {
    match divisions::division(code) {
        None => Some((
            Text::new(
                format!("“{code}”不是有效的行政区划代码(GB/T 2260,国家统计局2023年区划代码)"),
                format!(
                    "“{code}” is not a valid administrative division code (GB/T 2260, NBS 2023)"
                ),
            ),
            None,
        )),
        Some(d) if d.level != DivisionLevel::County && code.len() == 6 => {
            let tier = match d.level {
                DivisionLevel::Province => ("省级", "province-level"),
                _ => ("地级", "prefecture-level"),
            };
            Some((
                Text::new(
                    format!(
                        "“{code}”是{}行政区划代码({}),此处应为县级(区县)代码",
                        tier.0, d.name
                    ),
                    format!(
                        "“{code}” is a {} division code ({}); a county-level code is expected here",
                        tier.1, d.name
                    ),
                ),
                Some(Text::new(
                    "请填写所在区县的6位代码",
                    "give the 6-digit code of the county or district",
                )),
            ))
        }
        Some(_) if code.len() != 6 => Some((
            Text::new(
                format!("“{code}”不是6位县级行政区划代码"),
                format!("“{code}” is not a 6-digit county-level division code"),
            ),
            Some(Text::new(
                "请填写所在区县的6位代码",
                "give the 6-digit code of the county or district",
            )),
        )),
        Some(_) => None,
    }
}
