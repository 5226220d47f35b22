//! The per-school summary table of new applications (汇总表) and application counts.

use crate::model::{Application, Dataset, Index, MajorRef, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One application in a school's summary, in rank order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ApplicationLine {
    /// The rank the secondary school gave it (1 = first); `None` when not ranked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Application id.
    pub id: String,
    /// Index in `applications` (for locating it in the input).
    pub index: usize,
    /// The higher school's id.
    pub higher_school: String,
    /// The higher school's name, when the school is in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub higher_school_name: Option<String>,
    /// Major at the secondary stage.
    pub secondary_major: MajorRef,
    /// Major at the higher stage.
    pub higher_major: MajorRef,
    /// All three attachments given (sealed form, training plan, demand research). Form is not
    /// judged here; the attachments rule does that.
    pub attachments_complete: bool,
    /// When submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<Timestamp>,
}

/// One secondary school's applications for one year, in rank order (汇总表).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SchoolApplications {
    /// The secondary school's id.
    pub secondary_school: String,
    /// Its name, when the school is in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_school_name: Option<String>,
    /// Application year.
    pub year: i32,
    /// Applications by rank (unranked last, then by id).
    pub applications: Vec<ApplicationLine>,
}

fn complete(a: &Application) -> bool {
    let given = |s: &Option<String>| s.as_deref().is_some_and(|t| !t.trim().is_empty());
    given(&a.attachments.sealed_form_pdf)
        && given(&a.attachments.training_plan)
        && given(&a.attachments.demand_research)
}

fn name(ix: &Index<'_>, id: &str) -> Option<String> {
    ix.school(id).map(|s| s.name.clone())
}

/// Each secondary school's applications per year, in rank order; schools by id, then year.
///
/// ```
/// let ds = xianjie::Dataset::from_json_str(r#"{"applications": [
///   {"id": "A2", "year": 2024, "secondary_school": "S1", "higher_school": "H1", "rank": 2,
///    "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"}},
///   {"id": "A1", "year": 2024, "secondary_school": "S1", "higher_school": "H1", "rank": 1,
///    "secondary_major": {"code": "710202"}, "higher_major": {"code": "510202"}}]}"#).unwrap();
/// let s = xianjie::aggregate::application_summary(&ds);
/// let ids: Vec<_> = s[0].applications.iter().map(|a| a.id.as_str()).collect();
/// assert_eq!(ids, ["A1", "A2"]);
/// ```
pub fn application_summary(ds: &Dataset) -> Vec<SchoolApplications> {
    let ix = Index::new(ds);
    let mut groups: BTreeMap<(&str, i32), Vec<usize>> = BTreeMap::new();
    for (i, a) in ds.applications.iter().enumerate() {
        groups
            .entry((a.secondary_school.as_str(), a.year))
            .or_default()
            .push(i);
    }
    groups
        .into_iter()
        .map(|((school, year), mut idx)| {
            idx.sort_by(|&x, &y| {
                let (a, b) = (&ds.applications[x], &ds.applications[y]);
                // Unranked last: `None` mapped above every rank.
                (a.rank.map_or(u64::MAX, u64::from), &a.id, x).cmp(&(
                    b.rank.map_or(u64::MAX, u64::from),
                    &b.id,
                    y,
                ))
            });
            SchoolApplications {
                secondary_school: school.to_string(),
                secondary_school_name: name(&ix, school),
                year,
                applications: idx
                    .into_iter()
                    .filter_map(|i| ds.applications.get(i).map(|a| (i, a)))
                    .map(|(i, a)| ApplicationLine {
                        rank: a.rank,
                        id: a.id.clone(),
                        index: i,
                        higher_school: a.higher_school.clone(),
                        higher_school_name: name(&ix, &a.higher_school),
                        secondary_major: a.secondary_major.clone(),
                        higher_major: a.higher_major.clone(),
                        attachments_complete: complete(a),
                        submitted_at: a.submitted_at,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Which side of an application a school is on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The secondary school (中职).
    Secondary,
    /// The higher school (高职).
    Higher,
}

/// How many applications a school is party to in a year, on one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ApplicationCount {
    /// The school's id.
    pub school: String,
    /// Its name, when in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The side.
    pub side: Side,
    /// Application year.
    pub year: i32,
    /// Applications.
    pub count: usize,
}

/// Applications per school, side and year; sorted by side, school id, year.
///
/// ```
/// use xianjie::aggregate::{applications_per_school, Side};
/// let ds = xianjie::Dataset::from_json_str(r#"{"applications": [
///   {"id": "A1", "year": 2024, "secondary_school": "S1", "higher_school": "H1",
///    "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"}},
///   {"id": "A2", "year": 2024, "secondary_school": "S2", "higher_school": "H1",
///    "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"}}]}"#).unwrap();
/// let c = applications_per_school(&ds);
/// let h1 = c.iter().find(|c| c.side == Side::Higher).unwrap();
/// assert_eq!((h1.school.as_str(), h1.count), ("H1", 2));
/// ```
pub fn applications_per_school(ds: &Dataset) -> Vec<ApplicationCount> {
    let ix = Index::new(ds);
    let mut counts: BTreeMap<(Side, &str, i32), usize> = BTreeMap::new();
    for a in &ds.applications {
        *counts
            .entry((Side::Secondary, a.secondary_school.as_str(), a.year))
            .or_default() += 1;
        *counts
            .entry((Side::Higher, a.higher_school.as_str(), a.year))
            .or_default() += 1;
    }
    counts
        .into_iter()
        .map(|((side, school, year), count)| ApplicationCount {
            school: school.to_string(),
            name: name(&ix, school),
            side,
            year,
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_unranked_last_and_attachments() {
        let ds = Dataset::from_json_str(
            r#"{"schools": [{"id": "S1", "name": "甲", "level": "secondary"}],
            "applications": [
            {"id": "A3", "year": 2024, "secondary_school": "S1", "higher_school": "H1",
             "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"}},
            {"id": "A2", "year": 2024, "secondary_school": "S1", "higher_school": "H1", "rank": 2,
             "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"},
             "attachments": {"sealed_form_pdf": "a.pdf", "training_plan": "p", "demand_research": "d"}},
            {"id": "A1", "year": 2024, "secondary_school": "S1", "higher_school": "H1", "rank": 1,
             "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"},
             "attachments": {"sealed_form_pdf": "a.pdf", "training_plan": " ", "demand_research": "d"}},
            {"id": "A9", "year": 2023, "secondary_school": "S1", "higher_school": "H1", "rank": 1,
             "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"}}]}"#,
        )
        .unwrap();
        let s = application_summary(&ds);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].year, 2023);
        assert_eq!(s[1].secondary_school_name.as_deref(), Some("甲"));
        let lines: Vec<_> = s[1]
            .applications
            .iter()
            .map(|a| (a.id.as_str(), a.rank, a.attachments_complete, a.index))
            .collect();
        assert_eq!(
            lines,
            [
                ("A1", Some(1), false, 2),
                ("A2", Some(2), true, 1),
                ("A3", None, false, 0)
            ]
        );
        let counts = applications_per_school(&ds);
        assert_eq!(counts.len(), 4);
        assert_eq!(
            (counts[1].side, counts[1].year, counts[1].count),
            (Side::Secondary, 2024, 3)
        );
    }
}
