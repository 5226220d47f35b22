//! Transfer rates and enrollment totals from `cohorts`, grouped.

use super::group::{dedup, describe, key_of, GroupBy, GroupKey, Key};
use super::rate::Rate;
use crate::engine::scope::Source;
use crate::model::{Dataset, EntityKind, FieldId, Held, Index, Records, Value};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Sums over the cohorts of one group.
#[derive(Default, Clone, Copy)]
struct Acc {
    cohorts: usize,
    enrolled: u64,
    still_enrolled: u64,
    still_reported: usize,
    graduated: u64,
    transferred: u64,
    incomplete: usize,
}

/// The cohort fields the sums read, by position in the field table (rows and held columns
/// alike).
struct Fields {
    project: Option<FieldId>,
    entry_year: Option<FieldId>,
    enrolled: Option<FieldId>,
    still_enrolled: Option<FieldId>,
    graduated: Option<FieldId>,
    transferred: Option<FieldId>,
}

fn accumulate<'a>(
    cohorts: &'a dyn Records,
    ix: &Index<'a>,
    by: &[GroupBy],
) -> BTreeMap<Key<'a>, Acc> {
    let id = |name: &str| cohorts.field(name).map(|f| f.id);
    let f = Fields {
        project: id("project"),
        entry_year: id("entry_year"),
        enrolled: id("enrolled"),
        still_enrolled: id("still_enrolled"),
        graduated: id("graduated_secondary"),
        transferred: id("transferred"),
    };
    // A count as the model holds it (`u32`): anything else is not given.
    let count = |i: usize, f: Option<FieldId>| match f.map(|f| cohorts.value(i, f)) {
        Some(Value::Int(n)) => u64::try_from(n).ok(),
        _ => None,
    };
    let mut groups: BTreeMap<Key<'a>, Acc> = BTreeMap::new();
    for i in 0..cohorts.len() {
        let project = f.project.map_or(Value::Missing, |f| cohorts.value(i, f));
        let year = match f.entry_year.map(|f| cohorts.value(i, f)) {
            Some(Value::Int(y)) => i32::try_from(y).unwrap_or_default(),
            _ => 0,
        };
        let a = groups
            .entry(key_of(ix, project.text().unwrap_or_default(), year, by))
            .or_default();
        a.cohorts += 1;
        a.enrolled += count(i, f.enrolled).unwrap_or_default();
        if let Some(s) = count(i, f.still_enrolled) {
            a.still_enrolled += s;
            a.still_reported += 1;
        }
        match (count(i, f.graduated), count(i, f.transferred)) {
            (Some(g), Some(t)) => {
                a.graduated += g;
                a.transferred += t;
            }
            _ => a.incomplete += 1,
        }
    }
    groups
}

/// Transfer figures of one group of cohorts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TransferRow {
    /// The group's keys, in the order asked for.
    pub keys: Vec<GroupKey>,
    /// Cohorts in the group.
    pub cohorts: usize,
    /// Students enrolled (all cohorts of the group).
    pub enrolled: u64,
    /// Secondary graduates, over the cohorts that report both graduates and transfers.
    pub graduated: u64,
    /// Students transferred (转段), over the same cohorts.
    pub transferred: u64,
    /// Cohorts left out of `graduated`/`transferred` because one of the two figures is missing.
    pub incomplete: usize,
    /// `transferred / graduated`.
    pub rate: Rate,
}

/// Transfer rates grouped by `by` (repeats ignored; empty `by` gives one overall row), sorted by
/// key. Cohorts whose project is unknown keep their project id and have unknown other keys.
///
/// ```
/// use xianjie::aggregate::{transfer_rates, GroupBy};
/// let ds = xianjie::Dataset::from_json_str(r#"{
///   "schools": [{"id": "S1", "name": "甲中职", "level": "secondary", "district": "110108"},
///               {"id": "H1", "name": "乙高职", "level": "higher"}],
///   "projects": [{"id": "P1", "secondary_school": "S1", "higher_school": "H1",
///                 "higher_major": {"code": "510201"}}],
///   "cohorts": [{"project": "P1", "entry_year": 2021, "enrolled": 45,
///                "graduated_secondary": 40, "transferred": 38}]}"#).unwrap();
/// let rows = transfer_rates(&ds, &[GroupBy::Category, GroupBy::District]);
/// assert_eq!(rows[0].keys[0].name.as_deref(), Some("电子与信息大类"));
/// assert_eq!(rows[0].keys[1].name.as_deref(), Some("北京市 海淀区"));
/// assert_eq!(rows[0].rate.rate.unwrap().to_string(), "0.95");
/// ```
pub fn transfer_rates(ds: &Dataset, by: &[GroupBy]) -> Vec<TransferRow> {
    transfer_rates_of(Source::new(ds, None), by)
}

