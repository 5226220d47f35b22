//! The typed detail of a finding: the exact values behind a verdict, one variant per kind of
//! statement (a value against a bound, a ratio, a missing field, a late date …). The message
//! catalogue (`crate::messages`) has one template per variant and language; checks fill these in
//! and never write prose.

use super::presence::{Literal, RunCondition, RunWords, YearValue};
use crate::model::{EntityKind, Field, Semester};
use crate::rules::Fraction;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

/// A field named in a finding: serialized as its name in the document; its labels are read from
/// the entity's field table when a message is written. Four bytes (the collection and the
/// field's place in its table), not three texts: a national check holds hundreds of thousands of
/// findings, most naming two fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldRef {
    entity: EntityKind,
    /// Place in the entity's field table; [`FieldRef::UNKNOWN`] for a name it does not have.
    at: u16,
}

impl FieldRef {
    /// The place of a field the entity does not have: its name and labels are empty.
    const UNKNOWN: u16 = u16::MAX;

    /// The field `name` of `entity`; an unknown name gives empty labels.
    pub fn of(entity: EntityKind, name: &str) -> FieldRef {
        let at = entity
            .field_position(name)
            .and_then(|i| u16::try_from(i).ok())
            .unwrap_or(Self::UNKNOWN);
        FieldRef { entity, at }
    }
    /// Dotted name as in the JSON document, e.g. `attachments.training_plan`.
    pub fn name(self) -> &'static str {
        self.labels().0
    }
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        self.labels().1
    }
    /// English label.
    pub fn en(self) -> &'static str {
        self.labels().2
    }
    /// The collection the field belongs to.
    pub fn entity(self) -> EntityKind {
        self.entity
    }
    // One call, not inlined: messages read labels at some hundred places, and the browser
    // module pays for each inlined copy of the lookup.
    #[inline(never)]
    fn labels(self) -> (&'static str, &'static str, &'static str) {
        self.entity
            .field_at(usize::from(self.at))
            .unwrap_or(("", "", ""))
    }
}

impl From<&Field> for FieldRef {
    fn from(f: &Field) -> Self {
        FieldRef {
            entity: f.entity,
            at: u16::try_from(f.id.0).unwrap_or(Self::UNKNOWN),
        }
    }
}

impl Serialize for FieldRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl JsonSchema for FieldRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FieldName".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A field's name as in the JSON document, e.g. `meetings` or `attachments.training_plan`."
        })
    }
}

/// The period a record belongs to, shown before a message ("2023—2024学年第一学期,…").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "of", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Period {
    /// A semester, e.g. `2023-2024-1`.
    Semester {
        /// The semester.
        semester: Semester,
    },
    /// A calendar or reporting year.
    Year {
        /// The year.
        year: i32,
    },
    /// The cohort that entered in `year` (2023级).
    Cohort {
        /// The entry year.
        year: i32,
    },
    /// A school year as written, e.g. `2023-2024`.
    SchoolYear {
        /// The school year.
        year: String,
    },
}

/// How a quotient is shown: a plain number (m² per student), a share (60%), or so many of the
/// numerator per one of the denominator (students per teacher, 生师比).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Notation {
    /// `15.2` (with the numerator's unit per denominator unit).
    Number,
    /// `59.99%`.
    Percent,
    /// "18.1 students per teacher".
    PerOne,
}

/// A bound chosen by a flag of a school (national key school: 3, other: 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FlagChoice {
    /// The school's flag, e.g. `national_key`.
    pub flag: String,
    /// Its value for the school (false when not given).
    pub value: bool,
}

