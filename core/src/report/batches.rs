//! Reports of a file checked in batches, made one report of the whole file.

use super::{Report, RuleState, RuleStatus};
use crate::finding::{Detail, Finding, Location};
use crate::input::InputIssue;
use crate::model::EntityKind;
use std::collections::BTreeMap;

impl Report {
    /// Record indices of a batch made indices in the whole file: each collection's records in the
    /// batches before (`before`) are added to the index and the path (`semester_activities[3]` of
    /// the second batch of 1000 becomes `semester_activities[1003]`), the file's rows before to
    /// cells.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use xianjie::model::EntityKind;
    /// let ds = xianjie::Dataset::from_json_str(r#"{"reporting_year": 2024, "semester_activities":
    ///   [{"project": "P1", "semester": "2023-2024-1", "meetings": 1}]}"#).unwrap();
    /// let opts = xianjie::Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() };
    /// let mut r = xianjie::check(&ds, &opts).unwrap();
    /// r.shift_records(&BTreeMap::from([(EntityKind::SemesterActivities, 1000)]), 0);
    /// assert!(r.findings.iter().any(|f| f.path() == "semester_activities[1000].meetings"));
    /// ```
    pub fn shift_records(&mut self, before: &BTreeMap<EntityKind, usize>, rows_before: u32) {
        let by = |e: EntityKind| before.get(&e).copied().unwrap_or(0);
        for f in &mut self.findings {
            for l in &mut f.locations {
                let n = by(l.entity);
                if n > 0 {
                    let cell = l.cell.take();
                    *l = Location::new(l.entity, l.index + n, l.field.as_deref());
                    l.cell = cell;
                }
                if let Some(c) = l.cell.as_mut() {
                    c.row = c.row.saturating_add(rows_before);
                }
            }
            if let (
                Detail::DuplicateId { first, .. } | Detail::DuplicatePeriod { first, .. },
                Some(l),
            ) = (&mut f.detail, f.locations.first())
            {
                *first += by(l.entity);
            }
        }
    }
}

impl Report {
    /// Record indices of a partition made indices in the whole data: record `i` of a
    /// collection in `rows` becomes record `rows[i]` (its row number in the whole collection),
    /// in places and in a duplicate's first occurrence (of an id or of a project's period).
    /// Collections not in `rows` are whole in the partition and keep their indices.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use xianjie::model::EntityKind;
    /// let ds = xianjie::Dataset::from_json_str(r#"{"reporting_year": 2024, "semester_activities":
    ///   [{"project": "P1", "semester": "2023-2024-1", "meetings": 1}]}"#).unwrap();
    /// let opts = xianjie::Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() };
    /// let mut r = xianjie::check(&ds, &opts).unwrap();
    /// r.remap_records(&BTreeMap::from([(EntityKind::SemesterActivities, vec![41])]));
    /// assert!(r.findings.iter().any(|f| f.path() == "semester_activities[41].meetings"));
    /// ```
    pub fn remap_records(&mut self, rows: &BTreeMap<EntityKind, Vec<u64>>) {
        let to = |e: EntityKind, i: usize| -> usize {
            rows.get(&e)
                .and_then(|r| r.get(i))
                .and_then(|&n| usize::try_from(n).ok())
                .unwrap_or(i)
        };
        for f in &mut self.findings {
            for l in &mut f.locations {
                let i = to(l.entity, l.index);
                if i != l.index {
                    let cell = l.cell.take();
                    *l = Location::new(l.entity, i, l.field.as_deref());
                    l.cell = cell;
                }
            }
            if let (
                Detail::DuplicateId { first, .. } | Detail::DuplicatePeriod { first, .. },
                Some(l),
            ) = (&mut f.detail, f.locations.first())
            {
                *first = to(l.entity, *first);
            }
        }
    }
}

/// The reports of a file's batches merged into one, as if of the whole file: findings of every
/// batch (indices already shifted, [`Report::shift_records`]) in report order, each rule's counts
/// summed (failed if it failed in any batch, passed if it passed in any other, else as in the
/// first batch with the first reason given), input issues of every batch. Target progress is left
/// out: a goal of the whole data is not the sum of its batches' progress.
#[derive(Debug, Default)]
pub struct BatchReports {
    first: Option<Report>,
    findings: Vec<Finding>,
    issues: Vec<InputIssue>,
    rules: Vec<RuleStatus>,
}

impl BatchReports {
    /// Adds the report of the next batch.
    pub fn add(&mut self, mut r: Report) {
        self.findings.append(&mut r.findings);
        self.issues.append(&mut r.input_issues);
        if self.rules.is_empty() {
            self.rules = std::mem::take(&mut r.rules);
        } else {
            let rank = |s: RuleState| match s {
                RuleState::Failed => 0,
                RuleState::Passed => 1,
                _ => 2,
            };
            for (mine, theirs) in self.rules.iter_mut().zip(&r.rules) {
                if mine.rule_id != theirs.rule_id {
                    continue;
                }
                mine.checked += theirs.checked;
                mine.findings += theirs.findings;
                if rank(theirs.state) < rank(mine.state) {
                    mine.state = theirs.state;
                }
                if mine.reason.is_none() {
                    mine.reason.clone_from(&theirs.reason);
                }
            }
        }
        if self.first.is_none() {
            self.first = Some(r);
        }
    }

    /// The merged report; `None` when no batch was added.
    pub fn finish(self) -> Option<Report> {
        let first = self.first?;
        let mut r = Report::new(
            first.dataset,
            first.reporting_year,
            first.packs,
            self.findings,
            self.rules,
            Vec::new(),
        );
        r.input_issues = self.issues;
        r.ok = r.counts.error == 0 && r.input_issues.is_empty();
        Some(r)
    }
}
