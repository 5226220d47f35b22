//! The Beijing status-data campaign (人才培养状态数据填报, 京教函〔2024〕51号 二): per district and
//! secondary school, the approved projects (附件4), the reports filed, missing and late, the
//! reports for projects off the list, and the figures of 二(二)1 (enrollment, secondary
//! graduates, transfers and the transfer rate) summed from the reports themselves.
//!
//! Nothing here is hard-coded: the campaign (the period it reports on, when it closes, its
//! scope) is the pack's campaign selected by the reporting year, and the approved list is what
//! the pack's `completeness` checks on projects ask for that year (their filter on programme
//! mode and standing, the first reporting year, the approval-year cut-off of the campaign).

use super::marks::{accepts, accepts_fields, in_region};
use super::rate::Rate;
use crate::model::{Dataset, Entity, EntityKind, Index, Project, Value};
use crate::reference::divisions;
use crate::rules::{builtin, Campaign, Check, Pack};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The pack whose campaigns and approved list [`status_campaign`] reads.
pub const CAMPAIGN_PACK: &str = "bj-3p2-2024";

/// One row of the campaign table: a secondary school, a district, or the whole city.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct CampaignRow {
    /// The district (区) of the school, GB/T 2260 code; absent for the city total, or when the
    /// school gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The district's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_name: Option<String>,
    /// The secondary school's id (the higher school's for a project without one); absent on the
    /// district and city rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school: Option<String>,
    /// The school's name, when it is in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_name: Option<String>,
    /// Projects on the approved list this campaign covers.
    pub approved: usize,
    /// Of those, with a report of the campaign's reporting year.
    pub filed: usize,
    /// Of those, without one.
    pub missing: usize,
    /// Reports of listed projects submitted after the campaign closed.
    pub late: usize,
    /// Reports of the year for projects not on the approved list (附件4: the pack's `listed`
    /// check, e.g. a discontinued project) or not in the data. A report of a listed project the
    /// campaign does not require (a five-year project before its first campaign) is neither
    /// filed nor off the list; its figures count.
    pub unlisted: usize,
    /// The projects missing a report, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_projects: Vec<String>,
    /// The projects whose report came late, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub late_projects: Vec<String>,
    /// The projects off the list that reported, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unlisted_projects: Vec<String>,
    /// 二(二)1: the previous year's secondary enrollment, summed over the reports of the year.
    pub enrollment: u64,
    /// Secondary graduates who could transfer, summed over the reports giving both figures.
    pub graduated: u64,
    /// Students who transferred (转段升学), over the same reports.
    pub transferred: u64,
    /// Reports of the year lacking the enrollment, the graduates or the transfers.
    pub reports_incomplete: usize,
    /// `transferred / graduated`.
    pub transfer_rate: Rate,
}

/// The status-data campaign of one reporting year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StatusCampaign {
    /// The pack the campaign and the approved list are read from.
    pub pack: String,
    /// The reporting year (填报年度) that selected the campaign.
    pub reporting_year: i32,
    /// The pack's campaign for that year (the period it reports on, when it closes, its scope);
    /// absent when the notice runs none that year. Without a closing time no report is late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<Campaign>,
    /// The city total.
    pub total: CampaignRow,
    /// One row per district, sorted by code (unknown first).
    pub districts: Vec<CampaignRow>,
    /// One row per secondary school, sorted by district, then school id.
    pub schools: Vec<CampaignRow>,
}

impl CampaignRow {
    fn add(&mut self, o: &CampaignRow) {
        self.approved += o.approved;
        self.filed += o.filed;
        self.missing += o.missing;
        self.late += o.late;
        self.unlisted += o.unlisted;
        self.enrollment += o.enrollment;
        self.graduated += o.graduated;
        self.transferred += o.transferred;
        self.reports_incomplete += o.reports_incomplete;
        self.missing_projects
            .extend(o.missing_projects.iter().cloned());
        self.late_projects.extend(o.late_projects.iter().cloned());
        self.unlisted_projects
            .extend(o.unlisted_projects.iter().cloned());
    }
    fn close(&mut self) {
        self.transfer_rate = Rate::new(self.transferred, self.graduated);
        self.missing_projects.sort();
        self.late_projects.sort();
        self.unlisted_projects.sort();
    }
}

