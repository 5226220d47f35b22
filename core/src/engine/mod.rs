//! Running packs over a dataset: effective dates, parameters, integrity checks, the report.

mod integrity;
pub(crate) mod scope;

use scope::Scope;
pub use scope::Scoped;

use crate::checks::{Cx, Outcome};
use crate::finding::{Finding, Lang, Reason, RuleInfo, Severity, Text};
use crate::model::{Dataset, Index};
use crate::report::{PackRef, Report, RuleState, RuleStatus, TargetProgress};
use crate::rules::{Pack, PackError, PackErrorKind};
use std::collections::BTreeMap;

pub use integrity::INTEGRITY_RULES;

/// What to check with: which packs, which parameters.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Built-in pack ids; empty means every built-in pack.
    pub packs: Vec<String>,
    /// Packs loaded from the user's files, used in addition.
    pub extra_packs: Vec<Pack>,
    /// Parameters, `"<rule id>.<name>" → value` (e.g. the class size the Hohhot notice leaves unset).
    pub params: BTreeMap<String, String>,
    /// Preferred language for rendered output (findings always carry both).
    pub lang: Lang,
    /// Threads to check with: `None` one (the default), `Some(0)` every core, `Some(n)` n.
    /// Rules run side by side; the report is the same as with one thread, order included.
    pub threads: Option<usize>,
}

/// A set of packs with parameters applied, ready to check many datasets.
#[derive(Debug, Clone)]
pub struct Checker {
    packs: Vec<Pack>,
    /// Parameter keys given (`"<rule id>.<name>"`): a rule's `required_params` not among them
    /// leave the rule unchecked.
    given: Vec<String>,
    /// See [`Options::threads`].
    threads: Option<usize>,
    /// True when the user named no pack: each dataset is checked with the packs whose region
    /// it has records in (and the national ones), and records of unknown region are left out.
    chosen: bool,
}

impl Checker {
    /// Resolves `opts`: unknown pack ids and unusable parameters are errors.
    pub fn new(opts: &Options) -> Result<Checker, PackError> {
        let ids: &[String] = &opts.packs;
        // Packs of the user's only, unless built-in ones are named too.
        let builtin = !ids.is_empty() || opts.extra_packs.is_empty();
        refuse_clashes(&opts.extra_packs)?;
        let mut packs = if builtin {
            builtin_with(ids, &opts.params)?
        } else {
            Vec::new()
        };
        for p in &opts.extra_packs {
            packs.push(p.with_params(&opts.params)?);
        }
        let mut checker = Checker::finish(packs, &opts.params)?.with_threads(opts.threads);
        checker.chosen = opts.packs.is_empty() && opts.extra_packs.is_empty();
        Ok(checker)
    }

    /// The same checker on `threads` threads (see [`Options::threads`]).
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// let ds = xianjie::sample::load("bj-3p2-2024").unwrap();
    /// let one = xianjie::Checker::builtin(&[], &BTreeMap::new()).unwrap();
    /// let two = one.clone().with_threads(Some(2));
    /// assert_eq!(one.check(&ds), two.check(&ds));
    /// ```
    pub fn with_threads(mut self, threads: Option<usize>) -> Checker {
        self.threads = threads;
        self
    }

    /// The same checker with only the checks `keep` selects (a rule and a check's position in
    /// it); rules left with no check are dropped. For checking a partition of data split by
    /// [`crate::checks::scope_of`]: each partition runs the checks its part of the data decides.
    pub fn only(&self, keep: impl Fn(&crate::rules::Rule, usize) -> bool) -> Checker {
        let mut c = self.clone();
        for p in &mut c.packs {
            for r in &mut p.rules {
                let kept: Vec<crate::checks::Check> = (0..r.checks.len())
                    .filter(|&i| keep(r, i))
                    .filter_map(|i| r.checks.get(i).cloned())
                    .collect();
                r.checks = kept.into();
            }
            p.rules.retain(|r| !r.checks.is_empty());
        }
        c
    }

