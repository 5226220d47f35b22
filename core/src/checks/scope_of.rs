//! How much of the data each check must see at once, read from its kind and parameters: the
//! plan an engine that splits the data (Spark, Dask) follows to give the findings of one run.
//!
//! - [`Split::Record`]: each record is judged alone (a threshold on one row): any partition.
//! - [`Split::Group`]: records are judged together when they share `key` (new applications
//!   per school and year, a ranking per secondary school, a teacher under two staffs): every
//!   record of a group in one partition.
//! - [`Split::Whole`]: the whole collection, and the companions it names, at once (a goal over
//!   a region's records, a companion looked up by key across collections).
//!
//! Whatever the split, a check may read the small collections of [`BROADCAST`] (a project's
//! schools, a record's region and subject come from them): every partition gets them whole.

use super::Check;
use crate::model::EntityKind;
use crate::rules::{Pack, Rule};

/// The small collections every partition is given whole: they place records in a region and
/// name the subjects of findings (a semester row's project and its schools).
pub const BROADCAST: [EntityKind; 2] = [EntityKind::Schools, EntityKind::Projects];

/// How the records of a check's collection may be split.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "split", rename_all = "snake_case")]
pub enum Split {
    /// Each record judged alone.
    Record,
    /// Records judged together when they share the values of `key` (field paths).
    Group {
        /// The grouping fields, as the check names them.
        key: Vec<String>,
    },
    /// The whole collection at once.
    Whole,
}

/// The scope of one check of a rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckScope {
    /// The rule's id (`bj-3p2-2024/semester-meetings`, or an integrity rule's `data/…`).
    pub rule_id: String,
    /// The check's position in the rule's checks (for integrity rules, in
    /// [`integrity_scopes`]' order for that rule).
    pub check: usize,
    /// The check's kind, as written in packs (`integrity` for the built-in ones).
    pub kind: &'static str,
    /// The collection the check judges, the one split.
    pub entity: EntityKind,
    /// How it may be split.
    #[serde(flatten)]
    pub split: Split,
    /// Other collections the check reads: among [`BROADCAST`] for a record or group check,
    /// any for a whole one (its companions).
    pub reads: Vec<EntityKind>,
}

impl CheckScope {
    /// True when the check can run where its collections already are on one machine: a whole
    /// split, or a check of a [`BROADCAST`] collection (already whole everywhere).
    pub fn on_driver(&self) -> bool {
        self.split == Split::Whole || BROADCAST.contains(&self.entity)
    }
}

/// `Some(schools)` when a check names a school field to look up.
fn schools_if(named: bool) -> Vec<EntityKind> {
    if named {
        vec![EntityKind::Schools]
    } else {
        Vec::new()
    }
}

/// A school-dependent bound reads the schools.
fn bound_reads(bounds: &[Option<&super::bound::Bound>]) -> bool {
    bounds
        .iter()
        .flatten()
        .any(|b| matches!(b, super::bound::Bound::BySchoolFlag(_)))
}

