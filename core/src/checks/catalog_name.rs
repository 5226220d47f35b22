//! `catalog_name`: a major's name as written matches the 2021 catalogue's name for its code.
//! Unknown codes are left to the `code` check; absent names are not checked.

use super::{expect_field, label, open, Cx, Kind, LegacyDraft, Outcome};
use crate::finding::{FindingCode, Location, Text};
use crate::model::{EntityKind, ValueKind};
use crate::reference::catalog;
use crate::reference::source::Table;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "catalog_name"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogName {
    /// The collection.
    pub entity: EntityKind,
    /// The major code field.
    pub code: String,
    /// The major name field.
    pub name: String,
}

impl Kind for CatalogName {
    fn needs(&self) -> Option<Table> {
        Some(Table::Catalog)
    }
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.code, &[ValueKind::Text])?;
        expect_field(self.entity, &self.name, &[ValueKind::Text])
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let c = self;
        let (items, [cf, nf]) = match open(cx.ds, self.entity, [&c.code, &c.name]) {
            Ok(x) => x,
            Err(o) => return o,
        };
        let (lz, le) = label(items.kind(), &c.name);
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            let (Some(code), Some(name)) = (cf.get(item).text(), nf.get(item).text()) else {
                continue;
            };
            let Some(m) = catalog::major(code.trim()) else {
                continue;
            };
            checked += 1;
            if name.trim() == m.name {
                continue;
            }
            let subject = cx.subject(item);
            cx.emit_legacy(LegacyDraft {
                code: FindingCode::Mismatch,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.name))],
                message: Text::new(
                    format!("{lz}“{name}”与专业代码{} 在《职业教育专业目录(2021年)》中的名称“{}”不一致。", m.code, m.name),
                    format!("{le} “{name}” differs from the 2021 catalogue name of {}, “{}”.", m.code, m.name),
                ),
                inputs: vec![(c.code.clone(), code.to_string()), (c.name.clone(), name.to_string())],
                computed: None,
                threshold: Some(format!("catalogue name = {}", m.name)),
                remedy: Some(Text::new(format!("专业名称应为“{}”", m.name), format!("the name should be “{}”", m.name))),
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(crate::finding::Reason::Legacy(Text::new(
                format!(
                    "{}记录均未同时给出目录内的专业代码和专业名称",
                    items.kind().zh()
                ),
                format!(
                    "no {} record gives both a catalogue major code and a name",
                    items.kind().en()
                ),
            )));
        }
        Outcome::Checked(checked)
    }
}
