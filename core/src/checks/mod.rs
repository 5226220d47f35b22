//! Evaluation of each check kind, one file per kind, plus what they share: the context, message
//! wording and field resolution.

pub mod any_of;
pub mod bound;
pub mod cap;
pub mod catalog_name;
pub mod code;
pub mod completeness;
pub mod consecutive_years;
pub mod deadline;
pub mod equals;
pub mod exclusion;
pub mod filter;
pub mod group_count;
pub mod implies;
pub mod not_exceeding;
pub mod overlap;
pub mod pass_through;
pub mod ranking;
pub mod ratio;
pub mod required;
pub mod role;
pub mod same_as;
pub mod same_category;
pub mod target;
pub mod threshold;
pub mod within_period;

use crate::finding::{Detail, Finding, FindingCode, Location, Period, Reason, RuleInfo, Text};
use crate::model::{Dataset, EntityKind, Field, Index, Rec, Records, Subject, ValueKind};
use crate::rules::{Pack, Rule};
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
    fn validate(&self) -> Result<(), String>;
    /// Runs the check, pushing findings into `cx`.
    fn run(&self, cx: &mut Cx<'_>) -> Outcome;
    /// The reference table the check cannot run without, if any.
    fn needs(&self) -> Option<crate::reference::source::Table> {
        None
    }
}

/// Everything a check needs while it runs.
pub struct Cx<'a> {
    /// The data.
    pub ds: &'a Dataset,
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
}

/// Parts of a finding that vary by check: data only, no words.
pub(crate) struct Draft {
    pub code: FindingCode,
    pub subject: Subject,
    pub locations: Vec<Location>,
    pub period: Option<Period>,
    pub inputs: Vec<(String, String)>,
    pub detail: Detail,
}

/// A finding drafted the old way, with its words written by the check. Transitional: kinds move
/// to [`Draft`] and a [`Detail`] variant one by one; none may remain when the catalogue is done.
pub(crate) struct LegacyDraft {
    pub code: FindingCode,
    pub subject: Subject,
    pub locations: Vec<Location>,
    pub message: Text,
    pub inputs: Vec<(String, String)>,
    pub computed: Option<String>,
    pub threshold: Option<String>,
    pub remedy: Option<Text>,
}

impl Cx<'_> {
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

    /// Records a finding drafted the old way (transitional).
    pub(crate) fn emit_legacy(&mut self, d: LegacyDraft) {
        self.emit(Draft {
            code: d.code,
            subject: d.subject,
            locations: d.locations,
            period: None,
            inputs: d.inputs,
            detail: Detail::Legacy {
                message: d.message,
                remedy: d.remedy,
                computed: d.computed,
                threshold: d.threshold,
            },
        });
    }

    /// What is measured, in both languages; falls back to the field's label (transitional).
    pub(crate) fn metric(&self, fallback: (&str, &str)) -> (String, String) {
        let w = &self.rule.wording;
        (
            w.metric_zh
                .clone()
                .unwrap_or_else(|| fallback.0.to_string()),
            w.metric_en
                .clone()
                .unwrap_or_else(|| fallback.1.to_string()),
        )
    }
    /// Unit (zh, en), empty when not given (transitional).
    pub(crate) fn unit(&self) -> (&str, &str) {
        let w = &self.rule.wording;
        (
            w.unit_zh.as_deref().unwrap_or(""),
            w.unit_en.as_deref().unwrap_or(""),
        )
    }
    /// The remedy with `{n}` filled in, or `default` when the rule gives none (transitional).
    pub(crate) fn remedy(&self, n: &str, default: (String, String)) -> Text {
        let w = &self.rule.wording;
        match (&w.remedy_zh, &w.remedy_en) {
            (Some(z), Some(e)) => Text::new(
                z.replace("{n}", n),
                crate::messages::plural(&e.replace("{n}", n)),
            ),
            _ => Text::new(default.0, default.1),
        }
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
) -> Result<(), String> {
    match entity.field_kind(name) {
        None => Err(format!(
            "{} has no field `{name}`; known fields: {}",
            entity.as_str(),
            entity.field_names().join(", ")
        )),
        Some(k) if !want.contains(&k) => Err(format!(
            "field `{}.{name}` is {}, this check needs {}",
            entity.as_str(),
            k.name(),
            want.iter()
                .map(|k| k.name())
                .collect::<Vec<_>>()
                .join(" or ")
        )),
        Some(_) => Ok(()),
    }
}

/// Label of a field (zh, en), falling back to its name.
pub(crate) fn label(entity: EntityKind, name: &str) -> (&'static str, &'static str) {
    entity.field_label(name).unwrap_or(("", ""))
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
}

/// Formats a number without trailing zeros.
pub(crate) fn num(d: rust_decimal::Decimal) -> String {
    d.normalize().to_string()
}

/// The collection a check reads, with the fields it names resolved once. `Err` is the outcome to
/// return as is: no records, or a field the model lacks (only possible in a pack built by hand,
/// since loading validates field names).
pub(crate) fn open<'d, const N: usize>(
    ds: &'d Dataset,
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
}
