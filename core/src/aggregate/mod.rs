//! Aggregations over a dataset: transfer rates and enrollment totals by any grouping, each
//! secondary school's ranked application summary (汇总表), semester compliance against the
//! Beijing minimums, and target progress from a report.
//!
//! Every result is typed (serde + JSON Schema), exact (`Decimal` and fraction text, never floats)
//! and in a deterministic order (sorted group keys).
//!
//! ```
//! use xianjie::aggregate::{transfer_rates, GroupBy};
//! let ds = xianjie::Dataset::from_json_str(r#"{"cohorts": [
//!   {"project": "P1", "entry_year": 2020, "enrolled": 40, "graduated_secondary": 40, "transferred": 36},
//!   {"project": "P1", "entry_year": 2021, "enrolled": 40, "graduated_secondary": 30, "transferred": 30}]}"#).unwrap();
//! let rows = transfer_rates(&ds, &[GroupBy::Project]);
//! assert_eq!(rows[0].rate.fraction, "66/70");
//! assert_eq!(rows[0].rate.percent().as_deref(), Some("94.29%"));
//! ```

mod applications;
mod cohorts;
mod compliance;
mod group;
mod rate;
mod summary;
mod targets;

pub use applications::{
    application_summary, applications_per_school, ApplicationCount, ApplicationLine,
    SchoolApplications, Side,
};
pub use cohorts::{cohort_rates, enrollment_totals, transfer_rates, EnrollmentRow, TransferRow};
pub use compliance::{
    semester_compliance, semester_compliance_iter, semester_compliance_with, ComplianceItem,
    SemesterCompliance,
};
pub use group::{GroupBy, GroupKey};
pub use rate::Rate;
pub use summary::{summary, SemesterOverview, Summary};
pub use targets::targets;
