//! `submitted`: each school (or district) that owes a yearly document has submitted it: the
//! secondary school's sealed 汇总表 of its new applications, the year-end 专业建设工作总结 of each
//! school and 旗县区.

use super::filter::{self, Compiled, Filter};
use super::{expect_field, no_records, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FindingCode, Location, Period, Reason};
use crate::model::{EntityKind, Subject, Value, ValueKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// `kind = "submitted"`.
///
/// ```toml
/// kind = "submitted"
/// entity = "applications"            # the records that make a document owed
/// key = "secondary_school"           # who owes it (a school id, or a district code)
/// year_field = "year"                # the year it is owed for (default: the reporting year + year_offset)
/// companion = "submissions"
/// companion_key = "school"
/// companion_year = "year"
/// companion_where = [{ field = "kind", equals = "application_summary" }]
/// ```
///
/// One finding per owner and year, at the owner's first record. Data without any record of
/// the companion collection does not carry the documents at all: the rule is then unchecked,
/// not failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Submitted {
    /// The records that make a document owed.
    pub entity: EntityKind,
    /// Their field naming who owes it.
    pub key: String,
    /// Which of them count.
    #[serde(default, rename = "where", skip_serializing_if = "Vec::is_empty")]
    pub filter: Vec<Filter>,
    /// Their year field; absent: the reporting year plus `year_offset`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_field: Option<String>,
    /// Added to the reporting year when there is no `year_field`.
    #[serde(default)]
    pub year_offset: i32,
    /// The documents' collection.
    pub companion: EntityKind,
    /// Its field naming who submitted.
    pub companion_key: String,
    /// Its year field.
    pub companion_year: String,
    /// Which of its records are the document owed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub companion_where: Vec<Filter>,
}

impl Kind for Submitted {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.key, &[ValueKind::Text])?;
        if let Some(y) = &self.year_field {
            expect_field(self.entity, y, &[ValueKind::Int])?;
        }
        filter::validate_all(&self.filter, self.entity)?;
        expect_field(self.companion, &self.companion_key, &[ValueKind::Text])?;
        expect_field(self.companion, &self.companion_year, &[ValueKind::Int])?;
        filter::validate_all(&self.companion_where, self.companion)
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let (items, docs) = (cx.ds.records(self.entity), cx.ds.records(self.companion));
        if items.is_empty() {
            return no_records(items.kind());
        }
        if docs.is_empty() {
            return no_records(docs.kind());
        }
        let fixed_year = match (&self.year_field, cx.ds.reporting_year) {
            (Some(_), _) => None,
            (None, Some(ry)) => Some(i64::from(ry) + i64::from(self.year_offset)),
            (None, None) => return Outcome::Unchecked(Reason::NoReportingYear),
        };
        let (Some(k), Some(filter), Some(ck), Some(cy), Some(cfilter)) = (
            items.field(&self.key),
            Compiled::new(items, &self.filter),
            docs.field(&self.companion_key),
            docs.field(&self.companion_year),
            Compiled::new(docs, &self.companion_where),
        ) else {
            return no_records(items.kind());
        };
        let yf = self.year_field.as_deref().and_then(|n| items.field(n));
        let mut have: HashSet<(&str, i64)> = HashSet::new();
        for d in docs.iter().filter(|&d| cfilter.accepts(d)) {
            if let (Some(who), Value::Int(y)) = (ck.get(d).text(), cy.get(d)) {
                have.insert((who, y));
            }
        }
        let mut owed: Vec<(&str, i64, usize)> = Vec::new();
        let mut seen: HashSet<(&str, i64)> = HashSet::new();
        for item in items.iter().filter(|&i| filter.accepts(i)) {
            let year = match (fixed_year, &yf) {
                (Some(y), _) => y,
                (None, Some(f)) => match f.get(item) {
                    Value::Int(y) => y,
                    _ => continue,
                },
                (None, None) => continue,
            };
            if let Some(who) = k.get(item).text() {
                if seen.insert((who, year)) {
                    owed.push((who, year, item.index()));
                }
            }
        }
        if owed.is_empty() {
            return Outcome::Unchecked(Reason::NoneApplies {
                entity: items.kind(),
            });
        }
        let checked = owed.len();
        for (who, year, index) in owed {
            if have.contains(&(who, year)) {
                continue;
            }
            // Who owes it: the school, by name where the data has it; else the code as given.
            let subject = match cx.ix.school(who) {
                Some(s) => Subject {
                    entity: EntityKind::Schools,
                    id: s.id.clone(),
                    zh: s.name.clone(),
                    en: s.name.clone(),
                },
                None => Subject {
                    entity: items.kind(),
                    id: who.to_string(),
                    zh: who.to_string(),
                    en: who.to_string(),
                },
            };
            cx.emit(Draft {
                code: FindingCode::Absent,
                subject,
                locations: vec![Location::new(items.kind(), index, Some(&self.key))],
                period: i32::try_from(year).ok().map(|year| Period::Year { year }),
                inputs: Inputs::from([
                    (self.key.as_str(), who.to_string()),
                    (self.companion_year.as_str(), year.to_string()),
                ]),
                detail: Detail::NoCompanion {
                    companion: self.companion,
                    year,
                },
            });
        }
        Outcome::Checked(checked)
    }
}
