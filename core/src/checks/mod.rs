//! Evaluation of each check kind, one file per kind, plus what they share: the context, message
//! wording and field resolution.

pub mod bound;
pub mod filter;
mod groups;
pub mod scope_of;

/// Declares the closed set of check kinds from one list: for each, its module (one file in this
/// directory, holding a struct named as the variant that implements [`Kind`]), its variant of
/// [`Check`] and its name in packs. Adding a kind is a file and a line here.
macro_rules! check_kinds {
    ($( $(#[$doc:meta])* $variant:ident => $module:ident; )*) => {
        $( pub mod $module; )*

        /// One check of a rule, tagged by `kind`.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Check {
            $( $(#[$doc])* $variant($module::$variant), )*
        }

        impl Check {
            /// Every kind's name, as written in packs.
            pub const KINDS: &'static [&'static str] = &[$(stringify!($module)),*];

            /// The kind's name as written in packs.
            pub fn kind_name(&self) -> &'static str {
                match self { $(Check::$variant(_) => stringify!($module),)* }
            }

            pub(crate) fn kind(&self) -> &dyn Kind {
                match self { $(Check::$variant(c) => c,)* }
            }

            /// Reads the parameters of kind `kind`; `None` for an unknown kind.
            pub(crate) fn read(
                kind: &str,
                v: serde_json::Value,
            ) -> Option<Result<Check, crate::input::de::Error>> {
                match kind {
                    $(stringify!($module) => Some(crate::input::de::from_value(&v).map(Check::$variant)),)*
                    _ => None,
                }
            }
        }
    };
}

check_kinds! {
    /// A number on each record is at least / at most a bound (meetings ≥ 2 per semester).
    Threshold => threshold;
    /// How many records fall in each group (new applications per school and year ≤ 3).
    GroupCount => group_count;
    /// numerator ÷ denominator against an exact bound: per-unit (m² per student) or share (≥ 1/3).
    Ratio => ratio;
    /// A timestamp no later than a fixed instant or the end of a year (Beijing time).
    Deadline => deadline;
    /// Fields present and meaningful (non-blank, not a placeholder, right form).
    Required => required;
    /// A school referenced in a role is of an allowed level.
    Role => role;
    /// A field equals a field of the referenced project (the filer is the project's secondary school).
    SameAs => same_as;
    /// Values within a group run 1..n, each once.
    Ranking => ranking;
    /// Two values of one field must not occur together in one group.
    Exclusion => exclusion;
    /// Each record has its companion record for the reporting year.
    Completeness => completeness;
    /// One field never exceeds another (transferred ≤ graduates).
    NotExceeding => not_exceeding;
    /// A condition on a yearly series holding k years in a row (intake below one class 3 years running).
    ConsecutiveYears => consecutive_years;
    /// A value at most the smallest of several limits (offset ≤ min(30% × investment, surcharges owed)).
    Cap => cap;
    /// An identifier against reference data (catalogue major, division, USCC, MoE school code).
    Code => code;
    /// The secondary and higher majors of a pairing are in the same 专业大类.
    SameCategory => same_category;
    /// A major's name matches the catalogue's name for its code.
    CatalogName => catalog_name;
    /// Where one flag is true, another must be too (filed ⇒ conditions met).
    Implies => implies;
    /// A region-wide aggregate against goals by year: progress, never findings.
    Target => target;
    /// Money passed on in full or at least a share (tuition ≥ 60%; fees in full).
    PassThrough => pass_through;
    /// At least `min` of several flags hold (a senior-worker or an intermediate X certificate).
    AnyOf => any_of;
    /// A date within a calendar period after another (agreement within a month of term start).
    WithinPeriod => within_period;
    /// One identity under two values of a field (a teacher in two staffs).
    Overlap => overlap;
    /// A field has one required value (3 secondary years).
    Equals => equals;
    /// Text of a given form: a telephone number, an e-mail address (the contact form).
    TextForm => text_form;
    /// A figure equals its companion's for a year at an offset (enrollment = last year's cohort).
    Agrees => agrees;
    /// A reference names a record on a list (a status report's project is an approved one).
    Listed => listed;
    /// No intake after an event that stops it (3 years without intake; a failed rectification).
    IntakeAfter => intake_after;
    /// Schools a notice names appear among a year's records (the five 2024 pilot schools).
    Roster => roster;
    /// Each school or district that owes a yearly document has submitted it (汇总表, 工作总结).
    Submitted => submitted;
}

use crate::finding::{Detail, Finding, FindingCode, Inputs, Location, Period, Reason, RuleInfo};
use crate::model::{EntityKind, Field, Index, Rec, Records, Subject, ValueKind};
use crate::rules::{CheckError, Pack, Rule};
use std::sync::Arc;

/// What a check says about whether it could run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// It ran over `n` records.
    Checked(usize),
    /// It could not run, for this reason.
    Unchecked(Reason),
}

