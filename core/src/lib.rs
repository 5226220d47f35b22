#![forbid(unsafe_code)]
#![warn(missing_docs)]
//! # xianjie (衔接)
//!
//! China's secondary–higher vocational articulation policy ("3+2" 中高职衔接) as typed, cited,
//! testable rules. Model the data ([`Dataset`]), check it against rule packs transcribed from the
//! source notices ([`rules`]), and get findings that cite the clause, say where, by how much, and
//! what would fix it ([`Finding`]).
//!
//! ```
//! use xianjie::{check, Dataset, Options};
//! let ds = Dataset::from_json_str(r#"{"reporting_year": 2024,
//!   "semester_activities": [{"project": "P1", "semester": "2023-2024-1",
//!                            "meetings": 2, "joint_research": 1, "teachers_dispatched": 5}]}"#).unwrap();
//! // The records name no school, so their region cannot be told: name the pack that judges
//! // them (with no pack named, the packs are chosen by the regions of the data's schools).
//! let opts = Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() };
//! let report = check(&ds, &opts).unwrap();
//! let f = &report.findings[0];
//! assert_eq!(f.rule_id(), "bj-3p2-2024/semester-joint-research");
//! assert_eq!(f.remedy().unwrap().en, "2 more joint teaching-research activities needed");
//! ```

pub mod aggregate;
pub mod api;
pub mod checks;
#[cfg(feature = "arrow")]
pub mod columns;
pub mod engine;
#[cfg(feature = "files")]
pub mod files;
pub mod finding;
#[cfg(feature = "arrow")]
pub mod findings_table;
pub mod forms;
pub mod host;
pub mod input;
pub mod limits;
mod messages;
pub mod model;
mod parallel;
pub mod partition;
pub mod reference;
pub mod render;
pub mod report;
pub mod rules;
pub mod sample;
pub mod schema;
#[cfg(feature = "tables")]
pub mod table;

/// The README's examples run as doctests, so the README cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The crate's README (what crates.io shows) runs as doctests too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct CrateReadmeDoctests;

pub use engine::{check, Checker, Options};
pub use finding::{Finding, Lang, Location, Severity, Text};
pub use input::{InputError, InputIssue};
pub use limits::Limits;
pub use model::Dataset;
pub use report::Report;
pub use rules::{Fraction, Pack, PackError, Rule};
