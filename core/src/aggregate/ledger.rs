//! Hohhot's major ledger (专业调整台账, 呼和浩特市中等职业教育专业建设工作实施方案 四(二)): per
//! school and school year, the new majors filed, those refused, the majors to discontinue and
//! to file again, and the coverage of the key industry chains (二).
//!
//! The majors to discontinue or to re-file are the findings of the rules that say so
//! (small-major-discontinue, no-enrollment-reregister), not a second count of the years; the
//! chains that count are the ones the pack's rule lists. A rule the run could not check (the
//! class size is a parameter the notice leaves open) is listed with its reason.

use super::marks::{accepts, Marks, RuleNote, Verdict};
use super::rate::Rate;
use crate::checks::filter::Scalar;
use crate::model::{Dataset, EntityKind, Index, MajorRef};
use crate::report::Report;
use crate::rules::{builtin, find_rule, Check, Pack};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The pack whose ledger [`major_ledger`] keeps.
pub const LEDGER_PACK: &str = "hhht-majors-2022";
const NEW_MAJORS: &str = "hhht-majors-2022/new-majors-per-year";
const DISCONTINUE: &str = "hhht-majors-2022/small-major-discontinue";
const REFILE: &str = "hhht-majors-2022/no-enrollment-reregister";
/// The rule whose `where` names the key chains (the plan's list, 二).
const KEY_CHAINS: &str = "hhht-majors-2022/school-serves-key-chain";

/// One school's school year in the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LedgerRow {
    /// The school's id.
    pub school: String,
    /// Its name, when in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_name: Option<String>,
    /// The school year, `2023-2024`; a calendar year's intake (autumn) opens the school year
    /// starting that year.
    pub school_year: String,
    /// New majors filed that school year and not refused (accepted or undecided).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_majors: Vec<MajorRef>,
    /// Filings refused (不予备案): no new major.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refused: Vec<MajorRef>,
    /// Whether the new majors stay within the school's yearly limit, as the run found.
    pub new_majors_verdict: Verdict,
    /// Majors to discontinue: intake could not form a class three years running (its finding
    /// ends in this school year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discontinue: Vec<MajorRef>,
    /// Majors to file again as new: no intake three years running.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refile: Vec<MajorRef>,
    /// Major offerings (专业布点) of the year.
    pub offerings: usize,
    /// Of those, serving one of the key chains the plan names.
    pub key_chain_offerings: usize,
    /// The key chains served, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chains: Vec<String>,
    /// `key_chain_offerings / offerings`.
    pub key_chain_share: Rate,
}

/// The ledger and what the run did with the rules it reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MajorLedger {
    /// The pack.
    pub pack: String,
    /// The key chains the plan names (二), as the pack lists them.
    pub key_chains: Vec<String>,
    /// One row per school and school year, sorted by school, then year.
    pub rows: Vec<LedgerRow>,
    /// The rules behind the columns and their state in the run (an unchecked one says why: its
    /// column is then empty for want of a check, not for want of majors).
    pub rules: Vec<RuleNote>,
}

fn school_year(year: i32) -> String {
    format!("{year}-{}", i64::from(year) + 1)
}