/// A check kind: validated when its pack loads, then run over a dataset.
pub(crate) trait Kind {
    /// Checks the parameters against the model; `Err` says what is wrong (the loader adds where).
    fn validate(&self) -> Result<(), CheckError>;
    /// Runs the check, pushing findings into `cx`.
    fn run(&self, cx: &mut Cx<'_>) -> Outcome;
    /// The reference table the check cannot run without, if any.
    fn needs(&self) -> Option<crate::reference::source::Table> {
        None
    }
}

/// Everything a check needs while it runs.
pub struct Cx<'a> {
    /// The data in the rule's scope (its pack's region, its period in force): a check reads
    /// its records here, never from the whole dataset.
    pub ds: &'a crate::engine::Scoped<'a>,
    /// Lookups by id.
    pub ix: &'a Index<'a>,
    /// The pack of the rule.
    pub pack: &'a Pack,
    /// The rule.
    pub rule: &'a Rule,
    /// What every finding of the rule shares (id, citation, nouns).
    pub info: Arc<RuleInfo>,
    /// Findings so far.
    pub out: Vec<Finding>,
    /// Progress towards targets (kind `target`): reported, never findings.
    pub targets: Vec<crate::report::TargetProgress>,
    /// Lookups one check of the rule built, for its next checks (see [`Shared`]).
    #[cfg(feature = "bulk")]
    pub(crate) shared: Shared<'a>,
}

/// A collection's records by owner and year: the first record of each pair (a later record of the
/// same pair is never a companion).
pub(crate) type ByOwnerYear<'a> = std::collections::HashMap<(&'a str, i64), usize>;

/// Lookups a rule's checks share: `status-matches-cohort`'s three `agrees` checks all find
/// cohorts by project and entry year, and on national data each built that map (300,000 cohorts)
/// again. Kept for one rule's checks only, as each rule sees its own scope.
#[cfg(feature = "bulk")]
#[derive(Default)]
pub(crate) struct Shared<'a> {
    /// Each map by the collection's address and its owner and year fields.
    by_owner_year: Vec<(
        (usize, crate::model::FieldId, crate::model::FieldId),
        Arc<ByOwnerYear<'a>>,
    )>,
}

/// `records` by owner (`key`, a text) and year (`year`, an integer).
pub(crate) fn by_owner_year<'a>(
    records: &'a dyn Records,
    key: &Field,
    year: &Field,
) -> ByOwnerYear<'a> {
    let mut map = ByOwnerYear::with_capacity(records.len());
    for r in records.iter() {
        if let (Some(k), crate::model::Value::Int(y)) = (key.get(r).text(), year.get(r)) {
            map.entry((k, y)).or_insert(r.index());
        }
    }
    map
}

/// Parts of a finding that vary by check: data only, no words.
pub(crate) struct Draft {
    pub code: FindingCode,
    pub subject: Subject,
    pub locations: Vec<Location>,
    pub period: Option<Period>,
    pub inputs: Inputs,
    pub detail: Detail,
}

impl<'a> Cx<'a> {
    /// Records a finding of this rule.
    pub(crate) fn emit(&mut self, d: Draft) {
        self.out.push(Finding {
            rule: Arc::clone(&self.info),
            severity: self.rule.severity,
            code: d.code,
            subject: d.subject,
            locations: d.locations,
            period: d.period,
            inputs: d.inputs,
            detail: d.detail,
        });
    }