impl Check {
    /// The collection this check judges, how it may be split and what else it reads.
    ///
    /// ```
    /// use xianjie::checks::scope_of::Split;
    /// let (_, rule) = xianjie::rules::find_rule("bj-3p2-2024/new-projects-per-school").unwrap();
    /// let (entity, split, _) = rule.checks[0].scope();
    /// assert_eq!(entity.as_str(), "applications");
    /// assert_eq!(split, Split::Group { key: vec!["secondary_school".into(), "year".into()] });
    /// ```
    pub fn scope(&self) -> (EntityKind, Split, Vec<EntityKind>) {
        use Split::{Group, Record, Whole};
        let group = |key: &[String]| Group { key: key.to_vec() };
        match self {
            Check::Threshold(c) => (
                c.entity,
                Record,
                schools_if(bound_reads(&[c.min.as_ref(), c.max.as_ref()])),
            ),
            Check::GroupCount(c) => (
                c.entity,
                group(&c.group_by),
                schools_if(
                    c.school_field.is_some() || bound_reads(&[c.min.as_ref(), c.max.as_ref()]),
                ),
            ),
            Check::Ratio(c) => (c.entity, Record, Vec::new()),
            Check::Deadline(c) => (c.entity, Record, Vec::new()),
            Check::Required(c) => (c.entity, Record, Vec::new()),
            Check::Role(c) => (c.entity, Record, vec![EntityKind::Schools]),
            Check::SameAs(c) => (c.entity, Record, vec![EntityKind::Projects]),
            Check::Ranking(c) => (
                c.entity,
                group(&c.group_by),
                schools_if(c.school_field.is_some()),
            ),
            Check::Exclusion(c) => (c.entity, group(&c.group_by), Vec::new()),
            // The companion is found by key in another collection: both whole.
            Check::Completeness(c) => (c.entity, Whole, vec![c.companion]),
            Check::NotExceeding(c) => (c.entity, Record, Vec::new()),
            Check::ConsecutiveYears(c) => (
                c.entity,
                group(&c.group_by),
                schools_if(c.school_field.is_some()),
            ),
            Check::Cap(c) => (c.entity, Record, Vec::new()),
            Check::Code(c) => (c.entity, Record, Vec::new()),
            Check::SameCategory(c) => (c.entity, Record, Vec::new()),
            Check::CatalogName(c) => (c.entity, Record, Vec::new()),
            Check::Implies(c) => (c.entity, Record, Vec::new()),
            // A goal of the region's records: the whole collection.
            Check::Target(c) => (c.entity, Whole, Vec::new()),
            Check::PassThrough(c) => (c.entity, Record, Vec::new()),
            Check::AnyOf(c) => (c.entity, Record, Vec::new()),
            Check::WithinPeriod(c) => (c.entity, Record, Vec::new()),
            Check::Overlap(c) => (
                c.entity,
                group(std::slice::from_ref(&c.key)),
                schools_if(c.school_field.is_some()),
            ),
            Check::Equals(c) => (c.entity, Record, Vec::new()),
            Check::TextForm(c) => (c.entity, Record, Vec::new()),
            Check::Agrees(c) => (c.entity, Whole, vec![c.companion]),
            // A list that every partition has whole is looked up per record.
            Check::Listed(c) if BROADCAST.contains(&c.list) => (c.entity, Record, vec![c.list]),
            Check::Listed(c) => (c.entity, Whole, vec![c.list]),
            // A filing in another collection ends a run of years: both whole. A stopping flag
            // is judged only where some record of the collection gives it: whole too (a part
            // without it would count its groups unchecked).
            Check::IntakeAfter(c) => match (&c.refiled, &c.after_flag) {
                (Some(r), _) => (c.entity, Whole, vec![r.entity]),
                (None, Some(_)) => (c.entity, Whole, Vec::new()),
                (None, None) => (c.entity, group(&c.group_by), Vec::new()),
            },
            // Names missing from a year's records: the whole collection.
            Check::Roster(c) => (c.entity, Whole, Vec::new()),
            Check::Submitted(c) => (c.entity, Whole, vec![c.companion]),
        }
    }
}

impl Rule {
    /// The scope of each of the rule's checks, in order.
    ///
    /// ```
    /// let (_, rule) = xianjie::rules::find_rule("bj-3p2-2024/semester-meetings").unwrap();
    /// let s = &rule.scopes()[0];
    /// assert_eq!((s.kind, s.entity.as_str()), ("threshold", "semester_activities"));
    /// assert!(!s.on_driver());
    /// ```
    pub fn scopes(&self) -> Vec<CheckScope> {
        self.checks
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (entity, split, reads) = c.scope();
                CheckScope {
                    rule_id: self.id.clone(),
                    check: i,
                    kind: c.kind_name(),
                    entity,
                    split,
                    reads,
                }
            })
            .collect()
    }
}

impl Pack {
    /// The scope of every check of the pack's rules, in rule order.
    pub fn scopes(&self) -> Vec<CheckScope> {
        self.rules.iter().flat_map(Rule::scopes).collect()
    }
}

