//! `listed`: a record's reference names a record of a list (the approved projects of 附件4): a
//! status report for a project off the list is a finding.

use super::filter::{self, Compiled, Filter};
use super::{expect_field, no_records, Cx, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode};
use crate::model::{EntityKind, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

fn id() -> String {
    "id".into()
}

/// `kind = "listed"`: `field` of each record is the `list_key` of a `list` record passing `where`.
///
/// ```toml
/// kind = "listed"
/// entity = "status_reports"
/// field = "project"
/// list = "projects"
/// where = [{ field = "standing", in = ["newly_approved", "quality_monitored"] }]
/// ```
///
/// A reference to no record of the list's collection at all is the integrity checks' finding
/// (`data/unknown-reference`), not repeated here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Listed {
    /// The collection.
    pub entity: EntityKind,
    /// The referring field.
    pub field: String,
    /// The collection holding the list.
    pub list: EntityKind,
    /// The list's identifying field (default `id`).
    #[serde(default = "id")]
    pub list_key: String,
    /// Which records of `list` are on the list.
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
}

impl Kind for Listed {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Text])?;
        expect_field(self.list, &self.list_key, &[ValueKind::Text])?;
        filter::validate_all(&self.filter, self.list)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (items, list) = (cx.ds.records(self.entity), cx.ds.records(self.list));
        if items.is_empty() {
            return no_records(items.kind());
        }
        // Without the list there is nothing to hold the records against.
        if list.is_empty() {
            return no_records(list.kind());
        }
        let (Some(f), Some(lk), Some(filter)) = (
            items.field(&self.field),
            list.field(&self.list_key),
            Compiled::new(list, &self.filter),
        ) else {
            return no_records(items.kind());
        };
        let mut known = HashSet::new();
        let mut listed = HashSet::new();
        for r in list.iter() {
            if let Some(k) = lk.get(r).text() {
                known.insert(k);
                if filter.accepts(r) {
                    listed.insert(k);
                }
            }
        }
        let field = FieldRef::from(&f);
        for item in items.iter() {
            let Some(id) = f.get(item).text() else {
                continue;
            };
            if listed.contains(id) || !known.contains(id) {
                continue;
            }
            cx.emit_at(
                item,
                &self.field,
                FindingCode::NotAllowed,
                Inputs::from([(self.field.as_str(), id.to_string())]),
                Detail::NotListed {
                    field,
                    id: id.to_string(),
                    list: self.list,
                },
            );
        }
        Outcome::Checked(items.len())
    }
}