/// [`transfer_rates`] with the collections of `held` read from their columns instead of `ds`'s
/// rows (as [`crate::Checker::check_with_columns`]): the same rows as if they were rows of `ds`.
pub fn transfer_rates_with_columns(ds: &Dataset, held: &Held, by: &[GroupBy]) -> Vec<TransferRow> {
    transfer_rates_of(Source::new(ds, Some(held)), by)
}

fn transfer_rates_of(src: Source<'_>, by: &[GroupBy]) -> Vec<TransferRow> {
    let by = dedup(by);
    let ix = Index::new(src.rows);
    accumulate(src.records(EntityKind::Cohorts), &ix, &by)
        .iter()
        .map(|(k, a)| TransferRow {
            keys: describe(&ix, k, &by),
            cohorts: a.cohorts,
            enrolled: a.enrolled,
            graduated: a.graduated,
            transferred: a.transferred,
            incomplete: a.incomplete,
            rate: Rate::new(a.transferred, a.graduated),
        })
        .collect()
}

/// The transfer rate of each project and entry year (one row per cohort, merged if repeated).
pub fn cohort_rates(ds: &Dataset) -> Vec<TransferRow> {
    transfer_rates(ds, &[GroupBy::Project, GroupBy::EntryYear])
}

/// Enrollment of one group of cohorts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EnrollmentRow {
    /// The group's keys, in the order asked for.
    pub keys: Vec<GroupKey>,
    /// Cohorts in the group.
    pub cohorts: usize,
    /// Students enrolled.
    pub enrolled: u64,
    /// Students still enrolled, over the cohorts that report it.
    pub still_enrolled: u64,
    /// Cohorts that report `still_enrolled`.
    pub still_enrolled_reported: usize,
    /// Secondary graduates (cohorts reporting both graduates and transfers).
    pub graduated: u64,
    /// Students transferred (same cohorts).
    pub transferred: u64,
}

/// Enrollment totals grouped by `by`, sorted by key.
///
/// ```
/// use xianjie::aggregate::{enrollment_totals, GroupBy};
/// let ds = xianjie::Dataset::from_json_str(r#"{"cohorts": [
///   {"project": "P1", "entry_year": 2021, "enrolled": 45},
///   {"project": "P2", "entry_year": 2021, "enrolled": 30},
///   {"project": "P1", "entry_year": 2022, "enrolled": 50}]}"#).unwrap();
/// let rows = enrollment_totals(&ds, &[GroupBy::EntryYear]);
/// assert_eq!((rows[0].keys[0].value.as_deref(), rows[0].enrolled), (Some("2021"), 75));
/// assert_eq!(rows[1].enrolled, 50);
/// ```
pub fn enrollment_totals(ds: &Dataset, by: &[GroupBy]) -> Vec<EnrollmentRow> {
    enrollment_totals_of(Source::new(ds, None), by)
}

/// [`enrollment_totals`] with the collections of `held` read from their columns (as
/// [`transfer_rates_with_columns`]).
pub fn enrollment_totals_with_columns(
    ds: &Dataset,
    held: &Held,
    by: &[GroupBy],
) -> Vec<EnrollmentRow> {
    enrollment_totals_of(Source::new(ds, Some(held)), by)
}