/// Which projects the campaign of reporting year `ry` requires a report from, per the pack's
/// `completeness` checks from projects to status reports (index-aligned with `ds.projects`).
fn approved_list(ds: &Dataset, pack: &Pack, ry: i32, campaign: Option<&Campaign>) -> Vec<bool> {
    // The last year the campaign reports on; without a campaign, the year before (上一年度), as
    // the completeness check reads it.
    let reported = campaign.map_or(ry.saturating_sub(1), |c| {
        chrono::Datelike::year(&c.reports_until)
    });
    let mut on = vec![false; ds.projects.len()];
    for rule in pack.rules.iter().filter(|r| r.in_force_in(pack, ry)) {
        for check in rule.checks.iter() {
            let Check::Completeness(c) = check else {
                continue;
            };
            if c.entity != EntityKind::Projects
                || c.companion != EntityKind::StatusReports
                || c.from_reporting_year.is_some_and(|f| ry < f)
            {
                continue;
            }
            for (slot, p) in on.iter_mut().zip(&ds.projects) {
                let later = c.within_campaign.as_deref().is_some_and(|f| {
                    matches!(Project::field(f).map(|d| (d.get)(p)), Some(Value::Int(y)) if y > i64::from(reported))
                });
                if !later && accepts_fields(p, &c.filter) {
                    *slot = true;
                }
            }
        }
    }
    on
}

/// The ids of the projects on the approved list (附件4), as the pack's `listed` check on status
/// reports reads it; every project when the pack has no such check.
fn annex_list<'d>(ds: &'d Dataset, pack: &Pack) -> std::collections::HashSet<&'d str> {
    let filters: Vec<&[crate::checks::filter::Filter]> = pack
        .rules
        .iter()
        .flat_map(|r| r.checks.iter())
        .filter_map(|c| match c {
            Check::Listed(l)
                if l.entity == EntityKind::StatusReports && l.list == EntityKind::Projects =>
            {
                Some(l.filter.as_slice())
            }
            _ => None,
        })
        .collect();
    ds.projects
        .iter()
        .filter(|p| filters.is_empty() || filters.iter().any(|f| accepts(*p, f)))
        .map(|p| p.id.as_str())
        .collect()
}

/// The status-data campaign of `ds`'s reporting year, by district and school, read from the
/// built-in `bj-3p2-2024` pack; `None` without a reporting year.
///
/// ```
/// let ds = xianjie::sample::load("bj-3p2-2024").unwrap();
/// let c = xianjie::aggregate::status_campaign(&ds).unwrap();
/// assert_eq!(c.campaign.as_ref().map(|c| c.id.as_str()), Some("2024"));
/// assert_eq!(c.total.approved, c.total.filed + c.total.missing);
/// assert_eq!(c.schools.iter().map(|s| s.approved).sum::<usize>(), c.total.approved);
/// ```
pub fn status_campaign(ds: &Dataset) -> Option<StatusCampaign> {
    let pack = builtin(CAMPAIGN_PACK)?;
    status_campaign_with(ds, pack)
}

