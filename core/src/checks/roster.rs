//! `roster`: schools a notice names are among the records of a year (the five secondary schools
//! the Quzhou plan names for the 2024 pilot appear in the 2024 pilot enrolment).

use super::{expect_field, no_records, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FindingCode, Location, Period, Reason};
use crate::model::{EntityKind, Subject, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// One school the text names, as it names it, with the other names it goes by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Named {
    /// The name as the text prints it (衢州中专).
    pub name: String,
    /// Other names that denote the same school (衢州市中等专业学校).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
}

/// `kind = "roster"`.
///
/// ```toml
/// kind = "roster"
/// entity = "pilot_enrollments"
/// field = "school"            # a school id
/// year_field = "year"
/// year = 2024
/// names = [{ name = "衢州中专", also = ["衢州市中等专业学校"] }]
/// ```
///
/// A school counts when the name of the school its record refers to (from the dataset's
/// schools; the id itself where the school is not there) equals the name or one of its others,
/// spaces ignored. Without any record of the year the rule is unchecked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    /// The collection.
    pub entity: EntityKind,
    /// The field holding a school id.
    pub field: String,
    /// The year field.
    pub year_field: String,
    /// The year the names are for.
    pub year: i32,
    /// The schools named.
    pub names: Vec<Named>,
}

/// A name with its spaces (ASCII and full-width) removed, for comparison.
fn bare(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

impl Kind for Roster {
    fn validate(&self) -> Result<(), super::CheckError> {
        if self.names.is_empty() {
            return Err(super::CheckError::Empty {
                param: "names".into(),
            });
        }
        expect_field(self.entity, &self.field, &[ValueKind::Text])?;
        expect_field(self.entity, &self.year_field, &[ValueKind::Int])
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let items = cx.ds.records(self.entity);
        if items.is_empty() {
            return no_records(items.kind());
        }
        let (Some(f), Some(yf)) = (items.field(&self.field), items.field(&self.year_field)) else {
            return no_records(items.kind());
        };
        let year = i64::from(self.year);
        let mut present: HashSet<String> = HashSet::new();
        for item in items.iter() {
            if yf.get(item) != Value::Int(year) {
                continue;
            }
            if let Some(id) = f.get(item).text() {
                present.insert(bare(cx.ix.school(id).map_or(id, |s| s.name.as_str())));
            }
        }
        if present.is_empty() {
            return Outcome::Unchecked(Reason::NoneApplies {
                entity: items.kind(),
            });
        }
        for n in &self.names {
            let hit = std::iter::once(&n.name)
                .chain(n.also.iter())
                .any(|a| present.contains(&bare(a)));
            if hit {
                continue;
            }
            // Point at the school's own record where the data has it under one of its names.
            let at = cx.ds.all().schools.iter().position(|s| {
                let s = bare(&s.name);
                std::iter::once(&n.name)
                    .chain(n.also.iter())
                    .any(|a| bare(a) == s)
            });
            let locations = at
                .map(|i| vec![Location::new(EntityKind::Schools, i, None)])
                .unwrap_or_default();
            cx.emit(Draft {
                code: FindingCode::Absent,
                subject: Subject {
                    entity: EntityKind::Schools,
                    id: n.name.clone(),
                    zh: n.name.clone(),
                    en: n.name.clone(),
                },
                locations,
                period: Some(Period::Year { year: self.year }),
                inputs: Inputs::from([(
                    format!("{}.{}", self.entity.as_str(), self.year_field),
                    self.year.to_string(),
                )]),
                detail: Detail::NotInRoster {
                    name: n.name.clone(),
                    entity: self.entity,
                    year,
                },
            });
        }
        Outcome::Checked(self.names.len())
    }
}