    /// Records a finding on one field of `item`: its subject, the field's place and the record's
    /// period filled in, as nearly every check needs.
    pub(crate) fn emit_at(
        &mut self,
        item: Rec<'_>,
        field: &str,
        code: FindingCode,
        inputs: Inputs,
        detail: Detail,
    ) {
        let subject = self.subject(item);
        self.emit(Draft {
            code,
            subject,
            locations: vec![Location::new(item.kind(), item.index(), Some(field))],
            period: item.period(),
            inputs,
            detail,
        });
    }

    /// Records a finding of this rule as a warning at most (a part of the rule the notice does
    /// not make binding, such as an upload it does not list): an error rule's finding is lowered.
    pub(crate) fn emit_warning(&mut self, d: Draft) {
        self.emit(d);
        if let Some(f) = self.out.last_mut() {
            if f.severity == crate::finding::Severity::Error {
                f.severity = crate::finding::Severity::Warning;
            }
        }
    }

    /// [`by_owner_year`], built once for the rule's checks (one per check without `bulk`).
    pub(crate) fn by_owner_year(
        &mut self,
        records: &'a dyn Records,
        key: &Field,
        year: &Field,
    ) -> Arc<ByOwnerYear<'a>> {
        #[cfg(feature = "bulk")]
        {
            let at = (
                std::ptr::from_ref(records).cast::<()>().addr(),
                key.id,
                year.id,
            );
            if let Some((_, m)) = self.shared.by_owner_year.iter().find(|(k, _)| *k == at) {
                return Arc::clone(m);
            }
            let m = Arc::new(by_owner_year(records, key, year));
            self.shared.by_owner_year.push((at, Arc::clone(&m)));
            m
        }
        #[cfg(not(feature = "bulk"))]
        Arc::new(by_owner_year(records, key, year))
    }

    /// Subject of record `item`.
    pub(crate) fn subject(&self, item: Rec<'_>) -> Subject {
        item.subject(self.ix)
    }
}

/// Checks that `entity` has a field `name` of one of the kinds in `want`.
pub(crate) fn expect_field(
    entity: EntityKind,
    name: &str,
    want: &[ValueKind],
) -> Result<(), CheckError> {
    match entity.field_kind(name) {
        None => Err(CheckError::unknown_field(entity, name)),
        Some(k) if !want.contains(&k) => Err(CheckError::FieldKind {
            entity,
            field: name.to_string(),
            found: k,
            wanted: want.to_vec(),
        }),
        Some(_) => Ok(()),
    }
}

/// The "no records" reason for a kind.
pub(crate) fn no_records(entity: EntityKind) -> Outcome {
    Outcome::Unchecked(Reason::NoRecords { entity })
}

/// A value as an owned display string, for grouping keys and explanations.
pub(crate) fn key_of(item: Rec<'_>, fields: &[Field]) -> Vec<String> {
    fields.iter().map(|f| f.get(item).display()).collect()
}

/// Resolves a list of field names on `items` (validated at load; `None` only for hand-built packs).
pub(crate) fn fields_of(items: &dyn Records, names: &[String]) -> Option<Vec<Field>> {
    names.iter().map(|n| items.field(n)).collect()
}

/// Decimal arithmetic for checks, kept out of line: rust_decimal inlines the whole addition,
/// multiplication or division at each call, kilobytes apiece in the WebAssembly module. The
/// saturating ones are for amounts shown in findings (an overflow shows the bound, never panics).
pub(crate) trait Arith: Sized {
    /// `self - o`, saturating.
    fn sat_sub(self, o: Self) -> Self;
    /// `self × o`, saturating.
    fn sat_mul(self, o: Self) -> Self;
    /// `self + o`; `None` on overflow.
    fn ck_add(self, o: Self) -> Option<Self>;
    /// `self × o`; `None` on overflow.
    fn ck_mul(self, o: Self) -> Option<Self>;
    /// `self / o`; `None` on overflow or division by zero.
    fn ck_div(self, o: Self) -> Option<Self>;
    /// The least whole number not below `self`, as `Decimal::ceil` (which brings a copy of `+`
    /// of its own into the WebAssembly module).
    fn ceil_whole(self) -> Self;
    /// The greatest whole number not above `self`, as `Decimal::floor` (a copy of `-`).
    fn floor_whole(self) -> Self;
}

