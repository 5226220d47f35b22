//! `same_category`: the secondary and higher majors of a 3+2 pairing belong to the same 专业大类
//! (secondary category code = higher category code + 20, `catalog::parallel_category`).
//! Codes that are not catalogue majors of the right level are left to the `code` check.

use super::{expect_field, open, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
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
            let want = catalog::category(&parallel).map_or("", |c| c.0);
            let subject = cx.subject(item);
            cx.emit_legacy(LegacyDraft {
                code: FindingCode::Mismatch,
                subject,
                locations: vec![
                    Location::new(items.kind(), i, Some(&c.secondary)),
                    Location::new(items.kind(), i, Some(&c.higher)),
                ],
                message: Text::new(
                    format!(
                        "中职专业{} {}属{}({}),高职专业{} {}属{}({}),不属于同一专业大类(与之对应的高职大类为{}{})。",
                        s.code, s.name, s.category_name, s.category_code,
                        h.code, h.name, h.category_name, h.category_code, parallel, want
                    ),
                    format!(
                        "The secondary major {} {} is in category {} ({}), the higher major {} {} in {} ({}): not the same category (the parallel higher category is {} {}).",
                        s.code, s.name, s.category_code, s.category_name,
                        h.code, h.name, h.category_code, h.category_name, parallel, want
                    ),
                ),
                inputs: vec![
                    (c.secondary.clone(), s.code.to_string()),
                    (c.higher.clone(), h.code.to_string()),
                ],
                computed: Some(format!("category {} − 20 = {parallel} ≠ {}", s.category_code, h.category_code)),
                threshold: Some("secondary category = higher category + 20".into()),
                remedy: Some(Text::new(
                    format!("选择{}{}内的高职专业,或说明跨大类衔接的理由", parallel, want),
                    format!("choose a higher major in category {parallel} {want}, or justify the cross-category pairing"),
                )),
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(crate::finding::Reason::Legacy(Text::new(
                format!(
                    "{}记录均未同时给出有效的中职和高职专业代码",
                    items.kind().zh()
                ),
                format!(
                    "no {} record gives valid secondary and higher major codes",
                    items.kind().en()
                ),
            )));
        }
        Outcome::Checked(checked)
    }
}
