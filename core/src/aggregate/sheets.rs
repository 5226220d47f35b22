//! The 汇总表 each secondary school exports, seals and uploads (京教函〔2024〕51号 一(三)): its new
//! applications in rank order, one sheet per school and year, each entry marked with the rules it
//! breaks (the findings of the check run located on it).

use super::applications::{application_summary, ApplicationLine};
use super::marks::Marks;
use crate::model::{Dataset, EntityKind, SubmissionKind};
use crate::report::Report;
use crate::rules::find_rule;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The rule whose clause names the 汇总表; its quote gives the sheet's title.
const SUMMARY_RULE: &str = "bj-3p2-2024/application-summary-upload";

/// One entry of a school's 汇总表 and the rules it breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MarkedApplication {
    /// The application, in rank order.
    pub application: ApplicationLine,
    /// Ids of the rules with a finding on this application (empty: no rule broken).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<String>,
}

/// One secondary school's printable 汇总表 for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ApplicationSheet {
    /// The title, as the notice names the table (《2024年拟新增“3+2”中高职衔接申报项目汇总表》),
    /// with the sheet's year.
    pub title: String,
    /// The secondary school's id.
    pub secondary_school: String,
    /// Its name, when the school is in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_school_name: Option<String>,
    /// Application year.
    pub year: i32,
    /// The sheet's date (Beijing): when the school uploaded its sealed 汇总表, else its latest
    /// application; absent when the data has neither (the printed sheet leaves it to be written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The applications in rank order, each with the rules it breaks.
    pub applications: Vec<MarkedApplication>,
    /// Rules broken by the sheet's upload itself (a 汇总表 not a PDF, or late).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<String>,
}

/// The sheet title for `year`: the table the notice names in its clause, its year replaced.
fn title(year: i32) -> String {
    let named = find_rule(SUMMARY_RULE).and_then(|(_, r)| {
        let q = r.quote.as_str();
        let from = q.find('《')? + '《'.len_utf8();
        let to = q[from..].find('》')? + from;
        Some(q[from..to].to_string())
    });
    match named {
        // The notice's table is the 2024 one; another year's sheet carries its own year.
        Some(t) => match t.split_once('年') {
            Some((y, rest)) if y.parse::<i32>().is_ok() => format!("{year}年{rest}"),
            _ => t,
        },
        None => format!("{year}年拟新增申报项目汇总表"),
    }
}

/// Each secondary school's 汇总表 per year, in the order of [`application_summary`], its entries
/// marked with the rules `report` found broken on them.
///
/// ```
/// let ds = xianjie::sample::load("bj-3p2-2024").unwrap();
/// let report = xianjie::check(&ds, &Default::default()).unwrap();
/// let sheets = xianjie::aggregate::application_sheets(&ds, &report);
/// assert_eq!(sheets[0].title, "2024年拟新增“3+2”中高职衔接申报项目汇总表");
/// assert!(sheets.iter().any(|s| s.applications.iter().any(|a| !a.breaks.is_empty())));
/// ```
pub fn application_sheets(ds: &Dataset, report: &Report) -> Vec<ApplicationSheet> {
    let marks = Marks::new(report);
    let beijing =
        |t: crate::model::Timestamp| t.with_timezone(&crate::model::beijing()).date_naive();
    application_summary(ds)
        .into_iter()
        .map(|g| {
            let uploads: Vec<(usize, &crate::model::Submission)> = ds
                .submissions
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.kind == SubmissionKind::ApplicationSummary
                        && s.year == g.year
                        && s.school.as_deref() == Some(g.secondary_school.as_str())
                })
                .collect();
            let uploaded = uploads.iter().filter_map(|(_, s)| s.submitted_at).max();
            let latest = g.applications.iter().filter_map(|a| a.submitted_at).max();
            let mut breaks: Vec<String> = uploads
                .iter()
                .flat_map(|(i, _)| marks.rules_at(EntityKind::Submissions, *i))
                .collect();
            breaks.sort();
            breaks.dedup();
            ApplicationSheet {
                title: title(g.year),
                date: uploaded.or(latest).map(beijing),
                secondary_school_name: g.secondary_school_name,
                secondary_school: g.secondary_school,
                year: g.year,
                applications: g
                    .applications
                    .into_iter()
                    .map(|a| MarkedApplication {
                        breaks: marks.rules_at(EntityKind::Applications, a.index),
                        application: a,
                    })
                    .collect(),
                breaks,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_follows_the_year() {
        assert_eq!(title(2024), "2024年拟新增“3+2”中高职衔接申报项目汇总表");
        assert_eq!(title(2025), "2025年拟新增“3+2”中高职衔接申报项目汇总表");
    }

    #[test]
    fn entries_marked_with_their_findings() {
        let ds = Dataset::from_json_str(
            r#"{"reporting_year": 2024,
            "schools": [{"id": "S1", "name": "甲", "level": "secondary", "district": "110108"},
                        {"id": "H1", "name": "乙", "level": "higher", "district": "110108"}],
            "applications": [
              {"id": "A2", "year": 2024, "secondary_school": "S1", "higher_school": "H1", "rank": 1,
               "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"},
               "attachments": {"sealed_form_pdf": "a.pdf", "training_plan": "p.docx"},
               "submitted_at": "2024-02-26T10:00:00+08:00"},
              {"id": "A1", "year": 2024, "secondary_school": "S1", "higher_school": "H1", "rank": 2,
               "secondary_major": {"code": "710201"}, "higher_major": {"code": "510201"},
               "submitted_at": "2024-02-28T09:00:00+08:00"}],
            "submissions": [{"kind": "application_summary", "school": "S1", "year": 2024,
               "file": "汇总表.docx", "submitted_at": "2024-02-27T16:00:00+08:00"}]}"#,
        )
        .unwrap();
        let report = crate::check(&ds, &Default::default()).unwrap();
        let s = application_sheets(&ds, &report);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].date, NaiveDate::from_ymd_opt(2024, 2, 27));
        assert_eq!(s[0].applications[0].application.id, "A2");
        // A1 came after the deadline and lacks its attachments.
        let a1 = &s[0].applications[1].breaks;
        assert!(
            a1.contains(&"bj-3p2-2024/upload-deadline".to_string()),
            "{a1:?}"
        );
        assert!(a1.contains(&"bj-3p2-2024/application-attachments".to_string()));
        // The upload is not a PDF.
        assert_eq!(s[0].breaks, ["bj-3p2-2024/application-summary-upload"]);
    }
}