/// The exact values behind a finding, tagged by `shape`. Numbers are exact decimals (serialized
/// as strings); thresholds are exact fractions (`"1/3"`, `"60%"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "shape", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Detail {
    // ---- values and bounds (threshold, ratio, not_exceeding, cap) ----
    /// A value on one side of a bound (`code` says which: below a minimum, above a maximum).
    Bound {
        /// The field.
        field: FieldRef,
        /// Its value.
        value: Decimal,
        /// The bound it fails.
        bound: Fraction,
        /// The school flag that chose the bound, when it depends on one.
        #[serde(skip_serializing_if = "Option::is_none")]
        chosen_by: Option<FlagChoice>,
        /// How much more (below a minimum) or less (above a maximum) passes.
        need: Decimal,
    },
    /// numerator ÷ denominator on one side of a bound (`code` says which).
    Ratio {
        /// The numerator's field.
        numerator: FieldRef,
        /// The denominator's field.
        denominator: FieldRef,
        /// The numerator's value.
        num: Decimal,
        /// The denominator's value.
        den: Decimal,
        /// The bound the quotient fails.
        bound: Fraction,
        /// How the quotient is shown.
        notation: Notation,
        /// The smallest change that passes: more numerator (below a minimum) or more
        /// denominator (above a maximum).
        need: Decimal,
        /// The other way to pass, where there is one: less denominator (below a minimum) or
        /// less numerator (above a maximum).
        #[serde(skip_serializing_if = "Option::is_none")]
        or_less: Option<Decimal>,
    },
    /// A ratio whose denominator is zero (or negative): it cannot be computed, so it fails.
    ZeroDenominator {
        /// The numerator's field.
        numerator: FieldRef,
        /// The denominator's field.
        denominator: FieldRef,
        /// The numerator's value.
        num: Decimal,
        /// The denominator's value.
        den: Decimal,
        /// How much denominator an upper bound needs (teachers for the students there are);
        /// none under a lower bound, where no denominator makes the data meaningful.
        #[serde(skip_serializing_if = "Option::is_none")]
        need: Option<Decimal>,
    },
    // ---- presence and form (required, threshold's missing values) ----
    /// A value the rule needs is not given.
    Missing {
        /// The field.
        field: FieldRef,
    },
    // ---- helper anchors: each group adds its variants below its own line ----
    // @presence-time (required, completeness, deadline, within_period, consecutive_years)
    /// An attachment that is not uploaded.
    NotUploaded {
        /// The attachment's field.
        field: FieldRef,
    },
    /// Text that says nothing (无, 略, 同上 …).
    Placeholder {
        /// The field.
        field: FieldRef,
        /// What it says.
        text: String,
    },
    /// A description shorter than the rule asks.
    TooShort {
        /// The field.
        field: FieldRef,
        /// Its length in characters.
        chars: usize,
        /// The fewest characters allowed.
        min: usize,
    },
    /// A file of the wrong type.
    WrongFileType {
        /// The field.
        field: FieldRef,
        /// The file name given.
        file: String,
        /// The ending it must have, e.g. `.pdf`.
        suffix: String,
    },
    /// A value not among the allowed ones.
    NotOneOf {
        /// The field.
        field: FieldRef,
        /// The value given (an enumeration's wire name where the field is one).
        value: String,
        /// The allowed values.
        allowed: Vec<String>,
        /// The pack's Chinese names of the allowed values, for a field without labels of its own.
        #[serde(skip)]
        allowed_zh: Vec<String>,
    },
    /// A record without its companion record for a year (a project without its status report).
    NoCompanion {
        /// The companion collection.
        companion: EntityKind,
        /// The year the companion is for.
        year: i64,
    },
    /// An instant later than its deadline, or not given where the deadline needs it.
    Deadline {
        /// The timestamp's field.
        field: FieldRef,
        /// When it happened; absent when not given.
        #[serde(skip_serializing_if = "Option::is_none")]
        at: Option<crate::model::Timestamp>,
        /// The deadline.
        deadline: crate::model::Timestamp,
    },
    /// A date later than another date of the record plus a period, or not given.
    DueWithin {
        /// The date's field.
        field: FieldRef,
        /// The field the period starts from.
        base_field: FieldRef,
        /// The date the period starts from.
        base: chrono::NaiveDate,
        /// Calendar months of the period.
        months: u32,
        /// Days of the period.
        days: u32,
        /// The last day allowed.
        end: chrono::NaiveDate,
        /// The date given; absent when not given.
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<chrono::NaiveDate>,
        /// The calendar last day, where it was a rest day and `end` is the day after the rest
        /// days (民法典 第二百零三条).
        #[serde(skip_serializing_if = "Option::is_none")]
        moved_from: Option<chrono::NaiveDate>,
    },
    /// A condition that held for consecutive years.
    Consecutive {
        /// The field read each year.
        field: FieldRef,
        /// The years of the run and their values, in order.
        series: Vec<YearValue>,
        /// The condition.
        condition: RunCondition,
        /// How many years in a row make a finding.
        years: u32,
        /// The pack's words for the run.
        #[serde(skip)]
        words: std::sync::Arc<RunWords>,
    },
    /// A value other than the one required, or none.
    Unequal {
        /// The field.
        field: FieldRef,
        /// The value given; absent when not given.
        #[serde(skip_serializing_if = "Option::is_none")]
        found: Option<Literal>,
        /// The value required.
        want: Literal,
    },
    // @groups-relations (group_count, ranking, exclusion, overlap, role, same_as, equals, implies, any_of)
    /// How many records a group has, against a bound (`code`: too many, too few).
    GroupCount {
        /// The group, as readers know it: the school's name, or the group's values.
        group: String,
        /// Records in the group.
        count: u64,
        /// The bound it fails.
        bound: Fraction,
        /// The school flag that chose the bound, when it depends on one.
        #[serde(skip_serializing_if = "Option::is_none")]
        chosen_by: Option<FlagChoice>,
        /// The school's level, naming the kind of school the bound is for (国家级重点中职学校).
        #[serde(skip_serializing_if = "Option::is_none")]
        level: Option<crate::model::SchoolLevel>,
        /// How many fewer (too many) or more (too few) records pass.
        need: Decimal,
    },
    /// Ranks within a group that do not run 1, 2, … n, each once.
    Ranking {
        /// The group, as readers know it.
        group: String,
        /// The ranks given, in ascending order (records without one are not listed).
        ranks: Vec<i64>,
        /// Records of the group without a rank.
        unranked: u64,
    },
    /// Two values of a field that exclude each other occur together within a group.
    Exclusion {
        /// The group, as readers know it (school, major).
        group: String,
        /// The field compared.
        field: FieldRef,
        /// The two values (wire names; labelled when rendered).
        values: [String; 2],
        /// Ids of the records with each value.
        ids: [Vec<String>; 2],
    },
    /// One identity counted under two values of a field (a teacher in both staffs).
    Overlap {
        /// The identity (an ID-number hash, a staff number).
        person: String,
        /// The person's name, where given.
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// The pack's Chinese names of the two sides.
        sides_zh: [String; 2],
        /// The pack's English names of the two sides.
        sides_en: [String; 2],
        /// The school of each side, where given.
        schools: [Option<String>; 2],
    },
    /// A school named in a role is not of an allowed level.
    RoleLevel {
        /// The field naming the school.
        field: FieldRef,
        /// The school's name.
        school: String,
        /// Its level.
        level: crate::model::SchoolLevel,
        /// The levels allowed.
        allowed: Vec<crate::model::SchoolLevel>,
    },
    /// A school named in a role lacks a flag the role requires (independently established), or
    /// does not state it.
    RoleFlag {
        /// The field naming the school.
        field: FieldRef,
        /// The school's name.
        school: String,
        /// Its level.
        level: crate::model::SchoolLevel,
        /// The flag required.
        flag: FieldRef,
        /// Whether the school states the flag at all (false: not given).
        stated: bool,
    },
    /// A field differs from the field of the record's project it must equal; `actual` is none
    /// when it is not given.
    NotSameAs {
        /// The field checked.
        field: FieldRef,
        /// The project's field.
        project_field: FieldRef,
        /// The value given (a school's name where it names one).
        #[serde(skip_serializing_if = "Option::is_none")]
        actual: Option<String>,
        /// The value it must be.
        expected: String,
    },
    /// A flag is true without the flag it requires being true.
    Implies {
        /// The flag that is true.
        if_true: FieldRef,
        /// The flag that must then be true.
        then_true: FieldRef,
        /// Whether the second flag is given (false: not filled in; true: it is "no").
        given: bool,
    },
    /// Fewer of several flags hold than required.
    AnyOf {
        /// The flags that do not hold.
        missing: Vec<FieldRef>,
        /// How many hold.
        held: u64,
        /// How many must hold.
        min: u64,
        /// How many flags there are.
        of: u64,
    },
    // @reference-money (code, catalog_name, same_category, pass_through, not_exceeding, cap, filter)
    /// A code that fails its reference: a unified social credit code, a MoE school code, a
    /// division code, a major code (`problem` says what is wrong).
    BadCode {
        /// The field.
        field: FieldRef,
        /// The code as written (trimmed).
        code: String,
        /// The reference it is checked against.
        scheme: crate::checks::code::Scheme,
        /// What is wrong.
        #[serde(flatten)]
        problem: crate::checks::code::CodeProblem,
    },
    /// A major's name differs from the catalogue's name for its code.
    MajorName {
        /// The name field.
        field: FieldRef,
        /// The name as written.
        name: String,
        /// The major code.
        code: String,
        /// The catalogue's name for the code.
        catalogue: String,
    },
    /// The secondary and higher majors of a pairing are not in parallel categories (专业大类).
    CategoryMismatch {
        /// The secondary major.
        secondary: crate::checks::same_category::MajorRef,
        /// The higher major.
        higher: crate::checks::same_category::MajorRef,
        /// The higher category parallel to the secondary one.
        parallel: String,
        /// Its name.
        parallel_name: String,
    },
    /// A value above another field of the same record it can never exceed.
    Exceeds {
        /// The field.
        field: FieldRef,
        /// The field it may not exceed.
        limit: FieldRef,
        /// The field's value.
        value: Decimal,
        /// The limit field's value.
        limit_value: Decimal,
    },
    /// Money to be passed on, in full or a share, and what was (`code`: below the minimum, or
    /// the amount paid missing).
    PassThrough {
        /// The amount received (or the per-unit amount, with `times_field`).
        owed_field: FieldRef,
        /// The count the per-unit amount is multiplied by.
        #[serde(skip_serializing_if = "Option::is_none")]
        times_field: Option<FieldRef>,
        /// The amount passed on.
        paid_field: FieldRef,
        /// The owed field's value.
        base: Decimal,
        /// The count, with `times_field`.
        #[serde(skip_serializing_if = "Option::is_none")]
        count: Option<Decimal>,
        /// The amount owed (base × count).
        owed: Decimal,
        /// The smallest share to pass on; all of it when absent.
        #[serde(skip_serializing_if = "Option::is_none")]
        share: Option<Fraction>,
        /// The amount to pass on (share × owed), exact.
        required: Decimal,
        /// The amount passed on, where given.
        #[serde(skip_serializing_if = "Option::is_none")]
        paid: Option<Decimal>,
        /// The shortfall, rounded up to the cent.
        short: Decimal,
    },
    /// A value above the smallest of its limits.
    Cap {
        /// The capped field.
        field: FieldRef,
        /// Its value.
        value: Decimal,
        /// The limit that applies (the smallest).
        limit: Decimal,
        /// How much over it.
        over: Decimal,
        /// Each limit the record gives a base for.
        limits: Vec<crate::checks::cap::CapLimit>,
    },
    // @integrity (engine/integrity.rs)
    /// Two records of a collection share one id.
    DuplicateId {
        /// The id.
        id: String,
        /// Index of the first record with it.
        first: usize,
    },
    /// Two records of a collection without ids (cohorts, status reports, semester activities)
    /// are for one project and one period (entry year, reporting year, semester).
    /// The project and the period are the finding's subject id (`P1 2020`).
    DuplicatePeriod {
        /// Index of the first record with them.
        first: usize,
    },
    /// A reference to a record the data does not have.
    UnknownReference {
        /// The referring field.
        field: FieldRef,
        /// The collection referred to.
        target: EntityKind,
        /// The id referred to.
        id: String,
    },
    // @fixes (issue 13)
    /// A file for work the rule requires but the notice does not list among its uploads (the
    /// demand research): not uploaded, reported as a warning at most.
    UploadNotListed {
        /// The field.
        field: FieldRef,
    },
    // @duties (text_form, agrees, listed, intake_after)
    /// Text not of the form it must have (a telephone number, an e-mail address).
    BadForm {
        /// The field.
        field: FieldRef,
        /// The text given.
        text: String,
        /// The form it must have.
        form: crate::checks::text_form::Form,
    },
    /// A figure that differs from the same figure in its companion record.
    Disagrees {
        /// The field.
        field: FieldRef,
        /// Its value.
        value: Decimal,
        /// The companion's collection.
        companion: EntityKind,
        /// The companion's field.
        companion_field: FieldRef,
        /// The companion's value.
        companion_value: Decimal,
        /// The companion's year.
        year: i64,
    },
    /// A reference to a record that is in the data but not on the list (not an approved project).
    NotListed {
        /// The referring field.
        field: FieldRef,
        /// The id referred to.
        id: String,
        /// The list's collection.
        list: EntityKind,
    },
    /// Intake in a year after an event that stops it.
    IntakeAfter {
        /// The intake field.
        field: FieldRef,
        /// The intake.
        value: Decimal,
        /// What stopped it.
        cause: IntakeCause,
    },
    /// A school a notice names has no record in the year.
    NotInRoster {
        /// The name as the notice prints it.
        name: String,
        /// The collection searched.
        entity: EntityKind,
        /// The year.
        year: i64,
    },
}

