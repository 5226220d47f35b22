//! `completeness`: each record (passing a filter) has its companion record for the reporting year.

use super::{expect_field, no_records, Cx, Draft, Kind, Outcome};
use crate::finding::{Inputs, Detail, FindingCode, Location, Reason};
use crate::model::{EntityKind, Records, ValueKind, Visitor};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// `kind = "completeness"`.
///
/// For every record of `entity` whose fields match `filter`, some record of `companion` has
/// `companion_key` equal to the record's `key` and `companion_year` equal to the dataset's
/// reporting year plus `year_offset`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Completeness {
    /// The collection that must be covered, e.g. `projects`.
    pub entity: EntityKind,
    /// Field → allowed values; records not matching are not required to have a companion.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub filter: BTreeMap<String, Vec<String>>,
    /// The record's identifying field (default `id`).
    #[serde(default = "default_key")]
    pub key: String,
    /// The companion collection, e.g. `status_reports`.
    pub companion: EntityKind,
    /// The companion's field referring to the record, e.g. `project`.
    pub companion_key: String,
    /// The companion's year field, e.g. `reporting_year`.
    pub companion_year: String,
    /// Added to the reporting year (−1: the year before the campaign).
    #[serde(default)]
    pub year_offset: i32,
    /// Only from this reporting year on (the rule starts later than its pack).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_reporting_year: Option<i32>,
    /// A year field of the record (e.g. `approved_year`): a record whose year is after the
    /// period the campaign reports on is not required (a project approved after the campaign).
    /// The campaign is the pack's one for the reporting year; without one, the year before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_campaign: Option<String>,
}

fn default_key() -> String {
    "id".into()
}

impl Kind for Completeness {
    fn validate(&self) -> Result<(), super::CheckError> {
        expect_field(self.entity, &self.key, &[ValueKind::Text])?;
        for f in self.filter.keys() {
            expect_field(self.entity, f, &[ValueKind::Text])?;
        }
        expect_field(self.companion, &self.companion_key, &[ValueKind::Text])?;
        if let Some(f) = &self.within_campaign {
            expect_field(self.entity, f, &[ValueKind::Int])?;
        }
        expect_field(self.companion, &self.companion_year, &[ValueKind::Int])
    }
    fn run(&self, cx: &mut Cx<'_>) -> Outcome {
        let Some(ry) = cx.ds.reporting_year else {
            return Outcome::Unchecked(Reason::NoReportingYear);
        };
        if let Some(from) = self.from_reporting_year.filter(|&from| ry < from) {
            return Outcome::Unchecked(Reason::FromReportingYear { from, year: ry });
        }
        let year = i64::from(ry) + i64::from(self.year_offset);
        let have = cx.ds.visit(
            self.companion,
            Collect {
                key: &self.companion_key,
                year_field: &self.companion_year,
                year,
            },
        );
        // The last year the campaign reports on: the pack's campaign for this reporting year,
        // else the year before it (a campaign reports on the year before, 上一年度).
        let reported = cx
            .pack
            .campaigns
            .iter()
            .find(|c| c.reporting_year == ry)
            .map_or(i64::from(ry) - 1, |c| {
                i64::from(chrono::Datelike::year(&c.reports_until))
            });
        cx.ds.visit(
            self.entity,
            Run {
                c: self,
                cx,
                have,
                year,
                reported,
            },
        )
    }
}

struct Collect<'c> {
    key: &'c str,
    year_field: &'c str,
    year: i64,
}

impl Visitor for Collect<'_> {
    type Out = HashSet<String>;
    fn visit(self, items: &dyn Records) -> HashSet<String> {
        let (Some(k), Some(y)) = (items.field(self.key), items.field(self.year_field)) else {
            return HashSet::new();
        };
        items
            .iter()
            .filter(|&it| y.get(it) == crate::model::Value::Int(self.year))
            .filter_map(|it| k.get(it).text().map(str::to_string))
            .collect()
    }
}

struct Run<'c, 'a> {
    c: &'c Completeness,
    cx: &'c mut Cx<'a>,
    have: HashSet<String>,
    year: i64,
    reported: i64,
}

impl Visitor for Run<'_, '_> {
    type Out = Outcome;
    fn visit(self, items: &dyn Records) -> Outcome {
        let Run {
            c,
            cx,
            have,
            year,
            reported,
        } = self;
        let within = c.within_campaign.as_deref().and_then(|f| items.field(f));
        if items.is_empty() {
            return no_records(items.kind());
        }
        let Some(key_f) = items.field(&c.key) else {
            return no_records(items.kind());
        };
        let filters: Vec<_> = c
            .filter
            .iter()
            .filter_map(|(f, vals)| items.field(f).map(|f| (f, vals)))
            .collect();
        let mut checked = 0;
        for (i, item) in items.iter().enumerate() {
            let applies = filters.iter().all(|(f, vals)| {
                f.get(item)
                    .text()
                    .is_some_and(|v| vals.iter().any(|x| x == v))
            });
            // Approved after the period the campaign reports on: not in this campaign.
            let later = within.is_some_and(|f| matches!(f.get(item), crate::model::Value::Int(y) if y > reported));
            if !applies || later {
                continue;
            }
            checked += 1;
            let Some(id) = key_f.get(item).text() else {
                continue;
            };
            if have.contains(id) {
                continue;
            }
            let subject = cx.subject(item);
            cx.emit(Draft {
                code: FindingCode::Absent,
                subject,
                locations: vec![Location::new(items.kind(), i, None)],
                period: item.period(),
                inputs: Inputs::from([
                    (c.key.as_str(), id.to_string()),
                    (c.companion_year.as_str(), year.to_string()),
                ]),
                detail: Detail::NoCompanion {
                    companion: c.companion,
                    year,
                },
            });
        }
        if checked == 0 {
            return Outcome::Unchecked(Reason::NoneApplies {
                entity: items.kind(),
            });
        }
        Outcome::Checked(checked)
    }
}
