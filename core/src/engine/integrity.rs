//! Built-in integrity checks, always run: duplicate ids and references to records that do not exist.
//! They have ids of their own (`data/…`) so that findings stay uniform.

use super::scope::{key_value, Key, Source};
use super::INTEGRITY_SEVERITY;
use crate::finding::{Detail, FieldRef, Finding, FindingCode, Location, RuleInfo};
use crate::model::{Entity, EntityKind, Index, Subject};
use std::collections::HashMap;
use std::sync::Arc;

/// The integrity rule ids with their titles (Chinese, English), from the catalogue.
pub const INTEGRITY_RULES: &[(&str, &str, &str)] = crate::messages::INTEGRITY_RULES;

fn finding(
    rule: &Arc<RuleInfo>,
    code: FindingCode,
    subject: Subject,
    loc: Location,
    detail: Detail,
    inputs: Vec<(String, String)>,
) -> Finding {
    Finding {
        rule: Arc::clone(rule),
        severity: INTEGRITY_SEVERITY,
        code,
        subject,
        locations: vec![loc],
        period: None,
        inputs,
        detail,
    }
}

/// The integrity rules, as findings cite them.
fn info(id: &str) -> Arc<RuleInfo> {
    Arc::new(RuleInfo {
        id: id.to_string(),
        document: crate::messages::INTEGRITY_DOCUMENT.to_string(),
        clause: String::new(),
        quote: crate::messages::INTEGRITY_QUOTE.to_string(),
        wording: Default::default(),
    })
}

fn duplicates<T: Entity>(items: &[T], id: impl Fn(&T) -> &str, ix: &Index<'_>, out: &mut Out) {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let key = id(it);
        if let Some(&j) = first.get(key) {
            out.findings.push(finding(
                &out.dup,
                FindingCode::DuplicateId,
                it.subject(ix),
                Location::new(T::KIND, i, Some("id")),
                Detail::DuplicateId {
                    id: key.to_string(),
                    first: j,
                },
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
    field: &'static str,
    target: EntityKind,
    id: Option<&str>,
    ix: &Index<'_>,
    out: &mut Out,
) {
    let at = Ref {
        kind: T::KIND,
        i,
        field,
        target,
        id,
    };
    reference_of(at, ix, out, || item.subject(ix));
}

/// A reference to check: record `i` of `kind` names `id` of `target` in `field`.
struct Ref<'a> {
    kind: EntityKind,
    i: usize,
    field: &'static str,
    target: EntityKind,
    id: Option<&'a str>,
}

/// Checks reference `at` (none given: nothing to check); `subject` says who the record is when
/// the reference is unknown.
fn reference_of(at: Ref<'_>, ix: &Index<'_>, out: &mut Out, subject: impl FnOnce() -> Subject) {
    let Ref {
        kind,
        i,
        field,
        target,
        id,
    } = at;
    let Some(id) = id else { return };
    let exists = match target {
        EntityKind::Schools => ix.school(id).is_some(),
        EntityKind::Projects => ix.project(id).is_some(),
        _ => true,
    };
    if !exists {
        out.findings.push(finding(
            &out.unk,
            FindingCode::UnknownReference,
            subject(),
            Location::new(kind, i, Some(field)),
            Detail::UnknownReference {
                field: FieldRef::of(kind, field),
                target,
                id: id.to_string(),
            },
            vec![(field.to_string(), id.to_string())],
        ));
    }
}

/// Findings so far, with the two rules they cite.
struct Out {
    dup: Arc<RuleInfo>,
    unk: Arc<RuleInfo>,
    findings: Vec<Finding>,
}

/// Runs the integrity checks on `src` (collections held as columns read through their fields).
pub(super) fn check(src: Source<'_>, ix: &Index<'_>) -> Vec<Finding> {
    let ds = src.rows;
    let mut out = Out {
        dup: info("data/duplicate-id"),
        unk: info("data/unknown-reference"),
        findings: Vec::new(),
    };
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
        // Read through the collections' fields: they may be held as columns.
        for kind in [EntityKind::Cohorts, EntityKind::SemesterActivities] {
            let r = src.records(kind);
            for i in 0..r.len() {
                let at = Ref {
                    kind,
                    i,
                    field: "project",
                    target: Projects,
                    id: key_value(r, i, Key::Project).text(),
                };
                reference_of(at, ix, &mut out, || r.subject(i, ix));
            }
        }
        for (i, r) in ds.status_reports.iter().enumerate() {
            reference(r, i, "project", Projects, Some(&r.project), ix, &mut out);
        }
    }
    out.findings
}