/// What stops a major's intake (呼和浩特 四(二)6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "is", rename_all = "snake_case")]
pub enum IntakeCause {
    /// Years in a row without intake, `from` to `to`: intake needs a new filing first.
    NoIntake {
        /// The first year of the run.
        from: i64,
        /// The last year of the run.
        to: i64,
    },
    /// A flag set in `year` (a failed rectification): intake suspended.
    Flag {
        /// The flag.
        field: FieldRef,
        /// The year it was set.
        year: i64,
    },
}

/// The numbers of a finding's [`Detail`], exact and typed, under common names so that findings of
/// every kind fit one table's columns ([`Detail::values`]). A field is `None` where the detail
/// has no such number (a missing value, a late date, a bad code).
///
/// - `value`: the value judged (a field's value, a count, a length); for a quotient it is `None`
///   and the two sides are given instead, since `numerator / denominator` need not terminate.
/// - `bound`: the bound it fails, exact (`1/3`, `60%`, `15`).
/// - `numerator`, `denominator`: the two sides of a quotient (a ratio, or an amount passed on
///   out of an amount owed).
/// - `shortfall`: the smallest change that passes (more of the value below a minimum, less above
///   a maximum; for a zero denominator, the denominator an upper bound needs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Values {
    /// The value judged.
    pub value: Option<Decimal>,
    /// The bound it fails.
    pub bound: Option<Fraction>,
    /// A quotient's numerator.
    pub numerator: Option<Decimal>,
    /// A quotient's denominator.
    pub denominator: Option<Decimal>,
    /// The smallest change that passes.
    pub shortfall: Option<Decimal>,
}