impl Arith for rust_decimal::Decimal {
    // The saturating ones through the checked ones, as rust_decimal does it (one copy of
    // each operation in the module): `a - b` is `a + (-b)`, the signed zeros of `0 - 0` aside.
    fn sat_sub(self, o: Self) -> Self {
        if self.is_zero() && o.is_zero() {
            return o;
        }
        let bound = if self.is_sign_positive() {
            Self::MAX
        } else {
            Self::MIN
        };
        self.ck_add(-o).unwrap_or(bound)
    }
    fn sat_mul(self, o: Self) -> Self {
        let bound = if self.is_sign_positive() == o.is_sign_positive() {
            Self::MAX
        } else {
            Self::MIN
        };
        self.ck_mul(o).unwrap_or(bound)
    }
    #[inline(never)]
    fn ck_add(self, o: Self) -> Option<Self> {
        self.checked_add(o)
    }
    #[inline(never)]
    fn ck_mul(self, o: Self) -> Option<Self> {
        self.checked_mul(o)
    }
    #[inline(never)]
    fn ck_div(self, o: Self) -> Option<Self> {
        self.checked_div(o)
    }
    fn ceil_whole(self) -> Self {
        self.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::ToPositiveInfinity)
    }
    fn floor_whole(self) -> Self {
        self.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::ToNegativeInfinity)
    }
}

/// Formats a number without trailing zeros.
pub(crate) fn num(d: rust_decimal::Decimal) -> String {
    d.normalize().to_string()
}

/// The collection a check reads, with the fields it names resolved once. `Err` is the outcome to
/// return as is: no records, or a field the model lacks (only possible in a pack built by hand,
/// since loading validates field names).
pub(crate) fn open<'d, const N: usize>(
    ds: &'d crate::engine::Scoped<'_>,
    kind: EntityKind,
    names: [&str; N],
) -> Result<(&'d dyn crate::model::Records, [crate::model::Field; N]), Outcome> {
    let items = ds.records(kind);
    if items.is_empty() {
        return Err(no_records(kind));
    }
    // One small allocation per check run, none per record.
    let fields: Vec<crate::model::Field> = names
        .iter()
        .map(|n| items.field(n))
        .collect::<Option<_>>()
        .ok_or_else(|| no_records(kind))?;
    let fields = fields.try_into().map_err(|_| no_records(kind))?;
    Ok((items, fields))
}

#[cfg(test)]
mod arith_tests {
    use super::Arith;
    use rust_decimal::Decimal;

    #[test]
    fn out_of_line_arithmetic_is_rust_decimals() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let xs = [
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::ONE,
            d("-2.5"),
            d("0.001"),
            d("123456789.123456789"),
            Decimal::MAX,
            Decimal::MIN,
            d("-79228162514264337593543950335"),
        ];
        for a in xs {
            for b in xs {
                let same = |x: Decimal, y: Decimal| {
                    x == y && x.is_sign_negative() == y.is_sign_negative() && x.scale() == y.scale()
                };
                assert!(same(a.sat_sub(b), a.saturating_sub(b)), "{a} - {b}");
                assert!(same(a.sat_mul(b), a.saturating_mul(b)), "{a} × {b}");
                assert_eq!(a.ck_add(b), a.checked_add(b));
                assert_eq!(a.ck_mul(b), a.checked_mul(b));
                assert_eq!(a.ck_div(b), a.checked_div(b));
            }
        }
    }

    #[test]
    fn whole_rounding_is_ceil_and_floor() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let mut xs = vec![
            Decimal::MAX,
            Decimal::MIN,
            d("0.0000000000000000000000000001"),
        ];
        for t in [
            "0",
            "1",
            "2.5",
            "0.001",
            "3.000",
            "99.99",
            "1000000.5",
            "7",
            "0.5",
            "12.0001",
        ] {
            xs.push(d(t));
            xs.push(-d(t));
        }
        for x in xs {
            let same = |a: Decimal, b: Decimal| a == b && a.scale() == b.scale();
            // A zero's sign aside: no amount rounded here is below zero.
            assert!(same(x.ceil_whole(), x.ceil()), "ceil {x}");
            assert!(same(x.floor_whole(), x.floor()), "floor {x}");
        }
    }
}
