//! The analyst's one-page summary: transfer rates by entry year and district, each secondary
//! school's ranked applications, applications per school, semester compliance, targets; and the
//! tables of the city whose notices the run used (Beijing's campaign and 汇总表 sheets, Quzhou's
//! indicators, settlements and targets by year, Hohhot's major ledger): absent otherwise.

use super::{
    application_sheets, application_summary, applications_per_school, major_ledger, pilot_tables,
    semester_compliance, status_campaign, transfer_rates, ApplicationCount, ApplicationSheet,
    GroupBy, MajorLedger, PilotTables, SchoolApplications, StatusCampaign, TransferRow,
    CAMPAIGN_PACK,
};
use crate::model::{Dataset, Semester};
use crate::report::{Report, TargetProgress};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Compliance of all projects in one semester.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SemesterOverview {
    /// The semester.
    pub semester: Semester,
    /// Project-semester records.
    pub records: usize,
    /// Of those, meeting every minimum.
    pub compliant: usize,
}

/// Everything `xianjie summary` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Summary {
    /// City-wide transfer rate per entry year.
    pub transfer_by_year: Vec<TransferRow>,
    /// Transfer rate per district of the secondary school.
    pub transfer_by_district: Vec<TransferRow>,
    /// Transfer rate per 大类.
    pub transfer_by_category: Vec<TransferRow>,
    /// Each secondary school's applications in rank order (汇总表).
    pub applications: Vec<SchoolApplications>,
    /// New applications per school and year, both sides.
    pub applications_per_school: Vec<ApplicationCount>,
    /// Semester compliance, per semester.
    pub semesters: Vec<SemesterOverview>,
    /// Target progress from the report.
    pub targets: Vec<TargetProgress>,
    /// Beijing: the status-data campaign of the reporting year, by district and school (when the
    /// run used the Beijing 3+2 pack and the data has projects or status reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_campaign: Option<StatusCampaign>,
    /// Beijing: each secondary school's printable 汇总表, entries marked with the rules they break
    /// (when the run used the Beijing 3+2 pack).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub application_sheets: Vec<ApplicationSheet>,
    /// Quzhou: indicators per campus, settlements, targets by year (when the run used its pack).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pilot: Option<PilotTables>,
    /// Hohhot: the major ledger (when the run used its pack).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub major_ledger: Option<MajorLedger>,
}

/// Builds the summary of `ds`, with target progress from `report`.
///
/// ```
/// let ds = xianjie::sample::load("bj-3p2-2024").unwrap();
/// let report = xianjie::check(&ds, &Default::default()).unwrap();
/// let s = xianjie::aggregate::summary(&ds, &report);
/// assert!(s.transfer_by_year.len() >= 3);
/// assert!(s.semesters.iter().all(|m| m.compliant <= m.records));
/// ```
pub fn summary(ds: &Dataset, report: &Report) -> Summary {
    let (status_campaign, application_sheets) = beijing_tables(ds, report);
    let mut semesters: BTreeMap<Semester, (usize, usize)> = BTreeMap::new();
    for c in semester_compliance(ds) {
        let e = semesters.entry(c.semester).or_default();
        e.0 += 1;
        e.1 += usize::from(c.compliant);
    }
    Summary {
        transfer_by_year: transfer_rates(ds, &[GroupBy::EntryYear]),
        transfer_by_district: transfer_rates(ds, &[GroupBy::District]),
        transfer_by_category: transfer_rates(ds, &[GroupBy::Category]),
        applications: application_summary(ds),
        applications_per_school: applications_per_school(ds),
        semesters: semesters
            .into_iter()
            .map(|(semester, (records, compliant))| SemesterOverview {
                semester,
                records,
                compliant,
            })
            .collect(),
        targets: report.targets.clone(),
        status_campaign,
        application_sheets,
        pilot: pilot_tables(ds, report),
        major_ledger: major_ledger(ds, report),
    }
}

/// Beijing's tables when the run used its 3+2 pack: the campaign (for data with projects or
/// status reports) and the 汇总表 sheets.
pub(crate) fn beijing_tables(
    ds: &Dataset,
    report: &Report,
) -> (Option<StatusCampaign>, Vec<ApplicationSheet>) {
    if !report.packs.iter().any(|p| p.id == CAMPAIGN_PACK) {
        return (None, Vec::new());
    }
    let campaign =
        status_campaign(ds).filter(|_| !ds.projects.is_empty() || !ds.status_reports.is_empty());
    (campaign, application_sheets(ds, report))
}
