//! Groupings for cohort aggregates: borrowed, fixed-size keys so grouping allocates only when a
//! new group appears.

use crate::model::Index;
use crate::reference::{catalog, divisions};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What to group cohorts by.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// The project (项目).
    Project,
    /// The project's secondary school (中职学校).
    SecondarySchool,
    /// The project's higher school (高职学校).
    HigherSchool,
    /// The higher-stage major code (高职专业).
    Major,
    /// The higher-stage major's category (专业大类): the first 2 digits of its code.
    Category,
    /// The secondary school's county-level district (区县).
    District,
    /// The entry year (入学年份).
    EntryYear,
}

impl GroupBy {
    /// Every grouping.
    pub const ALL: [GroupBy; 7] = [
        GroupBy::Project,
        GroupBy::SecondarySchool,
        GroupBy::HigherSchool,
        GroupBy::Major,
        GroupBy::Category,
        GroupBy::District,
        GroupBy::EntryYear,
    ];
    /// The wire name, e.g. `secondary_school`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Project => "project",
            Self::SecondarySchool => "secondary_school",
            Self::HigherSchool => "higher_school",
            Self::Major => "major",
            Self::Category => "category",
            Self::District => "district",
            Self::EntryYear => "entry_year",
        }
    }
    /// Chinese column label.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Project => "项目",
            Self::SecondarySchool => "中职学校",
            Self::HigherSchool => "高职学校",
            Self::Major => "高职专业",
            Self::Category => "专业大类",
            Self::District => "区县",
            Self::EntryYear => "入学年份",
        }
    }
    /// English column label.
    pub fn en(self) -> &'static str {
        match self {
            Self::Project => "project",
            Self::SecondarySchool => "secondary school",
            Self::HigherSchool => "higher school",
            Self::Major => "higher major",
            Self::Category => "major category",
            Self::District => "district",
            Self::EntryYear => "entry year",
        }
    }
}

impl fmt::Display for GroupBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GroupBy {
    type Err = String;
    /// Accepts the wire name, the English label or the Chinese label (`major`, `大类`, …).
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        GroupBy::ALL
            .into_iter()
            .find(|g| t == g.as_str() || t.eq_ignore_ascii_case(g.en()) || t == g.zh())
            .or(match t {
                "大类" | "major_category" => Some(GroupBy::Category),
                "school" => Some(GroupBy::SecondarySchool),
                "year" => Some(GroupBy::EntryYear),
                _ => None,
            })
            .ok_or_else(|| {
                format!(
                    "unknown grouping {s:?}; expected one of: {}",
                    GroupBy::ALL.map(GroupBy::as_str).join(", ")
                )
            })
    }
}

/// One group key of an output row: what it groups by, its value and a readable name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct GroupKey {
    /// The grouping.
    pub by: GroupBy,
    /// The value (an id, a code or a year); `None` when the data does not say (e.g. a cohort of
    /// an unknown project, a school without a district).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// A readable name: the school's name, the major's catalogue name, the category or district
    /// name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A borrowed key part. `Unknown` sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Part<'a> {
    Unknown,
    Int(i32),
    Str(&'a str),
}

/// Up to one part per grouping; unused slots stay `Unknown`.
pub(crate) type Key<'a> = [Part<'a>; 7];

/// `by` without repeats, in the order given.
pub(crate) fn dedup(by: &[GroupBy]) -> Vec<GroupBy> {
    let mut out: Vec<GroupBy> = Vec::with_capacity(by.len());
    for g in by {
        if !out.contains(g) {
            out.push(*g);
        }
    }
    out
}

/// The key under `by` (deduplicated, at most 7) of a cohort of `project` entering in
/// `entry_year`: no allocation.
pub(crate) fn key_of<'a>(
    ix: &Index<'a>,
    project_id: &'a str,
    entry_year: i32,
    by: &[GroupBy],
) -> Key<'a> {
    let mut key = [Part::Unknown; 7];
    let project = ix.project(project_id);
    let secondary = project
        .and_then(|p| p.secondary_school.as_deref())
        .and_then(|id| ix.school(id));
    for (slot, g) in key.iter_mut().zip(by) {
        *slot = match g {
            GroupBy::Project => Part::Str(project_id),
            GroupBy::SecondarySchool => project
                .and_then(|p| p.secondary_school.as_deref())
                .map_or(Part::Unknown, Part::Str),
            GroupBy::HigherSchool => project.map_or(Part::Unknown, |p| Part::Str(&p.higher_school)),
            GroupBy::Major => project.map_or(Part::Unknown, |p| Part::Str(&p.higher_major.code)),
            GroupBy::Category => project
                .and_then(|p| category_code(&p.higher_major.code))
                .map_or(Part::Unknown, Part::Str),
            GroupBy::District => secondary
                .and_then(|s| s.district.as_deref())
                .map_or(Part::Unknown, Part::Str),
            GroupBy::EntryYear => Part::Int(entry_year),
        };
    }
    key
}

/// The 2-digit category of a major code, if the code starts with two ASCII digits.
pub(crate) fn category_code(code: &str) -> Option<&str> {
    code.get(..2)
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// Readable keys for an output row (allocates once per group).
pub(crate) fn describe(ix: &Index<'_>, key: &Key<'_>, by: &[GroupBy]) -> Vec<GroupKey> {
    by.iter()
        .zip(key.iter())
        .map(|(g, part)| {
            let value = match part {
                Part::Unknown => None,
                Part::Int(i) => Some(i.to_string()),
                Part::Str(s) => Some((*s).to_string()),
            };
            let name = match (g, part) {
                (GroupBy::Project, Part::Str(id)) => ix.project(id).map(|p| {
                    let school =
                        |id: &str| ix.school(id).map_or(id.to_string(), |s| s.name.clone());
                    let hi = school(&p.higher_school);
                    match p.secondary_school.as_deref() {
                        Some(sec) => format!("{} — {} {}", school(sec), hi, p.higher_major.label()),
                        None => format!("{} {}", hi, p.higher_major.label()),
                    }
                }),
                (GroupBy::SecondarySchool | GroupBy::HigherSchool, Part::Str(id)) => {
                    ix.school(id).map(|s| s.name.clone())
                }
                // A major added after the 2021 catalogue has no name here; its code still groups.
                (GroupBy::Major, Part::Str(code)) => {
                    catalog::major(code).map(|m| m.name.to_string())
                }
                (GroupBy::Category, Part::Str(code)) => {
                    catalog::category(code).map(|(n, _)| n.to_string())
                }
                (GroupBy::District, Part::Str(code)) => divisions::full_name(code),
                _ => None,
            };
            GroupKey {
                by: *g,
                value,
                name,
            }
        })
        .collect()
}
