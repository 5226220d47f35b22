//! Aggregations over a dataset: transfer rates and enrollment totals by any grouping, each
//! secondary school's ranked application summary (汇总表), semester compliance against the
//! Beijing minimums, and target progress from a report; and the tables each city's notice asks
//! for: Beijing's status-data campaign and printable 汇总表 per school, Quzhou's 细则 indicators
//! per campus, finance settlements and targets by year, Hohhot's major ledger.
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
mod campaign;
mod cohorts;
mod compliance;
mod group;
mod ledger;
mod marks;
mod quzhou;
mod rate;
mod sheets;
mod summary;
mod targets;

pub use applications::{
    application_summary, applications_per_school, ApplicationCount, ApplicationLine,
    SchoolApplications, Side,
};
pub use campaign::{
    status_campaign, status_campaign_with, CampaignRow, StatusCampaign, CAMPAIGN_PACK,
};
pub use cohorts::{
    cohort_rates, enrollment_totals, enrollment_totals_with_columns, transfer_rates,
    transfer_rates_with_columns, EnrollmentRow, TransferRow,
};
pub use compliance::{
    semester_compliance, semester_compliance_iter, semester_compliance_with,
    semester_compliance_with_columns, ComplianceItem, SemesterCompliance,
};
pub use group::{GroupBy, GroupKey};
pub use ledger::{major_ledger, LedgerRow, MajorLedger, LEDGER_PACK};
pub use marks::{RuleNote, RuleVerdict, Verdict};
pub use quzhou::{
    pilot_tables, CampusIndicators, Indicator, IndicatorForm, PilotTables, SettlementRow,
    YearTargets, QUZHOU_PACK,
};
pub use rate::Rate;
pub use sheets::{application_sheets, ApplicationSheet, MarkedApplication};
#[cfg(feature = "tables")]
pub(crate) use summary::beijing_tables;
pub use summary::{summary, SemesterOverview, Summary};
pub use targets::targets;