/// [`status_campaign`] with the campaigns and checks of `pack`.
pub fn status_campaign_with(ds: &Dataset, pack: &Pack) -> Option<StatusCampaign> {
    let ry = ds.reporting_year?;
    let campaign = pack.campaigns.iter().find(|c| c.reporting_year == ry);
    let ix = Index::new(ds);
    let mut on = approved_list(ds, pack, ry, campaign);
    // The notice binds its region only: a project whose school lies elsewhere is not on its
    // list, and its reports are not this campaign's (the checks are scoped the same way).
    let here = |p: &Project| {
        in_region(
            &ix,
            pack,
            Some(p.secondary_school.as_deref().unwrap_or(&p.higher_school)),
        )
    };
    for (slot, p) in on.iter_mut().zip(&ds.projects) {
        *slot &= here(p);
    }
    let annex = annex_list(ds, pack);
    let listed: BTreeMap<&str, usize> = ds
        .projects
        .iter()
        .enumerate()
        .filter(|(i, _)| on.get(*i).copied().unwrap_or(false))
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    // The school a project reports under: its secondary school, else its higher school.
    let school_of = |p: &Project| -> String {
        p.secondary_school
            .clone()
            .unwrap_or_else(|| p.higher_school.clone())
    };
    let district_of = |school: Option<&str>| -> Option<String> {
        school
            .and_then(|s| ix.school(s))
            .and_then(|s| s.district.clone())
    };
    // Rows by (district, school): sorted by district, then school.
    let mut by_school: BTreeMap<(Option<String>, Option<String>), CampaignRow> = BTreeMap::new();
    let mut filed_for: BTreeMap<&str, bool> = BTreeMap::new();
    for r in ds.status_reports.iter().filter(|r| r.reporting_year == ry) {
        let project = ix.project(&r.project);
        if project.is_some_and(|p| !here(p)) {
            continue;
        }
        let school = project.map(school_of);
        let e = by_school
            .entry((district_of(school.as_deref()), school))
            .or_default();
        match (r.enrollment, r.graduated_secondary, r.transferred) {
            (Some(n), Some(g), Some(t)) => {
                e.enrollment += u64::from(n);
                e.graduated += u64::from(g);
                e.transferred += u64::from(t);
            }
            (n, _, _) => {
                e.enrollment += n.map_or(0, u64::from);
                e.reports_incomplete += 1;
            }
        }
        if !annex.contains(r.project.as_str()) {
            e.unlisted += 1;
            e.unlisted_projects.push(r.project.clone());
        } else if listed.contains_key(r.project.as_str()) {
            // A project reporting twice is filed once; it is late when no report of it came in time.
            let on_time = match (campaign.and_then(|c| c.closes), r.submitted_at) {
                (Some(closes), Some(at)) => at <= closes,
                _ => true,
            };
            let seen = filed_for.entry(r.project.as_str()).or_insert(false);
            *seen |= on_time;
        }
    }
    for (id, &i) in &listed {
        let Some(p) = ds.projects.get(i) else {
            continue;
        };
        let school = Some(school_of(p));
        let e = by_school
            .entry((district_of(school.as_deref()), school))
            .or_default();
        e.approved += 1;
        match filed_for.get(id) {
            Some(on_time) => {
                e.filed += 1;
                if !on_time {
                    e.late += 1;
                    e.late_projects.push((*id).to_string());
                }
            }
            None => {
                e.missing += 1;
                e.missing_projects.push((*id).to_string());
            }
        }
    }
    let mut total = CampaignRow::default();
    let mut districts: BTreeMap<Option<String>, CampaignRow> = BTreeMap::new();
    let mut schools = Vec::with_capacity(by_school.len());
    for ((district, school), mut r) in by_school {
        r.district_name = district.as_deref().and_then(divisions::full_name);
        r.district.clone_from(&district);
        r.school_name = school
            .as_deref()
            .and_then(|s| ix.school(s))
            .map(|s| s.name.clone());
        r.school = school;
        r.close();
        total.add(&r);
        let d = districts
            .entry(district.clone())
            .or_insert_with(|| CampaignRow {
                district_name: district.as_deref().and_then(divisions::full_name),
                district: district.clone(),
                ..CampaignRow::default()
            });
        d.add(&r);
        schools.push(r);
    }
    total.close();
    let districts = districts
        .into_values()
        .map(|mut d| {
            d.close();
            d
        })
        .collect();
    Some(StatusCampaign {
        pack: pack.id.clone(),
        reporting_year: ry,
        campaign: campaign.cloned(),
        total,
        districts,
        schools,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds(extra: &str) -> Dataset {
        Dataset::from_json_str(&format!(
            r#"{{"reporting_year": 2024,
            "schools": [{{"id": "S1", "name": "甲", "level": "secondary", "district": "110108"}},
                        {{"id": "S2", "name": "乙", "level": "secondary", "district": "110101"}},
                        {{"id": "H1", "name": "丙", "level": "higher"}}],
            "projects": [
              {{"id": "P1", "secondary_school": "S1", "higher_school": "H1", "higher_major": {{"code": "510201"}}, "standing": "newly_approved", "approved_year": 2023}},
              {{"id": "P2", "secondary_school": "S1", "higher_school": "H1", "higher_major": {{"code": "510201"}}, "standing": "quality_monitored"}},
              {{"id": "P3", "secondary_school": "S2", "higher_school": "H1", "higher_major": {{"code": "510201"}}, "standing": "newly_approved", "approved_year": 2024}},
              {{"id": "P4", "secondary_school": "S2", "higher_school": "H1", "higher_major": {{"code": "510201"}}, "standing": "discontinued"}},
              {{"id": "P5", "mode": "five_year", "higher_school": "H1", "higher_major": {{"code": "510201"}}, "standing": "newly_approved"}}],
            "status_reports": [
              {{"project": "P1", "reporting_year": 2024, "enrollment": 40, "graduated_secondary": 30, "transferred": 27, "submitted_at": "2024-02-27T17:00:00+08:00"}},
              {{"project": "P2", "reporting_year": 2024, "enrollment": 35, "graduated_secondary": 20, "transferred": 20, "submitted_at": "2024-02-27T17:00:01+08:00"}},
              {{"project": "P4", "reporting_year": 2024, "enrollment": 10}},
              {{"project": "P2", "reporting_year": 2023, "enrollment": 99}}
              {extra}]}}"#
        ))
        .unwrap()
    }

    #[test]
    fn filed_missing_late_unlisted_from_the_pack() {
        let c = status_campaign(&ds("")).unwrap();
        assert_eq!(c.campaign.as_ref().unwrap().id, "2024");
        // P3 approved in 2024 is after the period (2023) the campaign reports on; P4 is
        // discontinued; P5 is five-year, covered only from reporting year 2025.
        let t = &c.total;
        assert_eq!(
            (t.approved, t.filed, t.missing, t.late, t.unlisted),
            (2, 2, 0, 1, 1)
        );
        assert_eq!(t.late_projects, ["P2"]);
        assert_eq!(t.unlisted_projects, ["P4"]);
        assert_eq!((t.enrollment, t.graduated, t.transferred), (85, 50, 47));
        assert_eq!(t.reports_incomplete, 1);
        assert_eq!(t.transfer_rate.fraction, "47/50");
        let names: Vec<_> = c
            .districts
            .iter()
            .map(|d| d.district_name.clone())
            .collect();
        assert_eq!(
            names,
            [
                Some("北京市 东城区".to_string()),
                Some("北京市 海淀区".to_string())
            ]
        );
        assert_eq!(c.schools[1].school_name.as_deref(), Some("甲"));
    }

    #[test]
    fn projects_outside_beijing_are_not_the_campaigns() {
        let mut d = ds("");
        d.schools[0].district = Some("330802".into());
        let c = status_campaign(&d).unwrap();
        // S1 (P1, P2) now lies in Quzhou: neither listed nor its reports counted.
        assert_eq!((c.total.approved, c.total.filed, c.total.late), (0, 0, 0));
        assert_eq!(c.total.unlisted_projects, ["P4"]);
    }

    #[test]
    fn later_campaign_covers_five_year_projects() {
        let mut d = ds("");
        d.reporting_year = Some(2025);
        let c = status_campaign(&d).unwrap();
        assert_eq!(c.campaign.as_ref().unwrap().closes, None);
        // P1, P2, P3 (3+2, approved by 2024) and P5 (five-year): none reported for 2025.
        assert_eq!((c.total.approved, c.total.missing, c.total.late), (4, 4, 0));
        assert_eq!(c.total.missing_projects, ["P1", "P2", "P3", "P5"]);
    }
}