    /// A checker over built-in packs only (`ids`; empty means all), with parameters. Same as
    /// [`Checker::new`] without `extra_packs`, and lighter: it never turns a typed pack back into
    /// JSON, so a WebAssembly build carries no serializer for checks.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// let c = xianjie::Checker::builtin(&["bj-3p2-2024".into()], &BTreeMap::new()).unwrap();
    /// assert_eq!(c.packs()[0].id, "bj-3p2-2024");
    /// assert!(xianjie::Checker::builtin(&["nope".into()], &BTreeMap::new()).is_err());
    /// ```
    pub fn builtin(
        ids: &[String],
        params: &BTreeMap<String, String>,
    ) -> Result<Checker, PackError> {
        let mut checker = Checker::finish(builtin_with(ids, params)?, params)?;
        checker.chosen = ids.is_empty();
        Ok(checker)
    }

    fn finish(packs: Vec<Pack>, params: &BTreeMap<String, String>) -> Result<Checker, PackError> {
        for key in params.keys() {
            let known = key
                .rsplit_once('.')
                .is_some_and(|(rule, _)| packs.iter().any(|p| p.rule(rule).is_some()));
            if !known {
                return Err(PackError::new(
                    format!("parameter {key}"),
                    PackErrorKind::UnknownRule { key: key.clone() },
                ));
            }
        }
        Ok(Checker {
            packs,
            given: params.keys().cloned().collect(),
            threads: None,
            chosen: false,
        })
    }

    /// Runs every rule of `jobs`, in order, on this checker's threads.
    fn run_rules<'a>(
        &self,
        jobs: &[Job<'a>],
        ds: &Dataset,
        ix: &'a Index<'a>,
        sink: Option<&Sink>,
    ) -> Vec<RuleRun> {
        // Rules are few and very uneven: one at a time per thread, the costliest first (a rule
        // over a large collection taken last kept one thread busy long after the other ended).
        crate::parallel::map_costliest_first(jobs, self.threads, Job::cost, |job| {
            let mut run = self.check_rule(ds, ix, job);
            if let Some(sink) = sink {
                sink.take(&mut run.1);
            }
            run
        })
    }

