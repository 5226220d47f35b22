//! A report of data read from tables: its cells, and the cells that could not be read.
//!
//! A bad cell costs its field (or, for a required field, its record) and the rest is checked.
//! The report then says so itself, the same on every face (CLI, Python, JS): each problem is an
//! input issue with its cell ([`Report::input_issues`]), and a finding a rule raised on exactly
//! the unreadable field is withheld: it would say the value is missing (the cell holds text we
//! could not read) or judge a value that is not there. The rule's status keeps its own state for
//! the records it could judge and says in [`RuleStatus::reason`](crate::report::RuleStatus) how
//! many it could not, so nothing is dropped silently.

use super::{CellIssue, CellMap};
use crate::finding::{Finding, Text};
use crate::model::EntityKind;
use crate::report::{Report, RuleState};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a table read leaves for the report of its dataset: where each record came from and the
/// cells that could not be read. [`Origin::apply`] completes a report with both.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    /// Record → cell.
    pub cells: CellMap,
    /// The problems met, each at its cell; none of them made the input unusable.
    pub issues: Vec<CellIssue>,
}

impl Origin {
    /// Puts cells on `report`'s findings and the problems into [`Report::input_issues`],
    /// withholding the findings on unreadable fields (see the module notes).
    pub fn apply(&self, report: &mut Report) {
        complete(report, &self.cells, &self.issues);
    }
}

/// [`report_issues`], then cells on the findings.
pub(crate) fn complete(report: &mut Report, cells: &CellMap, issues: &[CellIssue]) {
    report_issues(report, cells, issues);
    cells.locate(report);
}

/// Whether `a` and `b` name the same field or one holds the other (`secondary_major` and
/// `secondary_major.code`).
fn related(a: &str, b: &str) -> bool {
    let within = |inner: &str, outer: &str| {
        inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('.'))
    };
    a == b || within(a, b) || within(b, a)
}

/// Adds `issues` to `report` as input issues, withholds the findings on a field whose cell could
/// not be read on that record (`cells` maps the report's record indices to rows), and notes on
/// each rule how many records it could not judge.
pub(crate) fn report_issues(report: &mut Report, cells: &CellMap, issues: &[CellIssue]) {
    if issues.is_empty() {
        return;
    }
    // (entity, sheet, row) → the unreadable fields of that row.
    let mut bad: HashMap<(EntityKind, &str, u32), Vec<&str>> = HashMap::new();
    for i in issues {
        if let (Some(c), Some(e), Some(f)) = (&i.cell, i.entity, i.field.as_deref()) {
            bad.entry((e, c.sheet.as_str(), c.row)).or_default().push(f);
        }
    }
    report
        .input_issues
        .extend(issues.iter().map(CellIssue::to_report_issue));
    // Per rule: the records whose findings were withheld, and how many findings.
    let mut withheld: BTreeMap<String, (BTreeSet<(EntityKind, usize)>, usize)> = BTreeMap::new();
    let unreadable = |f: &Finding| {
        f.locations.iter().find_map(|l| {
            let field = l.field.as_deref()?;
            let (sheet, row) = cells.row_of(l.entity, l.index)?;
            bad.get(&(l.entity, sheet, row))?
                .iter()
                .any(|b| related(b, field))
                .then_some((l.entity, l.index))
        })
    };
    report.withhold(|f| match unreadable(f) {
        Some(record) => {
            let w = withheld.entry(f.rule_id().to_string()).or_default();
            w.0.insert(record);
            w.1 += 1;
            true
        }
        None => false,
    });
    for s in &mut report.rules {
        let Some((records, n)) = withheld.get(&s.rule_id) else {
            continue;
        };
        let r = records.len();
        s.findings = s.findings.saturating_sub(*n);
        s.checked = s.checked.saturating_sub(r);
        if s.state == RuleState::Failed && s.findings == 0 {
            s.state = if s.checked == 0 {
                RuleState::Unchecked
            } else {
                RuleState::Passed
            };
        }
        let note = Text::new(
            format!("{r}条记录所需的值无法读取,这些记录未检查(见输入问题)"),
            format!(
                "{r} record{} not checked: a value {} could not be read (see the input issues)",
                if r == 1 { "" } else { "s" },
                if r == 1 { "it needs" } else { "they need" }
            ),
        );
        s.reason = Some(match s.reason.take() {
            None => note,
            Some(old) => Text::new(
                format!("{};{}", old.zh, note.zh),
                format!("{}; {}", old.en, note.en),
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::related;

    #[test]
    fn a_field_relates_to_itself_and_to_what_holds_it_only() {
        assert!(related("meetings", "meetings"));
        assert!(related("secondary_major", "secondary_major.code"));
        assert!(related("secondary_major.code", "secondary_major"));
        assert!(!related("secondary_major.code", "secondary_major.name"));
        assert!(!related("meeting", "meetings"));
    }
}
