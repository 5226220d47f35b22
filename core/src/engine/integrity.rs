//! Built-in integrity checks, always run: duplicate ids, two records of one project and period
//! where a collection has no ids, and references to records that do not exist. They have ids of
//! their own (`data/…`) so that findings stay uniform.

use super::scope::{key_value, Key, Source};
use super::INTEGRITY_SEVERITY;
use crate::checks::scope_of::KEYED;
use crate::finding::{Detail, FieldRef, Finding, FindingCode, Inputs, Location, Period, RuleInfo};
use crate::model::{Entity, EntityKind, FieldId, Index, Records, Subject, Value};
#[cfg(feature = "bulk")]
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
    inputs: Inputs,
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

/// Records of `r` that repeat an earlier record's key, each reported at the later one naming the
/// first: the id (`data/duplicate-id`), or with `period` (the field that holds it) the project
/// and the period (`data/duplicate-period`).
fn duplicates(r: &dyn Records, period: Option<&'static str>, ix: &Index<'_>, out: &mut Out) {
    let name = if period.is_some() { "project" } else { "id" };
    let Some(owner) = r.field(name) else {
        return;
    };
    // The period as a number (one collection has one kind of period): a year, or a semester's
    // first year and term. The status report's year is a field, the others' the record's period.
    let year = period.and_then(|f| r.field(f));
    let at = |i: usize| match (period, &year) {
        (None, _) => Some(0),
        (_, Some(f)) => match r.value(i, f.id) {
            Value::Int(y) => Some(y),
            _ => None,
        },
        (_, None) => match r.period(i)? {
            Period::Cohort { year } => Some(year.into()),
            Period::Semester { semester: s } => {
                Some(i64::from(s.start_year) * 10 + i64::from(s.term))
            }
            _ => None,
        },
    };
    for (i, j, key) in repeats(r, owner.id, period.is_some(), &at) {
        let subject = r.subject(i, ix);
        let mut inputs = Inputs::from([(name, key)]);
        let (rule, code, field, detail) = match period {
            None => {
                let id = key.to_string();
                let detail = Detail::DuplicateId { id, first: j };
                (&out.dup, FindingCode::DuplicateId, name, detail)
            }
            Some(field) => {
                // The subject's id is the project and the period as written (`P1 2023-2024-1`).
                let written = subject.id.rsplit_once(' ').map_or("", |(_, w)| w);
                inputs.push(field, written);
                let detail = Detail::DuplicatePeriod { first: j };
                (&out.period, FindingCode::DuplicatePeriod, field, detail)
            }
        };
        let loc = Location::new(r.kind(), i, Some(field));
        let f = finding(rule, code, subject, loc, detail, inputs);
        out.findings.push(f);
    }
}

/// Each record whose key repeats an earlier record's, in record order: the record, the first
/// record with the key, and the key's text. The key is the text of field `owner` (`trimmed`:
/// trimmed, blank as none, as held columns read texts) and the period `at` gives.
fn repeats<'r>(
    r: &'r dyn Records,
    owner: FieldId,
    trimmed: bool,
    at: &dyn Fn(usize) -> Option<i64>,
) -> Vec<(usize, usize, &'r str)> {
    #[cfg(feature = "bulk")]
    if trimmed {
        if let Some(codes) = r.text_codes(owner) {
            return repeats_coded(&codes, at);
        }
    }
    // The map type `agrees` finds companions with (one copy of its code in the browser module).
    let mut first = crate::checks::ByOwnerYear::with_capacity(r.len());
    let mut out = Vec::new();
    for i in 0..r.len() {
        let text = r.value(i, owner).text();
        let text = match trimmed {
            false => text,
            true => text.map(str::trim).filter(|p| !p.is_empty()),
        };
        let (Some(key), Some(at)) = (text, at(i)) else {
            continue;
        };
        let j = *first.entry((key, at)).or_insert(i);
        if j != i {
            out.push((i, j, key));
        }
    }
    out
}

/// [`repeats`] over a dictionary-encoded owner (a held column): the records sorted by number
/// instead of a hash map of texts. Over the national data's 800,000 cohorts and semester rows the
/// map took 0.3 s of CPU, this no measurable time. Same pairs, same order.
#[cfg(feature = "bulk")]
fn repeats_coded<'r>(
    codes: &crate::model::TextCodes<'r>,
    at: &dyn Fn(usize) -> Option<i64>,
) -> Vec<(usize, usize, &'r str)> {
    // One number per text: a dictionary may hold one text twice (batches joined, spaces trimmed).
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let canon: Vec<Option<u32>> = (codes.texts.iter())
        .map(|t| {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            t.map(|t| *ids.entry(t).or_insert(next))
        })
        .collect();
    let mut keyed: Vec<(u32, i64, usize)> = (codes.codes.iter().enumerate())
        .filter_map(|(i, &c)| {
            let id = canon.get(usize::try_from(c).ok()?).copied().flatten()?;
            Some((id, at(i)?, i))
        })
        .collect();
    keyed.sort_unstable();
    let mut out = Vec::new();
    for run in keyed.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        if let [(_, _, j), rest @ ..] = run {
            out.extend(
                rest.iter()
                    .filter_map(|&(_, _, i)| Some((i, *j, codes.text(i)?))),
            );
        }
    }
    out.sort_unstable_by_key(|p| p.0);
    out
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
            Inputs::from([(field.to_string(), id.to_string())]),
        ));
    }
}