    /// On several threads, builds the views the rules' checks will read side by side before the
    /// rules run: built lazily inside the rules instead, the first rule to read five million
    /// students would place them while every other rule reading them waits. Views are the same
    /// however they are built, so the report is too; on one thread this does nothing.
    #[cfg(feature = "threads")]
    fn prepare_views(&self, jobs: &[Job<'_>]) {
        if self.threads.is_none_or(|n| n == 1) {
            return;
        }
        let mut views: Vec<(&Scope<'_>, crate::model::EntityKind)> = Vec::new();
        for job in jobs {
            for check in job.rule.checks.iter() {
                let scope = if SERIES_KINDS.contains(&check.kind_name()) {
                    job.placed
                } else {
                    job.timely
                };
                let (entity, _, reads) = check.scope();
                for kind in std::iter::once(entity).chain(reads) {
                    if !views
                        .iter()
                        .any(|&(s, k)| std::ptr::eq(s, scope) && k == kind)
                    {
                        views.push((scope, kind));
                    }
                }
            }
        }
        crate::parallel::map(&views, self.threads, 1, |(scope, kind)| {
            scope.prepare(*kind)
        });
    }

    /// Without threads there is nothing to build ahead (and the WebAssembly build carries none
    /// of it).
    #[cfg(not(feature = "threads"))]
    fn prepare_views(&self, _: &[Job<'_>]) {}

    /// Checks one rule: its status, findings and target progress.
    fn check_rule<'a>(&self, ds: &Dataset, ix: &'a Index<'a>, job: &Job<'a>) -> RuleRun {
        let (pack, rule) = (job.pack, job.rule);
        let mut status = RuleStatus {
            rule_id: rule.id.clone(),
            severity: rule.severity,
            state: RuleState::Passed,
            checked: 0,
            findings: 0,
            reason: None,
        };
        // A year outside the sane range (readers refuse it; a caller building a dataset
        // may not) decides nothing: "not in force in year 0" would pass every rule.
        if let Some(y) = ds.reporting_year.filter(|y| Dataset::YEARS.contains(y)) {
            if !rule.in_force_in(pack, y) {
                status.state = RuleState::NotInForce;
                status.reason = Some(crate::messages::reason(&Reason::NotInForce {
                    year: y,
                    from: rule.starts(pack),
                }));
                return (status, Vec::new(), Vec::new());
            }
        }
        let missing = self.missing_params(rule);
        if !missing.is_empty() {
            status.state = RuleState::Unchecked;
            let note = rule.param_notes.get(&missing[0]).cloned();
            status.reason = Some(crate::messages::reason(&Reason::MissingParams {
                names: missing,
                note,
            }));
            return (status, Vec::new(), Vec::new());
        }
        let info = std::sync::Arc::new(RuleInfo {
            id: rule.id.clone(),
            document: pack.source.document.clone(),
            clause: rule.clause.clone(),
            quote: rule.quote.clone(),
            wording: rule.wording.clone(),
        });
        if let Some(why) = self.other_campaign(ds, pack, rule) {
            status.state = RuleState::Unchecked;
            status.reason = Some(crate::messages::reason(&why));
            return (status, Vec::new(), Vec::new());
        }
        let window = scope::Window::of(rule, pack);
        // The rule's own views of the shared scopes: they note which collections it reads.
        let timely = Scoped::new(job.timely);
        let placed = Scoped::new(job.placed);
        let mut cx = Cx {
            ds: &timely,
            ix,
            pack,
            rule,
            info,
            out: Vec::new(),
            targets: Vec::new(),
            #[cfg(feature = "bulk")]
            shared: Default::default(),
        };
        let mut reasons = Vec::new();
        for check in rule.checks.iter() {
            let kind = check.kind();
            // A check reading a series (years in a row, a goal's course) sees the records
            // before the rule's period too; only its findings on records in the period count.
            let series = SERIES_KINDS.contains(&check.kind_name());
            let view = if series { &placed } else { &timely };
            cx.ds = view;
            let start = cx.out.len();
            let outcome = match kind.needs() {
                Some(t) if !t.is_loaded() => {
                    Outcome::Unchecked(Reason::TableNotLoaded { table: t })
                }
                _ => kind.run(&mut cx),
            };
            relocate(&mut cx.out[start..], view);
            if series {
                let tail = cx.out.split_off(start);
                // A run of years is judged when one of its years is in the period.
                cx.out.extend(tail.into_iter().filter(|f| {
                    f.locations.is_empty()
                        || f.locations
                            .iter()
                            .any(|l| view.timely(window, l.entity, l.index))
                }));
            }
            let outcome = match outcome {
                Outcome::Unchecked(Reason::NoRecords { entity }) if view.emptied(entity) => {
                    Outcome::Unchecked(Reason::NoneInScope {
                        entity,
                        region: pack.region.as_ref().map(crate::rules::Region::name),
                        from: window.from,
                        until: window.until,
                    })
                }
                o => o,
            };
            match outcome {
                Outcome::Checked(n) => status.checked += n,
                Outcome::Unchecked(why) if !reasons.contains(&why) => reasons.push(why),
                Outcome::Unchecked(_) => {}
            }
        }
        status.findings = cx.out.len();
        // A goal whose year has come and that is not met fails the rule; no finding, so
        // `Report::ok` is untouched.
        // An approximate goal (左右) is no hard minimum: never missed.
        let target_missed = cx
            .targets
            .iter()
            .any(|t| !t.met && !t.pending && !t.approximate);
        status.state = if status.findings > 0 || target_missed {
            RuleState::Failed
        } else if status.checked == 0 {
            RuleState::Unchecked
        } else {
            RuleState::Passed
        };
        // Records whose region cannot be told: said on every rule that met some.
        let mut unknown: BTreeMap<crate::model::EntityKind, usize> = BTreeMap::new();
        for view in [&timely, &placed] {
            for (k, n) in view.unknown() {
                let e = unknown.entry(k).or_default();
                *e = (*e).max(n);
            }
        }
        let unknown: usize = unknown.values().sum();
        let chosen = timely.choice() == scope::Choice::Chosen;
        let note = (chosen && unknown > 0).then_some(Reason::UnknownRegion { records: unknown });
        if status.state == RuleState::Unchecked {
            reasons.extend(note);
            status.reason = Some(crate::messages::reasons(&reasons));
        } else if let Some(note) = note {
            status.reason = Some(crate::messages::reason(&note));
        }
        (status, cx.out, cx.targets)
    }

    /// Why a rule tied to a campaign does not judge this dataset: its reporting year selects
    /// another campaign (or none), and the user gave no deadline of their own for it.
    fn other_campaign(
        &self,
        ds: &Dataset,
        pack: &Pack,
        rule: &crate::rules::Rule,
    ) -> Option<Reason> {
        let campaign = rule.campaign(pack)?;
        let year = ds.reporting_year?;
        if campaign.reporting_year == year {
            return None;
        }
        let own = format!("{}.at", rule.id);
        if self.given.contains(&own) {
            return None;
        }
        Some(Reason::OtherCampaign {
            year,
            campaign: campaign.reporting_year,
            closes: campaign.closes,
            param: own,
        })
    }

    /// Required parameters of `rule` not given.
    fn missing_params(&self, rule: &crate::rules::Rule) -> Vec<String> {
        rule.required_params
            .iter()
            .filter(|p| {
                !self
                    .given
                    .iter()
                    .any(|k| k.rsplit_once('.') == Some((rule.id.as_str(), p.as_str())))
            })
            .cloned()
            .collect()
    }

    /// The packs in use.
    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    /// The packs this checker uses on `ds`: all of them when the user named them; otherwise
    /// those whose region the data has records in, and the national ones.
    /// Where some records' region cannot be told, the other packs run too, judging none of
    /// those records: their rules say how many they left out, and that naming the pack checks
    /// them.
    pub fn packs_for(&self, ds: &Dataset) -> Vec<&Pack> {
        self.packs_for_source(scope::Source::new(ds, None))
    }

    fn packs_for_source(&self, src: scope::Source<'_>) -> Vec<&Pack> {
        let ds = src.rows;
        let unplaced = self.chosen && scope::unplaced(src);
        self.packs
            .iter()
            .filter(|p| !self.chosen || unplaced || scope::present(ds, p))
            .collect()
    }

    /// Checks `ds`. Never panics on data; every rule ends in one [`RuleState`].
    pub fn check(&self, ds: &Dataset) -> Report {
        self.check_source(scope::Source::new(ds, None))
    }

    /// Checks `ds` with the collections of `held` read from their columns instead of `ds`'s
    /// rows (as the Arrow reader gives them, `xianjie::columns::read_for_check`): the same
    /// report as if they were rows of `ds`.
    pub fn check_with_columns(&self, ds: &Dataset, held: &crate::model::Held) -> Report {
        self.check_source(scope::Source::new(ds, Some(held)))
    }

    fn check_source(&self, src: scope::Source<'_>) -> Report {
        let ds = src.rows;
        let ix = Index::new(ds);
        // Without threads (the WebAssembly build), the dataset's integrity first, then the rules.
        #[cfg(not(feature = "threads"))]
        let integrity = integrity::check(src, &ix);
        let packs = self.packs_for_source(src);
        let choice = if self.chosen {
            scope::Choice::Chosen
        } else {
            scope::Choice::Named
        };
        // One scope per pack and window (rules mostly share their pack's), plus one per pack
        // without a window for the checks that read series; places of schools once per pack.
        let atlases: Vec<scope::PackAtlas<'_>> =
            packs.iter().map(|_| scope::PackAtlas::new()).collect();
        let mut keys: Vec<(usize, Option<scope::Window<'_>>)> = Vec::new();
        for (i, p) in packs.iter().enumerate() {
            keys.push((i, None));
            for r in &p.rules {
                let w = Some(scope::Window::of(r, p));
                if !keys.contains(&(i, w)) {
                    keys.push((i, w));
                }
            }
        }
        let scopes: Vec<Scope<'_>> = keys
            .iter()
            .filter_map(|&(i, w)| {
                let (p, a) = (packs.get(i)?, atlases.get(i)?);
                Some(Scope::new(src, p, choice, w, a))
            })
            .collect();
        let find = |i: usize, w: Option<scope::Window<'_>>| {
            keys.iter()
                .position(|k| *k == (i, w))
                .and_then(|n| scopes.get(n))
        };
        let jobs: Vec<Job<'_>> = packs
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.rules.iter().filter_map(move |r| {
                    Some(Job {
                        pack: p,
                        rule: r,
                        timely: find(i, Some(scope::Window::of(r, p)))?,
                        placed: find(i, None)?,
                    })
                })
            })
            .collect();
        // Integrity rules' ids are reserved; a rule checked twice needs the given order.
        #[cfg(feature = "bulk")]
        let twice = {
            let mut ids: Vec<&str> = jobs.iter().map(|j| j.rule.id.as_str()).collect();
            ids.sort_unstable();
            ids.windows(2).any(|w| w.first() == w.get(1))
        };
        // Under `bulk`, each rule's findings are gathered as the rule ends (see `Sink`).
        #[cfg(feature = "bulk")]
        let sink = (!twice).then(Sink::default);
        #[cfg(not(feature = "bulk"))]
        let sink: Option<Sink> = None;
        // With threads, the dataset's integrity is checked beside the rules on request (on one
        // core, a twentieth of a national check), else before them.
        #[cfg(feature = "threads")]
        let (integrity, results) = crate::parallel::join(
            self.threads,
            || integrity::check(src, &ix),
            || {
                self.prepare_views(&jobs);
                self.run_rules(&jobs, ds, &ix, sink.as_ref())
            },
        );
        #[cfg(not(feature = "threads"))]
        let results = {
            self.prepare_views(&jobs);
            self.run_rules(&jobs, ds, &ix, sink.as_ref())
        };
        // Joined from parts under `bulk` (see `joined`), appended to here otherwise.
        #[cfg_attr(feature = "bulk", allow(unused_mut))]
        let mut findings: Vec<Finding> = integrity;
        let mut statuses = Vec::with_capacity(results.len());
        let mut targets: Vec<TargetProgress> = Vec::new();
        #[cfg(feature = "bulk")]
        let findings = {
            let mut parts = Vec::with_capacity(results.len() + 2);
            parts.push(findings);
            if let Some(sink) = sink {
                parts.push(sink.into_inner());
            }
            for (status, f, mut t) in results {
                statuses.push(status);
                parts.push(f);
                targets.append(&mut t);
            }
            joined(parts, twice)
        };
        #[cfg(not(feature = "bulk"))]
        for (status, mut f, mut t) in results {
            statuses.push(status);
            findings.append(&mut f);
            targets.append(&mut t);
        }
        let refs = packs
            .iter()
            .map(|p| PackRef {
                id: p.id.clone(),
                version: p.version.clone(),
                document: p.source.document.clone(),
                title: Text::new(&p.title_zh, &p.title_en),
            })
            .collect();
        Report::new(
            ds.name.clone(),
            ds.reporting_year,
            refs,
            findings,
            statuses,
            targets,
        )
    }
}

/// What checking one rule gives: its status, findings and target progress.
type RuleRun = (RuleStatus, Vec<Finding>, Vec<TargetProgress>);

/// The rules' findings, gathered as each rule ends rather than kept by rule until all have
/// ended: a rule's own vector is freed as soon as it is moved here, so the rules' findings are
/// not held twice (by rule and joined) at the end of a check. On national data that was the peak
/// of a check; glibc keeps freed blocks below its (rising) mmap threshold, so the parts stayed
/// resident after the join too.
///
/// The order in which rules end does not change the report: each rule's findings stay together
/// and in order, and `Report::new` orders findings by severity, rule, place and subject (and by
/// position only among findings of one rule). A rule checked by two jobs is not gathered here.
#[cfg(feature = "bulk")]
#[derive(Default)]
struct Sink(std::sync::Mutex<Vec<Finding>>);

/// Nothing is gathered without `bulk` (the browser module): there is no sink to make.
#[cfg(not(feature = "bulk"))]
enum Sink {}

#[cfg(not(feature = "bulk"))]
impl Sink {
    fn take(&self, _: &mut Vec<Finding>) {
        match *self {}
    }
}

#[cfg(feature = "bulk")]
impl Sink {
    /// Moves `part` to the end of the gathered findings, leaving it empty and its buffer freed.
    fn take(&self, part: &mut Vec<Finding>) {
        let mut all = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if all.capacity() < part.capacity() && all.is_empty() {
            // The first (or a larger) part's buffer is kept as it is, not copied.
            std::mem::swap(&mut *all, part);
        } else {
            all.append(part);
        }
        drop(all);
        *part = Vec::new();
    }
    fn into_inner(self) -> Vec<Finding> {
        self.0
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The findings of every part (the dataset's integrity, then each job's), for [`Report::new`],
/// without a second copy of them all: the largest part's buffer is grown to hold the rest (a
/// large block grows in place, its pages remapped, not copied), where appending every part to a
/// new vector held all the parts and the whole together (123 MB more on the national data).
///
/// The order of the parts does not change the report: `Report::new` orders findings by
/// severity, rule, place and subject, and by position only among findings equal in all of
/// those, which share a rule. With `in_order` (a rule checked by two jobs: a pack named twice)
/// the parts are joined in the order given.
#[cfg(feature = "bulk")]
fn joined(mut parts: Vec<Vec<Finding>>, in_order: bool) -> Vec<Finding> {
    let total: usize = parts.iter().map(Vec::len).sum();
    let base = if in_order {
        0
    } else {
        (0..parts.len())
            .max_by_key(|&k| parts.get(k).map_or(0, Vec::capacity))
            .unwrap_or(0)
    };
    let mut all = if base < parts.len() {
        parts.remove(base)
    } else {
        Vec::new()
    };
    all.reserve_exact(total - all.len());
    for mut part in parts {
        all.append(&mut part);
    }
    all
}

/// One rule to check, with the dataset as its checks see it.
struct Job<'a> {
    pack: &'a Pack,
    rule: &'a crate::rules::Rule,
    /// The records in the pack's region and the rule's period.
    timely: &'a Scope<'a>,
    /// The records in the pack's region, whatever their period.
    placed: &'a Scope<'a>,
}

impl Job<'_> {
    /// What checking the rule is expected to cost, to take the costliest rules first: the
    /// records its checks go through (each check's collection and those it reads).
    fn cost(&self) -> u64 {
        self.rule
            .checks
            .iter()
            .map(|check| {
                let (entity, _, reads) = check.scope();
                std::iter::once(entity)
                    .chain(reads)
                    .map(|k| scope::Shared::source(self.timely).len_of(k) as u64)
                    .sum::<u64>()
            })
            .sum()
    }
}

/// Check kinds that read a series of records over time (a run of years, a goal's course): they
/// see the records before the rule's period, and keep only findings on records within it.
const SERIES_KINDS: [&str; 3] = ["consecutive_years", "target", "intake_after"];

/// Moves the places of findings from a scope's view to the dataset's.
fn relocate(findings: &mut [Finding], view: &Scoped<'_>) {
    for f in findings {
        for l in &mut f.locations {
            let i = view.origin(l.entity, l.index);
            if i != l.index {
                let cell = l.cell.take();
                *l = crate::finding::Location::new(l.entity, i, l.field.as_deref());
                l.cell = cell;
            }
        }
    }
}

/// Checks `ds` with `opts` in one call.
///
/// ```
/// let ds = xianjie::Dataset::from_json_str(r#"{
///   "reporting_year": 2024,
///   "semester_activities": [{"project": "P1", "semester": "2023-2024-1", "meetings": 1, "joint_research": 3, "teachers_dispatched": 5}]
/// }"#).unwrap();
/// let opts = xianjie::Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() };
/// let report = xianjie::check(&ds, &opts).unwrap();
/// let f = report.findings.iter().find(|f| f.rule_id() == "bj-3p2-2024/semester-meetings").unwrap();
/// assert_eq!(f.path(), "semester_activities[0].meetings");
/// assert_eq!(f.remedy().unwrap().zh, "还需召开1次沟通会");
/// ```
pub fn check(ds: &Dataset, opts: &Options) -> Result<Report, PackError> {
    Ok(Checker::new(opts)?.check(ds))
}

/// Refuses a user pack whose id or a rule id is a built-in one's, or another user pack's (the
/// report would list the rule twice, once failed and once passed). Ids are a public contract:
/// a built-in id is refused even when its pack is not in use.
fn refuse_clashes(extra: &[Pack]) -> Result<(), PackError> {
    let clash = |p: &Pack, loc: String, kind: PackErrorKind| {
        PackError::new(format!("pack {}", p.id), kind).at(loc)
    };
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    let integrity = |id: &str| INTEGRITY_RULES.iter().any(|(r, _, _)| *r == id);
    for (n, p) in extra.iter().enumerate() {
        if crate::rules::builtin(&p.id).is_some() {
            return Err(clash(
                p,
                "id".into(),
                PackErrorKind::ReservedPackId { id: p.id.clone() },
            ));
        }
        if extra[..n].iter().any(|q| q.id == p.id) {
            return Err(clash(
                p,
                "id".into(),
                PackErrorKind::DuplicatePackId { id: p.id.clone() },
            ));
        }
        for (i, r) in p.rules.iter().enumerate() {
            let loc = format!("rules[{i}] ({})", r.id);
            if let Some((b, _)) = crate::rules::find_rule(&r.id) {
                return Err(clash(
                    p,
                    loc,
                    PackErrorKind::ReservedRuleId {
                        id: r.id.clone(),
                        pack: Some(b.id.clone()),
                    },
                ));
            }
            if integrity(&r.id) {
                return Err(clash(
                    p,
                    loc,
                    PackErrorKind::ReservedRuleId {
                        id: r.id.clone(),
                        pack: None,
                    },
                ));
            }
            if let Some(other) = seen.insert(&r.id, &p.id) {
                return Err(clash(
                    p,
                    loc,
                    PackErrorKind::DuplicateRuleId {
                        id: r.id.clone(),
                        first: other.to_string(),
                        second: p.id.clone(),
                    },
                ));
            }
        }
    }
    Ok(())
}

/// Built-in packs `ids` (empty: all) with `params` applied.
fn builtin_with(ids: &[String], params: &BTreeMap<String, String>) -> Result<Vec<Pack>, PackError> {
    let ids: Vec<&str> = if ids.is_empty() {
        crate::rules::builtin_ids()
    } else {
        ids.iter().map(String::as_str).collect()
    };
    ids.iter()
        .map(|id| {
            crate::rules::builtin_with_params(id, params).unwrap_or_else(|| {
                Err(PackError::new(
                    format!("pack {id}"),
                    PackErrorKind::UnknownPack {
                        id: id.to_string(),
                        known: crate::rules::CheckError::names(&crate::rules::builtin_ids()),
                    },
                ))
            })
        })
        .collect()
}

/// Severity helper for integrity findings.
pub(crate) const INTEGRITY_SEVERITY: Severity = Severity::Error;

#[cfg(all(test, feature = "bulk"))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code
    use super::*;

