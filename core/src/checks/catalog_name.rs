//! `catalog_name`: a major's name as written matches the 2021 catalogue's name for its code.
//! Unknown codes are left to the `code` check; absent names are not checked.

use super::{expect_field, open, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location, Reason};
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
        let (code_field, name_field) = (FieldRef::from(&cf), FieldRef::from(&nf));
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
            cx.emit(Draft {
                code: FindingCode::Mismatch,
                subject,
                locations: vec![Location::new(items.kind(), i, Some(&c.name))],
                period: item.period(),
                inputs: Inputs::from([
                    (c.code.as_str(), code.to_string()),
                    (c.name.as_str(), name.to_string()),
                ]),
                detail: Detail::MajorName {
                    field: name_field,
                    name: name.to_string(),
                    code: m.code.to_string(),
                    catalogue: m.name.to_string(),
                },
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoCatalogueMajor {
                entity: items.kind(),
                fields: vec![code_field, name_field],
            });
        }
        Outcome::Checked(checked)
    }
}