/// The built-in integrity checks, each as a check of its own: ids unique per collection (all
/// records sharing an id together), one record per project and period where a collection has no
/// ids (all records of a project and period together) and each reference to a school or project
/// (one record).
pub fn integrity_scopes() -> Vec<CheckScope> {
    use EntityKind as K;
    let unit = |rule: &str, check: usize, entity: K, split: Split, reads: Vec<K>| CheckScope {
        rule_id: rule.to_string(),
        check,
        kind: "integrity",
        entity,
        split,
        reads,
    };
    let id = || Split::Group {
        key: vec!["id".to_string()],
    };
    let mut out: Vec<CheckScope> = [K::Schools, K::Projects, K::Applications]
        .into_iter()
        .enumerate()
        .map(|(i, e)| unit(DUPLICATE_ID, i, e, id(), Vec::new()))
        .collect();
    for (i, (e, period)) in KEYED.iter().enumerate() {
        let key = vec!["project".to_string(), (*period).to_string()];
        out.push(unit(
            DUPLICATE_PERIOD,
            i,
            *e,
            Split::Group { key },
            Vec::new(),
        ));
    }
    for (i, (e, target)) in REFERENCES.iter().enumerate() {
        out.push(unit(UNKNOWN_REFERENCE, i, *e, Split::Record, vec![*target]));
    }
    out
}

/// The integrity rule on ids.
pub const DUPLICATE_ID: &str = "data/duplicate-id";
/// The integrity rule on records without ids: one per project and period.
pub const DUPLICATE_PERIOD: &str = "data/duplicate-period";
/// Collections whose records have no id but are one per project and period, with the field
/// that holds the period; [`DUPLICATE_PERIOD`] reports two records of one project and period.
pub const KEYED: [(EntityKind, &str); 3] = [
    (EntityKind::Cohorts, "entry_year"),
    (EntityKind::StatusReports, "reporting_year"),
    (EntityKind::SemesterActivities, "semester"),
];
/// The integrity rule on references.
pub const UNKNOWN_REFERENCE: &str = "data/unknown-reference";