impl Detail {
    /// The detail's numbers under the common names of [`Values`]: one arm per variant, so a new
    /// variant must say which of its numbers are which.
    ///
    /// ```
    /// use xianjie::{check, Dataset, Options};
    /// let ds = Dataset::from_json_str(r#"{"reporting_year": 2024,
    ///   "semester_activities": [{"project": "P1", "semester": "2023-2024-1",
    ///                            "meetings": 2, "joint_research": 1, "teachers_dispatched": 5}]}"#).unwrap();
    /// let opts = Options { packs: vec!["bj-3p2-2024".into()], ..Default::default() };
    /// let report = check(&ds, &opts).unwrap();
    /// let v = report.findings[0].detail.values();
    /// // 1 joint research activity of at least 3: 2 more needed.
    /// assert_eq!(v.value, Some(1.into()));
    /// assert_eq!(v.bound.map(|b| b.to_string()).as_deref(), Some("3"));
    /// assert_eq!(v.shortfall, Some(2.into()));
    /// assert_eq!(v.numerator, None);
    /// ```
    pub fn values(&self) -> Values {
        let none = Values::default();
        let count = |n: u64| Decimal::from(n);
        match self {
            Detail::Bound {
                value, bound, need, ..
            } => Values {
                value: Some(*value),
                bound: Some(*bound),
                shortfall: Some(*need),
                ..none
            },
            Detail::Ratio {
                num,
                den,
                bound,
                need,
                ..
            } => Values {
                bound: Some(*bound),
                numerator: Some(*num),
                denominator: Some(*den),
                shortfall: Some(*need),
                ..none
            },
            Detail::ZeroDenominator { num, den, need, .. } => Values {
                numerator: Some(*num),
                denominator: Some(*den),
                shortfall: *need,
                ..none
            },
            Detail::TooShort { chars, min, .. } => Values {
                value: Some(count(*chars as u64)),
                bound: Some(Fraction::from_decimal(count(*min as u64))),
                shortfall: Some(count(min.saturating_sub(*chars) as u64)),
                ..none
            },
            Detail::Consecutive { series, years, .. } => Values {
                // The run's length against the years in a row that make a finding.
                value: Some(count(series.len() as u64)),
                bound: Some(Fraction::from_decimal(Decimal::from(*years))),
                ..none
            },
            Detail::GroupCount {
                count: n,
                bound,
                need,
                ..
            } => Values {
                value: Some(count(*n)),
                bound: Some(*bound),
                shortfall: Some(*need),
                ..none
            },
            Detail::AnyOf { held, min, .. } => Values {
                value: Some(count(*held)),
                bound: Some(Fraction::from_decimal(count(*min))),
                shortfall: Some(count(min.saturating_sub(*held))),
                ..none
            },
            Detail::Exceeds {
                value, limit_value, ..
            } => Values {
                value: Some(*value),
                bound: Some(Fraction::from_decimal(*limit_value)),
                shortfall: value.checked_sub(*limit_value),
                ..none
            },
            Detail::PassThrough {
                owed,
                share,
                paid,
                short,
                ..
            } => Values {
                // Paid out of owed, against the share to pass on (all of it when none is set).
                bound: Some(share.unwrap_or(Fraction::from_decimal(Decimal::ONE))),
                numerator: *paid,
                denominator: Some(*owed),
                shortfall: Some(*short),
                ..none
            },
            Detail::Cap {
                value, limit, over, ..
            } => Values {
                value: Some(*value),
                bound: Some(Fraction::from_decimal(*limit)),
                shortfall: Some(*over),
                ..none
            },
            Detail::Missing { .. }
            | Detail::NotUploaded { .. }
            | Detail::Placeholder { .. }
            | Detail::WrongFileType { .. }
            | Detail::NotOneOf { .. }
            | Detail::NoCompanion { .. }
            | Detail::Deadline { .. }
            | Detail::DueWithin { .. }
            | Detail::Unequal { .. }
            | Detail::Ranking { .. }
            | Detail::Exclusion { .. }
            | Detail::Overlap { .. }
            | Detail::RoleLevel { .. }
            | Detail::RoleFlag { .. }
            | Detail::NotSameAs { .. }
            | Detail::Implies { .. }
            | Detail::BadCode { .. }
            | Detail::MajorName { .. }
            | Detail::CategoryMismatch { .. }
            | Detail::DuplicateId { .. }
            | Detail::DuplicatePeriod { .. }
            | Detail::UnknownReference { .. }
            | Detail::UploadNotListed { .. } => none,
            Detail::Disagrees {
                value,
                companion_value,
                ..
            } => Values {
                value: Some(*value),
                bound: Some(Fraction::from_decimal(*companion_value)),
                ..none
            },
            Detail::IntakeAfter { value, .. } => Values {
                value: Some(*value),
                ..none
            },
            Detail::BadForm { .. } | Detail::NotListed { .. } | Detail::NotInRoster { .. } => none,
        }
    }
}