fn enrollment_totals_of(src: Source<'_>, by: &[GroupBy]) -> Vec<EnrollmentRow> {
    let by = dedup(by);
    let ix = Index::new(src.rows);
    accumulate(src.records(EntityKind::Cohorts), &ix, &by)
        .iter()
        .map(|(k, a)| EnrollmentRow {
            keys: describe(&ix, k, &by),
            cohorts: a.cohorts,
            enrolled: a.enrolled,
            still_enrolled: a.still_enrolled,
            still_enrolled_reported: a.still_reported,
            graduated: a.graduated,
            transferred: a.transferred,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cohort;
    use proptest::prelude::*;

    fn ds() -> Dataset {
        Dataset::from_json_str(
            r#"{
          "schools": [{"id": "S1", "name": "甲", "level": "secondary", "district": "110101"},
                      {"id": "S2", "name": "丙", "level": "secondary"},
                      {"id": "H1", "name": "乙", "level": "higher"}],
          "projects": [{"id": "P1", "secondary_school": "S1", "higher_school": "H1", "higher_major": {"code": "510201"}},
                       {"id": "P2", "secondary_school": "S2", "higher_school": "H1", "higher_major": {"code": "530302"}}],
          "cohorts": [
            {"project": "P1", "entry_year": 2020, "enrolled": 40, "graduated_secondary": 40, "transferred": 30},
            {"project": "P2", "entry_year": 2020, "enrolled": 40, "graduated_secondary": 0, "transferred": 0},
            {"project": "P2", "entry_year": 2021, "enrolled": 40, "graduated_secondary": 10, "transferred": 12},
            {"project": "P9", "entry_year": 2021, "enrolled": 20, "graduated_secondary": 20},
            {"project": "P1", "entry_year": 2021, "enrolled": 30}
          ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn zero_denominator_is_none() {
        let rows = cohort_rates(&ds());
        let p2_2020 = rows
            .iter()
            .find(|r| {
                r.keys[0].value.as_deref() == Some("P2")
                    && r.keys[1].value.as_deref() == Some("2020")
            })
            .unwrap();
        assert_eq!(p2_2020.rate.rate, None);
        assert_eq!(p2_2020.rate.fraction, "0/0");
    }

    #[test]
    fn inconsistent_reported_not_clamped() {
        let rows = cohort_rates(&ds());
        let r = rows
            .iter()
            .find(|r| {
                r.keys[0].value.as_deref() == Some("P2")
                    && r.keys[1].value.as_deref() == Some("2021")
            })
            .unwrap();
        assert!(!r.rate.consistent);
        assert_eq!(r.rate.rate.unwrap().to_string(), "1.2");
    }

    #[test]
    fn unknown_project_and_district() {
        let rows = transfer_rates(&ds(), &[GroupBy::District]);
        // Unknown district (S2 has none, P9 is unknown) sorts first.
        assert_eq!(rows[0].keys[0].value, None);
        assert_eq!(rows[0].cohorts, 3);
        assert_eq!(rows[0].incomplete, 1);
        assert_eq!(rows[1].keys[0].value.as_deref(), Some("110101"));
        assert_eq!(rows[1].keys[0].name.as_deref(), Some("北京市 东城区"));
        assert_eq!(
            (rows[1].graduated, rows[1].transferred, rows[1].incomplete),
            (40, 30, 1)
        );
    }

    #[test]
    fn overall_and_repeats() {
        let all = transfer_rates(&ds(), &[]);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].enrolled, 170);
        assert_eq!(all[0].rate.fraction, "42/50");
        let twice = transfer_rates(&ds(), &[GroupBy::Major, GroupBy::Major]);
        assert_eq!(twice[0].keys.len(), 1);
        let cat = transfer_rates(&ds(), &[GroupBy::Category]);
        let names: Vec<_> = cat.iter().map(|r| r.keys[0].name.clone()).collect();
        assert_eq!(
            names,
            vec![
                None,
                Some("电子与信息大类".into()),
                Some("财经商贸大类".into())
            ]
        );
    }

    #[test]
    fn totals() {
        let rows = enrollment_totals(&ds(), &[GroupBy::SecondarySchool]);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].keys[0].name.as_deref(), Some("甲"));
        assert_eq!(rows[1].enrolled, 70);
    }

    proptest! {
        #[test]
        fn grouped_rates_stay_in_unit_interval(
            rows in proptest::collection::vec((0u8..4, 2019i32..2024, 0u32..500, 0u32..500), 0..60)
        ) {
            let cohorts = rows.iter().map(|&(p, y, g, t)| Cohort {
                project: format!("P{p}"),
                entry_year: y,
                enrolled: g,
                still_enrolled: None,
                graduated_secondary: Some(g),
                transferred: Some(t.min(g)),
            }).collect();
            let ds = Dataset { cohorts, ..Dataset::default() };
            for by in [&[][..], &[GroupBy::Project], &[GroupBy::EntryYear, GroupBy::Project]] {
                for r in transfer_rates(&ds, by) {
                    prop_assert!(r.rate.consistent);
                    if let Some(v) = r.rate.rate {
                        prop_assert!(v >= rust_decimal::Decimal::ZERO && v <= rust_decimal::Decimal::ONE);
                    } else {
                        prop_assert_eq!(r.graduated, 0);
                    }
                }
            }
        }
    }
}