/// The chains the plan names, from the pack's rule.
fn key_chains(pack: &Pack) -> Vec<String> {
    let Some(rule) = pack.rules.iter().find(|r| r.id == KEY_CHAINS) else {
        return Vec::new();
    };
    rule.checks
        .iter()
        .filter_map(|c| match c {
            Check::Target(t) => Some(&t.filter),
            _ => None,
        })
        .flatten()
        .filter(|f| f.field == "chain")
        .flat_map(|f| &f.one_of)
        .filter_map(|s| match s {
            Scalar::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

#[derive(Default)]
struct Acc {
    new_majors: Vec<MajorRef>,
    refused: Vec<MajorRef>,
    filings: Vec<usize>,
    discontinue: Vec<MajorRef>,
    refile: Vec<MajorRef>,
    offerings: usize,
    key: usize,
    chains: BTreeSet<String>,
}

fn push_once(v: &mut Vec<MajorRef>, m: &MajorRef) {
    if !v.iter().any(|x| x.code == m.code) {
        v.push(m.clone());
    }
}

/// The major ledger of `ds` as `report` judged it; `None` when the run did not use the Hohhot
/// pack or the data has neither offerings nor filings.
///
/// ```
/// let ds = xianjie::sample::load("hhht-majors-2022").unwrap();
/// let report = xianjie::check(&ds, &Default::default()).unwrap();
/// let l = xianjie::aggregate::major_ledger(&ds, &report).unwrap();
/// assert!(l.rows.iter().any(|r| !r.refile.is_empty()));
/// assert!(l.rows.iter().all(|r| r.key_chain_offerings <= r.offerings));
/// ```
pub fn major_ledger(ds: &Dataset, report: &Report) -> Option<MajorLedger> {
    let marks = Marks::new(report);
    if !marks.ran(LEDGER_PACK) || (ds.major_offerings.is_empty() && ds.new_major_filings.is_empty())
    {
        return None;
    }
    let pack = builtin(LEDGER_PACK)?;
    let chains = key_chains(pack);
    let ix = Index::new(ds);
    // The filings the new-majors rule counts: its `where` (a refused filing is no new major).
    let counted = pack
        .rules
        .iter()
        .find(|r| r.id == NEW_MAJORS)
        .and_then(|r| {
            r.checks.iter().find_map(|c| match c {
                Check::GroupCount(g) => Some(g.filter.as_slice()),
                _ => None,
            })
        })
        .unwrap_or(&[]);
    let mut rows: BTreeMap<(String, String), Acc> = BTreeMap::new();
    for (i, f) in ds.new_major_filings.iter().enumerate() {
        let a = rows
            .entry((f.school.clone(), f.school_year.clone()))
            .or_default();
        a.filings.push(i);
        if accepts(f, counted) {
            push_once(&mut a.new_majors, &f.major);
        } else {
            push_once(&mut a.refused, &f.major);
        }
    }
    for o in &ds.major_offerings {
        let a = rows
            .entry((o.school.clone(), school_year(o.year)))
            .or_default();
        a.offerings += 1;
        if let Some(c) = o.chain.as_deref().filter(|c| chains.iter().any(|k| k == c)) {
            a.key += 1;
            a.chains.insert(c.to_string());
        }
    }
    // A run's finding is located on its years' offerings: it belongs to the school year of the
    // last of them (when the third year is reached).
    for f in &report.findings {
        let which = match f.rule_id() {
            DISCONTINUE => 0,
            REFILE => 1,
            _ => continue,
        };
        let last = f
            .locations
            .iter()
            .filter(|l| l.entity == EntityKind::MajorOfferings)
            .filter_map(|l| ds.major_offerings.get(l.index))
            .max_by_key(|o| o.year);
        if let Some(o) = last {
            let a = rows
                .entry((o.school.clone(), school_year(o.year)))
                .or_default();
            push_once(
                if which == 0 {
                    &mut a.discontinue
                } else {
                    &mut a.refile
                },
                &o.major,
            );
        }
    }
    let rules = [NEW_MAJORS, DISCONTINUE, REFILE]
        .into_iter()
        .filter_map(|id| find_rule(id).and_then(|(_, r)| marks.note(r)))
        .collect();
    Some(MajorLedger {
        pack: pack.id.clone(),
        key_chains: chains,
        rows: rows
            .into_iter()
            .map(|((school, year), a)| {
                let judged = !a.filings.is_empty();
                let new_majors_verdict = if judged {
                    marks.verdict(
                        NEW_MAJORS,
                        a.filings.iter().map(|&i| (EntityKind::NewMajorFilings, i)),
                        true,
                    )
                } else {
                    Verdict::NotApplicable
                };
                LedgerRow {
                    school_name: ix.school(&school).map(|s| s.name.clone()),
                    school,
                    school_year: year,
                    new_majors: a.new_majors,
                    refused: a.refused,
                    new_majors_verdict,
                    discontinue: a.discontinue,
                    refile: a.refile,
                    offerings: a.offerings,
                    key_chain_offerings: a.key,
                    chains: a.chains.into_iter().collect(),
                    key_chain_share: Rate::new(a.key as u64, a.offerings as u64),
                }
            })
            .collect(),
        rules,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::RuleState;

    #[test]
    fn ledger_of_the_sample() {
        let ds = crate::sample::load(LEDGER_PACK).unwrap();
        let report = crate::check(&ds, &Default::default()).unwrap();
        let l = major_ledger(&ds, &report).unwrap();
        assert_eq!(l.key_chains.len(), 8);
        // Without a class size the discontinue rule is unchecked, and says so.
        let d = l.rules.iter().find(|r| r.rule_id == DISCONTINUE).unwrap();
        assert_eq!(d.state, RuleState::Unchecked);
        assert!(l.rows.iter().all(|r| r.discontinue.is_empty()));
        // The filings over the limit fail their school year.
        assert!(l
            .rows
            .iter()
            .any(|r| r.new_majors_verdict == Verdict::Failed && r.new_majors.len() == 3));
        let opts = crate::Options {
            params: [(
                "hhht-majors-2022/small-major-discontinue.class_size".to_string(),
                "30".to_string(),
            )]
            .into_iter()
            .collect(),
            ..Default::default()
        };
        let report = crate::check(&ds, &opts).unwrap();
        let l = major_ledger(&ds, &report).unwrap();
        let n: usize = l.rows.iter().map(|r| r.discontinue.len()).sum();
        assert_eq!(n, report.by_rule.get(DISCONTINUE).copied().unwrap_or(0));
        assert!(n > 0);
    }

    #[test]
    fn refused_filings_are_not_new_majors() {
        let ds = Dataset::from_json_str(
            r#"{"reporting_year": 2024,
            "schools": [{"id": "S1", "name": "甲", "level": "secondary", "district": "150102"}],
            "new_major_filings": [
              {"school": "S1", "school_year": "2023-2024", "major": {"code": "710201"}, "filed": true, "conditions_met": true},
              {"school": "S1", "school_year": "2023-2024", "major": {"code": "710202"}, "filed": false}],
            "major_offerings": [
              {"school": "S1", "year": 2023, "major": {"code": "710201"}, "intake": 40, "chain": "信息技术"},
              {"school": "S1", "year": 2023, "major": {"code": "730701"}, "intake": 40, "chain": "其他"}]}"#,
        )
        .unwrap();
        let report = crate::check(&ds, &Default::default()).unwrap();
        let l = major_ledger(&ds, &report).unwrap();
        assert_eq!(l.rows.len(), 1);
        let r = &l.rows[0];
        assert_eq!((r.new_majors.len(), r.refused.len()), (1, 1));
        assert_eq!(r.new_majors_verdict, Verdict::Passed);
        assert_eq!((r.offerings, r.key_chain_offerings), (2, 1));
        assert_eq!(r.chains, ["信息技术"]);
        assert_eq!(r.key_chain_share.fraction, "1/2");
    }
}