/// Collections whose records reference a school or a project, with the collection referenced
/// (as the integrity checks resolve them).
const REFERENCES: [(EntityKind, EntityKind); 10] = [
    (EntityKind::Projects, EntityKind::Schools),
    (EntityKind::Applications, EntityKind::Schools),
    (EntityKind::QualityMonitoring, EntityKind::Schools),
    (EntityKind::MajorOfferings, EntityKind::Schools),
    (EntityKind::NewMajorFilings, EntityKind::Schools),
    (EntityKind::SocialServiceIncome, EntityKind::Schools),
    (EntityKind::StatusReports, EntityKind::Schools),
    (EntityKind::Cohorts, EntityKind::Projects),
    (EntityKind::SemesterActivities, EntityKind::Projects),
    (EntityKind::StatusReports, EntityKind::Projects),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<CheckScope> {
        crate::rules::builtin_ids()
            .into_iter()
            .filter_map(crate::rules::builtin)
            .flat_map(|p| p.scopes())
            .collect()
    }

    fn of(rule: &str) -> Vec<CheckScope> {
        all().into_iter().filter(|s| s.rule_id == rule).collect()
    }

    #[test]
    fn every_check_of_every_pack_has_a_scope_on_fields_of_its_collection() {
        let mut checks = 0;
        for p in crate::rules::builtin_ids()
            .into_iter()
            .filter_map(crate::rules::builtin)
        {
            for r in &p.rules {
                let scopes = r.scopes();
                assert_eq!(scopes.len(), r.checks.len(), "{}", r.id);
                assert!(!scopes.is_empty(), "{} has no check", r.id);
                for s in &scopes {
                    checks += 1;
                    if let Split::Group { key } = &s.split {
                        assert!(!key.is_empty(), "{}", r.id);
                        for k in key {
                            assert!(
                                s.entity.field_kind(k).is_some(),
                                "{}: key {k} not a field of {}",
                                r.id,
                                s.entity.as_str()
                            );
                        }
                    }
                    // A split check reads nothing a partition lacks.
                    if s.split != Split::Whole {
                        assert!(s.reads.iter().all(|e| BROADCAST.contains(e)), "{}", r.id);
                    }
                }
            }
        }
        assert!(checks >= 99, "{checks} checks");
    }

    #[test]
    fn group_keys_are_the_fields_the_notices_group_by() {
        let key = |rule: &str, i: usize| match &of(rule)[i].split {
            Split::Group { key } => key.clone(),
            other => panic!("{rule}[{i}] is {other:?}"),
        };
        assert_eq!(
            key("bj-3p2-2024/new-projects-per-school", 0),
            ["secondary_school", "year"]
        );
        assert_eq!(
            key("bj-3p2-2024/new-projects-per-school", 1),
            ["higher_school", "year"]
        );
        assert_eq!(
            key("bj-3p2-2024/application-ranking", 0),
            ["secondary_school", "year"]
        );
        assert_eq!(
            key("bj-3p2-2024/bachelor-track-excludes-five-year", 0),
            ["higher_school", "higher_major.code"]
        );
        assert_eq!(key("qz-pilot-2024/teacher-overlap", 0), ["person"]);
        assert_eq!(
            key("hhht-majors-2022/small-major-discontinue", 0),
            ["school", "major.code"]
        );
        assert_eq!(
            key("hhht-majors-2022/new-majors-per-year", 0),
            ["school", "school_year"]
        );
        // Its bound is the school's flag: the schools are read.
        assert_eq!(
            of("hhht-majors-2022/new-majors-per-year")[0].reads,
            [EntityKind::Schools]
        );
    }

    #[test]
    fn record_and_whole_checks_by_kind() {
        let split = |rule: &str| of(rule).into_iter().map(|s| s.split).collect::<Vec<_>>();
        assert_eq!(split("bj-3p2-2024/semester-meetings"), [Split::Record]);
        assert_eq!(
            split("qz-pilot-2024/tripartite-agreement"),
            [Split::Record, Split::Record]
        );
        assert_eq!(
            split("bj-vet10-2020/capacity-targets"),
            vec![Split::Whole, Split::Whole, Split::Whole, Split::Whole]
        );
        let status = of("bj-3p2-2024/status-report-required");
        assert_eq!(status[0].split, Split::Whole);
        assert_eq!(status[0].reads, [EntityKind::StatusReports]);
        assert!(status[0].on_driver());
        // A list of projects is looked up per record, the projects being broadcast.
        let listed = &of("bj-3p2-2024/status-report-listed")[0];
        assert_eq!(
            (&listed.split, &listed.reads[..]),
            (&Split::Record, &[EntityKind::Projects][..])
        );
        // A filing in another collection: whole; a flag in the offerings: grouped.
        let refile = &of("hhht-majors-2022/refile-before-intake")[0];
        assert_eq!(refile.split, Split::Whole);
        assert_eq!(refile.reads, [EntityKind::NewMajorFilings]);
        assert_eq!(
            of("hhht-majors-2022/suspended-after-failed-rectification")[0].split,
            Split::Whole
        );
        let filer = &of("bj-3p2-2024/status-filer")[0];
        assert_eq!(filer.reads, [EntityKind::Projects]);
        // A check of a broadcast collection runs where the collection is whole.
        assert!(of("bj-3p2-2024/contact-deadline")[0].on_driver());
        assert!(!of("bj-3p2-2024/semester-meetings")[0].on_driver());
    }

    #[test]
    fn integrity_checks_split_by_id_key_or_record() {
        let s = integrity_scopes();
        let dup: Vec<_> = s.iter().filter(|s| s.rule_id == DUPLICATE_ID).collect();
        assert_eq!(dup.len(), 3);
        assert!(dup.iter().all(|d| d.split
            == Split::Group {
                key: vec!["id".into()]
            }));
        let keys: Vec<_> = s.iter().filter(|s| s.rule_id == DUPLICATE_PERIOD).collect();
        assert_eq!(keys.len(), 3);
        assert_eq!(
            (keys[2].entity, &keys[2].split),
            (
                EntityKind::SemesterActivities,
                &Split::Group {
                    key: vec!["project".into(), "semester".into()]
                }
            )
        );
        let refs = s.iter().filter(|s| s.rule_id == UNKNOWN_REFERENCE).count();
        assert_eq!(refs, 10);
        let ids: Vec<&str> = crate::engine::INTEGRITY_RULES
            .iter()
            .map(|(id, _, _)| *id)
            .collect();
        assert!([DUPLICATE_ID, DUPLICATE_PERIOD, UNKNOWN_REFERENCE]
            .iter()
            .all(|r| ids.contains(r)));
    }
}
