//! `same_category`: the secondary and higher majors of a 3+2 pairing belong to the same 专业大类
//! (secondary category code = higher category code + 20, `catalog::parallel_category`).
//! Codes that are not catalogue majors of the right level are left to the `code` check.

use super::{expect_field, open, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location, Reason};
use crate::model::{EntityKind, ValueKind};
use crate::reference::catalog::{self, EducationLevel};
use crate::reference::source::Table;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "same_category"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SameCategory {
    /// The collection.
    pub entity: EntityKind,
    /// The secondary major code field.
    pub secondary: String,
    /// The higher major code field.
    pub higher: String,
}

impl Kind for SameCategory {
    fn needs(&self) -> Option<Table> {
        Some(Table::Catalog)
    }
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.secondary, &[ValueKind::Text])?;
        expect_field(self.entity, &self.higher, &[ValueKind::Text])
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [sf, hf]) = match open(cx.ds, self.entity, [&c.secondary, &c.higher]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            let s = sf.get(item).text().and_then(|x| catalog::major(x.trim()));
            let h = hf.get(item).text().and_then(|x| catalog::major(x.trim()));
            let (Some(s), Some(h)) = (s, h) else {
                continue;
            };
            if s.level != EducationLevel::Secondary || h.level != EducationLevel::Associate {
                continue;
            }
            let Some(parallel) = catalog::parallel_category(s.category_code) else {
                continue;
            };
            checked += 1;
            if parallel == h.category_code {
                continue;
            }
            let parallel_name = catalog::category(&parallel).map_or("", |c| c.0);
            let subject = cx.subject(item);
            cx.emit(Draft {
                code: FindingCode::Mismatch,
                subject,
                locations: vec![
                    Location::new(items.kind(), i, Some(&c.secondary)),
                    Location::new(items.kind(), i, Some(&c.higher)),
                ],
                period: item.period(),
                inputs: Inputs::from([
                    (c.secondary.as_str(), s.code.to_string()),
                    (c.higher.as_str(), h.code.to_string()),
                ]),
                detail: Detail::CategoryMismatch {
                    secondary: MajorRef::of(s),
                    higher: MajorRef::of(h),
                    parallel: parallel.to_string(),
                    parallel_name: parallel_name.to_string(),
                },
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoCatalogueMajor {
                entity: items.kind(),
                fields: vec![FieldRef::from(&sf), FieldRef::from(&hf)],
            });
        }
        Outcome::Checked(checked)
    }
}

/// A catalogue major as a finding names it: code, name and its 专业大类.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MajorRef {
    /// The major's code, e.g. `710201`.
    pub code: &'static str,
    /// Its catalogue name.
    pub name: &'static str,
    /// Its category (专业大类) code, e.g. `71`.
    pub category_code: &'static str,
    /// The category's name.
    pub category_name: &'static str,
}

impl MajorRef {
    fn of(m: &catalog::CatalogMajor) -> Self {
        MajorRef {
            code: m.code,
            name: m.name,
            category_code: m.category_code,
            category_name: m.category_name,
        }
    }
}