/// Findings so far, with the rules they cite.
struct Out {
    dup: Arc<RuleInfo>,
    period: Arc<RuleInfo>,
    unk: Arc<RuleInfo>,
    findings: Vec<Finding>,
}

/// Runs the integrity checks on `src` (collections held as columns read through their fields).
pub(super) fn check(src: Source<'_>, ix: &Index<'_>) -> Vec<Finding> {
    let ds = src.rows;
    let mut out = Out {
        dup: info("data/duplicate-id"),
        period: info("data/duplicate-period"),
        unk: info("data/unknown-reference"),
        findings: Vec::new(),
    };
    for kind in [
        EntityKind::Schools,
        EntityKind::Projects,
        EntityKind::Applications,
    ] {
        duplicates(src.records(kind), None, ix, &mut out);
    }
    for (kind, period) in KEYED {
        duplicates(src.records(kind), Some(period), ix, &mut out);
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failed lookup is the failure

    use crate::finding::{Detail, Inputs};
    use crate::{check, Dataset, Options};

    /// Path, first index, inputs, messages (Chinese, English) and Chinese remedy of a finding.
    type Seen = (String, usize, Inputs, String, String, String);

    /// The `data/duplicate-period` findings of `json`.
    fn keys(json: &str) -> Vec<Seen> {
        let ds = Dataset::from_json_str(json).unwrap();
        let r = check(&ds, &Options::default()).unwrap();
        r.findings
            .iter()
            .filter(|f| f.rule_id() == "data/duplicate-period")
            .map(|f| {
                let Detail::DuplicatePeriod { first, .. } = f.detail else {
                    panic!("{:?}", f.detail)
                };
                let (m, rem) = (f.message(), f.remedy().unwrap());
                (
                    f.path().to_string(),
                    first,
                    f.inputs.clone(),
                    m.zh,
                    m.en,
                    rem.zh,
                )
            })
            .collect()
    }

    #[test]
    fn a_second_cohort_of_one_project_and_year_names_the_first() {
        let got = keys(
            r#"{"reporting_year": 2024, "cohorts": [
                {"project": "P1", "entry_year": 2020, "enrolled": 30},
                {"project": "P1", "entry_year": 2021, "enrolled": 30},
                {"project": "P2", "entry_year": 2020, "enrolled": 30},
                {"project": "P1", "entry_year": 2020, "enrolled": 31},
                {"project": "P1", "entry_year": 2020, "enrolled": 32}]}"#,
        );
        let inputs = Inputs::from([("project", "P1"), ("entry_year", "2020")]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1, &got[0].2),
            ("cohorts[3].entry_year", 0, &inputs)
        );
        // The third copy names the first, not the second.
        assert_eq!((got[1].0.as_str(), got[1].1), ("cohorts[4].entry_year", 0));
        assert_eq!(got[0].3, "项目和入学年份“P1 2020”与第1条招生批次记录重复。");
        assert!(
            got[0]
                .4
                .contains("Same project and entry year “P1 2020” as cohorts record 1."),
            "{}",
            got[0].4
        );
        assert_eq!(got[0].5, "请合并重复的记录,或更正项目和入学年份");
    }

    #[test]
    fn semesters_and_reporting_years_are_keys_and_missing_parts_are_not_compared() {
        let got = keys(
            r#"{"reporting_year": 2024, "semester_activities": [
                {"project": "P1", "semester": "2023-2024-1", "meetings": 2},
                {"project": "P1", "semester": "2023-2024-2", "meetings": 2},
                {"project": "P1", "semester": "2023-2024-1", "meetings": 2},
                {"project": "", "semester": "2023-2024-1"},
                {"project": "", "semester": "2023-2024-1"}]}"#,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (
                got[0].0.as_str(),
                got[0].1,
                got[0].2.iter().nth(1).unwrap().1
            ),
            ("semester_activities[2].semester", 0, "2023-2024-1")
        );
        assert!(
            got[0]
                .4
                .contains("Same project and semester “P1 2023-2024-1”"),
            "{}",
            got[0].4
        );
    }

    #[test]
    fn a_duplicate_id_says_the_same_in_the_same_words() {
        let ds = Dataset::from_json_str(
            r#"{"reporting_year": 2024, "schools": [
                {"id": "S1", "name": "甲校", "level": "secondary"},
                {"id": "S1", "name": "乙校", "level": "secondary"}]}"#,
        )
        .unwrap();
        let r = check(&ds, &Options::default()).unwrap();
        let f = r
            .findings
            .iter()
            .find(|f| f.rule_id() == "data/duplicate-id")
            .unwrap();
        assert_eq!(f.path(), "schools[1].id");
        let (m, rem) = (f.message(), f.remedy().unwrap());
        assert_eq!(m.zh, "编号“S1”与第1条学校记录重复。");
        assert_eq!(m.en, "Same id “S1” as schools record 1.");
        assert_eq!(rem.zh, "请合并重复的记录,或更正编号");
    }

    #[cfg(feature = "bulk")]
    #[test]
    fn a_text_twice_in_a_dictionary_is_one_key() {
        let codes = crate::model::TextCodes {
            texts: vec![Some("P1"), Some("P2"), Some("P1"), None],
            codes: vec![0, 1, 2, 3, 0, 1],
        };
        // Record 5 has no period: not compared.
        let at = |i: usize| (i != 5).then_some(2020);
        assert_eq!(
            super::repeats_coded(&codes, &at),
            vec![(2, 0, "P1"), (4, 0, "P1")]
        );
    }
}
