//! Built-in integrity checks, always run: duplicate ids and references to records that do not exist.
//! They have ids of their own (`data/…`) so that findings stay uniform.

use super::INTEGRITY_SEVERITY;
use crate::finding::{Explanation, Finding, FindingCode, Location, NamedValue, Text};
use crate::model::{Dataset, Entity, EntityKind, Index, Subject};
use std::collections::HashMap;

/// The integrity rule ids with their titles.
pub const INTEGRITY_RULES: &[(&str, &str, &str)] = &[
    ("data/duplicate-id", "编号重复", "duplicate identifier"),
    (
        "data/unknown-reference",
        "引用的记录不存在",
        "reference to a record that does not exist",
    ),
];

fn finding(
    rule: &str,
    code: FindingCode,
    subject: Subject,
    loc: Location,
    msg: Text,
    inputs: Vec<(String, String)>,
) -> Finding {
    Finding {
        rule_id: rule.to_string(),
        severity: INTEGRITY_SEVERITY,
        code,
        subject,
        locations: vec![loc],
        message: msg,
        explanation: Explanation {
            inputs: inputs.into_iter().map(|(name, value)| NamedValue { name, value }).collect(),
            computed: None,
            threshold: None,
            clause: "xianjie data integrity".into(),
            quote: "每条记录的编号唯一,引用的学校和项目须存在于数据中 / ids are unique and references resolve".into(),
        },
        remedy: None,
    }
}

fn duplicates<T: Entity>(
    items: &[T],
    id: impl Fn(&T) -> &str,
    ix: &Index<'_>,
    out: &mut Vec<Finding>,
) {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let key = id(it);
        if let Some(&j) = first.get(key) {
            out.push(finding(
                "data/duplicate-id",
                FindingCode::DuplicateId,
                it.subject(ix),
                Location::new(T::KIND, i, Some("id")),
                Text::new(
                    format!("编号{key}与{}[{j}]重复。", T::KIND.as_str()),
                    format!("id {key} is also used by {}[{j}].", T::KIND.as_str()),
                ),
                vec![("id".into(), key.to_string())],
            ));
        } else {
            first.insert(key, i);
        }
    }
}

fn reference<T: Entity>(
    item: &T,
    i: usize,
    field: &str,
    target: EntityKind,
    id: Option<&str>,
    ix: &Index<'_>,
    out: &mut Vec<Finding>,
) {
    let Some(id) = id else { return };
    let exists = match target {
        EntityKind::Schools => ix.school(id).is_some(),
        EntityKind::Projects => ix.project(id).is_some(),
        _ => true,
    };
    if !exists {
        out.push(finding(
            "data/unknown-reference",
            FindingCode::UnknownReference,
            item.subject(ix),
            Location::new(T::KIND, i, Some(field)),
            Text::new(
                format!("{field}引用的{}“{id}”不存在于数据中。", target.zh()),
                format!(
                    "{field} refers to {} {id:?}, which is not in the data.",
                    target.en()
                ),
            ),
            vec![(field.to_string(), id.to_string())],
        ));
    }
}

/// Runs the integrity checks.
pub(super) fn check(ds: &Dataset, ix: &Index<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    duplicates(&ds.schools, |s| &s.id, ix, &mut out);
    duplicates(&ds.projects, |p| &p.id, ix, &mut out);
    duplicates(&ds.applications, |a| &a.id, ix, &mut out);
    // Without schools or projects in the document (a single form), references cannot be resolved.
    let schools_given = !ds.schools.is_empty();
    let projects_given = !ds.projects.is_empty();
    use EntityKind::{Projects, Schools};
    if schools_given {
        for (i, p) in ds.projects.iter().enumerate() {
            reference(
                p,
                i,
                "secondary_school",
                Schools,
                p.secondary_school.as_deref(),
                ix,
                &mut out,
            );
            reference(
                p,
                i,
                "higher_school",
                Schools,
                Some(&p.higher_school),
                ix,
                &mut out,
            );
        }
        for (i, a) in ds.applications.iter().enumerate() {
            reference(
                a,
                i,
                "secondary_school",
                Schools,
                Some(&a.secondary_school),
                ix,
                &mut out,
            );
            reference(
                a,
                i,
                "higher_school",
                Schools,
                Some(&a.higher_school),
                ix,
                &mut out,
            );
        }
        for (i, q) in ds.quality_monitoring.iter().enumerate() {
            reference(q, i, "school", Schools, Some(&q.school), ix, &mut out);
        }
        for (i, m) in ds.major_offerings.iter().enumerate() {
            reference(m, i, "school", Schools, Some(&m.school), ix, &mut out);
        }
        for (i, m) in ds.new_major_filings.iter().enumerate() {
            reference(m, i, "school", Schools, Some(&m.school), ix, &mut out);
        }
        for (i, m) in ds.social_service_income.iter().enumerate() {
            reference(m, i, "school", Schools, Some(&m.school), ix, &mut out);
        }
        for (i, r) in ds.status_reports.iter().enumerate() {
            reference(
                r,
                i,
                "filed_by",
                Schools,
                r.filed_by.as_deref(),
                ix,
                &mut out,
            );
        }
    }
    if projects_given {
        for (i, c) in ds.cohorts.iter().enumerate() {
            reference(c, i, "project", Projects, Some(&c.project), ix, &mut out);
        }
        for (i, a) in ds.semester_activities.iter().enumerate() {
            reference(a, i, "project", Projects, Some(&a.project), ix, &mut out);
        }
        for (i, r) in ds.status_reports.iter().enumerate() {
            reference(r, i, "project", Projects, Some(&r.project), ix, &mut out);
        }
    }
    out
}
