//! `same_as`: a field equals a field of the project the record belongs to.

use super::{expect_field, no_records, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FieldRef, FindingCode, Location};
use crate::model::{Entity, EntityKind, Project, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// `kind = "same_as"`: `field` of the record equals `project_field` of the project named by `via`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SameAs {
    /// The collection.
    pub entity: EntityKind,
    /// The field checked, e.g. `filed_by`.
    pub field: String,
    /// The record's field holding a project id, e.g. `project`.
    pub via: String,
    /// The project's field it must equal, e.g. `secondary_school`.
    pub project_field: String,
}

impl Kind for SameAs {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.field, &[ValueKind::Text])?;
        expect_field(self.entity, &self.via, &[ValueKind::Text])?;
        expect_field(
            EntityKind::Projects,
            &self.project_field,
            &[ValueKind::Text],
        )
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (c, items) = (self, cx.ds.records(self.entity));
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(f), Some(via), Some(pf)) = (
            items.field(&c.field),
            items.field(&c.via),
            <Project as Entity>::field(&c.project_field),
        ) else {
            return no_records(items.kind());
        };
        let field = FieldRef::from(&f);
        let project_field = FieldRef::of(EntityKind::Projects, &c.project_field);
        let name = |id: &str| {
            cx.ix
                .school(id)
                .map_or_else(|| id.to_string(), |s| s.name.clone())
        };
        let mut drafts = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(project) = via.get(item).text().and_then(|id| cx.ix.project(id)) else {
                continue;
            };
            let Some(expected) = (pf.get)(project).text() else {
                continue;
            };
            let actual = f.get(item).text();
            if actual == Some(expected) {
                continue;
            }
            drafts.push(Draft {
                code: if actual.is_some() {
                    FindingCode::Mismatch
                } else {
                    FindingCode::Missing
                },
                subject: cx.subject(item),
                locations: vec![Location::new(items.kind(), i, Some(&c.field))],
                period: None,
                inputs: Inputs::from([
                    (c.field.clone(), actual.unwrap_or("—").to_string()),
                    (format!("project.{}", c.project_field), expected.to_string()),
                ]),
                detail: Detail::NotSameAs {
                    field,
                    project_field,
                    actual: actual.map(name),
                    expected: name(expected),
                },
            });
        }
        for d in drafts {
            cx.emit(d);
        }
        Outcome::Checked(items.len())
    }
}
