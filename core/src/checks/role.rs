//! `role`: a school referenced in a role is of an allowed level (and has a required flag).

use super::{expect_field, label, open, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, SchoolLevel, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "role"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The collection.
    pub entity: EntityKind,
    /// The field holding a school id.
    pub field: String,
    /// Allowed school levels.
    pub levels: Vec<SchoolLevel>,
    /// A school flag that must be true, e.g. `independent` (独立设置).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_flag: Option<String>,
}

impl Kind for Role {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Text])?;
        if self.levels.is_empty() {
            return Err(super::CheckError::Empty {
                param: "levels".into(),
            });
        }
        match self.require_flag.as_deref() {
            None | Some("independent") | Some("national_key") => Ok(()),
            Some(f) => Err(super::CheckError::UnknownFlag {
                flag: f.to_string(),
                known: vec!["independent".into(), "national_key".into()],
            }),
        }
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [f]) = match open(cx.ds, self.entity, [&c.field]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let (lz, le) = label(items.kind(), &c.field);
        let allowed_zh: Vec<&str> = c.levels.iter().map(|l| l.zh()).collect();
        let allowed_en: Vec<&str> = c.levels.iter().map(|l| l.as_str()).collect();
        for (i, item) in items.iter().enumerate() {
            // Unknown ids are reported once by the integrity checks.
            let Some(school) = f.get(item).text().and_then(|id| cx.ix.school(id)) else {
                continue;
            };
            let level_ok = c.levels.contains(&school.level);
            let flag = match c.require_flag.as_deref() {
                Some("independent") => {
                    Some(("独立设置", "independently established", school.independent))
                }
                Some("national_key") => {
                    Some(("国家级重点", "a national key school", school.national_key))
                }
                _ => None,
            };
            let flag_bad = flag.filter(|f| f.2 != Some(true));
            if level_ok && flag_bad.is_none() {
                continue;
            }
            let subject = cx.subject(item);
            let (mz, me) = if !level_ok {
                (
                    format!(
                        "{lz}一方{}是{},须为{}。",
                        school.name,
                        school.level.zh(),
                        allowed_zh.join("或")
                    ),
                    format!(
                        "the {le} {} is a {} school; only {} schools may take this role.",
                        school.name,
                        school.level.as_str(),
                        allowed_en.join(" or ")
                    ),
                )
            } else {
                let (fz, fe, v) = flag_bad.unwrap_or(("", "", None));
                let state = if v.is_none() {
                    ("未注明是否为", "not stated to be")
                } else {
                    ("不是", "not")
                };
                (
                    format!("{lz}{}{}{fz}学校。", school.name, state.0),
                    format!("the {le} {} is {} {fe}.", school.name, state.1),
                )
            };
            cx.emit_legacy(LegacyDraft {
                code: FindingCode::WrongRole,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                message: Text::new(mz, me),
                inputs: vec![
                    (c.field.clone(), school.id.clone()),
                    ("level".into(), school.level.as_str().into()),
                ],
                computed: None,
                threshold: Some(format!("levels = {}", allowed_en.join(" | "))),
                remedy: Some(match flag_bad {
                    // The level is right; what is missing is the flag.
                    Some((fz, fe, _)) if level_ok => Text::new(
                        format!("请选择{fz}的{}作为{lz}", allowed_zh.join("或")),
                        format!(
                            "choose a {} school that is {fe} as the {le}",
                            allowed_en.join(" or ")
                        ),
                    ),
                    _ => Text::new(
                        format!("请选择{}作为{lz}", allowed_zh.join("或")),
                        format!("choose a {} school as the {le}", allowed_en.join(" or ")),
                    ),
                }),
            });
        }
        Outcome::Checked(items.len())
    }
}