    fn report(findings: Vec<Finding>) -> Vec<String> {
        Report::new(None, None, vec![], findings, vec![], vec![])
            .findings
            .iter()
            .map(|f| serde_json::to_string(f).unwrap())
            .collect()
    }

    /// A sample's findings in parts by rule (as the rules give them), each part with a finding
    /// tied with its neighbour on everything the report orders by: joined in any order of
    /// parts, the report is the one of the parts appended in order.
    #[test]
    fn parts_joined_in_any_order_give_the_same_report() {
        let ds = crate::sample::load("bj-3p2-2024").unwrap();
        let checker = Checker::builtin(&[], &Default::default()).unwrap();
        let all = checker.check(&ds).findings;
        let mut parts: Vec<Vec<Finding>> = Vec::new();
        for f in all {
            match parts.last_mut() {
                Some(p) if p[0].rule_id() == f.rule_id() => p.push(f),
                _ => parts.push(vec![f]),
            }
        }
        assert!(parts.len() >= 5, "{} parts", parts.len());
        for (k, p) in parts.iter_mut().enumerate() {
            // A twin: the same key, told apart by its inputs; it must stay after the first.
            let mut twin = p[0].clone();
            twin.inputs = crate::finding::Inputs::from([("twin", k.to_string())]);
            p.insert(1, twin);
        }
        let in_order = report(parts.concat());
        // The largest part first (and the others moved), as `joined` does.
        parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
        assert_eq!(report(joined(parts.clone(), false)), in_order);
        parts.reverse();
        assert_eq!(report(joined(parts.clone(), false)), in_order);

        // A rule's findings in two parts, the later ones (the twin among them) given first and
        // the first one in the largest buffer: joined in the order given.
        let mut split = parts.clone();
        let largest = split.last_mut().unwrap();
        let tail = largest.split_off(1);
        split.insert(0, tail);
        let given = report(split.concat());
        assert_eq!(report(joined(split, true)), given);
    }
}
